#!/usr/bin/env python3
"""What dot, export .md and export .tex must write for seed 000's logistic
example (examples/seed000_logistic.xi; x = 3, W = 3, y = 1,
L = -y*log(1/(1 + exp(-W*x)))), derived here independently of xi: every
value and adjoint by mpmath at 50 digits, each adjoint by the chain rule
written out by hand, numbers shown to 10 significant digits as xi shows
them.  The seed's own result: dL/dW ~ -0.00037018 (mpmath:
-0.000370183727958695...).

    python3 tests/draw/seed000.py md|tex|dot   prints the file

tests/draw/check compares its output with tests/draw/seed000.{md,tex,dot},
and those with what xi writes (tests/draw.xi)."""
import sys
import mpmath as m

m.mp.dps = 50
x, W, y = m.mpf(3), m.mpf(3), m.mpf(1)
# the forward pass in the order xi builds the nodes (-y first: it is the
# left operand of the product); names as xi numbers them
xi1 = -y
xi2 = -W
xi3 = xi2 * x
xi4 = m.exp(xi3)
xi5 = 1 + xi4
xi6 = 1 / xi5
xi7 = m.log(xi6)
L = xi1 * xi7
# the reverse sweep: each adjoint the consumer's adjoint times the local partial
p7, p6, p5, p4, p3, p2 = xi1, 1 / xi6, -1 / xi5**2, m.mpf(1), xi4, x
d = {"L": m.mpf(1)}
d["ξ7"] = d["L"] * p7
d["ξ6"] = d["ξ7"] * p6
d["ξ5"] = d["ξ6"] * p5
d["ξ4"] = d["ξ5"] * p4
d["ξ3"] = d["ξ4"] * p3
d["ξ2"] = d["ξ3"] * p2
d["ξ1"] = d["L"] * xi7
d["y"] = d["ξ1"] * -1
d["W"] = d["ξ2"] * -1
d["x"] = d["ξ3"] * xi2
assert abs(d["W"] - m.mpf("-0.000370183727958695")) < m.mpf("1e-18")  # the example's check
assert abs(d["W"] - (1 / (1 + m.exp(-W * x)) - y) * x) < m.mpf("1e-45")  # (p - y)·x

# (name, operation in text, operation in TeX, value); leaves have no operation
steps = [("x", "", "", x), ("W", "", "", W), ("y", "", "", y),
         ("ξ1", "-y", "-y", xi1), ("ξ2", "-W", "-W", xi2),
         ("ξ3", "ξ2·x", r"\xi_{2} \cdot x", xi3), ("ξ4", "exp(ξ3)", r"\exp(\xi_{3})", xi4),
         ("ξ5", "1 + ξ4", r"1 + \xi_{4}", xi5), ("ξ6", "1/ξ5", r"1/\xi_{5}", xi6),
         ("ξ7", "log(ξ6)", r"\log(\xi_{6})", xi7), ("L", "ξ1·ξ7", r"\xi_{1} \cdot \xi_{7}", L)]
# each adjoint's one term: (consumer, the partial in text and in TeX, its value)
terms = {"ξ7": ("L", "ξ1", r"\xi_{1}", p7), "ξ6": ("ξ7", "1/ξ6", r"1/\xi_{6}", p6),
         "ξ5": ("ξ6", "-1/ξ5²", r"(-1/\xi_{5}^{2})", p5), "ξ4": ("ξ5", "1", "1", p4),
         "ξ3": ("ξ4", "ξ4", r"\xi_{4}", p3), "ξ2": ("ξ3", "x", "x", p2),
         "ξ1": ("L", "ξ7", r"\xi_{7}", xi7), "y": ("ξ1", "-1", "(-1)", m.mpf(-1)),
         "W": ("ξ2", "-1", "(-1)", m.mpf(-1)), "x": ("ξ3", "ξ2", r"\xi_{2}", xi2)}


def num(v, paren=False):
    """10 significant digits, trailing zeros kept; an integer as an integer"""
    s = str(int(v)) if v == m.floor(v) else m.nstr(v, 10, strip_zeros=False)
    return "(" + s + ")" if paren and v < 0 else s


def tex(name):
    return r"\xi_{%s}" % name[1:] if name.startswith("ξ") else name


def dtex(name):
    return r"\frac{\partial L}{\partial %s}" % tex(name)


def chain(name, dname):
    """the adjoint's line after its name: the product, its numbers, its value"""
    if name == "L":
        return "1"
    c, _, ptex, pv = terms[name]
    return "%s \\cdot %s = %s \\cdot %s = %s" % (dname(c), ptex, num(d[c], True),
                                                  num(pv, True), num(d[name]))


def markdown():
    out = ["## Forward pass", "", "Let:"]
    out += ["- $%s = %s$" % (n, num(v)) for n, op, _, v in steps if not op]
    out += ["", "We compute:"]
    out += ["%d. $%s = %s = %s$" % (i + 1, tex(n), t, num(v))
            for i, (n, _, t, v) in enumerate(s for s in steps if s[1])]
    out += ["", "## Backward pass", "",
            r"Each adjoint is the sum, over the nodes $c$ that use the node, of "
            r"$\frac{\partial L}{\partial c}$ times the local partial:"]
    out += ["%d. $%s = %s$" % (i + 1, dtex(n), chain(n, dtex))
            for i, (n, *_) in enumerate(reversed(steps))]
    return "\n".join(out) + "\n"


def latex():
    out = [r"% The steps of $L$, made by xi.  \input{} it into a document that loads",
           "% amsmath (align*, bmatrix).", r"\paragraph{Forward pass.}", r"\begin{align*}"]
    out.append(" \\\\\n".join("%s &= %s%s" % (tex(n), t + " = " if t else "", num(v))
                              for n, _, t, v in steps))
    out += [r"\end{align*}", r"\paragraph{Backward pass.}", r"\begin{align*}"]
    out.append(" \\\\\n".join("%s &= %s" % (dtex(n), chain(n, dtex))
                              for n, *_ in reversed(steps)))
    out.append(r"\end{align*}")
    return "\n".join(out) + "\n"


def dot():
    node = {n: k for k, (n, *_) in enumerate(steps)}
    # xi's node numbers: a constant (the 1 of 1 + exp(...)) is node 4, unshown
    nid = {n: (k if k < 4 else k + 1) for k, (n, *_) in enumerate(steps)}
    out = ["// the graph of L, by xi: values green, adjoints red, edges the local partials",
           "digraph xi {", "  rankdir=LR;",
           '  node [shape=box, style=rounded, fontname="DejaVu Sans", fontsize=11];',
           '  edge [fontname="DejaVu Sans", fontsize=9, color="#616161"];']
    for n, op, _, v in steps:
        out.append('  n%d [id="s%d", label=<<b>%s</b>%s<br/><font color="#2e7d32">%s</font>'
                   '<br/><font color="#c62828">∂L/∂%s = %s</font>>%s];'
                   % (nid[n], node[n], n, " = " + op if op else "", num(v), n, num(d[n]),
                      "" if op else ", shape=ellipse"))
    # the edges into each node in turn, operands left to right
    operands = {"ξ1": ["y"], "ξ2": ["W"], "ξ3": ["ξ2", "x"], "ξ4": ["ξ3"], "ξ5": ["ξ4"],
                "ξ6": ["ξ5"], "ξ7": ["ξ6"], "L": ["ξ1", "ξ7"]}
    for n, *_ in steps:
        for o in operands.get(n, []):
            out.append("  n%d -> n%d [label=<%s>];" % (nid[o], nid[n], terms[o][1]))
    out.append("}")
    return "\n".join(out) + "\n"


def page():
    """what the page (export L FILE.html) shows at each step, as JSON for
    tests/browser/page.js: box id, name, value; adjoint's name and value"""
    import json
    return json.dumps([{"id": "s%d" % k, "who": n, "value": num(v), "dwho": "∂L/∂" + n,
                        "adjoint": num(d[n])} for k, (n, _, _, v) in enumerate(steps)],
                      ensure_ascii=False)


if __name__ == "__main__":
    sys.stdout.write({"md": markdown, "tex": latex, "dot": dot, "page": page}[sys.argv[1]]())
