# Python's ints that binary64 holds exactly, past 2^53 too, print as Python
# prints them; floats are not ints (1e300 stays a float); the ints xi would
# hold rounded are refused (tests/errors_bigint.py).
import numpy as np
import math

print(2**53, 2**64, -2**63, 2**100)
print(2**1023)
print(18446744073709551616, 2**64 // 3 if False else 2**64 // 2**10)
print(1e300, 1e300 * 10, 2.0 ** 70, 3.0 ** 40)
print(int(1e20), round(1e17), 10**15 * 10**3)
x = 1
for i in range(1, 19):
    x *= i
print(x)
print(-(3**20) % 1000, (2**53 - 1) // 3, 2**62 * 2)
print(np.array([2**51]) * 2, np.array([3, 5, 7]) ** 10)
print(np.sum(np.array([2**51, 2**51])))
print(type(np.inf), type(math.nan), np.array([1, 2]) * np.inf)
print(float(3**30) * 3**10)
