# Functions as tutorials write them (not from a seed): default and keyword
# arguments, lambda, x /= n on a local inside a def (seed 001's backward does
# dscores /= N), and a if c else b.  Its output is what Python 3 prints
# (tests/paste/regen).
import numpy as np

def sgd_step(w, g, lr=0.1, weight_decay=0.0):
    """one step of gradient descent"""
    return w - lr * (g + weight_decay * w)

print(sgd_step(1.0, 0.5))
print(sgd_step(1.0, 0.5, 0.2))
print(sgd_step(1.0, 0.5, lr=0.3))
print(sgd_step(1.0, 0.5, weight_decay=0.01))
print(sgd_step(w=2.0, g=1.0, weight_decay=0.5, lr=0.5))
print(sgd_step(np.array([1.0, 2.0]), np.array([0.5, -0.5]), lr=2e-3))

square = lambda x: x ** 2
affine = lambda x, a=3, b=1: a * x + b
print(square(3), square(np.array([1.5, 2.0])), affine(2), affine(2, b=-1), affine(2, 0.5, 0.25))

# softmax and its gradient with the in-place updates of seed 001's backward
def softmax(z):
    e = np.exp(z - np.max(z, axis=1, keepdims=True))
    return e / np.sum(e, axis=1, keepdims=True)

def backward(scores, y):
    N = scores.shape[0]
    dscores = softmax(scores)
    dscores[np.arange(N), y] -= 1
    dscores /= N
    return dscores

scores = np.array([[2.0, 1.0, 0.1], [0.5, -1.0, 0.3]])
print(backward(scores, np.array([0, 2])))

def scaled(x, k=2):
    s = x * k
    s += 1
    s *= 3
    s -= 0.5
    return s

print(scaled(3.5), scaled(np.array([1.0, -2.0]), k=0.5))

# a if c else b: only the branch chosen is computed
def safe_log(x):
    return np.log(x) if x > 0 else 0.0

x = -2.0
y = x if x > 0 else -x
z = 1 if x > 0 else 2 if x > -1 else 3
print(y, z, safe_log(1.0), safe_log(-1.0), (0.5 if y > 1 else 0.25) * 4)
lr = 0.01 if not x > 0 else 0.1
print(lr, -1 if x < 0 else 1)
