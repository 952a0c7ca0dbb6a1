# Python's dicts as NumPy tutorials use them (seed 001 returns its gradients
# as one): each construct once (not from a seed).  The expected output is
# what Python 3.11 and NumPy 1.24 print.
import numpy as np

np.random.seed(0)
W1 = np.random.randn(2, 3) * 0.1
b1 = np.zeros(3)
params = {'W1': W1, 'b1': b1}
print(params)
print(params['W1'].shape, params['b1'], len(params))

def gradients(W, b):
    dW = 2 * W
    db = b + 1
    return {'W1': dW, 'b1': db}

grads = gradients(params['W1'], params['b1'])
lr = 0.1
for key in ('W1', 'b1'):
    params[key] -= lr * grads[key]
print(params['b1'])
# the update was in place: W1 is the array params holds (as in NumPy)
print(W1 - params['W1'])
print(b1)

# keys, values, items; a loop that changes the values (not the keys)
for k in params:
    print(k, params[k].shape)
for k, v in params.items():
    print(f"{k}: {v.sum():.6f}")
for k in params:
    params[k] = params[k] * 0
print(list(params.keys()), list(params.values())[1], params.keys(), len(params.items()))

# floats, numbers as keys, a key given twice, a new key, get
scores = {'train': 0.25, 'test': 0.5, 'train': 0.125}
scores['val'] = 0.75
scores['test'] += 1
print(scores, scores.get('val', 0), scores.get('missing', -1))
by_lr = {}
for rate in [1.0, 0.1, 0.01]:
    by_lr[rate] = rate * 3
print(by_lr, by_lr[0.1], sorted(by_lr))
print({1: 'a', 2.5: [1, 2], 'k': (3, 4)}, {})

# a dict of lists, grown in a loop
history = {'loss': [], 'acc': []}
for i in range(3):
    history['loss'].append(1.0 / (i + 2))
    history['acc'].append(i * 0.25)
print(history)
print(history['loss'][-1], sum(history['acc']), max(history['loss']))

# two names of one dict, dict() copies, == compares
h2 = history
h2['loss'].append(0.0)
copy = dict(scores)
copy['val'] = 0
print(len(history['loss']), scores['val'], copy['val'], {'a': 1} == {'a': 1})
print('W1' in params, 'W9' not in params, 'loss' in history.keys(), 1 in {1: 2})
if history:
    print("history has", len(history), "keys")
