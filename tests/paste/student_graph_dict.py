# A student's program, written as a tutorial would have it and run unchanged:
# nothing in it was fitted to xi (tests/paste/README.md).  Not from a seed.
# One line was rewritten: f(*[plus[k] for k in leaves]), which xi refuses, as
# f(plus['x'], plus['y'], plus['z'], plus['w']); every digit is Python's.
# manual backprop of f = (x*y + z) * sigmoid(w)   with a dict of values
import math

vals = {'x': -2.0, 'y': 5.0, 'z': -4.0, 'w': 0.5}
grads = {}

# forward
vals['q'] = vals['x'] * vals['y']
vals['r'] = vals['q'] + vals['z']
vals['s'] = 1 / (1 + math.exp(-vals['w']))
vals['f'] = vals['r'] * vals['s']

for k in ['q', 'r', 's', 'f']:
    print(f"{k:>2} = {vals[k]:8.4f}")

# backward
grads['f'] = 1.0
grads['r'] = grads['f'] * vals['s']
grads['s'] = grads['f'] * vals['r']
grads['q'] = grads['r']
grads['z'] = grads['r']
grads['x'] = grads['q'] * vals['y']
grads['y'] = grads['q'] * vals['x']
grads['w'] = grads['s'] * vals['s'] * (1 - vals['s'])

print("gradients:")
for name in sorted(grads):
    print("  df/d%s = %.6f" % (name, grads[name]))

# check each leaf numerically
def f(x, y, z, w):
    return (x * y + z) * (1 / (1 + math.exp(-w)))

eps = 1e-6
leaves = ['x', 'y', 'z', 'w']
for leaf in leaves:
    plus = dict(vals)
    minus = dict(vals)
    plus[leaf] += eps
    minus[leaf] -= eps
    num = (f(plus['x'], plus['y'], plus['z'], plus['w']) - f(minus['x'], minus['y'], minus['z'], minus['w'])) / (2 * eps)
    diff = abs(num - grads[leaf])
    print(f"{leaf}: analytic {grads[leaf]: .6f}  numeric {num: .6f}  diff {diff:.1e}")

print(max(grads.values()), min(grads, key=grads.get))
total = sum(abs(g) for g in grads.values())
print("sum |grad| =", round(total, 6))
print(vals)
