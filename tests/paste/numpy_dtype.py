# x.dtype as a student prints and tests it: an array's, a NumPy scalar's, after
# astype and comparisons, in print, f-strings and % formatting, its repr inside a list,
# a tuple and a dict, == with its name and with another dtype (also through `in` a list),
# set and dict membership (a dtype is never the str 'float64' there: their hashes
# differ), len (its fields: 0), .name (a str), type(x.dtype).__name__.
import numpy as np

X = np.array([[1.0, 2.0], [3.0, 4.0]])
y = np.array([0, 1, 1])
m = y > 0
u = np.array([3, 200], dtype=np.uint8)
print(X.dtype, y.dtype, m.dtype, u.dtype)
print(X.dtype == 'float64', y.dtype == 'float64', X.dtype == y.dtype, y.dtype != 'int64')
print(repr(X.dtype), [X.dtype, y.dtype], (m.dtype, 1), {X.dtype: 'features'})
print(f"X is {X.shape} of {X.dtype}")
print("labels: %s" % y.dtype)
s = np.sum(X)
print(s.dtype, np.argmax(y).dtype, (2.0 * X[0, 0]).dtype, X.mean(axis=0).dtype)
print(X.astype(int).dtype, (X > 2).dtype, (y * 1.5).dtype, (y + y).dtype)
print(type(X.dtype).__name__)
d = X.dtype
if d == 'float64':
    print("floats, as expected")
assert y.dtype == 'int64', "labels must be ints"
print(d in ['float64', 'float32'], d in {'float64'}, d in {d}, 'float64' in {d: 1})
print(len(d), len({d, 'float64'}))
n = d.name
print(n, repr(n), n + "!", len(n))
print(str(d), "dtype " + str(d))
# widths: % and !s pad str(x.dtype), !r its repr; a str's repr padded keeps its quotes
print("%10s|%-18r|" % (d, d), f"{d!s:>9}|{d!r:>18}|", "{!s:>9}|".format(d))
w = 'ab'
print('%6r|' % w, f'{w!r:>6}|', "{!r:<6}|".format(w))
