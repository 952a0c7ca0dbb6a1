# float(s) and int(s) of a string, as students write them: the best loss so far
# starting at float('inf'), numbers read from a line of text, a config of
# strings, and the strings Python refuses (ValueError, caught and printed).
# Expected: what /usr/bin/python3 (3.11, NumPy 1.24) prints for this file.
import numpy as np

best_loss = float('inf')
worst = float("-inf")
print(best_loss, worst, float('nan'), float(' -Infinity '), float('+NaN'))

w = 2.0
lr = float("1e-1")
for epoch in range(5):
    loss = (w - 0.5) ** 2
    if loss < best_loss:
        best_loss = loss
        best_epoch = epoch
    w -= lr * 2 * (w - 0.5)
print("best loss %.6f at epoch %d" % (best_loss, best_epoch))

line = "1.5, 2.25,-3e-1\n"
vals = [float(v) for v in line.strip().split(',')]
print(vals, sum(vals))
x = np.array(vals)
print(x * 2, np.float64('2.5') / 2)

config = {"hidden": "16", "epochs": " 300 ", "lr": "0.05"}
hidden = int(config["hidden"])
epochs = int(config["epochs"])
rate = float(config["lr"])
print(hidden * 2, epochs + 1, rate * 3, type(hidden), type(rate))

print(float('0.25'), float('1_000.5'), float('.5'), float('5.'), float('1e-3'),
      float(' 3 '), float('1E1_0'), float('1e400'), float('-0'))
print(float('0.1') + float('0.2'), int('+7'), int('1_000'), int('007'), int('-0'))

for s in ['abc', '1__0', '_1', '1_', '', ' ', '1.5.2', 'e5', '.', '1e', 'infx', "it's", 'a (b']:
    try:
        print(float(s))
    except ValueError as e:
        print('ValueError:', e)
for s in ['3.0', 'abc', '', '1__0', '0x10', '++1', '4']:
    try:
        print(int(s))
    except ValueError as e:
        print('ValueError:', e)
