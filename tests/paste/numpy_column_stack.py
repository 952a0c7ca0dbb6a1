# np.c_[...] and np.column_stack: vectors as columns, a matrix as it is, numbers
# as 1x1, a trailing comma, and CS231n's spiral rows X[ix] = np.c_[r*np.sin(t), r*np.cos(t)].
# np.c_ was not in xi. The .out is what /usr/bin/python3 + NumPy 1.24.2 print
# (tests/paste/regen).
import numpy as np
a = np.array([1.0, 2.0])
b = np.array([3.0, 4.0])
print(np.c_[a, b])
print(np.c_[a])
print(np.c_[1, 2])
print(np.c_[np.array([[1, 2]]), 3])
print(np.c_[a, np.array([[3], [4]])])
print(np.column_stack((a, b)), np.column_stack([a, b * 2]))
print(np.c_[a, b,])
r = np.linspace(0.0, 1, 3)
t = np.linspace(0, 4, 3)
X = np.zeros((6, 2))
X[range(3)] = np.c_[r*np.sin(t), r*np.cos(t)]
print(X)
