#!/usr/bin/python3
"""What dot and svg write for tests/draw/large.xi (L = 0 + sin(x*1) + ... +
sin(x*297), x = 0.5, by a Python loop: 1190 nodes), in tests/out/:

- the picture is the graph: each node one box, each edge drawn once, with
  its partial; an edge may start at a reference (a grey dashed box named
  after its operand, beside its consumer) instead of at the operand's box.
  Counted by hand: each term adds 4 nodes (the leaf i, x·i, sin, the sum) and
  5 edges (x and i into x·i, x·i into sin, the sum so far and sin into the
  new sum); with x and the first L, 2 + 4·297 = 1190 boxes and 1485 edges.
- the long edges are gone: placing every box one column left of its
  leftmost consumer, the edges together cross at most 200 columns (what
  show/dot.c allows; the edges from x alone crossed 43 956, and
  Graphviz's layout of them was stopped unfinished after 30 minutes);
- the numbers: L = sum of sin(i/2), dL/dx = sum of i·cos(i/2), by mpmath.

    /usr/bin/python3 tests/draw/large.py   (from the top directory)"""
import os
import re
import sys
import xml.etree.ElementTree as ET

import mpmath as m

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import seed000  # noqa: E402  (num: a number as xi shows it, 10 digits)

m.mp.dps = 50
N = 297
failed = []
dot = open("tests/out/draw_large.dot", encoding="utf-8").read()

boxes = dict(re.findall(r"^  (n\d+) \[id=\"s\d+\", label=<(.*)>(?:, shape=ellipse)?\];$", dot, re.M))
refs = dict(re.findall(r"^  (r\d+_\d+) \[.*label=<(.*)>\];$", dot, re.M))
edges = re.findall(r"^  (\w+) -> (n\d+)(?: \[label=<(.*)>\])?;$", dot, re.M)


def name(label):
    return re.match(r"<b>(.*?)</b>", label).group(1)


if len(boxes) != 2 + 4 * N:
    failed.append("%d boxes, not %d" % (len(boxes), 2 + 4 * N))
if len(edges) != 5 * N:
    failed.append("%d edges, not %d" % (len(edges), 5 * N))
# a reference: one edge, from r<o>_<c> to n<c>, named as o's box
for r, label in refs.items():
    o, c = r[1:].split("_")
    out = [e for e in edges if e[0] == r]
    if len(out) != 1 or out[0][1] != "n" + c:
        failed.append("reference %s: edges %r, not one to n%s" % (r, out, c))
    if "n" + o not in boxes or label != name(boxes["n" + o]):
        failed.append("reference %s is named %r, not as n%s" % (r, label, o))
# each box has as many edges in as its operation has operands
arity = {}
for n, label in boxes.items():
    op = label.split("</b>", 1)[1].split("<br/>")[0]
    arity[n] = 0 if not op else 1 if op.startswith(" = sin(") else 2
into = {n: 0 for n in boxes}
for tail, head, partial in edges:
    into[head] += 1
    if not partial:
        failed.append("the edge %s -> %s has no partial" % (tail, head))
for n in boxes:
    if into[n] != arity[n]:
        failed.append("%s (%s) has %d edges in, not %d" % (n, boxes[n][:40], into[n], arity[n]))
x = [n for n, label in boxes.items() if name(label) == "x"]
from_x = [e for e in edges if e[0] in x or (e[0] in refs and refs[e[0]] == "x")]
if len(x) != 1 or len(from_x) != N:
    failed.append("x: %d boxes and %d edges out, not 1 and %d" % (len(x), len(from_x), N))
# the columns the edges cross, every box one left of its leftmost consumer
col = {}
for tail, head, _ in sorted(edges, key=lambda e: -int(re.search(r"\d+", e[1]).group())):
    col.setdefault(head, 0)
    col[tail] = max(col.get(tail, 0), col[head] + 1)
crossed = sum(col[t] - col[h] - 1 for t, h, _ in edges)
if crossed > 200:
    failed.append("the edges cross %d columns, more than 200" % crossed)

# the numbers, by mpmath
L = m.fsum(m.sin(m.mpf(i) / 2) for i in range(1, N + 1))
dx = m.fsum(i * m.cos(m.mpf(i) / 2) for i in range(1, N + 1))
root = [label for label in boxes.values() if name(label) == "L"]
want = ['<font color="#2e7d32">%s</font>' % seed000.num(L), "∂L/∂L = 1"]
if len(root) != 1 or not all(w in root[0] for w in want):
    failed.append("the box of L: %r, not with %r" % (root, want))
if "∂L/∂x = %s<" % seed000.num(dx) not in boxes[x[0]] if x else True:
    failed.append("x's box has no ∂L/∂x = %s" % seed000.num(dx))

# the SVG: well-formed, a <g class="node"> for each box and reference, the
# references' text their operand's name
SVG = "{http://www.w3.org/2000/svg}"
try:
    svg = ET.parse("tests/out/draw_large.svg").getroot()
    nodes = [g for g in svg.iter(SVG + "g") if g.get("class") == "node"]
    if len(nodes) != len(boxes) + len(refs):
        failed.append("draw_large.svg: %d nodes, not %d" % (len(nodes), len(boxes) + len(refs)))
    texts = ["".join("".join(t.itertext()) for t in g.iter(SVG + "text")) for g in nodes]
    if texts.count("x") != len(refs) or not any("∂L/∂x = " + seed000.num(dx) in t for t in texts):
        failed.append("draw_large.svg: %d boxes say x (references: %d), or none has ∂L/∂x"
                      % (texts.count("x"), len(refs)))
except (ET.ParseError, OSError) as e:
    failed.append("draw_large.svg: %s" % e)

for f in failed:
    print(f)
print("%d boxes, %d references, %d edges crossing %d columns" % (len(boxes), len(refs), len(edges), crossed))
sys.exit(1 if failed else 0)
