# Derivatives through NumPy's functions that move, repeat or combine elements
# (np.tile, np.repeat, np.broadcast_to, np.prod, np.cumsum, np.cumprod, np.diff,
# np.sort, np.trace, np.flip, np.meshgrid, np.stack, np.expand_dims, np.squeeze,
# np.full, np.full_like): each claim is a hand derivation, written beside it; NumPy
# gives the same numbers by central differences (eps 1e-6, within 1e-8 of each).
import numpy as np
W = np.array([[0.5, -1.0], [2.0, 0.25]])
v = np.array([1.5, -2.0, 3.0])
# tile: each W[i, j] appears 6 times in tile(W, (2, 3)); d/dW sum(T**2) = 12 W
L1 = np.sum(np.tile(W, (2, 3)) ** 2)
check grad(L1, W) == [[6, -12], [24, 3]]
# repeat: [v0, v1, v1, v2, v2, v2] · [0, 1, 2, 3, 4, 5]: [0, 1 + 2, 3 + 4 + 5]
L2 = np.sum(np.repeat(v, [1, 2, 3]) * np.arange(6))
check grad(L2, v) == [0, 3, 12]
# repeat of a matrix's rows: each row twice, d/dW sum(R**2) = 4 W
L3 = np.sum(np.repeat(W, 2, axis=0) ** 2)
check grad(L3, W) == [[2, -4], [8, 1]]
# broadcast_to: row v four times against the rows of M; d/dv_j = the column sums of M
M = np.arange(12).reshape(4, 3)
L4 = np.sum(np.broadcast_to(v, (4, 3)) * M)
check grad(L4, v) == [18, 22, 26]
# prod: the product of the others, [-2·3, 1.5·3, 1.5·(-2)]
L5 = np.prod(v)
check grad(L5, v) == [-6, 4.5, -3]
# prod with a zero: only the zero's own derivative, 2·5, is not 0
z = np.array([2.0, 0.0, 5.0])
L6 = np.prod(z)
check grad(L6, z) == [0, 10, 0]
# prod down the columns: W00·W10 + W01·W11
L7 = np.sum(np.prod(W, axis=0))
check grad(L7, W) == [[2, 0.25], [0.5, -1]]
# cumsum: c = [1.5, -0.5, 2.5], dL/dc = 2c = [3, -1, 5], dL/dv_i = Σ_{k >= i} dL/dc_k
L8 = np.sum(np.cumsum(v) ** 2)
check grad(L8, v) == [7, 4, 5]
# cumprod: [v0, v0 v1, v0 v1 v2] summed: [1 + v1 + v1 v2, v0 + v0 v2, v0 v1]
L9 = np.sum(np.cumprod(v))
check grad(L9, v) == [-7, 6, -3]
# diff: (v1 - v0)² + (v2 - v1)², differences -3.5 and 5: [7, -7 - 10, 10]
L10 = np.sum(np.diff(v) ** 2)
check grad(L10, v) == [7, -17, 10]
# sort: sorted v is [v1, v0, v2], weighted 1, 2, 3
L11 = np.sum(np.sort(v) * np.array([1.0, 2.0, 3.0]))
check grad(L11, v) == [2, 1, 3]
# trace(W @ W) = Σ_ij W_ij W_ji: d/dW = 2 Wᵀ
L12 = np.trace(W @ W)
check grad(L12, W) == [[1, 4], [-2, 0.5]]
# flip: v reversed against [1, 2, 3]
L13 = np.sum(np.flip(v) * np.array([1.0, 2.0, 3.0]))
check grad(L13, v) == [3, 2, 1]
# meshgrid: Σ_ij x_j y_i = (Σ x)(Σ y); d/dx_j = Σ y = 1, d/dy_i = Σ x = 2.5
x = np.array([0.5, -1.0, 3.0])
y = np.array([4.0, -3.0])
xx, yy = np.meshgrid(x, y)
L14 = np.sum(xx * yy)
check grad(L14, x) == [1, 1, 1]
check grad(L14, y) == [2.5, 2.5]
# stack, expand_dims, squeeze: the same elements in other shapes
L15 = np.sum(np.squeeze(np.expand_dims(v, 0)) * np.stack([v, v])[1])
check grad(L15, v) == [3, -4, 6]
# full and full_like: the value spread over the shape, d/ds = the number of elements
s = 1.5
L16 = np.sum(np.full((2, 3), s)) + np.sum(np.full_like(W, s))
check grad(L16, s) == 10
