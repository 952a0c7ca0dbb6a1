# args: --keep-going
# micrograd's and PyTorch's spelling where xi refuses, or where Python itself
# would: each message names the construct and says what to write instead.
from micrograd import nn
from micrograd.engine import Value
a = Value(2.0)
b = Value(-3.0)
c = a * b
print(f"{c:.4f}")
c.backward()
c.backward()
d = a * b
x = 3.0
print(x.grad)
y = d.backward()
a.zero_()
d.data += 1
x.data -= 1
e = Value(1.0, (a,))
print(Value([1.0, 2.0]).data)
import torch.nn as nn
import torch
W = torch.randn(3, 2)
opt = torch.optim.SGD
f = torch.float64
with open("f") as fh:
    pass
W = torch.tensor([[0.5], [-0.5]], requires_grad=True)
X = torch.tensor([[1.0, 2.0]])
print(W.grad)
print(X.grad)
out = X @ W
out2 = torch.tensor([1.0, 2.0], dtype=torch.float64, requires_grad=True) * 3
out2.backward()
W.grad.zero_()
print(W)
print(W.T)
loss = (out * out).sum()
loss.backward()
print(f"{loss:.4f}")
loss.backward()
W -= 0.1 * W.grad
print(out.grad)
k = torch.tensor([1, 2], requires_grad=True)
m = X.sum()
m.backward()
with torch.no_grad():
    W -= 0.1 * W.grad
print(W.detach().numpy(), W.grad.numpy())

# x.max() over every element with tied maxima: PyTorch (since 1.7,
# evenly_distribute_backward in derivatives.yaml) gives each tie 1/2, here
# tensor([0.0, 0.5, 0.5, 0.0]); xi's max gives all to the first, so it is
# refused (no torch here: the rule is PyTorch's documented one, not a run)
t = torch.tensor([1.0, 3.0, 3.0, -1.0], requires_grad=True, dtype=torch.float64)
t.max().backward()
(t.min() + t.max() * 0).backward()
u = torch.tensor([1.0, 3.0, 2.0], requires_grad=True, dtype=torch.float64)
u.max().backward()
print(u.grad)
