# The neuron of micrograd's lecture ("The spelled-out intro to neural networks and
# backpropagation"), as the lecture writes it: its values are the lecture's own,
# o = 0.7071, x1.grad = -1.5, w1.grad = 1.0, x2.grad = 0.5, w2.grad = 0.0.  The root
# is a tanh, a one-operand op, whose grad's int or float type xi works out first.
from micrograd.engine import Value

# inputs x1,x2
x1 = Value(2.0)
x2 = Value(0.0)
# weights w1,w2
w1 = Value(-3.0)
w2 = Value(1.0)
# bias of the neuron
b = Value(6.8813735870195432)
# x1*w1 + x2*w2 + b
x1w1 = x1*w1
x2w2 = x2*w2
x1w1x2w2 = x1w1 + x2w2
n = x1w1x2w2 + b
o = n.tanh()
o.backward()
print(f"{o.data:.4f}")
print(x1.grad, w1.grad, x2.grad, w2.grad)
print(f"{n.grad:.4f} {b.grad:.4f}")
# the same with exp, as the lecture writes tanh out next
e = (2*n).exp()
o = (e - 1) / (e + 1)
print(f"{o.data:.4f}")
