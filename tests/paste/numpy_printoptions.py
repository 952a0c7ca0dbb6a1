# np.set_printoptions as notebooks use it: precision, suppress, linewidth,
# threshold, edgeitems, None leaving an option as it is, np.inf; a scalar
# keeps Python's repr, as in NumPy.  What /usr/bin/python3 + NumPy prints.
import numpy as np

np.random.seed(0)
W = np.random.randn(3, 4)
x = np.array([1 / 3, 1e-9, 2.0, -0.5])
print(W)
np.set_printoptions(precision=3, suppress=True)
print(W)
print(x, np.float64(1 / 3), x[0])
print(np.array([1e-5, 1.0]), np.array([[1e-3, 5.0], [123456.789, 0.5]]))
print(np.array([1e9, 1.0]), np.array([-1e-12, 3.0]))
np.set_printoptions(precision=4)
print(x)
np.set_printoptions(suppress=False, precision=None)
print(x)
np.set_printoptions(precision=0)
print(np.array([0.4, 1.5, 2.5, -3.7]))
np.set_printoptions(precision=12)
print(np.array([1 / 3, 2 / 3]))
np.set_printoptions(precision=8, threshold=5, edgeitems=2, linewidth=30)
print(np.arange(10.) / 3)
print(np.arange(12.).reshape(4, 3) / 7)
print(np.arange(40.).reshape(8, 5))
np.set_printoptions(threshold=np.inf, linewidth=75, edgeitems=3)
print(np.arange(1200.).reshape(40, 30)[0, :5], np.arange(1100.)[1095:])
big = np.arange(1100.)
print(big % 3 / 2)
print(big.shape, big[:3], big[-2:])
np.set_printoptions(threshold=1000, linewidth=40)
print(np.linspace(0, 1, 13))
print(repr(np.linspace(0, 1, 7)))
np.set_printoptions()
print(np.array([np.inf, -np.inf, np.nan, 1.0]))
np.set_printoptions(precision=2, suppress=True, linewidth=75)
print(repr(np.array([0.12345, 2.0])), np.array([[0.001, 1000.0]]))
losses = []
best = np.inf
for epoch, loss in enumerate([0.9, 0.5, 0.7, 0.3]):
    if loss < best:
        best = loss
    losses.append(loss)
print(best, np.array(losses))
