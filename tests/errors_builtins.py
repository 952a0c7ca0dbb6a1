# args: --keep-going
# Python's builtins where an answer is Python's error, each with Python's own
# words in the comment above it (python3 3.11 with NumPy 1.24).
import numpy as np
v = np.array([0.5, 2.0])
# ValueError: The truth value of an array with more than one element is ambiguous. Use a.any() or a.all()
print(0 < v < 1)
def clip_ok(z):
    return -1 <= z <= 1
# the same, from inside the def
ok = clip_ok(v)
try:
    print(0 < v < 1)
except ValueError as e:
    print("caught:", e)
import math
M = np.array([[1.0, 2.0], [3.0, 4.0]])
# ValueError: The truth value of an array with more than one element is ambiguous. Use a.any() or a.all()
print(all(M))
# the same
print(any(r > 2 for r in M))
# the same
print(bool(M))
# TypeError: 'int' object is not iterable
print(all(3))
# ValueError: tolerances must be non-negative
print(math.isclose(1.0, 1.0, rel_tol=-1))
# TypeError: must be real number, not list
print(math.isclose([1.0], 1.0))
# TypeError: only size-1 arrays can be converted to Python scalars
print(math.isclose(M, 1.0))
# TypeError: isclose() takes exactly 2 positional arguments (3 given)
print(math.isclose(1.0, 1.0, 1e-3))
# TypeError: divmod expected 2 arguments, got 1
print(divmod(1))
# ZeroDivisionError: integer division or modulo by zero
print(divmod(7, 0))
