# The 2-2-2 network of the step-by-step backpropagation example the web has
# used for a decade (Matt Mazur's): inputs 0.05 and 0.10, targets 0.01 and
# 0.99, sigmoid units, E = Σ ½(target - out)², one step with rate 0.5.
# The updates are typed one after another, as a student writes them: each
# grad(E, w) is of the E computed before any update, so the step is the
# simultaneous one the example means.  Values: examples/reference/mazur_222.py
# (the derivatives written out by hand, in mpmath at 40 digits).
i1 = 0.05; i2 = 0.10; t1 = 0.01; t2 = 0.99; b1 = 0.35; b2 = 0.60; η = 0.5
w1 = 0.15; w2 = 0.20; w3 = 0.25; w4 = 0.30; w5 = 0.40; w6 = 0.45; w7 = 0.50; w8 = 0.55
h1 = σ(w1*i1 + w2*i2 + b1); h2 = σ(w3*i1 + w4*i2 + b1)
o1 = σ(w5*h1 + w6*h2 + b2); o2 = σ(w7*h1 + w8*h2 + b2)
E = (t1 - o1)²/2 + (t2 - o2)²/2
check E == 0.298371109                      # the example: E_total = 0.298371109
check E == 0.2983711087600026886073819476661
w5 -= η*grad(E, w5)
w6 -= η*grad(E, w6)                         # of the E of before: w5's step changed nothing in it
w7 -= η*grad(E, w7)
w8 -= η*grad(E, w8)
w1 -= η*grad(E, w1)
w2 -= η*grad(E, w2)
w3 -= η*grad(E, w3)
w4 -= η*grad(E, w4)
check w5 == 0.35891648                      # the example's numbers
check w6 == 0.408666186
check w7 == 0.511301270
check w8 == 0.561370121
check w1 == 0.149780716
check w2 == 0.19956143
check w3 == 0.24975114
check w4 == 0.29950229
check w6 == 0.4086661860762333723399144086290
check w1 == 0.1497807161327628266364758122005
# E still holds the error it was computed with (grad(E, w1) now would be an error
# that says so); the forward pass again on the new weights:
h1 = σ(w1*i1 + w2*i2 + b1); h2 = σ(w3*i1 + w4*i2 + b1)
o1 = σ(w5*h1 + w6*h2 + b2); o2 = σ(w7*h1 + w8*h2 + b2)
E = (t1 - o1)²/2 + (t2 - o2)²/2
check E == 0.2910277736935993508718546813903
# The example says the error is "now 0.291027924": that is off in the 7th digit
# (check E == 0.291027924 fails, and says the value is 0.291027774).
check E == 0.291027774
