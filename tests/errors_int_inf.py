# args: --keep-going
# An int of inf or nan: Python raises, NumPy's cast makes up a number; xi
# says so.  Python's own words in the comment above each (python3 3.11 with
# NumPy 1.24).  A student's loss that diverged, then made an int:
import math
import numpy as np
loss = 1e308 * 10
print(loss)
# OverflowError: cannot convert float infinity to integer
print(int(loss))
# the same
print(int(np.inf))
# ValueError: cannot convert float NaN to integer
print(int(np.nan))
# OverflowError: cannot convert float infinity to integer
print(round(loss))
# ValueError: cannot convert float NaN to integer
print(round(loss - loss))
# round with ndigits keeps them: inf nan
print(round(loss, 2), round(loss - loss, 1))
# OverflowError: cannot convert float infinity to integer
print(math.floor(loss))
# ValueError: cannot convert float NaN to integer
print(math.ceil(np.nan))
# OverflowError: cannot convert float infinity to integer
print("epoch %d" % loss)
# NumPy: [-9223372036854775808 1 -1] with RuntimeWarning: invalid value encountered in cast
x = np.array([np.inf, 1.7, -1.7])
print(x.astype(int))
# the same for nan (NumPy: [1 -9223372036854775808]); np.array([np.inf, 2.0], dtype=int)
# is OverflowError: cannot convert float infinity to integer in NumPy (a list's floats
# are made ints one by one), and xi words it as the cast
print(np.array([1.5, np.nan]).astype(int))
print(np.array([np.inf, 2.0], dtype=int))
# Python's except catches each, with its text
try:
    n = int(loss)
except OverflowError as e:
    print("OverflowError:", e)
try:
    n = round(np.nan)
except ValueError as e:
    print("ValueError:", e)
try:
    steps = math.floor(loss)
except ArithmeticError as e:
    print("ArithmeticError:", e)
