# Objects held in attributes (an MLP of two Linear layers): their attributes
# are read, updated in place through two levels (self.layer1.W -= ...), and
# called (self.layer2.forward(h)).
import numpy as np

class Linear:
    def __init__(self, n_in, n_out):
        self.W = np.ones((n_in, n_out)) * 0.5
        self.b = np.zeros(n_out)

    def forward(self, x):
        self.x = x
        return x @ self.W + self.b

class MLP:
    def __init__(self):
        self.layer1 = Linear(2, 3)
        self.layer2 = Linear(3, 1)

    def forward(self, x):
        h = np.tanh(self.layer1.forward(x))
        return self.layer2.forward(h)

    def step(self, lr):
        self.layer1.W -= lr * np.ones((2, 3))
        self.layer2.b += lr

net = MLP()
x = np.array([[1.0, -2.0]])
out = net.forward(x)
print(out)
net.step(0.1)
print(net.layer1.W, net.layer2.b)
loss = np.sum(net.forward(x) ** 2)
