# A student's momentum optimiser: velocities kept in a list, updated with
# v *= mu; v -= lr * g; p += v in a zip over the params, the grads and the
# velocities (40 steps on a least-squares problem, f-strings with arrays);
# then lr *= 0.5 in a def, a float, which leaves the caller's lr as it was.
# Written as a student writes it, then run unchanged.  The .out is what
# /usr/bin/python3 + NumPy 1.24.2 print (tests/paste/regen).
import numpy as np

# minimise f(w, c) = sum((A @ w - t)**2) + c**2 with momentum, by hand
A = np.array([[2.0, 1.0], [1.0, 3.0], [0.0, 1.0]])
t = np.array([1.0, 2.0, 0.5])


class Momentum:
    def __init__(self, params, lr=0.02, mu=0.9):
        self.params = params
        self.lr = lr
        self.mu = mu
        self.velocity = [np.zeros_like(p) for p in params]

    def step(self, grads):
        for p, g, v in zip(self.params, grads, self.velocity):
            v *= self.mu
            v -= self.lr * g
            p += v


def gradients(w, c):
    r = A @ w - t
    return [2 * A.T @ r, 2 * c]


w = np.zeros(2)
c = np.array([1.5])
opt = Momentum([w, c])
for it in range(40):
    gw, gc = gradients(w, c)
    opt.step([gw, gc])
    if it % 8 == 0:
        loss = np.sum((A @ w - t) ** 2) + np.sum(c ** 2)
        print(f"{it:3d} {loss:.8f} w={w} c={c}")

print(w, c)
print(opt.velocity)
lr = 0.1
def decay(lr):
    lr *= 0.5
    return lr
print(decay(lr), lr)
