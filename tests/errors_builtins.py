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
