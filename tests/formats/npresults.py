"""NumPy's results of the ops and matrix products, and the tables written
from them (part of gen.py, which says what the tables are)."""

import math
import os
import sys
from fractions import Fraction
import numpy as np

from fmtcommon import BINARY, OPS, UNARY, hexf, seeded
from inputs import inputs


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
