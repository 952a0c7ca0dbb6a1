# Seed 000, section 8 ("Python-style Pseudocode for Backprop (1 neuron)"):
# sigmoid, d_sigmoid, forward, loss and grad, pasted unchanged, with a driver
# that evaluates them at the seed's section 5 example (x = 3, W = 3, y = 1),
# whose derivative the seed gives as approx -0.00037018.

# --- not from the seed: section 8 uses np without importing it ---
import numpy as np

# --- seed 000, section 8, unchanged ---
def sigmoid(x):
    return 1 / (1 + np.exp(-x))

def d_sigmoid(x):
    s = sigmoid(x)
    return s * (1 - s)

def forward(X, W):
    h = np.dot(W, X)
    p = sigmoid(h)
    return h, p

def loss(p, y):
    return -y * np.log(p) - (1 - y) * np.log(1 - p)

def grad(X, y, W):
    h, p = forward(X, W)
    dL_dp = -y / p + (1 - y) / (1 - p)
    dp_dh = p * (1 - p)
    dL_dh = dL_dp * dp_dh
    dL_dW = dL_dh * X
    return dL_dW

# --- driver (not from the seed) ---
# the seed's example: x = 3, W = 3, y = 1; grad's signature is grad(X, y, W)
h, p = forward(3.0, 3.0)
print(h, p)
print(f"h = {h:.1f}, p = {p:.8f}")
print(d_sigmoid(h))
print(loss(p, 1.0))
print(loss(p, 0.0))
print(grad(3.0, 1.0, 3.0))
print(f"dL/dW = {grad(3.0, 1.0, 3.0):.8f}")
print(f"(p - y) * x = {(p - 1.0) * 3.0:.8f}")

# the same with 1-element arrays
X = np.array([3.0])
W = np.array([3.0])
h, p = forward(X, W)
print(h, p)
print(grad(X, 1.0, W))
print(grad(X, 0.0, W))
