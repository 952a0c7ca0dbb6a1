# A student's program, written as a tutorial would have it and run unchanged:
# nothing in it was fitted to xi (tests/paste/README.md).  Not from a seed.
# Written for a student's-eye trial of xi; it ran unchanged. Its last line but two
# differs in the last digit: NumPy's np.tanh is not correctly rounded (docs/python.md).
import numpy as np

np.random.seed(3)
# two-moons-ish toy data: 40 points, 2 classes
N = 20
t = np.linspace(0, np.pi, N)
X0 = np.column_stack([np.cos(t), np.sin(t)])
X1 = np.column_stack([1 - np.cos(t), 0.5 - np.sin(t)])
X = np.vstack([X0, X1]) + 0.1 * np.random.randn(2 * N, 2)
y = np.array([0] * N + [1] * N)
Y = np.zeros((2 * N, 2))
Y[np.arange(2 * N), y] = 1

H = 8
W1 = np.random.randn(2, H) * 0.5
b1 = np.zeros(H)
W2 = np.random.randn(H, 2) * 0.5
b2 = np.zeros(2)

def forward(X):
    z1 = X @ W1 + b1
    a1 = np.tanh(z1)
    z2 = a1 @ W2 + b2
    z2 = z2 - z2.max(axis=1, keepdims=True)
    p = np.exp(z2) / np.exp(z2).sum(axis=1, keepdims=True)
    return a1, p

lr = 0.5
for it in range(151):
    a1, p = forward(X)
    loss = -np.sum(Y * np.log(p)) / len(X)
    d2 = (p - Y) / len(X)
    dW2 = a1.T @ d2
    db2 = d2.sum(axis=0)
    da1 = d2 @ W2.T
    dz1 = da1 * (1 - a1 ** 2)
    dW1 = X.T @ dz1
    db1 = dz1.sum(axis=0)
    for param, g in ((W1, dW1), (b1, db1), (W2, dW2), (b2, db2)):
        param -= lr * g
    if it % 50 == 0:
        acc = (np.argmax(p, axis=1) == y).mean()
        print("iter %3d  loss %.5f  acc %.3f" % (it, loss, acc))

_, p = forward(X)
pred = np.argmax(p, axis=1)
print("predictions:", pred)
print("wrong:", np.where(pred != y)[0])
print("p[:3] =", p[:3])
print("W2 norm", np.sqrt(np.sum(W2 ** 2)))
print(np.mean(p, axis=0), p.shape, p.dtype)
