# trace and grad through a method: an attribute a method set (self.W1, self.z1)
# is a name of its own, shown as the instance's name at the top level (net.W1).
# Hand derivation (X = [1, 2]): z1 = X @ W1 = [0.5 + 0.4, -0.3 + 1.6] = [0.9, 1.3],
# both positive, so a1 = z1; z2 = 0.9 - 1.3 = -0.4; loss = (z2 - 1)^2 = 1.96.
# dloss/dz2 = 2(z2 - 1) = -2.8; dloss/da1 = -2.8 * W2ᵀ = [-2.8, 2.8] = dloss/dz1;
# dloss/dW1 = Xᵀ dz1 = [[-2.8, 2.8], [-5.6, 5.6]]; dloss/dW2 = a1ᵀ (-2.8) = [[-2.52], [-3.64]].
import numpy as np

class TwoLayer:
    def __init__(self):
        self.W1 = np.array([[0.5, -0.3], [0.2, 0.8]])
        self.W2 = np.array([[1.0], [-1.0]])

    def forward(self, X):
        self.z1 = X @ self.W1
        self.a1 = np.maximum(0, self.z1)
        self.z2 = self.a1 @ self.W2
        return self.z2

net = TwoLayer()
X = np.array([[1.0, 2.0]])
out = net.forward(X)
loss = np.sum((out - 1.0) ** 2)
print(loss)
%trace loss
%grad loss wrt net.W1, net.W2
check grad(loss, net.W1) == [[-2.8, 2.8], [-5.6, 5.6]]
check grad(loss, net.W2) == [[-2.52], [-3.64]]
# an update step on an attribute (self.W1 -= ...) is an update step on net.W1
net.W1 -= 0.1 * grad(loss, net.W1)
print(net.W1)
loss2 = np.sum((net.forward(X) - 1.0) ** 2)
%trace loss2
# an object held in an attribute is named by it: net2.layer1.W
class Linear:
    def __init__(self, n_in, n_out):
        self.W = np.ones((n_in, n_out)) * 0.5

    def forward(self, x):
        return x @ self.W

class MLP:
    def __init__(self):
        self.layer1 = Linear(2, 2)
        self.layer2 = Linear(2, 1)

    def forward(self, x):
        return self.layer2.forward(np.tanh(self.layer1.forward(x)))

net2 = MLP()
loss3 = np.sum(net2.forward(X))
%trace loss3
# PyTorch's rules on an attribute: W -= ... under no_grad is an update step of the
# tensor (by hand: out = 0.5 - 0.5 = 0, loss = 1, dW = 2(0 - 1)·Xᵀ = [-2, -4],
# W = [0.7, 0.15], then out = 1 and loss = 0)
import torch

class Lin:
    def __init__(self):
        self.W = torch.tensor([[0.5], [-0.25]], requires_grad=True, dtype=torch.float64)

    def forward(self, X):
        return X @ self.W

lin = Lin()
Xt = torch.tensor([[1.0, 2.0]], dtype=torch.float64)
for step in range(2):
    tl = ((lin.forward(Xt) - 1.0) ** 2).sum()
    tl.backward()
    with torch.no_grad():
        lin.W -= 0.1 * lin.W.grad
    lin.W.grad.zero_()
    print(step, tl.item())
print(lin.W.detach().numpy())
lin.W -= 0.1
