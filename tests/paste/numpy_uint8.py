# dtype='uint8' (CS231n's labels, np.zeros(N*K, dtype='uint8')): made, set, indexed with, compared,
# used in arithmetic that stays in 0..255, summed, made floats, printed by str and repr (NumPy names
# the dtype: array([...], dtype=uint8)). It was refused (dtype= takes float, int or bool). The .out
# is what /usr/bin/python3 + NumPy 1.24.2 print (tests/paste/regen).
import numpy as np
y = np.zeros(5, dtype='uint8')
print(y, f"{y!r}")
y[range(1, 3)] = 2
y[4] = 255
print(y)
print(f"{y!r}")
z = np.array([1, 2, 3], dtype=np.uint8)
print(z + 1, z * 2, z // 2, z % 2, z / 2, z * 0.5, z - 1)
print(np.sum(z), z.sum(), np.mean(z), z.max(), np.argmax(z))
print(z == np.array([1, 0, 3]), np.eye(4)[z])
print(y[4], y[1] + y[2])
a = np.arange(3)
print(a[z[:2]], z.astype(float), z.astype(int) - 5)
w = np.arange(40).astype(np.uint8)
print(f"{w!r}")
print(f"{np.arange(24).astype(np.uint8)!r}")
print(f"{np.arange(23).astype(np.uint8)!r}")
print(f"{np.arange(6).reshape(2, 3).astype(np.uint8)!r}")
print(f"{z!r} {y[1]!r} {y[1]:d}", "%d" % y[4])
print(np.concatenate((z, np.array([4]))), -np.zeros(2, dtype='uint8'))
# with an int64 array the result is int64 (no dtype in repr); with Python ints and bools, uint8
print(f"{z + np.array([1, 2, 3])!r} {z * 2!r} {np.maximum(0, z)!r}")
print(f"{np.array([y[1], y[4]])!r} {np.concatenate((z, np.array([True])))!r}")
print(f"{np.concatenate((z, np.array([7])))!r} {z[np.array([True, False, True])]!r}")
