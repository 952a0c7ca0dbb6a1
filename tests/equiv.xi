# equiv A, B: is a formula derived by hand the same function as the one xi
# differentiates?  Both sides at 20 random points near their leaves' values, at
# twice the working precision (and 64 bits more, to tell a difference from
# rounding), and in balls, which prove what is printed: the digits agreed to
# are a lower bound, and a counterexample's balls are apart.  The points are
# the same every time.
#
# Seed 000: the simplified gradient dL/dW = (p - y)·x holds for every x, W, y
x = 3; W = 3; y = 1
h = W*x; p = 1/(1 + exp(-h)); L = -y*log(p) - (1 - y)*log(1 - p)
equiv grad(L, W), (p - y)*x
equiv grad(L, x), (p - y)*W
equiv grad(L, y), -h
# a sign wrong, and the chain rule's last factor forgotten: counterexamples
# (each fails as a failed check does; the exit status is 1)
equiv grad(L, W), (y - p)*x
equiv grad(L, W), p - y
# the session is as it was: equiv computes on a copy
L
W
grad(L, W)

# derivatives of the activations, as the seeds write them
equiv grad(tanh(x), x), 1 - tanh(x)^2
equiv grad(sigmoid(x), x), sigmoid(x)*(1 - sigmoid(x))
equiv grad(log(1 + exp(x)), x), sigmoid(x)
# identities: x/10 and 0.1·x differ only by 0.1's rounding, which the copies
# read again at their precision; a difference of 1e-50 is a difference
equiv x/10, 0.1*x
equiv (x + 1)^2, x^2 + 2*x + 1
equiv (x + 1)^2 - x^2 - 2*x - 1, 0
equiv x, x + 1e-50
equiv 1 + 1, 2

# Seed 001's TwoLayerNet (examples/seed001_two_layer_net.xi): matrices
seed 1
W1 = randn(4, 5)*sqrt(2/4); b1 = zeros(5); W2 = randn(5, 3)*sqrt(2/5); b2 = zeros(3);
X = randn(2, 4); labels = [0, 2];
z1 = X @ W1 + b1; a1 = relu(z1); z2 = a1 @ W2 + b2; loss = cross_entropy(z2, labels)
# the backward pass's matrix forms: ∂L/∂W2 = a1ᵀ·∂L/∂z2, ∂L/∂b2 = Σ rows of ∂L/∂z2,
# ∂L/∂a1 = ∂L/∂z2·W2ᵀ (the labels, an index, are not moved)
equiv grad(loss, W2), a1.T @ grad(loss, z2)
equiv grad(loss, b2), sum(grad(loss, z2), 0)
equiv grad(loss, a1), grad(loss, z2) @ W2.T
# the shortcut δ = (softmax(z2) - onehot)/batch holds for onehot = the labels'
# rows only; onehot is a leaf of its own here, moved like the others
onehot = [[1, 0, 0], [0, 0, 1]]
equiv grad(loss, z2), (softmax(z2) - onehot)/2
# one layer down: δ1 = (δ2·W2ᵀ) ⊙ relu'(z1), and ∂L/∂W1 = Xᵀ·δ1; the usual
# mistake, relu's derivative forgotten, is a counterexample
equiv grad(loss, W1), X.T @ ((grad(loss, z2) @ W2.T) * (z1 > 0))
equiv grad(loss, W1), X.T @ (grad(loss, z2) @ W2.T)

# what balls cannot prove is said: exp(x) - exp(x) is 0 in MPFR (the same
# rounded number twice) but a ball around 0 in Arb, whose square root bounds
# nothing (a ball with negative numbers in it), and whose sign could be -1, 0
# or 1 (the ball of every answer, [-1, 1])
x = 0.7
equiv sqrt(exp(x) - exp(x)), 0
equiv sign(exp(x) - exp(x)), 0
# a vector with an element 0 in both: the others' digits, and a bound of the 0
equiv [x, exp(x) - exp(x)], [x, 0]
