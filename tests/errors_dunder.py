# args: --keep-going
# A class of the student's own where xi refuses: a dunder method xi does not call, an
# operator the class has no method for, an object without __repr__ printed, nonlocal.
class A:
    def __init__(self, x):
        self.x = x
    def __eq__(self, other):
        return self.x == other.x
class B:
    def __init__(self, x):
        self.x = x
    def __add__(self, other):
        return B(self.x + other)
class C:
    def __init__(self, x):
        self.x = x
b = B(1.0)
print((b + 2.0).x)
d = 2.0 + b
e = b * 3
f = -b
print(b)
s = str(C(2.0))
print([C(1.0)])
print(isinstance(b, d))
k = 5
print(isinstance(b, k))
def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc
def outer():
    def bad():
        return undefined_name
    return bad
g = outer()
g()
