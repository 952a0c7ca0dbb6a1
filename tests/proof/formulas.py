#!/usr/bin/env python3
"""check A == B never calls a true formula false (balls decide, or it says undecided).

60 random expressions E(x, w) (seeded: the same each run) are written for xi
with, for each:
  - check grad(E, x) == D, D its derivative by a differentiator here (the
    chain rule by hand, written out as an expression: no autodiff of xi's);
  - check E == E', E' a rewriting of E that is an identity (a - b as
    -(b - a), sigmoid(a) as 1/(1 + exp(-a)), exp(a + b) as exp(a)*exp(b),
    tanh(a) as (exp(2a) - 1)/(exp(2a) + 1), (a + b)^2 written out, ...).
Every formula is first confirmed with mpmath at 300 bits (D against mpmath's
numerical derivative, E' against E), so each is true; xi must then pass
every check (ok), never "is not", never undecided.  Sigmoids of large
arguments minus 1 (half the expressions are a cross-entropy of σ(5E),
checked against (p - y)·dE, the shortcut backpropagation by hand uses) make
the two sides round differently: the case the old rule (within 8 bits)
failed.
Then the false: every fourth expression's derivative doubled and negated
(where mpmath says it is not 0), which must be proven different ("check
failed", never ok nor undecided); and the formulas a student checks by hand
(logistic regression's (p - y)·x, softmax cross-entropy's softmax(z) - onehot,
tanh' = 1 - tanh², MSE's 2(ŷ - y)/n, X.T @ (P - Y)/n, a tanh layer's
elementwise X.T @ (H·(1 - H²))), each with false forms (a factor 2, a sign,
the 1/n left out), at prec 53, 128 and 2000: true ok, false proven
different.  In binary64 and binary16 (no balls: the numbers held, within 8
bits) a true one must never fail and a false one never pass.
Usage: tests/proof/formulas.py XI.  The last line is "N checks, N wrong"."""
import random
import re
import subprocess
import sys

from mpmath import mp, mpf, diff, exp, log, sin, cos, tanh, sqrt

mp.prec = 300
N = 60

# an expression: ("x",), ("w",), ("c", "1.5"), (op, a[, b])
UNARY = ["exp", "sin", "cos", "tanh", "sigmoid", "logp", "sqrtp", "sq", "neg", "bce1", "bce0"]
BINARY = ["+", "-", "*", "/"]


def gen(r, depth):
    if depth == 0 or r.random() < 0.2:
        k = r.random()
        if k < 0.4:
            return ("x",)
        if k < 0.7:
            return ("w",)
        return ("c", r.choice(["0.5", "1.5", "2", "3", "0.1", "7", "1"]))
    if r.random() < 0.45:
        return (r.choice(UNARY), gen(r, depth - 1))
    return (r.choice(BINARY), gen(r, depth - 1), gen(r, depth - 1))


def xi(e):
    """E as xi reads it"""
    op = e[0]
    if op in ("x", "w"):
        return op
    if op == "c":
        return e[1]
    a = xi(e[1])
    if op == "logp":   # log of something positive
        return f"log(1 + ({a})^2)"
    if op == "sqrtp":
        return f"sqrt(1 + ({a})^2)"
    if op == "sq":
        return f"({a})^2"
    if op == "bce1":   # cross-entropy of p = σ(a) against y = 1, p as written out
        return f"(-log(1/(1 + exp(-({a})))))"
    if op == "bce0":   # against y = 0
        return f"(-log(1 - 1/(1 + exp(-({a})))))"
    if op == "neg":
        return f"(-({a}))"
    if op in UNARY:
        return f"{op}({a})"
    b = xi(e[2])
    if op == "/":      # by something positive
        return f"(({a})/(1 + ({b})^2))"
    return f"(({a}) {op} ({b}))"


def val(e, x, w):
    """E in mpmath"""
    op = e[0]
    if op == "x":
        return x
    if op == "w":
        return w
    if op == "c":
        return mpf(e[1])
    a = val(e[1], x, w)
    f = {"exp": exp, "sin": sin, "cos": cos, "tanh": tanh,
         "sigmoid": lambda t: 1 / (1 + exp(-t)), "logp": lambda t: log(1 + t * t),
         "sqrtp": lambda t: sqrt(1 + t * t), "sq": lambda t: t * t, "neg": lambda t: -t,
         "bce1": lambda t: -log(1 / (1 + exp(-t))), "bce0": lambda t: -log(1 - 1 / (1 + exp(-t)))}
    if op in f:
        return f[op](a)
    b = val(e[2], x, w)
    return {"+": a + b, "-": a - b, "*": a * b, "/": a / (1 + b * b)}[op]


def d(e):
    """dE/dx as an xi expression (the chain rule, by hand)"""
    op = e[0]
    if op == "x":
        return "1"
    if op in ("w", "c"):
        return "0"
    a, da = xi(e[1]), d(e[1])
    if op == "exp":
        return f"(exp({a})*({da}))"
    if op == "sin":
        return f"(cos({a})*({da}))"
    if op == "cos":
        return f"(-sin({a})*({da}))"
    if op == "tanh":
        return f"((1 - tanh({a})^2)*({da}))"
    if op == "sigmoid":
        return f"(sigmoid({a})*(1 - sigmoid({a}))*({da}))"
    if op == "logp":
        return f"(2*({a})*({da})/(1 + ({a})^2))"
    if op == "sqrtp":
        return f"(({a})*({da})/sqrt(1 + ({a})^2))"
    if op == "sq":
        return f"(2*({a})*({da}))"
    if op == "neg":
        return f"(-({da}))"
    if op == "bce1":   # (p - y)·a', the shortcut of backpropagation by hand
        return f"((1/(1 + exp(-({a}))) - 1)*({da}))"
    if op == "bce0":
        return f"((1/(1 + exp(-({a}))) - 0)*({da}))"
    b, db = xi(e[2]), d(e[2])
    if op == "+":
        return f"(({da}) + ({db}))"
    if op == "-":
        return f"(({da}) - ({db}))"
    if op == "*":
        return f"(({da})*({b}) + ({a})*({db}))"
    # a/(1 + b²): quotient rule
    return f"((({da})*(1 + ({b})^2) - ({a})*2*({b})*({db}))/(1 + ({b})^2)^2)"


def rewrite(e, r):
    """an identity applied somewhere in E: the same function, written otherwise"""
    op = e[0]
    if op in ("x", "w", "c"):
        return xi(e)
    a = xi(e[1])
    k = r.random()
    if op == "sigmoid" and k < 0.7:
        return f"(1/(1 + exp(-({rewrite(e[1], r)}))))"
    if op == "tanh" and k < 0.7:
        return f"((exp(2*({a})) - 1)/(exp(2*({a})) + 1))"
    if op == "sq" and e[1][0] == "+" and k < 0.8:
        p, q = xi(e[1][1]), xi(e[1][2])
        return f"(({p})^2 + 2*({p})*({q}) + ({q})^2)"
    if op == "exp" and e[1][0] == "+" and k < 0.8:
        return f"(exp({xi(e[1][1])})*exp({xi(e[1][2])}))"
    if op == "bce1" and k < 0.7:  # softplus
        return f"log(1 + exp(-({rewrite(e[1], r)})))"
    if op == "bce0" and k < 0.7:
        return f"log(1 + exp({rewrite(e[1], r)}))"
    if op == "logp" and k < 0.6:
        return f"(2*log(sqrt(1 + ({a})^2)))"
    if op == "-" and k < 0.6:
        return f"(-(({xi(e[2])}) - ({rewrite(e[1], r)})))"
    if op == "*" and k < 0.5:
        return f"(({xi(e[2])})*({rewrite(e[1], r)}))"
    if op in UNARY:
        inner = rewrite(e[1], r)
        return xi(e).replace(a, inner, 1)  # (a's text comes first in E's)
    if op in BINARY:
        left = rewrite(e[1], r)
        return xi(e).replace(a, left, 1)
    return xi(e)


def mp_of(text, x, w):
    """an xi expression evaluated by mpmath (to confirm a formula is true)"""
    env = {"x": x, "w": w, "exp": exp, "log": log, "sin": sin, "cos": cos, "tanh": tanh,
           "sqrt": sqrt, "sigmoid": lambda t: 1 / (1 + exp(-t))}
    env["mpf"] = mpf  # (literals are their decimals, as in xi: 0.1 is 1/10)
    text = re.sub(r"(?<![\w.])(\d+(?:\.\d+)?)", r"mpf('\1')", text.replace("^", "**"))
    return eval(text, {"__builtins__": {}}, env)


def close(a, b):
    # (mpmath's numerical derivative at 300 bits is good to about 150)
    return abs(a - b) <= mpf(2) ** -120 * max(1, abs(a), abs(b))


STUDENT = """x = [0.5, -1.2, 2.0]; w = [0.3, 0.8, -0.5]; b = 0.1; y = 1
p = sigmoid(w @ x + b)
L = -(y*log(p) + (1 - y)*log(1 - p))
z = [1.5, -0.3, 0.7, 2.2]; t = [0, 0, 1, 0]
L2 = -sum(t*log_softmax(z))
a = 0.7
yh = [0.2, 1.4, -0.6, 0.9]; yt = [0.0, 1.0, 0.0, 1.0]
L3 = mean((yh - yt)^2)
X = [[0.5, -1.0], [1.5, 0.2], [-0.3, 0.8]]; W = [[0.1, -0.2, 0.3], [0.4, 0.0, -0.1]]
Y = [[1, 0, 0], [0, 0, 1], [0, 1, 0]]
P = softmax(X @ W)
L4 = -sum(Y*log(P))/3
H = np.tanh(X @ W)
L5 = np.sum(H*H)/2
x9 = 9; W9 = 3
L9 = -log(1/(1 + exp(-W9*x9)))"""
# (the check, true?) derived by hand: d/dw of the cross-entropy of σ(w·x + b)
# is (p - y)x; of -Σ t log softmax(z), softmax(z) - t; tanh' = 1 - tanh²;
# d/dŷ mean((ŷ - y)²) = 2(ŷ - y)/n; d/dW of -Σ Y log softmax(XW)/n =
# Xᵀ(P - Y)/n; d/dW Σ tanh(XW)²/2 = Xᵀ(H(1 - H²)); seed 000's (σ(9) - 1)·3
STUDENT_CHECKS = [
    ("grad(L, w) == (p - y)*x", True), ("grad(L, b) == p - y", True),
    ("grad(L, w) == 2*(p - y)*x", False), ("grad(L, w) == (y - p)*x", False),
    ("grad(L2, z) == softmax(z) - t", True), ("grad(L2, z) == t - softmax(z)", False),
    ("grad(tanh(a), a) == 1 - tanh(a)^2", True), ("grad(tanh(a), a) == 1 - tanh(a)", False),
    ("grad(tanh(a), a) == 2*(1 - tanh(a)^2)", False),
    ("grad(L3, yh) == 2*(yh - yt)/4", True), ("grad(L3, yh) == (yh - yt)/4", False),
    ("grad(L3, yh) == 2*(yh - yt)", False),
    ("grad(L4, W) == X.T @ (P - Y) / 3", True), ("grad(L4, W) == X.T @ (P - Y)", False),
    ("grad(L4, W) == X.T @ (Y - P) / 3", False),
    ("grad(L5, W) == X.T @ (H*(1 - H**2))", True), ("grad(L5, W) == X.T @ H", False),
    ("grad(L9, W9) == (1/(1 + exp(-W9*x9)) - 1)*x9", True),
    ("grad(L9, W9) == -(1/(1 + exp(-W9*x9)) - 1)*x9", False),
]


def student(xi_path):
    """the student's formulas: (checks, wrong)"""
    checks = wrong = 0
    for setting in ["prec 53", "prec 128", "prec 2000", "format binary64", "format binary16"]:
        proven = setting.startswith("prec")
        lines = [setting] + STUDENT.split("\n")
        first = len(lines) + 1
        # (seed 000's L9 is left out of the formats: in binary16 σ(27) rounds to 1 and both
        # sides are 0, which the numbers held cannot tell apart; balls are MPFR's)
        todo = [(c, t) for c, t in STUDENT_CHECKS if proven or "L9" not in c]
        lines += [f"check {c}" for c, _ in todo]
        p = subprocess.run([xi_path, "--keep-going", "-"], input="\n".join(lines) + "\n",
                           capture_output=True, text=True, timeout=600)
        # the oks come in order on stdout; failures name their line on stderr
        bad_lines = {}
        for l in p.stderr.splitlines():
            m = re.search(r":(\d+):\d+: (check failed|check undecided|error)(.*)", l)
            if m:
                bad_lines[int(m.group(1))] = (m.group(2), m.group(3))
        oks = [l for l in p.stdout.splitlines() if l.startswith("ok: ")]
        nok = 0
        for k, (c, true) in enumerate(todo):
            checks += 1
            got = bad_lines.get(first + k)
            if got is None:
                nok += 1
            if true and got is not None and (proven or got[0] != "check undecided"):
                print(f"FAIL {setting}: true formula {c}: {got[0]}{got[1][:200]}")
                wrong += 1
            elif not true and got is None:
                print(f"FAIL {setting}: false formula {c} passed")
                wrong += 1
            elif not true and proven and (got[0] != "check failed" or "proven" not in got[1]):
                print(f"FAIL {setting}: false formula {c} not proven different: {got[0]}{got[1][:200]}")
                wrong += 1
        if nok != len(oks):
            print(f"FAIL {setting}: {len(oks)} ok lines for {nok} passing checks")
            wrong += 1
    return checks, wrong


def main():
    r = random.Random(18)
    lines, checks, wrong = [], 0, 0
    false_lines = []
    for n in range(N):
        e = gen(r, 4)
        while "('x',)" not in repr(e):  # (grad(E, x) of an E without x is an error)
            e = gen(r, 4)
        if n % 2:  # half of them a loss: the cross-entropy of σ(5E) (p - y cancels)
            e = (r.choice(["bce1", "bce0"]), ("*", ("c", "5"), e))
        # points where sigmoids saturate (p - y cancels) as well as small ones
        xs = r.choice(["0.3", "-1.25", "2.5", "9", "-7.5", "12"])
        ws = r.choice(["0.7", "-0.4", "3", "-11", "1.5"])
        x, w = mpf(xs), mpf(ws)
        E, D, R = xi(e), d(e), rewrite(e, r)
        if not close(mp_of(D, x, w), diff(lambda t: val(e, t, w), x)):
            print(f"FAIL (the test's own derivative) d/dx {E} is not {D}")
            wrong += 1
            continue
        if not close(mp_of(R, x, w), val(e, x, w)):
            print(f"FAIL (the test's own rewriting) {E} is not {R}")
            wrong += 1
            continue
        lines += [f"x = {xs}; w = {ws}",
                  f"check grad({E}, x) == {D}", f"check {E} == {R}"]
        checks += 2
        dv = mp_of(D, x, w)
        if n % 4 == 0 and abs(dv) > mpf(10) ** -30:  # false: doubled, negated
            false_lines += [f"x = {xs}; w = {ws}",
                            f"check grad({E}, x) == 2*({D})", f"check grad({E}, x) == -({D})"]
    p = subprocess.run([sys.argv[1], "--keep-going", "-"], input="\n".join(lines) + "\n",
                       capture_output=True, text=True, timeout=600)
    oks = [l for l in p.stdout.splitlines() if l.startswith("ok: ")]
    for l in p.stderr.splitlines():
        if "check" in l and ("failed" in l or "undecided" in l) or "error" in l:
            print("FAIL", l[:400])
            wrong += 1
    if len(oks) != checks:
        print(f"FAIL {len(oks)} of {checks} checks said ok (exit {p.returncode})")
        wrong += 1
    # the false: each proven different, none ok, none undecided
    p = subprocess.run([sys.argv[1], "--keep-going", "-"], input="\n".join(false_lines) + "\n",
                       capture_output=True, text=True, timeout=600)
    nfalse = sum(1 for l in false_lines if l.startswith("check"))
    failed = [l for l in p.stderr.splitlines() if re.search(r":\d+:\d+: check failed", l)]
    proven = [l for l in failed if "proven" in l]
    for l in p.stdout.splitlines():
        if l.startswith("ok: "):
            print("FAIL (a false formula passed)", l[:300])
            wrong += 1
    if len(proven) != nfalse:
        print(f"FAIL {len(proven)} of {nfalse} false formulas proven different")
        wrong += 1
    checks += nfalse
    c, w = student(sys.argv[1])
    checks, wrong = checks + c, wrong + w
    print(f"{checks} checks, {wrong} wrong")
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
