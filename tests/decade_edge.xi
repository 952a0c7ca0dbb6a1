# Values that are a power of ten exactly, held by a ball of small radius:
# every digit asked for is proven.  By hand: t - t is 0 in MPFR and its ball
# is 0 ± 2r, r <= 2^-129 (t = tanh(0.5) rounded to nearest at 128 bits), so
# t - t + 1 lies within 2^-128 of 1 and every number in it rounds to
# 1.00000000000000000000000000000 at 30 digits (likewise 10, 100, 0.1: the
# ball is far narrower than half a unit of the 30th digit).  Before, the
# ball's ends were taken to the midpoint's bits and 64 more (65 bits for 1):
# 1.000000000000000000 (19 digits known) was printed.
digits 30
t = tanh(0.5)
y = t - t + 1
z = t - t + 10
v = t - t + 100
w = t - t + 0.1
check y == 1
# A gradient whose row is exactly x = [1, 2] (relu' is 1 where W@x - 0.5 is
# 1.2, and d sum/dh is 1), beside a row whose relu' is unknown: the first
# element of W@x - 0.5 is 0.1 + 0.4 - 0.5, 0 in MPFR, a ball about 0.
W = [[0.1, 0.2], [0.3, 0.7]]
x = [1, 2]
L = sum(relu(W @ x - 0.5))
grad(L, W)
