#!/usr/bin/env python3
"""A network's loss and gradients at `digits 30` (issue 18's tensor row): every
printed element must show 30 digits, proven, and be the reference rounded to
30 digits.  The proofs under test: a tensor's ball around MPFR's numbers
(ops/btmid.c: products, sums, + and relu), and a grad tensor's ball from its
last product (proof/tball.c: W1 and W2 feed one product each, X the first
product's left side); a W2 that feeds two ops (a weight penalty) goes the
old way (built as nodes, Arb), and is checked too.

The network: X (3×4) @ W1 (4×5, times sqrt(1/2): no ball of it is a point)
+ b1, relu, @ W2 (5×3) + b2, cross-entropy at the labels y.  The reference is
mpmath at 400 bits, the gradients by the matrix forms derived by hand
(δ2 = (softmax(z2) - onehot)/3, ∂W2 = a1ᵀδ2, δ1 = δ2·W2ᵀ ⊙ (z1 > 0),
∂W1 = Xᵀδ1, ∂X = δ1·W1ᵀ): it shares nothing with xi's sweep.
Usage: tests/proof/tensor.py XI.  The last line is "N values, N wrong"."""
import re
import subprocess
import sys
from decimal import Decimal, ROUND_HALF_EVEN, getcontext

from mpmath import mp, mpf, exp, log, sqrt

mp.prec = 400
getcontext().prec = 200
DIGITS = 30

X = [["0.5", "-1.25", "2", "0.75"], ["1.5", "0.25", "-0.5", "-2"], ["-0.75", "1", "0.125", "1.5"]]
W1 = [["0.3", "-0.2", "0.5", "0.1", "-0.4"], ["0.7", "0.25", "-0.6", "0.2", "0.15"],
      ["-0.35", "0.45", "0.05", "-0.3", "0.6"], ["0.2", "-0.55", "0.4", "0.65", "-0.1"]]
B1 = ["0.1", "-0.1", "0.05", "0", "0.2"]
W2 = [["0.4", "-0.3", "0.2"], ["0.1", "0.5", "-0.45"], ["-0.25", "0.35", "0.3"],
      ["0.6", "-0.15", "0.05"], ["-0.2", "0.3", "0.55"]]
B2 = ["0.01", "-0.02", "0.03"]
Y = [2, 0, 1]


def text(m):
    if isinstance(m[0], list):
        return "[" + ", ".join(text(r) for r in m) + "]"
    return "[" + ", ".join(m) + "]"


def num(m):
    return [[mpf(x) for x in r] for r in m] if isinstance(m[0], list) else [mpf(x) for x in m]


def matmul(a, b):
    return [[sum(a[i][t] * b[t][j] for t in range(len(b))) for j in range(len(b[0]))]
            for i in range(len(a))]


def tr(a):
    return [list(r) for r in zip(*a)]


def reference():
    x, w1, b1, w2, b2 = num(X), num(W1), num(B1), num(W2), num(B2)
    s = sqrt(mpf(2) / 4)
    w1 = [[v * s for v in r] for r in w1]
    z1 = [[v + b1[j] for j, v in enumerate(r)] for r in matmul(x, w1)]
    a1 = [[v if v > 0 else mpf(0) for v in r] for r in z1]
    z2 = [[v + b2[j] for j, v in enumerate(r)] for r in matmul(a1, w2)]
    n = len(z2)
    loss, d2 = mpf(0), []
    for i, r in enumerate(z2):
        lse = log(sum(exp(v) for v in r))
        loss += lse - r[Y[i]]
        d2.append([(exp(v - lse) - (1 if j == Y[i] else 0)) / n for j, v in enumerate(r)])
    loss /= n
    g2 = matmul(tr(a1), d2)
    d1 = [[v if z1[i][j] > 0 else mpf(0) for j, v in enumerate(r)]
          for i, r in enumerate(matmul(d2, tr(w2)))]
    g1 = matmul(tr(x), d1)
    gx = matmul(d1, tr(w1))
    # a weight penalty: W2 feeds two ops, L2 = L + 0.01·Σ W2²
    g2p = [[v + mpf("0.02") * w for v, w in zip(r, rw)] for r, rw in zip(g2, w2)]
    flat = lambda m: [v for r in m for v in r]
    return [loss] + flat(g1) + [sum(flat(g1))] + flat(g2) + flat(gx) + flat(g2p)


SCRIPT = f"""digits {DIGITS}
X = {text(X)};
W1 = {text(W1)}*sqrt(2/4);
b1 = {text(B1)};
W2 = {text(W2)};
b2 = {text(B2)};
y = [2, 0, 1];
L = cross_entropy(relu(X @ W1 + b1) @ W2 + b2, y);
L
g1 = grad(L, W1);
g1
sum(g1)
g2 = grad(L, W2);
g2
gx = grad(L, X);
gx
L2 = L + 0.01*sum(W2*W2);
grad(L2, W2)
"""


def rounded(v, k):
    d = Decimal(mp.nstr(v, 120, strip_zeros=False))
    if d == 0:
        return d
    return d.quantize(Decimal(1).scaleb(d.adjusted() - k + 1), rounding=ROUND_HALF_EVEN)


def main():
    p = subprocess.run([sys.argv[1], "-"], input=SCRIPT, capture_output=True, text=True,
                       timeout=600)
    if p.returncode != 0 or "(" in p.stdout or "±" in p.stdout:
        print(f"FAIL exit {p.returncode}, or a value not proven to {DIGITS} digits:\n"
              f"{p.stdout[-600:]}{p.stderr[-300:]}")
        return 1
    got = re.findall(r"-?\d+(?:\.\d+)?(?:e[-+]?\d+)?", p.stdout)
    refs = reference()
    if len(got) != len(refs):
        print(f"FAIL {len(got)} numbers printed for {len(refs)}:\n{p.stdout[-600:]}")
        return 1
    wrong = 0
    for k, (t, ref) in enumerate(zip(got, refs)):
        shown = len(t.strip("-").replace(".", "").split("e")[0].lstrip("0"))
        if Decimal(t) != rounded(ref, DIGITS) and not (shown < DIGITS and Decimal(t) == ref):
            wrong += 1
            if wrong <= 10:
                print(f"FAIL value {k}: printed {t}, the reference rounded to {DIGITS} digits "
                      f"is {rounded(ref, DIGITS)}")
    print(f"{len(refs)} values, {wrong} wrong")
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
