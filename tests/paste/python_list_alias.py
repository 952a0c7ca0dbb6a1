# Lists repeated with *, as students write them: a confusion matrix started as
# [[0] * C] * C, whose rows are one list (Python's classic surprise: every row
# counts every prediction), then the comprehension that makes C lists, and
# NumPy's zeros; a grid of floats updated in place, a list of arrays made by
# [np.zeros(2) + 1] * 3 (one array), nested lists returned from a def.
# xi made each row its own list when the rows were computed in the statement
# ([[0] * C] * C, not [row] * C), and printed [[2, 1, 0], [1, 1, 0], [0, 0, 1]]
# where Python prints the same row three times.  Written for this test, not
# from a seed; the .out is what /usr/bin/python3 (3.11, NumPy 1.24.2) prints.
import numpy as np

y_true = [0, 0, 1, 2, 1, 0]
y_pred = [0, 1, 1, 2, 0, 0]
C = 3

conf = [[0] * C] * C
for t, p in zip(y_true, y_pred):
    conf[t][p] += 1
print("shared rows:", conf)

conf = [[0] * C for _ in range(C)]
for t, p in zip(y_true, y_pred):
    conf[t][p] += 1
print("own rows:   ", conf)
acc = sum(conf[i][i] for i in range(C)) / len(y_true)
print(f"accuracy {acc:.3f}")

M = np.zeros((C, C), dtype=int)
for t, p in zip(y_true, y_pred):
    M[t, p] += 1
print(M)
print(np.trace(M) / M.sum())

grid = [[0.0] * 3] * 2
for i in range(2):
    for j in range(3):
        grid[i][j] += 0.5 * (i + 1) * j
print(grid)

grads = [np.zeros(2) + 1] * 3
grads[0] *= 2
grads[2] += 0.25
print(grads)
grads[1] = grads[1] - 1
print(grads)

def table(n, fill):
    return [[fill] * n] * n

T = table(2, 0.1)
T[0][1] = 0.9
print(T)
T[1] = [1.0, 1.0]
T[1][0] = -1.0
print(T)
