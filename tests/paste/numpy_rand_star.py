# np.random.rand(*x.shape) and np.random.randn(*shape) as course code writes them:
# CS231n's inverted dropout mask, a weight initialised to another's shape, noise
# of a data matrix's shape, a shape kept as a tuple and a list, a gradient check's
# random direction, and NumPy's TypeErrors for randn((2, 3)) and randn(*5) caught.
# xi refused the * ("expected an expression, found '*'") and drew randn((2, 3)).
import numpy as np

np.random.seed(231)
x = np.random.randn(4, 5)
p = 0.5
mask = (np.random.rand(*x.shape) < p) / p
out = x * mask
print(mask)
print(out.sum(), mask.mean())

W1 = np.random.randn(5, 3) * 0.01
W2 = np.random.randn(*W1.shape) * 0.01
print(W2.shape, np.abs(W2).max())

shape = (2, 3)
noise = 0.1 * np.random.randn(*shape)
print(noise)
dims = [3, 1]
print(np.random.rand(*dims).ravel())

def numeric_direction(A, h=1e-5):
    d = np.random.randn(*A.shape)
    return h * d / np.linalg.norm(d)

print(numeric_direction(W1))
print(np.random.randn(*()), np.random.rand(*[4]))

try:
    np.random.randn((2, 3))
except TypeError:
    print("randn((2, 3)): TypeError")
try:
    np.random.rand(*5)
except TypeError:
    print("rand(*5): TypeError")
print(np.random.rand(*x.shape[1:]))
