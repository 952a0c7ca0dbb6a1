# log2, log10, floor and ceil as a student's training script uses them:
# a step-decay learning rate, bits of entropy, loss on a log10 scale, bins.
import math
import numpy as np

np.random.seed(3)
X = np.random.randn(6, 2)
y = (X[:, 0] + X[:, 1] > 0).astype(float)
w = np.zeros(2)
b = 0.0

lr0 = 0.8
drop_every = 4
losses = []
for epoch in range(12):
    lr = lr0 * 0.5 ** math.floor(epoch / drop_every)
    p = 1 / (1 + np.exp(-(X @ w + b)))
    loss = -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))
    losses.append(loss)
    w -= lr * X.T @ (p - y) / len(y)
    b -= lr * np.mean(p - y)
    if epoch % 4 == 0:
        print(f"epoch {epoch:2d}  lr {lr:.3f}  loss {loss:.6f}  log10 {np.log10(loss):+.4f}")

# entropy of the predictions, in bits
q = np.clip(p, 1e-12, 1 - 1e-12)
H = -(q * np.log2(q) + (1 - q) * np.log2(1 - q))
print("entropy (bits):", np.round(H, 5))
print("mean entropy %.8f bits" % H.mean())

# histogram bins by hand
edges = np.floor(np.array(losses) * 10) / 10
print(edges)
print(np.ceil(np.array(losses) * 100).max(), np.floor(-np.array(losses)).min())

# sizes
n = 300
bits = math.ceil(math.log2(n))
print(bits, 2 ** bits, math.floor(math.log10(n)) + 1, "digits")
print(math.log2(1024), math.log10(1e-3), math.floor(-2.5), math.ceil(-2.5))
print(np.log2(np.array([1.0, 2.0, 0.5, 3.0])), np.log10(np.array([1.0, 10.0, 0.5])))
print(math.log1p(1e-10), math.expm1(1e-10))
# math's functions give floats, whatever their operands: 8.0, 3.0 (xi printed 8 and 3)
print(math.pow(2, 3), math.fabs(-3), math.sqrt(16), math.pow(2, -1), math.log10(1000))
