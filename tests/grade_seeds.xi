# grade: seed 004's two worked examples against their own text, and seed 000's
# six steps with a sign slip carried forward.  What is expected, and where it
# comes from (mpmath at 30 digits; the seeds' own text):
#   seed 004 #1, L = (ŷ - y)²: every forward value is exact (0.2, 0.04, 0.9216);
#     ∂L/∂z2 = 2(ŷ - y) = -1.92, the seed's δ2 = ŷ - y = -0.96 is half of it (the
#     ½ of a squared loss): the first wrong step, a factor of 2; every later
#     adjoint is the seed's from its own δ2 (-0.192 = -0.96·0.2, -0.096 =
#     0.1·-0.96): follow-through, 5 of them.
#   seed 004 #2, BCE + sigmoid: a1 = σ(0.2) = 0.549834, z2 = 0.109967, ŷ =
#     0.527464, L = 0.639675 (the seed's 0.639 is it truncated: rounded, 0.640),
#     δ2 = -0.472536, ∂L/∂W2 = δ2·a1 = -0.259816 (the seed's -0.259: truncated
#     again), ∂L/∂a1 = 0.1·δ2 = -0.0472536, δ1 = ∂L/∂a1·a1(1 - a1) = -0.0116960.
#     Every digit the seed writes is the value's: 12 of 12 right, the two
#     truncations noted with the rounded values.
#   seed 000 (x = W = 3, y = 1), ξ1 = -W·x written 9: ξ2 = e^9 = 8103.0839 ...
#     ∂L/∂W = -2.9996298 from it (tests/grade/seed000_sign.txt derives each);
#     the true ∂L/∂W is -0.00037018 (seed 000's own result).
x = [1, 1]; y = 1
W1 = [[0.1, 0.1], [0.1, 0.1]]; b1 = [0, 0]
W2 = [0.1, 0.1]; b2 = 0
z1 = W1 @ x + b1; a1 = z1
z2 = W2 @ a1 + b2; yhat = z2
L = (yhat - y)^2;
grade L grade/seed004_ex1.txt
a1 = σ(z1)
z2 = W2 @ a1 + b2; yhat = σ(z2)
L = -(y*log(yhat) + (1 - y)*log(1 - yhat));
grade L grade/seed004_ex2.txt
# seed 000: the graph as one expression; the file numbers its own ξ
x = 3; W = 3; y = 1
L = -y*log(1/(1 + exp(-W*x)))
grade L grade/seed000_sign.txt
# seed 000 with its own names ξ1 ... ξ5, which the file's xi1 ... ξ5 are
ξ1 = -W*x; ξ2 = exp(ξ1); ξ3 = 1 + ξ2; ξ4 = 1/ξ3; ξ5 = log(ξ4); L = -y*ξ5
grade L grade/seed000_named.txt
