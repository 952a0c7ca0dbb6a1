# str(x), repr(x) and + of texts in print, each once, as student code writes them:
# str of an int, a float (shortest digits), NumPy's scalars, arrays (as print shows
# them, the rows after the first under the text's start), lists, None and bools;
# "-" * 40; a name holding a string joined by +; inside a def; with % and .format.
import numpy as np

j = 10000
err = np.float64(0.1) + 0.2
W = np.array([[0.5, -1.25], [3.0, 1e-5]])
alphas = [0.001, 0.01, 0.1, 1, 10, 100, 1000]
for alpha in alphas:
    print("\nTraining With Alpha:" + str(alpha))
print("Error after " + str(j) + " iterations:" + str(err))
print("Error:" + str(np.mean(np.abs(W))))
print("W = " + str(W))
print("W = " + repr(W))
print("ints: " + str(np.array([1, 2, 3]) * 2) + ", sum " + str(np.sum(np.array([1, 2, 3]))))
print("list " + str([1, 2.5, None]) + ", tuple " + str((1, 2)) + ", dict " + str({"a": 1}))
print("flags " + str(True) + " " + str(None) + " " + str(1 == 2) + " " + repr("it's"))
print("big " + str(2 ** 70) + " " + str(1e22) + " " + str(1e-5) + " " + str(-0.0) + " " + str(7 // 2))
print("-" * 40)
print("=" * 10 + " done " + "=" * 10)
name = "sigmoid"
print(name + ": " + str(np.sqrt(2.0)) + " " + str(1 / 3))
print(name * 2 + "|" + str())
s = "loss" + " at " + "step"
print(s + " " + str(3), len(s))
print("%d steps" % 6000 + ", " + "alpha {:.3f}".format(0.1) + " " + f"{err:.2e}")


def report(k, v):
    print("k=" + str(k) + " v=" + str(v) + " " + "*" * k)


report(3, err)
print(str(err), str(W[0]), repr(np.float64(2.5)))
