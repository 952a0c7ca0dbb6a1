# args: --memory 4M --keep-going
# Loops that rebind (issue 17, item 7).  A student's XOR net
# (paste/student_xor_mlp.py, its lines checked against Python's by the paste
# test) updates W1 = W1 - lr * dW1 for 3000 steps.  Every step stayed in W1's
# graph before: 4 MB of values (and 16 MB) ran out in the loop ("over the
# memory budget for values").  Now the loop keeps one step of history.
load paste/student_xor_mlp.py
# A scalar loop of 1000 steps: loss = (w*x - 1)^2 and its derivative by hand.
w = 2.0
x = 3.0
for it in range(1000):
    loss = (w * x - 1) ** 2
    dw = 2 * (w * x - 1) * x
    w = w - 0.01 * dw
print(w, loss)
# the last step: w as step 998 left it is a leaf, its history let go
trace loss
# loss was computed from the w before the last update: an error, as before
print(grad(loss, w))
# computed again from the w the loop left: 2*(w*x - 1)*x, by hand (Python
# prints 2 * (w * x - 1) * x as 2.6645352591003757e-15 at the same w)
loss2 = (w * x - 1) ** 2
print(grad(loss2, w))
# through x, loss2's derivative would need the 999 steps let go: an error
print(grad(loss2, x))
