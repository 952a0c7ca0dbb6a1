# A student's program, written as a tutorial would have it and run unchanged:
# nothing in it was fitted to xi (tests/paste/README.md).  Not from a seed.
# It ran unchanged, every digit NumPy's (with np.tanh the relative errors differ: see README).
# The .out is what /usr/bin/python3 + NumPy 1.24.2 print (tests/paste/regen).
import numpy as np

np.random.seed(0)

# tiny 2-layer net: 3 inputs, 4 hidden (ReLU), 2 outputs, squared error
X = np.random.randn(5, 3)
Y = np.random.randn(5, 2)
W1 = np.random.randn(3, 4) * 0.5
W2 = np.random.randn(4, 2) * 0.5

def forward(W1, W2):
    h = np.maximum(0, X @ W1)
    out = h @ W2
    loss = 0.5 * np.sum((out - Y) ** 2)
    return loss, h, out

def backward(W1, W2):
    loss, h, out = forward(W1, W2)
    dout = out - Y
    dW2 = h.T @ dout
    dh = dout @ W2.T
    dpre = dh * (h > 0)
    dW1 = X.T @ dpre
    return dW1, dW2

dW1, dW2 = backward(W1, W2)

# numerical gradient with central differences
eps = 1e-5
num_dW1 = np.zeros_like(W1)
for i in range(W1.shape[0]):
    for j in range(W1.shape[1]):
        old = W1[i, j]
        W1[i, j] = old + eps
        lp, _, _ = forward(W1, W2)
        W1[i, j] = old - eps
        lm, _, _ = forward(W1, W2)
        W1[i, j] = old
        num_dW1[i, j] = (lp - lm) / (2 * eps)

num_dW2 = np.zeros_like(W2)
for i in range(W2.shape[0]):
    for j in range(W2.shape[1]):
        old = W2[i, j]
        W2[i, j] = old + eps
        lp = forward(W1, W2)[0]
        W2[i, j] = old - eps
        lm = forward(W1, W2)[0]
        W2[i, j] = old
        num_dW2[i, j] = (lp - lm) / (2 * eps)

def rel_error(a, b):
    return np.max(np.abs(a - b) / np.maximum(1e-8, np.abs(a) + np.abs(b)))

print("analytic dW1:")
print(dW1)
print("numeric dW1:")
print(num_dW1)
print("relative error W1: %e" % rel_error(dW1, num_dW1))
print("relative error W2: %e" % rel_error(dW2, num_dW2))
if rel_error(dW1, num_dW1) < 1e-6 and rel_error(dW2, num_dW2) < 1e-6:
    print("gradient check passed!")
else:
    print("gradient check FAILED")
