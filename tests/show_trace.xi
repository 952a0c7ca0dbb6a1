# args: --keep-going
# trace as a new user reads it: partials bracketed where a product
# needs it, the sum over the batch of a broadcast operand's adjoint, wide
# tensors wrapped to the terminal (tests/run sets COLUMNS=80), and trace L wrt W.

# tanh's, tan's and sigmoid's partials: 1 - y², 1 + ξ2², ξ1·(1 - ξ1).  By hand
# dL/dx = σ'(tanh x)·(1 - tanh² x)·tan x + σ(tanh x)·(1 + tan² x); mpmath at 30
# digits: 0.898491332846737603449937421339 at x = 0.5
x = 0.5; y = tanh(x); L = sigmoid(y)*tan(x)
trace L
check grad(L, x) == 0.898491332846737603449937421339
# a partial that starts with a minus (d(a - b)/db = -1, d(1/b)/db = -a/b²)
u = 2; L2 = 1/u - u
trace L2

# a bias added to every row of a batch: ∂L/∂b = Σ_rows (∂L/∂z ⊙ 1), as seed 001's
# db2 = dz2.sum(axis=0).  mpmath at 40 digits, L = Σ tanh(z)²/2 and
# dL/db_j = Σ_r a_rj (1 - a_rj²): 0.3369651449646841909651052552660808967757899,
# 0.8108867811998124693840845908795996753324145
X = [[1, 2], [3, 4], [5, 6]]; W = [[0.1, -0.2], [0.3, 0.4]]; b = [0.5, -0.5]
z = X @ W + b; a = tanh(z); L3 = sum(a*a)/2
trace L3
check L3 == 1.6731075644372601202011750801759775
check grad(L3, b) == [0.336965144964684190965105255266, 0.810886781199812469384084590880]
# a column spread along the columns (Σ_cols), and a scalar spread to all (Σ):
# d sum(X·c)/dc is each row's sum, [[3], [7], [11]]; d sum(s·X)/ds = Σ X = 21
c = [[1], [2], [3]]; L4 = sum(X*c)
trace L4
s = 2; L5 = sum(s*X)
trace L5
check grad(L5, s) == 21

# a wide tensor wraps at 80 columns between numbers, never inside one
M = ones(3, 12)/7; L6 = sum(M*M)
trace L6

# trace wrt: only the nodes on a path from W to L.  Seed 000: dL/dW = (σ(Wx) - y)x,
# -0.000370183727958695189240739314 by mpmath
x = 3; W = 3; y = 1
p = sigmoid(W*x); L = -y*log(p) - (1 - y)*log(1 - p)
trace L wrt W
trace L wrt W, y
check grad(L, W) == -0.000370183727958695189240739314
# the ξ numbers are the whole graph's: ξ labels name the same nodes as trace L
grad(L, ξ1)
# a layer of a network: the trace to one bias is a few lines, whatever the width
seed 0
X = randn(4, 30); W1 = randn(30, 16)*0.1; b1 = zeros(16); W2 = randn(16, 3)*0.1; b2 = zeros(3)
h = relu(X @ W1 + b1); loss = cross_entropy(h @ W2 + b2, [0, 2, 1, 0])
trace loss wrt b2
# tests/show/reference.py: NumPy's generator written out in Python, the network in
# mpmath at 50 digits, ∂loss/∂b2 = (softmax(z) - onehot(y)).sum(axis=0)/4
check loss == 1.11587828012010967275813919143
check grad(loss, b2) == [-0.157002083658280861447036479255, 0.0636467176472515304960602046877, 0.0933553660110293309509762745674]
# errors: a name L does not depend on, a constant, an unknown name
trace L wrt M
trace L wrt 2
trace L wrt nosuch
