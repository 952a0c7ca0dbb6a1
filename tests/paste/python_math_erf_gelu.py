# GELU by hand with math.erf, as a student writes it beside its tanh
# approximation, and its derivative checked against a central difference;
# math.erfc for a tail probability.  Expected: what /usr/bin/python3 (3.11)
# prints for this file.
import math
import numpy as np


def gelu(x):
    return 0.5 * x * (1 + math.erf(x / math.sqrt(2)))


def gelu_tanh(x):
    return 0.5 * x * (1 + math.tanh(math.sqrt(2 / math.pi) * (x + 0.044715 * x ** 3)))


def d_gelu(x):
    cdf = 0.5 * (1 + math.erf(x / math.sqrt(2)))
    pdf = math.exp(-0.5 * x * x) / math.sqrt(2 * math.pi)
    return cdf + x * pdf


for x in [-3.0, -1.5, -0.5, 0.0, 0.25, 1.0, 2.0]:
    h = 1e-6
    num = (gelu(x + h) - gelu(x - h)) / (2 * h)
    print(f"x={x:5.2f} gelu={gelu(x):.10f} approx={gelu_tanh(x):.10f} "
          f"d={d_gelu(x):.8f} num={num:.8f}")

print(gelu(1.0), d_gelu(-0.5))
# the probability that a standard normal exceeds 3, and 1 - erf's cancellation
z = 3.0
print(0.5 * math.erfc(z / math.sqrt(2)), 0.5 * (1 - math.erf(z / math.sqrt(2))))
print(math.erfc(6.0), 1 - math.erf(6.0))
from math import erf, erfc
xs = np.linspace(-2, 2, 5)
print([round(erf(float(v)), 6) for v in xs])
print(erf(-0.0), erfc(0.0), erf(10.0), erfc(-10.0), erfc(40.0))
