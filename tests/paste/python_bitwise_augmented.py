# Python's ints and bools under & | ^ ~ << >>, their precedence, and every
# augmented assignment Python has (+= -= *= /= //= %= **= &= |= ^= <<= >>=):
# on names, in a def, on attributes, on list and dict items, and on NumPy
# arrays in place, which keep their dtype (int64 ** 2 stays int64).
# Expected: what /usr/bin/python3 (3.11, NumPy 1.24) prints for this file.
import numpy as np

print(True & False, True | False, True ^ True, True | 1, True & 3, ~True, ~False)
print(6 & 3, 6 | 3, 6 ^ 3, ~6, ~-1, -6 & 3, -6 | 3, -6 ^ 3)
print(1 << 10, 1 << 0, 5 << 3, 1024 >> 3, -5 >> 1, -1 >> 10, 5 >> 10, True << 2)
flags = 13
print(flags & 4, flags & 2, bool(flags & 8), flags | 2, flags ^ flags)
k = 5
print(1 << k, (1 << k) - 1, k >> 1, 2 ** k == 1 << k)

# Python's precedence: | < ^ < & < shifts < + - < * / // % < unary - + ~ < **
print(1 | 2 ^ 3 & 4, (1 | 2) ^ 3, 1 + 2 << 3, 1 << 2 + 3, 2 * 3 & 5, 6 & 3 * 2)
print(~2 ** 2, -2 ** 2, ~-2, -~2, 3 | 4 == 7, (3 | 4) == 7, 1 < 2 | 4)
print(12 >> 1 + 1, 12 >> 1 >> 1, 1 & 1 | 2, 2 ^ 1 & 3)
print(True & (2 > 1), (2 > 1) | (1 > 2), not 1 & 0)

# bits of an int, in a loop
n = 45
bits = []
while n:
    bits.append(n & 1)
    n >>= 1
print(bits)
count = 0
v = 255
while v:
    v &= v - 1
    count += 1
print(count)
print([i for i in range(8) if i & 1], [1 << i for i in range(5)], sum(1 << i for i in range(4)))

# every augmented assignment on a name
a = 7
a += 3
a -= 1
a *= 4
print(a)
a //= 5
print(a)
a %= 4
print(a)
a **= 3
print(a)
a &= 6
print(a)
a |= 9
print(a)
a ^= 3
print(a)
a <<= 4
print(a)
a >>= 2
print(a)
f = 2.5
f **= 2
print(f)
f //= 2
print(f)
f %= 2.5
print(f)
f /= 4
print(f)
t = True
t &= False
print(t)
t |= True
print(t)
t ^= True
print(t)

# in a def
def step(x, k):
    x **= 2
    x += k
    x //= 3
    x <<= 1
    x ^= 1
    return x

print(step(5, 1), step(7, 2))

def popcount(v):
    c = 0
    while v:
        c += v & 1
        v >>= 1
    return c

print(popcount(13), popcount(1023), popcount(0))

# on attributes
class Acc:
    def __init__(self, w):
        self.w = w
        self.mask = 0

    def update(self, bit):
        self.w **= 2
        self.mask |= 1 << bit
        self.w %= 1000

acc = Acc(3)
acc.update(0)
acc.update(3)
print(acc.w, acc.mask)
acc.mask &= ~1
acc.w //= 7
print(acc.w, acc.mask)

# on list and dict items
xs = [1, 2, 3]
xs[0] **= 3
xs[1] <<= 4
xs[2] ^= 7
xs[-1] |= 8
print(xs)
d = {'a': 10, 'b': 3}
d['a'] >>= 1
d['b'] **= 2
d['a'] &= 6
print(d)

# NumPy arrays in place: the dtype is kept (UFuncTypeError where it cannot be)
w = np.array([1, 2, 3])
w **= 2
print(w, w.dtype)
w //= 2
print(w)
w %= 3
print(w)
v = np.array([1.0, 2.0, 4.0])
v **= 0.5
print(v)
v **= 2
print(v)
g = np.arange(6).reshape(2, 3)
g[0] **= 2
g[1, :] <<= 1
g[:, 2] &= 5
print(g)
e = np.array([0.5, 1.5])
e[e > 1] **= 2
print(e)
h = np.arange(3)
try:
    h /= 2
except TypeError as err:
    print("TypeError")
print(h)
