# def bodies with if/elif/else, for and while (break, continue, return inside
# them), as students write them; the .out is what Python 3 + NumPy 1.24 print
# (tests/paste/regen).
import numpy as np


def relu(x):
    if x > 0:
        return x
    return 0.0


def sign(x):
    if x > 0:
        return 1.0
    elif x < 0:
        return -1.0
    else:
        return 0.0


def total(xs):
    s = 0.0
    for x in xs:
        s = s + x
    return s


def first_big(xs, limit):
    i = 0
    while i < len(xs):
        if xs[i] > limit:
            break
        i = i + 1
    return i


def odd_sum(n):
    s = 0
    for k in range(n):
        if k % 2 == 0:
            continue
        s += k
    return s


def find(xs, v):
    for i, x in enumerate(xs):
        if x == v:
            return i
    return -1


def nothing(x):
    if x > 100:
        return x


def fact(n):
    if n <= 1:
        return 1
    return n * fact(n - 1)


def train(w, x, y, lr, epochs):
    losses = []
    for step in range(epochs):
        pred = w * x
        loss = np.mean((pred - y) ** 2)
        dw = np.mean(2 * (pred - y) * x)
        w = w - lr * dw
        losses.append(loss)
    return w, losses


print(relu(3.5), relu(-2.0))
print(sign(-0.5), sign(0.0), sign(2.0))
print(total([0.1, 0.2, 0.3]))
print(total(np.array([1.5, 2.5, 3.0])))
print(first_big([1.0, 2.0, 7.0, 3.0], 5.0), first_big([1.0], 5.0))
print(odd_sum(10))
print(find([3.0, 4.0, 5.0], 5.0), find([3.0], 9.0))
print(nothing(1.0))
print(fact(5))
x = np.array([1.0, 2.0, 3.0])
y = np.array([2.0, 4.0, 6.0])
w, losses = train(0.5, x, y, 0.02, 4)
print(w)
print(losses)
print(len(losses), losses[-1])
a = np.array([-1.0, 2.0])
print(relu(a[1]), relu(a[0]))


class Counter:
    def __init__(self):
        self.n = 0.0

    def add_all(self, xs):
        for x in xs:
            if x < 0:
                continue
            self.n = self.n + x
        return self.n

    def reset_if(self, limit):
        if self.n > limit:
            self.n = 0.0


c = Counter()
print(c.add_all([1.0, -5.0, 2.5]))
c.reset_if(3.0)
print(c.n)
c.reset_if(-1.0)
print(c.n)


def steps_to_one(n):
    count = 0
    while True:
        if n == 1:
            return count
        if n % 2 == 0:
            n = n // 2
        else:
            n = 3 * n + 1
        count += 1


print(steps_to_one(6), steps_to_one(27))


def grid(n):
    out = []
    for i in range(n):
        for j in range(i, n):
            out.append(i * 10 + j)
    return out


print(grid(3))
