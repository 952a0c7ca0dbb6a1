# x op= v in a def on what the caller passed, as NumPy and Python do it:
# p -= lr * g on a loop's item over a list of arrays (sgd(params, grads, lr)),
# W -= lr * dW on a parameter, the same array twice in the list, a second
# name of an array in the def, *= and /= on an array given, params[0] -= ...
# on a list's item, d[k] *= 2 over a dict's keys, a def calling a def that
# updates, and an own array put in a dict before it changes: each changes the
# array wherever it is bound.  A float, an int, a tuple and a string rebind
# the def's own name only (4.0 3.0), and a list's += extends the caller's.
# g[...] = 0.0 zeroes each array of a list in place.  The .out is what
# /usr/bin/python3 + NumPy 1.24.2 print (tests/paste/regen).
import numpy as np
np.random.seed(0)
W = np.random.randn(2, 2)
b = np.zeros(2)
def sgd(params, grads, lr):
    for p, g in zip(params, grads):
        p -= lr * g
def update(W, dW, lr=0.1):
    W -= lr * dW
dW = np.ones((2, 2))
db = np.array([0.5, -0.5])
sgd([W, b], [dW, db], 0.1)
update(W, dW)
print(W)
print(b)
x = 3.0
def bump(x):
    x += 1
    return x
print(bump(x), x)
def twice(ps):
    for p in ps:
        p -= 1.0
twice([W, W])
print(W)
def scale(x, s):
    x *= s
    x /= 2
    return x
y = scale(b, 4.0)
print(b, y)
def addlist(xs):
    xs += [1]
L = [0]
addlist(L)
print(L)
def tup(t):
    t += (1,)
    return t
T = (0,)
print(tup(T), T)
def s_(s):
    s += "x"
    return s
S = "a"
print(s_(S), S)
n = 5
def bumpi(n):
    n += 1
    n /= 4
    return n
print(bumpi(n), n)
def local_alias(a):
    c = a
    c += 1
    return c
v = np.zeros(3)
w = local_alias(v)
print(v, w)
def via_dict(d):
    for k in d:
        d[k] *= 2
P = {'W': W, 'b': b}
via_dict(P)
print(W, b)
def keys_loop(params, grads, lr):
    for k in params:
        params[k] -= lr * grads[k]
keys_loop(P, {'W': np.ones((2, 2)), 'b': np.ones(2)}, 0.5)
print(P['W'], W)
def lst(ps):
    ps[0] -= 1
    ps[1][0] = 9.0
Q = [W, b]
lst(Q)
print(W, b)
def own():
    a = np.zeros(2)
    d = {'a': a}
    a += 1
    a[0] = 5.0
    return d
print(own())
def nested(ps, gs):
    for p, g in zip(ps, gs):
        upd(p, g)
def upd(p, g):
    p -= 0.1 * g
nested([W, b], [W, b])
print(W, b)
def zero_grads(grads):
    for g in grads:
        g[...] = 0.0
gW = np.ones((2, 2))
G = [gW, np.ones(2)]
zero_grads(G)
print(G, gW)
