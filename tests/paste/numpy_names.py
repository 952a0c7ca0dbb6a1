# NumPy's names that xi reads, each once (not from a seed): its output is what
# Python 3 and NumPy print for this file (tests/paste/regen), and xi must print
# the same.  See tests/paste/README.md.
import numpy as np
import math

A = np.array([[1.0, -2.0, 3.0], [0.5, 4.0, -1.5]])
v = np.array([0.25, -1.0, 2.0])
u = np.array([1.0, 2.0])
k = np.array([2, 0, 1])

# elementwise functions
print(np.exp(v), np.log(np.abs(v)), np.sqrt(np.absolute(v)))
print(np.tanh(v), np.sin(v), np.cos(v), np.tan(v))
print(np.sign(A), np.maximum(0, A), np.minimum(A, 1), np.power(v, 2), np.square(u))
print(np.clip(A, -1, 2), np.clip(v, None, 1), np.where(A > 0, A, 0.01 * A))
print(math.exp(1.0), math.log(2.0), math.sqrt(2.0), math.pi, np.pi, np.e, math.fabs(-3.0))

# reductions with axis and keepdims
print(np.sum(A), np.sum(A, axis=0), np.sum(A, axis=1, keepdims=True), A.sum(0))
print(np.mean(A), A.mean(axis=1), np.max(A), A.max(axis=0), A.max(axis=1, keepdims=True))
print(np.amax(v), np.argmax(A), np.argmax(A, axis=1), A.argmax(axis=0), v.argmax())
print(np.round(v * 3.33333, 2), np.around(A / 3, 1), (A / 7).round(3), np.round(2.5), np.round(-0.5))

# products and shapes
print(np.dot(A, v), np.dot(v, v), np.dot(2.0, u), np.matmul(A.T, u), A @ v, np.outer(u, v))
print(A.T, np.transpose(A), A.shape, A.T.shape, v.shape, A.size, A.ndim, len(A), len(v))
print(A.reshape(3, 2), A.reshape((1, 6)), A.reshape(-1), v.reshape(-1, 1), A.flatten(), np.ravel(A))
print(np.array(3.5).item(), A[1, 2].item(), A.reshape(6)[4])

# making arrays
print(np.zeros(2), np.zeros((2, 3)), np.ones((1, 2)), np.eye(2), np.zeros_like(A), np.ones_like(v))
print(np.arange(4), np.arange(2, 5), np.arange(0, 1, 0.25), np.arange(5, 0, -2))
print(np.array([1, 2, 3]), np.array([[True, False]]), np.array((1.5, 2.5)), np.asarray(u))
print(np.array([1, 2], dtype=float), (A > 0).astype(float), (A > 0).astype(int), np.float64(2))
np.random.seed(42)
print(np.random.randn(2, 2), np.random.rand(3), np.random.randn())

# indexing, integer arrays, and functional updates
print(A[0], A[1, 2], A[:, 1], A[1, :], A[-1, -1], v[0], v[-1])
print(A[np.arange(2), np.array([2, 0])], v[k], A[1, k], A[np.array([0, 1, 1]), 2])
B = A.copy()
B[0, 1] = 10
B[np.arange(2), np.array([0, 2])] -= 1
w = v.copy()
w[k] *= 2
print(A, B, w, v)
C = A.copy()
C /= 2
C += 1
print(C, C.copy().T)
