# args: --keep-going
# Functions as values where xi parts from Python: each refused with what to
# write instead, never another number.  A lambda made in a def and called
# after the def returned (Python keeps its closure's cells; xi reads a live
# def's names only), a lambda in a comprehension reading its variable
# (Python's reads the last value, when called), a def read as a value and
# defined anew since (Python's value keeps the old function), a function
# printed (Python prints its address) or compared, a function where a number
# must be, NumPy's functions of several steps as values, keywords through a
# NumPy function's value, Python's builtins as values, sorting a set by key.
import numpy as np


def make_scaler(k):
    return lambda v: v * k


s = make_scaler(3.0)
print(s(2.0))
fs = [lambda v: v * i for i in range(3)]


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


act = sigmoid


def sigmoid(x):
    return x


print(act(1.0))
print(sigmoid)
print(sigmoid == act)
y = sigmoid + 1
print(np.tanh(np.exp))
w = np.where
t = np.tanh
print(t(1.0, out=None))
print(sorted(['bb', 'a'], key=len))
print(sorted(set([3, 1]), key=lambda v: -v))
x = 3.0
print(x(2))
print(sorted([1, 2], key=lambda v: {"k": v}))
print(sorted([1, 2], cmp=None))
print(max([1, 2], default=0))
g = lambda: 1
print(g(5))
d = {'a': 1}
print([1, 2].get)
