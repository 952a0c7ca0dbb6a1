# print inside a def and a method, each of its forms once: an f-string with a
# spec, sep= and end=, % formatting, .format, print() alone, {x=}, a def that
# only prints (None), nested calls that print in order, arrays; the .out is what
# /usr/bin/python3 + NumPy 1.24.2 print (tests/paste/regen).
import numpy as np

def report(epoch, loss):
    print(f"epoch {epoch:3d} | loss {loss:.4f}")

def show_all(xs, name="xs"):
    print(name, "=", xs, sep=" ", end=";\n")
    print("%s has %d items, first %.3f" % (name, len(xs), xs[0]))
    print("{} -> {:.2f}".format(name, xs[-1]))
    print()
    total = 0.0
    for i, x in enumerate(xs):
        total += x
        print(f"{i=} {total=}")
    return total

class Net:
    def __init__(self, w):
        self.w = w
        print("made a Net with w =", w)
    def step(self, g, lr=0.1):
        self.w = self.w - lr * g
        print("w is now", self.w)

def outer(x):
    print("outer before", x)
    y = inner(x * 2)
    print("outer after", y)
    return y + 1

def inner(z):
    print("inner", z)
    return z * 3

report(1, 0.6931471805599453)
r = report(2, 0.5)
print(r)
t = show_all([0.5, 0.25, 0.125])
print("total", t)
net = Net(np.array([1.0, 2.0]))
net.step(np.array([0.5, -0.5]))
print(outer(1.5))
print("value:", outer(2))
A = np.array([[1.0, 2.0], [3.0, 4.0]])
def mat(M):
    print(M)
    print(M.T @ M)
    print(M.shape, M.sum())
    return M
mat(A)
