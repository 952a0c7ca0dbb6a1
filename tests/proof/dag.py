#!/usr/bin/env python3
"""The digits asked for are the digits shown, proven (issue 18): `digits 30` at
128 bits on two DAGs, every assignment printed, then a gradient; each printed
number must show 30 digits (no "(k digits known ...)", no bound) and be the
reference rounded to 30 digits; a value that is 0 in truth (n - n: no ball of
it is a point) is printed as its bound, which must be below 1e-30.  The reference is mpmath at 400 bits, each
value carried with its derivative by dual numbers (forward mode), so it shares
nothing with xi's sweep.

  - a DAG as bench/whole.c makes it (each statement from the one before and a
    random earlier one: + - × ÷ exp log tanh), 1500 statements;
  - a DAG where the balls at 128 bits are far wider than the error: n = n + t
    - t with t = tanh(n), 70 times (in truth n stays 0.7, and ∂n/∂n0 is 1; a
    ball's radius triples each step, so at 128 bits 30 digits are not proven:
    xi raises the balls' precision itself before printing fewer).
Usage: tests/proof/dag.py XI.  The last line is "N values, N wrong"."""
import random
import re
import subprocess
import sys
from decimal import Decimal, ROUND_HALF_EVEN, getcontext

from mpmath import mp, mpf, exp, log, tanh

mp.prec = 400
getcontext().prec = 200
DIGITS = 30


class D:
    """a value and its derivative by n0"""

    def __init__(self, v, d):
        self.v, self.d = v, d

    def __add__(self, o):
        return D(self.v + o.v, self.d + o.d)

    def __sub__(self, o):
        return D(self.v - o.v, self.d - o.d)

    def __mul__(self, o):
        return D(self.v * o.v, self.d * o.v + self.v * o.d)

    def __truediv__(self, o):
        return D(self.v / o.v, (self.d * o.v - self.v * o.d) / o.v**2)


def c(x):
    return D(mpf(x), mpf(0))


def dexp(a):
    e = exp(a.v)
    return D(e, e * a.d)


def dlog(a):
    return D(log(a.v), a.d / a.v)


def dtanh(a):
    t = tanh(a.v)
    return D(t, (1 - t * t) * a.d)


def bench_dag(n):
    """statements as bench/whole.c writes them, and their reference values"""
    rnd = random.Random(18)
    lines, val = [], []
    for i in range(16):
        text = f"0.{1 + i % 9}{3 + i % 7}"
        lines.append(f"n{i} = {text}")
        val.append(D(mpf(text), mpf(1 if i == 0 else 0)))
    two = c(2)
    forms = [
        ("n{} = n{} + n{}", lambda a, b: a + b),
        ("n{} = n{} - n{}", lambda a, b: a - b),
        ("n{} = tanh(n{} * n{})", lambda a, b: dtanh(a * b)),
        ("n{} = n{} / (2 + tanh(n{}))", lambda a, b: a / (two + dtanh(b))),
        ("n{} = exp(tanh(n{})) - n{}", lambda a, b: dexp(dtanh(a)) - b),
        ("n{} = log(2 + tanh(n{})) * n{}", lambda a, b: dlog(two + dtanh(a)) * b),
    ]
    for i in range(16, n):
        form, f = forms[rnd.randrange(6)]
        k = rnd.randrange(i)
        lines.append(form.format(i, i - 1, k))
        val.append(f(val[i - 1], val[k]))
    lines.append(f"grad n{n - 1} wrt n0")
    return lines, val, n - 1


def wide_dag(steps):
    lines, val = ["n = 0.7"], [D(mpf("0.7"), mpf(1))]
    lines[0] = "n0 = 0.7"
    lines.append("n = n0")
    val.append(val[0])
    for _ in range(steps):
        lines.append("t = tanh(n)")
        t = dtanh(val[-1])
        val.append(t)
        lines.append("n = n + t - t")
        val.append(val[-2] + t - t)
    lines.append("grad n wrt n0")
    return lines, val, len(val) - 1


def rounded(v, k):
    d = Decimal(mp.nstr(v, 120, strip_zeros=False))
    if d == 0:
        return d
    return d.quantize(Decimal(1).scaleb(d.adjusted() - k + 1), rounding=ROUND_HALF_EVEN)


LINE = re.compile(r"^(\S+) = (\S+)(.*)$")


def judge(label, line, ref):
    m = LINE.match(line)
    if not m:
        return [f"{label}: cannot read {line!r}"]
    text, rest = m.group(2), m.group(3).strip()
    b = re.match(r"^± (\S+) \(bound at \d+ bits\)$", rest)
    if ref == 0 and text == "0" and b:  # n - n: no ball of it is a point, its bound is printed
        return [] if Decimal(b.group(1)) < Decimal("1e-30") else [f"{label}: {line!r}"]
    if rest and "proven at" not in rest:  # "(k digits known ...)", "± ... (bound ...)"
        return [f"{label}: {line!r} does not show {DIGITS} proven digits"]
    got = Decimal(text)
    shown = len(text.strip("-").replace(".", "").split("e")[0].lstrip("0"))
    if got != rounded(ref, DIGITS) and not (shown < DIGITS and got == ref):
        return [f"{label}: printed {text}, but the value rounded to {DIGITS} digits is "
                f"{rounded(ref, DIGITS)}"]
    return []


def check(xi, name, lines, val, last):
    script = f"digits {DIGITS}\n" + "\n".join(lines) + "\n"
    p = subprocess.run([xi, "-"], input=script, capture_output=True, text=True, timeout=600)
    out = p.stdout.splitlines()
    if p.returncode != 0 or len(out) != len(lines):
        return 1, 1, [f"{name}: exit {p.returncode}, {len(out)} lines for {len(lines)}: "
                      f"{p.stderr[-300:]}"]
    refs = [v.v for v in val] + [val[last].d]
    probs = []
    for line, ref, src in zip(out, refs, lines):
        probs += judge(f"{name}: {src}", line, ref)
    return len(out), len(probs), probs


def main():
    xi = sys.argv[1]
    total = wrong = 0
    for name, (lines, val, last) in (("bench DAG", bench_dag(1500)), ("wide DAG", wide_dag(70))):
        n, w, probs = check(xi, name, lines, val, last)
        total += n
        wrong += w
        for p in probs[:10]:
            print("FAIL", p)
    print(f"{total} values, {wrong} wrong")
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
