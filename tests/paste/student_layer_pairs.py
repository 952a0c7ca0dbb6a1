# a student's layers as callable objects taking their activation and its
# derivative as a pair from a dict, self.f, self.df = ACT[act] (refused until
# attributes could be unpacked into), np.random.seed in __init__, a 2-3-1 net
# on XOR built as l2(l1(X)), backward returning dx, types printed. Line 150
# differs in the last digit: NumPy's np.tanh is one ulp off
import numpy as np

def sigmoid(x):
    return 1 / (1 + np.exp(-x))

ACT = {
    "sigmoid": (sigmoid, lambda a: a * (1 - a)),
    "tanh": (np.tanh, lambda a: 1 - a ** 2),
}

class Layer:
    def __init__(self, n_in, n_out, act="tanh", seed=0):
        np.random.seed(seed)
        self.W = np.random.randn(n_in, n_out) * 0.1
        self.b = np.zeros(n_out)
        self.f, self.df = ACT[act]

    def __call__(self, x):
        self.x = x
        self.a = self.f(x @ self.W + self.b)
        return self.a

    def backward(self, grad, lr):
        dz = grad * self.df(self.a)
        dW = self.x.T @ dz
        dx = dz @ self.W.T
        self.W -= lr * dW
        self.b -= lr * dz.sum(axis=0)
        return dx

l1 = Layer(2, 3, "tanh", seed=3)
l2 = Layer(3, 1, act="sigmoid", seed=4)
X = np.array([[0., 0.], [0., 1.], [1., 0.], [1., 1.]])
Y = np.array([[0.], [1.], [1.], [0.]])
for i in range(301):
    out = l2(l1(X))
    loss = ((out - Y) ** 2).mean()
    g = 2 * (out - Y) / len(X)
    l1.backward(l2.backward(g, 0.8), 0.8)
    if i % 50 == 0:
        print(i, loss)
print(type(l1.W), type(loss), type(i))
print(isinstance(loss, float), isinstance(i, int), isinstance(l1.W, np.ndarray))
