# A student's program, written as a tutorial would have it and run unchanged:
# nothing in it was fitted to xi (tests/paste/README.md).  Not from a seed.
import numpy as np

# XOR problem: a tiny 2-4-1 network trained with plain gradient descent
X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]])
y = np.array([[0], [1], [1], [0]])

np.random.seed(1)

input_size = 2
hidden_size = 4
output_size = 1

W1 = np.random.randn(input_size, hidden_size)
b1 = np.zeros((1, hidden_size))
W2 = np.random.randn(hidden_size, output_size)
b2 = np.zeros((1, output_size))

def sigmoid(x):
    return 1 / (1 + np.exp(-x))

def sigmoid_deriv(s):
    # derivative of sigmoid, given s = sigmoid(x)
    return s * (1 - s)

lr = 0.5
epochs = 5000
losses = []

for epoch in range(epochs):
    # forward pass
    hidden = sigmoid(np.dot(X, W1) + b1)
    output = sigmoid(np.dot(hidden, W2) + b2)

    # mean squared error
    loss = np.mean((y - output) ** 2)
    losses.append(loss)

    # backward pass
    d_output = (output - y) * sigmoid_deriv(output)
    d_hidden = np.dot(d_output, W2.T) * sigmoid_deriv(hidden)

    # gradient descent step
    W2 -= lr * np.dot(hidden.T, d_output)
    b2 -= lr * np.sum(d_output, axis=0, keepdims=True)
    W1 -= lr * np.dot(X.T, d_hidden)
    b1 -= lr * np.sum(d_hidden, axis=0, keepdims=True)

    if epoch % 1000 == 0:
        print(f"Epoch {epoch}, Loss: {loss:.4f}")

print("Final loss:", losses[-1])
print("Number of losses recorded:", len(losses))
print("Best loss:", min(losses))
print("Loss every 1000 epochs:", [round(float(l), 4) for l in losses[::1000]])
print("Predictions:")
print(output.round(3))
for inp, target, pred in zip(X, y, output):
    print(inp, "->", target[0], "predicted", round(float(pred[0]), 3))
