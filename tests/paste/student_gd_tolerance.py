# a student's gradient descent on a Rosenbrock-like function of two variables: a while loop with a tolerance,
# tuples of gradients, a numerical check by zip, learning rates that diverge caught as OverflowError
import math

def f(x, y):
    return (x - 1)**2 + 10 * (y - x**2)**2

def grad_f(x, y):
    dfdx = 2 * (x - 1) - 40 * x * (y - x**2)
    dfdy = 20 * (y - x**2)
    return dfdx, dfdy

x, y = -1.0, 1.5
lr = 0.01
tol = 1e-6
it = 0
g = grad_f(x, y)
while math.sqrt(g[0]**2 + g[1]**2) > tol and it < 5000:
    x -= lr * g[0]
    y -= lr * g[1]
    g = grad_f(x, y)
    it += 1
    if it % 500 == 0:
        print(f"it {it:5d}  f = {f(x, y):.6e}  x = {x:+.5f}  y = {y:+.5f}")
print("stopped after", it, "iterations")
print("minimum at ({:.6f}, {:.6f}), f = {:.3e}".format(x, y, f(x, y)))
print("gradient norm:", math.sqrt(g[0]**2 + g[1]**2))

# numerical check of the gradient at a point
def num_grad(fn, x, y, h=1e-6):
    return ((fn(x + h, y) - fn(x - h, y)) / (2*h), (fn(x, y + h) - fn(x, y - h)) / (2*h))

pt = (0.3, -0.7)
an = grad_f(pt[0], pt[1])
nu = num_grad(f, pt[0], pt[1])
for name, a, b in zip(("dx", "dy"), an, nu):
    print(f"{name}: analytic {a:>12.6f} numeric {b:>12.6f} diff {abs(a-b):.2e}")

# step sizes that diverge
for lr in [0.001, 0.01, 0.05, 0.1]:
    x, y = -1.0, 1.5
    try:
        for i in range(200):
            dx, dy = grad_f(x, y)
            x, y = x - lr * dx, y - lr * dy
        val = f(x, y)
        print(f"lr={lr:<6} f={val:.4g} log10 f = {math.log10(val):+.3f}")
    except OverflowError as e:
        print(f"lr={lr:<6} overflow: {e}")
    except ValueError as e:
        print(f"lr={lr:<6} value error: {e}")
