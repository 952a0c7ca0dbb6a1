# A student's program, written as a tutorial would have it and run unchanged:
# nothing in it was fitted to xi (tests/paste/README.md).  Not from a seed.
# Written for a student's-eye trial of xi; it ran unchanged, every digit NumPy's.
import numpy as np

np.random.seed(42)
N = 100
X = np.random.randn(N, 2)
true_w = np.array([2.0, -3.0])
y = (X @ true_w + 0.5 > 0).astype(float)

def sigmoid(z):
    return 1 / (1 + np.exp(-z))

def loss_fn(p, y, eps=1e-12):
    p = np.clip(p, eps, 1 - eps)
    return -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))

w = np.zeros(2)
b = 0.0
lr = 0.1
history = []
for epoch in range(301):
    z = X.dot(w) + b
    p = sigmoid(z)
    loss = loss_fn(p, y)
    history.append(loss)
    dz = (p - y) / N
    dw = X.T.dot(dz)
    db = np.sum(dz)
    w -= lr * dw
    b -= lr * db
    if epoch % 100 == 0:
        acc = np.mean((p > 0.5) == y)
        print(f"Epoch {epoch:4d} | loss {loss:.4f} | acc {acc:.2%}")

print("w =", w)
print("b =", round(b, 5))
print("best loss %.6f at epoch %d" % (min(history), np.argmin(history)))
print("direction:", w / np.linalg.norm(w), "true:", true_w / np.linalg.norm(true_w))
preds = sigmoid(X[:5] @ w + b)
for i, (pi, yi) in enumerate(zip(preds, y[:5])):
    print(i, f"{pi:.3f}", int(yi))
