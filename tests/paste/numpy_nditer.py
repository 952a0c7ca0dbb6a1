# np.nditer with flags=['multi_index'], a tuple as an index, and Python's random module, each
# once: a vector's, a matrix's and a scalar's indices, order='C' and 'F', it.iternext() in a
# def on the caller's iterator and through a list holding it, x[ix] read, assigned and
# updated (x[ix] += 1), a tuple index inside a def changing the caller's array; random.seed and
# np.random.seed inside a def (seeding at each call), a default of None (y=None);
# random.seed of 0, of a large int and of a negative one, randrange with one, two and
# three arguments (a negative step), randint, and draws spread over 2^40 (bits past 32).
import numpy as np
import random
from random import randrange, randint

v = np.array([3.0, -1.0, 2.5])
it = np.nditer(v, flags=['multi_index'], op_flags=['readwrite'])
while not it.finished:
    print(it.multi_index, v[it.multi_index])
    it.iternext()
print(it.finished)

M = np.arange(6.0).reshape(2, 3)
for order in ['C', 'F']:
    it = np.nditer(M, flags=['multi_index'], order=order)
    seen = []
    while not it.finished:
        seen.append(it.multi_index)
        it.iternext()
    print(order, seen)

it = np.nditer(np.float64(2.5), flags=['multi_index'])
print(it.multi_index, it.finished)
it.iternext()
print(it.finished)

def skip(it, n):
    for _ in range(n):
        it.iternext()

it = np.nditer(M, flags=['multi_index'])
skip(it, 4)
print(it.multi_index)
holders = [it]
holders[0].iternext()
print(it.multi_index, holders[0].multi_index)

ix = (1, 2)
M[ix] = 10.0
M[ix] += 1
M[(0, 0)] -= 5
print(M, M[ix])

def bump(x, ix):
    x[ix] = x[ix] * 2
bump(M, (1, 0))
print(M)

random.seed(0)
print([randrange(m) for m in (2, 3, 7, 100, 2 ** 40)])
print(randrange(5, 15), randrange(20, 3, -4), randrange(-10, 10, 3), randint(1, 6))
random.seed(2 ** 45 + 17)
print(randrange(1000), randint(-5, 5))
random.seed(-42)
print([randrange(10) for _ in range(8)])
random.seed(231)
print(tuple([randrange(m) for m in M.shape]))

def reseed(n):
    random.seed(n)
    np.random.seed(n + 1)
    return randrange(100)

print(reseed(7), np.random.randint(100), randrange(100), reseed(7), np.random.randint(100))

def toy(y=None, reg=0.0):
    if y is None:
        return reg
    return y + reg

print(toy(), toy(2.0), toy(reg=0.5))
