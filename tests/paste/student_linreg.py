# A student's first gradient descent: linear regression on noisy data,
# written as a student writes it (not cut to fit xi): step, seed and sum as
# variable names, a while loop with break, % formatting, defaults and
# keyword arguments.  Its output is what Python 3 prints (tests/paste/regen).
import numpy as np

seed = 42
np.random.seed(seed)

# toy data: y = 2x - 1 plus some noise
n_samples = 100
X = np.random.randn(n_samples, 1)
y = 2 * X - 1 + 0.1 * np.random.randn(n_samples, 1)

def loss_fn(w, b, X, y, reg=0.0):
    pred = X * w + b
    err = pred - y
    return np.mean(err ** 2) + reg * w ** 2

def gradients(w, b, X, y, reg=0.0):
    n = X.shape[0]
    pred = X * w + b
    err = pred - y
    dw = 2 * np.sum(err * X) / n + 2 * reg * w
    db = 2 * np.sum(err) / n
    return dw, db

w, b = 0.0, 0.0
lr = 0.1
step = 0
max_steps = 1000
tol = 1e-8
prev = loss_fn(w, b, X, y)
print("initial loss: %.6f" % prev)

while step < max_steps:
    dw, db = gradients(w, b, X, y, reg=0.01)
    w -= lr * dw
    b -= lr * db
    cur = loss_fn(w, b, X, y, reg=0.01)
    if step % 20 == 0:
        print("step %4d  loss %.6f  w %.4f  b %.4f" % (step, cur, w, b))
    if abs(prev - cur) < tol:
        print("converged after %d steps" % step)
        break
    prev = cur
    step += 1

# check the final error by hand, then with numpy
sum = 0.0
for i in range(n_samples):
    sum += (X[i, 0] * w + b - y[i, 0]) ** 2
print("final MSE (loop):  %.8f" % (sum / n_samples))
print("final MSE (numpy): %.8f" % np.mean((X * w + b - y) ** 2))
print("w = %.5f, b = %.5f (seed %d)" % (w, b, seed))
