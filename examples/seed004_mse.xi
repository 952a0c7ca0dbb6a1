# Seed 004, worked example #1: the 2-2-1 network with linear activations and
# MSE, written with scalars.  x = [1, 1], y = 1, every weight 0.1, biases 0,
# learning rate 0.1.  Forward, by hand: z1 = [0.2, 0.2], z2 = ŷ = 0.04,
# L = (0.04 - 1)^2 = 0.9216.
x1 = 1; x2 = 1; y = 1; η = 0.1
w11 = 0.1; w12 = 0.1; w21 = 0.1; w22 = 0.1; b11 = 0; b12 = 0
v1 = 0.1; v2 = 0.1; b2 = 0
z11 = w11*x1 + w12*x2 + b11
z12 = w21*x1 + w22*x2 + b12
ŷ = v1*z11 + v2*z12 + b2
L = (ŷ - y)^2
check z11 == 0.2
check ŷ == 0.04
check L == 0.9216

# The seed writes L = (ŷ - y)^2 but then takes δ2 = ŷ - y, which is the
# derivative of ½(ŷ - y)^2.  For the loss it states, δ2 = 2(ŷ - y) = -1.92 and
# every gradient is twice the seed's:
check grad(L, ŷ) == -1.92
check grad(L, v1) == -0.384        # the seed says -0.192
# With the ½ the seed's numbers are exact:
Lh = (ŷ - y)^2/2
check grad(Lh, ŷ) == -0.96         # δ2
check grad(Lh, v1) == -0.192       # ∂L/∂W2 = δ2 a1ᵀ
check grad(Lh, b2) == -0.96        # ∂L/∂b2 = δ2
check grad(Lh, z11) == -0.096      # δ1 = (W2ᵀ δ2) ⊙ 1
check grad(Lh, w11) == -0.096      # ∂L/∂W1 = δ1 xᵀ
check grad(Lh, w22) == -0.096
check grad(Lh, b11) == -0.096

# one step of gradient descent (with the ½, as the seed's updates assume)
gv1 = grad(Lh, v1); gv2 = grad(Lh, v2); gb2 = grad(Lh, b2)
gw11 = grad(Lh, w11); gw12 = grad(Lh, w12); gw21 = grad(Lh, w21); gw22 = grad(Lh, w22)
gb11 = grad(Lh, b11); gb12 = grad(Lh, b12)
v1 -= η*gv1; v2 -= η*gv2; b2 -= η*gb2
w11 -= η*gw11; w12 -= η*gw12; w21 -= η*gw21; w22 -= η*gw22
b11 -= η*gb11; b12 -= η*gb12
check v1 == 0.1192
check b2 == 0.096
check w11 == 0.1096
check b11 == 0.0096
# "the next loss will be smaller": the forward pass again on the new weights
z11 = w11*x1 + w12*x2 + b11; z12 = w21*x1 + w22*x2 + b12
ŷ = v1*z11 + v2*z12 + b2
L = (ŷ - y)^2
# by hand: z1 = 2·0.1096 + 0.0096 = 0.2288, ŷ = 2·0.1192·0.2288 + 0.096
check ŷ == 0.15054592
check L == 0.7215722340286464
