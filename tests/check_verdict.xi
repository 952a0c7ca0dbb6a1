# args: --keep-going
# check A == B: two values computed differently are judged by
# their balls.  Apart: "is not", proven.  Overlapping and both proven to the
# digits shown: equal within the balls.  Otherwise the balls' precision is
# doubled, up to 8192 bits, before anything is said.
#
# The README's setup, p written out as 1/(1 + exp(-h)).  By hand: with
# L = -y log p - (1 - y) log(1 - p) and p = σ(h), h = W x, dL/dp =
# -y/p + (1 - y)/(1 - p), dp/dh = p(1 - p), so dL/dW = (p - y) x; and
# d(1 - p)/dh = -p(1 - p).  p - y cancels four of p's digits (p = 0.99988),
# so the two ways agree to about 34 of 38 digits: today's rule (within 8
# bits of 128) said "is not" for all three.
x = 3; W = 3; y = 1
h = W*x
p = 1/(1 + exp(-h))
L = -y*log(p) - (1 - y)*log(1 - p)
check grad(L, W) == (p - y)*x
check grad(p, h) == p*(1 - p)
check grad(1 - p, h) == -p*(1 - p)
# a slip of the chain rule is proven wrong: the balls are apart
check grad(1 - p, h) == p*(1 - p)
check grad(L, W) == (p - y)*x*1.000000001
# decided only at a higher precision: at 128 bits (1 + t) - 1 with t = 1e-45
# is a ball about 0 of radius about 2^-128 that holds 1e-45 and 0 alike; at
# 256 bits it is 1e-45 to 30 digits, apart from 0 (by hand: 1 + 1e-45 needs
# 150 bits).  (A number on the right is a claim, judged as typed: these are
# expressions.)
t = 1e-45
check (1 + t) - 1 == t
check (1 + t) - 1 == 0*t
# equal in truth, but no ball of a number computed inexactly is a point:
# 0.1 + 0.2 - 0.3 (each literal its decimal, so exactly 0) overlaps 0 at
# every precision, and passes as equal within the balls at 8192 bits
check 0.1 + 0.2 - 0.3 == 0*x
check 2*x == x + x
#
# An XOR network, 2-2-1 with sigmoids, its gradient against the formulas of
# backpropagation by hand (δ2 = dL/dA2 ⊙ A2(1 - A2), δ1 = δ2 W2ᵀ ⊙ A1(1 - A1),
# dW2 = A1ᵀ δ2, db2 = Σ δ2, dW1 = Xᵀ δ1, db1 = Σ δ1), for MSE (dL/dA2 =
# 2(A2 - Y)/4) and for cross-entropy (dL/dZ2 = (A2 - Y)/4).  With BCE the
# sums over the four points cancel in dW1 (0.0234 - 0.0202 - 0.0171 + 0.0199
# gives -0.00023): today's rule failed that element.
X = [[0, 0], [0, 1], [1, 0], [1, 1]]
Y = [[0], [1], [1], [0]]
W1 = [[0.5, -0.4], [0.3, 0.8]]; b1 = [[0.1, -0.2]]
W2 = [[0.7], [-0.6]]; b2 = [[0.05]]
A1 = 1/(1 + exp(-(X @ W1 + b1)))
A2 = 1/(1 + exp(-(A1 @ W2 + b2)))
Lm = mean((A2 - Y)^2)
Lb = -mean(Y*log(A2) + (1 - Y)*log(1 - A2))
d2 = 2*(A2 - Y)/4 * A2*(1 - A2)
d1 = (d2 @ W2.T) * A1*(1 - A1)
check grad(Lm, W2) == A1.T @ d2
check grad(Lm, b2) == sum(d2, 0, True)
check grad(Lm, W1) == X.T @ d1
check grad(Lm, b1) == sum(d1, 0, True)
e2 = (A2 - Y)/4
e1 = (e2 @ W2.T) * A1*(1 - A1)
check grad(Lb, W2) == A1.T @ e2
check grad(Lb, b2) == sum(e2, 0, True)
check grad(Lb, W1) == X.T @ e1
check grad(Lb, b1) == sum(e1, 0, True)
# forgetting σ' in δ1 is proven wrong, element by element
check grad(Lb, W1) == X.T @ (e2 @ W2.T)
# with a tolerance, undecided at 128 bits is decided higher too:
# |(1 + 1e-45) - 1 - 1e-45| <= 1e-60 holds (it is 0)
check (1 + t) - 1 ≈ t ± 1e-60
# the tolerance is judged by its ball, as A and B are: it is the decimal typed, which
# its number holds only rounded (0.9 at 128 bits is below 0.9).  By hand, |3 - 2.1|
# is 0.9 exactly: within 0.90001, not within 0.89999, and on the edge of 0.9, where
# no ball decides it (it said "proven wrong" when the tolerance was its number)
c = 3;
check c ≈ 2.1 ± 0.90001
check c ≈ 2.1 ± 0.89999
check c ≈ 2.1 ± 0.9
check 2 ≈ 2.1 ± 0.1
# under a format there are no balls: the numbers held are compared, said so,
# and a difference larger than rounding explains is undecided, not "is not"
# (binary64's p - y keeps 53 - 13 bits: the two differ in their 13th digit)
format binary64
check grad(L, W) == (p - y)*x
check grad(L, W) == (p - y)*x*(1 + 1e-14)
