# The operators students use on masks: & | ~ ^ between comparisons, as NumPy
# code writes them (parenthesised, for comparisons bind looser than &), in
# indexing, in-place updates of a mask, counts and np.where, and NumPy's
# int64 arrays bit by bit.  Expected: what /usr/bin/python3 (3.11, NumPy
# 1.24) prints for this file.
import numpy as np

x = np.array([-1.5, 0.25, 0.75, 1.0, 2.5, -0.5])
y = np.array([1, 0, 1, 1, 0, 0])
p = np.array([0.9, 0.4, 0.6, 0.2, 0.7, 0.1])

mask = (x > 0) & (x < 1)
print(mask)
print(~mask)
print((y == 1) | (p > 0.5))
print((x > 0) ^ (y == 1))
print(mask.dtype, (~mask).dtype)

# counting with masks: true positives, accuracy
pred = (p > 0.5).astype(int)
tp = np.sum((pred == 1) & (y == 1))
fp = np.sum((pred == 1) & (y == 0))
fn = np.sum((pred == 0) & (y == 1))
print(tp, fp, fn)
print(np.mean(~(pred ^ y).astype(bool)))
print(np.mean((pred == y) | (p < 0.15)))

# masks in indexing: read and write
print(x[(x > 0) & (x < 2)])
z = x.copy()
z[(x < 0) | (x > 2)] = 0
print(z)
z[~((x > 0) & (x < 1))] *= 2
print(z)

# a mask changed in place
m = x > 0
m &= y == 1
print(m)
m |= p < 0.15
print(m)
m ^= np.array([True, False, False, False, False, False])
print(m)

# np.where through a mask made by &
r = np.where((x > 0) & (x < 2), x ** 2, 0)
print(r)
relu_grad = np.where(~(x <= 0), 1.0, 0.0)
print(relu_grad)

# NumPy's logical functions, and the bitwise ones by name
print(np.logical_and(x > 0, y == 1))
print(np.logical_or(x > 2, p < 0.2))
print(np.logical_not(mask))
print(np.logical_xor(x > 0, y == 1))
print(np.logical_and(np.array([0.5, 0.0, -2.0]), 2))
print(np.logical_not(np.array([0.5, 0.0])))

# int64 arrays, bit by bit
a = np.array([1, 2, 3, 12, -7])
print(~a)
print(a & 6, a | 1, a ^ 5)
print(a << 2, a >> 1)
print(np.bitwise_and(a, 3), np.bitwise_or(a, 8), np.bitwise_xor(a, a))
print(np.invert(a), np.left_shift(a, 1), np.right_shift(a, 2))
print(np.array([True, False]) & 1, np.array([True, False]) << 1)
b = np.array([5, 6, 7])
b &= 3
print(b, b.dtype)
b <<= 2
print(b)
b >>= 1
print(b)
b ^= 1
print(b)
b |= 16
print(b)

# scalars read from arrays
print(mask[0] & mask[1], ~mask[1], a[3] & 4, a[4] >> 1)
