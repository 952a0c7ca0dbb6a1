# A student's program, written as a tutorial would have it and run unchanged:
# nothing in it was fitted to xi (tests/paste/README.md).  Not from a seed.
# Written for a student's-eye trial of xi; it ran unchanged, every digit NumPy's.
import numpy as np

def init_params(sizes, seed=1):
    np.random.seed(seed)
    params = {}
    for i in range(1, len(sizes)):
        params['W' + str(i)] = np.random.randn(sizes[i - 1], sizes[i]) * np.sqrt(2.0 / sizes[i - 1])
        params['b' + str(i)] = np.zeros((1, sizes[i]))
    return params

def relu(z):
    return np.maximum(0, z)

def forward_backward(params, X, y):
    cache = {}
    z1 = X @ params['W1'] + params['b1']
    a1 = relu(z1)
    out = a1 @ params['W2'] + params['b2']
    diff = out - y
    loss = 0.5 * np.sum(diff ** 2) / X.shape[0]
    grads = {}
    dout = diff / X.shape[0]
    grads['W2'] = a1.T @ dout
    grads['b2'] = np.sum(dout, axis=0, keepdims=True)
    da1 = dout @ params['W2'].T
    dz1 = da1 * (z1 > 0)
    grads['W1'] = X.T @ dz1
    grads['b1'] = np.sum(dz1, axis=0, keepdims=True)
    return loss, grads

params = init_params([3, 5, 2])
X = np.random.randn(4, 3)
y = np.random.randn(4, 2)
loss, grads = forward_backward(params, X, y)
print(f"loss = {loss:.8f}")

eps = 1e-6
for name in ['W1', 'b1', 'W2', 'b2']:
    P = params[name]
    num = np.zeros_like(P)
    for idx in [(i, j) for i in range(P.shape[0]) for j in range(P.shape[1])]:
        orig = P[idx]
        P[idx] = orig + eps
        lp, _ = forward_backward(params, X, y)
        P[idx] = orig - eps
        lm, _ = forward_backward(params, X, y)
        P[idx] = orig
        num[idx] = (lp - lm) / (2 * eps)
    err = np.linalg.norm(num - grads[name]) / (np.linalg.norm(num) + np.linalg.norm(grads[name]))
    print(f"{name}: shape {str(P.shape):8s} rel error {err:.3e}", "OK" if err < 1e-5 else "BAD")

print(grads['b2'])
print(np.round(grads['W1'], 5))
print(sorted(params.keys()), len(params))
