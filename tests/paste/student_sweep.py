# A student's program, written as a tutorial would have it and run unchanged:
# nothing in it was fitted to xi (tests/paste/README.md).  Not from a seed.
import numpy as np

# Logistic regression on a toy dataset, trying a few learning rates
np.random.seed(42)
n = 40
X = np.random.randn(n, 2)
y = (X[:, 0] + X[:, 1] > 0).astype(float).reshape(-1, 1)

def sigmoid(z):
    return 1 / (1 + np.exp(-z))

def bce(p, y):
    return -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))

results = {}
histories = {}

for lr in [1.0, 0.1, 0.01]:
    w = np.zeros((2, 1))
    b = 0.0
    history = []
    for step in range(300):
        p = sigmoid(X @ w + b)
        loss = bce(p, y)
        history.append(loss)
        dz = (p - y) / n
        dw = X.T @ dz
        db = np.sum(dz)
        w -= lr * dw
        b -= lr * db
    results[lr] = history[-1]
    histories[lr] = history
    print(f"lr = {lr}: loss after {len(history)} steps = {history[-1]:.5f}")

print(results)
best = min(results.values())
for lr, loss in results.items():
    if loss == best:
        print("best learning rate:", lr)
print("first losses for lr=0.01:", histories[0.01][:3])
print("sum of final losses:", sum(results.values()))
