# A student's program, written as a tutorial would have it and run unchanged:
# nothing in it was fitted to xi (tests/paste/README.md).  Not from a seed.
# It stopped at params["W1"] -= lr * dW1 inside train (a parameter's dict changed in
# place), and before that at the print inside train.
# The .out is what /usr/bin/python3 + NumPy 1.24.2 print (tests/paste/regen).
import numpy as np

np.random.seed(7)

# regression: fit y = sin(x) on [-3, 3] with a 1-8-1 tanh network
x = np.linspace(-3, 3, 20).reshape(-1, 1)
y = np.sin(x)

def init_params(n_hidden=8):
    params = {}
    params["W1"] = np.random.randn(1, n_hidden) * 0.5
    params["b1"] = np.zeros((1, n_hidden))
    params["W2"] = np.random.randn(n_hidden, 1) * 0.5
    params["b2"] = np.zeros((1, 1))
    return params

def train(params, x, y, lr=0.05, epochs=2000, print_every=500):
    n = x.shape[0]
    losses = []
    for epoch in range(epochs):
        # forward
        z1 = x @ params["W1"] + params["b1"]
        a1 = np.tanh(z1)
        y_hat = a1 @ params["W2"] + params["b2"]
        loss = np.mean((y_hat - y) ** 2)
        losses.append(loss)

        # backward
        dy = 2 * (y_hat - y) / n
        dW2 = a1.T @ dy
        db2 = np.sum(dy, axis=0, keepdims=True)
        da1 = dy @ params["W2"].T
        dz1 = da1 * (1 - a1 ** 2)
        dW1 = x.T @ dz1
        db1 = np.sum(dz1, axis=0, keepdims=True)

        # update
        params["W1"] -= lr * dW1
        params["b1"] -= lr * db1
        params["W2"] -= lr * dW2
        params["b2"] -= lr * db2

        if epoch % print_every == 0 or epoch == epochs - 1:
            print(f"epoch {epoch:5d}  loss {loss:.6f}")
    return losses

params = init_params()
losses = train(params, x, y)
print("loss went from %.4f to %.4f" % (losses[0], losses[-1]))
pred = np.tanh(x @ params["W1"] + params["b1"]) @ params["W2"] + params["b2"]
print("max abs error: {:.3f}".format(np.max(np.abs(pred - y))))
print("W2 shape:", params["W2"].shape)
