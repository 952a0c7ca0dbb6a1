"""The inputs of each op's rows, per format: random values over the whole
exponent range, the edge values, ties, overflow and underflow (part of
gen.py, which says what the tables are)."""

import math
from fractions import Fraction
import numpy as np

from fmtcommon import is_tie, seeded


# ---- inputs, per op --------------------------------------------------------

def inputs_addsub(f, r, op):
    sp = f.specials()
    pairs = []
    core = [0.0, -0.0, f.minsub, -f.minsub, f.maxsub, f.minnorm, -f.minnorm,
            f.max, -f.max, 1.0, math.inf, -math.inf, math.nan]
    for a in core:
        for b in core:
            if r.random() < 0.35 or (math.isinf(a) and math.isinf(b)):
                pairs.append((a, b))
    sgn = 1.0 if op == "add" else -1.0
    # overflow: max + half an ulp of max is the overflow threshold (a tie: to inf)
    hu = f.ulp(f.max) / 2
    pairs += [(f.max, sgn * f.max), (f.max, sgn * hu), (-f.max, -sgn * hu),
              (f.max, sgn * f.rnd(hu * (1 - 2.0 ** -f.p))), (f.max, sgn * (hu / 2)),
              (f.max, sgn * f.ulp(f.max)), (f.max - f.ulp(f.max), sgn * hu)]
    # cancellation into the subnormals, and exact zeros
    pairs += [(f.minnorm, -sgn * f.maxsub), (f.minnorm, -sgn * f.minnorm),
              (-f.minnorm, sgn * f.minsub), (f.maxsub, sgn * f.minsub),
              (1.0, -sgn * 1.0), (-1.0, sgn * 1.0), (-0.0, -sgn * 0.0)]
    # 1 +- ulp, 1 + half ulp (ties)
    u1 = f.ulp(1.0)
    pairs += [(1.0, sgn * u1), (1.0, -sgn * u1 / 2), (1.0, sgn * u1 / 2),
              (1.0 + u1, sgn * u1 / 2), (1.0, -sgn * u1 / 4), (1.0, sgn * 3 * u1 / 2)]
    # ties: b is chosen so that the exact a + b is halfway between two values
    ties = 0
    while ties < 30:
        e = r.randint(f.emin - 2, f.emax - 1)
        a = f.value(r, e, e)
        b0 = f.value(r, e - r.randint(0, f.p + 1), e)
        s = Fraction(a) + Fraction(b0)
        if s == 0:
            continue
        u = Fraction(f.ulp(float(s)))
        mid = (s / u).__floor__() * u + u / 2
        b = mid - Fraction(a)
        if float(b) != b or not f.ok(float(b)) or not math.isfinite(float(b)):
            continue
        b = float(b)
        if is_tie(Fraction(a) + Fraction(b), f):
            pairs.append((a, sgn * b))
            ties += 1
    # random: near exponents (cancellation, carries), then anything
    for _ in range(60):
        e = r.randint(f.emin - 3, f.emax)
        pairs.append((f.value(r, e, e), f.value(r, max(e - f.p - 2, f.emin - f.p), e)))
    for _ in range(50):
        pairs.append((f.bitsvalue(r), f.bitsvalue(r)))
    return pairs


def inputs_mul(f, r):
    pairs = []
    core = [0.0, -0.0, f.minsub, -f.minsub, f.maxsub, f.minnorm, f.max, -f.max,
            1.0, -1.0, 0.5, 2.0, math.inf, -math.inf, math.nan]
    for a in core:
        for b in core:
            if r.random() < 0.25 or (a == 0 and math.isinf(b)):
                pairs.append((a, b))
    u1 = f.ulp(1.0)
    pairs += [(f.max, 1.0 + u1), (f.max, 2.0), (f.max, 1.0 - u1 / 2), (f.max, -f.max),
              (f.minsub, 0.5), (-f.minsub, 0.5), (3 * f.minsub, 0.5), (5 * f.minsub, 0.5),
              (f.minsub, 0.75), (f.minsub, 0.25 + u1 / 4 if f.ok(0.25 + u1 / 4) else 0.25),
              (f.minsub, f.minsub), (f.minnorm, 1.0 - u1 / 2), (f.minnorm, 0.5 + u1 / 2),
              (f.maxsub, 1.0 + u1), (f.minnorm, f.minnorm), (1.0 + u1, 1.0 - u1 / 2),
              (1.0 + u1, 1.0 + u1)]
    # products on the overflow threshold (max + half an ulp): a tie that rounds to inf
    # exact ties: n = 2M+1 with p+1 bits, n = (n/d) * d with d a small odd number
    ties = 0
    while ties < 30:
        n = (1 << f.p) | r.getrandbits(f.p) | 1
        ds = [d for d in (3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23, 25, 27) if n % d == 0]
        if not ds:
            continue
        d = r.choice(ds)
        ea = r.randint(f.emin - f.p // 2, f.emax - f.p // 2)
        eb = r.randint(f.emin - 5, f.emax - 5) if r.random() < 0.3 else r.randint(-4, 4)
        a = f.rnd(math.ldexp(n // d, ea - (n // d).bit_length()))
        b = f.rnd(math.ldexp(d, eb))
        if not (f.ok(a) and f.ok(b) and a != 0 and b != 0 and math.isfinite(a) and math.isfinite(b)):
            continue
        if is_tie(Fraction(a) * Fraction(b), f):
            pairs.append((-a if r.getrandbits(1) else a, b))
            ties += 1
    # underflow ties: odd multiples of the smallest subnormal times 1/2
    for _ in range(8):
        k = 2 * r.randint(0, (1 << (f.p - 2)) - 1) + 1
        pairs.append((k * f.minsub, 0.5 if r.getrandbits(1) else -0.5))
    # random: products near the top and bottom of the range, and anything
    for _ in range(50):
        ea = r.randint(f.emin - f.p, f.emax)
        lo = max(f.emin - f.p + 1 - ea - 2, f.emin - f.p + 1)
        hi = min(f.emax - ea + 2, f.emax)
        pairs.append((f.value(r, ea, ea), f.value(r, lo, hi) if lo <= hi else f.bitsvalue(r)))
    for _ in range(40):
        pairs.append((f.value(r, -8, 8), f.value(r, -8, 8)))
    for _ in range(30):
        pairs.append((f.bitsvalue(r), f.bitsvalue(r)))
    return pairs


def inputs_div(f, r):
    pairs = []
    core = [0.0, -0.0, f.minsub, -f.minsub, f.maxsub, f.minnorm, f.max, -f.max,
            1.0, -1.0, 3.0, 0.5, math.inf, -math.inf, math.nan]
    for a in core:
        for b in core:
            if r.random() < 0.25 or b == 0 and a in (1.0, 0.0):
                pairs.append((a, b))
    u1 = f.ulp(1.0)
    pairs += [(1.0, 3.0), (2.0, 3.0), (1.0, f.max), (-1.0, f.max), (f.max, 0.5),
              (f.max, 1.0 - u1 / 2), (f.minsub, 2.0), (3 * f.minsub, 2.0), (5 * f.minsub, -2.0),
              (f.minsub, 3.0), (f.minsub, 1.5), (f.minnorm, 1.0 + u1), (f.minnorm, 2.0 - u1),
              (1.0, 1.0 + u1), (1.0 - u1 / 2, 1.0 + u1), (f.max, f.minsub), (f.minsub, f.max)]
    # underflow ties: odd multiples of the smallest subnormal divided by a power of two
    for _ in range(12):
        k = 2 * r.randint(0, (1 << (f.p - 2)) - 1) + 1
        j = r.randint(0, 3)
        a = f.rnd(k * f.minsub * 2.0 ** j)
        pairs.append((a, (-1.0 if r.getrandbits(1) else 1.0) * 2.0 ** (j + 1)))
    for _ in range(50):
        ea = r.randint(f.emin - f.p, f.emax)
        pairs.append((f.value(r, ea, ea), f.value(r, f.emin - f.p + 1, f.emax)))
    for _ in range(60):
        pairs.append((f.value(r, -8, 8), f.value(r, -8, 8)))
    for _ in range(30):
        pairs.append((f.bitsvalue(r), f.bitsvalue(r)))
    return pairs


def inputs_sqrt(f, r):
    u1 = f.ulp(1.0)
    xs = f.specials() + [-f.minsub, -2.0, 4.0, 9.0, 3.0, 1.0 + 2 * u1, 4.0 * (1.0 - u1 / 2)]
    xs += [f.rnd(float(k * k)) for k in range(2, 12)]
    for _ in range(25):   # exact squares of random values with few bits
        m = r.getrandbits(f.p // 2) | 1
        xs.append(f.rnd(math.ldexp(m * m, 2 * r.randint(f.emin // 2, f.emax // 2 - f.p))))
    for _ in range(25):
        xs.append(f.value(r, f.emin - f.p + 1, f.emin - 1, sign=0))    # subnormals
    for _ in range(80):
        xs.append(abs(f.bitsvalue(r)))
    for _ in range(40):
        xs.append(f.value(r, -6, 6, sign=0))
    for _ in range(10):
        xs.append(-abs(f.bitsvalue(r)))
    return [(x, None) for x in xs]


def around(f, x, k):
    """x rounded to f and its k neighbours on each side."""
    x = f.rnd(x)
    out = [x]
    up, dn = x, x
    for _ in range(k):
        up = float(np.nextafter(f.dt(up), f.dt(math.inf)))
        dn = float(np.nextafter(f.dt(dn), f.dt(-math.inf)))
        out += [up, dn]
    return out


def inputs_exp(f, r):
    xs = [0.0, -0.0, 1.0, -1.0, 2.0, 0.5, f.minsub, -f.minsub, f.minnorm, f.ulp(1.0),
          -f.ulp(1.0) / 2, f.max, -f.max, math.inf, -math.inf, math.nan]
    big = math.log(f.max)                    # exp overflows above this
    small = math.log(f.minsub)               # and gives 0 below about small - log 2
    xs += around(f, big, 3) + around(f, math.log(f.minnorm), 2)
    xs += around(f, small, 2) + around(f, small - math.log(2), 3)
    lo, hi = small * 1.05, big * 1.05
    for _ in range(110):
        xs.append(f.rnd(r.uniform(lo, hi)))
    for _ in range(40):
        xs.append(f.rnd(r.uniform(-2.0, 2.0)))
    for _ in range(25):                      # small magnitudes: exp(x) near 1
        xs.append(f.value(r, -f.p - 4, -1))
    return [(x, None) for x in xs]


def inputs_log(f, r):
    u1 = f.ulp(1.0)
    xs = f.specials() + [-f.minsub, 1.0 + 2 * u1, 1.0 - u1, f.rnd(math.e), 10.0, 3.0]
    for _ in range(100):
        xs.append(abs(f.bitsvalue(r)))
    for _ in range(40):
        xs.append(f.rnd(r.uniform(0.5, 2.0)))
    for _ in range(20):
        xs.append(f.value(r, f.emin - f.p + 1, f.emin - 1, sign=0))
    for _ in range(20):
        xs.append(f.rnd(1.0 + (1.0 if r.getrandbits(1) else -0.5) * r.randint(1, 64) * u1))
    for _ in range(6):
        xs.append(-abs(f.bitsvalue(r)))
    return [(x, None) for x in xs]


def inputs_tanh(f, r):
    u1 = f.ulp(1.0)
    xs = [0.0, -0.0, f.minsub, -f.minsub, f.maxsub, f.minnorm, -f.minnorm, 1.0, -1.0,
          0.5, 2.0, 20.0, -20.0, f.max, -f.max, math.inf, -math.inf, math.nan]
    sat = 0.5 * math.log(8 / u1)            # atanh(1 - u1/4): tanh rounds to 1 above it
    xs += around(f, sat, 2) + around(f, -sat, 1)
    xs += around(f, math.sqrt(3 * u1), 2)      # where tanh(x) stops rounding to x
    for _ in range(100):
        xs.append(f.rnd(r.uniform(-5.0, 5.0)))
    for _ in range(40):
        xs.append(f.value(r, -f.p - 3, 0))
    for _ in range(20):
        xs.append(f.value(r, f.emin - f.p + 1, f.emin - f.p // 2))
    for _ in range(20):
        xs.append(f.rnd(r.uniform(-30.0, 30.0)))
    return [(x, None) for x in xs]


# Inputs where NumPy 1.24's exp and log (their AVX512F code, on the machine
# that made the tables) are 2 or 3 ulp from the correctly rounded result: the
# worst found by "gen.py --survey 250000" (see README.md).  On a machine where
# NumPy takes other code they may be within 1 ulp.
HARD = {
    ("binary32", "exp"): ["-0x1.f5aec4p+5", "0x1.182318p+5", "0x1.4305acp+3"],
    ("binary32", "log"): ["0x1.07a64p+0", "0x1.922c0ap-1", "0x1.9694e4p-1", "0x1.76f6fcp+0"],
    ("binary64", "exp"): ["-0x1.b6c3ce3a2674cp+8"],
    ("binary64", "log"): ["0x1.0d76cb6160d2cp+0", "0x1.054d47bbe38dcp+0"],
}


def inputs(f, op):
    return _inputs(f, op) + [(float.fromhex(h), None) for h in HARD.get((f.name, op), [])]


def _inputs(f, op):
    r = seeded(f, op)
    if op in ("add", "sub"):
        return inputs_addsub(f, r, op)
    return {"mul": inputs_mul, "div": inputs_div, "sqrt": inputs_sqrt, "exp": inputs_exp,
            "log": inputs_log, "tanh": inputs_tanh}[op](f, r)
