# micrograd's Neuron as its nn.py writes __call__: sum((wi*xi for wi, xi in
# zip(self.w, x)), self.b), a parenthesized generator and sum's start, then
# trained as the lecture trains it (p.grad = 0.0, p.data += -lr * p.grad); and
# sum's start with numbers and lists.  Each was refused ("expected ',' or ')',
# found 'for'"; "sum() takes 1 argument, not 2").  Written for this test, not
# from a seed; the .out is what /usr/bin/python3 (3.11) prints with micrograd's
# own engine.py (tests/paste/ref/micrograd, with the lecture's tanh).
import random
from micrograd.engine import Value

class Neuron:
    def __init__(self, nin):
        self.w = [Value(random.uniform(-1, 1)) for _ in range(nin)]
        self.b = Value(0.0)

    def __call__(self, x):
        act = sum((wi * xi for wi, xi in zip(self.w, x)), self.b)
        return act.tanh()

    def parameters(self):
        return self.w + [self.b]

random.seed(1337)
n = Neuron(3)
xs = [[2.0, 3.0, -1.0], [3.0, -1.0, 0.5], [0.5, 1.0, 1.0], [1.0, 1.0, -1.0]]
ys = [1.0, -1.0, -1.0, 1.0]
for k in range(10):
    ypred = [n(x) for x in xs]
    loss = sum(((yout - ygt) ** 2 for ygt, yout in zip(ys, ypred)), Value(0.0))
    for p in n.parameters():
        p.grad = 0.0
    loss.backward()
    for p in n.parameters():
        p.data += -0.05 * p.grad
    print(k, round(loss.data, 10))
print([round(y.data, 6) for y in ypred])

ws = [0.5, -1.0, 2.0]
print(sum((w * x for w, x in zip(ws, xs[0])), 10.0), sum([w * w for w in ws], -1))
print(sum([[1, 2], [3]], []), sum(((i,) for i in range(3)), ()), max((abs(w) for w in ws)))
print(any((w > 1 for w in ws)), all((w > 0 for w in ws)), sorted((w * 2 for w in ws)))
