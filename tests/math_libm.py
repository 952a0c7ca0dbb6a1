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
