# NumPy's RuntimeWarnings as Python prints them on stderr (tests/run compares
# xi's stderr with what /usr/bin/python3 prints for this file, line for
# line): np.exp(1000) is inf, np.log(0) is -inf, np.sqrt(-1) is nan, each
# with its warning once for each line, even in a loop or a def called again.
import numpy as np

x = np.array([1.0, 1000.0])
y = np.exp(x)
print(y)
print(np.exp(1000))


def log_loss(p):
    return -np.log(p)


for i in range(3):
    L = log_loss(np.array([0.5, 0.0]))
print(L)
print(np.sqrt(np.array([4.0, -1.0])), np.log1p(-1.0), np.expm1(800.0))
z = np.array([800.0, 1.0])
print(np.exp(z) / np.exp(z).sum())

# Python's math module raises where NumPy's functions warn: a math.log(0)
# caught by except prints no warning, np.log beside it still does
import math

for p in [0.5, 0.0]:
    try:
        print(math.log(p), np.log(p))
    except ValueError as e:
        print("ValueError:", e, np.log(p), np.sqrt(-p - 1.0))
try:
    print(math.exp(1000.0))
except OverflowError as e:
    print("OverflowError:", e, np.exp(1000.0))
