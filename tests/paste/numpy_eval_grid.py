# a notebook evaluating a model on a grid: np.meshgrid, np.stack, expand_dims,
# tile, repeat, cumsum, diff, argsort, sort, per-class results sorted with
# key=lambda
import numpy as np

np.random.seed(3)

# a tiny logistic-regression model to evaluate on a grid
W = np.array([[1.5], [-2.0]])
b = 0.25

def predict(P):
    return 1 / (1 + np.exp(-(P @ W + b)))

xs = np.linspace(-1, 1, 5)
ys = np.linspace(-1, 1, 4)
XX, YY = np.meshgrid(xs, ys)
print(XX.shape, YY.shape)
grid = np.stack([XX.ravel(), YY.ravel()], axis=1)
print(grid.shape)
probs = predict(grid).reshape(XX.shape)
print(np.round(probs, 3))

# one sample -> batch of one
sample = np.array([0.3, -0.7])
batch = np.expand_dims(sample, axis=0)
print(batch.shape, predict(batch))

# data augmentation by tiling and repeating
base = np.array([[1.0, 2.0], [3.0, 4.0]])
print(np.tile(base, (2, 1)))
print(np.tile(base, 2))
print(np.repeat(base, 2, axis=0))
print(np.repeat(np.array([1, 2, 3]), 3))

# cumulative loss curve
losses = np.array([0.9, 0.7, 0.55, 0.5, 0.42, 0.41, 0.35])
running = np.cumsum(losses)
print(running)
print(running / np.arange(1, len(losses) + 1))
improvements = -np.diff(losses)
print(improvements)

# ranking predictions
scores = np.random.randn(8)
order = np.argsort(scores)
print(scores.round(3))
print(order)
print(np.sort(scores)[::-1].round(3))
top3 = order[::-1][:3]
print("top3:", top3, scores[top3].round(3))

# per-class results sorted with key=lambda
classes = ["cat", "dog", "bird", "fish"]
acc = [0.82, 0.91, 0.67, 0.74]
table = list(zip(classes, acc))
for name, a in sorted(table, key=lambda t: t[1], reverse=True):
    print(f"{name:>5}: {a:.0%}")
print(sorted(classes, key=lambda c: len(c)))
print(max(table, key=lambda t: t[1]))

# per-row sort of a matrix
M = np.random.randint(0, 10, size=(3, 4))
print(M)
print(np.sort(M, axis=1))
print(np.argsort(M[0], kind="stable"))
print(np.cumsum(M, axis=0))
print(np.cumsum(M, axis=1))
