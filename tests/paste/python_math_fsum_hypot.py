# math.fsum beside sum and np.sum, as a student learns why 0.1 added ten
# times is not 1.0; a mean loss by fsum; and math.hypot for a gradient's
# norm and a distance.  Expected: what /usr/bin/python3 (3.11) prints for
# this file.
import math
import numpy as np

xs = [0.1] * 10
print(sum(xs), math.fsum(xs), np.sum(np.array(xs)))
print(sum(xs) == 1.0, math.fsum(xs) == 1.0)
big = [1e16, 1.0, -1e16, 1.0]
print(sum(big), math.fsum(big))
losses = [0.6931471805599453, 0.5130152520516, 0.40132, 0.31729, 0.2541]
print(math.fsum(losses) / len(losses), sum(losses) / len(losses))
print(math.fsum(l * l for l in losses))
print(math.fsum(np.array([0.1, 0.2, 0.3])), math.fsum((1, 2, 3)), math.fsum([]))
from math import fsum, hypot
print(fsum([1.0, 2.0 ** -53, 2.0 ** -53]), 1.0 + 2.0 ** -53 + 2.0 ** -53)
try:
    fsum([1e308, 1e308, -1e308])
except OverflowError as e:
    print("OverflowError:", e)
try:
    math.fsum([float("inf"), float("-inf")])
except ValueError as e:
    print("ValueError:", e)
print(math.fsum([float("inf"), 1.0]))

gx, gy = 0.3, -0.4
print(math.hypot(gx, gy), math.sqrt(gx * gx + gy * gy))
print(hypot(3, 4), hypot(1e-200, 1e-200), hypot(-0.1, 0.7), math.hypot(1e200, 1e200))
pts = [(0.0, 0.0), (1.5, 2.0), (-1.0, 4.25)]
d = [math.hypot(b[0] - a[0], b[1] - a[1]) for a, b in zip(pts, pts[1:])]
print(d, math.fsum(d))
