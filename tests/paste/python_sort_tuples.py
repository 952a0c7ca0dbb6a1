# Python's order of tuples and lists, as students sort their results: a
# hyperparameter sweep's (loss, lr) pairs sorted, min'd and max'd, keys that
# are tuples (ties broken by a second item), list.sort with key= and
# reverse=, a def sorting the caller's list in place, sets sorted in reverse.
import numpy as np

results = []
for lr in [1.0, 0.1, 0.01, 0.001]:
    w = 5.0
    for step in range(20):
        w = w - lr * 2 * w
    results.append((round(w * w, 6), lr))
print(results)
print(sorted(results))
print("best:", min(results), "worst:", max(results))
best_loss, best_lr = min(results)
print(f"best lr {best_lr} with loss {best_loss}")

words = ["banana", "Apple", "cherry", "date", "fig", "kiwi"]
print(sorted(words, key=lambda w: (len(w), w)))
print(sorted(words, key=lambda w: (-len(w), w), reverse=True))
runs = [(0.3, "b"), (0.1, "z"), (0.3, "a"), (0.1, "y", 2), (0.1, "y")]
print(sorted(runs))
print(min(runs), max(runs))
print(max(runs, key=lambda r: (r[1], r[0])))
print(sorted([[1, [2, 3]], [1, [2, 1]], [0, [9, 9]]]))
mixed = [(1, 2), (1, 2.0), (True, 1), (0, 5)]
mixed.sort()
print(mixed)

table = [("relu", 0.91), ("tanh", 0.88), ("sigmoid", 0.75), ("leaky", 0.91)]
table.sort(key=lambda t: t[1], reverse=True)
print(table)
table.sort(key=lambda t: t[0])
print(table)
table.sort(reverse=True)
print(table)
accs = [0.5, 0.25, 0.75]
accs.sort(reverse=True)
print(accs)

def rank(rs):
    rs.sort(key=lambda r: r[1])
    return rs[0]

rs = [("a", 0.3), ("b", 0.1), ("c", 0.2)]
other = rs
print(rank(rs), rs, other)

print(sorted({3, 1, 2}, reverse=True), sorted(set([0.5, -1.0, 2.0]), reverse=True))
order = list({"b", "c", "a"})
order.sort(reverse=True)
print(order)
scores = {"cat": 0.82, "dog": 0.91, "bird": 0.67}
print(sorted(scores.items(), key=lambda kv: (kv[1], kv[0]), reverse=True))
print(sorted(zip([3, 1, 2], ["c", "a", "b"])))
print(sorted(np.array([0.5, 0.1, 0.9]).tolist(), reverse=True))
