# np.sum and np.mean in float64 as NumPy 1.24 adds (pairwise over a whole array
# or a row, in order down the columns): the last digit is NumPy's, not the
# exact sum's. The .out is what Python 3 + NumPy 1.24 print (tests/paste/regen).
import numpy as np

np.random.seed(0)
w = 1.5733333333333335
x = np.array([1.0, 2.0, 3.0])
y = np.array([2.0, 4.0, 6.0])
print(np.mean((w * x - y) ** 2))  # 0.84954074074074, the exact sum rounded gives ...399
for n in [3, 7, 8, 9, 16, 17, 100, 128, 129, 300, 1000]:
    a = np.random.randn(n) * 1e3
    print(n, a.sum(), np.mean(a), np.sum(a * a))
A = np.random.randn(9, 13)
print(A.sum(axis=0))
print(A.sum(axis=1))
print(A.sum(), A.mean(axis=0).sum(), A.mean(axis=1).sum())
C = np.random.randn(11, 1)
print(C.sum(axis=0), C.sum())
