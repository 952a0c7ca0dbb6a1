# step L: the trace one line at a time, read here from tests/step.in (stdin
# is not a terminal: a line per step, empty or n next, b back, q leaves; the
# end of the input shows the rest).  Seed 000's logistic example; the
# numbers, from mpmath at 40 digits (x = W = 3, y = 1, p = 1/(1 + exp(-9))):
#   ξ3 = W·x negated = -9          ξ4 = exp(-9) = 0.0001234098040866795...
#   ξ6 = p = 0.9998766054240137...  ξ7 = log(p) = -0.0001234021897232588...
#   ∂L/∂ξ3 = p·exp(-9) = 0.0001233945759862317...
#   ∂L/∂W = -y(1 - p)x = -0.000370183727958695189...
x = 3; W = 3; y = 1
L = -y*log(1/(1 + exp(-W*x)))
# next, next, back, n, a word that is not a key, q
step L
# the quiz: right (-1), wrong (-3.5), off by a sign (9), truncated
# (0.000123409: exp(-9) cut, not rounded), skipped, not a number then
# right to 4 digits (1.000), then the adjoints: skipped up to ∂L/∂ξ2, and
# ∂L/∂W off by a factor of 2 (-0.00074037 = 2·-0.000370183...), then q
step L quiz
# the ξ labels are names now, as after trace
grad(L, ξ3)
# check says what the quiz says: off by a sign, twice the value
check grad(L, W) == 0.00037018
check grad(L, W) == -0.00074037
# the input has ended: the whole walk on a path from W, and a quiz that
# stops at once
step L wrt W
step L quiz
# tensors: their terms as the trace writes them; a quiz has nothing to ask
# (M = 2·[[1, 2], [3, 4]]; ∂/∂M of sum(M*M) is 2M = [[4, 8], [12, 16]])
A = [[1, 2], [3, 4]]; M = A*2
step sum(M*M) wrt M
step M quiz
