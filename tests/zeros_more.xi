# args: --keep-going
# Exact zeros and tiny balls about 0 in the printers tests/zeros.xi does not
# reach: tuples, Python's print and f-strings (the computed number, and the
# note saying what is proven), compare's exact column, step (a script shows
# every step), tangents, check against claims and against an expression.
# No printer writes a bare ?.  By hand: 0.1 + 0.2 - 0.3 is 0 exactly, but
# 0.1, 0.2 and 0.3 are made as balls of width 2^-128 or so, so the sum is a
# ball about 0 (|a| <= 2.6e-39 at 128 bits); x - 3 at x = 3 is exactly 0.
a = 0.1 + 0.2 - 0.3
x = 3
t = (a, x - 3)
t
print(t)
print(a)
print(f"{a} {a:.3f}")
M = [[a, 0], [1, a]]
print(M)
np.array([a, 0.0])
L = (x - 3)^2 + a*x
step L
tangents L wrt x
compare L
check M == [[0, 0], [1, 0]]
check a == x - 3
check [a, x - 3] == [0, 0]
