# The computation of ../torch_class.py in NumPy's float64, the gradient derived by
# hand: p = sigmoid(X W + b), L = mean((p - y)^2), dL/dp = 2(p - y)/n,
# dL/dz = dL/dp * p(1 - p), dL/dW = X^T dL/dz, dL/db = sum of dL/dz.
import numpy as np

X = np.array([[1.0, 2.0], [0.5, -1.0], [-1.5, 0.5]])
y = np.array([[1.0], [0.0], [0.0]])
W = np.array([[0.5], [-0.3]])
b = np.array([0.1])
lr = 0.5
for step in range(8):
    p = 1 / (1 + np.exp(-(X @ W + b)))
    loss = np.mean((p - y) ** 2)
    dz = 2 * (p - y) / len(y) * p * (1 - p)
    W = W - lr * (X.T @ dz)
    b = b - lr * dz.sum(axis=0)
    print(f"step {step}: loss {loss:.6f}")

print(W.ravel())
print(float(b[0]))
