#!/usr/bin/python3
"""Write the format tables tests/formats/FORMAT.tsv and FORMAT-matmul.tsv.

Run with Debian's Python and NumPy (/usr/bin/python3, package python3-numpy):

    /usr/bin/python3 tests/formats/gen.py [OUTDIR]
    /usr/bin/python3 tests/formats/gen.py --survey N OUTDIR   (see survey())

OUTDIR defaults to the directory of this script.  The inputs are deterministic
(Python's random.Random with fixed seeds, whose streams do not change between
Python versions); the results are whatever NumPy computes on this machine, in
the dtype itself: float16, float32 or float64 arrays in, the same dtype out
(asserted), warnings suppressed.

FORMAT.tsv rows:         op <TAB> a <TAB> b <TAB> result   (b empty for unary ops)
FORMAT-matmul.tsv rows:  m <TAB> k <TAB> n <TAB> A <TAB> B <TAB> C
    with A (m x k), B (k x n) and C = A @ B (m x n) row-major, elements
    separated by one space.
Every number is the exact value in that format as a C99 hexadecimal float
(0x1.8p+1, -0x1p-24, 0x0p+0, -0x0p+0, inf, -inf, nan).  Lines starting with
'#' are comments; the first says which format and which NumPy made the table.

The parts: fmtcommon.py (the formats and ops), inputs.py (each op's inputs),
npresults.py (NumPy's results and the tables written), survey.py (--survey).
"""

import os
import sys

from fmtcommon import FORMATS, Fmt
from npresults import MISMATCH, write_matmul, write_ops
from survey import survey


def report_mismatch(limit):
    if MISMATCH:
        print("gen.py: %d inputs where NumPy's array and scalar results differ (the array's is used):"
              % len(MISMATCH))
        for m in MISMATCH[:limit]:
            print("  " + m)


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "--survey":
        survey(int(sys.argv[2]), sys.argv[3])
        report_mismatch(20)
        return
    if len(sys.argv) > 2 or (len(sys.argv) == 2 and sys.argv[1].startswith("-")):
        sys.exit("usage: gen.py [OUTDIR] | gen.py --survey N OUTDIR")
    outdir = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    for name, dt, ut in FORMATS:
        f = Fmt(name, dt, ut)
        for path, n in (write_ops(f, outdir), write_matmul(f, outdir)):
            print("gen.py: %s: %d rows" % (path, n))
    report_mismatch(len(MISMATCH))


if __name__ == "__main__":
    main()
