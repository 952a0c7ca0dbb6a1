# A student's program, written as a tutorial would have it and run unchanged:
# nothing in it was fitted to xi (tests/paste/README.md).  Not from a seed.
# It ran unchanged, every digit NumPy's.
# The .out is what /usr/bin/python3 + NumPy 1.24.2 print (tests/paste/regen).
import numpy as np

np.random.seed(3)

num_classes = 3
X = np.random.randn(6, 4)
labels = np.array([0, 2, 1, 2, 0, 1])
Y = np.eye(num_classes)[labels]   # one-hot
print("one-hot labels:\n", Y)

W = np.random.randn(4, num_classes) * 0.01
b = np.zeros((1, num_classes))

def softmax(z):
    z = z - np.max(z, axis=1, keepdims=True)
    exp_z = np.exp(z)
    return exp_z / np.sum(exp_z, axis=1, keepdims=True)

def cross_entropy(probs, Y):
    m = Y.shape[0]
    return -np.sum(Y * np.log(probs + 1e-12)) / m

lr = 0.5
for it in range(301):
    logits = X.dot(W) + b
    probs = softmax(logits)
    loss = cross_entropy(probs, Y)
    dlogits = (probs - Y) / X.shape[0]
    dW = X.T.dot(dlogits)
    db = np.sum(dlogits, axis=0, keepdims=True)
    W -= lr * dW
    b -= lr * db
    if it % 50 == 0:
        acc = np.mean(np.argmax(probs, axis=1) == labels)
        print("iter %3d  loss %.5f  acc %.2f" % (it, loss, acc))

print("final probabilities:")
print(np.round(probs, 3))
print("predicted:", np.argmax(probs, axis=1))
print("true:     ", labels)
print("row sums:", probs.sum(axis=1))
