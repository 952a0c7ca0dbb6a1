# Every command.  Seed 000's logistic-regression example is the subject:
# x = 3, W = 3, y = 1, L = -y·log(σ(W·x)).  By hand, dL/dW = (σ(Wx) - y)·x and
# dL/dx = (σ(Wx) - y)·W; mpmath at 60 digits gives L = 0.000123402189723258816350138750,
# dL/dW = dL/dx = -0.000370183727958695189240739314, dL/dy = -log σ(9) = L.
load data/setup.xi
L = -y*log(1/(1 + exp(-W*x)))
check L == 0.000123402189723258816350138750
check grad(L, W) == -0.000370183727958695189240739314
grad L
grad L wrt W, y
grad L*2 wrt x
grad 5
trace L

# the seed's own steps, with its names; the adjoints are the seed's ∂L/∂ξ
xi1 = -W*x; xi2 = exp(xi1); xi3 = 1 + xi2; xi4 = 1/xi3; xi5 = log(xi4); L = -y*xi5;
trace L
grad L wrt xi1, xi3, xi4

# check: within half a unit of the last digit written
check grad(L, W) == -0.00037018
check grad(L, W) == -3.7018e-4
check grad(L, W) == -0.000370184
check grad(L, W) == -0.00037019        # fails: off by more than half a unit
check grad(L, W) == -0.000370183       # fails: this is the value truncated
check 1/8 == 0.125
check 1/8 == 0.13                      # 0.125 is a tie at the half unit: passes
check 1000 == 1e3

# digits and prec
digits
digits 30
L
prec
prec 64
L
prec 128
digits 10
L
help
help sigmoid
help σ
help grad
help check
help nosuch
set x = 4                              # the knob: L, computed from x, is computed again
grad(L, W)                             # (σ(12) - 1)·4
x = 5                                  # a new x: L keeps the x it was computed from
grad(L, W)                             # still (σ(12) - 1)·4
help set
quit
x                                      # never runs
