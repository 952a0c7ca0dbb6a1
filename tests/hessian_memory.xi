# args: --memory 100M
# hessian of a vector proves its digits within the memory budget.
# Each row of a hessian is a grad value whose ball needs its own graph: all of
# them built and kept at once took 5.5 GB for a 2000-vector, over the budget
# after 100 s; built and dropped one at a time they take one row's worth, and
# this 500-vector's proof fits in 100 MB (before: "digits not proven: over the
# memory budget", or a crash printing it).  L = Σ wi tanh(wi) is separable, so
# H is diagonal, each diagonal element f''(1/3) for f(w) = w tanh(w):
# 2 sech²w - 2 w tanh(w) sech²w = 1.60107390303625565033582821933 (mpmath,
# 30 digits).
w = ones(500)/3
L = sum(tanh(w)*w)
H = hessian(L, w);
digits 20
H[0, 0]
H[499, 499]
H[0, 1]
H[498, 499]
check H[7, 7] == 1.6010739030362556503
check sum(H) == 800.53695151812782516791
