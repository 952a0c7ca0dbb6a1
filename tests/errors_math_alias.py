# args: --keep-going
# math's functions under other names raise as math's do, and what would give
# NumPy's meaning to Python's builtins is refused.  Python's own words in the
# comment above each (/usr/bin/python3: Python 3.11.2, NumPy 1.24.2).
import math
import numpy as np
from math import sqrt, log
# TypeError: only size-1 arrays can be converted to Python scalars
print(sqrt(np.array([1.0, 4.0])))
f = math.log
# TypeError: only size-1 arrays can be converted to Python scalars
print(f(np.array([1.0, 2.0])))
# TypeError: must be real number, not list
print(math.sqrt([4.0]))
# TypeError: must be real number, not list
print(f([1.0]))
# 2.0 (a Python float: xi would keep the array, so it says so)
print(math.sqrt(np.array([4.0])))
# ValueError: math domain error (not caught: the program goes on)
print(log(-1))
# from numpy import *: sum(M) is then np.sum(M), 10, where Python's sum is [4 6]
from numpy import *
# from numpy import sum: the same
from numpy import sum
# from numpy import round: round(2.675, 2) is then 2.68, Python's 2.67
from numpy import round
# Python has math.gamma; xi does not, and says so
from math import gamma
# from math import log, then a value of the program's own: log is 3
log = 3
print(log)
# from math import inf works in Python (inf); xi has math.inf only, and says so
from math import inf
