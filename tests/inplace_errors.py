# args: --keep-going
# x op= v in a def on what the caller passed (tape/inplace.c): where NumPy's
# in-place change would reach a view xi keeps as a value, or NumPy itself
# refuses, xi refuses with the reason; a grad of a value computed before the
# update is refused, as at the prompt.  What NumPy does in each case (checked
# with /usr/bin/python3 + NumPy 1.24.2): lines 16 and 21 change M through the
# view, 25 changes the view V; 30 and 33 are NumPy's UFuncTypeError, 37 its
# ValueError (non-broadcastable output operand).  Each refusal changes
# nothing: M, counts and b print as they were made.
import numpy as np
M = np.ones((2, 2))
def sgd(params, grads, lr):
    for p, g in zip(params, grads):
        p -= lr * g
row = M[0]
sgd([row], [np.ones(2)], 0.1)
del row
def shift(M):
    r = M[1]
    r += 1
shift(M)
V = M.T
def scale(W):
    W *= 2
scale(M)
del V
counts = np.array([1, 2, 3])
def halve(c):
    c /= 2
halve(counts)
def nudge(c):
    c -= 0.5
nudge(counts)
b = np.zeros(2)
def widen(b):
    b += np.ones((2, 2))
widen(b)
W = np.array([1.0, 2.0])
loss = np.sum(W ** 2)
sgd([W], [grad(loss, W)], 0.1)
print(W)
print(grad(loss, W))
def step(W):
    L = np.sum(W ** 2)
    W -= 0.1 * grad(L, W)
    return grad(L, W)
print(step(W))
print(M, counts, b)
# the same rules at the prompt (tape/names.c): NumPy's UFuncTypeError for
# floats into an int array, and its ValueError for a computed array grown
ints = np.array([1, 2])
ints -= 0.5
x = np.ones(2)
h = x * 2
h += np.ones((2, 2))
print(ints, h)
# '...' is read alone (p[...] = v); beside another index it is refused
print(M[..., 0])
# x op= v on a name the def never assigned is Python's UnboundLocalError (the
# caller's W is not reached through a def's own name)
def decay():
    W -= 1
decay()
print(W)
