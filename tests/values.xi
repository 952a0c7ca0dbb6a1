# args: --keep-going
# Values are fixed when computed: each rule, and each message.  Values by hand.

# 1. every value is computed when its statement runs and never changes
x = 3; y = x*x; x = 4
y                            # 9, computed from the x of then
x                            # 4
# a name bound to a value, then to another: what was computed from the first keeps it
Lp = x^2; x = 5; Lm = x^2
Lp - Lm                      # 16 - 25 = -9 (a hand-written difference works)

# 2. a leaf is a value computed from no other value
k = 1/3; vars                # k is a leaf (a constant expression)
j = k*3; vars                # j is a value computed from k

# 3. op= on a leaf is an update step: a new leaf, no history
W = 2; L = W^2
W -= 0.25*grad(L, W)         # 2 - 0.25·4 = 1
L                            # still 4
trace L                      # the W it was computed from, marked as before the update
grad(L, W)                   # an error: L was computed from the W before the update
L = W^2; grad(L, W)          # 2W = 2: computed again, it is fine
trace L                      # W is the updated leaf; no chain of updates behind it

# 4. op= on a computed value: c op= e is c = c op (e) (micrograd's README)
a = 2; c = a*3; c += c       # 12
c += c + 1                   # c = c + (c + 1) = 25
grad(c, a)                   # d(12a + 1)/da = 12
b = a                        # b names a's value ...
b -= 1                       # ... and an update step on b makes a new leaf, 1
a                            # 2: a is as it was

# 5. grad of something that does not use the value a name has now: an error
x = 2; z = 3*x; L = z^2; z = 5
grad(L, z)                   # L was computed from an earlier z
grad L wrt z                 # the command says the same
q = 7
grad(L, q)                   # q came after L
grad(x^2, k)                 # never used at all
# a genuine zero is still 0: a dead ReLU
u = -1; r = relu(u)
grad(r, u)                   # 0
grad(pi*u, pi)               # a constant is no value to differentiate by

# 6. grad(E, v) is a value with a graph: derivatives of derivatives
x = 3; g = grad(x^3, x)      # 3x² = 27
grad(g, x)                   # 6x = 18
grad(grad(g, x), x)          # 6
grad(grad(grad(g, x), x), x) # 0
h(t) = sin(t)*t
grad(grad(h(x), x), x)       # d²(t sin t) = 2cos t - t sin t at 3: -2.4033...
check grad(grad(h(x), x), x) == -2.4033450173805      # mpmath: 2cos(3) - 3sin(3)
w = [1, 2]; H = hessian(sum(w^3), w); H     # diag(6w) = [[6, 0], [0, 12]]
hessian(x^4, x)                              # 12x² = 108
jacobian([x^2, x*w[0]], w)                   # [[0, 0], [3, 0]]
jacobian(w^2, w)                             # diag(2w) = [[2, 0], [0, 4]]
grad(sum(H), w)                              # d/dw Σ 6w_i = [6, 6]
hessian(sum(w^3), x)                         # does not depend on x
hessian(sum([[1, 2], [3, 4]]*x), [[1, 2], [3, 4]])   # v must be a name
M = [[1, 2], [3, 4]]
hessian(sum(M*x), M)                         # a matrix: four axes
grad(w, w)                                   # not a scalar

# 7. list literals are values built from their elements
x = 2; v = [x, 2*x]
grad(sum(v), x)              # 1 + 2 = 3
V = [[x, 1], [3, x^2]]
grad(sum(V), x)              # 1 + 2x = 5

# 8. set: the knob
x = 3; y = x*x; z = y + 1; other = 7
set x = 4                    # y and z follow, and say so
y
set other = 1                # nothing is computed from other
set y = 2                    # y is not a leaf
set nosuch = 1
set x = [1, 2]               # a shape that is not x's

# 9. e and pi are names like any other
c = 10; d = -6
e = c - d                    # micrograd's README: e is 16 now
e*2
exp(1)                       # Euler's number is exp(1)
del e
e                            # Euler's number again
pi = 3; pi; del pi; pi
exp = 3                      # a function's name stays reserved
sum = 1

# 10. the ξ labels a trace prints are names afterwards
x = 0.5; L = sigmoid(2*x)*x
trace L
grad(L, ξ2)                  # ξ2 = σ(ξ1): ∂L/∂ξ2 = x = 0.5
grad(L, ξ1)                  # σ'(1)·x = 0.19661193324148185·0.5 (mpmath)
ξ2 + 1
grad(L, ξ9)                  # no such label

# 11. del and rebinding never change values computed before
p = 2; s = p*10; del p
s                            # 20
trace s                      # p (deleted at line ...)
