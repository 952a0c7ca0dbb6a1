# np.arange with float steps (NumPy's length and values), np.round and .round(d)
# as NumPy rounds, builtin round as Python rounds, and the '%' format type
import numpy as np

X = np.array([0.5, 1.5, 2.0, 3.0, 3.5, 4.5, 5.0, 6.5])
y = np.array([0, 0, 0, 0, 1, 1, 1, 1])

def sigmoid(z):
    return 1 / (1 + np.exp(-z))

def train(lr, epochs=40):
    w, b = 0.0, 0.0
    for epoch in range(epochs):
        p = sigmoid(w * X + b)
        dw = np.mean((p - y) * X)
        db = np.mean(p - y)
        w -= lr * dw
        b -= lr * db
    return w, b

results = []
for lr in np.arange(0.1, 1.0, 0.3):
    w, b = train(lr)
    p = sigmoid(w * X + b)
    acc = np.mean((p > 0.5) == y)
    results.append((lr, acc))
    print(f"lr={lr:.1f} w={w:.4f} b={b:.4f} accuracy: {acc:.1%}")
    print("  predictions:", np.round(p, 2))
    print("  rounded w:", np.round(w, 3), round(w, 3))

print(len(results), "learning rates:", [r[0] for r in results])
lrs = np.arange(0.5, 2.0, 0.3)
print(lrs, len(lrs))
print(np.arange(0, 3, 0.3), len(np.arange(0, 3, 0.3)))
for t in np.arange(1.0, 1.5, 0.1):
    print(t)
print(np.arange(4.5, 13.0, 0.9).tolist())
print(np.arange(10, 0, -3), np.arange(5))

print(np.round(2.675, 2), round(2.675, 2))
prices = np.array([2.675, 1.005, 0.145, 1.115, -2.675])
print(prices.round(2), np.round(prices, 1).tolist())
print(np.round(1234.5678, -2), np.around(0.125, 2), round(0.125, 2))

correct = 3
total = 40
print(f"accuracy: {correct / total:.0%}")
print("{:.0%} of {}".format(39 / 40, total))
print(f"{2.675:.0%} {1/8:.1%} {0.5:%}")
