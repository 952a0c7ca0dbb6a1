# np.sum and np.mean in binary32 and binary16 as NumPy 1.24 adds: pairwise from
# +0 over a whole array or a row, in order down a matrix's columns; binary16
# adds in binary32 and rounds at the end, and its mean is taken in binary32.
# The .out (but its exit line) is what /usr/bin/python3 with NumPy 1.24.2
# prints for the same computation written with .astype(np.float32) and
# .astype(np.float16) (the dtype loop below, np.random.seed(1) once): the
# draws are float64 made float32 or float16, as the format rounds them.
import numpy as np
np.random.seed(1)
%format binary32
for n in [3, 9, 20, 130, 300]:
    a = np.random.randn(n) * 3
    print(n, a.sum(), a.mean())
A = np.random.randn(5, 4)
print(A.sum(axis=0), A.sum(axis=1), A.mean(axis=0), A.sum(), A.mean())
%format binary16
for n in [3, 9, 20, 130, 300]:
    a = np.random.randn(n) * 3
    print(n, a.sum(), a.mean())
A = np.random.randn(5, 4)
print(A.sum(axis=0), A.sum(axis=1), A.mean(axis=0), A.sum(), A.mean())
