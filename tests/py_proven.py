# args: --prec 53
# Python's print of pasted code shows only what the balls prove (cmd/pyrun.c):
# the text of a number is printed from the exact value when both ends of its
# ball give the same text; otherwise the computed value is printed, and a line
# after it says what is known.  Run at 53 bits, as float64 would.
import numpy as np
# 0.1 + 0.2: computed at 53 bits it is float64's 0.30000000000000004, printed
# as Python prints it; the ball that holds the exact 3/10 (literals are their
# decimals) is wider than the gap between the two doubles nearest 0.3, so the
# note says what is proven: 0.3000000000
print(0.1 + 0.2)
# (1 - cos x)/x² at x = 1e-8 loses every bit at 53 bits: cos(1e-8) rounds to 1
# (by hand: 1 - x²/2 = 1 - 5e-17 is within half an ulp of 1); printed 0.0,
# then the note: the exact value is 0.49999999999999999583 (mpmath), which
# 53 bits cannot give
x = 1e-8
y = (1 - np.cos(x)) / x**2
print(y)
print(f"{y:.3f}", "and", y)
# a format spec is applied to the exact value: 2/3 to 5 places is 0.66667
print(f"{2/3:.5f}")
# -0.0 keeps its sign (an exact zero: the sign is the computation's)
print(-0.0, np.array([1.0, -0.0]) * 0.5)
# an array: each element's ends agree, so the row is Python's
print(np.array([0.5, 0.25]) * 3)
# print's own form (print "epoch", k, L) shows proven digits as xi does
print "y is", y
