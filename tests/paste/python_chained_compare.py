# Chained comparisons as students write them: 0 < x < 1, lo <= i < hi, in if,
# while, assert, comprehension filters, a def, a lambda, a conditional
# expression; a < b < c is a < b and b < c with b computed once and c only when
# a < b holds (f prints each operand it computes).  xi said "comparisons do not
# chain in xi" until Python's code took them.
import numpy as np


def f(v):
    print("computed", v)
    return v


x = 0.5
print(0 < x < 1, 1 < x < 2, 0 < x > 0.2, 0 <= x <= 0.5 < 1 == 1)
print(f(1) < f(2) < f(3))
print(f(3) < f(2) < f(1))
print(f(1) < f(2) > f(5) < f(9))
lo, hi = 2, 5
print([i for i in range(8) if lo <= i < hi], sum(1 for i in range(8) if lo < i <= hi))
i = 0
while 0 <= i < 3:
    i += 1
print("stopped at", i)
assert 0 < x < 1, "x out of range"
if 0.0 <= x <= 1.0:
    print("a probability")
elif x < 0:
    print("negative")


def in_unit(a):
    return 0 < a < 1


def count_between(xs, lo, hi):
    n = 0
    k = 0
    while lo <= k < hi:
        if xs[0] < xs[k] <= xs[-1]:
            n += 1
        k += 1
    return n


print(in_unit(0.3), in_unit(2), count_between([0.0, 0.5, 2.0, 0.7, 1.0], 0, 5))
inside = lambda t: -1 <= t <= 1
print([inside(t) for t in (-2, -1, 0.5, 1, 3)])
a, b, c = 1, 2, 2
print(a < b == c, a < b != c, a == b < c, 1 < 2 < 3 < 4 < 5, 1 < 2 < 3 < 0 < 5)
print("apple" < "banana" < "cherry", "b" < "a" < "c")
label = "small" if 0 < a < 5 else "large"
print(label, not 0 < a < 5, 0 < a < 5 and 1 < b < 3)
v = np.array([1.0, 2.0, 3.0])
print(0 < v[1] < 3, v.min() <= 2.0 <= v.max(), 0 < np.array([0.5]) < 1)
m = v.mean()
if 1.5 < m <= 2.0:
    print("mean", m)
probs = np.array([0.2, 0.5, 0.3])
assert 0.999 < probs.sum() < 1.001
accs = [0.91, 0.95, 0.97, 0.89]
print([k for k, acc in enumerate(accs) if 0.9 < acc < 0.96])
y = 0 < x < 1
print(y, type(y).__name__)
