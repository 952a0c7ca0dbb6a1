# args: --keep-going
# A list or a dict unpacked into a call's arguments is refused, saying so (it
# was "expected an expression, found '*'"); np.random.randn(*t) and rand(*t)
# are read (tests/paste/numpy_rand_star.py), with NumPy's TypeErrors.
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
xs, ys = zip(*pairs)
