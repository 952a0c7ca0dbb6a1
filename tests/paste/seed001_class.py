# Seed 001, "Implementation: Two-Layer Network" and "Training Loop": the cell's
# functions and its class TwoLayerNet, then the training loop cell, all pasted
# unchanged; a driver first gives the loop the num_epochs and dataloader it reads.

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

class TwoLayerNet:
    def __init__(self, input_dim, hidden_dim, output_dim):
        # He initialization
        self.W1 = np.random.randn(input_dim, hidden_dim) * np.sqrt(2/input_dim)
        self.b1 = np.zeros(hidden_dim)
        self.W2 = np.random.randn(hidden_dim, output_dim) * np.sqrt(2/hidden_dim)
        self.b2 = np.zeros(output_dim)

    def forward(self, X):
        """
        Forward pass. Store intermediates for backprop.

        X: (batch_size, input_dim)
        Returns: (batch_size, output_dim) logits
        """
        self.X = X

        # Layer 1
        self.z1 = X @ self.W1 + self.b1
        self.a1 = relu(self.z1)

        # Layer 2
        self.z2 = self.a1 @ self.W2 + self.b2

        return self.z2  # logits

    def backward(self, y):
        """
        Backward pass. Compute gradients.

        y: (batch_size,) integer class labels
        Returns: dictionary of gradients
        """
        batch_size = len(y)

        # Softmax + cross-entropy gradient (combined for simplicity)
        probs = softmax(self.z2)
        dz2 = probs.copy()
        dz2[np.arange(batch_size), y] -= 1
        dz2 /= batch_size  # average over batch

        # Layer 2 gradients
        dW2 = self.a1.T @ dz2
        db2 = dz2.sum(axis=0)

        # Backprop to layer 1
        da1 = dz2 @ self.W2.T
        dz1 = relu_backward(da1, self.z1)

        # Layer 1 gradients
        dW1 = self.X.T @ dz1
        db1 = dz1.sum(axis=0)

        return {'W1': dW1, 'b1': db1, 'W2': dW2, 'b2': db2}

    def update(self, grads, lr):
        """Update parameters with gradients."""
        self.W1 -= lr * grads['W1']
        self.b1 -= lr * grads['b1']
        self.W2 -= lr * grads['W2']
        self.b2 -= lr * grads['b2']

# --- driver (not from the seed): 784 inputs as the seed's net takes, two batches ---
np.random.seed(0)
num_epochs = 3
X = np.random.randn(8, 784)
y = np.array([3, 1, 4, 1, 5, 9, 2, 6])
dataloader = [(X[:4], y[:4]), (X[4:], y[4:])]

# --- seed 001, "Training Loop", unchanged ---
# Create network
net = TwoLayerNet(input_dim=784, hidden_dim=256, output_dim=10)

# Training loop
for epoch in range(num_epochs):
    for X_batch, y_batch in dataloader:
        # Forward pass
        logits = net.forward(X_batch)
        probs = softmax(logits)
        loss = cross_entropy_loss(probs, y_batch)

        # Backward pass
        grads = net.backward(y_batch)

        # Update
        net.update(grads, lr=0.01)

    print(f"Epoch {epoch}: Loss = {loss:.4f}")

# --- driver (not from the seed): what the net holds after training ---
print(net.W1.shape, net.b1.shape, net.W2.shape, net.b2.shape)
print(net.z2.shape, net.a1.shape)
print(sorted(grads.keys()))
print(f"{np.abs(net.W1).sum():.6f} {net.b1.sum():.6e} {net.W2.sum():.6f} {np.abs(net.b2).sum():.6e}")
print(probs.sum(axis=1))
print(net.b2)
print(net.forward(X[:2]).round(4))
