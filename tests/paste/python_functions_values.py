# Functions as values, as students pass them around: a def, np.tanh or a
# lambda bound to a name, kept in a dict, a list or a tuple, passed to a def
# and called inside, kept in an attribute, and sorted's and max's key=.
import numpy as np


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def relu(x):
    return np.maximum(0, x)


def apply(f, x):
    return f(x)


def apply_twice(f, x):
    return f(f(x))


z = np.array([-1.5, 0.0, 2.0])
print(apply(sigmoid, z))
print(apply(np.tanh, z))
print(apply(lambda v: v ** 2, z))
print(apply_twice(np.exp, 0.0))
print(apply_twice(lambda v: 3 * v + 1, 1.0))

act = np.tanh
print(act(0.5))
act = sigmoid
print(act(0.5))
square = lambda x: x ** 2
print(square(4.0), square(z))
m = np.maximum
print(m(z, 0.5))

acts = {'relu': relu, 'sigmoid': sigmoid, 'tanh': np.tanh, 'id': lambda x: x}
print(acts['relu'](z))
for name in sorted(acts):
    print(name, acts[name](z).round(4))
for f in [np.exp, np.tanh, relu]:
    print(f(1.0))
pairs = [(sigmoid, 'sigmoid'), (relu, 'relu')]
for f, name in pairs:
    print(name, f(-1.0))

powers = [lambda x: x, lambda x: x ** 2, lambda x: x ** 3]
print([p(2.0) for p in powers])

# a lambda reads the global when it is called (late binding, as Python)
scale = 2.0
times = lambda x: scale * x
scale = 10.0
print(times(3.0))


# a lambda made inside a def reads the def's names while the def runs
def descend(grad_fn, w, lr, steps):
    step = lambda w, g: w - lr * g
    for i in range(steps):
        w = step(w, grad_fn(w))
    return w


print(descend(lambda w: 2 * (w - 3.0), 0.0, 0.1, 50))


def layer(x, W, activation=sigmoid):
    return activation(x @ W)


W = np.array([[0.5, -1.0], [0.25, 0.5], [-0.5, 1.0]])
print(layer(z, W))
print(layer(z, W, activation=relu))
print(layer(z, W, np.tanh))


class Neuron:
    def __init__(self, w, f):
        self.w = w
        self.f = f

    def __call__(self, x):
        return self.f(np.dot(self.w, x))


n = Neuron(np.array([0.5, -0.25, 1.0]), np.tanh)
print(n(z))
n2 = Neuron(np.array([1.0, 1.0, 1.0]), lambda s: max(s, 0.0))
print(n2(z))

# sorted, min and max with key=
students = [('ana', 91), ('ben', 78), ('cy', 85)]
print(sorted(students, key=lambda s: s[1]))
print(sorted(students, key=lambda s: s[1], reverse=True))
print(max(students, key=lambda s: s[1]))
print(min(students, key=lambda s: s[1])[0])
losses = {'lr=0.1': 0.31, 'lr=0.01': 0.12, 'lr=1.0': 0.95}
print(min(losses, key=losses.get), max(losses, key=losses.get))
words = ['relu', 'tanh', 'sigmoid', 'elu']
print(sorted(words, key=lambda w: len(w)))
print(sorted([3, -1, 2, -5], key=lambda v: v * v))

# a parameter named as one of xi's functions is the parameter's value when called
def activate(x, exp=np.tanh):
    return exp(x)


print(activate(0.5), activate(0.5, exp=np.exp))
call_with = lambda sigmoid, v: sigmoid(v)
print(call_with(np.tanh, 1.0), [(lambda tanh: tanh(0.0))(np.cos)])
