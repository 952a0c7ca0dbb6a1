"""The formats the tables are made in (Fmt: NumPy's dtype, its bits and
its exact values), the ops, and the exact tie test (part of gen.py, which
says what the tables are)."""

import math
import operator
import random
import zlib
from fractions import Fraction
import numpy as np


FORMATS = [
    ("binary16", np.float16, np.uint16),
    ("binary32", np.float32, np.uint32),
    ("binary64", np.float64, np.uint64),
]

BINARY = {"add": (np.add, operator.add), "sub": (np.subtract, operator.sub),
          "mul": (np.multiply, operator.mul), "div": (np.true_divide, operator.truediv)}
UNARY = {"sqrt": np.sqrt, "exp": np.exp, "log": np.log, "tanh": np.tanh}
OPS = ["add", "sub", "mul", "div", "sqrt", "exp", "log", "tanh"]


def hexf(x):
    """x (a Python float) as C99 %a would print it, normalised: 0x1.<hex>p<exp>."""
    x = float(x)
    if math.isnan(x):
        return "nan"
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    sign = "-" if math.copysign(1.0, x) < 0 else ""
    if x == 0:
        return sign + "0x0p+0"
    m, e = math.frexp(abs(x))          # abs(x) = m * 2**e, 0.5 <= m < 1
    frac = int((2 * m - 1) * (1 << 52))  # exact: 2m has at most 53 bits
    h = ("%013x" % frac).rstrip("0")
    return "%s0x1%s%sp%+d" % (sign, "." if h else "", h, e - 1)


class Fmt:
    """One IEEE 754 binary format, its values held exactly in Python floats."""

    def __init__(self, name, dtype, utype):
        fi = np.finfo(dtype)
        self.name, self.dt, self.ut = name, dtype, utype
        self.p = fi.nmant + 1             # precision in bits, hidden bit included
        self.emin = fi.minexp             # IEEE emin: smallest normal is 2**emin
        self.emax = fi.maxexp - 1         # IEEE emax: largest finite < 2**(emax+1)
        self.minsub = math.ldexp(1.0, self.emin - self.p + 1)
        self.minnorm = math.ldexp(1.0, self.emin)
        self.maxsub = self.minnorm - self.minsub
        self.max = math.ldexp(2.0 - math.ldexp(1.0, 1 - self.p), self.emax)
        self.bits = np.dtype(utype).itemsize * 8
        assert self.max == float(fi.max) and self.minnorm == float(fi.tiny)

    def rnd(self, x):
        """x rounded to the format (NumPy's conversion, round to nearest even)."""
        with np.errstate(all="ignore"):
            return float(self.dt(x))

    def ok(self, x):
        return math.isnan(x) or self.rnd(x) == x

    def ulp(self, x):
        x = abs(x)
        if x < self.minnorm:
            return self.minsub
        return math.ldexp(1.0, math.frexp(x)[1] - self.p)

    def value(self, r, elo, ehi, sign=None):
        """A random value with exponent in [elo, ehi] and a random significand."""
        e = r.randint(elo, ehi)
        mant = (1 << (self.p - 1)) | r.getrandbits(self.p - 1)
        x = self.rnd(math.ldexp(mant, e - self.p + 1))
        s = r.getrandbits(1) if sign is None else sign
        return -x if s else x

    def bitsvalue(self, r):
        """A random finite value, uniform over bit patterns (so over exponents)."""
        while True:
            u = np.array([r.getrandbits(self.bits)], dtype=self.ut)
            x = float(u.view(self.dt)[0])
            if math.isfinite(x):
                return x

    def specials(self):
        u1 = self.ulp(1.0)
        return [0.0, -0.0, self.minsub, -self.minsub, self.maxsub, -self.maxsub,
                self.minnorm, -self.minnorm, self.max, -self.max, 1.0, -1.0,
                1.0 + u1, 1.0 - u1 / 2, 2.0, 0.5, math.inf, -math.inf, math.nan]


def is_tie(q, f):
    """Is the exact rational q halfway between two neighbours in format f?"""
    if q == 0:
        return False
    a = abs(q)
    if a < Fraction(f.minnorm):
        u = Fraction(f.minsub)
    else:
        e = a.numerator.bit_length() - a.denominator.bit_length()
        if Fraction(2) ** e > a:
            e -= 1
        u = Fraction(2) ** (e - f.p + 1)
    t = a / u
    return t.denominator == 2


def seeded(fmt, what):
    return random.Random(zlib.crc32(("%s:%s" % (fmt.name, what)).encode()))
