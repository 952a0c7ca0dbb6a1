# closures made in loops long enough for xi to collect many times (tape/env.c
# lets go of a closure's scope once no function reads it); the closures kept
# in a list, a dict, an object and one another must still read their own
# values.  Expected output: /usr/bin/python3 closure_sweep.py (Python 3.11).
def make_adder(n):
    def add(x):
        return x + n
    return add

def make_scaler(a):
    def mid(b):
        def inner(c):
            return a * c + b
        return inner
    return mid

class Holder:
    def __init__(self, f):
        self.f = f

kept = [make_adder(k) for k in range(5)]
table = {"half": make_adder(0.5), "neg": make_adder(-3)}
held = Holder(make_scaler(2.0)(0.25))
chain = make_scaler(3)(4)

total = 0
for i in range(6000):
    f = make_adder(i)
    total = f(total)
    g = make_scaler(i)(1)
    total = total - g(1) + i + 1
print(total)

acc = 0.0
for step in range(3000):
    h = make_scaler(0.5)(step)
    acc = h(acc) * 0.001
print(acc)

print([k(10) for k in kept])
print(table["half"](1.25), table["neg"](1))
print(held.f(3.0), chain(5))
last = make_adder(total)
del f
print(last(1), kept[4](kept[3](0)))
