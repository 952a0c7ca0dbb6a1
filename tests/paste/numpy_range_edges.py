# Values at the edges of binary64's range, computed as NumPy computes them: each
# element of a product or sum rounded into the format, subnormals and overflow
# included (xi emulates binary64 in MPFR; a value inside the normal range takes
# a shorter path than one at an edge, and both must give NumPy's bits).
# Expected: what /usr/bin/python3 (NumPy 1.24) prints.
import numpy as np

tiny = 2.2250738585072014e-308          # the smallest normal
print(tiny * 0.5, tiny / 3, tiny * 0.999999999999999)
print(5e-324 * 3, 5e-324 / 2, 5e-324 * 0.75, -5e-324 * 0.5)
print(1e-308 / 10, 1e-308 * 1e-10, 4.9e-324 + 4.9e-324)
big = 1.7976931348623157e308            # the largest finite
print(big * 0.5 * 2, big + 1e292, big - 1e292)
print(np.float64(big) * 1.0000000000000002 == np.inf)
a = np.array([tiny, 3 * tiny, 1e-310, 2.5e-320])
b = np.array([0.5, 1 / 3, 0.75, 1e-4])
print(a * b)
print(a + b * 1e-300)
print(np.dot(a, b), np.dot(b, a))
A = np.array([[tiny, 1e-310], [5e-324, 1.0]])
B = np.array([[0.5, 3.0], [1e-10, 0.25]])
print(A @ B)
print(np.sum(A * 1e-10), np.sum(B) * 1e300)
s = 0.0
for k in range(5):
    s = s + 5e-324 * k
print(s, s * 0.0, -s * 0.0, 0.0 * -1.0)
