# a student's Adam with bias correction in a class (state None until the first step), 100 steps on a
# quadratic, SGD and momentum by a method name (raise ValueError in the else), Adam's moments by hand
import numpy as np

def loss_fn(w):
    return 0.5 * w[0]**2 + 2.0 * w[1]**2 + w[0] * w[1]

def grad_fn(w):
    return np.array([w[0] + w[1], 4.0 * w[1] + w[0]])

class Adam:
    def __init__(self, lr=0.1, beta1=0.9, beta2=0.999, eps=1e-8):
        self.lr = lr
        self.beta1 = beta1
        self.beta2 = beta2
        self.eps = eps
        self.m = None
        self.v = None
        self.t = 0

    def step(self, w, g):
        if self.m is None:
            self.m = np.zeros_like(w)
            self.v = np.zeros_like(w)
        self.t += 1
        self.m = self.beta1 * self.m + (1 - self.beta1) * g
        self.v = self.beta2 * self.v + (1 - self.beta2) * g**2
        m_hat = self.m / (1 - self.beta1**self.t)
        v_hat = self.v / (1 - self.beta2**self.t)
        return w - self.lr * m_hat / (np.sqrt(v_hat) + self.eps)

w = np.array([3.0, -2.0])
opt = Adam(lr=0.1)
history = []
for t in range(1, 101):
    g = grad_fn(w)
    w = opt.step(w, g)
    history.append(loss_fn(w))
    if t in (1, 2, 3, 10, 50, 100):
        print(f"t={t:3d} w=[{w[0]: .6f}, {w[1]: .6f}] loss={history[-1]:.6e}")

print("best loss:", min(history), "at step", history.index(min(history)) + 1)

# compare with plain SGD and momentum, written out
def run(method, steps=50, lr=0.1, mu=0.9):
    w = np.array([3.0, -2.0])
    vel = np.zeros(2)
    for _ in range(steps):
        g = grad_fn(w)
        if method == 'sgd':
            w = w - lr * g
        elif method == 'momentum':
            vel = mu * vel - lr * g
            w = w + vel
        else:
            raise ValueError(method)
    return w, loss_fn(w)

for name in ['sgd', 'momentum']:
    w_end, l_end = run(name)
    print("{:<10s} w = {} loss = {:.4e}".format(name, np.round(w_end, 4), l_end))

m, v = 0.0, 0.0
b1, b2 = 0.9, 0.999
for t in range(1, 4):
    g = 0.5 * t
    m = b1 * m + (1 - b1) * g
    v = b2 * v + (1 - b2) * g * g
    mh = m / (1 - b1 ** t)
    vh = v / (1 - b2 ** t)
    print(t, m, v, mh, vh, mh / (vh ** 0.5 + 1e-8))
