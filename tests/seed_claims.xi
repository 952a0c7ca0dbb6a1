# args: --keep-going
# The seeds' numbers that the math does not bear out: each check fails, and
# says whether the text truncated instead of rounding.  Values: mpmath.
x1 = 1; x2 = 1; y = 1; w = 0.1;
a1 = σ(w*x1 + w*x2); ŷ = σ(w*a1 + w*a1); L = -log(ŷ);
check L == 0.639                     # seed 004: L ≈ 0.639 (it is 0.63967)
check grad(L, w) == -0.259           # not the seed's ∂L/∂W2: w is every weight here
v1 = 0.1; v2 = 0.1;
ŷ2 = σ(v1*a1 + v2*a1); L2 = -log(ŷ2);
check grad(L2, v1) == -0.259         # seed 004: ∂L/∂W2 ≈ -0.259 (it is -0.25982)
check 0.1 - 0.1*grad(L2, v1) == 0.1259   # seed 004: W2 := 0.1259 (it is 0.12598)
# seed 004, example 1: ∂L/∂W2 = -0.192 is for ½(ŷ - y)^2, not the stated (ŷ - y)^2
ŷ1 = v1*(w*x1 + w*x2) + v2*(w*x1 + w*x2); L1 = (ŷ1 - y)^2;
check grad(L1, v1) == -0.192
check grad(L1/2, v1) == -0.192
