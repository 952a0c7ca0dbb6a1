# args: --keep-going
# diag: a vector onto a square matrix's diagonal, and a square matrix's diagonal.
# By hand: s = [0.2, 0.3, 0.5]; diag(s) - outer(s, s) has s_i - s_i² on the
# diagonal (0.16, 0.21, 0.25) and -s_i·s_j off it (-0.06, -0.1, -0.15); its
# rows sum to 0 (s sums to 1).
s = [0.2, 0.3, 0.5]
J = diag(s) - outer(s, s)
diag(J)
sum(J, 0)
# sum(diag(M) * [5, 7]) = 5·M00 + 7·M11: its gradient is diag([5, 7])
M = [[1, 2], [3, 4]]
grad(sum(diag(M) * [5, 7]), M)
# sum(diag(s) @ [1, 2, 3]) = Σ s_i·i: its gradient is [1, 2, 3]
grad(sum(diag(s) @ [1, 2, 3]), s)
# sum(J @ g) for g = [0.1, -0.2, 0.3]: as a function of s it is
# Σ_i g_i·(s_i - s_i·Σ_j s_j) = (g·s)(1 - Σ s), whose derivative by s_k is
# g_k·(1 - Σ s) - g·s = -(g·s) = -0.11 for every k (Σ s = 1; g·s = 0.02 - 0.06 + 0.15)
g = [0.1, -0.2, 0.3] by s: d/ds_k of Σ_i (s_i g_i - s_i Σ_j s_j g_j)
# = g_k - s_k·(g·s)·... by hand: Σ_i J_ij g_i summed over j is Σ_i g_i (s_i - s_i·1) = 0
# when Σ s = 1, but as a function of s it is Σ s_i g_i - (Σ s_i)(Σ s_j g_j), whose
# derivative is g_k - (g·s) - (Σ s)·g_k = -(g·s) = -0.11 for every k (Σ s = 1; g·s = 0.11)
g = [0.1, -0.2, 0.3]
grad(sum(J @ g), s)
# a derivative of a derivative through diag: d²/dv² of Σ_i diag(v)_ii³ = 6·v
v = [1, 2]
grad(sum(grad(sum(diag(diag(v))^3), v)), v)
tangents sum(diag(M)) wrt M
diag([[1, 2, 3], [4, 5, 6]])
diag(3)
