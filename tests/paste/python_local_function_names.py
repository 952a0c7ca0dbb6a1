# A def's own names that spell NumPy's or Python's functions: a local given a
# function (exp = np.tanh, relu = a lambda, sum = a lambda) and then called is
# the local, as in Python, and a parameter named max is the argument given; after
# `from math import log, sqrt, exp`, a def's local or parameter named log, sqrt or
# exp is the def's own (a number, a loop's variable, a keyword argument).  The
# .out is what /usr/bin/python3 (Python 3.11.2, NumPy 1.24.2) prints
# (tests/paste/regen).  xi called its own exp (2.718281828459045 for tanh's
# 0.7615941559557649), relu and sum, and read math's functions for the locals.
import numpy as np


def g():
    exp = np.tanh
    return exp(1.0)


def h(x):
    if x > 0:
        exp = np.tanh
    else:
        exp = np.sinh
    return exp(x)


def double(x):
    relu = lambda v: v * 2
    return relu(x)


def count(xs):
    sum = lambda v: len(v)
    return sum(xs)


def pick(xs, max):
    return max(xs)


print(g(), h(1.0), h(-1.0))
print(double(3.0), count([1, 2, 5]), pick([1, 5], lambda v: v[0]))

from math import log, sqrt, exp


def scale(log=1.0):
    return log * 2


def local(x):
    sqrt = x * 2
    log = sqrt + 1
    return log


def walk(xs):
    total = 0.0
    for exp in xs:
        total = total + exp
    return total


print(scale(log=3.0), scale(), local(3.0), walk([1.0, 2.5]))
print(log(8.0), sqrt(2.0), exp(1.0))
