# step's quiz judges an answer as check does, by the ball that holds the
# exact value: at 24 bits (1 + 1e-7) - 1 cancels, and the balls know 7 digits
# of 1 + 1e-7 and only a bound of the difference, 1.2e-7 ± 6.1e-8 (exactly it
# is 1e-7; the number held is 2^-23 = 1.1920928955078125e-7, by hand: 1 + 1e-7
# rounds to 1 + 2^-23 at 24 bits, and the ball is centred there).  Answers,
# from tests/step_proof.in: 1.0000001 (right for the number held, 1 + 2^-23),
# 1.0e-7 for L (the exact value to 2 digits, but the ball reaches outside
# 0.95e-7 .. 1.05e-7: undecided), 1e-7 for ∂L/∂ξ1 (wrong: it is 1), then
# one skipped
prec 24
a = 1e-7
L = (1 + a) - 1
step L quiz
