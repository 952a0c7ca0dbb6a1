# notebook cells as a student runs them: try/except around a shape error
# (except ValueError as e with e unread), else/finally, a broadcast error's
# text, KeyError, ZeroDivisionError, IndexError, isinstance and type()
import numpy as np

# Cell 1: set up some data
np.random.seed(42)
X = np.random.randn(4, 3)
W = np.random.randn(4, 2)
b = np.zeros(2)
print("X shape:", X.shape, "W shape:", W.shape)

# Cell 2: oops, wrong shape
try:
    out = X @ W + b
    print(out)
except ValueError as e:
    print("Shape error!")
    print("X is", X.shape, "but W is", W.shape)

# Cell 3: fix it
W = np.random.randn(3, 2)
try:
    out = X @ W + b
except ValueError:
    print("still broken")
else:
    print("works now, out shape =", out.shape)
finally:
    print("cell 3 done")

# Cell 4: broadcasting mistake
y = np.array([1.0, 2.0, 3.0])
try:
    diff = out - y
except ValueError as err:
    print("caught:", err)

# Cell 5: key errors in a config dict
config = {"lr": 0.01, "epochs": 10}
for key in ["lr", "momentum", "epochs"]:
    try:
        print(key, "=", config[key])
    except KeyError:
        print(key, "missing, using default 0.9")
        config[key] = 0.9
print(config)

# Cell 6: defensive normalisation
def normalize(v):
    if not isinstance(v, np.ndarray):
        v = np.array(v, dtype=float)
    return v / np.linalg.norm(v)

print(normalize([3, 4]))
print(normalize(np.array([1.0, 1.0, 1.0, 1.0])))

f64 = np.float64(3.0)
values = [1, 2.5, f64, "four", [5], None, True, np.mean(X) > 0]
for v in values:
    if isinstance(v, bool):
        kind = "bool"
    elif isinstance(v, (int, float)):
        kind = "number"
    elif isinstance(v, str):
        kind = "string"
    elif v is None:
        kind = "nothing"
    else:
        kind = "other"
    print(repr(v), type(v).__name__, kind)

# Cell 7: divide by zero check
counts = [3, 0, 5]
total = 10
for c in counts:
    try:
        ratio = total / c
        print(f"ratio {ratio:.3f}")
    except ZeroDivisionError as e:
        print("skip zero:", e)

# Cell 8: index past the end
losses = [0.9, 0.5, 0.3]
try:
    print(losses[3])
except IndexError as e:
    print("IndexError:", e)
finally:
    print("last loss:", losses[-1])
