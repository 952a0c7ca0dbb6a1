# dot, svg and export print only what the balls prove, as trace does: at 53
# bits (1 - cos x)/x² for x = 1e-8 keeps no correct digit of 1 - cos x (by
# hand: cos(1e-8) = 1 - 5e-17 rounds to 1), so ξ2, L, ∂L/∂ξ3 = -ξ2/ξ3² and
# ∂L/∂x print as the bounds their balls prove ("0 ± 2.3e-16"), each holding
# the exact value (ξ2 = 5e-17, L = 0.5, ∂L/∂ξ3 = -5e15, ∂L/∂x = -8.3e-10,
# mpmath), while cos x = 0.99999999999999995 shows 1.000000000 (10 digits,
# all right) and ∂L/∂ξ2 = 1/x² = 1e16 exactly
prec 53
x = 1e-8
L = (1 - cos(x))/x^2
dot L
