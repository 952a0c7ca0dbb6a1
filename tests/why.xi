# why grad(L, W): each cause of the table (cmd/why.c), and the line trace
# prints under a leaf's gradient of 0 or not finite.  Values by hand:
#
# a dead ReLU: W·x + b = [-1·1 - 0.5·2 + 0.1, -0.5·1 - 1·2 + 0.1] = [-1.9, -2.4],
# every pre-activation below 0: relu' = 0, ∂L/∂W = 0
x = [1, 2]; W = [[-1, -0.5], [-0.5, -1]]; b = [0.1, 0.1]
h = relu(W @ x + b)
L = sum(h*h)
why grad(L, W)
trace L
# the same through np.maximum(z, 0), and a ReLU that is alive: nothing to explain
h2 = maximum(W @ x + b, 0)
why grad(sum(h2), W)
why grad(sum(relu(x*W)), x)
# a saturated sigmoid: σ(25)(1 - σ(25)) = e^-25/(1 + e^-25)² = 1.4e-11 < 1e-8
z = 25; w = 1
L2 = (σ(w*z) - 1)^2
why grad(L2, w)
# and tanh: 1 - tanh²(10) = sech²(10) = 4/(e^10 + e^-10)² = 8.2e-9
why grad(tanh(10*w), w)
# a cancellation at the working precision: at 53 bits 1 - σ(40) is 1 - (1 -
# 4.2e-18), nothing left; softplus keeps it: log(1 - σ(40)) = -softplus(40) = -40
prec 53
c = 40
L3 = -log(1 - σ(c*w) + 1e-300)
why grad(L3, w)
L3b = softplus(c*w)
grad(L3b, w)
prec 128
# in binary16: exp(-20) = 2.1e-9 is below its smallest subnormal (6.0e-8):
# σ(-20) underflows to 0, and -log(0) is inf (a log of 0, an underflow)
format binary16
z = -20
p = σ(w*z)
L4 = -log(p)
why grad(L4, w)
# overflow: exp(20) = 4.9e8 > 65504, binary16's largest
L5 = exp(w*20) - exp(w*20)
why grad(L5, w)
# 0·inf in a branch np.where did not take: sqrt's derivative at 0 is inf, and
# the branch's adjoint there is 0
v = [4, 0]
L6 = sum(np.where(v > 0, np.sqrt(v), 0))
why grad(L6, v)
# binary64: 1 - σ(40) cancels to 0 (σ(40) rounds to 1), log(0) = -inf;
# log_sigmoid(-40) = -40 is the fix, and its gradient is finite
format binary64
L7 = -log(1 - σ(c*w))
why grad(L7, w)
trace L7
L8 = -log_sigmoid(-c*w)
grad(L8, w)
why grad(w*w, w)
# the issue's 1 - σ(20): σ(20) = 1 - 2.06e-9, and binary32's numbers below 1
# are 6.0e-8 apart, so it rounds to 1 and 1 - σ(20) cancels to 0 (exact
# 2.0612e-9 = e^-20/(1 + e^-20)); then log(0) = -inf.  Its adjoint's inf comes
# from 1/0 (exact -1/2.06e-9 = -4.85e8, far below binary32's 3.4e38): no
# overflow is named
format binary32
w = 1
L9 = -log(1 - σ(20*w))
why grad(L9, w)
# a saturated σ on the path of a gradient that did not vanish: log(1 - σ(z))
# at z = 50 has d/dz = -σ(z) = -1 + 1.9e-22 (by hand; σ′ = σ(1 - σ) is 1.9e-22,
# and log's 1/(1 - σ) undoes it), so no cause applies (it said "saturated")
format mpfr
z = 50
why grad(log(1 - σ(z)), z)
