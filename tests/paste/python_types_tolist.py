# type() and isinstance of what a student's helpers take and give: a to_array
# def dispatching on list/tuple/ndarray/number, a describe def printing
# type(v).__name__, NumPy's scalars against Python's (x[0], x.sum(), len(x),
# round), and x.tolist() and x.item(), which give Python's numbers: they were
# numpy.float64 to xi (and x.tolist()[0] / 0 printed inf where Python raises)
import numpy as np
import math

def to_array(x):
    if isinstance(x, (list, tuple)):
        return np.array(x, dtype=float)
    elif isinstance(x, np.ndarray):
        return x.astype(float)
    elif isinstance(x, (int, float)):
        return np.array([x], dtype=float)
    raise_it = None
    return raise_it

print(to_array([1, 2]), to_array((3, 4.5)), to_array(np.arange(3)), to_array(7), to_array("s"))

def describe(v):
    t = type(v).__name__
    if isinstance(v, np.ndarray):
        print(f"{t} shape={v.shape}")
    elif isinstance(v, dict):
        print(f"{t} keys={sorted(v)}")
    else:
        print(f"{t} {v!r}")

for v in [np.zeros((2, 3)), {"b": 1, "a": 2}, 3, 2.5, "hi", None, [1], (1, 2), True]:
    describe(v)
x = np.array([1.5, 2.5])
print(type(x[0]), type(x.sum()), type(float(x.sum())), type(len(x)), type(x.shape))
print(type(x.mean()) == np.float64, isinstance(x.max(), float), isinstance(np.argmax(x), int))
print(isinstance(np.argmax(x), (int, np.integer)), type(math.pi), type(np.pi), type(1 / 2), type(3 // 2))
print(type(x > 1), type(True), type(x.tolist()), type(x.tolist()[0]), type(round(2.5)))
print(type(np.float64(1) + 1), type(1 + 2.0))
x = np.array([1.5, 2.5])
i = np.array([[1, 2], [3, 4]])
b = np.array([True, False])
u = np.array([3, 250], dtype='uint8')
for v in [x.tolist()[0], i.tolist()[1][0], b.tolist()[0], u.tolist()[1], x.sum().tolist(), np.float64(2.0).tolist(), x[0].tolist()]:
    print(type(v).__name__, v, repr(v))
print(x.tolist(), i.tolist(), b.tolist(), u.tolist())
print(sum(x.tolist()), max(i.tolist()[0]), x.tolist()[0] / 0.5)
try:
    print(x.tolist()[0] / 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
print(np.array([4.0]).tolist()[0] // 0 if False else "skip")

# names holding Python's ints (len, .shape, .size), NumPy's (np.argmax), and
# np.count_nonzero over all (Python's int, as NumPy returns; with an axis an array)
x = np.array([1.0, 3.0, 2.0])
i = np.argmax(x)
n = len(x)
s = x.shape[0]
c = np.count_nonzero(x)
print(type(np.argmax(x)), type(i), type(n), type(s), type(np.count_nonzero(x)), type(c), type(x.size))
k = x.size
print(type(k), type(x.ndim), type(np.sum(x > 1)))
x = np.array([[1.0, 0.0], [2.0, 3.0]])
print(np.count_nonzero(x), type(np.count_nonzero(x, axis=0)), np.count_nonzero(x, axis=1), np.count_nonzero(x, keepdims=True), type(np.count_nonzero(x > 1)), np.count_nonzero(x) / 0 if False else 0)
