# grade: values written as students write them, rounded or truncated to a few
# digits.  A value that agrees with the exact one to every digit written
# (rounded, or cut off at the last digit) is right, the truncation noted with
# the rounded value; a step right only from the student's rounded earlier
# values is follow-through, with the digits the rounding cost.  The values
# are mpmath's at 30 digits:
#   ln 2 = 0.693147180559945...
#   σ(0.5) = 0.622459331201855, -log σ(0.5) = 0.474076984180107,
#   -1/σ(0.5) = -1.60653065971263, σ(0.5) - 1 = -0.377540668798145,
#   (σ(0.5) - 1)·0.5 = -0.188770334399073;
#   from p = 0.6224: -log p = 0.474172306117955, -1/p = -1.60668380462725,
#   p - 1 = -0.3776
#
# the loss at ln 2 (x = 0: p = σ(0) = 1/2), written to 4 digits (0.6931 is
# both rounded and truncated), to 5 truncated (0.69314; rounded 0.69315), and
# to 4 wrongly (0.6932): right, right to the 5 digits written, wrong
x = 0; w = 1
p0 = σ(w*x)
L0 = -log(p0)
grade L0
L0 = 0.6931

grade L0
L0 = 0.69314

grade L0
L0 = 0.6932

# logistic regression (x = 0.5, W = 1, y = 1): p truncated to 0.6224 (right
# to 4 digits; rounded 0.6225); L = 0.4741 is the exact value rounded
# (right); ∂L/∂p = -1/0.6224 = -1.6067 is the exact -1.6065 only from the
# student's p (follow-through); ∂L/∂h = p - 1 = -0.3776 likewise (exactly
# -0.3775...); ∂L/∂W = -0.1888 is the exact -0.18877 rounded (right)
x = 0.5; W = 1; y = 1
h = W*x
p = σ(h)
L = -y*log(p) - (1 - y)*log(1 - p)
grade L
h = 0.5
p = 0.6224
L = -log(0.6224) = 0.4741
dL/dp = -1/0.6224 = -1.6067
dL/dh = 0.6224 - 1 = -0.3776
dL/dW = -0.3776*0.5 = -0.1888

# the same as Markdown: the notes in the verdict's cell
grade --md L
p = 0.6224
dL/dp = -1.6067

# a vector and a negative value truncated: [1/3, 2/3] written [0.333, 0.666]
# (rounded, the second is 0.667); -2/3 written -0.666 (rounded -0.667)
q = [1, 2]/3
grade sum(q)
q = [0.333, 0.666]

r = -2/3
grade r
r = -0.666


# "more digits follow", as students write it: 0.69314... and 0.6931… are the
# digits written (a truncation: right), 0.6932... is wrong; a wrong leaf says it
# is a leaf (x is given, so no formula is its first wrong step)
grade L0
L0 = 0.69314...

grade L0
L0 ≈ 0.6931…

grade L0
L0 = 0.6932...

grade L0
w = 3
