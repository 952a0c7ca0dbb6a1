# grade L FILE > OUT.md: the marked solution as Markdown (tests/run compares
# the files with tests/grade/*.md: the same verdicts as tests/grade_seeds.xi,
# whose comments derive them).  The claims after grade L go there too.
x = [1, 1]; y = 1
W1 = [[0.1, 0.1], [0.1, 0.1]]; b1 = [0, 0]
W2 = [0.1, 0.1]; b2 = 0
z1 = W1 @ x + b1; a1 = z1
z2 = W2 @ a1 + b2; yhat = z2
L = (yhat - y)^2;
grade L grade/seed004_ex1.txt > out/grade_seed004_ex1.md
x = 3; W = 3; y = 1
L = -y*log(1/(1 + exp(-W*x)))
grade L > out/grade_lines.md
xi3 = 9           # the sign of -W·x lost
xi4 = exp(xi3) = 8103.0839
dL/dW = −0.00037018

# grade --md L: the Markdown on stdout (seed 000 by hand: -W·x = -9, so 9 is
# the sign slip; dL/dW = (σ(9) - 1)·3 = -0.000370183727958695, mpmath)
grade --md L
xi3 = 9
dL/dW = -0.00037018

# grade --md L FILE > OUT.md: the same file as grade L FILE > OUT.md
# (tests/grade/seed004_ex1_flag.md is seed004_ex1.md's copy)
x = [1, 1]; y = 1
W1 = [[0.1, 0.1], [0.1, 0.1]]; b1 = [0, 0]
W2 = [0.1, 0.1]; b2 = 0
z1 = W1 @ x + b1; a1 = z1
z2 = W2 @ a1 + b2; yhat = z2
L = (yhat - y)^2;
grade --md L grade/seed004_ex1.txt > out/grade_seed004_ex1_flag.md
