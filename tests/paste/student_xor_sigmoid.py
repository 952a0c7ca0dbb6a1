# A student's program, written as a tutorial would have it and run unchanged:
# nothing in it was fitted to xi (tests/paste/README.md).  Not from a seed.
# It ran; NumPy's AVX512 exp is one ulp off in places, so later losses differ in the last digits.
# The .out is what /usr/bin/python3 + NumPy 1.24.2 print (tests/paste/regen).
import numpy as np

# XOR data
X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]])
y = np.array([[0], [1], [1], [0]])

np.random.seed(1)

def sigmoid(x):
    return 1 / (1 + np.exp(-x))

def sigmoid_derivative(x):
    return x * (1 - x)

input_size = 2
hidden_size = 4
output_size = 1
learning_rate = 0.5
epochs = 10000

W1 = np.random.uniform(size=(input_size, hidden_size))
b1 = np.random.uniform(size=(1, hidden_size))
W2 = np.random.uniform(size=(hidden_size, output_size))
b2 = np.random.uniform(size=(1, output_size))

print("Initial W1:\n", W1)

losses = []
for epoch in range(epochs):
    # forward pass
    hidden_input = np.dot(X, W1) + b1
    hidden_output = sigmoid(hidden_input)
    final_input = np.dot(hidden_output, W2) + b2
    predicted = sigmoid(final_input)

    # loss
    error = y - predicted
    loss = np.mean(error ** 2)
    losses.append(loss)

    # backward pass
    d_predicted = error * sigmoid_derivative(predicted)
    error_hidden = d_predicted.dot(W2.T)
    d_hidden = error_hidden * sigmoid_derivative(hidden_output)

    # update
    W2 += hidden_output.T.dot(d_predicted) * learning_rate
    b2 += np.sum(d_predicted, axis=0, keepdims=True) * learning_rate
    W1 += X.T.dot(d_hidden) * learning_rate
    b1 += np.sum(d_hidden, axis=0, keepdims=True) * learning_rate

    if epoch % 1000 == 0:
        print(f"Epoch {epoch}, Loss: {loss}")

print("Final loss:", losses[-1])
print("Predicted output:")
print(predicted)
print("Rounded:", np.round(predicted).flatten())
print("Number of losses:", len(losses))
