#!/usr/bin/python3 -I
"""Regenerate tests/pyfmt/cases.tsv: what Python 3.11 and NumPy 1.24 print.

    /usr/bin/python3 tests/pyfmt/gen.py            rewrite cases.tsv
    /usr/bin/python3 tests/pyfmt/gen.py --check    exit 1 if it would change

tests/pyfmt.c reads the table (make test needs no Python): it builds each
value with MPFR at 53 and at 200 bits, calls xiW_py_str, xiW_py_format or
xiW_py_tuple, and compares.  Every value here is exactly a float64 (or a whole
number that is), so at either precision xi must print what Python printed.
Cases that are xi's own (values beyond float64, 200-bit values that are not
doubles) are in tests/pyfmt/own.tsv, written by hand.

Columns, tab-separated:
    kind     str | fmt | tuple
    prec     both (53 and 200 bits), or binary16 | binary32: printed at 53 bits
             with xi's format set to it (NumPy's float16 and float32)
    dtype    float | int | bool
    shape    "" (a scalar), N (a vector), RxC (a matrix)
    values   comma-separated: repr() for floats (C reads them with strtod: the
             float64 exactly), decimal for ints, 0/1 for bools; X*N is N
             copies of X
    spec     the format spec (fmt), escaped as below
    expected the text, or "!" and Python's last traceback line
             (ExceptionName: message) when Python raises
Text is escaped: backslash as \\\\, newline as \\n, tab as \\t.

The script refuses (exit 2) to write a table with another Python or NumPy
than the one that made it (the first line says which); PYFMT_ANY=1 overrides.
"""
import math
from fractions import Fraction
import os
import random
import struct
import sys

import numpy as np

WANT = ("3.11", "1.24")
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "cases.tsv")

rows = []


def esc(s):
    return s.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t")


def val(x, dtype):
    if dtype == "float":
        return repr(float(x))
    if dtype == "bool":
        return "1" if x else "0"
    return str(int(x))


def py(x, dtype):
    if dtype == "float":
        return float(x)
    if dtype == "bool":
        return bool(x)
    return int(x)


def add(kind, dtype, shape, values, spec, expected):
    rows.append("\t".join([kind, "both", dtype, shape, ",".join(values), esc(spec), esc(expected)]))


def scalar_str(x, dtype):
    add("str", dtype, "", [val(x, dtype)], "", str(py(x, dtype)))


def scalar_fmt(x, dtype, spec):
    if spec.endswith("%") and dtype == "float" and math.isfinite(x) and Fraction(x) * 100 != Fraction(x * 100):
        return  # Python multiplies by 100 in float64, xi exactly: not compared
    try:
        out = format(py(x, dtype), spec)
    except (ValueError, TypeError, OverflowError) as e:
        out = "!%s: %s" % (type(e).__name__, e)
    add("fmt", dtype, "", [val(x, dtype)], spec, out)


def array(a, specs=("",)):
    a = np.asarray(a)
    dtype = {"f": "float", "i": "int", "b": "bool"}[a.dtype.kind]
    shape = "%d" % a.shape[0] if a.ndim == 1 else "%dx%d" % a.shape
    values = runs([val(x, dtype) for x in a.ravel().tolist()])
    add("str", dtype, shape, values, "", str(a))
    for spec in specs:
        if not spec or a.size > 50:
            continue
        try:
            out = format(a, spec)
        except (ValueError, TypeError) as e:
            out = "!%s: %s" % (type(e).__name__, e)
        add("fmt", dtype, shape, values, spec, out)


def runs(values):
    out = []
    for v in values:
        if out and out[-1][0] == v:
            out[-1][1] += 1
        else:
            out.append([v, 1])
    return [v if k == 1 else "%s*%d" % (v, k) for v, k in out]


def hidden_zero(a):
    """a summarized array with the elements NumPy does not show set to 0 (what
    it prints depends on the shown ones alone), so that the table is short"""
    a = a.copy()
    keep = np.zeros(a.shape, dtype=bool)
    idx = [list(range(3)) + list(range(n - 3, n)) if n > 6 else list(range(n)) for n in a.shape]
    keep[np.ix_(*idx)] = True
    a[~keep] = 0
    return a


def from_bits(u):
    return struct.unpack("<d", struct.pack("<Q", u))[0]


def main():
    check = "--check" in sys.argv[1:]
    made = "Python %d.%d.%d, NumPy %s" % (sys.version_info[:3] + (np.__version__,))
    here = ("%d.%d" % sys.version_info[:2], ".".join(np.__version__.split(".")[:2]))
    if here != WANT and not os.environ.get("PYFMT_ANY"):
        print("gen.py: made with Python %s and NumPy %s; this is %s (PYFMT_ANY=1 to go on)"
              % (WANT + (made,)), file=sys.stderr)
        sys.exit(2)
    rnd = random.Random(20240611)

    # ---- repr of floats ----
    edge = [0.1, 1 / 3, 2 / 3, 1e16, 1e15, 9999999999999998.0, 1e-5, 1e-4, 0.001, 5e-324, -0.0, 0.0,
            123456789.0, 0.30000000000000004, 1.0, -1.5, 100.0, 1e22, 1e23, 2.0 ** 53, 2.0 ** 53 + 2,
            2.0 ** 63, 2.0 ** -1022, 2.0 ** -1022 - 2.0 ** -1074, sys.float_info.max,
            -sys.float_info.max, sys.float_info.min, 4.9406564584124654e-324 * 3, 1.7e308,
            0.9998766054240137, 0.00012337934976493025, 9.000123402189063, 1e-7, 1.5e-7,
            123.456, 1234567890123456.7, 12345678901234567.0, 0.1 + 0.2, 1e100, 1e-100,
            math.pi, math.e, math.inf, -math.inf, math.nan, 9.5, 0.5, 2.5e-5, 5e-5, 9.999999999999999e-5]
    for x in edge:
        scalar_str(x, "float")
    # every power of two: the interval below is half as wide (the neighbour
    # search in the shortest digits)
    for k in range(-1074, 1024):
        scalar_str(2.0 ** k, "float")
    for _ in range(600):  # random bit patterns over the whole range
        x = from_bits(rnd.getrandbits(64))
        if math.isfinite(x):
            scalar_str(x, "float")
    for _ in range(300):  # short decimals, and their neighbours
        x = round(rnd.uniform(-1000, 1000), rnd.randint(0, 6)) * 10.0 ** rnd.randint(-30, 30)
        scalar_str(x, "float")
        scalar_str(math.nextafter(x, math.inf), "float")
    for x in [0, 7, -3, 42, 2 ** 53, -(2 ** 62), 10 ** 20, 2 ** 100]:
        scalar_str(x, "int")
    scalar_str(True, "bool")
    scalar_str(False, "bool")

    # ---- format specs ----
    fvals = [0.1, 2 / 3, -1.5, 1234567.891, 1e-7, 0.0, -0.0, 123.456, 1e16, 2.5, 0.125, 0.375,
             99.995, 1e300, 5e-324, -0.0004, 9.9999, 0.5, 1.0, 1e-5, 0.9998766054240137,
             math.inf, -math.inf, math.nan, 12345.678, -987654321.0, 7.0]
    fspecs = [".4f", ".1f", ".3f", ".8f", ".0f", "#.0f", ">10", "<10", "^10", "=10", "+.2f", ",", "_",
              ",.2f", "_.3f", ".2%", "%", ".0%", ".3e", ".0e", "#.0e", "E", ".3g", ".10g", "#.3g", "g",
              "G", "#g", ".3", ".1", "#", "0>8", "08.2f", "010.3f", "z", "z.2f", "z.1e", "+", " ",
              "=+12.3f", "F", "n", ".2n", "x<10", "*^11.2e", ".17g", ".20f", ".30e", "+,.1f",
              "-^+15,.3f", "010,.1f", "015_.2f", ".3", ".12", "10.4", "f", "e",
              # errors, as Python raises them
              "d", "x", "c", "s", "b", "3d", ",n", "_n", ".f", "abc", ",_", "_,", ",,", ",,f", ".2fx", "5.2q"]
    for x in fvals:
        for spec in fspecs:
            scalar_fmt(x, "float", spec)
    # '%' multiplies by 100 in float64 in Python but exactly in xi: only
    # values for which the product is exact are compared
    for x in [0.25, 0.125, 3.0, -0.5, 0.015625, 1.0 / 1024]:
        for spec in ["%", ".1%", ".0%", ".2%", "+.3%", "10.1%", "z.0%"]:
            scalar_fmt(x, "float", spec)
    ivals = [0, 7, -7, 42, 1234567, -1234567, 255, 65, 9786, 0x1F600, 2 ** 53, -(2 ** 40), 1000]
    ispecs = ["", "d", "3d", "05d", "+d", " d", ",", "_", ",d", "_d", "b", "o", "x", "X", "#x",
              "#o", "#b", "#X", "_b", "#_x", "08_b", "c", ">8", "<8", "^8", "=8", "0=8", "*>+10,",
              "n", ".2f", "e", ".3e", "%", ".1%", ".3g", "g", "F", "010.2f", "z.1f", "08,d",
              # errors
              ".2", "z", "s", "+c", "#c", ",c", "_n", ",x", ".2d", "abc", "r"]
    for x in ivals:
        for spec in ispecs:
            if spec == "c" and x < 0:
                continue
            scalar_fmt(x, "int", spec)
    for x in [-1, 0x110000]:
        scalar_fmt(x, "int", "c")
    for x in [True, False]:
        for spec in ["", "d", ">6", "<6", ".2f", "x", "s", "+d", "05", "c", "e", "%", "z", "#b", ".1"]:
            scalar_fmt(x, "bool", spec)

    # ---- arrays ----
    A = [
        [[2.0, 1.0, 0.1], [0.5, 0.0, 0.3], [0.0, 3.0, 0.0]],
        [[0.1, -0.2, 0.3], [0.4, 0.0, -0.6], [0.0, 0.8, -0.0]],
        [[0.3833, 0.5746]],
        [[0.65900114, 0.24243297, 0.09856589], [0.48974932, 0.10927784, 0.40097283]],
        [-0.00037018],
        [2.99962982],
        [1.0, 1.0, 1.0],
        [0.001953125, 0.5],   # a tie at the 8th digit: half to even
        [0.0015625, 0.5],
        [1e100, 1.0],
        [1e-5, 1.5],
        [0.0, 1e-5],
        [-0.0, 1e9],
        [-0.0, 0.0],
        [0.0],
        [np.nan, 1.5, -np.inf],
        [np.nan, 1e-9],
        [np.nan, np.inf],
        [-np.inf],
        [np.nan],
        [1e8, 1.0],
        [99999999.0, 1.0],
        [1000.0, 1.0],
        [1001.0, 1.0],
        [0.0001, 0.1],
        [0.0001, 0.1, 0.2],
        [0.00009999, 0.1],
        [1.0000000001, 2.5],
        [0.999999999, 2.5],
        [123456.789012345, 0.5],
        [1e-300, 1e300],
        [5e-324, 1.0],
        [-1.5e-10, 2.0, -3e5],
        [1.23456789e-5, -9.87654321e7],
        [0.3333333333333333, 0.6666666666666666, 1.0],
        [[1e-20, 1.0], [-1.0, 1e20]],
        [[12345678.9, -0.001], [1.0, 2.0]],
        [0.9998766054240137],
        [1.5, 2.5, 3.5, -4.5],
    ]
    for a in A:
        array(np.array(a, dtype=float), specs=("", ".2f", ">10"))
    # mixed magnitudes, random
    for n in [5, 12, 40]:
        a = np.array([rnd.choice([1, -1]) * rnd.random() * 10.0 ** rnd.randint(-3, 3) for _ in range(n)])
        array(a)
        a = np.array([rnd.gauss(0, 1) for _ in range(n)])
        array(a)
        a = np.array([rnd.gauss(0, 1) * 10.0 ** rnd.randint(-12, 12) for _ in range(n)])
        array(a)
    # wide arrays that wrap
    array(np.arange(30, dtype=float) / 7)
    array(np.linspace(-1, 1, 25))
    array(np.array([rnd.gauss(0, 1) for _ in range(60)]).reshape(3, 20))
    array(np.array([rnd.gauss(0, 1) * 1e-6 for _ in range(40)]).reshape(4, 10))
    array(np.array([rnd.gauss(0, 1) for _ in range(21)]).reshape(7, 3))
    array(np.array([[np.nan] * 14, [1.0] * 14]))
    # summarized: over 1000 elements
    array(hidden_zero(np.array([rnd.gauss(0, 1) for _ in range(2000)])))
    array(np.arange(2000, dtype=float))
    array(hidden_zero(np.array([rnd.gauss(0, 1) for _ in range(2000)]).reshape(40, 50)))
    array(hidden_zero(np.array([rnd.gauss(0, 1) for _ in range(2000)]).reshape(2, 1000)))
    array(hidden_zero(np.array([rnd.gauss(0, 1) for _ in range(2000)]).reshape(1000, 2)))
    array(hidden_zero(np.array([rnd.gauss(0, 1) for _ in range(1001)]).reshape(7, 143)))
    array(np.arange(1001, dtype=float))
    array(np.arange(1000, dtype=float))
    array(np.array([rnd.gauss(0, 1) for _ in range(1000)]).reshape(25, 40))
    array(hidden_zero(np.array([rnd.gauss(0, 1) * 1e-7 for _ in range(1200)]).reshape(30, 40)))
    # ints and bools
    for a in [[0, 2, 1], [-1, 20, 3], [7], [[1, 2], [3, 4]], [[-10, 200], [3, -4000]], [0],
              list(range(40)), [[i * j - 50 for j in range(20)] for i in range(3)],
              list(range(-5, 1996)), [[i * 10 + j for j in range(40)] for i in range(30)],
              [2 ** 53, -(2 ** 53)]]:
        array(np.array(a, dtype=np.int64), specs=("", "d"))
    for a in [[True, False], [True, True], [False], [[True, False, True], [False, False, True]],
              [i % 3 == 0 for i in range(30)], [i % 7 == 0 for i in range(1500)]]:
        array(np.array(a, dtype=bool), specs=("", "5"))

    # ---- tuples ----
    for t in [(2, 2), (3,), (), (1, 2, 3), (-1, 0), (100, 784)]:
        rows.append("\t".join(["tuple", "both", "int", "", ",".join(map(str, t)), "", esc(str(t))]))

    # ---- IEEE formats (xi's format binary16 | binary32): NumPy's float16 and
    # float32, whose shortest digits are those that read back in the format,
    # and whose arrays' exponent form shows the value's own digits past them.
    # The prec column names the format; the values are exact float64s.
    frnd = random.Random(20261123)
    for name, t, bits, mant in [("binary16", np.float16, np.uint16, 10),
                                ("binary32", np.float32, np.uint32, 23)]:
        info = np.finfo(t)
        def fadd(kind, shape, values, spec, expected):
            rows.append("\t".join([kind, name, "float", shape, ",".join(values), esc(spec),
                                   esc(expected)]))
        def fscalar(x):
            x = t(x)
            fadd("str", "", [repr(float(x))], "", str(x))
        def farray(a):
            a = np.asarray(a, dtype=t)
            shape = "%d" % a.shape[0] if a.ndim == 1 else "%dx%d" % a.shape
            fadd("str", shape, runs([repr(float(x)) for x in a.ravel().tolist()]), "", str(a))
        for x in [0.1, 1 / 3, 2 / 3, 0.2, 0.3, 1e-5, 1e-4, 1.0, -1.5, 100.0, 1000.0, 1e-3, 0.5,
                  float(info.max), -float(info.max), float(info.tiny), float(info.smallest_subnormal),
                  3 * float(info.smallest_subnormal), float(info.tiny) - float(info.smallest_subnormal),
                  float(info.eps), 1 + float(info.eps), math.pi, math.e, 0.0, -0.0, math.inf,
                  -math.inf, math.nan, 3.8051337131625654e-05, 65504.0, 2048.0, 2049.0, 12345.0]:
            fscalar(x)
        for k in range(-30 if mant == 10 else -150, 16 if mant == 10 else 128):
            fscalar(2.0 ** k)  # powers of two: the number below is twice as close
        for _ in range(400):  # random bit patterns over the whole range
            x = np.array([frnd.getrandbits(16 if mant == 10 else 32)], dtype=bits).view(t)[0]
            if np.isfinite(x):
                fscalar(x)
        for a in [[0.1], [0.1, 1e-5], [0.1, 3.0], [0.1, 1 / 3, 2.0, 1e-5, 65504.0],
                  [[0.5, -0.1], [1e-3, 7.0]], [1e-7, 0.1, -2.5e-3], [0.3, 0.6, 0.9],
                  [1e-4, 0.1, 0.2], [2049.0, 1.0], [np.nan, 0.1, -np.inf], [0.0, 1e-5]]:
            farray(a)
        for n in [5, 12, 40]:
            farray([frnd.gauss(0, 1) for _ in range(n)])
            farray([frnd.gauss(0, 1) * 10.0 ** frnd.randint(-4, 4) for _ in range(n)])
            farray([frnd.choice([1, -1]) * frnd.random() * 10.0 ** frnd.randint(-3, 3)
                    for _ in range(n)])
        farray(np.array([frnd.gauss(0, 1) for _ in range(21)]).reshape(7, 3))

    text = "# made by tests/pyfmt/gen.py with %s\n" % made + "\n".join(rows) + "\n"
    old = open(OUT).read() if os.path.exists(OUT) else ""
    if check:
        sys.exit(0 if old == text else 1)
    if old != text:
        with open(OUT, "w") as f:
            f.write(text)
    print("%s: %d cases (%s)%s" % (os.path.relpath(OUT), len(rows), made, "" if old != text else ", unchanged"))


main()
