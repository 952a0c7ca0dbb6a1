# a student's 4-fold cross-validation of ridge regression fit by gradient descent: np.random.permutation
# folds by slicing, np.concatenate of a comprehension, min(results, key=lambda ...), a 70/30 split
import numpy as np

np.random.seed(7)
n = 20
X = np.random.randn(n, 2)
true_w = np.array([1.5, -0.5])
y = X @ true_w + 0.3 + 0.1 * np.random.randn(n)

def fit(X, y, lam):
    Xb = np.hstack([X, np.ones((X.shape[0], 1))])
    A = Xb.T @ Xb + lam * np.eye(Xb.shape[1])
    # solve by gradient descent instead of np.linalg.solve
    w = np.zeros(Xb.shape[1])
    for _ in range(500):
        grad = (A @ w - Xb.T @ y) / len(y)
        w -= 0.1 * grad
    return w

def predict(X, w):
    return X @ w[:-1] + w[-1]

k = 4
idx = np.random.permutation(n)
folds = [idx[i * n // k:(i + 1) * n // k] for i in range(k)]
print([len(f) for f in folds])
print(folds[0])

results = {}
for lam in [0.0, 0.1, 1.0, 10.0]:
    errs = []
    for i in range(k):
        val = folds[i]
        train = np.concatenate([folds[j] for j in range(k) if j != i])
        w = fit(X[train], y[train], lam)
        mse = np.mean((predict(X[val], w) - y[val]) ** 2)
        errs.append(mse)
    results[lam] = (np.mean(errs), np.std(errs))
    print("lambda={:>5}: mse per fold {} -> mean {:.5f} +/- {:.5f}".format(
        lam, np.round(errs, 4), results[lam][0], results[lam][1]))

best = min(results, key=lambda l: results[l][0])
print("best lambda:", best)
w = fit(X, y, best)
print("w =", w)
print("train mse = %.6f" % np.mean((predict(X, w) - y) ** 2))

# a simple 70/30 split with slicing
cut = int(0.7 * n)
Xtr, Xte = X[idx[:cut]], X[idx[cut:]]
ytr, yte = y[idx[:cut]], y[idx[cut:]]
print(Xtr.shape, Xte.shape, ytr.shape, yte.shape)
w2 = fit(Xtr, ytr, 0.1)
print("test mse: %.4e" % np.mean((predict(Xte, w2) - yte) ** 2))
print(np.concatenate((ytr[:3], yte[-2:])))
print(np.vstack([Xtr[:2], Xte[:1]]))
