# args: --keep-going
# check E == NUMBER raises the balls' precision while undecided, as
# check A == B does (issue 18), for a claim of no more digits than the
# working precision carries (16 at 53 bits, 39 at 128).  (1 + u) - 1 loses
# the digits of u that 1 + u rounded away: at 53 bits its ball is about
# 2.2e-16 wide, so 3.333333333333333e-11 is decided only at 106 bits.
# Values by hand: t*1e-10 = 3.333...e-11, x*1e-20 = 3.333...e-21 (t = x = 1/3).
prec 53
t = 1/3
check (1 + t*1e-10) - 1 == 3.333333333333333e-11
check [(1 + t*1e-10) - 1, t] == [3.333333333333333e-11, 0.3333333333333333]
# wrong, proven, and what it rounds to proven too: the last digit, a sign, twice
check (1 + t*1e-10) - 1 == 3.333333333333334e-11
check (1 + t*1e-10) - 1 == -3.333333333333333e-11
check (1 + t*1e-10) - 1 == 6.666666666666667e-11
check [(1 + t*1e-10) - 1, t] == [3.333333333333334e-11, 0.3333333333333333]
# a claim of more digits than 53 bits carry is not decided by raising: it is
# about more than the numbers held (the acceptance contract's
# literal-rounded-at-53); a higher prec decides it
x = 0.1
check x == 0.1000000000000000000000000000000
# 0.1 + 0.2 at 53 bits: the number held is 0.30000000000000004 (a double's
# sum); 0.30000000000000005 is proven wrong, and the ball's midpoint rounded
# at its 17th digit (0.29999999999999993, which 3/10 is not) is not said
check 0.1 + 0.2 == 0.30000000000000005
check 0.1 + 0.2 == 0.30000000000000004
prec 128
x = 1/3
check (1 + x*1e-20) - 1 == 3.333333333333333333333333333333333333e-21
check (1 + x*1e-20) - 1 == 3.333333333333333333333333333333333334e-21
check x == 0.33333333333333333333
