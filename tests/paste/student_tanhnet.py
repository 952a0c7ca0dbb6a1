# A student's tanh network as a class: one hidden layer of tanh units, a linear
# output and mean-squared loss, fitted to sin(x) (written first, then run unchanged).
import numpy as np

seed = 42
np.random.seed(seed)

# toy regression data: y = sin(x) on [-3, 3]
X = np.linspace(-3, 3, 20).reshape(-1, 1)
y = np.sin(X)

class TanhNet:
    """A one-hidden-layer net with tanh units and a linear output."""

    def __init__(self, n_in, n_hidden, n_out, lr=0.1):
        self.W1 = np.random.randn(n_in, n_hidden) * 0.5
        self.b1 = np.zeros((1, n_hidden))
        self.W2 = np.random.randn(n_hidden, n_out) * 0.5
        self.b2 = np.zeros((1, n_out))
        self.lr = lr

    def forward(self, X):
        self.X = X
        self.z1 = X @ self.W1 + self.b1
        self.h = np.tanh(self.z1)
        self.out = self.h @ self.W2 + self.b2
        return self.out

    def loss(self, y_pred, y):
        return np.mean((y_pred - y) ** 2)

    def backward(self, y):
        n = y.shape[0]
        d_out = 2 * (self.out - y) / n
        self.dW2 = self.h.T @ d_out
        self.db2 = np.sum(d_out, axis=0, keepdims=True)
        d_h = d_out @ self.W2.T
        d_z1 = d_h * (1 - self.h ** 2)
        self.dW1 = self.X.T @ d_z1
        self.db1 = np.sum(d_z1, axis=0, keepdims=True)

    def step(self):
        self.W1 -= self.lr * self.dW1
        self.b1 -= self.lr * self.db1
        self.W2 -= self.lr * self.dW2
        self.b2 -= self.lr * self.db2


net = TanhNet(1, 8, 1, lr=0.05)
losses = []
for step in range(501):
    y_pred = net.forward(X)
    loss = net.loss(y_pred, y)
    losses.append(loss)
    net.backward(y)
    grad_norm = np.linalg.norm(net.dW1)
    net.step()
    if step % 100 == 0:
        print(f"step {step:4d}  loss {loss:.6f}  |dW1| {grad_norm:.4e}")

print(f"first loss {losses[0]:.4f}, last loss {losses[-1]:.4f}")
print("loss went down:", losses[-1] < losses[0])
x_test = np.array([[1.0]])
print(f"prediction at x=1.0: {net.forward(x_test)[0, 0]:.4f} (sin(1) = {np.sin(1.0):.4f})")
print(net.W2.shape, len(losses))
print(losses[-3:])
