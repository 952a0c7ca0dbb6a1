# A student's two-layer net as NumPy's documents now teach it: one generator,
# rng = np.random.default_rng(42), passed to the functions that need it and
# kept by a class; data and weights from rng.normal and rng.standard_normal,
# mini-batches by rng.permutation, dropout by rng.random, a few steps of
# gradient descent, the weights and losses printed.
import numpy as np

rng = np.random.default_rng(42)

# toy data: two blobs, labels 0 and 1
n = 12
X = np.vstack([rng.normal(-1.0, 0.7, size=(n // 2, 2)),
               rng.normal(1.0, 0.7, size=(n // 2, 2))])
y = np.array([0] * (n // 2) + [1] * (n // 2)).reshape(-1, 1)
print("X[:3] =", X[:3])


def init_params(rng, n_in, n_hidden, n_out):
    # He initialisation
    W1 = rng.standard_normal((n_in, n_hidden)) * np.sqrt(2.0 / n_in)
    b1 = np.zeros((1, n_hidden))
    W2 = rng.standard_normal((n_hidden, n_out)) * np.sqrt(2.0 / n_hidden)
    b2 = np.zeros((1, n_out))
    return W1, b1, W2, b2


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class Dropout:
    def __init__(self, p, rng):
        self.p = p
        self.rng = rng

    def forward(self, h):
        self.mask = (self.rng.random(h.shape) > self.p) / (1 - self.p)
        return h * self.mask


W1, b1, W2, b2 = init_params(rng, 2, 4, 1)
print("W1 =", W1)
print("W2 =", W2.ravel())
drop = Dropout(0.25, rng)

lr = 0.5
losses = []
for epoch in range(6):
    perm = rng.permutation(n)
    for start in range(0, n, 6):
        idx = perm[start:start + 6]
        xb, yb = X[idx], y[idx]
        h = np.maximum(0, xb @ W1 + b1)
        hd = drop.forward(h)
        p = sigmoid(hd @ W2 + b2)
        loss = -np.mean(yb * np.log(p) + (1 - yb) * np.log(1 - p))
        dz2 = (p - yb) / len(xb)
        dW2 = hd.T @ dz2
        db2 = np.sum(dz2, axis=0, keepdims=True)
        dh = (dz2 @ W2.T) * drop.mask * (h > 0)
        dW1 = xb.T @ dh
        db1 = np.sum(dh, axis=0, keepdims=True)
        W1 -= lr * dW1
        b1 -= lr * db1
        W2 -= lr * dW2
        b2 -= lr * db2
    losses.append(loss)
    print(f"epoch {epoch}: loss {loss:.6f}, batch {idx}")

print("losses:", losses)
print("W1 =", W1)
print("b1 =", b1)
print("W2 =", W2.T)
print("b2 =", b2)

# a few more draws, as a notebook's next cell would
print(rng.integers(0, 10, size=5))
print(rng.uniform(-0.1, 0.1, size=(2, 3)))
print(rng.choice(3, size=4))
print(rng.random(), rng.standard_normal())
