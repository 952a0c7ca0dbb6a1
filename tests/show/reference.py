#!/usr/bin/env python3
"""The expected numbers of tests/show_trace.xi's network, computed apart from xi:
NumPy's legacy generator (MT19937 and its polar Gaussian, as np.random.seed(0);
np.random.randn give) written out here, then the forward pass and the
gradient of the loss by the bias b2, (softmax(z) - onehot(y)).sum(axis=0)/N,
by hand in mpmath at 50 digits.  Needs only python3-mpmath."""
from mpmath import mp, mpf, exp, log, sqrt

mp.dps = 50


class MT:
    def __init__(self, seed):
        self.mt = [0] * 624
        self.mt[0] = seed
        for i in range(1, 624):
            self.mt[i] = (1812433253 * (self.mt[i - 1] ^ (self.mt[i - 1] >> 30)) + i) & 0xFFFFFFFF
        self.i = 624
        self.gauss = None

    def u32(self):
        if self.i >= 624:
            for k in range(624):
                y = (self.mt[k] & 0x80000000) | (self.mt[(k + 1) % 624] & 0x7FFFFFFF)
                self.mt[k] = self.mt[(k + 397) % 624] ^ (y >> 1) ^ (0x9908B0DF if y & 1 else 0)
            self.i = 0
        y = self.mt[self.i]
        self.i += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9D2C5680
        y ^= (y << 15) & 0xEFC60000
        return y ^ (y >> 18)

    def double(self):
        a, b = self.u32() >> 5, self.u32() >> 6
        return (a * 67108864.0 + b) / 9007199254740992.0

    def randn(self):
        if self.gauss is not None:
            g, self.gauss = self.gauss, None
            return g
        while True:
            x1, x2 = 2 * self.double() - 1, 2 * self.double() - 1
            r2 = x1 * x1 + x2 * x2
            if 0 < r2 < 1:
                break
        import math
        f = math.sqrt(-2 * math.log(r2) / r2)
        self.gauss = f * x1
        return f * x2


def matrix(g, r, c, scale=1):
    return [[mpf(g.randn()) * scale for _ in range(c)] for _ in range(r)]


g = MT(0)
X = matrix(g, 4, 30)
W1 = matrix(g, 30, 16, mpf("0.1"))
W2 = matrix(g, 16, 3, mpf("0.1"))
y = [0, 2, 1, 0]
h = [[max(sum(X[r][k] * W1[k][j] for k in range(30)), 0) for j in range(16)] for r in range(4)]
z = [[sum(h[r][k] * W2[k][j] for k in range(16)) for j in range(3)] for r in range(4)]
loss, db2 = 0, [0, 0, 0]
for r in range(4):
    s = sum(exp(v) for v in z[r])
    loss -= log(exp(z[r][y[r]]) / s) / 4
    for j in range(3):
        db2[j] += (exp(z[r][j]) / s - (j == y[r])) / 4
print("loss", mp.nstr(loss, 30))
print("db2", [mp.nstr(v, 30) for v in db2])
