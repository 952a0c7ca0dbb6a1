# NumPy's operations, each once, as a tutorial writes them: slices
# (bounds, steps, negative ones, None), masks read and assigned, integer-array
# rows (one-hot), np.linspace, min/argmin, std/var (axis, keepdims, ddof),
# np.linalg.norm (xi's is the exact norm correctly rounded: one line differs
# from NumPy's in its last digit, see README.md), isclose/allclose,
# concatenate/vstack/hstack, float64,
# astype, abs, square, log1p/expm1, all/any.  The .out is Python's.
import numpy as np

X = np.arange(12.0).reshape(3, 4)
v = np.arange(6)
print(X[:2])
print(X[1:3, ::2])
print(v[-3:], v[::-2], v[1:5:2], v[:-4])
print(X[::-1])
print(X[1, 1:3], X[:, 1], X[-1, ::-1])
print(X[::2, ::-3])
print(v[:, None])
print(v[None, :], v[np.newaxis, :].shape, v[:, np.newaxis].shape, X[None, 0].shape)

# masks: a 1-D result whose length the values decide
x = np.array([1.0, -2.0, 3.0, -0.5, 0.0])
print(x[x > 0], x[x <= 0].sum(), X[X % 3 == 0])
print(X[np.array([True, False, True])])
h = np.array([[0.5, -1.0], [-0.2, 2.0]])
dh = np.ones_like(h) * 3
dh[h <= 0] = 0
print(dh)
z = x.copy()
z[x > 0] += 10
z[x < 0] = np.array([7.0, 8.0])
print(z)

# one-hot by integer-array rows, and rows and columns picked
y = np.array([2, 0, 1, 2])
print(np.eye(3)[y])
print(X[[0, 2]], X[y[:2], :], X[:, [3, 0]], X[1:, [0, 2]])

# updates of slices: a new value each time
W = X.copy()
W[:2] = 0
W[1:3, ::2] -= 1
W[:, 0] = np.array([7.0, 8.0, 9.0])
W[2, 1:] *= 2
print(W)

# linspace
print(np.linspace(0, 1, 5), np.linspace(-1, 1, 4, endpoint=False))
print(np.linspace(0.1, 0.9, 9))
print(np.linspace(2.0, 3.0, num=3))

# reductions
A = np.array([[0.3, -1.2, 0.7], [1.1, 0.4, -0.6]])
print(np.min(A), A.min(), np.min(A, axis=0), A.min(1), np.amin(A, axis=1, keepdims=True))
print(np.argmin(A), A.argmin(axis=1), np.argmin(np.array([2, 1, 1, 3])))
print(np.std(A), A.std(), np.std(A, axis=0), A.std(axis=1, keepdims=True))
print(np.var(A), A.var(axis=1), np.var(A, ddof=1), np.var(A, axis=0, ddof=1))
print(np.linalg.norm(A), np.linalg.norm(A[0]), np.linalg.norm(A, axis=1))
print(np.linalg.norm(A, 'fro'), np.linalg.norm(A[1], 2), np.linalg.norm(A, axis=0, keepdims=True))

# comparisons with tolerances
a = np.array([1.0, 2.0, 3.0])
print(np.isclose(a, a + 1e-9), np.isclose(a, a + 1e-4), np.isclose(1.0, 1.00001))
print(np.isclose(a, np.array([1.0, 2.1, 2.5]), atol=0.2), np.isclose(0.0, 1e-9))
print(np.allclose(a, a * (1 + 1e-6)), np.allclose(a, a + 0.01), np.allclose(a, a, rtol=0))

# joining
B = np.array([[5.0, 6.0, 7.0]])
print(np.concatenate((A, B)))
print(np.concatenate([A, A], axis=1))
print(np.concatenate((a, a[::-1], a)), np.hstack((a, a)))
print(np.vstack((a, a * 2)))
print(np.vstack([A, B]), np.hstack([A, A]).shape)

# types and small functions
print(np.float64(3), np.float64(a.sum()), a.astype(int), A.astype(np.float64), v.astype(float))
print(np.abs(-a), np.square(A), np.log1p(a), np.expm1(np.array([0.5, 1.0])))
print(np.all(a > 0), np.any(a > 2), (a > 2).any(), np.all(A > 0, axis=0), np.any(A < -1, axis=1))
print(np.isfinite(a), float(np.min(a)), int(np.argmin(a)))
