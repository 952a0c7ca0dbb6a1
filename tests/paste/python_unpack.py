# Python's unpacking and walking, each once, as student code writes them:
# a, b = an array (its elements, a matrix's rows), a list, a range; inside a
# def; for over a matrix's rows; nested targets, for i, (x, y) in
# enumerate(zip(xs, ys)), at the top, in a def and in a comprehension;
# generator expressions as the argument of sum, min, max, list, sorted,
# dict; reversed(...); xs.index(v); a class's attributes named as NumPy's
# (size, mean, shape, items).  Not from a seed.
import numpy as np

p = np.array([1.5, -2.0])
x, y = p
print(x, y, x * y)
M = np.array([[1.0, 2.0], [3.0, 4.0]])
r0, r1 = M
print(r0, r1)
a, b = [3, 4]
print(a + b)
i, j, k = range(3)
print(i, j, k)
lo, hi = range(5, 7)
print(lo, hi)
for u, v in M:
    print(u * v)
print([u - v for u, v in M])


def rosenbrock(q):
    x, y = q
    return (1 - x) ** 2 + 100 * (y - x ** 2) ** 2


print(rosenbrock(p), rosenbrock([1.0, 1.0]))

xs = [1.0, 2.0, 3.0]
ys = [4.0, 5.0, 6.0]
for i, (x, y) in enumerate(zip(xs, ys)):
    print(i, x * y)
print([i * x + y for i, (x, y) in enumerate(zip(xs, ys))])


def weighted(xs, ys):
    total = 0.0
    for i, (x, y) in enumerate(zip(xs, ys)):
        total += i * x * y
    return total


print(weighted(xs, ys))
for (a, b), c in [((1, 2), 3), ((4, 5), 6)]:
    print(a, b, c)
for k, (u, v) in enumerate(M):
    print(k, u + v)
for (a, b) in [(1, 2), (3, 4)]:
    print(a * b)

print(sum(x * x for x in xs))
print(max(abs(x - 2) for x in xs), min(x for x in xs if x > 1))
print(list(2 * x for x in xs), sorted(-x for x in xs))
print(dict((name, v) for name, v in zip(["a", "b"], xs)))
print(sum(np.sum(w) for w in [np.ones(2), np.ones(3)]))
print(sum(W.size + b.size for W, b in zip([M, M], [p, p])))

print(list(reversed(xs)))
for layer in reversed(range(3)):
    print("layer", layer)
for row in reversed(M):
    print(row)

losses = [0.9, 0.5, 0.2, 0.4]
best = min(losses)
print("best %.2f at epoch %d" % (best, losses.index(best)))
print(("a", "b", "c").index("c"))


class RunningStats:
    def __init__(self, size):
        self.size = size
        self.shape = (size,)
        self.mean = np.zeros(size)
        self.items = []
        self.count = 0
        self.T = 0.5

    def update(self, v):
        self.count += 1
        self.mean = self.mean + (v - self.mean) / self.count
        self.items.append(v)
        return self.mean


s = RunningStats(2)
s.update(np.array([1.0, 2.0]))
s.update(np.array([3.0, 5.0]))
print(s.size, s.shape, s.mean, len(s.items), s.count)
s.size += 1
print(s.size, s.mean.shape, s.mean.size)
print(s.T, s.mean.T, s.mean / s.T)
