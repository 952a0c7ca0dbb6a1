# softmax's Jacobian as the derivation tutorials write it: diag(s) - outer(s, s),
# checked against a finite difference and against softmax's vector-Jacobian product.
# (J is made from a fixed s: NumPy's own exp may be one ulp off the correctly rounded
# one, docs/python.md, and J's column sums, a few ulps from 0, would show it.)
import numpy as np

def softmax(z):
    e = np.exp(z - np.max(z))
    return e / np.sum(e)

def jacobian(s):
    return np.diag(s) - np.outer(s, s)

z = np.array([1.0, 2.0, 0.5])
print(softmax(z))
s = np.array([0.2, 0.3, 0.5])
J = jacobian(s)
print(J)
print(np.diag(J))
print(J.sum(axis=0))

h = 1e-6
Jz = jacobian(softmax(z))
num = np.zeros((3, 3))
for j in range(3):
    dz = np.zeros(3)
    dz[j] = h
    num[:, j] = (softmax(z + dz) - softmax(z - dz)) / (2 * h)
print(np.allclose(Jz, num))

g = np.array([0.1, -0.2, 0.3])
print(J.T @ g)
print(s * (g - np.dot(g, s)))
M = np.array([[4.0, 1.0], [2.0, 3.0]])
print(np.diag(M), np.diag(np.diag(M)))
