# gradcheck: seed 001's gradient check done right.  The seed compares its
# backward pass with central differences at h = 1e-5 in float64, through a loss
# off in the 10th digit, and must tolerate a relative difference of 1e-5.  Here
# the difference is computed at 4(p + 32) bits with h = 2^-(p + 32): its error
# is far below the working precision, so a right gradient agrees to about its
# 38 digits, and a wrong one shows at once.
#
# Seed 000: x = 3, W = 3, y = 1; by hand dL/dW = (p - y)·x, and mpmath at 60
# digits gives -0.000370183727958695189240739314 (tests/commands.xi).
x = 3; W = 3; y = 1
h = W*x; p = 1/(1 + exp(-h)); L = -y*log(p) - (1 - y)*log(1 - p)
gradcheck L wrt W
gradcheck L wrt x, W, y
# the seed's simplified gradient, derived by hand: right, to 34 digits (p - y
# cancels four of p's digits, at 128 bits)
gradcheck L wrt W = (p - y)*x
# a sign wrong: every digit off (this fails, and the exit status is 1)
gradcheck L wrt W = (y - p)*x
# nothing changed: L and its leaves are as they were
L
x

# Seed 001's TwoLayerNet on a small instance (examples/seed001_two_layer_net.xi:
# the values are NumPy's, to 14 digits)
seed 1
W1 = randn(4, 5)*sqrt(2/4); b1 = zeros(5); W2 = randn(5, 3)*sqrt(2/5); b2 = zeros(3);
X = randn(2, 4); labels = [0, 2];
z1 = X @ W1 + b1; a1 = relu(z1); z2 = a1 @ W2 + b2; loss = cross_entropy(z2, labels)
check loss == 1.5836702662940
gradcheck loss wrt W2, b2
# the seed's backward pass, by hand: δ = (softmax(z2) - onehot)/batch, dW2 = a1ᵀ·δ
onehot = [[1, 0, 0], [0, 0, 1]]
δ = (softmax(z2) - onehot)/2
gradcheck loss wrt W2 = a1.T @ δ
# the usual mistake, the mean's 1/batch forgotten: twice the gradient (fails)
gradcheck loss wrt W2 = a1.T @ (softmax(z2) - onehot)
# more elements than a screen: the 24 that agree least are shown
gradcheck loss wrt W1, b1, W2

# where L has no derivative: at a kink the one-sided slopes (relu'(0) = 0 and
# abs'(0) = 0, PyTorch's choices, lie between them); at a jump nothing to check
v = [1, -2, 0, 3]
gradcheck sum(relu(v)) + sum(abs(v)) wrt v
gradcheck sum(sign(v)) + sum(v) wrt v
# nothing to compare: where every element is a jump, gradcheck says it checked
# none and fails as an undecided check does (never "ok: 0
# elements agree"); where every element is a kink, the kinks are what it checked
u = [0, 0]
gradcheck sum(sign(u)) wrt u
gradcheck sum(relu(u)) wrt u
# at another precision the differences follow it
prec 64
gradcheck L wrt W
