# args: --keep-going
# A list or a dict unpacked into a call's arguments is refused, saying so (it
# was "expected an expression, found '*'"); np.random.randn(*t) and rand(*t)
# are read (tests/paste/numpy_rand_star.py), with NumPy's TypeErrors, and so is
# zip(*rows) alone (tests/paste/python_zip_star.py): not with other arguments,
# and its rows must be walkable (Python: TypeError: 'int' object is not iterable).
import numpy as np
def f(a, b, c=0):
    return a + b + c
xs = [1, 2]
print(f(*xs))
d = {'a': 1, 'b': 2}
print(f(**d))
print(f(1, *xs))
print(np.zeros(*(2, 3)))
print(np.random.randn(*(2, 3), 4))
print(np.random.randn(*2))
print(np.random.rand((2, 3)))
print(np.random.randn(2, [3]))
print(np.random.rand(*(2, 3, 4)))
pairs = [(1.0, 2.0), (3.0, 4.0)]
xs, ys = zip(*pairs, [5.0])
print(list(zip(*[1, 2])))
