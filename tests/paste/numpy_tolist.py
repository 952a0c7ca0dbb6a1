# x.tolist(): Python's numbers in lists, as NumPy gives them (a matrix: a list
# of rows), then used as lists; the .out is what /usr/bin/python3 prints.
import numpy as np

theta = np.array([0.03791234, 1.94580001, -1.93361234])
print(np.round(theta, 4).tolist())
M = np.arange(6).reshape(2, 3)
print(M.tolist(), (M / 4).tolist())
rows = M.tolist()
print(len(rows), rows[1], rows[1][2], sum(rows[0]))
print((M > 2).tolist(), np.array([7]).tolist(), np.float64(1.5).tolist())
xs = (theta * 2).tolist()
xs.append(0.5)
print(xs, max(xs), sorted(xs)[0])
labels = np.array([3, 0, 255], dtype="uint8").tolist()
print(labels, [v + 1 for v in labels])
print(theta.reshape(3, 1).tolist(), theta.reshape(1, 3).tolist())
