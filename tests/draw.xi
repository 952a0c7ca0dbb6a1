# args: --keep-going
# dot, svg, export and trace wrt.  The files go to tests/out/draw_*;
# tests/draw/check compares them with tests/draw/seed000.{dot,md,tex} (made by
# tests/draw/seed000.py from mpmath, not by xi), checks each SVG's XML and
# boxes, and steps through the page in a headless browser.
#
# Seed 000's logistic example (examples/seed000_logistic.xi).  The seed's
# result is dL/dW ≈ -0.00037018; mpmath at 50 digits: -0.000370183727958695...
x = 3; W = 3; y = 1
L = -y*log(1/(1 + exp(-W*x)))
check grad(L, W) == -0.000370183727958695
# printed, then the part on a path from W (x and ξ1 = -y grey, off the path)
dot L
dot L wrt W
trace L wrt W
# written: after '>', or a name ending in .dot or .gv; quotes for spaces
dot L > out/draw_L.dot
dot L out/draw_L2.dot
dot L "out/draw L3.gv"
dot L wrt W > out/draw_LW.dot
export L out/draw_L.md
export L out/draw_L.tex
export L wrt W out/draw_LW.md
svg L out/draw_L.svg
svg L wrt W out/draw_LW.svg
export L out/draw_L.html
# the ξ labels dot gave are names now, as trace's are.  mpmath at 50 digits
# (to 30 digits) ξ4 = exp(-9), dL/dξ3 = -ξ1 · (1/ξ6) · (-1/ξ5²) · 1 · ξ4 with ξ5 = 1 + ξ4, ξ6 = 1/ξ5
check ξ4 == 0.000123409804086679549497636690730
check grad(L, ξ3) == 0.000123394575986231729746913104749

# a small network: a bias added to every row, tanh, half the sum of squares.
# mpmath at 40 digits (tests/show_trace.xi): L3 = 1.67310756443726012020117508018,
# dL3/db = [0.336965144964684190965105255266, 0.810886781199812469384084590880]
X = [[1, 2], [3, 4], [5, 6]]; Wt = [[0.1, -0.2], [0.3, 0.4]]; b = [0.5, -0.5]
z = X @ Wt + b; a = tanh(z); L3 = sum(a*a)/2
check L3 == 1.67310756443726012020117508018
check grad(L3, b) == [0.336965144964684190965105255266, 0.810886781199812469384084590880]
dot L3 wrt b
svg L3 out/draw_L3.svg
export L3 wrt b out/draw_L3.md
export L3 out/draw_L3.html
# a root that is not a scalar: the forward pass only
export a out/draw_a.html
# a large tensor is summarised in its box: its shape and its corners.  NumPy:
# np.random.seed(0); R = np.random.randn(6, 5) starts [1.76405235, 0.40015721, ...,
# 1.86755799], [-0.97727788, 0.95008842, ..., 0.41059850], ends [-1.45436567,
# 0.04575852, ..., 1.46935877]; sum(R*R)/2 by mpmath from those doubles:
# 20.4973055513485426887185452229; dL4/dR = R
seed 0
R = randn(6, 5); L4 = sum(R*R)/2
check L4 == 20.4973055513485426887185452229
check grad(L4, R) == R
dot L4
svg L4 out/draw_L4.svg
export L4 out/draw_L4.tex

# errors, each pointing at its culprit
dot L /nonexistent/dir/x.dot
svg L /nonexistent/x.svg
export L /nonexistent/x.md
export L out/draw_L.pdf
dot L out/draw_L.txt
svg L out/draw_L.png
svg L
export L
dot nosuch
svg nosuch out/x.svg
export L wrt nosuch out/x.md
trace L wrt nosuch
q = 5
L5 = W*x
dot L5 wrt y
dot L wrt q
trace L wrt q
export L wrt q out/x.md
dot L wrt a
svg L wrt Wt out/x.svg
dot L >
# a file that is not a regular file (a device, a named pipe) cannot be
# replaced by a new file renamed over it: it is written in place, and the
# error says so; export writes what the name ends in, and /dev/full ends in
# nothing export knows
dot L > /dev/full
svg L > /dev/full
export L /dev/full
export L out/draw_L.xyz
export L out
