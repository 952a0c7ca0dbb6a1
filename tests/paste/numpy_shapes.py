# A student's toy classifier on 2-D points: a seeded 2-8-1 ReLU network
# trained on a batch stacked from single samples, its cumulative loss, and a
# decision-boundary grid (np.meshgrid + np.c_[xx.ravel(), yy.ravel()]) as in
# the plotting code of CS231n-style notebooks, with the plot left out.
import numpy as np

np.random.seed(3)
samples = [np.array([0.5, 1.0]), np.array([-1.0, 0.5]), np.array([1.5, -0.5]),
           np.array([-0.5, -1.5]), np.array([1.0, 1.0]), np.array([-1.5, 0.0])]
labels = [1, 0, 1, 0, 1, 0]

# the batch: one sample's row made by expand_dims, then all of them stacked
first = np.expand_dims(samples[0], axis=0)
print("one sample as a batch:", first.shape)
X = np.stack(samples)
y = np.expand_dims(np.array(labels, dtype=float), 1)
print("X:", X.shape, "y:", y.shape)
print("labels squeezed:", np.squeeze(y))
print("positives:", np.count_nonzero(y), "per column of X > 0:", np.count_nonzero(X > 0, axis=0))

W1 = np.random.randn(2, 8) * 0.5
b1 = np.full((1, 8), 0.1)
W2 = np.random.randn(8, 1) * 0.5
b2 = np.zeros((1, 1))
print("parameters:", np.prod(W1.shape) + np.prod(b1.shape) + np.prod(W2.shape) + 1)

lr = 0.1
losses = []
for step in range(60):
    h = np.maximum(0, X @ W1 + b1)
    out = h @ W2 + b2
    err = out - y
    loss = np.mean(err ** 2)
    losses.append(loss)
    dout = 2 * err / len(X)
    dW2 = h.T @ dout
    db2 = np.sum(dout, axis=0, keepdims=True)
    dh = dout @ W2.T
    dh[h <= 0] = 0
    dW1 = X.T @ dh
    db1 = np.sum(dh, axis=0, keepdims=True)
    W1 -= lr * dW1
    b1 -= lr * db1
    W2 -= lr * dW2
    b2 -= lr * db2

cum = np.cumsum(losses)
print("cumulative loss every 10 steps:", np.round(cum[::10], 6))
print("mean loss over the run: %.6f" % (cum[-1] / len(losses)))
drops = np.diff(losses)
print("steps where the loss rose:", np.count_nonzero(drops > 0))
print("largest drop: %.6f" % np.min(drops))

# the decision boundary on a grid
xs = np.linspace(-2, 2, 5)
ys = np.linspace(-2, 2, 4)
xx, yy = np.meshgrid(xs, ys)
print("grid:", xx.shape, yy.shape)
print(xx)
print(yy)
grid = np.c_[xx.ravel(), yy.ravel()]
scores = np.maximum(0, grid @ W1 + b1) @ W2 + b2
Z = (scores > 0.5).astype(int).reshape(xx.shape)
print(Z)
print("grid points called 1:", np.count_nonzero(Z))
print("rows flipped:")
print(np.flipud(Z))

# a few more of NumPy's helpers the notebook uses
order = np.argsort(np.squeeze(scores[:6]), kind="stable")
print("six grid scores, their order:", order)
print("sorted:", np.round(np.sort(np.squeeze(scores[:6])), 4))
print("tiled bias row:", np.tile(np.round(b2, 3), (2, 3)))
print("labels repeated:", np.repeat(np.array(labels[:3]), 2))
print("eye trace:", np.trace(np.identity(3)), "W1 @ W1.T trace: %.6f" % np.trace(W1 @ W1.T))
print("ones like y:", np.full_like(y, 1).T, "bias to a batch:", np.broadcast_to(b2, (3, 1)).T)
print("running products:", np.cumprod(np.array([1, 2, 3, 4])), np.flip(np.arange(4)))
ranked = np.array([0.3, -1.2, 0.8])
alias = ranked
ranked.sort()
print("sorted in place:", ranked, alias)
counts = np.array([2, 0, 5])
print("zeros like the counts:", np.zeros_like(counts), np.ones_like(counts > 0), np.argsort(4.0))
