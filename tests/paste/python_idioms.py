# What the student programs of issue 17 met that xi lacked, each once, with
# Python's output: str.format in print (positional, numbered, named, specs,
# !r, braces), np.where(condition) and np.nonzero (a tuple of index arrays),
# np.bincount, and a list or a range as an index array (CS231n's
# probs[range(N), y]).  Written for this test; not from a seed.
import numpy as np

loss, step = 0.0872601234, 200
print("step {}: loss {:.5f}".format(step, loss))
print("{1} then {0}, {1:>6.2f}|".format(loss, 2.5))
print("{name}={val:.3e} {{braces}}".format(name="lr", val=0.001))
print("{!r} and {:8s}|".format("text", "pad"), "{:+d} {:.1%}".format(7, 0.25))
print("no fields".format())

a = np.array([3, 0, 2, 2, 0, 1])
b = np.array([3, 1, 2, 0, 0, 1])
wrong = np.where(a != b)[0]
print(wrong, len(wrong), wrong.sum())
print(np.where(a > 1))
print(np.nonzero(a))
M = np.array([[0.5, 0.0, -1.0], [0.0, 2.0, 0.0]])
rows, cols = np.nonzero(M)
print(rows, cols, M[rows, cols])

y = np.array([0, 2, 2, 1, 0, 2])
print(np.bincount(y), np.bincount(y).argmax())
print(np.bincount(np.array([4])))

probs = np.array([[0.7, 0.2, 0.1], [0.1, 0.3, 0.6], [0.3, 0.3, 0.4]])
labels = np.array([0, 2, 1])
N = probs.shape[0]
print(probs[range(N), labels])
print(probs[np.arange(N), labels], probs[[0, 2], [1, 2]])
print(-np.log(probs[range(N), labels]).mean())
