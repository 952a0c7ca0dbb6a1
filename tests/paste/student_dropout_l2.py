# a student's 3-4-2 ReLU net with inverted dropout (np.random.rand(*h.shape) < p) and L2 regularization,
# a forward-backward def returning (loss, grads), 60 steps of SGD by +=, an eval pass with train=False
import numpy as np

np.random.seed(1)
X = np.random.randn(6, 3)
y = np.array([0, 1, 1, 0, 1, 0])
W1 = 0.1 * np.random.randn(3, 4)
b1 = np.zeros(4)
W2 = 0.1 * np.random.randn(4, 2)
b2 = np.zeros(2)
reg = 1e-3
p = 0.5
lr = 0.5

def forward_backward(X, y, W1, b1, W2, b2, train=True):
    n = X.shape[0]
    h = np.maximum(0, X.dot(W1) + b1)
    if train:
        mask = (np.random.rand(*h.shape) < p) / p
        h = h * mask
    scores = h.dot(W2) + b2
    scores -= np.max(scores, axis=1, keepdims=True)
    e = np.exp(scores)
    probs = e / np.sum(e, axis=1, keepdims=True)
    data_loss = -np.mean(np.log(probs[np.arange(n), y]))
    reg_loss = 0.5 * reg * (np.sum(W1 * W1) + np.sum(W2 * W2))
    loss = data_loss + reg_loss
    dscores = probs.copy()
    dscores[np.arange(n), y] -= 1
    dscores /= n
    dW2 = h.T.dot(dscores) + reg * W2
    db2 = np.sum(dscores, axis=0)
    dh = dscores.dot(W2.T)
    if train:
        dh *= mask
    dh[h <= 0] = 0
    dW1 = X.T.dot(dh) + reg * W1
    db1 = dh.sum(axis=0)
    return loss, (dW1, db1, dW2, db2)

for it in range(60):
    loss, grads = forward_backward(X, y, W1, b1, W2, b2)
    dW1, db1, dW2, db2 = grads
    W1 += -lr * dW1
    b1 += -lr * db1
    W2 += -lr * dW2
    b2 += -lr * db2
    if it % 10 == 0:
        print("iter %3d  loss %.6f" % (it, loss))

test_loss, _ = forward_backward(X, y, W1, b1, W2, b2, train=False)
print("eval loss: {:.8f}".format(test_loss))
h = np.maximum(0, X @ W1 + b1)
pred = np.argmax(h @ W2 + b2, axis=1)
print("pred:", pred, "acc:", (pred == y).mean())
print(W2)
