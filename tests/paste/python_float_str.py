# float(s) and int(s) of strings, as students write them: a small data set kept
# as CSV text, parsed with split and float, a linear fit by gradient descent
# with early stopping from best = float('inf'), float('nan'), and Python's
# ValueError for a string that is not a number (caught, its text printed).
# Written for this test, not from a seed; the .out is what /usr/bin/python3
# (3.11, NumPy 1.24.2) prints. Each float(s) was refused: a string is not a number.
import numpy as np

data = """x,y
0.5, 1.2
1.0, 2.1
1.5 ,2.9
2.0,4.2
2.5, 4.9
3.0,6.1"""

lines = data.split("\n")
header = lines[0].split(",")
xs, ys = [], []
for line in lines[1:]:
    a, b = line.split(",")
    xs.append(float(a))
    ys.append(float(b.strip()))
print(header, xs, ys)
X = np.array(xs)
Y = np.array(ys)

w, b = 0.0, 0.0
lr = 0.05
best = float('inf')
best_epoch = -1
patience, waited = 5, 0
for epoch in range(500):
    pred = w * X + b
    loss = np.mean((pred - Y) ** 2)
    if loss < best - 1e-6:
        best, best_epoch, waited = loss, epoch, 0
    else:
        waited += 1
        if waited >= patience:
            print("stopped at epoch", epoch)
            break
    dw = 2 * np.mean((pred - Y) * X)
    db = 2 * np.mean(pred - Y)
    w -= lr * dw
    b -= lr * db
print(f"w={w:.4f} b={b:.4f} best={best:.6f} at {best_epoch}")

low, high = float('-inf'), float('+inf')
for v in ys:
    low = max(low, v)
    high = min(high, v)
print(low, high, low > float('-inf'), high < float("Infinity"))

nan = float('nan')
print(nan == nan, nan != nan, float('NaN') > 0, np.isfinite(nan), np.isfinite(float('inf')))
scores = [float(t) for t in "0.91 0.87 1e-3 -2.5E2 .5 7. +3".split()]
print(scores, sum(scores), max(scores))
counts = [int(t) for t in "3 -2 +7 007 1_000 -0".split()]
print(counts, sum(counts), [type(c).__name__ for c in counts][:2])
print(float("3") / 2, int("7") // 2, int(" 12 ") * 2, float(" -0 "), int("-0"))
print(type(float("2")), type(int("2")), repr(float("1e-5")), float("1e400"), -float("1e400"))
for s in ["abc", "1.2.3", "", "1e", "0x1A", "1,5", "1__0"]:
    try:
        v = float(s)
    except ValueError as e:
        print("bad float:", e)
for s in ["3.5", "1e3", "", "seven", " 4 2 "]:
    try:
        n = int(s)
    except ValueError as e:
        print("bad int:", e)
