# The acceptance cases of ../shared/acceptance/cases.tsv tagged tensor, as checks:
# each program as given there, its reference number (computed there independently
# at 60+ digits) claimed to 30 significant digits.  Names are cleared between cases.
prec 256
# s004-ex1-tensor-dW2
x = [1, 1]; y = 1; W1 = [[0.1, 0.1], [0.1, 0.1]]; b1 = [0, 0]; W2 = [[0.1, 0.1]]; b2 = [0]; z1 = W1 @ x + b1; a1 = z1; z2 = W2 @ a1 + b2; L = sum((z2 - y)^2)/2;
check grad(L, W2)[0, 1] == -0.192000000000000000000000000000
del L, W1, W2, a1, b1, b2, x, y, z1, z2
# s004-ex1-tensor-dW1
x = [1, 1]; y = 1; W1 = [[0.1, 0.1], [0.1, 0.1]]; b1 = [0, 0]; W2 = [[0.1, 0.1]]; b2 = [0]; z1 = W1 @ x + b1; a1 = z1; z2 = W2 @ a1 + b2; L = sum((z2 - y)^2)/2;
check grad(L, W1)[1, 0] == -0.0960000000000000000000000000000
del L, W1, W2, a1, b1, b2, x, y, z1, z2
# s004-ex2-tensor-dW2
x = [1, 1]; y = 1; W1 = [[0.1, 0.1], [0.1, 0.1]]; b1 = [0, 0]; W2 = [[0.1, 0.1]]; b2 = [0]; a1 = sigmoid(W1 @ x + b1); yhat = sigmoid(W2 @ a1 + b2); L = sum(-(y*log(yhat) + (1 - y)*log(1 - yhat)));
check grad(L, W2)[0, 0] == -0.259816341665890041132571567741
del L, W1, W2, a1, b1, b2, x, y, yhat
# s004-ex2-tensor-db1
x = [1, 1]; y = 1; W1 = [[0.1, 0.1], [0.1, 0.1]]; b1 = [0, 0]; W2 = [[0.1, 0.1]]; b2 = [0]; a1 = sigmoid(W1 @ x + b1); yhat = sigmoid(W2 @ a1 + b2); L = sum(-(y*log(yhat) + (1 - y)*log(1 - yhat)));
check grad(L, b1)[1] == -0.0116960483960629214200907812896
del L, W1, W2, a1, b1, b2, x, y, yhat
# s002-randn-seed42
seed 42; r = randn(2, 2);
check r[0, 0] == 0.496714153011232673051722485980
del r
# s002-randn-seed42-third
seed 42; r = randn(2, 2);
check r[1, 0] == 0.647688538100692490218079910846
del r
# s002-loss
seed 42; W1 = randn(2, 2)*0.5; b1 = zeros(1, 2); W2 = randn(2, 1)*0.5; b2 = zeros(1, 1); X = [[0.5, 0.8]]; y = [[1.0]]; a1 = sigmoid(X @ W1 + b1); y_pred = sigmoid(a1 @ W2 + b2); loss = mean((y - y_pred)^2);
check loss == 0.287369426552718437963993602206
del W1, W2, X, a1, b1, b2, loss, y, y_pred
# s002-dW2
seed 42; W1 = randn(2, 2)*0.5; b1 = zeros(1, 2); W2 = randn(2, 1)*0.5; b2 = zeros(1, 1); X = [[0.5, 0.8]]; y = [[1.0]]; a1 = sigmoid(X @ W1 + b1); y_pred = sigmoid(a1 @ W2 + b2); loss = mean((y - y_pred)^2);
check grad(loss, W2)[1, 0] == -0.170605125833798391214621424118
del W1, W2, X, a1, b1, b2, loss, y, y_pred
# s002-dW1
seed 42; W1 = randn(2, 2)*0.5; b1 = zeros(1, 2); W2 = randn(2, 1)*0.5; b2 = zeros(1, 1); X = [[0.5, 0.8]]; y = [[1.0]]; a1 = sigmoid(X @ W1 + b1); y_pred = sigmoid(a1 @ W2 + b2); loss = mean((y - y_pred)^2);
check grad(loss, W1)[1, 0] == 0.00601968577722098876095444482863
del W1, W2, X, a1, b1, b2, loss, y, y_pred
# s002-one-step
seed 42; W1 = randn(2, 2)*0.5; b1 = zeros(1, 2); W2 = randn(2, 1)*0.5; b2 = zeros(1, 1); X = [[0.5, 0.8]]; y = [[1.0]]; a1 = sigmoid(X @ W1 + b1); y_pred = sigmoid(a1 @ W2 + b2); loss = mean((y - y_pred)^2); gW1 = grad(loss, W1); gb1 = grad(loss, b1); gW2 = grad(loss, W2); gb2 = grad(loss, b2); W1 -= 0.5*gW1; b1 -= 0.5*gb1; W2 -= 0.5*gW2; b2 -= 0.5*gb2; a1 = sigmoid(X @ W1 + b1); y_pred = sigmoid(a1 @ W2 + b2); loss = mean((y - y_pred)^2);
check loss == 0.227869915020882613679632684446
del W1, W2, X, a1, b1, b2, gW1, gW2, gb1, gb2, loss, y, y_pred
# s002-train-100
seed 42; W1 = randn(2, 2)*0.5; b1 = zeros(1, 2); W2 = randn(2, 1)*0.5; b2 = zeros(1, 1); X = [[0.5, 0.8], [0.2, 0.9], [0.8, 0.1], [0.1, 0.2]]; y = [[1], [1], [0], [0]]; repeat 100 { a1 = sigmoid(X @ W1 + b1); y_pred = sigmoid(a1 @ W2 + b2); loss = mean((y - y_pred)^2); gW1 = grad(loss, W1); gb1 = grad(loss, b1); gW2 = grad(loss, W2); gb2 = grad(loss, b2); W1 -= gW1; b1 -= gb1; W2 -= gW2; b2 -= gb2 }; a1 = sigmoid(X @ W1 + b1); y_pred = sigmoid(a1 @ W2 + b2); loss = mean((y - y_pred)^2);
check loss == 0.196650232225963243502748820774
del W1, W2, X, a1, b1, b2, gW1, gW2, gb1, gb2, loss, y, y_pred
# s001-softmax-ce
z = [[2.0, 1.0, 0.1]]; L = cross_entropy(z, [0]);
check L == 0.417030016277833482607787864951
del L, z
# s001-softmax-ce-grad
z = [[2.0, 1.0, 0.1]]; L = cross_entropy(z, [0]);
check grad(L, z)[0, 1] == 0.242432970704713921524172031532
del L, z
# shape-mismatch
A = [[1, 2], [3, 4]]; B = [[1, 2, 3]]; A @ B
del A, B
