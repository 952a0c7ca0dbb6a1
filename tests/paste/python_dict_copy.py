# d.copy() of a dict, as students keep their best parameters: a shallow copy,
# so the arrays are the same objects and an in-place update (params[k] -= ...)
# shows in the copy too, where params[k] = params[k] - ... does not; the deep
# copy students then write ({k: v.copy() for ...}); a dict of lists copied.
# d.copy() was refused with "dict(...) takes (key, value) pairs".  Written for
# this test, not from a seed; the .out is what /usr/bin/python3 (3.11, NumPy
# 1.24.2) prints.
import numpy as np

np.random.seed(0)
X = np.random.randn(8, 2)
y = (X[:, 0] - X[:, 1] > 0).astype(float)
params = {"w": np.zeros(2), "b": np.zeros(1)}

def loss_and_grads(p):
    z = X @ p["w"] + p["b"]
    s = 1 / (1 + np.exp(-z))
    loss = -np.mean(y * np.log(s + 1e-12) + (1 - y) * np.log(1 - s + 1e-12))
    d = (s - y) / len(y)
    return loss, {"w": X.T @ d, "b": np.array([d.sum()])}

best_loss = np.inf
best_shallow = params.copy()
best_deep = {k: v.copy() for k, v in params.items()}
for step in range(30):
    loss, g = loss_and_grads(params)
    if loss < best_loss:
        best_loss = loss
        best_shallow = params.copy()
        best_deep = {k: v.copy() for k, v in params.items()}
    for k in params:
        params[k] -= 0.5 * g[k]
print(f"best loss {best_loss:.6f}")
print("shallow copy:", best_shallow["w"], best_shallow["b"])
print("deep copy:   ", best_deep["w"], best_deep["b"])
print("params:      ", params["w"], params["b"])

snap = params.copy()
params["w"] = params["w"] - 1.0
params["lr"] = 0.1
print(snap["w"], params["w"], sorted(snap), sorted(params))

hist = {"loss": [1.0, 0.5]}
h2 = hist.copy()
h2["loss"].append(0.25)
h2["acc"] = [0.9]
print(hist, h2, len(hist), len(h2))
