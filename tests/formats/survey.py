"""gen.py --survey: large throw-away tables for measuring how far NumPy is
from the correctly rounded result (part of gen.py)."""

import math
import os
import random
import zlib
import numpy as np

from fmtcommon import BINARY, FORMATS, Fmt, hexf, seeded
from npresults import numpy_op


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
