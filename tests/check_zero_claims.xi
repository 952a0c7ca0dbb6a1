# check against claims at or near 0, where the value is exactly 0 in truth
# (0.1 + 0.2 - 0.3 of the decimals as written; sin(pi)) or tiny (by mpmath,
# σ(40) - 1 = -4.2483542552915889e-18): a claim passes within half a unit of
# its last digit, so 0 passes for all three, 1e-60 fails for an exact 0, and
# the value rounded as the claim is written is 0 (it was written "0e-60")
check 0.1 + 0.2 - 0.3 == 0
check 0.1 + 0.2 - 0.3 == 1e-60
check sin(pi) == 1.0e-40
check sigmoid(40) - 1 == 0.0
check sigmoid(40) - 1 == -4.2e-18
check sigmoid(40) - 1 == -4.3e-18
check sigmoid(40) - 1 == 0.000000000000000000
