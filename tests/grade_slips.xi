# grade: every row of the table of slips (cmd/slips.c), each on a claim made
# wrong in that one way.  The values are derived by hand, below each case.
#
# sign: L = (w*x - t)^2 at w = 2, x = 3, t = 5: w*x - t = 1, L = 1,
# ∂L/∂w = 2·1·x = 6 (written -6); ∂L/∂x = 2·1·w = 4 (right)
w = 2; x = 3; t = 5
L = (w*x - t)^2
grade L
dL/dw = -6
dL/dx = 4

# factor of 2: the same, ∂L/∂w written 3 (the ½ convention), and written 12
# (twice 6)
grade L
dL/dw = 3

grade L
dL/dw = 12

# not slips, marked as a teacher marks them (tests/grade_rounded.xi has more):
# truncated: L2 = 2/3 = 0.6667 written 0.6666, right to the 4 digits written
L2 = w/x
grade L2
L2 = 0.6666

# rounding carried forward: r = 1/3 written 0.333 (right to its 3 digits),
# s3 = 3000·r computed from it is 999, but s3 is 1000: follow-through, the
# rounding leaving 2 correct digits (to 2 digits both are 1.0e3; to 3, 999
# against 1.00e3)
r = 1/3
s3 = r*3000
L5 = s3 + 1
grade L5
r = 0.333
s3 = 999

# batch size: L1 = mean((w1·x1 - t1)²) over 4 samples, x1 = [1, 2, 3, 4],
# t1 = 2·x1, w1 = 1.5: ∂L1/∂w1 = (1/4)·Σ 2(w1·x - t)x = (1/4)·2·(-0.5)·30 =
# -7.5; the sum without the 1/4 is -30
x1 = [1, 2, 3, 4]; t1 = [2, 4, 6, 8]; w1 = 1.5
L1 = mean((w1*x1 - t1)^2)
grade L1
dL1/dw1 = -30

# dropped σ′: seed 004's example 2, ∂L/∂a1 = W2ᵀδ2 = -0.04725 (right); δ1 =
# ∂L/∂z1 written as ∂L/∂a1, without the σ′(z1) = 0.2475 it should be times
X = [1, 1]; V1 = [[0.1, 0.1], [0.1, 0.1]]; V2 = [0.1, 0.1]
h1 = V1 @ X
g1 = σ(h1)
L2 = -log(σ(V2 @ g1))
grade L2
dL2/dg1 = [-0.04725, -0.04725]
dL2/dh1 = [-0.04725, -0.04725]

# dropped tanh′: L7 = 3·tanh(a·u) at a = 0.5, u = 2: ∂L7/∂u = 3·(1 - tanh²(1))·a =
# 3·0.419974·0.5 = 0.62996; without the tanh′ it is 3·0.5 = 1.5
a = 0.5; u7 = 2
L7 = 3*tanh(a*u7)
grade L7
dL7/du7 = 1.5

# transposed: zz = M·v with M = [[1, 2], [3, 4]], v = [1, 2]: zz = [5, 11];
# L3 = Σ zz²/2, so ∂L3/∂zz = zz = [5, 11]; ∂L3/∂M = zz·vᵀ = [[5, 10], [11, 22]]
# (written as its transpose); ∂L3/∂v = Mᵀ·zz = [38, 54] (written M·zz = [27, 59]);
# a claim in the transpose's shape: N (2×3) @ u, ∂L6/∂N = (N@u)·uᵀ (2×3)
v = [1, 2]; M = [[1, 2], [3, 4]]
zz = M @ v
L3 = sum(zz*zz)/2
grade L3
dL3/dzz = [5, 11]
dL3/dM = [[5, 11], [10, 22]]
dL3/dv = [27, 59]

u = [1, 0, 1]; N = [[1, 0, 0], [0, 1, 0]]
L6 = sum((N @ u)^2)/2
grade L6
dL6/dN = [[1, 0], [0, 0], [1, 0]]

# fan-out: h = p·q = 10, L4 = h² + 3h: ∂L4/∂h = 2h + 3 = 23; 20 leaves out
# the path through 3h
p = 2; q = 5
h = p*q
L4 = h*h + 3*h
grade L4
dL4/dh = 20
dL4/dp = 115

