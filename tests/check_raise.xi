# args: --keep-going
# check E == NUMBER raises the balls' precision while undecided, as
# check A == B does (issue 18): at prec 53 a ball for 1/3 is 15 digits wide,
# so a claim of 20 digits or more could not be decided there; the balls are
# made again at 106, 212, ... bits until it is.  A "not" is proven, and so is
# what the value rounds to at the claim's last digit.
# Values: 1/3 by hand; sin(1/3) = 0.32719469679615224417334408526762 and
# exp(1/3) = 1.39561242508608952862812531960 by mpmath at 40 digits.
prec 53
x = 1/3
check x == 0.33333333333333333333
check x == 0.3333333333333333333333333
check sin(x) == 0.32719469679615224417334408527
check exp(x) == 1.3956124250860895286281253196
check [x, sin(x)] == [0.33333333333333333333, 0.32719469679615224417334409]
# wrong, proven: the last digit, a truncation, a sign, a factor 2
check x == 0.33333333333333333334
check sin(x) == 0.32719469679615224417334408
check sin(x) == -0.32719469679615224417334409
check exp(x) == 2.7912248501721790572562506392
check [x, sin(x)] == [0.33333333333333333334, 0.32719469679615224417334409]
# 0.1 + 0.2 at 53 bits: the number held is 0.30000000000000004 (a double's
# sum), the exact value 3/10; at 17 digits 3/10 rounds to 0.30000000000000000,
# which is said proven (at 53 bits the ball's midpoint rounded there to
# 0.29999999999999993)
check 0.1 + 0.2 == 0.30000000000000005
check 0.1 + 0.2 == 0.30000000000000004
