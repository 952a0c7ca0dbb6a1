# A student's linear layer and optimiser classes: Linear keeps self.params =
# [self.W, self.b] and its grads, SGD.step() walks the layers and does
# for p, g in zip(layer.params, layer.grads): p -= self.lr * g, which
# changes layer.W and layer.b in place (30 epochs of least squares).  Written
# as a student writes it, then run unchanged.  The .out is what
# /usr/bin/python3 + NumPy 1.24.2 print (tests/paste/regen).
import numpy as np

np.random.seed(42)


class Linear:
    def __init__(self, n_in, n_out):
        self.W = np.random.randn(n_in, n_out) * 0.1
        self.b = np.zeros(n_out)
        self.params = [self.W, self.b]
        self.grads = [np.zeros_like(self.W), np.zeros_like(self.b)]

    def forward(self, x):
        self.x = x
        return x @ self.W + self.b

    def backward(self, dout):
        dW = self.x.T @ dout
        db = dout.sum(axis=0)
        self.grads = [dW, db]
        return dout @ self.W.T


class SGD:
    def __init__(self, layers, lr=0.1):
        self.layers = layers
        self.lr = lr

    def step(self):
        for layer in self.layers:
            for p, g in zip(layer.params, layer.grads):
                p -= self.lr * g


X = np.random.randn(8, 3)
true_w = np.array([[1.0], [-2.0], [0.5]])
y = X @ true_w + 0.3

layer = Linear(3, 1)
opt = SGD([layer], lr=0.05)
for epoch in range(30):
    pred = layer.forward(X)
    err = pred - y
    loss = np.mean(err ** 2)
    layer.backward(2 * err / len(X))
    opt.step()
    if epoch % 10 == 0 or epoch == 29:
        print("epoch", epoch, "loss", round(loss, 6))

print("W =", layer.W.ravel())
print("b =", layer.b)
print(layer.params[0].ravel())
