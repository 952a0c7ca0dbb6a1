# args: --keep-going
# NumPy's slices, masks, joins and reductions in xi's own language: values and derivatives,
# each checked against a hand derivation (in the comments), and the forms a
# trace shows for slices, masks and joins.
A = [[1, 2, 3], [4, 5, 6]]
# a slice's derivative is ∂L/∂(slice) in its place: L = Σ A[:, ::2]² gives
# 2A at columns 0 and 2, 0 at column 1
L = sum(A[:, ::2]^2)
check grad(L, A) == [[2, 0, 6], [8, 0, 12]]
check A[::-1, 1:] == [[5, 6], [2, 3]]
check A[1, -2:] == [5, 6]
v = [1, 2, 3, 4, 5, 6]
check v[::-2] == [6, 4, 2]
check v[1:5:2] == [2, 4]
check v[:, None] @ [1] == [1, 2, 3, 4, 5, 6]
check v[None, :] @ v == [91]
trace sum(A[1:, ::-2])
# a mask: L = Σ x[x > 0]² has ∂L/∂x = 2x where x > 0, else 0
x = [1, -2, 3, -0.5]
check x[x > 0] == [1, 3]
check grad(sum(x[x > 0]^2), x) == [2, 0, 6, 0]
# the update of a mask (CS231n's ReLU backward): g = 3h, 0 where h <= 0, so
# ∂Σg/∂h = 3 where h > 0
h = [0.5, -1, 2]
g = h * 3; g[h <= 0] = 0
check g == [1.5, 0, 6]
check grad(sum(g), h) == [3, 0, 3]
# a slice's update: W[:, 1] = 0 cuts W's column 1 from L = Σ W², and W[0, :] *= 2
# doubles row 0: ∂/∂W = 2·2²·W on row 0 but column 1, 2W on row 1 but column 1
W = [[1, 2], [3, 4]]
U = W * 1; U[:, 1] = 0; U[0, :] *= 2
check U == [[2, 0], [3, 0]]
check grad(sum(U^2), W) == [[8, 0], [6, 0]]
# rows by an integer array, and one-hot rows of eye
y = [2, 0, 2]
check eye(3)[y] == [[0, 0, 1], [1, 0, 0], [0, 0, 1]]
check grad(sum(A[[1, 1]]), A) == [[0, 0, 0], [2, 2, 2]]
# min: the first smallest takes the derivative (as max's first largest)
m = [3, 1, 1, 2]
check min(m) == 1
check argmin(m) == 1
check grad(min(m), m) == [0, 1, 0, 0]
# var and std of [1, 2, 3, 4]: mean 2.5, var = (2.25 + 0.25 + 0.25 + 2.25)/4 = 1.25,
# ∂var/∂x = 2(x - 2.5)/4; std = √1.25 = 1.118033988749894848..., ∂std/∂x =
# (x - 2.5)/(4·std) = (x - 2.5)·0.2236067977499789696...; ddof 1: 5/3 (the
# digits by mpmath at 30 digits)
q = [1, 2, 3, 4]
check var(q) == 1.25
check grad(var(q), q) == [-0.75, -0.25, 0.25, 0.75]
check std(q) == 1.118033988749894848
check grad(std(q), q) == [-0.33541019662496845446, -0.11180339887498948482, 0.11180339887498948482, 0.33541019662496845446]
check var(q, 0, 0, 1) == 1.666666666666666667
check var(A, 0) == [2.25, 2.25, 2.25]
# norm: √(9 + 16) = 5 with ∂/∂x = x/5; the Frobenius norm of A is √91, its rows'
# norms √14 and √77 (mpmath: 9.5393920141694564915..., 3.7416573867739413855...,
# 8.7749643873921220604...); at 0 the derivative is 0 (PyTorch's convention)
p = [3, 4]
check norm(p) == 5
check grad(norm(p), p) == [0.6, 0.8]
z = [0, 0]
check grad(norm(z), z) == [0, 0]
check norm(A) == 9.539392014169456492
check norm(A, 1) == [3.741657386773941386, 8.774964387392122060]
# joining: each part's derivative is its part
B = [[7, 8, 9]]
C = concatenate(A, B)
check C == [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
check grad(sum(C * [[1, 0, 0], [0, 1, 0], [0, 0, 1]]), B) == [[0, 0, 1]]
check concatenate(A, A, 1) == [[1, 2, 3, 1, 2, 3], [4, 5, 6, 4, 5, 6]]
trace sum(concatenate(v[:2], v[4:]))
# log1p and expm1: log1p'(1) = 1/2, expm1'(0) = 1; log1p(1e-20) keeps its digits
t = 1
check grad(log1p(t), t) == 0.5
check grad(expm1(0 * t), t) == 0
check log1p(1e-20) == 1e-20
check isfinite(t) == 1
# what is refused, each with why
v[2:2]
v[::0]
x[x > 10]
A[0, 0, 0]
A[:, None, :]
concatenate(A, v)
var(q, 0, 0, 4)
