# args: --keep-going
# np.random.default_rng where xi parts from NumPy: each refused with what to
# write, never another number.  No seed (the OS's entropy, which no run
# repeats), a float or negative seed (NumPy's own errors), a Generator's
# methods xi does not draw, shuffle in place, dtype= / out= / axis=, arrays of
# parameters, an attribute, the repr (an address); NumPy's ValueErrors of
# bounds, scale and probabilities; the Generator's other spellings; dtype=
# where NumPy would draw another way (uint8) or has none (normal), and on a
# method of the user's.  A refusal draws nothing: the last line is what NumPy
# prints for this file with the refused lines taken out.
import numpy as np

rng = np.random.default_rng()
rng = np.random.default_rng(None)
rng = np.random.default_rng(1.5)
rng = np.random.default_rng(-1)
rng = np.random.default_rng(7)
print(rng, rng.random(2))
rng.shuffle([1, 2, 3])
x = rng.exponential(1.0, 3)
x = rng.random(3, dtype=np.float32)
x = rng.standard_normal(3, out=None)
x = rng.permutation(np.eye(2), axis=1)
x = rng.normal([0.0, 1.0], 1.0)
x = rng.normal(0.0, -1.0, 3)
x = rng.uniform(1.0, 0.0)
x = rng.integers(0)
x = rng.integers(5, 2)
x = rng.integers(3, 3, endpoint=False)
x = rng.integers(0, 2**60)
x = rng.choice(3, 4, replace=False)
x = rng.choice(3, 2, p=[0.5, 0.6, 0.1])
x = rng.choice(3, 2, p=[0.5, 0.5])
x = rng.choice(2.5, 2)
x = rng.random(size=0)
x = rng.random(3, 4)
x = rng.normal(0.0, 1.0, 3, scale=2.0)
x = rng.integers(0, 5, size=3, dtype=np.uint8)
x = rng.normal(0.0, 1.0, dtype=np.float64)


class Net:
    def init(self, n):
        return np.zeros(n)


x = Net().init(3, dtype=float)
b = rng.bit_generator
print(repr(rng))
g = np.random.Generator(np.random.PCG64(7))
s = np.random.RandomState(0)
print(rng.random(2))
