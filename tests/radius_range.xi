# Values past the exponents a kept radius holds (proof/store.c keeps a radius
# as a mantissa and a 32-bit exponent; 2^(2^40)'s half ulp is 2^(2^40 - 129)):
# their balls are Arb's, and the digits printed are proven as elsewhere.
# Expected (mpmath at 200 bits): b = 8.057232245e+330985980541,
# 4b = 3.222892898e+330985980542, tanh(4)·4b = 3.220731303e+330985980542,
# 1/b = 1.241120982e-330985980542, (3 - 1/7)/b = 3.546059950e-330985980542,
# to 25 digits 3.546059949919583855405021e-330985980542.
a = 3
b = 2^(2^40)
c = b*a + b
d = tanh(c/b) * c
e = 1/b
f = e*a - e/7
digits 25
f
