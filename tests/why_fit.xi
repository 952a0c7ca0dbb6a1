# why grad(L, W) at a perfect fit: the prediction equals the target, so the
# loss is at its minimum and the gradient is 0 as it should be: "a perfect
# fit", not a cancellation (cmd/why.c's first row).  Values by hand:
#
# a squared error: w·x - y = 3·2 - 6 = 0, ∂L/∂w = 2(w·x - y)·x = 0
x = 2; y = 6; w = 3
L = (w*x - y)^2
why grad(L, w)
# a mean over a batch: w·x - y = 3·[1, 2] - [3, 6] = [0, 0] at every element
xs = [1, 2]; ys = [3, 6]
L2 = mean((w*xs - ys)^2)
why grad(L2, w)
# the residual as a bound: 0.1 is no binary number, so 3·0.1 - 0.3 (exactly 0
# in decimals) is a ball about 0 at 128 bits that proves no digit; it is a
# fit, not a cancellation of a difference that mattered
x3 = 0.1; y3 = 0.3
L3 = (w*x3 - y3)^2
why grad(L3, w)
# binary cross-entropy at p = y: σ(0·1) = 1/2 = y, so ∂L/∂p = -y/p + (1 - y)/(1 - p)
# = -1 + 1 = 0 and ∂L/∂v = (p - y)·x = 0
x4 = 1; y4 = 0.5; v = 0
p = σ(v*x4)
L4 = -y4*log(p) - (1 - y4)*log(1 - p)
why grad(L4, v)
trace L4
# not a fit: p = σ(1) = 0.7311 against y = 1, ∂L/∂v = (p - 1)·1 = -0.2689
y5 = 1; v = 1
p5 = σ(v*x4)
L5 = -y5*log(p5) - (1 - y5)*log(1 - p5)
why grad(L5, v)
# a fit of the format's numbers that is no fit of the exact ones stays a
# cancellation: in binary64 0.1·3 = 0.30000000000000004 and 0.3 differ by
# 5.55e-17; with binary64's own inputs the exact difference is 2.78e-17
# (mpmath: 3·0.1000000000000000055511151231257827 - 0.2999999999999999888977697537484346)
format binary64
L6 = (w*x3 - y3)^2
why grad(L6, w)
