# Seed 000 (Backpropagation, sections 3 and 5): logistic regression with one
# weight.  x = 3, W = 3, y = 1; the seed's final result is dL/dW ≈ -0.00037018.
#   run: xi examples/seed000_logistic.xi
x = 3; W = 3; y = 1
# the one-liner: p = σ(Wx) written out as 1/(1 + e^(-Wx)), then L = -y·log(p)
L = -y*log(1/(1 + exp(-W*x)))
grad(L, W)
check grad(L, W) == -0.00037018            # the seed's number
check grad(L, W) == -0.000370183727958695  # mpmath, 60 digits

# the same loss through sigmoid, with the (1 - y) term of section 3 (zero here)
p = sigmoid(W*x)
L2 = -y*log(p) - (1 - y)*log(1 - p)
check grad(L2, W) == -0.000370183727958695

# section 3's chain: dL/dp · dp/dh · dh/dW, each factor as the seed writes it
dL_dp = -y/p + (1 - y)/(1 - p)
dp_dh = p*(1 - p)
check dL_dp * dp_dh * x == -0.000370183727958695
# and the simplified gradient (p - y)·x
check (p - y)*x == -0.000370183727958695
check grad(L2, W) == -0.000370183727958695

# every leaf at once
grad L
