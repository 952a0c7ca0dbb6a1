# The 2-2-2 network of the step-by-step backpropagation example the web has
# used for a decade (Matt Mazur): i = (0.05, 0.10), targets (0.01, 0.99),
# w1..w8 = 0.15 ... 0.55, b1 = 0.35, b2 = 0.60, E = Σ ½(target - out)², one
# gradient step with rate 0.5 on w1..w8 (biases fixed), simultaneous.
# Derivatives by hand (the chain rule written out), in mpmath at 40 digits.
# Run: python3 mazur_222.py   (needs mpmath; Debian: python3-mpmath)
from mpmath import mp, mpf, exp
mp.dps = 40
s = lambda z: 1 / (1 + exp(-z))
i1, i2, t1, t2 = mpf('0.05'), mpf('0.10'), mpf('0.01'), mpf('0.99')
w = [None] + [mpf(x) for x in ('0.15', '0.20', '0.25', '0.30', '0.40', '0.45', '0.50', '0.55')]
b1, b2 = mpf('0.35'), mpf('0.60')
h1 = s(w[1]*i1 + w[2]*i2 + b1); h2 = s(w[3]*i1 + w[4]*i2 + b1)
o1 = s(w[5]*h1 + w[6]*h2 + b2); o2 = s(w[7]*h1 + w[8]*h2 + b2)
E = (t1 - o1)**2/2 + (t2 - o2)**2/2
d1 = (o1 - t1)*o1*(1 - o1); d2 = (o2 - t2)*o2*(1 - o2)   # ∂E/∂net_o
g = [None, 0, 0, 0, 0, d1*h1, d1*h2, d2*h1, d2*h2]
e1 = (d1*w[5] + d2*w[7])*h1*(1 - h1); e2 = (d1*w[6] + d2*w[8])*h2*(1 - h2)
g[1], g[2], g[3], g[4] = e1*i1, e1*i2, e2*i1, e2*i2
print('E', E)
for k in range(1, 9):
    print('w%d+' % k, w[k] - mpf('0.5')*g[k], ' dE/dw%d' % k, g[k])
wn = [None] + [w[k] - mpf('0.5')*g[k] for k in range(1, 9)]
h1 = s(wn[1]*i1 + wn[2]*i2 + b1); h2 = s(wn[3]*i1 + wn[4]*i2 + b1)
o1 = s(wn[5]*h1 + wn[6]*h2 + b2); o2 = s(wn[7]*h1 + wn[8]*h2 + b2)
print('E after one step', (t1 - o1)**2/2 + (t2 - o2)**2/2)
# the sequential update: w6's gradient taken after w5 moved
h1 = s(w[1]*i1 + w[2]*i2 + b1); h2 = s(w[3]*i1 + w[4]*i2 + b1)
w5n = w[5] - mpf('0.5')*g[5]
o1 = s(w5n*h1 + w[6]*h2 + b2)
print('w6 from the E of the moved w5', w[6] - mpf('0.5')*(o1 - t1)*o1*(1 - o1)*h2)
