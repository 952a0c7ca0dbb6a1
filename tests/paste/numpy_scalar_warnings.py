# NumPy's scalars warn where their arithmetic overflows or divides by zero, as
# NumPy's arrays do ("overflow encountered in scalar multiply"); Python's floats
# do not (1e308 * 10 is inf, silently).  A loss computed from np.float64 values
# that diverged, as a student's learning rate too large makes it.
import numpy as np

a = np.float64(1e308)
z = np.float64(0.0)
print(a + a, a - (-a), a * a, a / z, a ** 2)
print(z / z)
print(1e308 * np.float64(10))
x = 1e308
print(x * 10, x + x)
v = np.array([1e308, 2.0])
s = v[0] * 10
t = np.sum(v) * 10
print(s, t)
w = np.float64(1.5)
lr = 1e200
for step in range(4):
    grad = 2 * w * 1e150
    w = w - lr * grad
    print(step, w)
