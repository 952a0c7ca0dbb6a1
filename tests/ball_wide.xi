# Balls of increasing functions (exp, log, σ, tanh, softplus, log σ, log1p,
# expm1) on wide balls: bounded by the function at the ball's ends, not by
# Arb's rule alone, which at 2 bits gave e^(32 ± 16) a ball reaching below 0,
# so that σ(-40) = 1/(1 + e^40) and what was built on it printed a bare "?"
# (a ball that bounds nothing), though σ lies in (0, 1) everywhere.
# Expected (mpmath at 50 digits): σ(-40) = 4.2483542552915889e-18,
# 1 - σ(-40) = 0.99999999999999999575, log σ(-50) = -50.000000000000000000000
# (-50 - 1.9e-22), tanh(40) = 1 - 3.6e-35, e^40 = 2.3538526683701998e17: each
# must lie within the bound printed for it.
prec 2
sigmoid(-40)
1 - sigmoid(-40)
log_sigmoid(-50)
tanh(40)
exp(40)
prec 128
# d is 0 in truth (0.1 + 0.2 - 0.3, times 1e40), but its ball at 128 bits is
# 0 ± 26: σ(d) - 0.5 is 0 and tanh(d) is 0; before, σ(d) printed "?" and
# tanh(d) 0 ± 26, though |tanh| < 1
d = (0.1 + 0.2 - 0.3)*1e40
sigmoid(d) - 0.5
tanh(d)
# digits 10 exact proves what the working precision cannot (d = 0 exactly):
# σ(0) - 0.5 = 0 and tanh(0) = 0, within a bound of 8192 bits
digits 10 exact
sigmoid(d) - 0.5
tanh(d)
# softmax lies in [0, 1] whatever its input: of [d, 1] (in truth [0, 1], so
# mpmath's [0.26894142137, 0.73105857863]) and at 2 bits of [40, 1] (mpmath:
# [0.99999999999999998845, 1.1548224e-17]) it printed [?, ?]
digits 10
softmax([d, 1])
prec 2
softmax([40, 1])
