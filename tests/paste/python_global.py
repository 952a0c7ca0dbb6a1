# global in a def, as students write it: a step counter bumped by a def, a
# learning rate decayed by one, weights and a history reset by one (the old
# array still held by another name), a for loop over a global name, a name
# first made by a def, a def that only reads one; and a global set by a def
# in a statement that then fails inside try (Python keeps the change).  It
# stopped at global.  Expected: what /usr/bin/python3 (3.11, NumPy 1.24) prints.
import numpy as np
count = 0
lr = 0.5
history = []
W = np.zeros(2)
def bump():
    global count
    count += 1
    return count
def decay():
    global lr
    lr = lr * 0.9
def reset():
    global W, history
    W = np.ones(2)
    W[0] = 3.0
    history = []
    history.append(1)
def train(steps):
    global count
    for count in range(steps):
        pass
    return count
bump(); bump()
print(count)
for i in range(3):
    decay()
print(lr)
alias = W
reset()
print(W, alias, history)
print(train(4), count)
def newname():
    global fresh
    fresh = 7
newname()
print(fresh)
def reader():
    global count
    return count * 2
print(reader())
print(count)
count = 1
def f():
    global count
    count = count + 10
    return count
try:
    y = f() + np.ones(2) @ np.ones(3)
except ValueError:
    pass
print(count)
W = np.zeros(2)
def g(A):
    A += 1
    return 5
try:
    y = g(W) + np.ones(2) @ np.ones(3)
except ValueError:
    pass
print(W)
