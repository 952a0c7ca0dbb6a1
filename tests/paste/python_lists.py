# Python's lists as NumPy tutorials use them: each construct once (not from a
# seed).  The expected output is what Python 3.11 and NumPy 1.24 print.
import numpy as np

# a list that grows in a loop, read back
losses = []
for epoch in range(6):
    loss = 1.0 / (epoch + 1) + 0.05 * epoch
    losses.append(loss)
print(losses)
print(losses[-1], losses[0], losses[2], len(losses))
print(losses[-3:], losses[:2], losses[1:5:2], losses[::-1][:2], losses[:])
print(sum(losses), min(losses), max(losses))
print(np.mean(losses), np.array(losses).shape, np.sum(losses))

# for over a list, a literal list, enumerate and zip
for x in losses[:2]:
    print(x)
for lr in [0.1, 0.01, 0.001]:
    print("lr", lr, lr * 10)
for i, x in enumerate(losses[:3]):
    print(i, f"{x:.3f}")
for i, x in enumerate([7, 8], 1):
    print(i, x)
for a, b in zip([1, 2, 3], [0.5, 0.25]):
    print(a, b, a * b)

# lists of arrays: np.array stacks them; printed as Python prints a list
rows = [np.array([1.0, 2.0]), np.array([3.0, 4.5])]
print(rows)
M = np.array(rows)
print(M, M.shape)
print(np.mean(rows, axis=0))
print([np.zeros((2, 2))])

# ints, bools, a nested list, tuples in a list, a string in a list
print([1, 2, 3], [True, False], [[1, 2], [3, 4]], [(0, 0.5), (1, 0.25)], ['W1', 'b1'])
print(np.array([[1, 2], [3, 4]]) * 2)

# comprehensions
print([x ** 2 for x in range(5)])
print([round(x, 2) for x in losses if x < 0.6])
print([2 * v for v in np.array([1.0, 2.0, 3.0])])

# + joins, * repeats, list(), sorted(), ==
counts = [0] * 3
counts[1] = 5
print(counts, [1, 2] + [3], list(range(4)), sorted([3.5, 1.0, 2.25]), [1, 2] == [1, 2])
ys = [0.5]
ys += [1.5, 2.5]
ys.extend([3.5])
print(ys, len(ys))

# one list, two names: a change through either shows in both (as Python)
a = []
b = a
a.append(1)
b.append(2.5)
print(a, b)
grid = [a, a]
a.append(3)
print(grid)
c = a.copy()
c.append(4)
print(a, c)

# unpacking a list, and an index that counts from the end
first, second = [10, 20]
print(first, second, [4, 5, 6][-2])

# a list's truth, in and not in
empty = []
if not empty:
    print("empty", not empty, not [0], len(empty))
while ys:
    ys = ys[1:]
print(ys, 2.5 in [1, 2.5], 3 not in [1, 2], 'b1' in ['W1', 'b1'], [x for x in [1, 2, 3] if x in (1, 3)])

# an array in a list is one array: changed in place through any of its holders
arrays = [np.zeros(2), np.ones(2)]
arrays[1][0] = 7
arrays[0] += 1
for v in arrays:
    v -= 0.5
cache = (arrays[1], 3)
arrays[1] *= 2
print(arrays, cache)
