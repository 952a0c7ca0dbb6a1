#!/usr/bin/python3
"""tests/layout/check.py: the README's "one module, one header, one prefix" and "a
layer calls only the layers below it", checked against the code (tests/run
layout, after make; the objects are those beside $LIBXI, default build/).

The table of docs/architecture.md is the claim: a row per folder, bottom layer
first, each module written "`HEADER.h` (`PREFIX`, with `MORE.h`): `file`
`file` ... (internal: `INT.h`)", modules separated by ";" (a module written
without a header is the program: it may define nothing but main).  Checked:

  - every .c and .h file of a layer folder is named in its row, and every name
    in the row is a file;
  - every symbol an object file defines for others (nm) starts with its
    module's prefix, and is declared in one of its module's headers;
  - a file includes headers of its own layer or of layers below it, never
    above; an internal header only from its own module's files.

Exit status 0 when all hold; each failure is one line naming the file.
"""
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DOC = "docs/architecture.md"
# built from another kind of source by the Makefile: the object, its source
GENERATED = {"show/page": "show/page.html"}
# a file that includes another module's internal header, and why
EXCEPTIONS = {
    ("ops/vops.c", "ops/btops.h"):
        "var, std and norm are computed in balls until correctly rounded, so vops.c "
        "holds their ball rules (xiO_bt_VAR, ...) beside their MPFR rules",
}

failures = []


def fail(msg):
    failures.append(msg)


def top_split(s, sep):
    """s split at sep where no parenthesis is open"""
    parts, depth, cur = [], 0, ""
    i = 0
    while i < len(s):
        c = s[i]
        depth += c == "("
        depth -= c == ")"
        if depth == 0 and s.startswith(sep, i):
            parts.append(cur)
            cur = ""
            i += len(sep)
            continue
        cur += c
        i += 1
    return parts + [cur]


def parse_table():
    """[(folder, [module])], bottom layer first; a module is a dict of
    headers (public), internal (headers), prefix and files (stems)"""
    layers = []
    for line in open(os.path.join(ROOT, DOC), encoding="utf-8"):
        m = re.match(r"\| `([a-z]+)/` \| (.*?) \| ", line)
        if not m:
            continue
        folder, cell = m.group(1), m.group(2)
        modules = []
        for chunk in top_split(cell, "; "):
            mod = {"headers": [], "internal": [], "prefix": None, "files": []}
            head = re.match(r"\s*`([a-z_]+\.h)` \((.*?)\): (.*)$", chunk)
            if head:
                mod["headers"].append(head.group(1))
                paren, rest = head.group(2), head.group(3)
                pm = re.match(r"`(xi[A-Za-z_]*_)`", paren)
                if not pm:
                    fail("%s: %s/%s has no prefix in the table" % (DOC, folder, head.group(1)))
                else:
                    mod["prefix"] = pm.group(1)
                mod["headers"] += re.findall(r"`([a-z_]+\.h)`", paren)
            else:
                rest = chunk
            internal = re.search(r"\(internal: (.*?)\)\s*$", rest)
            if internal:
                mod["internal"] = re.findall(r"`([a-z_]+\.h)`", internal.group(1))
                rest = rest[: internal.start()]
            mod["files"] = re.findall(r"`([a-z_0-9]+)`", rest)
            modules.append(mod)
        layers.append((folder, modules))
    if not layers:
        fail("%s: no table of folders found" % DOC)
    return layers


def defined_symbols(obj):
    out = subprocess.run(["nm", "-g", "--defined-only", obj], capture_output=True, text=True)
    if out.returncode != 0:
        fail("%s: nm failed: %s" % (obj, out.stderr.strip()))
        return []
    # names starting "__" are the implementation's (a sanitizer's __odr_asan.xiO_table)
    return [f[2] for f in (l.split() for l in out.stdout.splitlines())
            if len(f) == 3 and not f[2].startswith("__")]


def declared(header):
    """the identifiers a header declares: its own lines after the
    preprocessor (X-macro rows expanded), without the headers it includes"""
    cflags = subprocess.run(["pkg-config", "--cflags", "mpfr", "libgvc"], capture_output=True,
                            text=True).stdout.split()
    out = subprocess.run(["cc", "-E", "-std=c17", "-D_GNU_SOURCE", "-I.", *cflags, "-x", "c", "-"],
                         input='#include "%s"\n' % header, capture_output=True, text=True)
    if out.returncode != 0:
        fail("%s: does not preprocess: %s" % (header, out.stderr.strip()[:200]))
        return set()
    own, words = False, set()
    for line in out.stdout.splitlines():
        m = re.match(r'# \d+ "([^"]+)"', line)
        if m:
            own = os.path.normpath(m.group(1)) == os.path.normpath(header)
        elif own:
            words.update(re.findall(r"\b[A-Za-z_]\w*\b", line))
    return words


def includes(path):
    return re.findall(r'^\s*#\s*include\s+"([^"]+)"', open(path, encoding="utf-8").read(), re.M)


def main():
    os.chdir(ROOT)
    layers = parse_table()
    rank = {folder: i for i, (folder, _) in enumerate(layers)}
    owner = {}  # "folder/stem.c" or "folder/x.h" -> module
    internal_of = {}  # "folder/x.h" -> module, for internal headers
    for folder, modules in layers:
        for mod in modules:
            mod["folder"] = folder
            for h in mod["headers"] + mod["internal"]:
                owner.setdefault("%s/%s" % (folder, h), mod)
            for h in mod["internal"]:
                internal_of["%s/%s" % (folder, h)] = mod
            for f in mod["files"]:
                key = "%s/%s" % (folder, f)
                src = GENERATED.get(key, key + ".c")
                if not os.path.exists(src):
                    fail("%s: %s is named in the %s/ row but there is no %s" % (DOC, f, folder, src))
                if key + ".c" in owner:
                    fail("%s: %s is named twice" % (DOC, key))
                owner[key + ".c"] = mod
    # every file of a layer folder is in its row
    for folder, _ in layers:
        for name in sorted(os.listdir(folder)):
            path = "%s/%s" % (folder, name)
            if name.endswith((".c", ".h")) and path not in owner:
                fail("%s: %s is in no module of the %s/ row" % (DOC, path, folder))
    for key in GENERATED:
        if key + ".c" not in owner:
            fail("%s: %s (made from %s) is in no module" % (DOC, key, GENERATED[key]))
    # prefixes, and each global declared in its module's headers
    decls = {}
    for path, mod in sorted(owner.items()):
        if not path.endswith(".c"):
            continue
        obj = os.path.join(os.path.dirname(os.environ.get("LIBXI") or "build/libxi.a"), path[:-2] + ".o")
        if not os.path.exists(obj):
            fail("%s: not built (run make first)" % obj)
            continue
        heads = ["%s/%s" % (mod["folder"], h) for h in mod["headers"] + mod["internal"]]
        heads += [inc for (src, inc) in EXCEPTIONS if src == path]
        words = set()
        for h in heads:
            if os.path.exists(h):
                if h not in decls:
                    decls[h] = declared(h)
                words |= decls[h]
        for sym in defined_symbols(obj):
            if not mod["prefix"]:
                if sym != "main":
                    fail("%s: %s is defined by the program, which has no header" % (path, sym))
                continue
            if not sym.startswith(mod["prefix"]):
                fail("%s: %s lacks its module's prefix %s" % (path, sym, mod["prefix"]))
            if sym not in words:
                fail("%s: %s is declared in none of %s" % (path, sym, ", ".join(heads)))
    # includes go down the layers; internal headers stay in their module
    for path, mod in sorted(owner.items()):
        src = GENERATED.get(path[:-2], path) if path.endswith(".c") else path
        if not src.endswith((".c", ".h")) or not os.path.exists(src):
            continue
        for inc in includes(src):
            folder = inc.split("/")[0] if "/" in inc else None
            if folder not in rank:
                fail("%s: includes \"%s\", which names no layer folder" % (src, inc))
                continue
            if rank[folder] > rank[mod["folder"]]:
                fail("%s: includes %s, a layer above %s/" % (src, inc, mod["folder"]))
            if inc in internal_of and internal_of[inc] is not mod and (src, inc) not in EXCEPTIONS:
                fail("%s: includes %s, internal to another module" % (src, inc))
    for f in failures:
        print(f)
    if failures:
        print("%d places where the code is not as %s says" % (len(failures), DOC))
        return 1
    nmod = sum(len(m) for _, m in layers)
    print("ok: %d files in %d modules of %d layers: each has its header and prefix, "
          "and includes only downward" % (len([p for p in owner if p.endswith(".c")]), nmod, len(layers)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
