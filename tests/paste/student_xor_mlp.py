# A student's XOR network, written as a tutorial would have it and run
# unchanged: rebinding updates (W1 = W1 - lr * dW1), not -=.  Not from a seed.
import numpy as np

seed = 42
np.random.seed(seed)

# XOR data
X = np.array([[0, 0],
              [0, 1],
              [1, 0],
              [1, 1]])
y = np.array([[0], [1], [1], [0]])

# network size
n_input = 2
n_hidden = 3
n_output = 1
lr = 0.5
n_steps = 3000


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


# weights
W1 = np.random.randn(n_input, n_hidden)
b1 = np.zeros((1, n_hidden))
W2 = np.random.randn(n_hidden, n_output)
b2 = np.zeros((1, n_output))

losses = []
for step in range(n_steps):
    # forward
    z1 = X @ W1 + b1
    a1 = np.tanh(z1)
    z2 = a1 @ W2 + b2
    y_hat = sigmoid(z2)

    # binary cross-entropy
    loss = -np.mean(y * np.log(y_hat) + (1 - y) * np.log(1 - y_hat))
    losses.append(loss)

    # backward
    m = X.shape[0]
    dz2 = (y_hat - y) / m
    dW2 = a1.T @ dz2
    db2 = np.sum(dz2, axis=0, keepdims=True)
    da1 = dz2 @ W2.T
    dz1 = da1 * (1 - a1 ** 2)
    dW1 = X.T @ dz1
    db1 = np.sum(dz1, axis=0, keepdims=True)

    # update
    W1 = W1 - lr * dW1
    b1 = b1 - lr * db1
    W2 = W2 - lr * dW2
    b2 = b2 - lr * db2

    if step % 500 == 0:
        print(f"step {step}: loss {loss:.6f}")

print(f"final loss: {losses[-1]:.6f}")
print(f"loss went from {losses[0]:.4f} to {losses[-1]:.4f} in {len(losses)} steps")

# predictions
pred = (y_hat > 0.5).astype(int)
print("predictions:", pred.ravel())
print("targets:    ", y.ravel())
accuracy = np.mean(pred == y)
print(f"accuracy: {accuracy * 100:.1f}%")

for i in range(len(X)):
    print(f"{X[i]} -> {y_hat[i, 0]:.4f} (target {y[i, 0]})")
