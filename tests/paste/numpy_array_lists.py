# np.array of Python's list expressions, and rows of a matrix assigned by an
# index array, each once: np.array([0] * 3 + [1] * 2) (list repetition and
# joining, as Python computes them before NumPy sees the list),
# np.array([[1, 2]] * 2), a comprehension inside np.array; X[ix] = rows with ix
# a range (CS231n's spiral data), M[I, 1:] += v, M[:, J] = v.  Not from a seed.
import numpy as np

print(np.array([1] * 3))
print(np.array([1.0, 2.0] * 2))
print(np.array([[1, 2]] * 2))
y = np.array([0] * 3 + [1] * 2)
print(y, y.shape)
print(np.array([i * 0.5 for i in range(4)]))
print(np.array([[i, i * i] for i in range(3)]))
print(np.array([[1, 2] * 2, [3, 4, 5, 6]]))
v = np.array([3.0, 4.0])
print(np.array([v[0] * 2, v[1]]))
print(np.array([[1.0, 2.0], [3.0, 4.0]]).T)

np.random.seed(0)
N, D, K = 5, 2, 3
X = np.zeros((N * K, D))
labels = np.zeros(N * K, dtype=int)
for j in range(K):
    ix = range(N * j, N * (j + 1))
    r = np.linspace(0.0, 1, N)
    t = np.linspace(j * 4, (j + 1) * 4, N) + np.random.randn(N) * 0.2
    X[ix] = np.vstack([r * np.sin(t), r * np.cos(t)]).T
    labels[ix] = j
print(X)
print(labels)

M = np.zeros((3, 4))
M[[2, 0]] = np.array([[1.0, 2.0, 3.0, 4.0], [5.0, 6.0, 7.0, 8.0]])
print(M)
M[np.array([0, 1]), 1:] += np.array([10.0, 20.0, 30.0])
print(M)
M[:, [3, 1]] = -1.0
print(M)
M[[1], ::2] = np.array([[7.0, 9.0]])
print(M)
