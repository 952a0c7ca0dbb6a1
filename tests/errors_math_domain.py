# args: --keep-going
# Python's math module and Python's float ** raise where NumPy's functions
# give inf or nan with a RuntimeWarning.  Python's own words in the comment
# above each (python3 3.11 with NumPy 1.24).
import math
import numpy as np
# ValueError: math domain error
print(math.log(0))
# ValueError: math domain error
print(math.sqrt(-1.0))
# ValueError: math domain error
print(math.log(-1))
# ValueError: math domain error
print(math.log10(0.0), math.log2(0))
# OverflowError: math range error
print(math.exp(1000))
# OverflowError: math range error
print(math.pow(10, 400))
# ValueError: math domain error
print(math.pow(0.0, -1.0))
# ValueError: math domain error
print(math.pow(-8.0, 1 / 3))
# OverflowError: (34, 'Numerical result out of range')
print(2.0 ** 10000)
# (1.0000000000000002+1.7320508075688772j): complex numbers are not part of xi
print((-8.0) ** (1 / 3))
# (NumPy's np.log(0.0) ... keep their -inf and nan, with NumPy's RuntimeWarning:
# tests/paste/numpy_warnings.py holds them, as its stderr is Python's)
# inf and nan given: no error in Python either: inf inf nan
print(math.exp(math.inf), math.log(math.inf), math.sqrt(math.nan))
# a cross-entropy that takes math.log of a probability of 0, in a def
def xent(p, y):
    return -(y * math.log(p) + (1 - y) * math.log(1 - p))
print(round(xent(0.9, 1), 4))
# ValueError: math domain error
print(xent(1.0, 1))
# except catches them with Python's class and text
for p in [0.5, 0.0, -1.0]:
    try:
        print("log", p, "=", math.log(p))
    except ValueError as e:
        print("log", p, "ValueError:", e)
try:
    big = math.exp(1000)
except OverflowError as e:
    print("OverflowError:", e)
try:
    big = 10.0 ** 400
except ArithmeticError as e:
    print("ArithmeticError:", e)
