# Seed 001 ("Example: Simple Network"): x → z = wx → a = σ(z) → L = (a - y)^2,
# and the seed's formula ∂L/∂w = 2(a - y)·σ'(z)·x with σ'(z) = σ(z)(1 - σ(z)).
# The seed gives no numbers; these inputs are ours.  mpmath (60 digits):
#   a = 0.354343693774, L = 0.416872065769, ∂L/∂w = -0.147715987616
x = 0.5; w = -1.2; y = 1
z = w*x
a = sigmoid(z)
L = (a - y)^2
check a == 0.354343693774
check L == 0.416872065769
check grad(L, w) == -0.147715987616
# the formula, factor by factor, against the sweep
dL_da = 2*(a - y)
da_dz = a*(1 - a)
dz_dw = x
check dL_da * da_dz * dz_dw == -0.147715987616
# ∂L/∂z = 2(a - y)·σ'(z), reusing ∂L/∂a as the seed says
check grad(L, a) == -1.291312612452
check grad(L, z) == -0.295431975232
trace L
