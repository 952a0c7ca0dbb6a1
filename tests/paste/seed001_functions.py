# Seed 001, "Implementation: Two-Layer Network": the cell's import and its
# functions relu, relu_backward, softmax and cross_entropy_loss, pasted
# unchanged (the cell's class TwoLayerNet, which follows them, is left out),
# with a driver on a small batch of three samples and three classes.

# --- seed 001, "Implementation: Two-Layer Network", unchanged ---
import numpy as np

def relu(z):
    return np.maximum(0, z)

def relu_backward(dout, z):
    """Gradient of ReLU."""
    return dout * (z > 0)

def softmax(z):
    exp_z = np.exp(z - z.max(axis=1, keepdims=True))
    return exp_z / exp_z.sum(axis=1, keepdims=True)

def cross_entropy_loss(probs, y):
    """Cross-entropy loss. y is integer class labels."""
    n = len(y)
    log_probs = -np.log(probs[np.arange(n), y] + 1e-10)
    return log_probs.mean()

# --- driver (not from the seed) ---
# three samples, three classes; z[2, 0] is exactly 0, where ReLU's gradient is 0;
# dout[2, 2] is negative where z is, so NumPy prints that product as -0.
z = np.array([[2.0, 1.0, 0.1], [0.5, -1.0, 0.3], [0.0, 3.0, -0.5]])
y = np.array([0, 2, 1])
print(relu(z))
print(relu_backward(np.ones(z.shape), z))
dout = np.array([[0.1, -0.2, 0.3], [0.4, 0.5, -0.6], [0.7, 0.8, -0.9]])
print(relu_backward(dout, z))
probs = softmax(z)
print(probs)
print(probs.sum(axis=1))
print(probs[np.arange(len(y)), y])
print(cross_entropy_loss(probs, y))
print(f"loss = {cross_entropy_loss(probs, y):.4f}")
