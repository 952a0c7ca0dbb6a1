# micrograd's Value.tanh() and Value.exp() as the lecture's engine.py computes them in
# Python's floats: x = self.data; t = (math.exp(2*x) - 1)/(math.exp(2*x) + 1), its
# backward self.grad += (1 - t**2) * out.grad, and math.exp(x), whose backward is
# out.data * out.grad.  The arguments are ones where that t is not tanh(x) correctly
# rounded (0.1, 0.001, -1.5 ...: of the 601 arguments k/100 in [-3, 3], 199 values and
# 143 gradients differ) and where glibc's exp is not (2.467, -3.622); then the edges:
# exp(2*x) past the largest float, math's OverflowError, and 2*x past it, inf/inf.
from micrograd.engine import Value

for x in [0.1, 0.001, -1.5, -0.05, 1e-05, -2.5, 2.44, -0.37, 0.8813735870195432]:
    v = Value(x)
    t = v.tanh()
    t.backward()
    print(x, t.data, v.grad)

# out.grad not 1: (1 - t**2) * out.grad, rounded twice
for x, c in [(-1.5, 3.7), (-2.91, -0.3), (0.62, 1.1)]:
    v = Value(x)
    y = v.tanh() * c
    y.backward()
    print(x, c, y, v)

for x in [2.467, -3.622, -4.281, 0.5]:
    v = Value(x)
    e = v.exp()
    e.backward()
    print(x, e, v)

# a neuron of two inputs through tanh, trained as the lecture trains it
w = [Value(0.3), Value(-0.7)]
b = Value(0.1)
xs = [[1.5, -0.5], [-1.0, 2.0], [0.25, 0.75]]
ys = [1.0, -1.0, 0.5]
for step in range(4):
    preds = [(w[0]*x0 + w[1]*x1 + b).tanh() for x0, x1 in xs]
    loss = sum([(p - y)**2 for p, y in zip(preds, ys)])
    for p in w + [b]:
        p.grad = 0.0
    loss.backward()
    for p in w + [b]:
        p.data += -0.1 * p.grad
    print(step, loss.data, [p.data for p in preds])
print(w, b)

# the edges
for x in [-0.0, 18.5, 20.0, -400.0, 354.0, 1e308, 2]:
    v = Value(x)
    t = v.tanh()
    t.backward()
    print(x, t, v)
for x in [400.0, 354.9]:
    try:
        t = Value(x).tanh()
        print(x, t)
    except OverflowError as e:
        print(x, "OverflowError:", e)
try:
    print(Value(710.0).exp())
except OverflowError as e:
    print("exp(710.0): OverflowError:", e)
