# The NumPy side of examples/seed003_relu_bce.xi: seed 003's 2-layer network
# (ReLU hidden layer, sigmoid output, binary cross-entropy), samples as columns,
# and one update by the seed's pseudocode.  Run: python3 seed003.py
import numpy as np
sig = lambda z: 1 / (1 + np.exp(-z))
W1 = np.array([[0.2, -0.4, 0.1], [0.5, 0.3, -0.2], [-0.3, 0.8, 0.6], [0.1, -0.1, 0.4]])
b1 = np.array([[0.1], [-0.1], [0.0], [0.2]])
W2 = np.array([[0.7, -0.5, 0.3, 0.9]]); b2 = np.array([[-0.2]])
X = np.array([[1.0, 0.5], [2.0, -1.0], [-1.0, 1.5]]); Y = np.array([[1.0, 0.0]])
m = 2; lr = 0.1
Z1 = W1 @ X + b1; A1 = np.maximum(0, Z1); Z2 = W2 @ A1 + b2; Yh = sig(Z2)
L = np.mean(-(Y*np.log(Yh) + (1-Y)*np.log(1-Yh)))
print("Z1", Z1.tolist()); print("Yhat", Yh.tolist()); print("L", repr(L))
d2 = Yh - Y                                   # the text: δ2 = ŷ - y for BCE + sigmoid
dW2 = d2 @ A1.T / m; db2 = d2.sum(1, keepdims=True) / m
d1 = (W2.T @ d2) * (Z1 > 0); dW1 = d1 @ X.T / m; db1 = d1.sum(1, keepdims=True) / m
print("dW2", dW2.tolist()); print("db2", db2.tolist()); print("dW1", dW1.tolist()); print("db1", db1.tolist())
p2 = (Yh - Y) * Yh * (1 - Yh)                 # the pseudocode: (ŷ - y)·σ'(z2)
print("pseudocode dW2", (p2 @ A1.T / m).tolist())
W1n = W1 - lr*dW1; b1n = b1 - lr*db1; W2n = W2 - lr*dW2; b2n = b2 - lr*db2
Yh2 = sig(W2n @ np.maximum(0, W1n @ X + b1n) + b2n)
print("W2new", W2n.tolist()); print("L after", repr(np.mean(-(Y*np.log(Yh2) + (1-Y)*np.log(1-Yh2)))))
