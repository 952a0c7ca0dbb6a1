# Seed 000, section 5, typed step by step with the seed's own names ξ1 ... ξ5.
# trace shows each ξ forward, then each ∂L/∂ξ as (consumer's adjoint) × (local
# partial).  Values by hand and mpmath (60 digits):
#   ξ1 = -9, ξ2 = e^-9 = 0.000123409804, ξ3 = 1.000123409804,
#   ξ4 = p = 0.999876605424, ξ5 = log p = -0.000123402190, L = 0.000123402190
#   ∂L/∂ξ5 = -y = -1, ∂L/∂ξ4 = -1/ξ4 = -1.000123409804,
#   ∂L/∂ξ3 = 1/ξ3 · ... = 0.999876605424, ∂L/∂ξ1 = 0.000123394576
x = 3; W = 3; y = 1
ξ1 = -W*x; ξ2 = exp(ξ1); ξ3 = 1 + ξ2; ξ4 = 1/ξ3; ξ5 = log(ξ4); L = -y*ξ5
trace L
check ξ4 == 0.999876605424
check grad(L, ξ5) == -1
check grad(L, ξ4) == -1.000123409804
check grad(L, ξ3) == 0.999876605424
check grad(L, ξ2) == 0.999876605424
check grad(L, ξ1) == 0.000123394576
check grad(L, W) == -0.00037018
