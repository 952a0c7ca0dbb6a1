# A student's softmax regression on three 2-D blobs, written as a tutorial
# would have it and run unchanged.  Not from a seed.
import numpy as np

np.random.seed(0)

# make a toy dataset: 3 classes, 20 points each
N = 20
K = 3
D = 2
centers = np.array([[0.0, 2.0], [2.0, -1.0], [-2.0, -1.0]])
X = np.zeros((N * K, D))
y = np.zeros(N * K, dtype=int)
for k in range(K):
    X[k * N:(k + 1) * N] = centers[k] + 0.8 * np.random.randn(N, D)
    y[k * N:(k + 1) * N] = k

print("X shape:", X.shape)
print("y shape:", y.shape)
print("class counts:", np.bincount(y))

# parameters
W = 0.01 * np.random.randn(D, K)
b = np.zeros((1, K))

learning_rate = 0.5
reg = 1e-3
num_examples = X.shape[0]
Y = np.eye(K)[y]  # one-hot labels

loss_history = []
for i in range(201):
    # scores and softmax
    scores = np.dot(X, W) + b
    scores = scores - np.max(scores, axis=1, keepdims=True)
    exp_scores = np.exp(scores)
    probs = exp_scores / np.sum(exp_scores, axis=1, keepdims=True)

    # cross-entropy loss + L2 regularization
    correct_logprobs = -np.log(probs[range(num_examples), y])
    data_loss = np.sum(correct_logprobs) / num_examples
    reg_loss = 0.5 * reg * np.sum(W * W)
    loss = data_loss + reg_loss
    loss_history.append(loss)

    if i % 20 == 0:
        acc = np.mean(np.argmax(probs, axis=1) == y)
        print("iteration %d: loss %f, accuracy %.2f" % (i, loss, acc))

    # gradient
    dscores = (probs - Y) / num_examples
    dW = np.dot(X.T, dscores)
    db = np.sum(dscores, axis=0, keepdims=True)
    dW += reg * W

    # parameter update
    W = W - learning_rate * dW
    b = b - learning_rate * db

predicted_class = np.argmax(np.dot(X, W) + b, axis=1)
print('training accuracy: %.2f' % (np.mean(predicted_class == y)))
print("final loss:", round(loss_history[-1], 5))
print("min loss: {:.5f} at iteration {}".format(min(loss_history), np.argmin(loss_history)))
print("W =")
print(np.round(W, 3))
print("b =", np.round(b, 3))
wrong = np.where(predicted_class != y)[0]
print("misclassified points:", len(wrong), wrong)
