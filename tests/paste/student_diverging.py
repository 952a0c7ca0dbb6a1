# A student's linear regression whose learning rate is far too large: the
# loss grows past the largest float, becomes inf and then nan, and is printed
# the way students print it (round(loss, 4), np.max, argmax, np.round ...).
import numpy as np

np.random.seed(0)
X = np.random.randn(20, 3)
true_w = np.array([2.0, -1.0, 0.5])
y = X @ true_w + 0.1 * np.random.randn(20)

w = np.zeros(3)
lr = 50.0
losses = []
for epoch in range(160):
    pred = X @ w
    err = pred - y
    loss = np.mean(err ** 2)
    losses.append(loss)
    grad = 2 * X.T @ err / len(y)
    w = w - lr * grad
    if epoch % 20 == 0 or epoch > 143 and epoch < 149:
        print(f"epoch {epoch}: loss {round(loss, 4)}, w {np.round(w, 3)}")

print("last loss:", round(losses[-1], 4), round(losses[-1], 2))
print("worst:", np.max(losses), "at epoch", np.argmax(losses))
print("best:", np.min(losses), "at epoch", np.argmin(losses))
print("max(losses) / min(losses):", max(losses), min(losses))
print("w:", w, w.round(2), np.around(w, 1))
print("sign of w:", np.sign(w), np.sign(np.nan), np.sign(-np.inf))
print("|w| largest:", np.max(np.abs(w)), np.abs(w).max(), np.argmax(np.abs(w)))

# where it went wrong: the first loss that is not finite
hist = np.array(losses)
print("finite:", np.isfinite(hist).sum(), "of", len(hist))
print("history max/min:", hist.max(), hist.min(), hist.argmax(), hist.argmin())
print(np.round(hist[-5:], 2), hist[-5:].round(1))

# Python's builtin max and min compare one pair at a time, so a nan first
# stays, and a nan later is passed over
print(max([1.0, np.nan, 3.0]), max([np.nan, 1.0, 3.0]), min([2.0, np.nan, 1.0]),
      min([np.nan, 2.0, 1.0]), max(1.0, np.nan), max(np.nan, 1.0))

# the same with rows: max along an axis, argmax along an axis
M = np.array([[1.0, np.nan, 3.0], [4.0, 5.0, 6.0], [-np.inf, 0.0, np.inf]])
print(np.max(M, axis=0), np.max(M, axis=1), M.min(axis=0), M.min(axis=1))
print(np.argmax(M, axis=0), np.argmax(M, axis=1), M.argmin(axis=0), M.argmin(axis=1))
print(np.max(M), np.argmax(M), np.min(M[1:]), np.argmin(M[1:]))
print(np.round(M, 1), M.round(0), np.round(M, -1))
print(round(np.inf, 2), round(-np.inf, 1), round(np.nan, 3), round(2.5), round(3.14159, 2))

# floor division and remainder with inf: Python's float rules, and NumPy's
print(np.inf // 1, -5 // np.inf, 5 % np.inf, 5 // np.inf, -5 % np.inf, 5.0 // -np.inf)
print(divmod(np.inf, 2), divmod(-5.0, np.inf), divmod(5, -np.inf))
print(type(5 % np.inf), type(np.inf // 1), type(np.inf), np.nan // 2, np.nan % 2)
a = np.array([np.inf, -np.inf, np.nan, 5.0, -5.0, 0.0])
print(a // 2, a % 2)
print(5.0 // a, 5.0 % a)
print(-5.0 // a, -5.0 % a)
