# args: --keep-going
# log2, log10, floor and ceil, rows of the op table: values and derivatives
# proven to 30 digits, each against mpmath at 40 digits (mp.dps = 40:
# log(3, 2) + log(3, 10) + floor(4.5) + ceil(1.5) = 8.06208375544081861874876684720293...,
# 1/(3 log 2) + 1/(3 log 10) = 0.625663174264071745003684533306165...);
# floor and ceil on both sides of 0 (by hand); the domain errors of log2 and log10.
digits 30
x = 3
y = log2(x) + log10(x) + floor(x * 1.5) + ceil(x / 2)
grad y wrt x
floor(-2.5)
ceil(-2.5)
floor(7)
ceil(-0.5)
log2(1024)
log10(0.001)
log2(0)
log10(-1)
z = log2(-x)
