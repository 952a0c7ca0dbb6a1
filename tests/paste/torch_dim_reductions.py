# PyTorch's reductions along a dim that mean what NumPy's do (x.sum(1),
# x.mean(0), x.argmax(1), x.argmin(0), x.cumsum(1), x.prod(1), x.max() and
# x.min() of all elements; keepdim False by default, as NumPy's keepdims), and
# the sample standard deviation that PyTorch's x.std() gives (correction=1,
# Bessel's: pytorch.org/docs/stable/generated/torch.std.html) written as ops,
# its gradient through backward().  x.max(1), x.std() and the other methods
# whose PyTorch meaning is not NumPy's are refused (tests/errors_torch_methods.py).
# PyTorch cannot be installed here: the .out comes from
# ref/torch_dim_reductions.numpy.py, the same computation in NumPy's float64, the
# gradient derived by hand; a tensor's x.shape prints as PyTorch's torch.Size
# (pytorch.org/docs/stable/size.html: "a subclass of tuple", s = torch.Size([10,
# 20, 30]) printed so, s[1] 20, len(s) 3; its slice is a torch.Size).
import torch

x = torch.tensor([[1.0, 5.0, 3.0], [4.0, 2.0, 6.0]], dtype=torch.float64)
print(x.max().item(), x.min().item())
print(x.argmax(1).numpy(), x.argmin(0).numpy(), x.argmax().item())
print(x.sum(1).numpy(), x.mean(0).numpy(), x.prod(1).numpy())
print(x.cumsum(1).numpy())
s = x.shape
print(x.shape, s[0], len(s), s == (2, 3), x.sum(1).shape, x.shape[1:], tuple(s))
w = torch.tensor([2.0, -1.0, 0.5, 3.0], dtype=torch.float64, requires_grad=True)
n = w.shape[0]
s = torch.sqrt(((w - w.mean()) ** 2).sum() / (n - 1))
print(f"{s.item():.10f}")
s.backward()
print(w.grad.numpy())
a = x.numpy()
print(a.max(1), a.min(0), a.std(), a.var(ddof=1))
