# Python's random module beyond randrange, as students use it: random.random()
# (an epsilon-greedy choice), random.uniform, random.choice of a list, a tuple
# and a string, random.shuffle of a list in place (seen through another name),
# in a def on the caller's list, on a def's own list, on an attribute in a
# method (a loader's batches), and an SGD loop over a shuffled order each
# epoch; from random import shuffle, choice. Each was refused
import random
from random import shuffle, choice
random.seed(42)
print(random.random(), random.random())
print(random.uniform(-1, 1), random.uniform(0.5, 2.5), random.uniform(10, 3))
data = list(range(10))
random.shuffle(data)
print(data)
shuffle(data)
print(data)
print(choice(data), random.choice(["relu", "tanh", "sigmoid"]), random.choice((1.5, 2.5)), random.choice("abc"))
xs = [(1, "a"), (2, "b"), (3, "c")]
alias = xs
random.shuffle(xs)
print(xs, alias)
eps = 0.3
random.seed(1)
acts = []
for t in range(10):
    if random.random() < eps:
        acts.append(random.randrange(4))
    else:
        acts.append(-1)
print(acts)
def epoch_order(n, seed):
    random.seed(seed)
    idx = list(range(n))
    random.shuffle(idx)
    return idx
print(epoch_order(6, 3), epoch_order(6, 3) == epoch_order(6, 3))
random.seed(5)
r = random.random()
print(type(r).__name__, r * 2, [random.random() for _ in range(3)])
print(sum(random.random() for _ in range(1000)))
import numpy as np

class Loader:
    def __init__(self, n, bs):
        self.idx = list(range(n))
        self.bs = bs

    def batches(self):
        random.shuffle(self.idx)
        out = []
        for i in range(0, len(self.idx), self.bs):
            out.append(self.idx[i:i + self.bs])
        return out

def shuffled(xs):
    random.shuffle(xs)
    return xs

def own(n):
    ys = list(range(n))
    random.shuffle(ys)
    return ys

random.seed(0)
L = Loader(7, 3)
print(L.batches())
print(L.batches(), L.idx)
a = [1, 2, 3, 4]
b = shuffled(a)
print(a, b, own(5))
X = np.arange(8.0)
w = 0.0
for epoch in range(3):
    order = list(range(8))
    random.shuffle(order)
    for i in order:
        w -= 0.01 * (w * X[i] - 2 * X[i]) * X[i]
    print(epoch, order, w)
