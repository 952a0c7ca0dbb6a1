# Seed 002's NumPy script, start to end, typed as the text writes it: the
# np.random.seed(42) weights, one forward and backward pass with the seed's
# hand-derived gradients, the update with learning rate 0.5, then the 100-epoch
# training loop (forward pass, hand-derived backward pass and in-place -=
# updates each epoch).  Every number NumPy prints for the script is checked as
# printed (4 or 3 decimals), and the values to 14 digits against NumPy's
# float64 (examples/reference/seed002_numpy.py).
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

# ---- backward pass, the seed's six steps by hand ----
dL_dy_pred = 2*(y_pred - y)/1         # y.size is 1
dy_pred_dz2 = sigmoid(z2)*(1 - sigmoid(z2))
dL_dz2 = dL_dy_pred * dy_pred_dz2
dL_dW2 = a1.T @ dL_dz2
dL_db2 = sum(dL_dz2, 0)
dL_da1 = dL_dz2 @ W2.T
da1_dz1 = sigmoid(z1)*(1 - sigmoid(z1))
dL_dz1 = dL_da1 * da1_dz1
dL_dW1 = X.T @ dL_dz1
dL_db1 = sum(dL_dz1, 0)
check dL_dW2 == [[-0.1586], [-0.1706]]   # dL/dW2 values: [-0.1586 -0.1706]
check dL_db2 == [-0.2666]
check dL_dW1 == [[0.0037623036107631, 0.0035966996510872], [0.0060196857772210, 0.0057547194417395]]
check dL_db1 == [0.0075246072215262, 0.0071933993021744]
# ... and they are the sweep's adjoints
check grad(loss, W2) == [[-0.15855920395375], [-0.1706051258338]]
check grad(loss, W1) == [[0.0037623036107631, 0.0035966996510872], [0.0060196857772210, 0.0057547194417395]]
trace loss

# ---- the update, learning rate 0.5 ----
learning_rate = 0.5
W1_old = W1; W2_old = W2
W1 = W1 - learning_rate*dL_dW1
b1 = b1 - learning_rate*dL_db1
W2 = W2 - learning_rate*dL_dW2
b2 = b2 - learning_rate*dL_db2
check W2_old == [[-0.1171], [-0.1171]]   # Old: [-0.1171 -0.1171]
check W2 == [[-0.0378], [-0.0318]]    # New: [-0.0378 -0.0318]
check W2[1, 0] == -0.031765915557691
# verify that the loss decreased: the forward pass on the new weights
z1_new = X @ W1 + b1; a1_new = sigmoid(z1_new); z2_new = a1_new @ W2 + b2
y_pred_new = sigmoid(z2_new); loss_new = mean((y - y_pred_new)^2)
check loss_new == 0.2279              # Loss: 0.2874 → 0.2279
check loss_new == 0.22786991502088
check loss - loss_new == 0.0595       # Loss decreased by: 0.0595

# ---- complete training: fresh weights, four samples, learning rate 1.0 ----
seed 42
W1 = randn(2, 2)*0.5; b1 = zeros(1, 2); W2 = randn(2, 1)*0.5; b2 = zeros(1, 1);
X_train = [[0.5, 0.8], [0.2, 0.9], [0.8, 0.1], [0.1, 0.2]]; y_train = [[1], [1], [0], [0]];
learning_rate = 1.0; m = 4;
digits 4
# NumPy prints the loss of epochs 0, 20, 40, 60 and 80 (computed before that
# epoch's update): 0.2538, 0.2473, 0.2420, 0.2335, 0.2192
repeat 5 {
  mean((y_train - sigmoid(sigmoid(X_train @ W1 + b1) @ W2 + b2))^2)
  repeat 20 {
    z1 = X_train @ W1 + b1; a1 = sigmoid(z1); z2 = a1 @ W2 + b2; y_pred = sigmoid(z2);
    loss = mean((y_train - y_pred)^2);
    dL_dy_pred = 2*(y_pred - y_train)/m;
    dL_dz2 = dL_dy_pred * sigmoid(z2)*(1 - sigmoid(z2));
    dL_dW2 = a1.T @ dL_dz2; dL_db2 = sum(dL_dz2, 0);
    dL_da1 = dL_dz2 @ W2.T;
    dL_dz1 = dL_da1 * sigmoid(z1)*(1 - sigmoid(z1));
    dL_dW1 = X_train.T @ dL_dz1; dL_db1 = sum(dL_dz1, 0);
    W1 -= learning_rate*dL_dW1; b1 -= learning_rate*dL_db1;
    W2 -= learning_rate*dL_dW2; b2 -= learning_rate*dL_db2;
  }
}
# after the loop, y_pred and loss are epoch 99's, as in NumPy
check loss == 0.19800                 # NumPy: 0.19799567534755 at epoch 99
check loss == 0.19799567534755
y_pred
check y_pred == [[0.566], [0.587], [0.445], [0.485]]   # Final predictions vs targets
check y_pred == [[0.56550589062562], [0.58686348776984], [0.44466912262378], [0.48454634861534]]
# the loss on the weights after the 100th update
check mean((y_train - sigmoid(sigmoid(X_train @ W1 + b1) @ W2 + b2))^2) == 0.19665023222596
