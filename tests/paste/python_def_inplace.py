# a def changing what its caller passed, in place, as Python's and NumPy's do:
# a dict of parameters updated through its keys (CS231n's params[k] -= ...),
# in a loop over the dict and in a training loop that reads it back, an
# array's element, an item of an array in a dict, a list appended to; the
# caller's names (and another name of the same array) see each change, and a
# def that only changes things gives None.  The .out is what /usr/bin/python3
# + NumPy 1.24.2 print (tests/paste/regen).
import numpy as np

def sgd(params, grads, lr=0.1):
    for k in params:
        params[k] -= lr * grads[k]

def bump(W):
    W[0, 0] += 1.0
    return W

def own(x):
    y = x.copy()
    y[y < 0] = 0
    y[1] *= 2
    return y

def add_to(xs, v):
    xs.append(v)

def nested(d):
    d["a"][0] = 5.0

def fit(p, x, y, steps):
    for s in range(steps):
        err = p["w"] * x + p["b"] - y
        p["w"] -= 0.1 * np.mean(err * x)
        p["b"] -= 0.1 * np.mean(err)
        if s % 2 == 0:
            print(s, np.mean(err ** 2), p["w"], p["b"])
    return np.mean((p["w"] * x + p["b"] - y) ** 2)

p = {"W": np.array([1.0, 2.0]), "b": np.array([0.5])}
g = {"W": np.array([0.5, 0.5]), "b": np.array([1.0])}
alias = p["W"]
r = sgd(p, g)
print(r)
print(p)
print(alias)
sgd(p, g, lr=1.0)
print(p["W"], alias)
M = np.zeros((2, 2))
N = bump(M)
print(M)
print(N)
v = np.array([-1.0, 2.0, -3.0])
print(own(v), v)
L = [1]
add_to(L, 2)
add_to(L, 3.5)
print(L, len(L))
dd = {"a": np.zeros(2)}
nested(dd)
print(dd)
model = {"w": 0.0, "b": 0.0}
x = np.array([0.0, 1.0, 2.0, 3.0])
print("final", fit(model, x, 2 * x + 1, 5))
print(model)

# a def calling another for what it changes, in a loop: the caller's dict
# follows the change made two calls down
def update(p, g):
    for k in p:
        p[k] -= 0.5 * g[k]

def train(p, steps):
    hist = []
    for s in range(steps):
        g = {"w": 2 * p["w"]}
        update(p, g)
        hist.append(p["w"][0])
    return hist

params = {"w": np.array([1.0, -2.0])}
h = train(params, 3)
print(h, params)
