# np.clip(x, lo, hi, out=x): NumPy clips x in place, and every name of the
# array sees it (min-char-rnn.py's gradient clipping, through a loop's
# variable over a list of arrays, inside its lossFun)
import numpy as np
np.random.seed(3)
dW = np.random.randn(3, 4) * 4
db = np.random.randn(3, 1) * 4
same = dW
for dparam in [dW, db]:
    np.clip(dparam, -5, 5, out=dparam) # clip to mitigate exploding gradients
print(dW)
print(db)
print(np.abs(same).max() <= 5, same[0, 0] == dW[0, 0])
def lossFun(x):
    dWxh, dby = x * 10.0, x - 6.0
    for dparam in [dWxh, dby]:
        np.clip(dparam, -5, 5, out=dparam)
    return dWxh, dby
a, b = lossFun(np.array([[0.1, -0.7], [0.2, 3.0]]))
print(a)
print(b)
v = np.linspace(-2, 2, 9)
np.clip(v, None, 1.0, out=v)
print(v)
np.clip(v, -0.5, None, out=v)
print(v)
