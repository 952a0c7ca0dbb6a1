# a student's numerical Jacobians: softmax's against diag(s) - outer(s, s), a map R^2 -> R^3 filled by nested
# loops with np.zeros_like steps, sigmoid's diagonal; np.unravel_index(np.argmax(err), err.shape) left out
# regen: NumPy without AVX512
import numpy as np

def softmax(z):
    e = np.exp(z - np.max(z))
    return e / e.sum()

def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))

def numerical_jacobian(f, x, eps=1e-6):
    y = f(x)
    J = np.zeros((y.size, x.size))
    for j in range(x.size):
        xp = x.copy()
        xm = x.copy()
        xp[j] += eps
        xm[j] -= eps
        J[:, j] = (f(xp) - f(xm)) / (2 * eps)
    return J

def softmax_jacobian(z):
    s = softmax(z)
    return np.diag(s) - np.outer(s, s)

z = np.array([1.0, 2.0, 0.5])
Jn = numerical_jacobian(softmax, z)
Ja = softmax_jacobian(z)
np.set_printoptions(precision=5, suppress=True)
print("numerical:\n", Jn)
print("analytic:\n", Ja)
print("max abs diff: %.3e" % np.max(np.abs(Jn - Ja)))
print("rows sum to", Ja.sum(axis=1))

# a function from R^2 to R^3, Jacobian filled element by element
def g(v):
    x, y = v[0], v[1]
    return np.array([x * y, np.sin(x) + y ** 2, np.exp(x - y)])

v = np.array([0.5, -1.2])
J = np.zeros((3, 2))
h = 1e-5
for i in range(3):
    for j in range(2):
        dv = np.zeros_like(v)
        dv[j] = h
        J[i, j] = (g(v + dv)[i] - g(v - dv)[i]) / (2 * h)
exact = np.array([[v[1], v[0]],
                  [np.cos(v[0]), 2 * v[1]],
                  [np.exp(v[0] - v[1]), -np.exp(v[0] - v[1])]])
print(J)
print(exact)
err = np.abs(J - exact)
print("worst entry:", np.argmax(err), err.max() < 1e-8)

# sigmoid jacobian is diagonal
x = np.linspace(-2, 2, 4)
Js = numerical_jacobian(sigmoid, x)
print(np.allclose(Js, np.diag(sigmoid(x) * (1 - sigmoid(x)))))
print(np.round(np.diag(Js), 6))
off = Js - np.diag(np.diag(Js))
print("off-diagonal max:", np.abs(off).max())
