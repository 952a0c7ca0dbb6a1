# Python's classes, each construct once: class Name: and class Name(object):,
# __init__ with defaults, attributes set and read, a dict and a tuple as
# attributes, methods calling methods, keyword arguments, a method without
# return (None), two instances of one class, an object in a list and a dict,
# an attribute's dict updated in place and an attribute's list appended to in
# a method, and an attribute updated in place seen through another name of it.
import numpy as np


class Linear(object):
    """y = x @ W + b"""

    def __init__(self, n_in, n_out, scale=0.1, name='linear'):
        self.params = {'W': np.arange(n_in * n_out).reshape(n_in, n_out) * scale,
                       'b': np.zeros(n_out)}
        self.name = name
        self.calls = 0
        self.history = []

    def forward(self, x):
        out = x @ self.params['W'] + self.params['b']
        self.cache = (x, out)
        self.calls += 1
        return out

    def backward(self, dout):
        x, out = self.cache
        grads = {'W': x.T @ dout, 'b': dout.sum(axis=0)}
        return grads

    def loss(self, x, target):
        out = self.forward(x)
        return 0.5 * np.sum((out - target) ** 2)

    def update(self, grads, lr=0.1):
        self.params['W'] -= lr * grads['W']
        self.params['b'] -= lr * grads['b']
        self.history.append(self.loss(self.cache[0], self.target))

    def set_scale(self, s):
        self.scale = s


class Counter:
    def __init__(self):
        self.n = 0

    def add(self, k=1):
        self.n += k
        return self.n


lin = Linear(3, 2)
x = np.array([[1.0, 2.0, 3.0], [0.5, -1.0, 2.0]])
t = np.array([[1.0, 0.0], [0.0, 1.0]])
out = lin.forward(x)
print(out)
print(lin.name, lin.calls, lin.params['W'].shape, len(lin.cache))
L = lin.loss(x, t)
print(L, lin.calls)
g = lin.backward(lin.cache[1] - t)
print(g['W'])
print(g['b'])
for k in ['W', 'b']:
    lin.params[k] -= 0.1 * g[k]
print(lin.params['W'])
print(lin.loss(x, t))
lin.target = t
lin.update(lin.backward(lin.cache[1] - t))
lin.update(lin.backward(lin.cache[1] - t), lr=0.05)
print(lin.params['b'], lin.history, len(lin.history), lin.calls)
r = lin.set_scale(0.5)
print(r, lin.scale)

c = Counter()
c.add()
c.add(5)
print(c.add(k=10), c.n)

other = Linear(2, 2, scale=1.0, name='other')
print(other.params['W'], other.name, lin.name)
layers = [lin, other]
print(len(layers), layers[1].name, layers[0].calls)
nets = {'a': c}
nets['a'].add(100)
print(c.n)

W = lin.params['W']
lin.params['W'] -= 1.0
print(W[0])
lin.tag = 'changed'
print(lin.tag)
h = layers[1].forward(np.array([[1.0, 1.0]]))
print(h, other.calls)
