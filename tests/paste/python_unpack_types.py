# Names unpacked from a tuple of Python's numbers are Python's ints and floats:
# type(), isinstance() and ZeroDivisionError as Python has them.  xi said it
# could not tell Python's float from NumPy's float64 after a, b = 1, 4.5.
import numpy as np

a, b = 1, 4.5
print(type(a).__name__, type(b).__name__, isinstance(a, int), isinstance(b, float))
x, y = [0.5, 2.0]
print(type(x).__name__, type(y))
lr, eps = 0.1, 1e-8
try:
    print(lr / 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
p, q = 2, -3.0
print(type(p), type(q), q / p)
n, m = 2 * 3, 7 // 2
print(type(n).__name__, type(m).__name__, n / m)
v = np.array([1.0, 2.0])
s, t = v
print(type(s).__name__, type(t).__name__, s / 0 if False else s)
