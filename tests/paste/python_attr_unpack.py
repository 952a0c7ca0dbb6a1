# regen: NumPy without AVX512
# unpacking into attributes: self.W, self.b = init(...), self.f, self.df = a
# dict's pair, objects made two at a time, a swap, net.a, net.l1.W = ... at the
# top, left to right as Python assigns; a logistic regression whose step does
# self.W, self.b = self.W - lr * ..., self.b - lr * ...; it was refused ('the
# names to unpack into must be plain names')

import numpy as np

def sigmoid(x):
    return 1 / (1 + np.exp(-x))

ACT = {"sigmoid": (sigmoid, lambda a: a * (1 - a)), "tanh": (np.tanh, lambda a: 1 - a ** 2)}

class Layer:
    def __init__(self, n_in, n_out, act="tanh"):
        self.W, self.b = np.ones((n_in, n_out)) * 0.1, np.zeros(n_out)
        self.f, self.df = ACT[act]
        self.n_in, self.n_out = n_in, n_out

    def forward(self, x):
        self.x, self.a = x, self.f(x @ self.W + self.b)
        return self.a

class Net:
    def __init__(self):
        self.l1, self.l2 = Layer(2, 3), Layer(3, 1, "sigmoid")
        self.a, self.b = 1.0, 2.0
        self.a, self.b = self.b, self.a

n = Net()
print(n.l1.forward(np.array([[1.0, 2.0]])), n.l2.forward(n.l1.a), n.a, n.b, n.l1.n_out)
n.a, n.l1.W = 5, np.zeros((2, 3))
print(n.a, n.l1.W, n.l1.df(0.5), n.l2.df(0.5))
p = Layer(1, 1)
p.W, p.b = p.b, p.W
print(p.W, p.b)
np.random.seed(0)
X = np.random.randn(20, 2)
y = (X[:, :1] + 2 * X[:, 1:] > 0).astype(float)

def init(n_in, n_out):
    return np.random.randn(n_in, n_out) * 0.1, np.zeros((1, n_out))

class LogReg:
    def __init__(self, d):
        self.W, self.b = init(d, 1)
        self.losses = []

    def step(self, X, y, lr):
        p = 1 / (1 + np.exp(-(X @ self.W + self.b)))
        loss = -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))
        dz = (p - y) / len(X)
        self.W, self.b = self.W - lr * X.T @ dz, self.b - lr * dz.sum(axis=0, keepdims=True)
        self.losses.append(loss)
        return loss

m = LogReg(2)
for i in range(200):
    l = m.step(X, y, 0.5)
    if i % 50 == 0:
        print(i, l)
print(m.W.ravel(), m.b)
print(len(m.losses), min(m.losses))
class A:
    pass
a = A()
a.x, a.x = 1, 2
print(a.x)
