# args: --keep-going
# A tensor's graph after the weights under it changed in place, and after xi let
# its history go.  By hand: X @ w = [1*0.5 + 2*(-0.3), 0.5*0.5 + (-1)*(-0.3)] =
# [-0.1, 0.55], loss = (0.01 + 0.3025)/2 = 0.15625 (0.15625000000000003 in
# float64, NumPy agrees: 0.1563 to 4 decimals), dloss/dw = (2/2) X^T (X w) = [0.175, -0.75].
import torch
w = torch.tensor([0.5, -0.3], dtype=torch.float64, requires_grad=True)
X = torch.tensor([[1.0, 2.0], [0.5, -1.0]], dtype=torch.float64)
loss = ((X @ w) ** 2).mean()
loss.backward()
print(w.grad)
with torch.no_grad():
    w -= 0.1 * w.grad
print(loss)
loss.backward()
# 3000 steps whose losses a list keeps: older ones become leaves when the tape is
# collected, and still print as the tensors they were
w.grad.zero_()
losses = [loss]
for step in range(3000):
    loss = ((X @ w) ** 2).mean()
    loss.backward()
    with torch.no_grad():
        w -= 0.01 * w.grad
    w.grad.zero_()
    losses.append(loss)
print(losses[0])
print(len(losses))
losses[1].backward()
# micrograd: a Value's old graph after p.data changed
from micrograd.engine import Value
a = Value(2.0)
b = a * a
a.data -= 0.5
print(a, b)
b.backward()
