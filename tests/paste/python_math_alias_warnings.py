# Python's math functions under other names keep math's meaning, NumPy's keep
# NumPy's: `from math import log` then `log(0)`, `f = math.log; f(0)`, math's
# functions in a dict, a list, a def's argument or default, an attribute, a
# lambda, each raise Python's ValueError / OverflowError with Python's text
# (caught here), and give Python's floats and ints (`floor(2.5)` is 2); `f =
# np.log`, a dict of np.exp, `from numpy import log` give -inf, inf and nan
# with NumPy's RuntimeWarning on stderr (tests/run compares xi's stderr with
# what /usr/bin/python3 prints for this file).  The .out is what
# /usr/bin/python3 (Python 3.11.2, NumPy 1.24.2) prints (tests/paste/regen).
# xi printed -inf, nan and inf with NumPy's warnings for every alias of math's.
import math
import numpy as np
from math import log, sqrt, exp, floor, ceil, pow, isclose, log10, fabs

print(floor(2.5), ceil(2.1), floor(-0.5))
print(log(2.0), sqrt(2.0), exp(1.0))
print(isclose(1.0, 1.000001), isclose(1.0, 1.0 + 1e-12))
print(pow(2, 3), fabs(-2.5))
try:
    log(0)
except ValueError as e:
    print("from math import log: ValueError:", e)
try:
    log10(0)
except ValueError as e:
    print("log10(0): ValueError:", e)
try:
    pow(0, -1)
except ValueError as e:
    print("pow(0, -1): ValueError:", e)
try:
    exp(1000)
except OverflowError as e:
    print("exp(1000): OverflowError:", e)

f = math.log
try:
    f(0)
except ValueError as e:
    print("f = math.log; f(0): ValueError:", e)
h = sqrt
try:
    h(-4.0)
except ValueError as e:
    print("h = sqrt; h(-4.0): ValueError:", e)
print(h(16.0), f(math.e))

d = {'log': math.log, 'sq': math.sqrt}
try:
    d['log'](0)
except ValueError as e:
    print("d['log'](0): ValueError:", e)
fs = [math.log, np.log]
try:
    fs[0](0)
except ValueError as e:
    print("fs[0](0): ValueError:", e)


def apply(g, x):
    return g(x)


try:
    apply(math.sqrt, -1.0)
except ValueError as e:
    print("apply(math.sqrt, -1.0): ValueError:", e)
try:
    apply(exp, 1000)
except OverflowError as e:
    print("apply(exp, 1000): OverflowError:", e)


def layer(x, act=math.exp):
    return act(x)


try:
    layer(1000)
except OverflowError as e:
    print("layer(1000), act=math.exp: OverflowError:", e)


class Unit:
    def __init__(self, f):
        self.f = f

    def run(self, x):
        return self.f(x)


u = Unit(math.log)
try:
    u.run(0)
except ValueError as e:
    print("self.f = math.log: ValueError:", e)
lam = lambda v: math.log(v)
try:
    lam(0)
except ValueError as e:
    print("lambda: ValueError:", e)
try:
    sqrt(np.array([1.0, 4.0]))
except TypeError:
    print("sqrt of an array: TypeError")

# NumPy's under other names: inf, nan and -inf, with NumPy's warnings
g = np.log
print(g(0))
e2 = {'e': np.exp}
print(e2['e'](1000.0))
print(apply(np.sqrt, -1.0))
print(fs[1](0.0))
print(apply(np.sqrt, np.array([1.0, 4.0])))
from numpy import log
print(log(0), log(1.0))
