# a student's batch norm forward/backward, CS231n assignment 2 style: a cache tuple, the staged backward
# against the short one, a numerical dx by nested loops changing x in place, %e of the relative errors
import numpy as np

def batchnorm_forward(x, gamma, beta, eps=1e-5):
    N, D = x.shape
    mu = 1./N * np.sum(x, axis=0)
    xmu = x - mu
    sq = xmu ** 2
    var = 1./N * np.sum(sq, axis=0)
    sqrtvar = np.sqrt(var + eps)
    ivar = 1./sqrtvar
    xhat = xmu * ivar
    gammax = gamma * xhat
    out = gammax + beta
    cache = (xhat, gamma, xmu, ivar, sqrtvar, var, eps)
    return out, cache

def batchnorm_backward(dout, cache):
    xhat, gamma, xmu, ivar, sqrtvar, var, eps = cache
    N, D = dout.shape
    dbeta = np.sum(dout, axis=0)
    dgammax = dout
    dgamma = np.sum(dgammax * xhat, axis=0)
    dxhat = dgammax * gamma
    divar = np.sum(dxhat * xmu, axis=0)
    dxmu1 = dxhat * ivar
    dsqrtvar = -1. / (sqrtvar ** 2) * divar
    dvar = 0.5 * 1. / np.sqrt(var + eps) * dsqrtvar
    dsq = 1. / N * np.ones((N, D)) * dvar
    dxmu2 = 2 * xmu * dsq
    dx1 = (dxmu1 + dxmu2)
    dmu = -1 * np.sum(dxmu1 + dxmu2, axis=0)
    dx2 = 1. / N * np.ones((N, D)) * dmu
    dx = dx1 + dx2
    return dx, dgamma, dbeta

def batchnorm_backward_alt(dout, cache):
    xhat, gamma, xmu, ivar, sqrtvar, var, eps = cache
    N = dout.shape[0]
    dbeta = dout.sum(axis=0)
    dgamma = (dout * xhat).sum(axis=0)
    dxhat = dout * gamma
    dx = (1. / N) * ivar * (N * dxhat - dxhat.sum(axis=0) - xhat * (dxhat * xhat).sum(axis=0))
    return dx, dgamma, dbeta

def rel_error(x, y):
    return np.max(np.abs(x - y) / (np.maximum(1e-8, np.abs(x) + np.abs(y))))

np.random.seed(231)
N, D = 4, 5
x = 5 * np.random.randn(N, D) + 12
gamma = np.random.randn(D)
beta = np.random.randn(D)
dout = np.random.randn(N, D)

out, cache = batchnorm_forward(x, gamma, beta)
print('Before batch normalization:')
print('  means: ', x.mean(axis=0))
print('  stds:  ', x.std(axis=0))
print('After batch normalization (gamma=1, beta=0)')
o2, _ = batchnorm_forward(x, np.ones(D), np.zeros(D))
print('  mean:  ', o2.mean(axis=0))
print('  std:   ', o2.std(axis=0))

dx, dgamma, dbeta = batchnorm_backward(dout, cache)
dx2, dgamma2, dbeta2 = batchnorm_backward_alt(dout, cache)
print('dx difference: ', rel_error(dx, dx2))
print('dgamma difference: ', rel_error(dgamma, dgamma2))
print('dbeta difference: ', rel_error(dbeta, dbeta2))

# numeric gradient for dx
h = 1e-5
dx_num = np.zeros_like(x)
for i in range(N):
    for j in range(D):
        old = x[i, j]
        x[i, j] = old + h
        pos = batchnorm_forward(x, gamma, beta)[0]
        x[i, j] = old - h
        neg = batchnorm_forward(x, gamma, beta)[0]
        x[i, j] = old
        dx_num[i, j] = np.sum((pos - neg) * dout) / (2 * h)
print('dx error: %e' % rel_error(dx_num, dx))
print(dx.round(6))
print(dgamma)
print(dbeta)
