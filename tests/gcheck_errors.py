# args: --keep-going
# What CS231n's gradient checks may meet that xi refuses, each with its reason: np.nditer's
# walk in memory order (NumPy's order='K') where xi cannot say the order, its views of the
# elements and its other flags; Python's random module drawn before random.seed(n) (CPython
# seeds it from the OS's entropy) or through functions xi does not draw as CPython does; an
# array of three axes, as FullyConnectedNets.ipynb's affine check makes; np.random.seed
# inside a def of a number NumPy refuses.  Each line that
# runs prints what python3 prints (checked by hand against /usr/bin/python3 with NumPy 1.24).
import numpy as np
import random
from random import randrange
print(randrange(5))
random.seed()
random.seed('cs231n')
random.seed(2.5)
random.seed(0)
print(randrange(5), random.randint(1, 6))
print(randrange(2.0))
print(randrange(0))
print(random.randrange(3, 3))
print(random.randrange(1, 10, 0))
print(random.choices([1, 2, 3], k=2))
print(random.betavariate(2, 3))
from random import choices
A = np.arange(6.0).reshape(2, 3)
it = np.nditer(A)
print(it.multi_index)
it = np.nditer(A.T, flags=['multi_index'])
it = np.nditer(A.T * 2, flags=['multi_index'])
it = np.nditer(A[::-1], flags=['multi_index'])
it = np.nditer(A.T, flags=['multi_index'], order='C')
print(it.multi_index)
# refused too, though NumPy's x.copy() is C-ordered: xi's copy is one node, as np.copy's
it = np.nditer(A.T.copy(), flags=['multi_index'])
it.iternext()
print(it.multi_index, it.finished)
it = np.nditer(A, flags=['external_loop'])
it = np.nditer(A, flags=['multi_index'], op_flags=['updateifcopy'])
it = np.nditer([A, A], flags=['multi_index'])
it = np.nditer(A, flags=['multi_index'])
print(it)
print(it.value)
for v in it:
    print(v)
more = it.iternext()
print(A[()])
x = np.random.randn(10, 2, 3)
def init_model():
    np.random.seed(-1)
    return 0
print(init_model())
def init_model2(s):
    np.random.seed(s)
    return 0
print(init_model2(2.5))
