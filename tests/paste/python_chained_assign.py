# a = b = v, chained assignment, as students write it: counters and totals
# started together, two names for one array (a change through one is seen by
# the other, as NumPy's), one list, in a def.  It stopped at the second '='.
# Expected: what /usr/bin/python3 (3.11, NumPy 1.24) prints for this file.
import numpy as np
x = y = 0.5
x += 1
print(x, y)
a = b = np.zeros(2)
a[0] = 1
print(a, b)
total = count = 0
for v in [1.5, 2.5]:
    total += v
    count += 1
print(total / count)
def f(t):
    p = q = t * 2
    q = q + 1
    return p, q
print(f(3.0))
d = {}
xs = ys = []
xs.append(1)
print(xs, ys)
i = j = k = 7
print(i + j + k)
