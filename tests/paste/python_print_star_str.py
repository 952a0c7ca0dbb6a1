# print(*xs) and a string's methods as students use them: a matrix printed row
# by row with print(*row), a header with sep=, print(*[]) printing nothing
# but end; a log line parsed with split and strip, names compared by lower(),
# startswith/endswith (a tuple of suffixes), replace (with a count), split
# with maxsplit, in a def and in print's own text.  print(*xs) was "expected
# an expression, found '*'", and every method but .join and .format was
# refused.
import numpy as np

xs = [1, 2.5, "a", None, [1, 2], (3,)]
print(*xs)
print(*xs, sep=", ")
print(*[], sep="-")
print(0, *[], 9)
print("row:", *range(3), sep=" | ", end="!\n")
print(*"abc", *(4, 5))
print(*np.array([1.0, 2.0]), *np.arange(3))
M = np.array([[1.0, 2.0], [3.5, -4.0]])
for row in M:
    print(*row)
print(*M, sep="\n")
print(*["epoch", "loss", "acc"], sep="\t")


def show(v):
    print(*v, sep="\t")
    print("n:", *v[:1])


show([0.5, 0.25, 0.125])
d = {"a": 1, "b": 2}
print(*d, *d.items())

s = "  Hello, World  "
print(s.upper(), s.lower(), s.strip(), "[" + s.lstrip() + "]", "[" + s.rstrip() + "]")
u = s.strip().upper()
print(u, u.startswith("HELLO"), u.endswith(("X", "LD")), u.replace("L", "l"), u.replace("L", "", 2))
line = "epoch=3, loss=0.25,  acc=0.9"
parts = line.split(",")
print(parts, line.split(), line.split(", ", 1))
print("a  b\tc\n".split(), "".split(), "".split(","), "a,b,".split(","), " a b ".split(None, 1))
kv = {}
for p in parts:
    k, v = p.strip().split("=")
    kv[k] = v
print(kv, sorted(kv))
print("xxhixx".strip("x"), "abc".startswith(""), "ABC".lower(), "--a--".rstrip("-"), "aaa".replace("a", "bb"))
name = "ReLU"
if name.lower() in ("relu", "tanh"):
    print(name.upper(), name.lower().startswith("re"))
words = "the cat the hat".split()
print(words.count("the"), " ".join(w.upper() for w in words), "1,2,3".split(",", 0))
files = ["model.npz", "log.txt", "weights.npz"]
print([f.replace(".npz", "") for f in files if f.endswith(".npz")])


def clean(label):
    return label.strip().lower().replace(" ", "_")


print(clean("  Learning Rate "), clean("Batch Size"))
