#!/usr/bin/env python3
# A student's perceptron script as scripts are written: a shebang, a module
# docstring, a class, def main() and the guard if __name__ == "__main__":, which
# xi stopped at (unknown name '__name__').  Expected: what /usr/bin/python3
# (3.11, NumPy 1.24) prints for this file.
"""Tiny perceptron."""
import numpy as np


def step(z):
    return np.where(z >= 0, 1, 0)


class Perceptron:
    def __init__(self, n_features, lr=0.1, epochs=10):
        self.w = np.zeros(n_features + 1)
        self.lr = lr
        self.epochs = epochs
        self.errors_ = []

    def predict(self, X):
        return step(X @ self.w[1:] + self.w[0])

    def fit(self, X, y):
        for _ in range(self.epochs):
            errors = 0
            for xi, target in zip(X, y):
                update = self.lr * (target - self.predict(xi))
                self.w[1:] += update * xi
                self.w[0] += update
                errors += int(update != 0.0)
            self.errors_.append(errors)
        return self


def main():
    X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
    y = np.array([0, 0, 0, 1])
    p = Perceptron(2).fit(X, y)
    print("weights:", p.w)
    print("errors per epoch:", p.errors_)
    print("predictions:", p.predict(X))


if __name__ == "__main__":
    main()
