# a student's MLP class choosing its hidden activation by name from a dict of
# functions (np.tanh and a lambda among them) and a dict of their derivatives,
# trained on XOR for 400 epochs each; results ranked by sorted(key=lambda)
import numpy as np

# activation functions and their derivatives
def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))

def sigmoid_deriv(x):
    s = sigmoid(x)
    return s * (1 - s)

def relu(x):
    return np.maximum(0, x)

def relu_deriv(x):
    return (x > 0).astype(float)

def tanh_deriv(x):
    return 1.0 - np.tanh(x) ** 2

activations = {
    "sigmoid": sigmoid,
    "relu": relu,
    "tanh": np.tanh,
    "leaky": lambda x: np.where(x > 0, x, 0.01 * x),
}

derivatives = {
    "sigmoid": sigmoid_deriv,
    "relu": relu_deriv,
    "tanh": tanh_deriv,
    "leaky": lambda x: np.where(x > 0, 1.0, 0.01),
}


class MLP:
    def __init__(self, n_in, n_hidden, n_out, activation="tanh", lr=0.5):
        self.W1 = np.random.randn(n_in, n_hidden) * 0.5
        self.b1 = np.zeros((1, n_hidden))
        self.W2 = np.random.randn(n_hidden, n_out) * 0.5
        self.b2 = np.zeros((1, n_out))
        self.act = activations[activation]
        self.act_deriv = derivatives[activation]
        self.lr = lr
        self.name = activation

    def forward(self, X):
        self.z1 = X @ self.W1 + self.b1
        self.a1 = self.act(self.z1)
        self.z2 = self.a1 @ self.W2 + self.b2
        self.out = sigmoid(self.z2)
        return self.out

    def loss(self, y):
        return np.mean((self.out - y) ** 2)

    def backward(self, X, y):
        m = X.shape[0]
        d_out = 2 * (self.out - y) / m
        d_z2 = d_out * sigmoid_deriv(self.z2)
        dW2 = self.a1.T @ d_z2
        db2 = np.sum(d_z2, axis=0, keepdims=True)
        d_a1 = d_z2 @ self.W2.T
        d_z1 = d_a1 * self.act_deriv(self.z1)
        dW1 = X.T @ d_z1
        db1 = np.sum(d_z1, axis=0, keepdims=True)
        self.W1 -= self.lr * dW1
        self.b1 -= self.lr * db1
        self.W2 -= self.lr * dW2
        self.b2 -= self.lr * db2


X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)

results = {}
for name in ["sigmoid", "tanh", "relu", "leaky"]:
    np.random.seed(1)
    net = MLP(2, 4, 1, activation=name, lr=1.0)
    for epoch in range(400):
        net.forward(X)
        l = net.loss(y)
        net.backward(X, y)
        if epoch % 100 == 0:
            print(f"[{name:>7}] epoch {epoch:3d}  loss {l:.6f}")
    final = net.loss(y)
    results[name] = final
    preds = net.forward(X)
    print(name, "predictions:", preds.ravel().round(3))

print()
for name, l in sorted(results.items(), key=lambda kv: kv[1]):
    print(f"{name:8s} {l:.8f}")
best = min(results, key=results.get)
print("best activation:", best)
