# Names that are xi's commands and functions too (step, seed, sum, max, T,
# grad, format, set, dot, show, check, trace, help, load): in Python's code
# they are ordinary names, assigned, looped over, passed and read, and a name
# given a value hides the built-in of that name, as in Python.  Not from a
# seed; its output is what Python 3 prints (tests/paste/regen).
import numpy as np

seed = 42
np.random.seed(seed)
W = np.random.randn(2, 3)
print(W)

# a loop over step, read in an f-string; sum and max as accumulators
sum = 0
max = -1.0
for step in range(5):
    sum += step
    max = np.maximum(max, step * 0.5)
    print(f"step {step}: sum = {sum}, max = {max}")
print(step, sum, max)

# every command's word as a name: assigned, updated, read, passed
grad = 0.25
format = 3
set = 2
dot = np.dot(np.ones(3), np.arange(3))
show = 1.5
check = grad * 4
trace = dot + show
T = 10
help = -1
load = 7
load += 1
load /= 2
print(grad, format, set, dot, show, check, trace, T, help, load)

def scale(step, grad):
    return step * grad

print(scale(3, 0.5), scale(step, grad), scale(T, load))

# a command's word at the start of a line, read as Python reads it
step = step + 1
step -= 2
trace = trace * 2
print(step, trace)
check, show = show, check
print(check, show)

# the array methods and np's functions of the same names are unchanged
x = np.array([[1.0, -2.0], [3.0, 0.5]])
print(x.sum(), np.sum(x), x.max(), np.max(x), x.T, x.T.sum(axis=0))
print(np.dot(x, x), x.dot(x).sum())
