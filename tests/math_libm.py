# math.erf, erfc, atan, asin, acos and atan2 are C's functions of doubles in
# CPython (glibc's here), not correctly rounded everywhere: at each argument
# below glibc's double and the correctly rounded one differ in the last digit
# (mpmath at 200 bits), and xi must print Python's, so this file's output is
# exactly what /usr/bin/python3 prints for it (3.11, glibc 2.36), digit for
# digit (tests/paste allows a last digit to differ; a golden test does not).
import math
for x in [-0.1849965784360128, -0.8524223837332396, -0.2007181195300758]:
    print(repr(math.erf(x)))
for x in [2.094024671515233, 3.4758622748427515, 3.4014242594136466]:
    print(repr(math.erfc(x)))
for x in [-0.202948598967847, -0.1726991119842074]:
    print(repr(math.atan(x)))
for x in [-0.035928146595385346, 0.3130408709040515]:
    print(repr(math.asin(x)))
for x in [-0.6684040306783756, 0.9994396436120281]:
    print(repr(math.acos(x)))
for y, x in [(-0.7748691060896808, 2.7495606750904225), (1.9050922534961545, -0.7014509251284027)]:
    print(repr(math.atan2(y, x)))
# exp, log, log1p, expm1, log2, log10, sin, cos, tan, tanh, sinh, cosh and pow, as
# math's functions and as a float's **, are glibc's in CPython too; at each
# argument below glibc's double is not the correctly rounded one (mpmath at 200
# bits), which xi printed before it called the same functions (XI_AUX_LIBM)
print("exp", repr(math.exp(-3.0297877243080578)), repr(math.exp(-2.4735194602400092)))
print("log", repr(math.log(47.22292185101038)), repr(math.log(33.78578559670482)))
print("log1p", repr(math.log1p(5.569513503212877)), repr(math.log1p(2.0574588945262744)))
print("expm1", repr(math.expm1(-0.3680153340022674)), repr(math.expm1(-0.19132058097260618)))
print("log2", repr(math.log2(15.47250249931884)), repr(math.log2(5.144802596753518)))
print("log10", repr(math.log10(76.891539849211)), repr(math.log10(5.09174853913523)))
print("sin", repr(math.sin(2.9343391263524587)), repr(math.sin(-2.8941290320830193)))
print("cos", repr(math.cos(5.981071806862111)), repr(math.cos(4.1496114230153935)))
print("tan", repr(math.tan(-0.14647734595942552)), repr(math.tan(1.3066304614995334)))
print("tanh", repr(math.tanh(1.230884057505425)), repr(math.tanh(0.510145987965891)))
print("sinh", repr(math.sinh(-4.012053084755891)), repr(math.sinh(4.0813854632251285)))
print("cosh", repr(math.cosh(-4.640673638058099)), repr(math.cosh(-3.391233173083367)))
from math import tanh
print(repr(tanh(1.230884057505425)))
for x, y in [(6.303013710704976, -1.8390942387673603), (1.649344538147703, 4.55219356649598),
             (3.181097158880748, 1.5690930832136099)]:
    print(repr(x ** y), repr(math.pow(x, y)))
print(2 ** 10, 2 ** -2, 3 ** 20)
# an int ** a negative int is a float's pow in CPython (glibc's, not correctly
# rounded at these: the review found them, exact values by fractions.Fraction)
print(repr(147 ** -3), repr(150 ** -8), repr(23 ** -21), repr((-147) ** -3))
print(repr(math.e ** 1.7))
