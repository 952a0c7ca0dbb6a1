# A student's program, written as a tutorial would have it and run unchanged:
# nothing in it was fitted to xi (tests/paste/README.md).  Not from a seed.
# It stopped at its first print inside a def (train prints every 200 iterations).
# The .out is what /usr/bin/python3 + NumPy 1.24.2 print (tests/paste/regen).
import numpy as np

np.random.seed(42)

# make a toy dataset: two gaussian blobs
N = 50
X0 = np.random.randn(N, 2) + np.array([-1.5, -1.5])
X1 = np.random.randn(N, 2) + np.array([1.5, 1.5])
X = np.vstack([X0, X1])
y = np.hstack([np.zeros(N), np.ones(N)])

def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))

def compute_loss(y, y_hat):
    eps = 1e-15
    y_hat = np.clip(y_hat, eps, 1 - eps)
    return -np.mean(y * np.log(y_hat) + (1 - y) * np.log(1 - y_hat))

def train(X, y, lr=0.1, n_iters=1000):
    n_samples, n_features = X.shape
    w = np.zeros(n_features)
    b = 0.0
    loss_history = []
    for i in range(n_iters):
        z = X @ w + b
        y_hat = sigmoid(z)
        loss = compute_loss(y, y_hat)
        loss_history.append(loss)
        dw = (1 / n_samples) * X.T @ (y_hat - y)
        db = (1 / n_samples) * np.sum(y_hat - y)
        w = w - lr * dw
        b = b - lr * db
        if i % 200 == 0:
            print(f"Iteration {i}: loss = {loss:.4f}")
    return w, b, loss_history

w, b, history = train(X, y, lr=0.5, n_iters=1000)
print("weights:", w)
print("bias:", b)
print("first loss: %.6f, last loss: %.6f" % (history[0], history[-1]))

def predict(X, w, b, threshold=0.5):
    return (sigmoid(X @ w + b) >= threshold).astype(int)

preds = predict(X, w, b)
accuracy = np.mean(preds == y)
print("Training accuracy:", accuracy)
print("Loss decreased:", history[-1] < history[0])
