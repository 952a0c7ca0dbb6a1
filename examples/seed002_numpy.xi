# Seed 002's NumPy script, start to end: np.random.seed(42) weights, one forward
# and backward pass, an update with learning rate 0.5, then the 100-epoch
# training loop (learning rate 1.0) and its final predictions.  Every number
# NumPy prints for the script is checked as printed (4 or 3 decimals), and the
# values to 14 digits against NumPy's float64 (examples/reference/seed002_numpy.py).
seed 42
W1 = randn(2, 2)*0.5; b1 = zeros(1, 2); W2 = randn(2, 1)*0.5; b2 = zeros(1, 1)
check W1 == [[0.24835707650562, -0.069132150585592], [0.32384426905035, 0.76151492820401]]
check W2 == [[-0.11707668736167], [-0.11706847847459]]

# ---- forward pass: X is one sample ----
X = [[0.5, 0.8]]; y = [[1.0]]
z1 = X @ W1 + b1
a1 = sigmoid(z1)
z2 = a1 @ W2 + b2
y_pred = sigmoid(z2)
loss = mean((y - y_pred)^2)
check z1 == [[0.3833, 0.5746]]        # NumPy prints z1 (linear): [[0.3833 0.5746]]
check a1 == [[0.5947, 0.6398]]
check z2 == [[-0.1445]]
check y_pred == [[0.4639]]
check loss == 0.2874                  # Loss: 0.2874
check loss == 0.28736942655272

# ---- backward pass: the seed's six steps are the sweep's adjoints ----
dW2 = grad(loss, W2); db2 = grad(loss, b2); dW1 = grad(loss, W1); db1 = grad(loss, b1)
check dW2 == [[-0.1586], [-0.1706]]   # dL/dW2 values: [-0.1586 -0.1706]
check db2 == [[-0.2666]]
check dW1 == [[0.0037623036107631, 0.0035966996510872], [0.0060196857772210, 0.0057547194417395]]
check db1 == [[0.0075246072215262, 0.0071933993021744]]
# the seed's chain, written out: 2(ŷ - y)/n · σ'(z2), then W2ᵀ and σ'(z1)
dL_dz2 = 2*(y_pred - y)/1 * y_pred*(1 - y_pred)
check T(a1) @ dL_dz2 == [[-0.15855920395375], [-0.1706051258338]]
check X.T @ ((dL_dz2 @ W2.T) * a1*(1 - a1)) == [[0.0037623036107631, 0.0035966996510872], [0.0060196857772210, 0.0057547194417395]]
trace loss

# ---- the update, learning rate 0.5 ----
W1 -= 0.5*dW1; b1 -= 0.5*db1; W2 -= 0.5*dW2; b2 -= 0.5*db2;
check W2 == [[-0.0378], [-0.0318]]    # New: [-0.0378 -0.0318]
check loss == 0.2279                  # Loss: 0.2874 → 0.2279 (loss follows the weights)
check loss == 0.22786991502088
check 0.28736942655272 - loss == 0.0595   # Loss decreased by: 0.0595

# ---- complete training: fresh weights, four samples, learning rate 1.0 ----
# (the leaves W1 ... b2 are set in place; X_train and y_train are new leaves of
# their own shapes, and the forward pass is built again on them, as the seed does)
seed 42
W1 = randn(2, 2)*0.5; b1 = zeros(1, 2); W2 = randn(2, 1)*0.5; b2 = zeros(1, 1);
X_train = [[0.5, 0.8], [0.2, 0.9], [0.8, 0.1], [0.1, 0.2]]; y_train = [[1], [1], [0], [0]];
a1 = sigmoid(X_train @ W1 + b1); y_pred = sigmoid(a1 @ W2 + b2); loss = mean((y_train - y_pred)^2);
digits 4
# NumPy prints the loss of epochs 0, 20, 40, 60, 80 before that epoch's update
repeat 4 {
  loss
  repeat 20 { gW1 = grad(loss, W1); gb1 = grad(loss, b1); gW2 = grad(loss, W2); gb2 = grad(loss, b2); W1 -= gW1; b1 -= gb1; W2 -= gW2; b2 -= gb2; }
}
check loss == 0.2192                  # Epoch  80: Loss = 0.2192
check loss == 0.21923527498435
repeat 19 { gW1 = grad(loss, W1); gb1 = grad(loss, b1); gW2 = grad(loss, W2); gb2 = grad(loss, b2); W1 -= gW1; b1 -= gb1; W2 -= gW2; b2 -= gb2; }
# the predictions NumPy prints come from epoch 99's forward pass
y_pred
check y_pred == [[0.566], [0.587], [0.445], [0.485]]
check y_pred == [[0.56550589062562], [0.58686348776984], [0.44466912262378], [0.48454634861534]]
gW1 = grad(loss, W1); gb1 = grad(loss, b1); gW2 = grad(loss, W2); gb2 = grad(loss, b2); W1 -= gW1; b1 -= gb1; W2 -= gW2; b2 -= gb2;
check loss == 0.19665023222596       # after the 100th update
