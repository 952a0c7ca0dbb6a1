# NumPy's in-place changes seen through every name of the same array: V = M
# then M -= 1, an item of a list walked by a for loop and also named, CS231n's
# softmax gradient (dscores = probs; dscores[range(N), y] -= 1; dscores /= N
# changes probs too), an alias made inside a def, and copies and views whose
# base is rebound (not changed), which part as NumPy's do.  Each of these was
# refused ("dscores and probs are the same array").  The .out is what
# /usr/bin/python3 + NumPy 1.24.2 print (tests/paste/regen).
import numpy as np

M = np.arange(6.0).reshape(2, 3)
V = M
M -= 1
print(V)
V[0, 0] = 10
print(M)
M *= 2
V /= 4
print(M)
print(V)

arrays = [np.zeros(2), np.ones(2)]
first = arrays[0]
for v in arrays:
    v -= 0.5
print(first, arrays)

probs = np.array([[0.2, 0.3, 0.5], [0.1, 0.6, 0.3]])
y = np.array([2, 0])
num_examples = 2
dscores = probs
dscores[range(num_examples), y] -= 1
dscores /= num_examples
print(probs)
print(dscores.sum(), probs.sum())

def grad_of(scores, labels):
    p = np.exp(scores) / np.sum(np.exp(scores), axis=1, keepdims=True)
    d = p
    d[range(len(labels)), labels] -= 1
    return p, d

p, d = grad_of(np.array([[1.0, 2.0], [0.5, -0.5]]), np.array([1, 0]))
print(p)
print(d)

A = np.ones((2, 2))
c = A[0].copy()
r = A[1]
A = A + 1
A -= 1
print(A, c, r)

def own(M):
    r = M * 2
    r += 1
    r[0, 0] = 9
    s = M[0, 1]
    s += 1
    xs = [1]
    xs += [2]
    t = r[0].copy()
    t += 1
    return r, s, xs, t
print(own(np.ones((2, 2))))
