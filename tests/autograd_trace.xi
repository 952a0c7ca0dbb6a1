# trace after micrograd's and PyTorch's backward(): the graph under the user's
# names, the .grads that backward() left equal to the adjoints trace prints
# (by hand: g = (a*b + b)^2 at a = 2, b = -3: a*b + b = -9, g = 81,
# dg/da = 2(-9)(b) = 54, dg/db = 2(-9)(a + 1) = -54, h.grad = 2(-9) = -18)
from micrograd.engine import Value
a = Value(2.0)
b = Value(-3.0)
h = a * b + b
g = h ** 2
g.backward()
print(g.data, a.grad, b.grad, h.grad)
trace g
# PyTorch: loss = mean((X w - y)^2) at w = [1, -1]: X w = [1, 1], residuals r = [1, 1.5],
# loss = (1 + 2.25)/2 = 1.625, dloss/dw = X^T (2r/2) = [1*1 + 2*1.5, 0*1 + 1*1.5] = [4, 1.5]
import torch
X = torch.tensor([[1.0, 0.0], [2.0, 1.0]], dtype=torch.float64)
y = torch.tensor([0.0, -0.5], dtype=torch.float64)
w = torch.tensor([1.0, -1.0], dtype=torch.float64, requires_grad=True)
r = X @ w - y
loss = (r ** 2).mean()
loss.backward()
print(loss.item(), w.grad.numpy())
trace loss
