# np.random's legacy generator (NumPy 1.24's RandomState), draw for draw:
# several seeds and sizes, and sequences that mix the calls (randn, then
# randint, then normal ...), which stay in step only if each call takes from
# the generator exactly what NumPy's takes.  The .out is Python's.
import numpy as np

np.random.seed(0)
print(0, np.random.randint(0, 10, size=8), np.random.randint(5), np.random.randint(-3, 3, (2, 3)))
print(np.random.normal(0, 1, 3), np.random.normal(1.5, 0.1), np.random.normal(size=(2, 2)))
print(np.random.uniform(-1, 1, size=4), np.random.uniform(), np.random.uniform(2, 3))
print(np.random.rand(2), np.random.random((1, 2)), np.random.random_sample(), np.random.randn(3))
print(np.random.permutation(10), np.random.choice(5, 3), np.random.choice(5, 3, replace=False))
np.random.seed(1)
print(1, np.random.randint(0, 10, size=8), np.random.randint(5), np.random.randint(-3, 3, (2, 3)))
print(np.random.normal(0, 1, 3), np.random.normal(1.5, 0.1), np.random.normal(size=(2, 2)))
print(np.random.uniform(-1, 1, size=4), np.random.uniform(), np.random.uniform(2, 3))
print(np.random.rand(2), np.random.random((1, 2)), np.random.random_sample(), np.random.randn(3))
print(np.random.permutation(10), np.random.choice(5, 3), np.random.choice(5, 3, replace=False))
np.random.seed(42)
print(42, np.random.randint(0, 10, size=8), np.random.randint(5), np.random.randint(-3, 3, (2, 3)))
print(np.random.normal(0, 1, 3), np.random.normal(1.5, 0.1), np.random.normal(size=(2, 2)))
print(np.random.uniform(-1, 1, size=4), np.random.uniform(), np.random.uniform(2, 3))
print(np.random.rand(2), np.random.random((1, 2)), np.random.random_sample(), np.random.randn(3))
print(np.random.permutation(10), np.random.choice(5, 3), np.random.choice(5, 3, replace=False))
np.random.seed(12345)
print(12345, np.random.randint(0, 10, size=8), np.random.randint(5), np.random.randint(-3, 3, (2, 3)))
print(np.random.normal(0, 1, 3), np.random.normal(1.5, 0.1), np.random.normal(size=(2, 2)))
print(np.random.uniform(-1, 1, size=4), np.random.uniform(), np.random.uniform(2, 3))
print(np.random.rand(2), np.random.random((1, 2)), np.random.random_sample(), np.random.randn(3))
print(np.random.permutation(10), np.random.choice(5, 3), np.random.choice(5, 3, replace=False))
np.random.seed(4294967295)
print(4294967295, np.random.randint(0, 10, size=8), np.random.randint(5), np.random.randint(-3, 3, (2, 3)))
print(np.random.normal(0, 1, 3), np.random.normal(1.5, 0.1), np.random.normal(size=(2, 2)))
print(np.random.uniform(-1, 1, size=4), np.random.uniform(), np.random.uniform(2, 3))
print(np.random.rand(2), np.random.random((1, 2)), np.random.random_sample(), np.random.randn(3))
print(np.random.permutation(10), np.random.choice(5, 3), np.random.choice(5, 3, replace=False))

np.random.seed(7)
x = np.arange(6.0) * 1.5
M = np.arange(12.0).reshape(4, 3)
print(np.random.permutation(x))
print(np.random.permutation(M))
print(np.random.choice(x, size=(2, 2)), np.random.choice(x), np.random.choice(10))
print(np.random.choice(4, 6, p=[0.1, 0.2, 0.3, 0.4]))
print(np.random.choice(4, 3, replace=False, p=[0.1, 0.2, 0.3, 0.4]))
print(np.random.choice(x, 4, replace=False, p=[0.5, 0.1, 0.1, 0.1, 0.1, 0.1]))

# wide ranges: one draw of 32 bits, and 64-bit draws past 2^32
np.random.seed(3)
print(np.random.randint(0, 2**32, size=3), np.random.randint(-2**31, 2**31 - 1, size=3))
print(np.random.randint(1000000, size=6))

# longer runs: the generator's state goes round its 624 words several times
np.random.seed(2024)
print(np.random.randint(0, 100, size=600))
print(np.random.permutation(200))
print(np.random.normal(0.0, 2.0, size=(4, 5)))
np.random.seed(99)
W1 = np.random.randn(3, 4) * 0.01
idx = np.random.randint(0, 50, size=10)
noise = np.random.normal(0, 0.1, size=4)
batch = np.random.choice(50, 8, replace=False)
print(W1, idx, noise, batch, np.random.randn())
