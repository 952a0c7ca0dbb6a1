import numpy as np

np.random.seed(2)
sizes = [2, 4, 3, 1]
weights = [np.random.randn(n_in, n_out) * np.sqrt(1.0 / n_in) for n_in, n_out in zip(sizes[:-1], sizes[1:])]
biases = [np.zeros((1, n)) for n in sizes[1:]]
for i, (W, b) in enumerate(zip(weights, biases)):
    print("layer", i, "W", W.shape, "b", b.shape)

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
Y = np.array([[0], [1], [1], [0]], dtype=float)

def forward(X):
    activations = [X]
    a = X
    for l in range(len(weights)):
        z = a @ weights[l] + biases[l]
        a = np.tanh(z) if l < len(weights) - 1 else 1 / (1 + np.exp(-z))
        activations.append(a)
    return activations

lr = 0.5
for epoch in range(2001):
    acts = forward(X)
    out = acts[-1]
    loss = np.mean((out - Y) ** 2)
    delta = 2 * (out - Y) / len(X) * out * (1 - out)
    for l in reversed(range(len(weights))):
        dW = acts[l].T @ delta
        db = delta.sum(axis=0, keepdims=True)
        if l > 0:
            delta = (delta @ weights[l].T) * (1 - acts[l] ** 2)
        weights[l] -= lr * dW
        biases[l] -= lr * db
    if epoch % 500 == 0:
        print(f"epoch {epoch:4d}  loss {loss:.6f}")

print("outputs:", forward(X)[-1].ravel().round(3))
print("total params:", sum(W.size + b.size for W, b in zip(weights, biases)))
