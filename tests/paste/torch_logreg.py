# A student's logistic regression in PyTorch, written as the tutorials write it:
# tensors with requires_grad, loss.backward(), the update under torch.no_grad(),
# the grads zeroed with .grad.zero_(), losses kept with .item().  PyTorch cannot be
# installed here: this .out comes from ref/torch_logreg.numpy.py, the same
# computation in NumPy's float64 with the gradient derived by hand
# (dL/dz = (p - y)/n), which is what PyTorch computes with dtype=torch.float64.
import torch

X = torch.tensor([[0.5, 1.5], [1.0, -0.5], [-1.5, 0.3], [2.0, 1.0], [-0.7, -1.2], [0.2, -2.0]],
                 dtype=torch.float64)
y = torch.tensor([1.0, 1.0, 0.0, 1.0, 0.0, 0.0], dtype=torch.float64)

w = torch.tensor([0.1, -0.2], dtype=torch.float64, requires_grad=True)
b = torch.tensor(0.0, dtype=torch.float64, requires_grad=True)
lr = 0.5

losses = []
for epoch in range(20):
    logits = X @ w + b
    probs = torch.sigmoid(logits)
    loss = -torch.mean(y * torch.log(probs) + (1 - y) * torch.log(1 - probs))

    loss.backward()
    with torch.no_grad():
        w -= lr * w.grad
        b -= lr * b.grad
    w.grad.zero_()
    b.grad.zero_()

    losses.append(loss.item())
    if epoch % 5 == 0:
        print(f"epoch {epoch:2d}  loss {loss.item():.4f}")

print("final loss:", losses[-1])
print("w:", w.detach().numpy())
print("b:", b.item())

# without zero_(), .grad adds up: two backward passes give twice the gradient
loss = -torch.mean(y * torch.log(torch.sigmoid(X @ w + b)) + (1 - y) * torch.log(1 - torch.sigmoid(X @ w + b)))
loss.backward()
once = w.grad.numpy().copy()
loss = -torch.mean(y * torch.log(torch.sigmoid(X @ w + b)) + (1 - y) * torch.log(1 - torch.sigmoid(X @ w + b)))
loss.backward()
print("once: ", once)
print("twice:", w.grad.numpy())
print(f"{b.grad.item():.6f}")
