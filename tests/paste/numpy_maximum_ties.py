# np.maximum and np.minimum where the two sides are equal: NumPy 1.24 gives
# the second (its SIMD and scalar loops alike), which shows where one is -0.0:
# a ReLU np.maximum(0, z) of a z holding -0.0 (0 times a negative weight)
# prints -0., and np.clip(-0.0, 0, 1) 0.  xi gave the first (np.clip printed
# [-0.  0.5 ...] and np.maximum(0, z) [0. ...]).  Written for this test, not
# from a seed; the .out is what /usr/bin/python3 (3.11, NumPy 1.24.2) prints.
import numpy as np

X = np.array([[0.0, 1.0], [2.0, 0.0]])
W = np.array([[-1.5, 0.5], [0.25, -2.0]])
z = X * W[0]
print(z)
print(np.maximum(0, z), np.maximum(z, 0), np.minimum(0, z), np.minimum(z, 0))
h = np.maximum(0, X @ W)
print(h)
print(np.clip(np.array([-0.0, 0.5, 1.5, -1.0]), 0, 1), np.clip(-0.0, 0.0, 1.0))
print(np.maximum(-0.0, 0.0), np.maximum(0.0, -0.0), np.minimum(0.0, -0.0), np.minimum(-0.0, 0.0))
print(np.maximum(np.array([-0.0, 0.0, 3.0]), np.array([0.0, -0.0, 3.0])))
print(np.minimum(np.array([-0.0, 0.0, 3.0]), np.array([0.0, -0.0, 3.0])))
print(max(-0.0, 0.0), min(0.0, -0.0), max(0.0, -0.0))
