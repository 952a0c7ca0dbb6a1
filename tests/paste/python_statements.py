# The Python statements xi reads, each once (not from a seed): its output is
# what Python 3 prints for this file (tests/paste/regen), and xi must print the
# same.  See tests/paste/README.md.
import numpy as np

# def: a body of assignments ending in return; a docstring; one line; a tuple
def affine(a, b, x):
    """a*x + b, in two steps"""
    ax = a * x
    y = ax + b
    return y

def both(x):
    s = x * x
    return s, s + 1

def square(x): return x ** 2

s, t = both(3)
print(affine(2, 1, 5), affine(0.5, 0.25, 3), square(1.5), s, t)
h, p = both(0.5)
print(h, p, both(2))

# a def may take a built-in's name, as Python lets it
def sigmoid(z):
    return 1 / (1 + np.exp(-z))
print(sigmoid(0.0), sigmoid(2.0))

# for over range: one, two and three numbers, a negative step
for i in range(3):
    print(i, end=" ")
print()
for i in range(2, 5):
    print(i, end=",")
print()
for k in range(10, 0, -3):
    print(k, end=";")
print()

# if / elif / else, nested in a loop; a one-line if
for n in range(5):
    if n % 2 == 0:
        print(n, "even")
    elif n == 3:
        print(n, "three")
    else:
        print(n, "odd")
    if n == 4: print("last")

# print: several values, sep and end, text as Python writes it
print("a", 1, 2.5, True, False, sep="|")
print('single', "double", """triple""", 'it\'s', "tab\there", "nl\\n")
print("""two
lines""")
print("unicode: ∂L/∂w → η", "done")

# f-strings and format specs
x = 3.14159265358979
n = 42
print(f"{x} {x:.4f} {x:.1f} {x:10.3f}| {x:<10.2f}| {x:^10.2f}| {x:+.2f} {-x:.3f}")
print(f"{n} {n:3d} {n:5d}| {n:<5d}| {n:05d} {n:,} {1234567:,} {1234567:_d} {n:x} {n:o}")
print(f"{x:.3e} {x:.3g} {1e-7:g} {123456789.0:g} {0.125:.2%} {x!r} {n=} {x=:.2f}")
print(f"{{braces}} {n + 1} {x * 2:.2f} {square(n)} {affine(1, 2, 3)}")
print(f"{0.1 + 0.2} {1/3} {2/3:.17f} {1e16} {1e-5} {123.0} {-0.0}")

# numbers: ints and floats as Python keeps them apart
print(7 // 2, -7 // 2, 7 % 3, -7 % 3, 7.5 // 2, 7.5 % 2, 2 ** 10, 2 ** -1, 10 / 4)
print(3 > 2, 3 < 2, 3 == 3.0, 3 != 3, not 0, not 1, 1 + True)

# tuples
shape = (2, 3)
one = (5,)
print(shape, one, shape[0], shape[-1], len(shape))
a, b = 1, 2.5
print(a, b)
c, d = b, a
print(c, d)

# lines joined inside brackets, and by a backslash
total = (1 +
         2 +
         3)
other = 4 + \
    5
print(total, other)
pass
