# args: --keep-going
# erf and erfc: values, derivatives (first, second, and through GELU), the
# trace, and binary64.  Expected values from mpmath at 30 digits:
# erf(0.5) = 0.520499877813046537682746653892, erfc(0.5) = 0.479500122186953462317253346108,
# d/dx erf = 2·exp(-x²)/√π = 0.878782578935444794093723954825 at 0.5, and the second
# derivative -4x·exp(-x²)/√π = -0.878782578935444794093723954825 there;
# erf(-2) = -0.995322265018952734162069256367, erfc(-2) = 1.99532226501895273416206925637,
# erfc(10) = 2.08848758376254475700078629496e-45 (no cancellation: 1 - erf(10) would be 0
# at 128 bits only past 2^-128);
# gelu(1.5) = 1.39978919809671290099325893853, gelu'(1.5) = 1.12746919222997952541665529595.
digits 25
x = 0.5
erf(x)
erfc(x)
grad(erf(x), x)
grad(erfc(x), x)
grad(grad(erf(x), x), x)
erf(-2)
erfc(-2)
erfc(10)
gelu(t) = 0.5*t*(1 + erf(t/sqrt(2)))
gelu(1.5)
grad(gelu(x), x)
u = 1.5
grad(gelu(u), u)
# erf of a ball about 0 (0.1 + 0.2 - 0.3 is about 6e-17 at 53 bits' rounding, a
# ball of width ~2^-128 here): proven digits only
erf(0.1 + 0.2 - 0.3)
check erf(x) + erfc(x) == 1
digits 10
y = erf(x)*erfc(x)
trace y
erf([0.5, -1])
# in binary64 erf is C's erf of the double, as CPython's math.erf: glibc's erf at
# -0.2007181195300758 is -0.22348101563451703 and its erfc at 3.4014242594136466
# 1.5067353390512085e-06, where the correctly rounded values are -0.22348101563451706
# and 1.5067353390512083e-06 (mpmath); MPFR's in another format, and at 53 bits
digits 17
format binary64
erf(-0.2007181195300758)
erfc(3.4014242594136466)
format mpfr
prec 53
erf(-0.2007181195300758)
erfc(3.4014242594136466)
