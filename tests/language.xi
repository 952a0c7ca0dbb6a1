# The language: numbers, operators, names, leaves and nodes, functions.
# Every check's number is derived by hand, or, where the comment says mpmath,
# computed with Python's mpmath at 60 digits (independent of MPFR).
digits 20

# numbers and operators
.5 + 1e-30 * 1e30
2^3^2                      # right-associative: 2^9
2**3
-2^2                       # -(2^2)
2^-1
7 - 2 - 1                  # left-associative
12 / 3 / 2
2 · 3 × 4 − 1 ÷ 2          # the seeds' symbols: 24 - 0.5
1 + \
  2                        # a backslash continues the line
check pi == 3.141592653589793238462643383279503   # mpmath (128 bits hold about 38 digits)
check e == 2.718281828459045235360287471352662    # mpmath
check sqrt(2) == 1.41421356237309504880168872420969808 # mpmath
check tanh(0.5) == 0.462117157260009758502318483643672549 # mpmath
check pow(2, 0.5) == 1.41421356237309504880168872420969808
check σ(0) == 0.5
check relu(-2) + relu(3) + abs(-4) == 7

# values are fixed when computed; op= on a leaf is an update step (tests/values.xi
# has every rule)
x = 3
y = x*x
x = 4
y                          # 9: y was computed from the x of then
x -= 1; x; y               # 3, and y is still 9
x *= 2; x /= 3; x += 0.5; x  # 3·2/3 + 0.5 = 2.5
# computed values rebind, as in Python
a = 2; c = a*3; c += c; c  # 12
grad(c, a)                 # d(6a)/da = 6
c = c + 1                  # 13, and the old c still holds 12 inside it
grad(c, a)                 # still 6
b = a                      # b names a's value ...
b = 5                      # ... and now another
a                          # 2: a is untouched
bb = a + 1; a = 10; bb     # 3: bb was computed from the a of then
x = 3

# fan-out: adjoints add up over every path
x = 3; grad(x*x*x, x)      # 3x^2 = 27
grad(x*x + x, x)           # 2x + 1 = 7

# functions expand into the graph
f(t) = t^2 + 1
f(3)
grad(f(x), x)              # 2x = 6
g(u, v) = f(u) * v + scale # a function may use a global, looked up when called
scale = 100
g(2, 3)                    # 5*3 + 100 = 115
grad(g(x, x), x)           # d/dx (x^3 + x + 100) = 3x^2 + 1 = 28

# names: letters, digits, _, and UTF-8 letters
η = 0.1; ξ1 = 2*η; ξ1
ŷ = 0.25; δ₂ = ŷ - 1; δ₂
learning_rate2 = 1e-3; learning_rate2 * 1000

# superscripts are powers; comparisons give 1 or 0
x² + x³                    # 9 + 27 = 36
(x > 2) + (x >= 3) + (x < 3) + (x <= 2) + (x == 3) + (x != 3)   # 1 + 1 + 0 + 0 + 1 + 0
grad(x * (x > 2), x)       # the comparison's derivative is 0: d(x·1)/dx = 1
# a literal is kept, and read again at a new precision
prec 53
w = 0.1
check w == 0.1000000000000000055511151231257827021181583404541015625  # mpmath: the double nearest 0.1
prec 256
check w == 0.1000000000000000000000000000000000000000000000000000000000000000000000
check 0.1 + 0.2 == 0.3
prec 53
check 0.1 + 0.2 == 0.30000000000000004    # as in every double-precision language
prec 128
third = 1/3                # a leaf from a constant expression: also read again
prec 200
check third == 0.333333333333333333333333333333333333333333333333333333333333
prec 128

# del forgets a name; values computed from it keep it
k = 5; m = k + 1; del k; m
digits 10
vars
