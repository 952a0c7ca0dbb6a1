# __call__ on a class of the student's own (PyTorch's nn.Module habit, Karpathy's
# micrograd nn): model(x) on a name, self.layers[...] made in a comprehension in
# __init__ and called in a loop as layer(x), an object passed to a def and called
# there as f(x), keyword arguments, a comprehension calling each layer; two
# objects made in one list (the first was losing its attributes).  The .out is
# what /usr/bin/python3 + NumPy 1.24.2 print (tests/paste/regen).
import numpy as np

np.random.seed(0)

class Linear:
    def __init__(self, n_in, n_out):
        self.W = np.random.randn(n_in, n_out) * 0.1
        self.b = np.zeros(n_out)

    def __call__(self, x):
        return x @ self.W + self.b

class MLP:
    def __init__(self, sizes):
        self.layers = [Linear(sizes[i], sizes[i + 1]) for i in range(len(sizes) - 1)]

    def __call__(self, x):
        for i, layer in enumerate(self.layers):
            x = layer(x)
            if i < len(self.layers) - 1:
                x = np.tanh(x)
        return x

class Pair:
    def __init__(self):
        self.first = Linear(3, 2)
    def __call__(self, x, scale=1.0):
        return self.first(x) * scale

def apply(f, x):
    return f(x)

model = MLP([3, 4, 2])
x = np.array([[1.0, -2.0, 0.5], [0.0, 1.0, 1.0]])
out = model(x)
print(out)
print(apply(model, x).shape)
p = Pair()
print(p(x, scale=2.0))
print([l(x).shape for l in model.layers[:1]])
first = model.layers[0]
print(first(x))
ls = [Linear(2, 2), Linear(2, 1)]
print(ls[0].W.shape, ls[1].W.shape)
