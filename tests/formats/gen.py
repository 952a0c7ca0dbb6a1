#!/usr/bin/python3
"""Write the format tables tests/formats/FORMAT.tsv and FORMAT-matmul.tsv.

Run with Debian's Python and NumPy (/usr/bin/python3, package python3-numpy):

    /usr/bin/python3 tests/formats/gen.py [OUTDIR]
    /usr/bin/python3 tests/formats/gen.py --survey N OUTDIR   (see survey())

OUTDIR defaults to the directory of this script.  The inputs are deterministic
(Python's random.Random with fixed seeds, whose streams do not change between
Python versions); the results are whatever NumPy computes on this machine, in
the dtype itself: float16, float32 or float64 arrays in, the same dtype out
(asserted), warnings suppressed.

FORMAT.tsv rows:         op <TAB> a <TAB> b <TAB> result   (b empty for unary ops)
FORMAT-matmul.tsv rows:  m <TAB> k <TAB> n <TAB> A <TAB> B <TAB> C
    with A (m x k), B (k x n) and C = A @ B (m x n) row-major, elements
    separated by one space.
Every number is the exact value in that format as a C99 hexadecimal float
(0x1.8p+1, -0x1p-24, 0x0p+0, -0x0p+0, inf, -inf, nan).  Lines starting with
'#' are comments; the first says which format and which NumPy made the table.
"""

import math
import operator
import os
import random
import sys
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


# ---- NumPy -----------------------------------------------------------------

def same(x, y):
    """Bit for bit, except that any NaN equals any NaN."""
    if math.isnan(x) or math.isnan(y):
        return math.isnan(x) and math.isnan(y)
    return x == y and math.copysign(1.0, x) == math.copysign(1.0, y)


def numpy_op(f, op, pairs):
    """NumPy's results in dtype f.dt, by the ufunc on whole arrays; each is also
    recomputed on a NumPy scalar of that dtype, and a difference is noted in
    MISMATCH."""
    a = np.array([p[0] for p in pairs], dtype=f.dt)
    assert all(same(float(x), p[0]) for x, p in zip(a, pairs)), "input not exact"
    with np.errstate(all="ignore"):
        if op in BINARY:
            b = np.array([p[1] for p in pairs], dtype=f.dt)
            assert all(same(float(x), p[1]) for x, p in zip(b, pairs)), "input not exact"
            res = BINARY[op][0](a, b)
            scal = [BINARY[op][1](x, y) for x, y in zip(a, b)]
        else:
            res = UNARY[op](a)
            scal = [UNARY[op](x) for x in a]
    assert res.dtype == f.dt, (op, res.dtype)
    assert all(np.asarray(s).dtype == f.dt for s in scal), op
    out = [float(x) for x in res]
    for i, s in enumerate(scal):
        if not same(float(s), out[i]):
            MISMATCH.append("%s %s(%s%s): array %s, scalar %s" % (
                f.name, op, hexf(pairs[i][0]), "" if pairs[i][1] is None else ", " + hexf(pairs[i][1]),
                hexf(out[i]), hexf(float(s))))
    return out


# (format, op, input) where NumPy's ufunc gives one result on a whole array and
# another on a scalar of the same dtype (its SIMD code for contiguous arrays
# and libm for single values can differ by an ulp); the tables hold the
# array's result.
MISMATCH = []


def dedup(pairs):
    seen, out = set(), []
    for a, b in pairs:
        key = (hexf(a), None if b is None else hexf(b))
        if key not in seen:
            seen.add(key)
            out.append((a, b))
    return out


def write_ops(f, outdir):
    path = os.path.join(outdir, f.name + ".tsv")
    lines = ["# format %s; results by NumPy %s (%s arrays, ufuncs np.add np.subtract "
             "np.multiply np.true_divide np.sqrt np.exp np.log np.tanh); written by gen.py"
             % (f.name, np.__version__, np.dtype(f.dt).name),
             "# op\ta\tb\tresult"]
    for op in OPS:
        pairs = dedup(inputs(f, op))
        for a, b in pairs:
            assert f.ok(a) and (b is None or f.ok(b)), (f.name, op, a, b)
        res = numpy_op(f, op, pairs)
        for (a, b), c in zip(pairs, res):
            assert f.ok(c)
            lines.append("%s\t%s\t%s\t%s" % (op, hexf(a), "" if b is None else hexf(b), hexf(c)))
    with open(path, "w") as fh:
        fh.write("\n".join(lines) + "\n")
    return path, len(lines) - 2


# ---- matrix products -------------------------------------------------------

def matmul_all_layouts(A, B):
    """A @ B, checked to be the same bits whatever the memory layout of A and B
    (C order, Fortran order, transposed views), which reach different BLAS
    calls (gemm with and without transposes, gemv, dot)."""
    with np.errstate(all="ignore"):
        C = A @ B
        variants = [np.asfortranarray(A) @ B, A @ np.asfortranarray(B),
                    np.asfortranarray(A) @ np.asfortranarray(B),
                    np.ascontiguousarray(A.T).T @ np.ascontiguousarray(B.T).T]
    assert C.dtype == A.dtype
    for V in variants:
        assert V.dtype == C.dtype
        for x, y in zip(C.ravel(), V.ravel()):
            if not same(float(x), float(y)):
                sys.exit("gen.py: A @ B depends on the memory layout:\n%r\n%r\n%r" % (A, B, C))
    return C


def mat(f, rows, cols, gen):
    return np.array([[gen() for _ in range(cols)] for _ in range(rows)], dtype=f.dt)


def matmul_cases(f):
    r = seeded(f, "matmul")
    cases = []
    # every shape, 1..4 each way: NumPy takes different paths (dot for 1xk.kx1,
    # its own loop when k == 1, gemv for a vector, gemm otherwise)
    for m in range(1, 5):
        for k in range(1, 5):
            for n in range(1, 5):
                cases.append(("moderate", mat(f, m, k, lambda: f.value(r, -3, 3)),
                              mat(f, k, n, lambda: f.value(r, -3, 3))))
    # cancellation-heavy: entries of similar size, mixed signs, longer sums
    for _ in range(24):
        m, k, n = r.randint(1, 4), r.randint(2, 4), r.randint(1, 4)
        cases.append(("cancel", mat(f, m, k, lambda: f.value(r, 0, 1)),
                      mat(f, k, n, lambda: f.value(r, 0, 1))))
    # wide exponents: products that underflow or overflow in the format
    for _ in range(12):
        m, k, n = r.randint(1, 4), r.randint(2, 4), r.randint(1, 4)
        e = f.emax // 2 + 1
        cases.append(("wide", mat(f, m, k, lambda: f.value(r, -e - f.p // 2, e)),
                      mat(f, k, n, lambda: f.value(r, -e - f.p // 2, e))))
    # special cases
    big = f.rnd(f.max * 0.9)
    tiny = f.minsub * 3
    specials = [
        # only -0 products: IEEE's sum of -0 and -0 is -0, a sum started at +0 is +0
        ([[-1.0, 1.0]], [[0.0], [-0.0]]),
        ([[-1.0, 1.0], [2.0, -0.0]], [[0.0, -0.0], [-0.0, 1.0]]),
        ([[-1.0]], [[0.0]]),
        ([[-1.0], [2.0]], [[0.0, 1.0]]),
        # an intermediate sum that overflows the format, the result does not
        ([[big, big]], [[2.0], [-2.0]]),
        ([[big, big, -big]], [[2.0], [-2.0], [1.0]]),
        ([[big, big], [1.0, 1.0]], [[2.0, 1.0], [-2.0, 1.0]]),
        # overflow for good, and inf - inf
        ([[f.max, f.max]], [[1.0], [1.0]]),
        ([[f.max, f.max, -f.max]], [[1.0], [1.0], [1.0]]),
        # products that underflow in the format but not in a wider accumulator
        ([[tiny, tiny]], [[0.25], [0.25]]),
        ([[f.minsub, f.minsub, f.minsub, f.minsub]], [[0.25], [0.25], [0.25], [0.25]]),
        ([[f.minnorm, f.minnorm]], [[f.ulp(1.0)], [f.ulp(1.0) * 3]]),
        # 1 + ulp/2 + ulp/2: a tie broken differently by each order of summation
        ([[1.0, 1.0, 1.0]], [[f.ulp(1.0) / 2], [1.0], [f.ulp(1.0) / 2]]),
        ([[1.0, 1.0, 1.0]], [[1.0], [f.ulp(1.0) / 2], [f.ulp(1.0) / 2]]),
        ([[1.0 + f.ulp(1.0), 1.0 - f.ulp(1.0) / 2]], [[1.0 + f.ulp(1.0)], [-(1.0 + f.ulp(1.0))]]),
        # inf * 0 is NaN on every path (dot, gemv both ways, gemm): no BLAS skips a zero
        ([[math.inf, 1.0]], [[0.0], [1.0]]),
        ([[math.inf, 1.0]], [[0.0, 1.0], [1.0, 1.0]]),
        ([[math.inf, 1.0], [1.0, 1.0]], [[0.0], [1.0]]),
        ([[math.inf, 1.0], [1.0, math.nan]], [[0.0, 1.0], [1.0, -math.inf]]),
    ]
    for A, B in specials:
        cases.append(("special", np.array(A, dtype=f.dt), np.array(B, dtype=f.dt)))
    # binary16 in a binary32 accumulator: 1 + 2^-11 + 2^-40 is above the tie at
    # 1 + 2^-11, but in binary32 the 2^-40 is lost and the tie goes to even
    u1 = f.ulp(1.0)
    if f.name == "binary16":
        t = 2.0 ** -20
        cases.append(("special", np.array([[1.0, u1 / 2, t]], dtype=f.dt),
                      np.array([[1.0], [1.0], [t]], dtype=f.dt)))
        cases.append(("special", np.array([[t, 1.0, u1 / 2]], dtype=f.dt),
                      np.array([[t], [1.0], [1.0]], dtype=f.dt)))
        cases.append(("special", np.array([[1.0, u1 / 2], [t, -1.0]], dtype=f.dt),
                      np.array([[1.0, -u1 / 2], [1.0, 1.0]], dtype=f.dt)))
        # the same at random: x + (half an ulp of x) + (a product far below x)
        want = 10
        while want:
            x = f.value(r, -4, 4)
            h = math.copysign(f.ulp(x) / 2, x if r.getrandbits(1) else -x)
            e = math.frexp(x)[1] - 24 - r.randint(1, 8)         # below binary32's ulp of x
            ta = f.value(r, e // 2, e // 2)
            tb = f.value(r, e - e // 2, e - e // 2)
            terms = [(x, 1.0), (h * 4, 0.25), (ta, tb)]
            r.shuffle(terms)
            A = np.array([[a for a, _ in terms]], dtype=f.dt)
            B = np.array([[b] for _, b in terms], dtype=f.dt)
            c = candidate_dots(f, A[0], B[:, 0])
            if c["acc32"] != c["acc64"]:
                cases.append(("acc32", A, B))
                want -= 1
    # cases that tell the candidate orders of rounding apart: kept when three
    # of the candidate answers (exact, in order, in reverse, binary32 and
    # binary64 accumulators) disagree
    want = 16
    tries = 0
    while want and tries < 200000:
        tries += 1
        k = r.randint(2, 4)
        A = mat(f, 1, k, lambda: f.value(r, -2, 2))
        B = mat(f, k, 1, lambda: f.value(r, -2, 2))
        if len(set(candidate_dots(f, A[0], B[:, 0]).values())) >= 3:
            cases.append(("discriminating", A, B))
            want -= 1
    return cases


def candidate_dots(f, a, b):
    """A few ways of rounding a dot product, in Python (for choosing test cases
    only: Python's float sums are themselves rounded; the checker does all this
    properly with MPFR)."""
    a = [float(x) for x in a]
    b = [float(x) for x in b]
    ex = sum(Fraction(x) * Fraction(y) for x, y in zip(a, b))
    out = {"exact": f.rnd(float(ex)) if f.name != "binary64" else float(ex)}
    for name, order in (("seq", list(zip(a, b))), ("rev", list(zip(a, b))[::-1])):
        s = 0.0
        for x, y in order:
            s = f.rnd(s + f.rnd(x * y))
        out[name] = s
    for name, dt in (("acc32", np.float32), ("acc64", np.float64)):
        s = dt(0)
        for x, y in zip(a, b):
            s = dt(s + dt(x) * dt(y))
        out[name] = f.rnd(float(s))
    return out


def write_matmul(f, outdir):
    path = os.path.join(outdir, f.name + "-matmul.tsv")
    lines = ["# format %s; C = A @ B by NumPy %s (%s arrays); written by gen.py"
             % (f.name, np.__version__, np.dtype(f.dt).name),
             "# m\tk\tn\tA (row-major)\tB (row-major)\tC = A @ B (row-major)"]
    for kind, A, B in matmul_cases(f):
        C = matmul_all_layouts(A, B)
        (m, k), n = A.shape, B.shape[1]
        row = [str(m), str(k), str(n)]
        for M in (A, B, C):
            row.append(" ".join(hexf(float(x)) for x in M.ravel()))
        lines.append("\t".join(row))
    with open(path, "w") as fh:
        fh.write("\n".join(lines) + "\n")
    return path, len(lines) - 2


def survey(n, outdir):
    """Large tables, not kept, for the checker (check -v FILE): exp, log and
    tanh on random inputs (n per op and format, plus n/4 of small magnitude),
    to measure how far NumPy is from the correctly rounded result; + - * /
    sqrt on random inputs; and bfloat16 by way of float32."""
    os.makedirs(outdir, exist_ok=True)
    for name, dt, ut in FORMATS:
        f = Fmt(name, dt, ut)
        r = seeded(f, "survey")
        lines = ["# format %s; exp, log, tanh by NumPy %s on random inputs (gen.py --survey)"
                 % (f.name, np.__version__)]
        for op in ("exp", "log", "tanh"):
            if op == "exp":
                lo, hi = math.log(f.minsub) * 1.05, math.log(f.max) * 1.05
                xs = [f.rnd(r.uniform(lo, hi)) for _ in range(n)]
                xs += [f.value(r, -f.p - 4, 3) for _ in range(n // 4)]
            elif op == "log":
                xs = [abs(f.bitsvalue(r)) for _ in range(n)]
                xs += [f.rnd(r.uniform(0.5, 2.0)) for _ in range(n // 4)]
            else:
                xs = [f.rnd(r.uniform(-10.0, 10.0)) for _ in range(n)]
                xs += [f.value(r, -f.p - 4, 2) for _ in range(n // 4)]
            res = numpy_op(f, op, [(x, None) for x in xs])
            lines += ["%s\t%s\t\t%s" % (op, hexf(x), hexf(y)) for x, y in zip(xs, res)]
        path = os.path.join(outdir, "survey-%s.tsv" % f.name)
        with open(path, "w") as fh:
            fh.write("\n".join(lines) + "\n")
        print("gen.py: %s: %d rows" % (path, len(lines) - 1))
    survey_exact(n, outdir)
    survey_bf16(n, outdir)


def survey_exact(n, outdir):
    """Large tables of + - * / sqrt on random bit patterns (n pairs per op and
    format), not kept: NumPy must be bit for bit the correctly rounded result."""
    for name, dt, ut in FORMATS:
        f = Fmt(name, dt, ut)
        r = seeded(f, "survey-exact")
        lines = ["# format %s; + - * / sqrt by NumPy %s on random bit patterns (gen.py --survey)"
                 % (f.name, np.__version__)]
        for op in ("add", "sub", "mul", "div", "sqrt"):
            if op == "sqrt":
                pairs = [(f.bitsvalue(r), None) for _ in range(n)]
            else:   # half the pairs with exponents close enough to interact
                pairs = [(f.bitsvalue(r), f.bitsvalue(r)) for _ in range(n // 2)]
                for _ in range(n - n // 2):
                    e = r.randint(f.emin - f.p, f.emax)
                    pairs.append((f.value(r, e, e), f.value(r, max(e - f.p - 2, f.emin - f.p + 1),
                                                            min(e + 2, f.emax))))
            res = numpy_op(f, op, pairs)
            lines += ["%s\t%s\t%s\t%s" % (op, hexf(a), "" if b is None else hexf(b), hexf(c))
                      for (a, b), c in zip(pairs, res)]
        path = os.path.join(outdir, "survey-exact-%s.tsv" % f.name)
        with open(path, "w") as fh:
            fh.write("\n".join(lines) + "\n")
        print("gen.py: %s: %d rows" % (path, len(lines) - 1))


def bf16_round(x):
    """float32 array -> the nearest bfloat16 values (ties to even, subnormals
    kept, overflow to inf), as float32: the upper 16 bits of binary32."""
    u = x.view(np.uint32).astype(np.uint64)
    u = ((u + 0x7FFF + ((u >> 16) & 1)) >> 16) << 16
    y = u.astype(np.uint32).view(np.float32)
    return np.where(np.isnan(x), np.float32(np.nan), y)


def survey_bf16(n, outdir):
    """bfloat16 as NumPy can do it: bfloat16 inputs (float32 values whose low 16
    bits are 0), the op in float32, the result rounded to bfloat16 by
    bf16_round.  For + - * / sqrt this must be the correctly rounded bfloat16
    result (float32 has 24 >= 2*8 + 2 bits and the same exponent range);
    check --format bfloat16 says whether it is.  Not kept."""
    r = random.Random(zlib.crc32(b"bfloat16:survey"))

    def bf(bits16):
        return float(np.array([bits16 << 16], dtype=np.uint32).view(np.float32)[0])

    def rand_bf16():
        while True:
            b = r.getrandbits(16)
            if r.random() < 0.3:        # exponent field 0..3: subnormal results
                b = (b & 0x807F) | (r.randint(0, 3) << 7)
            elif r.random() < 0.3:      # near the top: overflow
                b = (b & 0x807F) | (r.randint(0xFB, 0xFE) << 7)
            x = bf(b)
            if math.isfinite(x):
                return x

    lines = ["# format bfloat16; float32 ops by NumPy %s rounded to bfloat16 (gen.py --survey)"
             % np.__version__]
    ops = {"add": np.add, "sub": np.subtract, "mul": np.multiply, "div": np.true_divide,
           "sqrt": np.sqrt, "exp": np.exp, "log": np.log, "tanh": np.tanh}
    for op, fn in ops.items():
        if op in ("sqrt", "log"):
            a = np.array([abs(rand_bf16()) for _ in range(n)], dtype=np.float32)
        elif op in ("exp", "tanh"):
            a = np.array([bf(int(np.array([r.uniform(-90.0, 90.0)], dtype=np.float32)
                                 .view(np.uint32)[0]) >> 16) for _ in range(n)], dtype=np.float32)
        else:
            a = np.array([rand_bf16() for _ in range(n)], dtype=np.float32)
        b = np.array([rand_bf16() for _ in range(n)], dtype=np.float32)
        with np.errstate(all="ignore"):
            c = bf16_round(fn(a, b) if op in BINARY else fn(a))
        for x, y, z in zip(a, b, c):
            lines.append("%s\t%s\t%s\t%s" % (op, hexf(float(x)),
                                                "" if op not in BINARY else hexf(float(y)),
                                                hexf(float(z))))
    path = os.path.join(outdir, "survey-bfloat16.tsv")
    with open(path, "w") as fh:
        fh.write("\n".join(lines) + "\n")
    print("gen.py: %s: %d rows" % (path, len(lines) - 1))


def report_mismatch(limit):
    if MISMATCH:
        print("gen.py: %d inputs where NumPy's array and scalar results differ (the array's is used):"
              % len(MISMATCH))
        for m in MISMATCH[:limit]:
            print("  " + m)


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "--survey":
        survey(int(sys.argv[2]), sys.argv[3])
        report_mismatch(20)
        return
    if len(sys.argv) > 2 or (len(sys.argv) == 2 and sys.argv[1].startswith("-")):
        sys.exit("usage: gen.py [OUTDIR] | gen.py --survey N OUTDIR")
    outdir = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    for name, dt, ut in FORMATS:
        f = Fmt(name, dt, ut)
        for path, n in (write_ops(f, outdir), write_matmul(f, outdir)):
            print("gen.py: %s: %d rows" % (path, n))
    report_mismatch(len(MISMATCH))


if __name__ == "__main__":
    main()
