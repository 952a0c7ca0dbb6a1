# Python's all, any, bool, divmod and math.isclose as students use them: a
# gradient check's tolerance over a list (all(...) of a generator), early
# stopping when any of the last losses grew, truth of lists, strings, None and
# NumPy's scalars, a 1-D array walked by all()/any() (its elements, as Python
# walks it) beside np.all/np.any, batches by divmod, math.isclose with rel_tol=
# and abs_tol=.  A generator given to all() or any() stops where Python's does
# (f prints what it is asked).  Each was "unknown function" in xi.
import math
import numpy as np


def f(v):
    print("checked", v)
    return v


print(all([True, 1, 2]), any([0, 0]), all([]), any([]), all(x > 0 for x in [1, 2]))
print(all([1, 0, 2]), any([0, "", None, 3]), all("abc"), any(""), all({}), any({"a": 1}))
print(all(f(x) > 0 for x in [1, -1, 2]), any(f(x) > 0 for x in [-1, 3, 5]))
print(all([f(x) > 0 for x in [1, -1]]), any(f(x) for x in []), all(f(x) for x in (0.0,)))

# a numerical gradient check, as a student writes it
def loss(w):
    return np.sum(w ** 2) / 2


w = np.array([0.5, -1.5, 2.0])
h = 1e-5
num = []
for i in range(len(w)):
    e = np.zeros_like(w)
    e[i] = h
    num.append((loss(w + e) - loss(w - e)) / (2 * h))
ana = w
errs = [abs(n - a) / max(abs(n), abs(a)) for n, a in zip(num, ana)]
print("gradient ok:", all(r < 1e-7 for r in errs), any(r > 1e-3 for r in errs))
print(all(math.isclose(n, a, rel_tol=1e-6) for n, a in zip(num, ana)))

losses = [0.9, 0.7, 0.65, 0.66, 0.64]
window = losses[-3:]
grew = any(b > a for a, b in zip(window, window[1:]))
print("grew:", grew, "all below 1:", all(l < 1 for l in losses))

v = np.array([1.0, 2.0, 0.0])
print(all(v), any(v), np.all(v), np.any(v), all(v > -1), v.all(), (v > -1).all())
M = np.array([[1.0, 2.0], [3.0, 4.0]])
print(np.all(M > 0), all(r.sum() > 0 for r in M), any(M[:, 0] > 2))

print(bool(0), bool(1), bool(0.0), bool(-2.5), bool([]), bool([0]), bool(""), bool("a"))
print(bool(None), bool(), bool({}), bool((0,)), bool(np.float64(0.0)), bool(np.array([3.0])))
print(bool(v[2]), bool(v[0]), bool(np.sum(v) > 2), [bool(x) for x in v])

print(divmod(7, 2), divmod(-7, 2), divmod(7, -2), divmod(7.5, 2), divmod(-7.5, 2))
print(divmod(1, 0.3), divmod(3, 1.5), divmod(True, 2), divmod(np.float64(7.0), 2))
n_samples, batch_size = 103, 16
n_full, rest = divmod(n_samples, batch_size)
print(f"{n_full} full batches and one of {rest}")
secs = 3725
m, s = divmod(secs, 60)
hrs, m = divmod(m, 60)
print(f"{hrs:d}:{m:02d}:{s:02d}")

print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1.0, 1.1), math.isclose(0.0, 1e-12))
print(math.isclose(0.0, 1e-12, abs_tol=1e-9), math.isclose(100, 101, rel_tol=0.01))
print(math.isclose(100, 101, rel_tol=0.0099), math.isclose(1, 1), math.isclose(math.inf, math.inf))
print(math.isclose(math.inf, 1e308), math.isclose(math.nan, math.nan), math.isclose(0.1 + 0.2, 0.3))
print(math.isclose(np.float64(2.0), 2.0000000001), math.isclose(np.array([2.0]), 2.0))
print(math.isclose(1e-9, 2e-9, abs_tol=1e-9), math.isclose(-1.0, 1.0, rel_tol=2.0))
print(abs(-3), abs(-2.5), abs(np.float64(-1.5)), abs(True), abs(-0.0))
