# A student's micrograd neuron written as a class (forward and parameters as methods of
# its own: xi's classes have no __call__, and Python's sum takes no start there), trained
# as the lecture trains it: predictions in a list, the loss summed, p.grad = 0.0 for each
# of n.parameters(), backward, p.data += -0.05 * p.grad.
from micrograd.engine import Value

class Neuron:
    def __init__(self, w, b):
        self.w = [Value(wi) for wi in w]
        self.b = Value(b)

    def forward(self, x):
        act = sum([wi * xi for wi, xi in zip(self.w, x)]) + self.b
        return act.tanh()

    def parameters(self):
        return self.w + [self.b]

n = Neuron([0.5, -0.3], 0.1)
xs = [[2.0, 3.0], [3.0, -1.0], [0.5, 1.0], [1.0, 1.0]]
ys = [1.0, -1.0, -1.0, 1.0]
for k in range(5):
    ypred = [n.forward(x) for x in xs]
    loss = sum([(yout - ygt) ** 2 for ygt, yout in zip(ys, ypred)])
    for p in n.parameters():
        p.grad = 0.0
    loss.backward()
    for p in n.parameters():
        p.data += -0.05 * p.grad
    print(k, f"{loss.data:.6f}")
print(n.b)
