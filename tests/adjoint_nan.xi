# In an IEEE format a nan may arise in the adjoints alone: every
# value is a number, yet the gradient holds a nan.  xi says where and why.
# np.where(x < 1, x, sqrt(x)) at x = [0, 4]: the forward values are
# [0, 2], but the branch np.where did not take at x = 0, sqrt(x), still has
# its derivative computed there, 1/(2·sqrt(0)) = inf, and is given adjoint 0
# (where's mask); 0·inf is nan in IEEE arithmetic, so ∂L/∂x = [nan, 0.25]
# (by hand: 1/(2·sqrt(4)) = 0.25; IEEE 754: 0·inf is nan).
format binary64
x = [0, 4]
y = np.where(x < 1, x, sqrt(x))
L = sum(y)
grad L wrt x
grad(L, x)
g = grad(L, x)
trace L
# a scalar; an adjoint that is 0 by cancellation (z = q - q: ∂z/∂q = 1 - 1
# = 0) times sqrt's derivative at 0, inf; and, where a value is nan already
# (exp(800) > binary64's largest, 1.8e308, so exp(800) - exp(800) is inf -
# inf), the forward notes say where inf and nan first appeared
s = 0
t = np.where(s < 1, s, sqrt(s))
grad t wrt s
q = sqrt(s)
w = q - q
grad w wrt s
u = 800
v = exp(u)
z = v - v
grad z wrt u
# in MPFR the sweep stops at the infinite derivative instead, with an error
del g
format mpfr
grad L wrt x
