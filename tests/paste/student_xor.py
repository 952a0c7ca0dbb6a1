# A student's XOR network: a tanh hidden layer, a sigmoid output, trained by
# hand-written backprop in a while loop with two conditions; step and seed
# as names, % formatting, a def with a default.  Written as a student writes
# it, not cut to fit xi; its output is what Python 3 prints (regen).
import numpy as np

seed = 1
np.random.seed(seed)

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
Y = np.array([[0], [1], [1], [0]], dtype=float)

def init(n_in, n_hidden, n_out, scale=0.5):
    W1 = np.random.randn(n_in, n_hidden) * scale
    b1 = np.zeros((1, n_hidden))
    W2 = np.random.randn(n_hidden, n_out) * scale
    b2 = np.zeros((1, n_out))
    return W1, b1, W2, b2

def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))

W1, b1, W2, b2 = init(2, 4, 1)
lr = 0.5
step = 0
loss = 1.0
while loss > 0.05 and step < 5000:
    h = np.tanh(X @ W1 + b1)
    out = sigmoid(h @ W2 + b2)
    loss = np.mean((out - Y) ** 2)
    d_out = 2 * (out - Y) / Y.shape[0] * out * (1 - out)
    dW2 = h.T @ d_out
    db2 = d_out.sum(axis=0, keepdims=True)
    dh = d_out @ W2.T * (1 - h ** 2)
    dW1 = X.T @ dh
    db1 = dh.sum(axis=0, keepdims=True)
    W1 -= lr * dW1
    b1 -= lr * db1
    W2 -= lr * dW2
    b2 -= lr * db2
    if step % 500 == 0:
        print("step %d: loss = %.5f" % (step, loss))
    step += 1
print("stopped at step", step, "loss %.5f" % loss)
print(np.round(out, 3))
