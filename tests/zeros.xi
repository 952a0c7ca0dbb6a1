# args: --keep-going
# A value whose ball proves no digit prints as the bound the ball proves
# never a bare "?": "0" when it is exactly 0 (the ball is the
# point 0), "0 ± B" when the ball holds 0, "M ± B" otherwise; the note says
# at what precision.  Each bound below holds the exact value (mpmath).
#
# 0.1 + 0.2 - 0.3: each literal is its decimal, so exactly 0, but 1/10 is no
# binary number and its ball has a radius: 0 ± 2.6e-39 at 128 bits.
0.1 + 0.2 - 0.3
# exactly 0: 0.5 and 0.25 are binary, x is an input held exactly
x = 3
0.5 - 0.25 - 0.25
x - x
# a student's p - y at a perfect prediction: p = σ(100) = 1 - 3.72e-44
# (mpmath: -exp(-100)/(1 + exp(-100)) = -3.720075976020836e-44), which 128
# bits cannot tell from 1: p - y is a ball about 0 that holds -3.72e-44
y = 1
h = 100
p = 1/(1 + exp(-h))
d = p - y
# in a vector and a matrix, beside proven digits
[p - y, 1/4]
[[p - y, 0.5], [1/3, 0.1 + 0.2 - 0.3]]
# grad, trace, vars and check's value print the same bounds
L = (p - y)^2
grad(L, h)
grad L wrt h, y
trace L
vars
check p - y == 0
# at 256 bits the ball separates -3.72e-44 from 0 (by hand: 1 - p needs
# 145 bits): digits are proven again
prec 256
d
# a ball that does not hold 0 but proves no digit: (Y + 100) - Y with
# Y = 1e8 at 24 bits, exactly 100.  By hand: near 1e8 (between 2^26 and
# 2^27) 24-bit numbers are 8 apart, and 100000100 lies halfway between
# 100000096 and 100000104 (ties to even: 96); the ball says 96 ± 8, which
# holds 100 but proves no digit of it
prec 24
Y = 1e8
(Y + 100) - Y
[(Y + 100) - Y, 2]
