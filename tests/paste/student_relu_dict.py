import numpy as np

# 2-layer net, manual backprop, regression on a toy dataset
np.random.seed(0)

N, D_in, H, D_out = 16, 3, 5, 1
X = np.random.randn(N, D_in)
true_w = np.array([[1.5], [-2.0], [0.5]])
y = X @ true_w + 0.1 * np.random.randn(N, 1)

params = {
    "W1": np.random.randn(D_in, H) * 0.5,
    "b1": np.zeros((1, H)),
    "W2": np.random.randn(H, D_out) * 0.5,
    "b2": np.zeros((1, D_out)),
}

print("X shape:", X.shape, "y shape:", y.shape)
print("W1 =\n", params["W1"])

learning_rate = 0.05
losses = []
for step in range(200):
    # forward
    z1 = X.dot(params["W1"]) + params["b1"]
    h = np.maximum(0, z1)
    y_pred = h.dot(params["W2"]) + params["b2"]
    loss = np.mean((y_pred - y) ** 2)
    losses.append(loss)

    # backward
    dy = 2 * (y_pred - y) / N
    grads = {}
    grads["W2"] = h.T.dot(dy)
    grads["b2"] = np.sum(dy, axis=0, keepdims=True)
    dh = dy.dot(params["W2"].T)
    dz1 = dh * np.where(z1 > 0, 1.0, 0.0)
    grads["W1"] = X.T.dot(dz1)
    grads["b1"] = np.sum(dz1, axis=0, keepdims=True)

    for k in params:
        params[k] -= learning_rate * grads[k]

    if step % 40 == 0 or step == 199:
        print(f"step {step:3d}: loss = {loss:.6f}")

print("first loss %.6f, last loss %.6f" % (losses[0], losses[-1]))
print("loss went down by a factor of", round(losses[0] / losses[-1], 2))
print("b1 =", params["b1"])
print("b2 =", params["b2"])
print("dead units:", np.sum(np.all(h == 0, axis=0)))
print("predictions:", y_pred[:4].ravel())
print("targets:    ", y[:4].ravel())
