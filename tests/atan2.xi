# args: --keep-going
# atan2, atan, asin and acos: values, derivatives, the trace, the cut of atan2
# and domain errors.  Expected values from mpmath at 30 digits:
# atan2(0.3, -0.4) = 2.49809154479650885165983415456, d/dy = x/(x² + y²) = -1.6,
# d/dx = -y/(x² + y²) = -1.2 there; atan(2) = 1.10714871779409050301706546018,
# asin(0.5) = 0.523598775598298873077107230547, acos(0.5) = 1.04719755119659774615421446109;
# at 0.3: asin' = 1.04828483672191829577211163299 = -acos', atan' = 1/1.09 =
# 0.917431192660550458715596330275, atan'' = -2t/(1 + t²)² = -0.505007995959936032320511741436;
# atan2(-1, -1) = -2.35619449019234492884698253746.
digits 25
y = 0.3
x = -0.4
atan2(y, x)
grad(atan2(y, x), y)
grad(atan2(y, x), x)
atan(2)
asin(0.5)
acos(0.5)
grad(asin(y), y)
grad(acos(y), y)
grad(atan(y), y)
grad(grad(atan(y), y), y)
atan2(-1, -1)
# the cut: atan2(0, x) is π for x < 0, 0 for x > 0; the real numbers have one zero
atan2(0, -1)
atan2(0, 2)
check atan2(1, 1) == pi/4
check 2*atan(1) == asin(1)
check acos(0) == pi/2
digits 10
L = atan2(y, x)^2
trace L
atan2([1, -1, 0], [[1], [-2]])
# domain errors, and derivatives that do not exist
asin(1.5)
acos(-2)
one = 1
grad(asin(one), one)
o = 0
grad(atan2(o, o), o)
