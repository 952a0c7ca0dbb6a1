# args: --keep-going
# Python's int is exact and unbounded, NumPy's int64 wraps around modulo 2^64;
# xi holds both in binary64 here, which rounds a whole number past 2^53. Each
# int below would print rounded (3**40 as 12157665459056928768, where Python
# prints 12157665459056928801), so each is refused where it is made; the
# exact ones beside them print as Python prints them (tests/paste/python_bigint.py).
# x *= i in a loop: a step's value has no origin xi can read, Python's int or
# NumPy's int64 (which wraps around past 2^63), so 21!, exact in binary64, is
# refused as either, and x stays 20! (the print after the loop).
import numpy as np

print(3**40)
print(9007199254740993)
print(2**64 + 1)
print(2**2000)
x = 1
for i in range(1, 25):
    x *= i
print(x)
print(12345678901 * 98765432109)
print(-(3**40) % 1000)
print((2**53 + 1) // 3)
print(sum([2**53, 1]))
print(np.array([2**53 + 1]) + 1)
a = np.array([3, 5, 7])
print(a ** 40)
print(np.sum(np.array([2**62, 2**62])))
print(np.array([2**62]) * 4)
print(np.array([2**40]) * 2**20)
print(np.array([-2**62]) * 2 - 1)
