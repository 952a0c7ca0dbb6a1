# assert as students write it: shape checks, a gradient check's tolerance,
# inside loops, defs, methods and if blocks; every assert here holds, so the
# program prints what Python prints (the failing ones: tests/errors_assert.py).
import numpy as np

np.random.seed(3)
N, D, H = 4, 3, 5
X = np.random.randn(N, D)
W1 = 0.1 * np.random.randn(D, H)
assert X.shape == (N, D), "X should be N x D"
assert W1.shape[1] == H
assert len(X) == N, f"expected {N} rows, got {len(X)}"


def relu(z):
    assert z.ndim == 2, "relu takes a batch"
    return np.maximum(0, z)


def forward(X, W):
    h = relu(X @ W)
    assert h.shape == (X.shape[0], W.shape[1]), "shape of h: %s" % (h.shape,)
    assert np.all(h >= 0)
    return h


h = forward(X, W1)
print(h.shape, round(float(h.sum()), 6))

# a numerical gradient check, as CS231n's: the relative error must be small
def f(w):
    return np.sum(np.tanh(X @ w) ** 2)

w = np.random.randn(D)
grad = X.T @ (2 * np.tanh(X @ w) * (1 - np.tanh(X @ w) ** 2))
eps = 1e-6
for i in range(D):
    e = np.zeros(D)
    e[i] = eps
    num = (f(w + e) - f(w - e)) / (2 * eps)
    rel = abs(num - grad[i]) / max(abs(num), abs(grad[i]))
    assert rel < 1e-6, f"gradient check failed at {i}: {rel:.2e}"
    print(i, "ok")


class Layer:
    def __init__(self, n_in, n_out):
        assert n_in > 0 and n_out > 0, "sizes must be positive"
        self.W = np.ones((n_in, n_out))

    def forward(self, x):
        assert x.shape[-1] == self.W.shape[0], "input size mismatch"
        return x @ self.W


layer = Layer(3, 2)
print(layer.forward(np.array([1.0, 2.0, 3.0])))

losses = [1.0, 0.5, 0.25]
for a, b in zip(losses, losses[1:]):
    assert b < a, "the loss should fall"
if losses:
    assert losses[-1] == 0.25
assert (1 == 2, "a tuple is always true")
assert "text", "a non-empty string is true"
assert [0], "so is a non-empty list"
print("all asserts held")
