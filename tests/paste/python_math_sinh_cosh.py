# math.sinh and math.cosh, as a student checks the hyperbolic identities by hand
# (cosh^2 - sinh^2 = 1, tanh = sinh / cosh), through from math import and an
# alias, and Python's OverflowError past the range (caught).  Expected: what
# /usr/bin/python3 (3.11) prints for this file.
import math
from math import sinh
print(math.sinh(0.5), math.cosh(0.5), math.cosh(-2), sinh(1.25))
f = math.cosh
print(f(3.0), math.sinh(0), math.sinh(-0.0))
for v in [1000.0, -1000.0]:
    try:
        print(math.sinh(v))
    except OverflowError as e:
        print("OverflowError:", e)
    try:
        print(math.cosh(v))
    except OverflowError as e:
        print("OverflowError:", e)
x = 0.3
d = math.cosh(x) ** 2 - math.sinh(x) ** 2
print(d, math.tanh(x) - math.sinh(x) / math.cosh(x))
