# np.random.default_rng(seed) for many seeds: every method xi draws, each number
# printed in full (tolist: Python's repr, which names the double exactly).
# tests/numpy_default_rng_sweep.out is what /usr/bin/python3 (Python 3.11,
# NumPy 1.24.2) prints for this file, unchanged, then "exit 0".
import numpy as np

seeds = list(range(40)) + [123, 2024, 12345, 99999, 2**31 - 1, 2**32 - 1, 2**32,
                           2**40 + 7, 2**53 - 1, [1, 2, 3], (0, 0)]
for seed in seeds:
    rng = np.random.default_rng(seed)
    print("seed", seed)
    print(rng.random(4).tolist())
    print(rng.standard_normal((2, 3)).tolist())
    print(rng.normal(0.5, 2.0, size=3).tolist())
    print(rng.uniform(-1.0, 3.0, 3).tolist())
    print(rng.integers(0, 10, size=6).tolist())
    print(rng.integers(-5, 5, (2, 2)).tolist())
    print(rng.integers(2**40, size=2).tolist(), rng.integers(1, 3, endpoint=True))
    print(rng.integers(0, 2**32, size=3).tolist(), rng.integers(0, 2**32 + 1, 2).tolist())
    print(rng.permutation(8).tolist())
    print(rng.permutation([10.5, 20.5, 30.5]).tolist())
    print(rng.choice(5, 4).tolist(), rng.choice(9, 3, replace=False).tolist())
    print(rng.choice(4, size=3, p=[0.1, 0.2, 0.3, 0.4]).tolist())
    print(rng.choice(5, 2, replace=False, p=[0.5, 0.2, 0.1, 0.1, 0.1]).tolist())
    print(rng.random(), rng.standard_normal(), rng.normal(), rng.uniform(), rng.integers(7))
    z = rng.standard_normal(1000)
    print(z[:2].tolist(), z[-2:].tolist(), float(np.max(np.abs(z))))

# NumPy's documents' spelling
from numpy.random import default_rng

rng = default_rng(12345)
print(rng.random(3).tolist(), rng.standard_normal(3).tolist(), rng.integers(0, 5, 4).tolist())
print(rng, f"{rng}", type(rng), type(rng).__name__)

# choice of a matrix's rows, with p, of a list, of 2-d sizes; bounds at 2^53;
# a Generator passed to a def
rng = np.random.default_rng(11)
A = np.arange(12.0).reshape(4, 3)
print(rng.choice(A, 2).tolist(), rng.choice(A, 3, replace=False).tolist())
print(rng.choice([0.5, 1.5, 2.5]), rng.choice(5), rng.choice(5, p=[0.1, 0.2, 0.3, 0.2, 0.2]))
print(rng.choice(A, 2, p=[0.1, 0.2, 0.3, 0.4]).tolist())
print(rng.choice(7, (2, 3)).tolist(), rng.choice(20, (2, 2), replace=False).tolist())
print(rng.choice(30000, 1000, replace=False)[-3:].tolist(), rng.choice(50, 5, replace=False, shuffle=False).tolist())
print(rng.permutation([3, 1, 2]).tolist(), rng.permutation(np.array([[1, 2], [3, 4]])).tolist())
print(rng.integers(low=2, high=9, size=(3,)).tolist(), rng.uniform(size=2).tolist(), rng.normal(size=(1, 2)).tolist())
print(rng.integers(-2**53, 2**53, 4, endpoint=True).tolist(), rng.integers(-2**53, 2**53, 2).tolist())
print(rng.uniform(5, 5, 2).tolist(), rng.normal(3, 0, 2).tolist(), rng.normal(-0.0, 0.5))


def draw(gen, n):
    return gen.standard_normal(n)


print(draw(rng, 3).tolist(), draw(np.random.default_rng(11), 2).tolist())
