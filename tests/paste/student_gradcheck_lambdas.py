# regen: NumPy without AVX512
# a student's gradient checker: central differences of five losses written as
# lambdas, each beside its analytic gradient, in a dict of pairs; results
# sorted by error with key=lambda
import numpy as np

def numerical_grad(f, x, h=1e-5):
    grad = np.zeros_like(x)
    for i in range(x.shape[0]):
        old = x[i]
        x[i] = old + h
        fp = f(x)
        x[i] = old - h
        fm = f(x)
        x[i] = old
        grad[i] = (fp - fm) / (2 * h)
    return grad

def rel_error(a, b):
    return np.max(np.abs(a - b) / np.maximum(1e-8, np.abs(a) + np.abs(b)))

np.random.seed(0)
w = np.random.randn(5)
t = np.array([0.0, 1.0, 0.0, 0.0, 1.0])

def softmax(z):
    e = np.exp(z - np.max(z))
    return e / e.sum()

losses = {
    "mse": (lambda w: np.sum((w - t) ** 2) / 2, lambda w: w - t),
    "l1": (lambda w: np.sum(np.abs(w - t)), lambda w: np.sign(w - t)),
    "logsumexp": (lambda w: np.log(np.sum(np.exp(w))), lambda w: softmax(w)),
    "cubic": (lambda w: np.sum(w ** 3), lambda w: 3 * w ** 2),
    "sigmoid_ce": (
        lambda w: -np.sum(t * np.log(1 / (1 + np.exp(-w))) + (1 - t) * np.log(1 - 1 / (1 + np.exp(-w)))),
        lambda w: 1 / (1 + np.exp(-w)) - t,
    ),
}

errors = []
for name, (f, df) in losses.items():
    num = numerical_grad(f, w)
    ana = df(w)
    err = rel_error(num, ana)
    errors.append((name, err))
    status = "OK" if err < 1e-6 else "FAIL"
    print(f"{name:12s} loss={f(w):10.6f} rel_error={err:.3e} {status}")

print()
print("worst first:")
for name, err in sorted(errors, key=lambda p: p[1], reverse=True):
    print("  %-12s %.2e" % (name, err))

square = lambda x: x * x
print(numerical_grad(lambda v: np.sum(square(v)), np.array([1.0, -2.0, 3.0])))
