import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class LogisticRegression:
    def __init__(self, n_features, lr=0.1):
        self.w = np.zeros(n_features)
        self.b = 0.0
        self.lr = lr
        self.history = []

    def predict_proba(self, X):
        return sigmoid(X @ self.w + self.b)

    def loss(self, X, y):
        p = self.predict_proba(X)
        eps = 1e-15
        return -np.mean(y * np.log(p + eps) + (1 - y) * np.log(1 - p + eps))

    def fit(self, X, y, epochs=100, batch_size=4):
        n = X.shape[0]
        n_batches = n // batch_size
        for epoch in range(epochs):
            idx = np.random.permutation(n)
            for i in range(n_batches):
                batch = idx[i * batch_size:(i + 1) * batch_size]
                Xb, yb = X[batch], y[batch]
                p = self.predict_proba(Xb)
                err = p - yb
                self.w -= self.lr * Xb.T @ err / len(yb)
                self.b -= self.lr * np.mean(err)
            self.history.append(self.loss(X, y))
        return self

    def predict(self, X):
        return (self.predict_proba(X) >= 0.5).astype(int)


np.random.seed(42)
X0 = np.random.randn(10, 2) + np.array([-1.0, -1.0])
X1 = np.random.randn(10, 2) + np.array([1.0, 1.0])
X = np.vstack([X0, X1])
y = np.array([0] * 10 + [1] * 10)

model = LogisticRegression(n_features=2, lr=0.5)
model.fit(X, y, epochs=50, batch_size=4)

for epoch, l in enumerate(model.history):
    if epoch % 10 == 0:
        print("epoch %d: loss=%.4f" % (epoch, l))

print("w =", model.w)
print("b = {:.5f}".format(model.b))
preds = model.predict(X)
acc = (preds == y).mean()
print(f"accuracy: {acc * 100:.1f}%")
wrong = [(i, int(t)) for i, (p, t) in enumerate(zip(preds, y)) if p != t]
print("misclassified:", wrong)
print("number of batches per epoch:", len(y) // 4, "remainder:", len(y) % 4)
