# None as a value: a def returning None on one path, attributes set to None in
# __init__ and tested with is None, None in a list and a dict, best = None
# and "if best is None or v < best", not None; the .out is what
# /usr/bin/python3 + NumPy 1.24.2 print (tests/paste/regen).
import numpy as np

def find_first_negative(xs):
    for i, x in enumerate(xs):
        if x < 0:
            return i
    return None

class Layer:
    def __init__(self, n):
        self.W = np.ones((n, n))
        self.cache = None
        self.grad = None

    def forward(self, x):
        self.cache = x
        return x @ self.W

    def backward(self, dout):
        if self.cache is None:
            print("call forward first")
            return None
        self.grad = self.cache.T @ dout
        return dout @ self.W.T

r = find_first_negative([1.0, 2.0, -3.0])
print(r, find_first_negative([1.0, 2.0]))
print(find_first_negative([5.0]) is None, r is not None)
layer = Layer(2)
print(layer.backward(np.ones((1, 2))))
print(layer.grad is None)
out = layer.forward(np.array([[1.0, 2.0]]))
dx = layer.backward(np.ones((1, 2)))
print(out, dx, layer.grad)
best = None
for v in [3.0, 1.0, 2.0]:
    if best is None or v < best:
        best = v
print("best", best)
items = [None, 1.5]
print(items, items[0] is None)
opts = {"momentum": None}
if opts["momentum"] is None:
    print("no momentum")
x = None
if not x:
    print("x is falsy")
print(x)
print(opts.get("nesterov"), opts.get("nesterov") is None)
