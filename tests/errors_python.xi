# args: --keep-going
# Python's constructs that xi does not have, and the mistakes pasted code
# makes: each gets a message that names it and says what to write instead.
class Net(Base):
    pass
while x < 3:
    x += 1
h = [lambda x: x + 1]
losses = []
v = [1, 2]
v.append(3)
d = {'W1': 1}
break
for i in range(3):
    continue
continue
with open("f") as fh:
    pass
try:
    x = 1
raise ValueError("x")
global x
yield x
elif x:
    pass
return 3
def outer(x):
    def inner(y):
        return y
    return x
def f(x=y):
    return x
def f(x, lr=0.1, y):
    return x
def f(*args):
    return 1
def f(x):
    y = x
def f(x):
    print "x", x
    return x
def f(x):
    if x > 0:
        y = x
    return y
f(-1.0)
def f(x):
    for k in range(3):
        y = x
    return k + y
f(2.5)
def f(x):
    x += 1
    return x
def f(W):
    W[0] = 1
    return W
for a, b in range(3):
    pass
for i in [1, 2, 3]:
    pass
for i in range(2.0):
    pass
if [1, 2] > 0:
    pass
x = 1 if [1, 2] > 0 else 2
ok = (np.array([1, 2]) > 0) and True
ok = x is None
y = [i for i in range(3)]
z = [1, 2, 3][1:1]
s = "text"
t = None
u = (1, 2) + 1
a, b = 1, 2, 3
a, b = 5
a, b, c = (1, 2)
print("a" "b" * 2)
print(f"{1 + }")
print(f"x}")
print(f"{x")
print(b"bytes")
print("\N{DAGGER}")
print(x, file=sys.stderr)
print("%d %d" % (1,))
print("%d" % (1, 2))
print("%q" % 1)
print("%(W)s" % 1)
def g(a, b):
    return a - b
g(1, c=2)
g(1, 2, a=3)
g(b=1)
np.sum([1, 2], 0, axis=0)
np.sum([1, 2], axis=0, axes=1)
np.sum(x=1, [1, 2])
np.zeros(3, dtype=np.float32)
np.linspace(0, 1, 0)
np.nditer([1, 2])
[1, 2].foo()
np.random.seed(x)
np.random.seed(42) + 1
len(3)
np.array([1, 2]).item()
np.array([1, 2, 3]).reshape(2, 2)
np.array([1, 2, 3]).reshape(-1, -1)
M = np.array([[1.0, 2.0], [3.0, 4.0]])
M[np.array([0, 5]), np.array([0, 1])]
M[np.array([0.5]), np.array([0])]
M[np.array([0, 1, 2]), np.array([0, 1])]
M[np.array([0, 1]), :, None]
M[np.array([0, 0]), np.array([1, 1])] -= 1
M[np.array([0, 1]), :] = 0
V = M
M -= 1
N = V.copy()
N -= 1
k = np.array([1, 2])
k[0] = 2.5
M[0][1] = 3
import pandas as pd
pd.DataFrame(M)
import matplotlib.pyplot as plt
x = np.c_[0:3]
x = np.c_[]
x = np.c_[np.array([1.0, 2.0]), 5]
u8 = np.array([100, 200], dtype="uint8")
u8 + u8
u8 - 101
u8[0] = 256
np.zeros(2, dtype="int8")
u8 / 2
h = plt.plot(M)
for i in range(3):
    y = 1
        z = 2
for i in range(3):
        y = 1
    z = 2
for i in range(3):
x = 1
if x:
	y = 1
        z = 2
x = 1
    y = 2
while x:
x = 2
P1 = np.array([3.0, 4.0])
P2 = np.array([[1.0, 2.0], [3.0, 4.0]])
np.linalg.norm(P2, 2)
np.linalg.norm(P1, 'fro')
np.linalg.norm(P1, 1)
np.linalg.norm(P1, ord=np.inf)
np.isclose(P1, P1, equal_nan=True)
np.concatenate((P1, P1), axis=None)
np.concatenate(P1)
np.random.choice(3, 5, replace=False)
np.random.choice(3, p=[0.5, 0.6, 0.1])
np.random.choice(3, p=[0.5, 0.5])
np.random.randint(5, 2)
np.random.normal(0, -1)
np.random.uniform(0, P1)
np.random.permutation(2.5)
np.random.randint(0, 2**60)
np.linspace(0, P1)
P1[P1 > 5]
P1[P1 > 3] = np.array([1.0, 2.0])
P2[np.array([True, False])] = 0
P2[np.array([0, 1]), None]
np.random.normal(0, 1, size=(2, 2, 2))
np.random.randint(3, size=0)
np.isclose(P1)
np.linspace(0, 1, num=3, retstep=True)
i = 0
while i < 3:
    i += 1
else:
    i = 0
for k in range(2):
    i += 1
else:
    i = 0
def h(x):
