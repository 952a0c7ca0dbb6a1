# while loops, break and continue, and the conditions and / or, as a tutorial
# writes them (not from a seed): its output is what Python 3 prints
# (tests/paste/regen).
import numpy as np

# a counter, continue past the even ones, break at the first past 7
i = 0
total = 0.0
while i < 10:
    i += 1
    if i % 2 == 0:
        continue
    if i > 7:
        break
    total += i * 0.1
    print(i, total)
print("stopped at", i, "total", total)

# gradient descent on f(w) = (w - 3)^2 until the step is small
w = 0.0
lr = 0.1
steps = 0
while True:
    grad = 2 * (w - 3)
    w = w - lr * grad
    steps += 1
    if abs(lr * grad) < 1e-6:
        break
print(steps, w, (w - 3) ** 2)

# halving until below a tolerance; a while on one number
loss = 1.0
epoch = 0
while loss > 0.01:
    loss = loss * 0.5
    epoch += 1
print(epoch, loss)
n = 3
while n:
    n -= 1
print(n)

# break and continue in for loops, nested
for k in range(4):
    for j in range(5):
        if j == 2:
            break
        print(k, j, end="; ")
    if k == 2:
        continue
    print("k =", k)

# a loop over an array's rows, with an early stop on a NumPy condition
X = np.array([[1.0, 2.0], [3.0, -4.0], [5.0, 6.0]])
r = 0
while r < X.shape[0]:
    if X[r, 1] < 0:
        print("row", r, "has a negative")
        break
    r += 1
print(r)

# two conditions: and, or (Python's values: a when it decides, else b)
step = 0
loss = 1.0
while loss > 0.05 and step < 100:
    loss *= 0.9
    step += 1
print(step, loss, step < 100 or loss < 0, loss < 0 or step)
print(1 and 2, 0 and 2, 0 or 3, 2 or 0, True and False, 0.0 or 5.5, not 0 and 1)
