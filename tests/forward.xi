# Forward mode: jvp(E, v, dv) and tangents L wrt x.  Seed 000's logistic
# regression, x = 3, W = 3, y = 1, p = σ(W·x), L = -y·log p - (1 - y)·log(1 - p).
# By hand dL/dW = (p - y)·x and dL/dx = (p - y)·W; ∂²L/∂W² = p(1 - p)·x² and
# ∂²L/∂W∂x = p(1 - p)·Wx + p - y.  mpmath at 60 digits gives
#   dL/dW = dL/dx = -0.000370183727958695189240739314
#   ∂²L/∂W² = 0.00111041414788364017047587863192
#   ∂²L/∂W∂x = 0.000987019571897408440728965527168
x = 3; W = 3; y = 1
h = W*x; p = 1/(1 + exp(-h)); L = -y*log(p) - (1 - y)*log(1 - p)
check jvp(L, W, 1) == -0.000370183727958695189240739314
check jvp(L, W, 2) == -0.000740367455917390378481478628
check jvp(L, x, 1) == -0.000370183727958695189240739314
# second derivatives: forward over forward, reverse over forward, forward over reverse
check jvp(jvp(L, W, 1), W, 1) == 0.00111041414788364017047587863192
check jvp(jvp(L, W, 1), x, 1) == 0.000987019571897408440728965527168
check grad(jvp(L, W, 1), x) == 0.000987019571897408440728965527168
check jvp(grad(L, W), x, 1) == 0.000987019571897408440728965527168
# (x³)'' = 6x = 18, every way round
check jvp(jvp(x^3, x, 1), x, 1) == 18
check grad(jvp(x^3, x, 1), x) == 18
check jvp(grad(x^3, x), x, 1) == 18
# a jvp is a value with a graph: its trace is the tangents' chain rule
d = jvp(x^3, x, 1)
trace d

# the forward sweep beside trace's forward list: ξ̇ for each node.  By hand
# ḣ = Ẇ·x = 3, ξ̇1 = -3, ξ̇2 = -3·e⁻⁹ = -0.000370229412260038648 (mpmath),
# ṗ = p(1 - p)·ḣ = 0.000370138049294546723 (mpmath), and L̇ = dL/dW above
tangents L wrt W
# its ξ labels are names now, as trace's are: ∂L/∂ξ3 = 1/ξ3 = p
grad(L, ξ3)
tangents L wrt x = 2

# vectors and matrices: J·dv has E's shape.  A @ v is linear: its jvp is A @ dv,
# or dA @ v.  softmax's is s ⊙ (d - s·d), s = softmax(v): mpmath gives
# [0.149146452070332856501533410434, -0.149146452070332856501533410434]
A = [[1, 2], [3, 4]]; v = [0.5, -1]
check jvp(A @ v, v, [1, 0]) == [1, 3]
check jvp(A @ v, A, [[1, 0], [0, 0]]) == [0.5, 0]
check jvp(softmax(v), v, [1, 0]) == [0.149146452070332856501533410434, -0.149146452070332856501533410434]
# d/dA₀₀ of Σ softmax(A) ⊙ A (rows): mpmath's diff gives 0.0723294881285132682114160245923
check jvp(sum(softmax(A)*A), A, [[1, 0], [0, 0]]) == 0.0723294881285132682114160245923
# outer(w, w) by w in the direction e₀: outer(e₀, w) + outer(w, e₀)
w = [1, 2, 3]
check jvp(outer(w, w), w, [1, 0, 0]) == [[2, 2, 3], [2, 0, 0], [3, 0, 0]]
# a Hessian times a vector, forward over reverse: L = Σ w⁴/4 has H = diag(3w²)
check jvp(grad(sum(w^4)/4, w), w, [1, 1, 1]) == [3, 12, 27]
# a derivative 0: argmax and comparisons have none
check jvp(argmax(w*w), w, [1, 1, 1]) == 0
check jvp((w > 1)*w, w, [1, 1, 1]) == [0, 1, 1]

# tangents of a vector: forward mode gives J·dv in one sweep, the Jacobian in as
# many as there are inputs; reverse mode in as many as there are outputs
tangents softmax(A @ v) wrt v
tangents [v[0], w[1]*v[1], argmax(v)] wrt v = [2, -1]
# a graph holding grad(...) is shown built, as trace shows it
g = grad(sum(w^4)/4, w)
tangents sum(g*w) wrt w = [1, 0, 0]
