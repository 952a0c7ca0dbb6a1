# A student's program, written as a tutorial would have it and run unchanged:
# nothing in it was fitted to xi (tests/paste/README.md).  Not from a seed.
# A 2-3-1 net on XOR in lists and for loops (math.exp, random.uniform). xi printed
# other losses: a comprehension in a def after h.append(...) read the loop's j.
import math
import random

random.seed(1)

def sigmoid(x):
    return 1.0 / (1.0 + math.exp(-x))

def dsigmoid(y):
    # derivative expressed in terms of the output
    return y * (1.0 - y)

X = [[0, 0], [0, 1], [1, 0], [1, 1]]
Y = [0, 1, 1, 0]

n_in, n_hid = 2, 3
# weights as lists of lists
w1 = [[random.uniform(-1, 1) for _ in range(n_in)] for _ in range(n_hid)]
b1 = [0.0] * n_hid
w2 = [random.uniform(-1, 1) for _ in range(n_hid)]
b2 = 0.0
lr = 0.5

def forward(x):
    h = []
    for j in range(n_hid):
        s = b1[j]
        for i in range(n_in):
            s += w1[j][i] * x[i]
        h.append(sigmoid(s))
    o = sigmoid(sum(w2[j] * h[j] for j in range(n_hid)) + b2)
    return h, o

for epoch in range(600):
    total = 0.0
    for x, y in zip(X, Y):
        h, o = forward(x)
        err = o - y
        total += err ** 2
        d_o = 2 * err * dsigmoid(o)
        d_h = [d_o * w2[j] * dsigmoid(h[j]) for j in range(n_hid)]
        for j in range(n_hid):
            w2[j] -= lr * d_o * h[j]
            for i in range(n_in):
                w1[j][i] -= lr * d_h[j] * x[i]
            b1[j] -= lr * d_h[j]
        b2 -= lr * d_o
    mse = total / len(X)
    if epoch % 150 == 0 or epoch == 599:
        print(f"epoch {epoch:4d}  mse={mse:.6f}")

print("final weights:")
for j, row in enumerate(w1):
    print("  h%d:" % j, [round(w, 4) for w in row], "b=%.4f" % b1[j])
print("w2 =", [round(w, 3) for w in w2], "b2 =", round(b2, 3))
for x, y in zip(X, Y):
    _, o = forward(x)
    print(x, "->", f"{o:.4f}", "target", y, "ok" if round(o) == y else "WRONG")
