# a student's comparison of optimisers written as functions in a dict (sgd,
# momentum, rmsprop with defaults), on Rosenbrock's function for three rates:
# a run that diverges returns None, and the sweep's loop skips it with
# 'if h is None: continue'; results sorted with key=lambda, min by key
import numpy as np
import random

def sgd(w, g, state, lr):
    return w - lr * g, state

def momentum(w, g, state, lr, beta=0.9):
    v = beta * state + g
    return w - lr * v, v

def rmsprop(w, g, state, lr, beta=0.9, eps=1e-8):
    s = beta * state + (1 - beta) * g ** 2
    return w - lr * g / (np.sqrt(s) + eps), s

OPTIMIZERS = {"sgd": sgd, "momentum": momentum, "rmsprop": rmsprop}

def rosenbrock(p):
    x, y = p
    return (1 - x) ** 2 + 100 * (y - x ** 2) ** 2

def rosenbrock_grad(p):
    x, y = p
    return np.array([-2 * (1 - x) - 400 * x * (y - x ** 2), 200 * (y - x ** 2)])

def run(opt_name, lr, steps=200):
    opt = OPTIMIZERS[opt_name]
    w = np.array([-1.5, 2.0])
    state = np.zeros_like(w)
    history = []
    for t in range(steps):
        g = rosenbrock_grad(w)
        w, state = opt(w, g, state, lr)
        loss = rosenbrock(w)
        if not np.isfinite(loss):
            print(f"  {opt_name} lr={lr}: diverged at step {t}")
            return None
        history.append(loss)
    return history

summary = []
for name in OPTIMIZERS:
    for lr in [1e-2, 1e-3, 1e-4]:
        h = run(name, lr)
        if h is None:
            continue
        summary.append((name, lr, h[-1], int(np.argmin(h))))
        print(f"{name:>8} lr={lr:<7g} final={h[-1]:.6f} best_step={np.argmin(h)}")

print()
summary.sort(key=lambda r: r[2])
for name, lr, final, best in summary[:3]:
    print("%-8s %.0e %10.6f %4d" % (name, lr, final, best))
winner = min(summary, key=lambda r: r[2])
print("winner:", winner[0], winner[1])
print(isinstance(winner[2], float), isinstance(winner[0], str))
