# np.sum, np.mean, np.var and np.std of more than 8192 numbers, printed in full:
# NumPy's reduction sums each buffer of 8192 pairwise and adds the blocks in
# order, so np.sum of 20 000 randn is not the pairwise sum of all of them.  xi
# summed pairwise over the whole (np.random.seed(0); np.random.randn(20000)
# .sum() printed 55.589003246938546, NumPy 55.589003246938574).  Lengths
# about 8192 and its multiples, a matrix whole and along each axis, rows of
# 10 000, and a weight decay term of a 784x32 matrix.  Written for this test,
# not from a seed; the .out is what /usr/bin/python3 (3.11, NumPy 1.24.2) prints.
import numpy as np
np.random.seed(1)
for n in [8191, 8192, 8193, 16384, 16385, 24577, 50000]:
    x = np.random.randn(n)
    print(n, repr(x.sum()), repr(x.mean()), repr(np.sum(x * x)), repr(x.var()), repr(x.std()))
M = np.random.randn(100, 300)
print(repr(M.sum()), repr(M.mean()), repr(M.var()), M.sum(axis=0)[:2].tolist(), M.sum(axis=1)[:2].tolist())
R = np.random.randn(2, 10000)
print(R.sum(axis=1).tolist(), R.mean(axis=1).tolist(), R.std(axis=1).tolist(), repr(R.sum()))
C = np.random.randn(10000, 2)
print(C.sum(axis=0).tolist(), C.mean(axis=0).tolist(), repr(C.sum()), C.std(axis=0).tolist())
W1 = np.random.randn(784, 32) * 0.01
print(repr(np.sum(W1 ** 2)), repr(0.5 * 1e-3 * np.sum(W1 * W1)), repr(np.mean(np.abs(W1))))
