# an array's row, slice or picked elements given a Python list or tuple, as NumPy converts it
import numpy as np
X = np.zeros((3, 2))
X[0] = [1.5, 2]
X[1] = (3, 4)
X[2, :] = [5, 6.5]
print(X)
y = np.zeros(4, dtype=int)
y[1:3] = [7, 8]
print(y)
M = np.zeros((2, 2))
M[:] = [[1, 2], [3, 4]]
print(M)
v = np.zeros(3)
v[[0, 2]] = [9, 10]
print(v)
