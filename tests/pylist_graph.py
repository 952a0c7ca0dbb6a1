# A list's items keep their graph while a name or the list's last place needs
# it; the older ones become leaves when the tape is collected (a long loop's
# list stays small).  By hand: L(W) = (2W - 1)^2, dL/dW = 4(2W - 1); W starts
# at 1 and W -= 0.1 * dL/dW: W is 1, 0.6, 0.52, ... (2W - 1 shrinks by 0.2 a
# step), so the losses are 1, 0.04, 0.0016, ... (0.04 times the one before),
# and in binary64 W reaches 0.5 and the loss 0 long before 3000 steps.  3000
# steps build enough nodes for the tape to be collected.
import numpy as np
x = 2.0
W = 1.0
losses = []
for i in range(3000):
    loss = (W * x - 1) ** 2
    losses.append(loss)
    if i == 1:
        second = loss
    W -= 0.1 * 4 * (2 * W - 1)
check losses[0] == 1
check losses[1] == 0.04
check losses[2] == 0.0016
print(len(losses), losses[:3])
# the second loss has a name: its graph is kept, and trace shows it
trace second
# the first has none: a leaf now, its history let go
trace losses[0]
# the last keeps its graph: the W it was computed from is the W before the last update
trace losses[-1]
L = (W * x - 1) ** 2
check grad(L, W) == 4 * (2 * W - 1)
grad(losses[0], W)
