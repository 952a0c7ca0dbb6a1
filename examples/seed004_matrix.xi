# Seed 004's two worked examples in matrix form, as the text writes them:
# z1 = W1 x + b1, a1 = φ(z1), z2 = W2 a1 + b2, ŷ = g(z2); δ2 = ŷ - y,
# ∂L/∂W2 = δ2 a1ᵀ, δ1 = (W2ᵀ δ2) ⊙ φ'(z1), ∂L/∂W1 = δ1 xᵀ.  `trace` shows each
# of these as the local partial of one node.  Values: mpmath, 40 digits, and
# by hand for example 1.

# ---- example 1: linear units, MSE, η = 0.1 ----
x = [1, 1]; y = 1; η = 0.1
W1 = [[0.1, 0.1], [0.1, 0.1]]; b1 = [0, 0]; W2 = [[0.1, 0.1]]; b2 = [0]
z1 = W1 @ x + b1
a1 = z1
z2 = W2 @ a1 + b2
check z1 == [0.2, 0.2]
check z2 == [0.04]
L = sum((z2 - y)^2)                   # the loss as the text states it: 0.9216
check L == 0.9216
# the text's δ2 = ŷ - y belongs to ½(ŷ - y)^2; with the stated loss all is doubled
check grad(L, W2) == [[-0.384, -0.384]]
Lh = sum((z2 - y)^2)/2
check grad(Lh, z2) == [-0.96]         # δ2
check grad(Lh, W2) == [[-0.192, -0.192]]
check grad(Lh, b2) == [-0.96]
check grad(Lh, z1) == [-0.096, -0.096]   # δ1 = (W2ᵀ δ2) ⊙ 1
check grad(Lh, W1) == [[-0.096, -0.096], [-0.096, -0.096]]
check grad(Lh, b1) == [-0.096, -0.096]
gW1 = grad(Lh, W1); gb1 = grad(Lh, b1); gW2 = grad(Lh, W2); gb2 = grad(Lh, b2);
W1 -= η*gW1; b1 -= η*gb1; W2 -= η*gW2; b2 -= η*gb2;
check W2 == [[0.1192, 0.1192]]
check b2 == [0.096]
check W1 == [[0.1096, 0.1096], [0.1096, 0.1096]]
check b1 == [0.0096, 0.0096]

# ---- example 2: sigmoid units, binary cross-entropy, η = 0.1 ----
W1 = [[0.1, 0.1], [0.1, 0.1]]; b1 = [0, 0]; W2 = [[0.1, 0.1]]; b2 = [0]
z1 = W1 @ x + b1
a1 = sigmoid(z1)
z2 = W2 @ a1 + b2
ŷ = sigmoid(z2)
L = sum(-(y*log(ŷ) + (1 - y)*log(1 - ŷ)))
check a1 == [0.5498, 0.5498]
check ŷ == [0.5275]
check L == 0.640                      # the text: "L ≈ 0.639", the value truncated
δ2 = grad(L, z2)
check δ2 == [-0.4725]                 # = ŷ - y
check δ2 == [-0.4725359707399704301602]
check grad(L, W2) == [[-0.260, -0.260]]    # the text: "≈ [-0.259, -0.259]", truncated
check grad(L, W2) == [[-0.2598163416658900411326, -0.2598163416658900411326]]
check a1*(1 - a1) == [0.2475, 0.2475]        # σ'(z1)
check W2.T @ δ2 == [-0.04725, -0.04725]      # W2ᵀ δ2
δ1 = grad(L, z1)
check δ1 == [-0.0117, -0.0117]
check δ1 == [-0.01169604839606292142009, -0.01169604839606292142009]
check grad(L, W1) == [[-0.0117, -0.0117], [-0.0117, -0.0117]]
check outer(δ1, x) == [[-0.0117, -0.0117], [-0.0117, -0.0117]]   # δ1 xᵀ, by the formula
trace L
gW1 = grad(L, W1); gb1 = grad(L, b1); gW2 = grad(L, W2); gb2 = grad(L, b2);
W1 -= η*gW1; b1 -= η*gb1; W2 -= η*gW2; b2 -= η*gb2;
check W2 == [[0.1260, 0.1260]]        # the text: "0.1259", truncated
check b2 == [0.04725]
check W1 == [[0.10117, 0.10117], [0.10117, 0.10117]]
check b1 == [0.00117, 0.00117]
ŷ                                     # up toward 1, as the text says
