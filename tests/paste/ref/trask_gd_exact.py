# ref/trask_gd_exact.py ALPHA STEPS EVERY: Trask's alpha sweep (trask_gd_alpha.py) for
# one alpha, in plain Python floats with every operation correctly rounded in binary64:
# exp by mpmath at 200 bits, then rounded once (NumPy's AVX512 exp is one ulp off in
# places, and glibc's, which NumPy uses without AVX512, is not correctly rounded
# everywhere); dot products summed left to right from 0, as NumPy's (and xi's) are.
# Not run by regen: it says which digits are right where NumPy and xi part.  For the
# full post (60 000 steps), `ref/trask_gd_exact.py 0.01 50001 10000` prints xi's lines
# (0.14307065901337035 at step 40 000; NumPy without AVX512 0.14307065901337027).
import sys
import mpmath
import numpy as np

mpmath.mp.prec = 200
alpha = float(sys.argv[1])
steps, every = int(sys.argv[2]), int(sys.argv[3])


def exp(v):
    return float(mpmath.exp(mpmath.mpf(v)))


def sig(v):
    return 1 / (1 + exp(-v))


def dot(A, B):
    out = []
    for i in range(len(A)):
        row = []
        for j in range(len(B[0])):
            acc = 0.0
            for k in range(len(B)):
                acc += A[i][k] * B[k][j]
            row.append(acc)
        out.append(row)
    return out


def T(A):
    return [list(r) for r in zip(*A)]


np.random.seed(1)  # the post's draws, as floats
s0 = (2 * np.random.random((3, 4)) - 1).tolist()
s1 = (2 * np.random.random((4, 1)) - 1).tolist()
X = [[0, 0, 1], [0, 1, 1], [1, 0, 1], [1, 1, 1]]
y = [[0], [1], [1], [0]]
for j in range(steps):
    l1 = [[sig(v) for v in r] for r in dot(X, s0)]
    l2 = [[sig(v) for v in r] for r in dot(l1, s1)]
    e2 = [[l2[i][0] - y[i][0]] for i in range(4)]
    if j % every == 0:
        acc = 0.0  # np.mean of 4: summed from 0, then divided
        for i in range(4):
            acc += abs(e2[i][0])
        print("Error after " + str(j) + " iterations:" + str(acc / 4), flush=True)
    d2 = [[e2[i][0] * (l2[i][0] * (1 - l2[i][0]))] for i in range(4)]
    e1 = dot(d2, T(s1))
    d1 = [[e1[i][k] * (l1[i][k] * (1 - l1[i][k])) for k in range(4)] for i in range(4)]
    u1, u0 = dot(T(l1), d2), dot(T(X), d1)
    s1 = [[s1[i][0] - alpha * u1[i][0]] for i in range(4)]
    s0 = [[s0[i][k] - alpha * u0[i][k] for k in range(4)] for i in range(3)]
