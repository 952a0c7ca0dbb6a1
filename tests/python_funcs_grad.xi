# args: --keep-going
# The derivative flows through a function passed as a value, as through the
# call written out: a def's default (activation=sigmoid), np.tanh passed, a
# lambda, a dict's function, a lambda reading its def's local.  Each gradient
# derived by hand: x @ W = 1*0.5 + 2*(-0.25) = 0, so tanh'(0) = 1 and
# dL/dW = x^T = [[1], [2]]; sigmoid'(0) = 0.25: [[0.25], [0.5]]; (v**2)' at
# x @ W2 = 2 is 4: [[4], [8]]; relu' at 3 is 1: [[1], [2]]; 3*t: [[3], [6]].
import numpy as np
def sigmoid(x):
    return 1 / (1 + np.exp(-x))
def relu(x):
    return np.maximum(0, x)
def layer(x, W, activation=sigmoid):
    return activation(x @ W)
def apply(f, v):
    return f(v)
x = np.array([[1.0, 2.0]])
W = np.array([[0.5], [-0.25]])
L = np.sum(layer(x, W, activation=np.tanh))
%grad L wrt W
%check grad(L, W) == [[1], [2]]
L = np.sum(layer(x, W))
%grad L wrt W
%check grad(L, W) == [[0.25], [0.5]]
W2 = np.array([[1.0], [0.5]])
L = np.sum(apply(lambda v: v ** 2, x @ W2))
%check L == 4
%check grad(L, W2) == [[4], [8]]
acts = {'relu': relu, 'tanh': np.tanh}
W3 = np.array([[1.0], [1.0]])
L = np.sum(acts['relu'](x @ W3))
%check grad(L, W3) == [[1], [2]]
def scaled(W):
    k = 3.0
    g = lambda t: k * t
    return np.sum(apply(g, x @ W))
L = scaled(W3)
%check grad(L, W3) == [[3], [6]]
%trace L
