# Python's random.gauss, random.normalvariate and random.sample as a student uses them in
# a network written without NumPy: weights drawn from gauss in nested comprehensions, data
# with normalvariate noise, minibatches by sample (of a list, a range, a list of tuples),
# from random import gauss, sample; gauss keeps the second number of each Box-Muller pair
# for its next call, and random.seed forgets it. Each was refused
import math
import random
from random import gauss, sample

random.seed(42)
n_in, n_hidden = 2, 3
W1 = [[random.gauss(0, 1) for _ in range(n_in)] for _ in range(n_hidden)]
b1 = [0.0] * n_hidden
W2 = [gauss(0, 0.5) for _ in range(n_hidden)]
print("W1 =", W1)
print("W2 =", W2)

# data: y = 2*x0 - x1 + 0.5 plus a little noise
random.seed(7)
data = []
for i in range(40):
    x = [random.uniform(-1, 1), random.uniform(-1, 1)]
    y = 2 * x[0] - x[1] + 0.5 + random.normalvariate(0, 0.05)
    data.append((x, y))
print(len(data), data[0], data[-1][1])

def forward(x):
    h = [math.tanh(sum(W1[j][k] * x[k] for k in range(n_in)) + b1[j]) for j in range(n_hidden)]
    return h, sum(W2[j] * h[j] for j in range(n_hidden))

lr = 0.1
random.seed(1)
for epoch in range(5):
    batch = sample(data, 8)
    loss = 0.0
    for x, y in batch:
        h, out = forward(x)
        err = out - y
        loss += err * err / len(batch)
        for j in range(n_hidden):
            dh = err * W2[j] * (1 - h[j] ** 2)
            W2[j] -= lr * err * h[j] / len(batch)
            for k in range(n_in):
                W1[j][k] -= lr * dh * x[k] / len(batch)
            b1[j] -= lr * dh / len(batch)
    print(f"epoch {epoch}: loss {loss:.6f}")

print(random.sample(range(1000), 5), random.sample("backprop", 3))
idx = random.sample(list(range(20)), 20)
print(idx, sorted(idx) == list(range(20)))
random.seed(3)
a = random.gauss(0, 1)
random.seed(3)
b = random.gauss(0, 1)
c = random.gauss(0, 1)
print(a == b, a != c, random.gauss(), random.gauss(10), random.normalvariate())
