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
xs = [1, 2, 3]
empty = []
d = {"a": 1}
t = (1, 2)
# IndexError: pop from empty list
empty.pop()
# IndexError: pop index out of range
xs.pop(5)
# TypeError: pop expected at most 1 argument, got 2
xs.pop(0, 1)
# ValueError: list.remove(x): x not in list
xs.remove(9)
# IndexError: list assignment index out of range
del xs[7]
# (Python deletes the slice: xi refuses it)
del xs[0:2]
# KeyError: 'zz'
del d["zz"]
# KeyError: 'zz'
d.pop("zz")
# AttributeError: 'tuple' object has no attribute 'pop'
t.pop()
# TypeError: 'tuple' object doesn't support item deletion
del t[0]
# (Python: None, as xs.append(v) gives: xi refuses the value)
y = xs.insert(0, 1)
# TypeError: insert expected 2 arguments, got 1
xs.insert(1)
# ValueError: cannot delete array elements
del v[0]
print(xs, d)
# (Python: 'ÉCOLE'; xi refuses letters beyond ASCII)
print("école".upper())
# ValueError: empty separator
print("a,b".split(""))
# TypeError: startswith first arg must be str or a tuple of str, not int
print("abc".startswith(1))
# TypeError: print() argument after * must be an iterable, not int
print(*5)
# AttributeError: 'list' object has no attribute 'upper'
print(xs.upper())
