# The NumPy side of examples/seed002_numpy.xi: seed 002's script, printing its
# numbers in full.  Run with NumPy (Debian: python3-numpy): python3 seed002_numpy.py
import numpy as np
def sigmoid(z): return 1 / (1 + np.exp(-np.clip(z, -500, 500)))
def sd(z): s = sigmoid(z); return s * (1 - s)
np.random.seed(42)
W1 = np.random.randn(2, 2) * 0.5; b1 = np.zeros((1, 2)); W2 = np.random.randn(2, 1) * 0.5; b2 = np.zeros((1, 1))
print("W1", repr(W1.tolist())); print("W2", repr(W2.tolist()))
X = np.array([[0.5, 0.8]]); y = np.array([[1.0]])
z1 = X @ W1 + b1; a1 = sigmoid(z1); z2 = a1 @ W2 + b2; yp = sigmoid(z2); loss = np.mean((y - yp)**2)
print("z1", z1.tolist(), "a1", a1.tolist(), "z2", z2.tolist(), "yp", yp.tolist(), "loss", repr(loss))
d = 2*(yp - y)/y.size; dz2 = d*sd(z2); dW2 = a1.T @ dz2; db2 = dz2.sum(0, keepdims=True); da1 = dz2 @ W2.T; dz1 = da1*sd(z1); dW1 = X.T @ dz1; db1 = dz1.sum(0, keepdims=True)
print("dW2", dW2.tolist(), "db2", db2.tolist(), "dW1", dW1.tolist(), "db1", db1.tolist())
lr = 0.5; W1n = W1 - lr*dW1; b1n = b1 - lr*db1; W2n = W2 - lr*dW2; b2n = b2 - lr*db2
print("W2new", W2n.tolist())
yp2 = sigmoid(sigmoid(X @ W1n + b1n) @ W2n + b2n); print("loss2", repr(np.mean((y-yp2)**2)))
np.random.seed(42)
W1 = np.random.randn(2, 2) * 0.5; b1 = np.zeros((1, 2)); W2 = np.random.randn(2, 1) * 0.5; b2 = np.zeros((1, 1))
Xt = np.array([[0.5, 0.8], [0.2, 0.9], [0.8, 0.1], [0.1, 0.2]]); yt = np.array([[1], [1], [0], [0]])
for epoch in range(100):
    z1 = Xt @ W1 + b1; a1 = sigmoid(z1); z2 = a1 @ W2 + b2; yp = sigmoid(z2); loss = np.mean((yt - yp)**2)
    if epoch % 20 == 0: print("epoch", epoch, repr(loss))
    m = 4; d = 2*(yp - yt)/m; dz2 = d*sd(z2); dW2 = a1.T @ dz2; db2 = dz2.sum(0, keepdims=True); da1 = dz2 @ W2.T; dz1 = da1*sd(z1); dW1 = Xt.T @ dz1; db1 = dz1.sum(0, keepdims=True)
    W1 -= dW1; b1 -= db1; W2 -= dW2; b2 -= db2
print("final yp", yp.ravel().tolist())
yp = sigmoid(sigmoid(Xt @ W1 + b1) @ W2 + b2); print("after 100 updates loss", repr(np.mean((yt-yp)**2)))
