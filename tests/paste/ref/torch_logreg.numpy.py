# The computation of ../torch_logreg.py in NumPy's float64, each gradient
# derived by hand: z = X w + b, p = sigmoid(z), L = -mean(y log p + (1-y) log(1-p)),
# dL/dz = (p - y)/n, dL/dw = X^T dL/dz, dL/db = sum(dL/dz).  It prints what the
# PyTorch file prints (PyTorch with dtype=torch.float64 computes these numbers).
import numpy as np

X = np.array([[0.5, 1.5], [1.0, -0.5], [-1.5, 0.3], [2.0, 1.0], [-0.7, -1.2], [0.2, -2.0]])
y = np.array([1.0, 1.0, 0.0, 1.0, 0.0, 0.0])
w = np.array([0.1, -0.2])
b = 0.0
lr = 0.5
n = len(y)

def forward(w, b):
    p = 1 / (1 + np.exp(-(X @ w + b)))
    loss = -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))
    return p, loss

losses = []
for epoch in range(20):
    p, loss = forward(w, b)
    dz = (p - y) / n
    w = w - lr * (X.T @ dz)
    b = b - lr * np.sum(dz)
    losses.append(float(loss))
    if epoch % 5 == 0:
        print(f"epoch {epoch:2d}  loss {loss:.4f}")

print("final loss:", losses[-1])
print("w:", w)
print("b:", float(b))

p, loss = forward(w, b)
dz = (p - y) / n
once = X.T @ dz
print("once: ", once)
print("twice:", 2 * once)
print(f"{2 * np.sum(dz):.6f}")
