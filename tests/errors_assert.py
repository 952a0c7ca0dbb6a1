# args: --keep-going
# A failing assert stops the program with Python's AssertionError and its
# message (each message below is the one python3 prints, checked by hand:
# "AssertionError: X should be 3 x 2" ...), at the assert, or at the call of
# the def or method it is in; an array as the condition is ambiguous, as in NumPy.
import numpy as np

X = np.ones((2, 3))
assert X.shape == (3, 2), "X should be 3 x 2"
assert X.ndim == 3
assert len(X) == 3, f"expected 3 rows, got {len(X)}"
assert X.sum() == 7, "sum is %g" % X.sum()
assert X > 0, "an array's truth is ambiguous"
for i in range(4):
    assert i < 2, i

def relu(z):
    assert z.ndim == 2, f"relu takes a batch, not {z.shape}"
    return np.maximum(0, z)

print(relu(X).sum())
print(relu(np.ones(3)))

class Layer:
    def __init__(self, n):
        assert n > 0, "sizes must be positive"
        self.n = n

print(Layer(2).n)
bad = Layer(-1)
assert
assert X.shape == (2, 3), 
print("after")
