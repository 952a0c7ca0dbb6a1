# SGD on a line fit, one sample at a time picked by random.randrange after
# random.seed, minibatches by random.randint, a split drawn by hand, results
# sorted with key=lambda
import random
import numpy as np

random.seed(7)
np.random.seed(7)

# toy data: y = 3x - 2 + noise
N = 50
X = np.random.rand(N) * 4 - 2
y = 3 * X - 2 + 0.1 * np.random.randn(N)

w, b = 0.0, 0.0
lr = 0.05
history = []

for step in range(1, 301):
    i = random.randrange(N)          # pick one sample
    pred = w * X[i] + b
    err = pred - y[i]
    w -= lr * err * X[i]
    b -= lr * err
    if step % 50 == 0:
        full_loss = np.mean((w * X + b - y) ** 2)
        history.append((step, full_loss))
        print(f"step {step:4d}  sample {i:2d}  w={w:.4f}  b={b:.4f}  loss={full_loss:.5f}")

print("final:", round(w, 3), round(b, 3))

# minibatches with randint
random.seed(123)
w2 = np.zeros(2)
Xb = np.column_stack([X, np.ones(N)])
for epoch in range(5):
    idx = [random.randint(0, N - 1) for _ in range(8)]
    xb = Xb[idx]
    yb = y[idx]
    grad = 2 * xb.T @ (xb @ w2 - yb) / len(idx)
    w2 = w2 - 0.1 * grad
    print(epoch, idx, w2)

best = sorted(history, key=lambda h: h[1])[:2]
print("best two:", best)
print("steps sorted by loss:", [s for s, _ in sorted(history, key=lambda h: h[1])])

# a random train/validation split by hand
random.seed(0)
indices = list(range(10))
val = []
for k in range(3):
    j = random.randrange(len(indices))
    val.append(indices[j])
    indices = indices[:j] + indices[j + 1:]
print("val:", val, "train:", indices)
print(random.randrange(0, 100, 5), random.randint(1, 6), random.randrange(10, 20))
