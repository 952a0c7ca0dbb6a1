# args: --keep-going
# NumPy's int64 // 0 and % 0: NumPy gives 0 with a RuntimeWarning, xi refuses,
# saying it is a division by zero (it said "past int64's range", an overflow).
# What NumPy 1.24 prints (python3 3.11) is in the comment above each.
import numpy as np
i = np.array([1, 2, 3])
# [0 0 0]  RuntimeWarning: divide by zero encountered in remainder
print(i % 0)
# [0 0 0]  RuntimeWarning: divide by zero encountered in floor_divide
print(i // 0)
# [1 0 1]  the same warning: one divisor of three is 0
print(i // np.array([1, 0, 2]))
# 0  RuntimeWarning: divide by zero encountered in scalar floor_divide
print(i[0] // 0)
# 0  RuntimeWarning: divide by zero encountered in scalar remainder
print(i[0] % 0)
# [3 4] // 0 in place: [0 0]
j = np.array([3, 4])
j //= 0
# floats keep NumPy's inf and nan: [inf inf] [nan nan]
print(i[:2] / 0, (i[:2] * 1.0) % 0)
# a uint8 array: [0 0] in NumPy, refused (0..255 only)
u = np.array([1, 2], dtype='uint8')
print(u // 0)
