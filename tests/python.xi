# Python's statements seen from xi: what they build is values with graphs,
# which trace, grad and check read (expected values derived by hand).
x = 3
def cube(t):
    """t³, in two steps"""
    s = t * t
    return s * t
y = cube(x)
grad(y, x)
check grad(grad(y, x), x) == 18
trace y
vars
# integer-array indexing reads elements; its derivative puts them back
A = [[1.0, 2.0], [3.0, 4.0]]
r = [0, 1]; c = [1, 0]
g = A[r, c]
L = sum(g * g)
check L == 13
grad(L, A)
# an indexed assignment is a new value: A is unchanged, D's graph holds A
D = A.copy()
D[r, r] = 0
D
A
check grad(sum(D * D), A) == [[0, 4], [6, 0]]
D[r, c] -= 1
D
# on a leaf, an indexed update is an update step (a new leaf)
W = [[0.5, -0.5]]
W[0, 1] += 0.25
W
vars
# tuples: shapes, and what a def returns
A.shape
A.shape[0] + len(A)
def pair(a):
    return a, 2 * a
p, q = pair(1.5)
q
(1, 2.5)
# a def may take a built-in's name: grad(...) calls it, grad L is the command
def grad(a, b, c):
    return a + b + c
grad(1, 2, 3)
grad L wrt A
# a leaf from a function's call keeps its value when the precision changes
def f(t): return t / 3
k = f(1)
def f(t): return t / 7
prec 64
k
prec 128
# a if c else b: only the branch taken is in the graph (by hand, at x = 3:
# y2 = x*x = 9, dy2/dx = 2x = 6; the other branch, -x, is not built)
y2 = x * x if x > 0 else -x
trace y2
# a default and a keyword argument (by hand: upd(3, 2) = 3 - 0.5*2 = 2,
# upd(3, 2, lr=0.25) = 2.5), a lambda (sq(3) = 9), and and or (Python's values)
def upd(w, g, lr=0.5):
    return w - lr * g
u = upd(x, 2)
u2 = upd(x, 2, lr=0.25)
sq = lambda t: t * t
check sq(x) == 9
both = x > 0 and x < 2
either = x > 5 or x
# after an import, an assignment shows nothing, and in a script neither does an expression (Python's rules)
import numpy as np
z = np.exp(0)
print(z)
