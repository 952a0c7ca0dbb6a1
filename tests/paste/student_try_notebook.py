# A notebook's cells as a student writes them: optional imports guarded by
# try/except ImportError at the top, then try/except around the computations
# that can fail (a division by zero, a missing key, a wrong shape, a failed
# check), with else and finally.
import numpy as np

try:
    from tqdm import tqdm
except ImportError:
    tqdm = None

try:
    import sklearn
    HAVE_SKLEARN = True
except ImportError:
    HAVE_SKLEARN = False

print("tqdm available:", tqdm is not None)
print("sklearn available:", HAVE_SKLEARN)

# per-batch accuracy: a batch with no samples would divide by zero
correct = [8, 0, 5, 3]
totals = [10, 0, 5, 4]
accuracies = []
for c, n in zip(correct, totals):
    try:
        acc = c / n
    except ZeroDivisionError as e:
        print(f"empty batch ({e}): counted as 0")
        acc = 0.0
    accuracies.append(acc)
print("accuracies:", accuracies)
print(f"mean accuracy: {np.mean(accuracies):.4f}")

# hyperparameters with defaults for the ones left out
config = {"lr": 0.1, "epochs": 3}
try:
    momentum = config["momentum"]
except KeyError as e:
    print("no momentum in config:", e)
    momentum = 0.9
print("momentum =", momentum)

# a forward pass written with the wrong orientation first
np.random.seed(0)
X = np.random.randn(4, 3)
W = np.random.randn(3, 2)
try:
    scores = X @ W.T
except ValueError:
    print("shape error: using X @ W")
    scores = X @ W
print("scores shape:", scores.shape)
print(np.round(scores, 4))

# broadcasting a bias of the wrong length
b = np.zeros(3)
try:
    out = scores + b
except Exception as e:
    print(f"could not add the bias: {e}")
    b = np.zeros(2)
    out = scores + b
print(out.shape)

# the last loss, if the list has one
losses = [0.91, 0.52, 0.33]
try:
    last = losses[3]
except IndexError as e:
    print("no 4th loss:", e)
    last = losses[-1]
else:
    print("4th loss found")
finally:
    print("checked the losses")
print("last loss:", last)

try:
    assert len(losses) == 4, f"expected 4 losses, got {len(losses)}"
except AssertionError as e:
    print("warning:", e)

try:
    print(learning_rate)
except NameError as e:
    print(e)
    learning_rate = config["lr"]

# a guarded training loop: gradient descent on (w - 3)^2, the step size
# divided by a counter that starts at 0
w = 0.0
for step in range(5):
    try:
        lr = learning_rate / step
    except ZeroDivisionError:
        lr = learning_rate
    grad = 2 * (w - 3)
    w = w - lr * grad
    print(f"step {step}: lr={lr:.4f} w={w:.6f}")

try:
    result = 1 // 0
except ArithmeticError as e:
    print(type(e).__name__, "caught by except ArithmeticError:", e)
finally:
    print("done")

# an average over no samples
total = 0.0
count = 0
try:
    total /= count
except ZeroDivisionError as e:
    print("no samples:", e)
print(total)
