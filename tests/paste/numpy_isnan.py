# np.isnan and np.isinf as students test a loss that diverged: a linear fit
# with a learning rate far too large, stopped by `if np.isnan(loss) or
# np.isinf(loss): break`, then masks of nan and inf in arrays, np.where
# replacing them, their counts, and np.isnan of Python's floats and ints.
# Each was refused (np.isnan is not in xi).  Written for this test, not from a
# seed; the .out is what /usr/bin/python3 (3.11, NumPy 1.24.2) prints.
import numpy as np

X = np.array([1.0, 2.0, 3.0, 4.0])
Y = np.array([2.0, 4.1, 5.9, 8.2])
w = np.zeros(1)
for lr in [0.01, 0.5]:
    w = np.zeros(1)
    diverged = False
    for step in range(200):
        err = X * w[0] - Y
        loss = np.mean(err ** 2)
        if np.isnan(loss) or np.isinf(loss):
            print(f"lr={lr}: diverged at step {step}, loss {loss}")
            diverged = True
            break
        w -= lr * np.array([2 * np.mean(err * X)])
    if not diverged:
        print(f"lr={lr}: loss {loss:.6f}, w {w[0]:.4f}")

a = np.array([1.0, np.nan, np.inf, -np.inf, 0.0, -0.0])
print(np.isnan(a), np.isinf(a), np.isfinite(a))
print(np.isnan(a).any(), np.isinf(a).sum(), np.count_nonzero(np.isnan(a) + np.isinf(a)))
M = np.array([[1.0, np.nan], [np.inf, 2.0]])
print(np.isnan(M))
print(np.where(np.isnan(M) + np.isinf(M), 0.0, M), M[np.isfinite(M)].mean())
print(np.isnan(1.0), np.isnan(float("nan")), np.isinf(-np.inf), np.isnan(3), np.isinf(np.array([1, 2])))
print(type(np.isnan(2.0)).__name__, type(np.isnan(a)).__name__)
