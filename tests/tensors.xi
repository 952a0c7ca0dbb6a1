# args: --keep-going
# Vectors and matrices: literals, printing, NumPy broadcasting, the tensor
# operations' values, shape errors with both shapes named, and check on
# tensors.  Expected values are worked by hand; softmax's by mpmath.
M = [[1, 2], [3, 4]]
v = [10, 20]
col = [[100], [200]]
M + v                  # v meets each row: [[11, 22], [13, 24]]
M + col                # col meets each column: [[101, 102], [203, 204]]
v + col                # (2,) and (2, 1) make (2, 2)
M * 2 - 1
M @ v                  # [1·10 + 2·20, 3·10 + 4·20] = [50, 110]
v @ M                  # [10 + 60, 20 + 80] = [70, 100]
M @ M                  # [[7, 10], [15, 22]]
v @ v                  # 500
M.T
T(v)                   # a vector's transpose is itself
sum(M); sum(M, 0); sum(M, 1); sum(M, -1)
mean(M); mean(M, 0)
max(M)
# axis and keepdims, as NumPy (np.sum(M, 1, keepdims=True) is [[3], [7]])
sum(M, 1, 1); sum(M, 0, 1); mean(M, -1, 1); sum(v, 0, 1)
N = [[1, 5, 5], [7, 2, 7]]
max(N, 0); max(N, 1); max(N, 1, 1)     # [7, 5, 7]; [5, 7]; [[5], [7]]
argmax(N); argmax(N, 0); argmax(N, 1)  # 3 (flattened, the first 7); [1, 0, 1]; [1, 0]
argmax(N, 1, 1)                        # [[1], [0]]
round(0.125, 2); round(2.5); round(3.5); round(-2.5)   # ties to even: 0.12, 2, 4, -2
# round(2.675, 2): the decimal 2.675 is a tie that the bits of its binary
# rounding decide (at 128 bits it is below, and MPFR says 2.67; the exact
# 2.675 rounds to 2.68): the ball says 2.67 or 2.68, so 2.7 is all that is proven
round([1234.5, 1250, 1350], -2); round(2.675, 2)       # [1200, 1200, 1400]; ?
x = 3; grad(round(x, 1)*x + max([x, 2*x]), x)          # round(3, 1) + 0 + 2 = 5
outer([1, 2], [3, 4, 5])
M[0, 1]; M[1]; M[:, 0]; M[-1, -1]; v[-1]
zeros(2, 3); ones(3); eye(2)
digits 12
check softmax([1, 2, 3]) == [0.0900305731704, 0.244728471055, 0.665240955775]   # mpmath
check log_softmax([0, 0]) == [-0.693147180560, -0.693147180560]                  # -log 2
check cross_entropy([[0, 0]], [1]) == 0.693147180560                              # log 2
digits 10
check M @ v == [50, 110]
check M == [[1, 2], [3, 5]]            # fails: one entry named
check M == [1, 2, 3, 4]                # a shape mismatch is an error
# errors: both shapes named, the caret under the operator
[[1, 2], [3, 4]] @ [[1, 2, 3]]
[1, 2, 3] + [1, 2]
M + [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
outer(M, v)
M[2, 0]
M[0, 0, 0]
sum(M, 2)
sum(M, 0, 2)
max(3, 0)
round(1, 2, 3)
zeros(100000, 100000)
zeros(0)
[[1, 2], [3]]
cross_entropy([[1, 2]], [2])
grad(sum(M) * M, M)
# an update step keeps a leaf's shape; = makes a value of any shape
W = [[0.5, -0.5], [1, 2]]
y = W @ v
W -= 0.5*W; y                  # y as it was computed: [-5, 50]
v2 = [1, 2]; v2 -= M           # (2,) - (2, 2) would be (2, 2)
W = [1, 2, 3]
vars
# trace of a tensor: the forward list; the adjoints start from a scalar
trace M*v
trace sum(M*v)
