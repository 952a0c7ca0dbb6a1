#!/usr/bin/python3
"""The SVG files svg wrote in tests/draw.xi (in tests/out/): each is
well-formed XML, has one <g class="node"> per box, and each box shows its
value and adjoint.  Graphviz's layout and the SVG's bytes vary from version to
version, so nothing else is compared.  The expected numbers: seed 000's from
tests/draw/seed000.py (mpmath), the network's bias from mpmath (tests/
show_trace.xi), the large tensor's corners from NumPy's own generator.

    /usr/bin/python3 tests/draw/svgcheck.py    (from the top directory)"""
import os
import sys
import xml.etree.ElementTree as ET

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import seed000  # noqa: E402

SVG = "{http://www.w3.org/2000/svg}"
failed = []


def boxes(path):
    """{id: [the texts of the box]} for every <g class="node">, and their number"""
    root = ET.parse(path).getroot()  # raises on XML that is not well-formed
    nodes = [g for g in root.iter(SVG + "g") if g.get("class") == "node"]
    return {g.get("id"): ["".join(t.itertext()) for t in g.iter(SVG + "text")]
            for g in nodes}, len(nodes)


def expect(path, nboxes, want):
    """want: {box id: [texts it must hold, whole]}"""
    try:
        got, n = boxes(path)
    except (ET.ParseError, OSError) as e:
        failed.append("%s: %s" % (path, e))
        return
    if n != nboxes:
        failed.append("%s: %d boxes (<g class=\"node\">), not %d" % (path, n, nboxes))
    for box, texts in want.items():
        for t in texts:
            if t not in got.get(box, []):
                failed.append("%s: box %s has no text %r (it has %r)" % (path, box, t, got.get(box)))


def seed_box(k, name, v):
    return {"s%d" % k: [seed000.num(v), "∂L/∂%s = %s" % (name, seed000.num(seed000.d[name]))]}


# seed 000: the 11 nodes (x, W, y, ξ1 ... ξ7, L), each with its value and adjoint
want = {}
for k, (name, _, _, v) in enumerate(seed000.steps):
    want.update(seed_box(k, name, v))
expect("tests/out/draw_L.svg", 11, want)
# wrt W: the 8 on the path from W (W, ξ2 ... ξ7, L), and x and ξ1 = -y in grey
want = {}
for k, (name, _, _, v) in enumerate(s for s in seed000.steps if s[0] not in ("x", "y", "ξ1")):
    want.update(seed_box(k, name, v))
expect("tests/out/draw_LW.svg", 10, want)
# the network: X, Wt, b, ξ1 = X @ Wt, z, a, ξ2 = a·a, ξ3 = sum(ξ2), L3; b and its
# adjoint (mpmath at 40 digits: 0.336965144964684190965105255266, 0.810886781199812469384084590880)
expect("tests/out/draw_L3.svg", 9,
       {"s2": ["[0.5000000000, -0.5000000000]", "∂L3/∂b = [0.3369651450, 0.8108867812]"]})
# a 6×5 tensor summarised: its shape, and of rows 0, 1 and 5 the first two
# elements and the last, NumPy's np.random.seed(0); np.random.randn(6, 5)
np.random.seed(0)
R = np.random.randn(6, 5)
got, n = boxes("tests/out/draw_L4.svg")


def num(v):
    return seed000.num(seed000.m.mpf(float(v)))


def row(i, first, last):
    return "%s%s, %s, …, %s]%s" % (first, num(R[i, 0]), num(R[i, 1]), num(R[i, 4]), last)


rows = ["(6, 5)", row(0, "[[", ","), row(1, " [", ","), " …", row(5, " [", "]")]
expect("tests/out/draw_L4.svg", 4, {"s0": rows + ["∂L4/∂R = (6, 5)"]})
text = " ".join(got.get("s0", []))
for i, j in ((2, 0), (3, 2), (4, 3), (0, 2)):  # what the summary leaves out
    if num(R[i, j]) in text:
        failed.append("draw_L4.svg: R[%d, %d] = %s is shown: the box is not summarised"
                      % (i, j, num(R[i, j])))

for f in failed:
    print(f)
sys.exit(1 if failed else 0)
