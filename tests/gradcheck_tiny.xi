# gradcheck at a w far below 1: the step h is 2^-(p + 32) times |w|, not an
# absolute 2^-(p + 32).  Before, at s = 1e-30 the absolute h = 2^-160 (7e-49)
# moved sqrt's one-sided slopes apart by h·sqrt''(s), about 1.7e-4 of 5e14, and
# gradcheck called a smooth point "a kink, no derivative"; at t = 1e-300 t - h
# was below 0 and nothing was checked (undecided); at u = 1e-50 relu's left
# side reached past 0 and relu, smooth there, was called a kink too.
# Expected, by hand: sqrt'(s) = 1/(2 sqrt(s)) = 5e14 at s = 1e-30, 5e149 at
# t = 1e-300; d sin(1 + t)/dt = cos(1 + 1e-300) = cos 1 = 0.5403023059 (mpmath:
# 0.540302305868139717400936607443); relu'(1e-50) = 1; each to 38 digits, the
# working precision's.
s = 1e-30
gradcheck sqrt(s) wrt s
t = 1e-300
gradcheck sqrt(t) wrt t
gradcheck sin(1 + t) wrt t
u = 1e-50
gradcheck relu(u) wrt u
# a kink and a jump at 0 are still found: relu's slopes 0 and 1, sign's 1/h
x = 0
gradcheck relu(x) wrt x
gradcheck sign(x) wrt x
# elements of many sizes in one table: m^3 + |m|, by hand 3m² + sign(m):
# 1 (+3e-60), 1.75, -1 (+3e-400), and at 0 a kink between -1 and 1
m = [1e-30, 0.5, -1e-200, 0]
gradcheck sum(m^3 + abs(m)) wrt m
# L's values large beside its change over h: 1e200 + w at 640 bits rounded
# w ± h away, the difference was 0, and the sweep's right 1 was said to fail
# ("the sweep's rule itself disagrees"); the difference's precision now rises
# with the largest value L goes through.  By hand: d(1e200 + w)/dw = 1,
# d(1e1000 + Σv²)/dv = 2v = [3, 4]; a wrong "given" still fails
w = 1.5
gradcheck 1e200 + w wrt w
v = [1.5, 2]
gradcheck 1e1000 + sum(v^2) wrt v
gradcheck 1e1000 + sum(v^2) wrt v = v
# past what 8192 more bits resolve, or |w| so small that w ± h rounds even
# there: not checked, and said so (both were "fails" before, blaming the rule)
gradcheck 1e100000 + sum(v^2) wrt v
q = 1e-1000000
gradcheck q^2 wrt q
