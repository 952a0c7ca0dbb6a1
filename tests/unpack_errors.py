# args: --keep-going
# Unpacking, a for's targets, generator expressions as arguments, list.index
# and rows updated by an index array, where Python refuses too (its words:
# ValueError, TypeError, SyntaxError) or xi does (saying what to write
# instead), each message at its place.  Between them, what runs: the torch
# lines print the tensors of the lists Python builds ([[1.0, 2.0]] * 2 is
# [[1.0, 2.0], [1.0, 2.0]]), as PyTorch's documentation shows a tensor of
# that list (PyTorch is not installable here, so written by hand); before,
# the brackets were read as an array, [[1.0, 2.0]] * 2 as [[2.0, 4.0]].
import numpy as np
x, y = np.array([1.0, 2.0, 3.0])
a, b, c = [1, 2]
u, v = 3.0
for i, (p, q) in enumerate([(1, 2, 3)]):
    pass
for i, ((p, q), r) in []:
    pass
for (p,) in [(1,)]:
    pass
print(np.sum(x for x in [1.0, 2.0]))
print(sum(x for x in [1.0, 2.0], 0.0))
def f(t):
    return t
print(f(x for x in [1.0]))
print([0.5, 0.2].index(0.3))
print(np.array([0.5, 0.2]).index(0.2))
M = np.zeros((3, 2))
M[[0, 0]] = 1.0
M[np.array([0, 1]), :, None] = 0
M[[0, 2]] = np.ones((3, 2))
print(M.dtype)
z = np.zeros(3, dtype='int16')
import torch
t = torch.tensor([[1.0, 2.0]] * 2, dtype=torch.float64)
print(t)
w = torch.tensor([float(k) for k in range(3)], dtype=torch.float64)
print(w)
# a chained assignment: Python binds both names to the one object (0 0);
# xi refuses it, saying what to write (it said "expected an operator")
total = correct = 0
print(total, correct)
