# a student's RNN on "hello": dicts of params and grads, one-hot columns, BPTT with dh_next, a numerical
# check of three entries, Adagrad; hs[t], y = ... and np.clip(..., out=grads[k]) written in two steps
# regen: NumPy without AVX512
import numpy as np

np.random.seed(3)
vocab = ['h', 'e', 'l', 'o']
char_to_ix = {ch: i for i, ch in enumerate(vocab)}
ix_to_char = {i: ch for i, ch in enumerate(vocab)}
V, H = len(vocab), 3

params = {}
params['Wxh'] = np.random.randn(H, V) * 0.1
params['Whh'] = np.random.randn(H, H) * 0.1
params['Why'] = np.random.randn(V, H) * 0.1
params['bh'] = np.zeros((H, 1))
params['by'] = np.zeros((V, 1))

def one_hot(i):
    v = np.zeros((V, 1))
    v[i] = 1
    return v

def step_forward(x, h_prev, p):
    a = p['Wxh'] @ x + p['Whh'] @ h_prev + p['bh']
    h = np.tanh(a)
    y = p['Why'] @ h + p['by']
    return h, y

def loss_and_grads(inputs, targets, h0, p):
    xs, hs, ps = {}, {}, {}
    hs[-1] = np.copy(h0)
    loss = 0.0
    for t in range(len(inputs)):
        xs[t] = one_hot(inputs[t])
        h_t, y = step_forward(xs[t], hs[t - 1], p)
        hs[t] = h_t
        ps[t] = np.exp(y) / np.sum(np.exp(y))
        loss += -np.log(ps[t][targets[t], 0])
    grads = {k: np.zeros_like(v) for k, v in p.items()}
    dh_next = np.zeros_like(hs[0])
    for t in reversed(range(len(inputs))):
        dy = np.copy(ps[t])
        dy[targets[t]] -= 1
        grads['Why'] += np.dot(dy, hs[t].T)
        grads['by'] += dy
        dh = np.dot(p['Why'].T, dy) + dh_next
        draw = (1 - hs[t] * hs[t]) * dh
        grads['bh'] += draw
        grads['Wxh'] += np.dot(draw, xs[t].T)
        grads['Whh'] += np.dot(draw, hs[t - 1].T)
        dh_next = np.dot(p['Whh'].T, draw)
    for k in grads:
        grads[k] = np.clip(grads[k], -5, 5)
    return loss, grads, hs[len(inputs) - 1]

text = "hello"
inputs = [char_to_ix[c] for c in text[:-1]]
targets = [char_to_ix[c] for c in text[1:]]
print(inputs, targets)

h0 = np.zeros((H, 1))
loss, grads, hlast = loss_and_grads(inputs, targets, h0, params)
print("loss:", loss)
for k in sorted(grads):
    print(f"{k:>4}: |grad| = {np.linalg.norm(grads[k]):.6e}  shape={grads[k].shape}")

# check one entry numerically
for name in ['Wxh', 'Whh', 'by']:
    P = params[name]
    i, j = 1, 0
    old = P[i, j]
    P[i, j] = old + 1e-5
    lp, _, _ = loss_and_grads(inputs, targets, h0, params)
    P[i, j] = old - 1e-5
    lm, _, _ = loss_and_grads(inputs, targets, h0, params)
    P[i, j] = old
    num = (lp - lm) / 2e-5
    ana = grads[name][i, j]
    print('%s[%d,%d]: num %f ana %f rel %.2e' % (name, i, j, num, ana, abs(num - ana) / max(abs(num) + abs(ana), 1e-12)))

lr = 0.1
mem = {k: np.zeros_like(v) for k, v in params.items()}
for n in range(30):
    loss, grads, _ = loss_and_grads(inputs, targets, h0, params)
    for k in params:
        mem[k] += grads[k] * grads[k]
        params[k] += -lr * grads[k] / np.sqrt(mem[k] + 1e-8)
    if n % 10 == 0:
        print(n, round(loss, 5))

h = np.zeros((H, 1))
x = one_hot(char_to_ix['h'])
out = 'h'
for t in range(4):
    h, y = step_forward(x, h, params)
    ix = int(np.argmax(y))
    out += ix_to_char[ix]
    x = one_hot(ix)
print('sample:', out)
