# break and continue in a for over a list, a tuple, enumerate, a dict and an
# array, at each item, nested in a for over a range, and a def's None skipped
# by continue: a for over anything but a range kept the jump after its body,
# so the first continue or break stopped the whole program, silently
import numpy as np

for m in range(2):
    for n in [0, 1, 2]:
        if n == m:
            continue
        print("list", m, n)
    for n in (0, 1, 2):
        if n == m:
            break
        print("tuple", m, n)
    for i, n in enumerate([5, 6, 7]):
        if i == m:
            continue
        print("enumerate", m, i, n)
    for k in {"a": 1, "b": 2, "c": 3}:
        if k == "b":
            break
        print("dict", m, k)
    for v in np.arange(3):
        if v == m:
            continue
        print("array", m, v)
    print("m", m)

def run(n):
    if n == 2:
        return None
    return n * 10

total = 0
for n in [1, 2, 3]:
    h = run(n)
    if h is None:
        continue
    total += h
print("total", total)

found = None
for name, score in [("a", 0.2), ("b", 0.9), ("c", 0.95)]:
    if score > 0.5:
        found = name
        break
print("found", found)

for x in [1, 0, 2, 3]:
    try:
        r = 1 / x
        if x == 2:
            continue
        if x == 3:
            break
    except ZeroDivisionError:
        print("zero")
        continue
    finally:
        print("finally", x)
    print("r", r)
print("end")
while True:
    for x in ["a", "b"]:
        if x == "b":
            break
        print(x)
    break
print("done")
