# & | ~ << >> at xi's own prompt: whole numbers and truth values as Python's,
# comparisons looser than them, ^ still a power.  Expected values by hand:
# 6 & 3 = 0b110 & 0b011 = 2, 6 | 3 = 7, ~6 = -7, 6 << 2 = 24, 6 >> 1 = 3,
# -5 >> 1 = floor(-2.5) = -3, 2 ^ 3 = 8 (a power); L below is Σ x² over
# 0 < x < 2 = 0.25 + 2.25 = 2.5, so ∂L/∂x is 2x there and 0 elsewhere:
# [1, 3, 0, 0]; d(s³)/ds at 1.5 = 3·2.25 = 6.75; bitwise_xor(6, 3) = 0b101 = 5.
a = 6; b = 3
a & b; a | b; ~a; a << 2; a >> 1; -5 >> 1; 2 ^ 3
bitwise_xor(a, b)
(a > 1) & (b > 5)
(a > 1) | (b > 5)
x = [0.5, 1.5, 2.5, -1]
m = (x > 0) & (x < 2)
m
L = sum(np.where((x > 0) & (x < 2), x^2, 0))
L
grad(L, x)
s = 1.5
grad(np.where((s > 0) & (s < 2), s^3, 0), s)
trace m
