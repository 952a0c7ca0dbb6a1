# A student's PyTorch model as a class of their own (weights made in __init__ with
# requires_grad, a forward method), trained with the update under torch.no_grad() on
# the model's attributes (m.W -= ...) and the grads zeroed through them.  PyTorch
# cannot be installed here: the .out comes from ref/torch_class.numpy.py, the same
# computation in NumPy's float64 with the gradient derived by hand.
import torch

class Model:
    def __init__(self):
        self.W = torch.tensor([[0.5], [-0.3]], dtype=torch.float64, requires_grad=True)
        self.b = torch.tensor([0.1], dtype=torch.float64, requires_grad=True)

    def forward(self, X):
        return torch.sigmoid(X @ self.W + self.b)

X = torch.tensor([[1.0, 2.0], [0.5, -1.0], [-1.5, 0.5]], dtype=torch.float64)
y = torch.tensor([[1.0], [0.0], [0.0]], dtype=torch.float64)

model = Model()
lr = 0.5
for step in range(8):
    pred = model.forward(X)
    loss = ((pred - y) ** 2).mean()
    loss.backward()
    with torch.no_grad():
        model.W -= lr * model.W.grad
        model.b -= lr * model.b.grad
    model.W.grad.zero_()
    model.b.grad.zero_()
    print(f"step {step}: loss {loss.item():.6f}")

print(model.W.detach().numpy().ravel())
print(model.b.item())
