# A student's tiny MLP whose activation is chosen by name: a dict of the
# activations with their derivatives, trained on XOR by a hand-written backward pass.
import numpy as np


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def sigmoid_prime(a):
    # derivative written in terms of the activation's output
    return a * (1 - a)


def relu(x):
    return np.maximum(0, x)


def relu_prime(a):
    return (a > 0).astype(float)


activations = {
    'sigmoid': (sigmoid, sigmoid_prime),
    'tanh': (np.tanh, lambda a: 1 - a ** 2),
    'relu': (relu, relu_prime),
}


def dense(x, W, b, activation=sigmoid):
    return activation(x @ W + b)


class MLP:
    def __init__(self, n_in, n_hidden, n_out, activation='sigmoid'):
        self.W1 = np.random.randn(n_in, n_hidden) * 0.5
        self.b1 = np.zeros((1, n_hidden))
        self.W2 = np.random.randn(n_hidden, n_out) * 0.5
        self.b2 = np.zeros((1, n_out))
        act, act_prime = activations[activation]
        self.act = act
        self.act_prime = act_prime

    def forward(self, X):
        self.h = dense(X, self.W1, self.b1, activation=self.act)
        self.out = dense(self.h, self.W2, self.b2)
        return self.out

    def backward(self, X, y, lr):
        n = X.shape[0]
        d_out = 2 * (self.out - y) / n * sigmoid_prime(self.out)
        dW2 = self.h.T @ d_out
        db2 = np.sum(d_out, axis=0, keepdims=True)
        d_h = (d_out @ self.W2.T) * self.act_prime(self.h)
        dW1 = X.T @ d_h
        db1 = np.sum(d_h, axis=0, keepdims=True)
        self.W2 -= lr * dW2
        self.b2 -= lr * db2
        self.W1 -= lr * dW1
        self.b1 -= lr * db1


X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)

results = {}
for name in ['sigmoid', 'tanh', 'relu']:
    np.random.seed(1)
    net = MLP(2, 4, 1, activation=name)
    losses = []
    for epoch in range(300):
        out = net.forward(X)
        loss = np.mean((out - y) ** 2)
        losses.append(loss)
        net.backward(X, y, lr=2.0)
        if epoch % 100 == 0:
            print(f"{name:>7} epoch {epoch:3d}  loss {loss:.6f}")
    results[name] = losses[-1]
    print(f"{name:>7} final loss {losses[-1]:.6f}, predictions {net.forward(X).ravel().round(3)}")

best = min(results, key=results.get)
print("best activation:", best)
ranking = sorted(results.items(), key=lambda kv: kv[1])
for name, loss in ranking:
    print(f"  {name:<8}{loss:.6f}")

# the activations applied one after another to the same inputs
z = np.linspace(-2, 2, 5)
for name, (f, df) in activations.items():
    a = f(z)
    print(name, a.round(4), df(a).round(4))
