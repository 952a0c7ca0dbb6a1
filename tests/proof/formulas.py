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


def main():
    r = random.Random(18)
    lines, checks, wrong = [], 0, 0
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
    print(f"{checks} checks, {wrong} wrong")
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
