# args: --keep-going
# x.dtype is NumPy's dtype, not a str: where Python (python3 with NumPy 1.24) raises
# a TypeError, xi says the same (iterating it, 'f' in it, joining it, + with a str), and
# what NumPy reads by its own rules xi refuses with what to write: x.dtype == 'float'
# (NumPy: True, 'float' is float64), == np.float64 (True), < (NumPy's order of safe
# casts: float64 < 'g' is True), indexing (NumPy's KeyError: no fields), sorting and
# max of dtypes.  A Python float has no .dtype (AttributeError); a number computed by
# a function np. and math. spell alike may be either, and xi says it cannot tell.  A format
# spec without !s (f"{d:>10}") is a TypeError in NumPy.
import numpy as np

X = np.array([[1.0, 2.0]])
d = X.dtype
print([c for c in d])
print('f' in d)
print(' '.join([d]))
print(d + 'x')
print('x' + d)
print(d == 'float')
print(d == np.float64)
print(d < 'g')
print(d[0])
print(sorted([d, d]))
print(max([d, d]))
print(3.0 .dtype)
print(np.exp(2.0).dtype)
print(d.itemsize)
print(f"{d:>10}|")
print("{:>10}".format(d))
print(X.dtype, "ok")
