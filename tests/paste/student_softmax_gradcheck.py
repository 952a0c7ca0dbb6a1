# A student's program, written as a tutorial would have it and run unchanged:
# nothing in it was fitted to xi (tests/paste/README.md).  Not from a seed.
# Written for a student's-eye trial of xi; it ran unchanged, NumPy's AVX512 log and exp aside.
# regen: NumPy without AVX512
import numpy as np

def softmax(z):
    z = z - np.max(z)
    e = np.exp(z)
    return e / e.sum()

def cross_entropy(probs, label):
    return -np.log(probs[label])

def loss_and_grad(W, x, label):
    scores = W.dot(x)
    probs = softmax(scores)
    loss = cross_entropy(probs, label)
    dscores = probs.copy()
    dscores[label] -= 1
    dW = np.outer(dscores, x)
    return loss, dW

np.random.seed(0)
W = np.random.randn(3, 4) * 0.1
x = np.random.randn(4)
label = 2

loss, dW = loss_and_grad(W, x, label)
print("loss:", loss)
print("analytic grad:\n", dW)

h = 1e-5
num_grad = np.zeros_like(W)
for i in range(W.shape[0]):
    for j in range(W.shape[1]):
        old = W[i, j]
        W[i, j] = old + h
        lp, _ = loss_and_grad(W, x, label)
        W[i, j] = old - h
        lm, _ = loss_and_grad(W, x, label)
        W[i, j] = old
        num_grad[i, j] = (lp - lm) / (2 * h)

print("numerical grad:\n", num_grad)
rel_err = np.abs(num_grad - dW) / np.maximum(1e-8, np.abs(num_grad) + np.abs(dW))
print("max relative error: %e" % np.max(rel_err))
print(f"max rel err = {rel_err.max():.2e}")
if rel_err.max() < 1e-6:
    print("gradient check passed!")
else:
    print("gradient check FAILED")
p = softmax(W.dot(x))
print("probs:", np.round(p, 4), "sum =", p.sum())
print("predicted class:", np.argmax(p))
