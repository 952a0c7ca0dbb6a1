# args: --keep-going
# check with an expression on the right, and with a tolerance.  Seed 000's
# one neuron: ∂L/∂W = (p - y)·x by hand (sigmoid with cross-entropy), so the
# two must agree to the working precision; scaled by 1.001 they agree to 3
# digits only.  sin² + cos² = 1 and 2v = v + v are identities.
x = 3; W = 3; y = 1
p = sigmoid(W*x)
L = -y*log(p) - (1 - y)*log(1 - p)
check grad(L, W) == (p - y)*x
check grad(L, W) == (p - y)*x*1.001
check L ≈ 0.0001234 ± 1e-7
check L ≈ 0.0001234 +/- 1e-9
check L == 0.0001234 ± 2.2e-8
check L ≈ 0.0001234
v = [x, 2*x]
check 2*v == v + v
check v == [3, 7] ± 0.5
check v == [3, 7] ± 2
check sin(x)^2 + cos(x)^2 == 1 + 0*x
check v == [1, 2, 3]
check v == [1, 2, 3] + 0*x
check L == 1 ± -1
check L == 1 ± [1, 2]
