# Exact values print as exact (issue 18's tensor balls, proof/tball.c): a tensor's
# ball around its numbers has radius 0 where the value is provably exact.
# By hand: L = Σ (X·W) = Σ_ij X_ij·W_j, so ∂L/∂W = X's column sums = [4, 6] and
# ∂L/∂X = W broadcast along the rows = ones; X·W = [3, 7], L = 10.
X = [[1, 2], [3, 4]]
W = [[1], [1]]
C = X @ W
L = sum(C)
grad(L, W)
grad(L, X)
# inputs with a radius (0.1 is not a binary number): 0.1·[4, 6], to the digits shown
L2 = sum(C*0.1)
grad(L2, W)
# whole numbers whose products' sum fits 128 bits (3·(2^53 + 1) + 1 = 27021597764222980:
# exact), and one that needs 129 (3^81 + 1 = 443426488243037769948249630619149892804: its
# last digits are not known at 128 bits)
digits 40
A = [[3, 1]]
B = [[9007199254740993], [1]]
A @ B
P = [[3^40, 1]]
Q = [[3^41], [1]]
P @ Q
