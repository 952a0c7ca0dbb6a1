# np.round and np.around under other names round as NumPy does (x * 10**d
# rounded to even, then / 10**d: 2.675 is 2.68), where Python's round(2.675, 2)
# rounds the exact binary value (2.67): `f = np.round`, `np.around` as a value,
# in a dict, a list, a def's argument and default, an object's attribute, and
# `.round(2)` of an array beside them.  The .out is what /usr/bin/python3
# (Python 3.11.2, NumPy 1.24.2) prints (tests/paste/regen).  xi printed 2.67
# for every call through a value.
import numpy as np

f = np.round
print(f(2.675, 2), f(1.005, 2), f(0.125, 2), f(-1.5), f(2.5))
g = np.around
print(g(2.675, 2), g(0.375, 2))
x = np.array([2.675, 1.005, 0.125, 0.375])
print(f(x, 2), g(x, 2), x.round(2), np.round(x, 2))
rounders = {'np': np.round, 'around': np.around}
print(rounders['np'](2.675, 2), rounders['around'](2.675, 2))
fs = [np.round, np.around]
for r in fs:
    print(r(2.675, 2), r(x, 1))


def report(v, rnd, d=2):
    return rnd(v, d)


def report2(v, rnd=np.round):
    return rnd(v, 2)


print(report(2.675, np.round), report2(2.675), report(x, np.around, 1))


class Fmt:
    def __init__(self, rnd):
        self.rnd = rnd

    def show(self, v):
        return self.rnd(v, 2)


print(Fmt(np.round).show(2.675))
print(round(2.675, 2), np.round(2.675, 2))
