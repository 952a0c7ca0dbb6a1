# The computation of ../torch_dim_reductions.py in NumPy's float64: PyTorch's
# x.sum(dim), x.mean(dim), x.argmax(dim), x.prod(dim), x.cumsum(dim) are NumPy's
# with axis=dim, keepdim False (pytorch.org/docs/stable/generated/torch.sum.html
# and torch.argmax.html: the first of equal maxima); the sample std is
# sqrt(sum((w - mean)^2) / (n - 1)), whose gradient by hand is
# (w - mean) / ((n - 1) s) (the mean's own term sums to 0).
import numpy as np

x = np.array([[1.0, 5.0, 3.0], [4.0, 2.0, 6.0]])
print(x.max(), x.min())
print(x.argmax(1), x.argmin(0), x.argmax())
print(x.sum(1), x.mean(0), x.prod(1))
print(x.cumsum(1))
s = x.shape
print(f"torch.Size([2, 3]) {s[0]} {len(s)} {s == (2, 3)} torch.Size([2]) torch.Size([3]) {tuple(s)}")
w = np.array([2.0, -1.0, 0.5, 3.0])
n = w.shape[0]
s = np.sqrt(((w - w.mean()) ** 2).sum() / (n - 1))
print(f"{s:.10f}")
print((w - w.mean()) / ((n - 1) * s))
print(x.max(1), x.min(0), x.std(), x.var(ddof=1))
