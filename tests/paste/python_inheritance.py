# single inheritance as tutorials use it: a base class's methods reached from a
# subclass (NNFS's Loss.calculate calling the subclass's forward), an override,
# an inherited __init__, three levels, and a base redefined afterwards (the
# subclass keeps the methods it was made with, as Python's does)
import numpy as np

class Loss:
    def calculate(self, output, y):
        sample_losses = self.forward(output, y)
        return np.mean(sample_losses)

    def name(self):
        return 1

class Squared(Loss):
    def forward(self, output, y):
        return (output - y) ** 2

class Absolute(Loss):
    def forward(self, output, y):
        return np.abs(output - y)

    def name(self):
        return 2

out = np.array([0.5, 2.0, -1.0])
y = np.array([1.0, 1.0, 1.0])
print(Squared().calculate(out, y), Absolute().calculate(out, y))
print(Squared().name(), Absolute().name())

class Layer:
    def __init__(self, n_in, n_out):
        self.W = np.ones((n_in, n_out)) * 0.5
        self.b = np.zeros((1, n_out))

    def forward(self, x):
        self.out = x @ self.W + self.b
        return self.out

class Scaled(Layer):
    def scale(self, k):
        self.W = self.W * k

class Scaled2(Scaled):
    def forward(self, x):
        return 2 * (x @ self.W + self.b)

l = Scaled(2, 3)
l.scale(4)
print(l.forward(np.array([[1.0, 2.0]])))
m = Scaled2(2, 1)
m.scale(3)
print(m.forward(np.array([[1.0, 1.0]])), m.W.shape)

class Loss:
    def calculate(self, output, y):
        return -1

print(Squared().calculate(out, y), Loss().calculate(out, y))

class Plain(object):
    def f(self):
        return 7

print(Plain().f())
