#!/usr/bin/env python3
"""Proven digits (xi prints only the digits a ball proves): cancellation cases
evaluated by xi at several precisions, each printed digit compared with a
1000-bit mpmath reference.

For every case, precision and the value and its derivative (grad(E, x)):
  - the digits xi prints are the reference rounded to that many digits
    (xi prints only what its ball proves, and says how many when fewer than
    asked: "0.49999 (5 digits known at 24 bits)"; a ball that proves no digit
    prints the bound it proves, "0 ± 2.6e-39 (bound at 128 bits)" or
    "-9.2e-10 ± 2.0e-10 (bound ...)", and the reference must lie within it);
  - at 200 bits and more, at least one digit is known (the value is computed
    at enough precision);
  - with `digits 30 exact`, all 30 digits are printed and right.
Usage: tests/proof/cancel.py XI.  The last line is "N cases, N wrong"."""
import re
import subprocess
import sys
from decimal import Decimal, ROUND_HALF_EVEN, getcontext

from mpmath import mp, mpf, cos, exp, log, sqrt, tanh, diff

mp.prec = 1000
getcontext().prec = 400

# (xi expression, mpmath function of x, x as written)
CASES = [
    ("(1 - cos(x))/x^2", lambda x: (1 - cos(x)) / x**2, "1e-8"),
    ("(exp(x) - 1)/x", lambda x: (exp(x) - 1) / x, "1e-10"),
    ("((1 + x) - 1)/x", lambda x: ((1 + x) - 1) / x, "1e-15"),
    ("(x + 1e16) - 1e16", lambda x: (x + mpf(10)**16) - mpf(10)**16, "1.5"),
    ("sqrt(x + 1) - sqrt(x)", lambda x: sqrt(x + 1) - sqrt(x), "1e12"),
    ("log(1 + x)/x", lambda x: log(1 + x) / x, "1e-12"),
    ("tanh(x)/x", lambda x: tanh(x) / x, "1e-9"),
    ("1/(1 + exp(-x)) - 0.5", lambda x: 1 / (1 + exp(-x)) - mpf(1) / 2, "1e-9"),
]
PRECS = [24, 53, 64, 113, 200, 400]
BOUND = re.compile(r"^(\S+) ± (\S+) \(bound at \d+ bits\)$")
LINE = re.compile(r"^(\S+)(?: \((?:(\d+) digits? known|no correct digit|proven)[^)]*\))?$")


def rounded(v, k):
    """v (an mpf) rounded to k significant digits, as a Decimal"""
    d = Decimal(mp.nstr(v, 300, strip_zeros=False))
    if d == 0:
        return d
    q = Decimal(1).scaleb(d.adjusted() - k + 1)
    return d.quantize(q, rounding=ROUND_HALF_EVEN)


def run(xi, script):
    p = subprocess.run([xi, "-"], input=script, capture_output=True, text=True, timeout=120)
    return p.stdout.splitlines(), p.returncode, p.stderr


def judge(label, line, ref, asked, floor):
    """problems with one printed value: wrong digits, or too few known"""
    b = BOUND.match(line.strip())
    if b:
        mid, rad = Decimal(b.group(1)), Decimal(b.group(2))
        if abs(Decimal(mp.nstr(ref, 300, strip_zeros=False)) - mid) > rad:
            return [f"{label}: the bound {line!r} does not hold {ref}"]
        return [f"{label}: no digit known"] if floor and ref != 0 else []
    m = LINE.match(line.strip())
    if not m:
        return [f"{label}: cannot read {line!r}"]
    text, known = m.group(1), m.group(2)
    if text == "?":  # a ball that bounds nothing: none of these should give one
        return [f"{label}: nothing known"]
    k = int(known) if known else asked
    got = Decimal(text)
    # xi writes exact integers whole and drops trailing zeros: compare values
    if got != rounded(ref, k) and got != rounded(ref, len(text.strip("-").replace(".", "").lstrip("0"))):
        return [f"{label}: printed {text}, but {ref} rounded to {k} digits is {rounded(ref, k)}"]
    return []


def main():
    xi = sys.argv[1]
    cases = wrong = 0
    for expr, f, x in CASES:
        xv = mpf(x)
        ref, dref = f(xv), diff(f, xv)
        for prec in PRECS:
            script = f"prec {prec}\ndigits 30\nx = {x};\n{expr}\ngrad({expr}, x)\n"
            out, rc, err = run(xi, script)
            if rc != 0 or len(out) != 2:
                print(f"FAIL {expr} at {prec} bits: exit {rc}: {out} {err}")
                wrong += 1
                continue
            for label, line, r in (("value", out[0], ref), ("derivative", out[1], dref)):
                cases += 1
                probs = judge(f"{expr} ({label}) at {prec} bits", line, r, 30, prec >= 200)
                for p in probs:
                    print("FAIL", p)
                wrong += bool(probs)
        script = f"prec 53\ndigits 30 exact\nx = {x};\n{expr}\ngrad({expr}, x)\n"
        out, rc, err = run(xi, script)
        for label, line, r in zip(("value", "derivative"), out, (ref, dref)):
            cases += 1
            probs = judge(f"{expr} ({label}) with digits 30 exact", line, r, 30, True)
            if "proven at" not in line and "digit" in line and r != 0:
                probs.append(f"{expr} ({label}) with digits 30 exact: {line!r}")
            for p in probs:
                print("FAIL", p)
            wrong += bool(probs)
        if rc != 0 or len(out) != 2:
            print(f"FAIL {expr} with digits 30 exact: exit {rc}: {out} {err}")
            wrong += 1
    print(f"{cases} cases, {wrong} wrong")
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
