# np.random.shuffle(x) as minibatch code writes it: an index array shuffled in
# place (seen through another name and a list holding it), indices to gather
# a batch, a data matrix shuffled by rows, in a def and in a loop, and the
# draw after it.  It was refused (xi said to write np.random.permutation).
# Expected: what /usr/bin/python3 (3.11, NumPy 1.24) prints for this file.
import numpy as np
np.random.seed(0)
idx = np.arange(6)
alias = idx
held = [idx]
np.random.shuffle(idx)
print(idx, alias, held)
X = np.arange(8.0).reshape(4, 2)
y = np.array([0, 1, 0, 1])
perm = np.arange(4)
np.random.shuffle(perm)
Xs, ys = X[perm], y[perm]
print(Xs, ys)
np.random.shuffle(X)
print(X)
def epoch(data):
    np.random.shuffle(data)
    return data.sum()
d = np.arange(5.0)
print(epoch(d), d)
for step in range(2):
    np.random.shuffle(idx)
    print(idx[:3])
print(np.random.rand())
