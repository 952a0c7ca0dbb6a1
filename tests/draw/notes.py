#!/usr/bin/python3
"""The notes export wrote in tests/draw.xi, checked for their form:

  .md   seed 000's own Markdown (tests/draw/seed000_section5.md, its section 5
        copied from the seed): "Let:" and the leaves as "- $x = 3$" lines,
        "We compute:" and the steps as "1. $...$" lines, each line's math
        closed; then the backward pass, one numbered $...$ line per adjoint,
        each the chain rule's product
  .tex  a fragment LaTeX compiles with amsmath: environments nested and
        closed, braces balanced, only commands of LaTeX and amsmath, an
        align* for each pass, one &= on each of its rows

No TeX engine is needed (none is installed for it).

    /usr/bin/python3 tests/draw/notes.py FILE.md|FILE.tex ...   (exit 1 on a fault)"""
import re
import sys

# the commands LaTeX and amsmath know that xi writes
KNOWN = {"paragraph", "begin", "end", "input", "frac", "partial", "xi", "cdot", "odot",
         "exp", "log", "tanh", "sigma", "sum", "text", "mathit", "operatorname", "sqrt",
         "cdots", "vdots", "ddots", "top", "max", "min", "left", "right", "quad", "mid",
         "sin", "cos", "tan", "hat", "dot", "odot", "circ", "times", "ldots", "mathrm"}
faults = []


def fault(path, n, why):
    faults.append("%s:%d: %s" % (path, n, why))


def check_tex(path, lines):
    stack, aligns = [], 0
    for n, line in enumerate(lines, 1):
        body = re.sub(r"(?<!\\)%.*", "", line)  # comments
        depth = 0
        for ch in re.sub(r"\\[{}%&\\]", "", body):
            depth += (ch == "{") - (ch == "}")
            if depth < 0:
                fault(path, n, "a } with no {")
        if depth:
            fault(path, n, "braces not balanced on the line")
        for cmd in re.findall(r"\\([A-Za-z]+)", body):
            if cmd not in KNOWN:
                fault(path, n, "\\%s is not a LaTeX or amsmath command xi should write" % cmd)
        for kind, env in re.findall(r"\\(begin|end)\{([^}]*)\}", body):
            if kind == "begin":
                stack.append(env)
                aligns += env == "align*"
            elif not stack or stack.pop() != env:
                fault(path, n, "\\end{%s} closes nothing" % env)
        inner = re.sub(r"\\begin\{bmatrix\}.*?\\end\{bmatrix\}", "M", body)
        if stack and stack[-1] == "align*" and not body.startswith("\\begin{align*}"):
            if inner.count("&=") != 1:
                fault(path, n, "a row of align* without its one &=")
            last = lines[n].startswith("\\end{align*}") if n < len(lines) else True
            if last == inner.rstrip().endswith("\\\\"):
                fault(path, n, "rows end in \\\\, but not the last")
    if stack:
        fault(path, len(lines), "not closed: %s" % ", ".join(stack))
    if aligns != 2:
        fault(path, len(lines), "%d align* environments, not 2 (forward, backward)" % aligns)


def check_md(path, lines):
    seed = open(__file__.rsplit("/", 1)[0] + "/seed000_section5.md", encoding="utf-8").read()
    # the seed's own frame: "Let:", "- $x = 3$" for each leaf, "We compute:", "1. $...$"
    for want in ("Let:", "We compute:"):
        if want not in seed.splitlines() or want not in lines:
            fault(path, 1, "no line %r (the seed has it)" % want)
    leaves = [s for s in seed.splitlines() if re.fullmatch(r"- \$\w+ = [^$]+\$", s)]
    if path.endswith("draw_L.md") and lines[lines.index("Let:") + 1:][:len(leaves)] != leaves:
        fault(path, 1, "the leaves are not the seed's lines %r" % leaves)
    part, count = None, 0
    for n, line in enumerate(lines, 1):
        if line in ("We compute:", "## Backward pass"):
            part, count = line, 0
        elif line.startswith("Let:"):
            part = "Let:"
        elif part == "Let:" and line and not re.fullmatch(r"- \$[^$]+ = [^$]+\$", line):
            fault(path, n, "a leaf not as the seed's - $x = 3$")
        elif part in ("We compute:", "## Backward pass") and re.match(r"\d+\. ", line):
            count += 1
            if not re.fullmatch(r"%d\. \$[^$]+\$" % count, line):
                fault(path, n, "not step %d as the seed writes one: N. $...$" % count)
            if part == "## Backward pass" and count > 1 and not re.fullmatch(
                    r"\d+\. \$\\frac\{\\partial [^$]*\}\{\\partial [^$]*\} = "
                    r"(\\sum_\{[^$]*?\} )?\\frac\{\\partial [^$]*\}\{\\partial [^$]*\}[^$]* = [^$]+\$", line):
                fault(path, n, "an adjoint not as ∂L/∂ξ = ∂L/∂c · (partial) ... = value")
    check_tex_math(path, lines)


def check_tex_math(path, lines):
    for n, line in enumerate(lines, 1):
        if line.count("$") % 2:
            fault(path, n, "a $ not closed")
        for cmd in re.findall(r"\\([A-Za-z]+)", line):
            if cmd not in KNOWN:
                fault(path, n, "\\%s is not a LaTeX or amsmath command" % cmd)


for p in sys.argv[1:]:
    text = open(p, encoding="utf-8").read().splitlines()
    (check_tex if p.endswith(".tex") else check_md)(p, text)
for f in faults:
    print(f)
sys.exit(1 if faults else 0)
