# np.var, np.std and np.linalg.norm printed in full, as students print them:
# standardizing features ((X - X.mean(axis=0)) / X.std(axis=0)), a gradient's
# norm for clipping, ddof=1, axis and keepdims, int arrays, lengths past
# NumPy's pairwise blocks (8, 128), and std's overflow in its squares.  xi
# gave the exact value correctly rounded, NumPy its own steps' rounding:
# np.std(np.arange(12)) printed 3.4520525295346633 where NumPy prints
# 3.452052529534663.  Written for this test, not from a seed; the .out is what
# /usr/bin/python3 (3.11, NumPy 1.24.2) prints.
import numpy as np
np.random.seed(5)
for n in [1, 2, 3, 7, 8, 9, 16, 100, 129, 257, 1000, 3001]:
    x = np.random.randn(n) * 10 + 3
    print(n, repr(x.var()), repr(x.std()), repr(np.std(x, ddof=1 if n > 1 else 0)), repr(np.linalg.norm(x)), repr(np.var(x * 1e-3)))
for shape in [(3, 4), (5, 1), (1, 6), (20, 17), (130, 3), (3, 130)]:
    M = np.random.rand(shape[0], shape[1]) * 7 - 2
    print(shape, M.var().tolist(), M.std(axis=0).tolist()[:4], M.std(axis=1).tolist()[:4], np.var(M, axis=0, ddof=1).tolist()[:3] if shape[0] > 1 else 0)
    print(np.linalg.norm(M).tolist(), np.linalg.norm(M, axis=0).tolist()[:4], np.linalg.norm(M, axis=1, keepdims=True).tolist()[:2], M.std(axis=1, keepdims=True).tolist()[:2])
i = np.arange(12)
print(i.std(), i.var(), np.linalg.norm(i), i.reshape(3, 4).std(axis=0), i.reshape(3, 4).var(axis=1))
b = np.array([True, False, True])
print(b.std() if False else 0, np.std([1, 2, 3, 4]), np.std([[1.5, 2], [3, 4]]), np.var([0.1, 0.2, 0.3]))
X = np.random.randn(50, 3)
Xn = (X - X.mean(axis=0)) / X.std(axis=0)
print(Xn.mean(axis=0).tolist(), Xn.std(axis=0).tolist(), Xn[:2].tolist())
print(np.std(np.array([1e200, -1e200])), np.linalg.norm(np.array([3e200, 4e200])), np.var(np.array([1e-200, 3e-200])))
grad = np.random.randn(4, 3) * 5
g_norm = np.linalg.norm(grad)
if g_norm > 5.0:
    grad = grad * (5.0 / g_norm)
print(g_norm, np.linalg.norm(grad), grad.std(), grad.var(axis=1, ddof=1))
