# a student's two-moons classifier: data drawn with random.uniform in a loop of
# appends, a dict of (activation, derivative) lambda pairs, minibatch SGD over
# an index list random.shuffle'd each epoch and X[bi] with a list of indices,
# results as (acc, -loss, name) tuples sorted with reverse=True
import random
import numpy as np

random.seed(2024)
np.random.seed(2024)

# two moons-ish data made by hand
N = 60
X = []
y = []
for i in range(N):
    t = random.uniform(0, np.pi)
    if i % 2 == 0:
        X.append([np.cos(t) + random.uniform(-0.1, 0.1), np.sin(t) + random.uniform(-0.1, 0.1)])
        y.append(0)
    else:
        X.append([1 - np.cos(t) + random.uniform(-0.1, 0.1), 0.5 - np.sin(t) + random.uniform(-0.1, 0.1)])
        y.append(1)
X = np.array(X)
y = np.array(y).reshape(-1, 1)
print(X.shape, y.shape, y.sum())

acts = {
    "relu": (lambda z: np.maximum(0, z), lambda z: (z > 0).astype(float)),
    "tanh": (np.tanh, lambda z: 1 - np.tanh(z) ** 2),
}

def sigmoid(z):
    return 1 / (1 + np.exp(-z))

def train(act_name, hidden=8, lr=0.5, epochs=60, batch=10):
    f, df = acts[act_name]
    W1 = np.random.randn(2, hidden) * 0.5
    b1 = np.zeros((1, hidden))
    W2 = np.random.randn(hidden, 1) * 0.5
    b2 = np.zeros((1, 1))
    idx = list(range(N))
    for epoch in range(epochs):
        random.shuffle(idx)
        for start in range(0, N, batch):
            bi = idx[start:start + batch]
            xb, yb = X[bi], y[bi]
            z1 = xb @ W1 + b1
            h = f(z1)
            p = sigmoid(h @ W2 + b2)
            dz2 = (p - yb) / len(bi)
            dW2 = h.T @ dz2
            db2 = dz2.sum(axis=0, keepdims=True)
            dz1 = dz2 @ W2.T * df(z1)
            W1 -= lr * xb.T @ dz1
            b1 -= lr * dz1.sum(axis=0, keepdims=True)
            W2 -= lr * dW2
            b2 -= lr * db2
        if epoch % 20 == 0 or epoch == epochs - 1:
            p_all = sigmoid(f(X @ W1 + b1) @ W2 + b2)
            loss = -np.mean(y * np.log(p_all) + (1 - y) * np.log(1 - p_all))
            acc = np.mean((p_all > 0.5) == y)
            print(f"{act_name:5s} epoch {epoch:2d} loss {loss:.4f} acc {acc:.3f}")
    return loss, acc

results = []
for name in sorted(acts):
    loss, acc = train(name)
    results.append((acc, -loss, name))
results.sort(reverse=True)
print(results[0][2], "wins:", [(n, round(a, 3)) for a, _, n in results])
