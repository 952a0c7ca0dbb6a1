# Python's round(x) is an int (round(2.7) is 3, ties to even: round(2.5) is 2),
# round(x, n) a float, np.round and x.round() NumPy's floats; a NumPy float64
# given to round is an int too (NumPy 1.24).  xi printed 97.0 for round(acc * 100).
import numpy as np

acc = 0.9731
print(round(acc * 100), round(2.5), round(3.5), round(-0.5), round(acc, 2), round(7))
print(f"accuracy: {round(acc * 100)}%", "of", round(1e3 / 7), "steps")
x = np.float64(2.7)
print(round(x), round(x, 1), np.round(2.5), np.round(x), x.round())
a = np.array([0.5, 1.5, 2.5])
print(round(a[0]), round(a[2]), np.round(a), a.round(), round(a.sum()))
n = round(acc * 10)
print(n * 3, [0] * round(1.6), list(range(round(2.6))))

def batches(N, size):
    return round(N / size)

print(batches(1000, 64), batches(10, 4) + 1, 7 // round(2.2))
