# A student's program, written as a tutorial would have it and run unchanged:
# nothing in it was fitted to xi (tests/paste/README.md).  Not from a seed.
# Written for a student's-eye trial of xi; it ran unchanged, every digit NumPy's.
import numpy as np

scores = np.array([[1.2, -0.3, 0.8], [0.1, 2.2, -1.0], [-0.5, 0.4, 0.3], [2.0, 1.0, 0.1]])
labels = [0, 1, 2, 1]

def softmax_rows(s):
    e = np.exp(s - s.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)

probs = softmax_rows(scores)
print(probs)
nll = -np.log(probs[range(len(labels)), labels])
print("per-example NLL:", nll)
print("mean NLL: {:.6f}".format(nll.mean()))
print("{:>4} {:>8} {:>8} {:>6}".format("i", "p_true", "nll", "pred"))
for i, (row, lab) in enumerate(zip(probs, labels)):
    print("{:>4d} {:>8.4f} {:>8.4f} {:>6}".format(i, row[lab], -np.log(row[lab]), int(np.argmax(row))))
acc = np.mean(np.argmax(probs, axis=1) == np.array(labels))
print("accuracy:", acc)
print("log-sum-exp:", np.log(np.sum(np.exp(scores), axis=1)))
print(scores.T)
print(scores.reshape(2, 6))
print(scores.flatten()[::2])
print(np.clip(scores, -0.5, 1.0))
print(np.exp(scores[0]).round(3), np.log(np.abs(scores[1])))
m = scores.mean(axis=0)
s = scores.std(axis=0)
print("mean", m, "std", s)
print((scores - m) / s)
print(np.dot(scores[0], scores[1]), np.outer(scores[0], [1, 2]))
print(np.sum(scores > 0), np.count_nonzero(scores < 0), scores.max(), scores.argmin())
