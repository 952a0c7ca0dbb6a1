# Seed 004, worked example #2: the same 2-2-1 network with sigmoid units and
# binary cross-entropy.  x = [1, 1], y = 1, weights 0.1, biases 0, η = 0.1.
# The seed rounds to four places; where its number is the value cut off
# rather than rounded, the correct rounding is checked and the seed's claim
# is quoted.  (tests/seed_claims.xi shows those claims failing.)
# Values from mpmath at 40 digits.
x1 = 1; x2 = 1; y = 1; η = 0.1
w11 = 0.1; w12 = 0.1; w21 = 0.1; w22 = 0.1; b11 = 0; b12 = 0
v1 = 0.1; v2 = 0.1; b2 = 0
z11 = w11*x1 + w12*x2 + b11; z12 = w21*x1 + w22*x2 + b12
a11 = σ(z11); a12 = σ(z12)
z2 = v1*a11 + v2*a12 + b2
ŷ = σ(z2)
L = -(y*log(ŷ) + (1 - y)*log(1 - ŷ))

check a11 == 0.5498                 # seed: 0.5498
check z2 == 0.1100                  # seed: 0.1100
check ŷ == 0.5275                   # seed: 0.5275
check L == 0.640                    # seed: "L ≈ 0.639"; L = 0.63967..., so 0.639 is truncated
check L == 0.6396746069332730745

# backward: the shortcut δ2 = ŷ - y for BCE + sigmoid, against the sweep
check grad(L, z2) == -0.4725        # seed: δ2 ≈ -0.4725
δ2 = ŷ - y
check δ2 == -0.47253597073997043016
check grad(L, z2) == -0.47253597073997043016
check grad(L, v1) == -0.260         # seed: "∂L/∂W2 ≈ -0.259"; it is -0.25982, truncated
check grad(L, v1) == -0.25981634166589004113
check grad(L, b2) == -0.4725        # seed: ∂L/∂b2 ≈ -0.4725
check a11*(1 - a11) == 0.2475       # seed: σ'(z1) ≈ 0.2475
check v1*δ2 == -0.04725             # seed: W2ᵀ δ2 ≈ -0.04725
check grad(L, z11) == -0.0117       # seed: δ1 ≈ -0.0117
check grad(L, z11) == -0.011696048396062921420
check grad(L, w11) == -0.0117       # seed: ∂L/∂W1 ≈ -0.0117 (all four)
check grad(L, w22) == -0.0117
check grad(L, b12) == -0.0117

# the update
gv1 = grad(L, v1); gv2 = grad(L, v2); gb2 = grad(L, b2)
gw11 = grad(L, w11); gw12 = grad(L, w12); gw21 = grad(L, w21); gw22 = grad(L, w22)
gb11 = grad(L, b11); gb12 = grad(L, b12)
v1 -= η*gv1; v2 -= η*gv2; b2 -= η*gb2
w11 -= η*gw11; w12 -= η*gw12; w21 -= η*gw21; w22 -= η*gw22
b11 -= η*gb11; b12 -= η*gb12
check v1 == 0.1260                  # seed: "W2 := 0.1259"; it is 0.12598, truncated
check v1 == 0.12598163416658900411
check b2 == 0.04725                 # seed: 0.04725
check w11 == 0.10117                # seed: 0.10117
check b11 == 0.00117                # seed: 0.00117
# "updates push ŷ upward toward 1"
ŷ
L
