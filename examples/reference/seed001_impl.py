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

def numerical_gradient(f, x, h=1e-5):
    """Compute gradient numerically."""
    grad = np.zeros_like(x)
    it = np.nditer(x, flags=['multi_index'])
    while not it.finished:
        idx = it.multi_index
        old_val = x[idx]

        x[idx] = old_val + h
        f_plus = f(x)

        x[idx] = old_val - h
        f_minus = f(x)

        grad[idx] = (f_plus - f_minus) / (2 * h)
        x[idx] = old_val
        it.iternext()

    return grad

def check_gradient(net, X, y, param_name, epsilon=1e-5, tolerance=1e-5):
    """Check analytical gradient against numerical."""
    # Get analytical gradient
    net.forward(X)
    grads = net.backward(y)
    analytical = grads[param_name].flatten()

    # Get numerical gradient
    param = getattr(net, param_name)
    numerical = np.zeros_like(param.flatten())

    for i in range(len(numerical)):
        param_flat = param.flatten()
        old_val = param_flat[i]

        param_flat[i] = old_val + epsilon
        param.flat[i] = param_flat[i]
        net.forward(X)
        loss_plus = cross_entropy_loss(softmax(net.z2), y)

        param_flat[i] = old_val - epsilon
        param.flat[i] = param_flat[i]
        net.forward(X)
        loss_minus = cross_entropy_loss(softmax(net.z2), y)

        numerical[i] = (loss_plus - loss_minus) / (2 * epsilon)
        param.flat[i] = old_val

    # Compare
    diff = np.abs(analytical - numerical).max()
    rel_diff = diff / (np.abs(analytical).max() + 1e-10)

    print(f"{param_name}: max diff = {diff:.2e}, relative = {rel_diff:.2e}")
    return rel_diff < tolerance
