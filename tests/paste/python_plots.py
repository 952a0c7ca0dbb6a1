# A training script that plots its losses, as notebooks end: the plotting
# statements (plt.figure, plt.plot, plt.xlabel; ..., plt.rcParams[...] = ...,
# plt.show(), in a def too) are skipped with a note, and every number is still
# printed; the .out is what /usr/bin/python3 prints with python3-matplotlib
# (plots print nothing on stdout).
import numpy as np
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt

np.random.seed(1)
X = np.random.randn(20, 2)
w_true = np.array([1.5, -0.5])
y = X @ w_true + 0.1 * np.random.randn(20)
w = np.zeros(2)
losses = []
for epoch in range(50):
    r = X @ w - y
    losses.append(np.mean(r ** 2))
    w -= 0.1 * 2 * X.T @ r / len(y)
    if epoch % 10 == 0:
        print(f"epoch {epoch:2d} loss {losses[-1]:.6f}")

plt.figure(figsize=(6, 4))
plt.plot(losses, label="train")
plt.xlabel("epoch"); plt.ylabel("MSE")
plt.title("Loss curve")
plt.legend()
plt.rcParams["figure.dpi"] = 100
plt.savefig("/dev/null", format="png")
plt.show()


def plot_fit(X, y, w):
    plt.scatter(X[:, 0], y, c="b", s=5)
    plt.plot(X[:, 0], X @ w, "r-")
    plt.close()
    return np.mean((X @ w - y) ** 2)


print("w =", w)
print("final MSE", round(float(plot_fit(X, y, w)), 8))
