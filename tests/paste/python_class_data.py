# a class of the student's own whose attributes are named data and grad, as a
# hand-written micrograd's are (without micrograd or torch imported they are
# the class's attributes, not PyTorch's .data and .grad); the .out is what
# /usr/bin/python3 + NumPy 1.24.2 print (tests/paste/regen).
import numpy as np

class Param:
    def __init__(self, data):
        self.data = data
        self.grad = 0.0

    def zero_grad(self):
        self.grad = 0.0

    def step(self, lr):
        self.data = self.data - lr * self.grad
        print("stepped to", self.data)

w = Param(np.array([0.5, -1.5]))
x = np.array([2.0, 3.0])
for it in range(3):
    w.zero_grad()
    y = np.dot(w.data, x)
    loss = (y - 1.0) ** 2
    w.grad = 2 * (y - 1.0) * x
    print(it, loss, w.grad)
    w.step(0.01)
print(w.data, w.grad)
p = Param(3)
p.data += 1
p.grad = p.data * 2
print(p.data, p.grad)
