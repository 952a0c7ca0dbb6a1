# A student's 2-layer net (tanh, sigmoid, MSE, 20 steps of plain SGD) kept in
# a params dict, CS231n style: init_params, forward returning a cache,
# backward returning a grads dict, and sgd(params, grads, lr) updating each
# array in place through params[k] -= lr * grads[k]; W1, taken from the dict
# before training, sees every step.  Written as a student writes it, then run
# unchanged.  The .out is what /usr/bin/python3 + NumPy 1.24.2 print
# (tests/paste/regen); the final loss is printed to 10 places, as NumPy's
# np.exp rounds its last bit differently from xi's correctly rounded one.
import numpy as np

np.random.seed(1)

# toy data: XOR-ish
X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
y = np.array([[0.0], [1.0], [1.0], [0.0]])

def init_params(n_in, n_hidden, n_out):
    params = {}
    params['W1'] = np.random.randn(n_in, n_hidden) * 0.5
    params['b1'] = np.zeros((1, n_hidden))
    params['W2'] = np.random.randn(n_hidden, n_out) * 0.5
    params['b2'] = np.zeros((1, n_out))
    return params

def sigmoid(z):
    return 1 / (1 + np.exp(-z))

def forward(params, X):
    z1 = X @ params['W1'] + params['b1']
    h = np.tanh(z1)
    z2 = h @ params['W2'] + params['b2']
    out = sigmoid(z2)
    cache = (X, z1, h, out)
    return out, cache

def loss_fn(out, y):
    return np.mean((out - y) ** 2)

def backward(params, cache, y):
    X, z1, h, out = cache
    N = X.shape[0]
    dout = 2 * (out - y) / N
    dz2 = dout * out * (1 - out)
    grads = {}
    grads['W2'] = h.T @ dz2
    grads['b2'] = np.sum(dz2, axis=0, keepdims=True)
    dh = dz2 @ params['W2'].T
    dz1 = dh * (1 - h ** 2)
    grads['W1'] = X.T @ dz1
    grads['b1'] = np.sum(dz1, axis=0, keepdims=True)
    return grads

def sgd(params, grads, lr):
    for k in params:
        params[k] -= lr * grads[k]

params = init_params(2, 3, 1)
W1 = params['W1']   # keep a handle on the first layer's weights
lr = 0.5
for step in range(20):
    out, cache = forward(params, X)
    loss = loss_fn(out, y)
    grads = backward(params, cache, y)
    sgd(params, grads, lr)
    if step % 5 == 0:
        print(f"step {step}: loss {loss:.6f}")

print("final loss %.10f" % loss_fn(forward(params, X)[0], y))
print(params['W1'])
print(np.allclose(W1, params["W1"]))
print(W1)
print(params['b2'])
