# regen: NumPy without AVX512
# CS231n's eval_numerical_gradient (np.nditer) over a layer whose activation
# is a default argument (activation=relu), a lambda per activation in a loop,
# a def applying a function twice
import numpy as np

def eval_numerical_gradient(f, x, verbose=False, h=0.00001):
    fx = f(x)
    grad = np.zeros_like(x)
    it = np.nditer(x, flags=['multi_index'], op_flags=['readwrite'])
    while not it.finished:
        ix = it.multi_index
        oldval = x[ix]
        x[ix] = oldval + h
        fxph = f(x)
        x[ix] = oldval - h
        fxmh = f(x)
        x[ix] = oldval
        grad[ix] = (fxph - fxmh) / (2 * h)
        if verbose:
            print(ix, grad[ix])
        it.iternext()
    return grad

def relu(z):
    return np.maximum(0, z)

def sigmoid(z):
    return 1 / (1 + np.exp(-z))

def layer(x, W, b, activation=relu):
    return activation(x @ W + b)

np.random.seed(1)
x = np.random.randn(3, 4)
W = np.random.randn(4, 2)
b = np.random.randn(2)
y = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])

for act in [relu, sigmoid, np.tanh]:
    loss_fn = lambda W: np.sum((layer(x, W, b, activation=act) - y) ** 2)
    num = eval_numerical_gradient(loss_fn, W)
    print(num.round(6))

# analytic gradient for the sigmoid case
out = layer(x, W, b, sigmoid)
dout = 2 * (out - y) * out * (1 - out)
dW = x.T @ dout
num = eval_numerical_gradient(lambda W: np.sum((layer(x, W, b, sigmoid) - y) ** 2), W, verbose=True)
print("max abs diff:", np.max(np.abs(num - dW)) < 1e-8)
print("rel error:", np.max(np.abs(num - dW) / (np.abs(num) + np.abs(dW))) < 1e-7)

def apply_twice(f, v):
    return f(f(v))

print(apply_twice(sigmoid, 0.0))
print(apply_twice(lambda v: v * 2 + 1, 3))
print(apply_twice(np.exp, np.array([0.0, -1.0])))
