# PyTorch's own tutorial, "Autograd: Automatic Differentiation" (Deep Learning
# with PyTorch: A 60 Minute Blitz, pytorch.org/tutorials/beginner/blitz/
# autograd_tutorial.html, as it stood in PyTorch 1.x), its code in order. Left
# out: the lines that draw torch.randn (PyTorch's generator is not NumPy's) and
# print(y.grad_fn) (an object's address).  The .out is the output the tutorial
# shows under each cell (ref/torch_blitz.txt): PyTorch cannot be installed here.
import torch

x = torch.ones(2, 2, requires_grad=True)
print(x)

y = x + 2
print(y)

z = y * y * 3
out = z.mean()

print(z, out)

out.backward()

print(x.grad)

print(x.requires_grad)
print((x ** 2).requires_grad)

with torch.no_grad():
    print((x ** 2).requires_grad)
