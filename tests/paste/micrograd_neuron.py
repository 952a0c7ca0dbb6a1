# A student's first micrograd training loop, written as the lecture has it: one
# tanh neuron, four points, a squared loss summed in a loop, the grads zeroed
# with p.grad = 0, five steps of gradient descent on p.data.
from micrograd.engine import Value

xs = [[2.0, 3.0], [3.0, -1.0], [0.5, 1.0], [1.0, 1.0]]
ys = [1.0, -1.0, -1.0, 1.0]

w1 = Value(0.5)
w2 = Value(-0.3)
b = Value(0.1)
params = [w1, w2, b]

for step in range(5):
    # forward pass
    loss = Value(0.0)
    for x, y in zip(xs, ys):
        out = (w1 * x[0] + w2 * x[1] + b).tanh()
        loss += (out - y) ** 2

    # backward pass
    for p in params:
        p.grad = 0
    loss.backward()

    # update
    for p in params:
        p.data -= 0.05 * p.grad

    print(f"step {step}: loss = {loss.data:.6f}, dL/dw1 = {w1.grad:.6f}")

print(f"w1 = {w1.data:.6f}, w2 = {w2.data:.6f}, b = {b.data:.6f}")

# a Value computed with ints keeps Python's ints: grad=2 and grad=-4.0, as micrograd's
m = Value(2)
n = Value(-4.0)
k = m * n + m
k.backward()
print(m, n, k)
print(params[0].grad == w1.grad, len(params))
