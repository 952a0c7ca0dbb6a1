# A student's program, written as a tutorial would have it and run unchanged:
# nothing in it was fitted to xi (tests/paste/README.md).  Not from a seed.
# Written for a student's-eye trial of xi; it ran unchanged, every digit NumPy's.
import numpy as np

np.random.seed(0)
n_samples = 200
X = np.random.rand(n_samples, 3)
true_W = np.array([[1.5], [-2.0], [0.7]])
y = X @ true_W + 0.3 + 0.05 * np.random.randn(n_samples, 1)

W = np.zeros((3, 1))
b = np.zeros((1, 1))
batch_size = 32
lr = 0.5
n_epochs = 30

def mse(pred, target):
    return np.mean((pred - target) ** 2)

for epoch in range(n_epochs):
    idx = np.random.permutation(n_samples)
    Xs, ys = X[idx], y[idx]
    epoch_loss = 0.0
    n_batches = 0
    for start in range(0, n_samples, batch_size):
        xb = Xs[start:start + batch_size]
        yb = ys[start:start + batch_size]
        pred = xb @ W + b
        err = pred - yb
        loss = mse(pred, yb)
        gW = 2 * xb.T @ err / len(xb)
        gb = 2 * np.sum(err, axis=0, keepdims=True) / len(xb)
        W -= lr * gW
        b -= lr * gb
        epoch_loss += loss
        n_batches += 1
    if (epoch + 1) % 5 == 0:
        print(f"epoch {epoch + 1:3d}: avg loss = {epoch_loss / n_batches:.6f}")

print("learned W:", W.ravel())
print("learned b:", b.item())
print("true W:   ", true_W.T[0])
print("full-data MSE: %.6f" % mse(X @ W + b, y))
print("shapes:", W.shape, b.shape, X.shape, y.shape)
residual = (X @ W + b - y).reshape(-1)
print("residual stats: mean=%.5f std=%.5f max=%.5f" % (residual.mean(), residual.std(), np.abs(residual).max()))
