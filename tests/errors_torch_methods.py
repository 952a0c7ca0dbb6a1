# args: --keep-going
# NumPy's methods that a PyTorch tensor has under the same name with another
# meaning: xi reads them as NumPy's, so on a tensor each is refused, never
# given NumPy's number.  What PyTorch gives, from its documentation
# (pytorch.org/docs/stable), in the comment above each; a NumPy array (x.numpy())
# keeps NumPy's method, at the end.  torch is not installed here.
import torch
x = torch.tensor([[1.0, 5.0, 3.0], [4.0, 2.0, 6.0]], dtype=torch.float64)
# torch.max(input, dim): "Returns a namedtuple (values, indices)":
# torch.return_types.max(values=tensor([5., 6.], dtype=torch.float64), indices=tensor([1, 2]))
print(x.max(1))
# the same for torch.min: values tensor([1., 2., 3.]), indices tensor([0, 1, 0])
print(x.min(0))
# unpacked, values tensor([5., 6.]) and indices tensor([1, 2]) (xi gave 5 and 6)
v, i = x.max(1)
# torch.std: "correction ... Defaults to Bessel's correction, correction=1":
# tensor(1.8708, dtype=torch.float64), where NumPy's x.std() is 1.7078
print(x.std())
# torch.var, correction=1: tensor(3.5000, dtype=torch.float64) (NumPy's 2.9167)
print(x.var())
# torch.var(input, dim), correction=1: tensor([4.5000, 4.5000, 4.5000]) (NumPy's 2.25)
print(x.var(0))
# torch.round(input, *, decimals=0): decimals is keyword-only, a TypeError here
print(x.round(2))
# Tensor.repeat(*sizes): "Repeats this tensor along the specified dimensions"
# (np.tile), and a 2-d tensor needs two sizes
print(x.repeat(2))
# torch.argsort: a tensor of indices, stable=False by default
print(x.argsort())
# Tensor.tolist: "Returns the tensor as a (nested) list ... Python numbers":
# [[1.0, 5.0, 3.0], [4.0, 2.0, 6.0]]
print(x.tolist())
# AttributeError: 'Tensor' object has no attribute 'copy'
y = x.copy()
# AttributeError: 'Tensor' object has no attribute 'astype'
y = x.astype(float)
# Tensor.size(dim=None): a method, giving torch.Size([2, 3])
print(x.size)
# torch.cumsum(input, dim): dim is required
print(x.cumsum())
# torch.transpose(input, dim0, dim1): two dims
print(x.transpose())
# torch.Tensor.dtype: torch.float64 (xi's would be NumPy's float64)
print(x.dtype)
# torch.Size (pytorch.org/docs/stable/size.html), a tuple of its own class
print(x.shape + (1,))
# the same methods of a NumPy array are NumPy's:
# [5. 6.] 1.707825127659933 [1. 1. 5. 5. 3. 3. 4. 4. 2. 2. 6. 6.] 6
a = x.numpy()
print(a.max(1), a.std(), a.repeat(2), a.size)
