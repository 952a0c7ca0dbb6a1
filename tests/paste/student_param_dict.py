# A student's fully connected net (CS231n assignment 2 style), written as a student writes
# it: params and grads keyed 'W%d' % i, f'b{i}' and 'W' + str(i), a numeric gradient check.
import numpy as np

np.random.seed(231)
dims = [4, 5, 3]
num_layers = len(dims) - 1

params = {}
for i in range(num_layers):
    params['W%d' % (i + 1)] = np.random.randn(dims[i], dims[i + 1]) * 0.1
    params['b' + str(i + 1)] = np.zeros(dims[i + 1])

print('keys:', list(params.keys()))
print('sorted:', sorted(params))
print('W1' in params, 'W3' in params, len('W' + str(num_layers)))
for name in sorted(params):
    print('%-3s' % name, params[name].shape)


def loss(params, X, y):
    cache = {}
    h = X
    for i in range(1, num_layers + 1):
        W, b = params[f'W{i}'], params[f'b{i}']
        z = h.dot(W) + b
        cache['h%d' % i] = h
        cache['z%d' % i] = z
        if i < num_layers:
            h = np.maximum(0, z)
        else:
            h = z
    scores = h
    shifted = scores - np.max(scores, axis=1, keepdims=True)
    probs = np.exp(shifted) / np.sum(np.exp(shifted), axis=1, keepdims=True)
    N = X.shape[0]
    L = -np.sum(np.log(probs[np.arange(N), y])) / N

    grads = {}
    dout = probs.copy()
    dout[np.arange(N), y] -= 1
    dout /= N
    for i in range(num_layers, 0, -1):
        key = 'W' + str(i)
        grads[key] = cache['h%d' % i].T.dot(dout)
        grads['b%d' % i] = np.sum(dout, axis=0)
        dh = dout.dot(params[key].T)
        if i > 1:
            dout = dh * (cache['z%d' % (i - 1)] > 0)
    return L, grads


def eval_numerical_gradient(f, x, h=1e-5):
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
        it.iternext()
    return grad


def rel_error(x, y):
    return np.max(np.abs(x - y) / (np.maximum(1e-8, np.abs(x) + np.abs(y))))


X = np.random.randn(3, dims[0])
y = np.array([0, 2, 1])
L, grads = loss(params, X, y)
print('loss: %.6f' % L)
print('grad keys:', sorted(grads.keys()))

print('-' * 30)
for name in sorted(grads):
    f = lambda _: loss(params, X, y)[0]
    grad_num = eval_numerical_gradient(f, params[name])
    err = rel_error(grad_num, grads[name])
    label = '{}_{}'.format('check', name)
    print(f'{label:>9} {str(grads[name].shape):>7} ok: {err < 1e-6}')
print('-' * 30)

for i in range(num_layers):
    tag = '%s_%d' % ('layer', i + 1)
    print(tag, f"W{i + 1}", np.round(params[f'W{i + 1}'].sum(), 6), grads['b' + str(i + 1)].round(6))

shapes = {k: v.shape for k, v in params.items()}
print(shapes)
step = {}
for k in params:
    step['d' + k] = 0.5 * grads[k].max()
print(sorted(step)[0], len(step), 'dW1' in step)
names = [f'W{i}' for i in range(1, num_layers + 1)]
print(names, '+'.join(names), str(num_layers) * 3, repr('b' + str(2)))

learning_rate = 0.5
for epoch in range(3):
    L, grads = loss(params, X, y)
    for p in sorted(params):
        params[p] -= learning_rate * grads[p]
    print('epoch %d: loss %.6f, |dW%d| = %.6f' % (epoch + 1, L, num_layers, np.linalg.norm(grads['W' + str(num_layers)])))
print('%s: %d params' % ('W' + str(num_layers), params['W' + str(num_layers)].size), '%s' % f'b{num_layers}')
print('=' * 10 + ' ' + 'W' + str(num_layers) * 2, str(num_layers) * 2 == '22')
