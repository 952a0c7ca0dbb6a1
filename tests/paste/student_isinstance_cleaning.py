# A student's data-cleaning cell: raw values of mixed types sorted out with
# isinstance and type(x).__name__, the numbers kept as floats, then NumPy's
# types where the numbers come out of an array (np.float64 is a float,
# np.int64 is not an int), a helper that takes a list or an array, a set of
# labels, and words compared as strings.
import numpy as np

raw = [3, 2.5, "7", None, True, -1.0, "n/a", [1, 2], 4, (5, 6), 0.25, False]

counts = {}
for v in raw:
    name = type(v).__name__
    counts[name] = counts.get(name, 0) + 1
print(counts)

clean = []
skipped = []
for v in raw:
    if isinstance(v, bool):
        skipped.append(v)  # a bool is an int in Python: kept out on purpose
    elif isinstance(v, (int, float)):
        clean.append(float(v))
    elif v is None or isinstance(v, str):
        skipped.append(v)
    elif isinstance(v, (list, tuple)):
        for item in v:
            clean.append(float(item))
    else:
        print("unexpected", type(v))
print("clean:", clean)
print("skipped:", skipped)

X = np.array(clean)
print(type(X), isinstance(X, np.ndarray), isinstance(clean, np.ndarray))
m = X.mean()
print(type(m).__name__, isinstance(m, float), type(m) == float, type(m) is np.float64)
f = float(m)
print(type(f).__name__, type(f) == float, isinstance(f, np.floating))
i = np.argmax(X)
print(type(i).__name__, isinstance(i, int), isinstance(i, np.integer), int(i), type(int(i)))
print(type(len(X)), type(len(X)) == type(3), type(X > 2))
big = X[X > 2]
print(type(big[0]).__name__, type(X.sum()) in (float, np.float64), type(len(X)) not in (int, float))


def to_array(x):
    if isinstance(x, np.ndarray):
        return x
    return np.array(x, dtype=float)


def describe(x):
    a = to_array(x)
    print(f"{type(x).__name__} of {len(a)}: mean {a.mean():.3f}")


describe(clean)
describe(X[:3])
describe((1, 2, 3))

labels = {"cat", "dog", "cat", "bird"}
print(len(labels), sorted(labels), "dog" in labels, {w for w in ["cat", "dog", "bird", "cat"] if w < "d"} == {"cat", "bird"})
words = ["pear", "apple", "fig", "Banana"]
first = words[0]
for w in words:
    if w < first:
        first = w
print(first, min(words), max(words), "apple" < "apples", "Zebra" < "apple")
