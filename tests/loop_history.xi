# args: --keep-going
# What a loop keeps of its history (issue 17, item 7).
# 1. A short loop keeps all of it: h = tanh(w*h) ten times is a net's ten
#    layers, and grad reads through every one.  Python's float64 chain rule
#    (the product of w*(1 - h_k^2), by hand) gives 0.0006000570485859416.
x = 0.5; w = 1.5
h = x
for layer in range(10):
    h = tanh(w*h);
grad(h, x)
# 2. A long loop keeps one step: a sum of 3000 terms built term by term.
#    grad(L, x) would need the 2998 steps let go: an error naming the leaf,
#    never the last terms' part of the derivative (-5677.786895109921 whole,
#    by Python's sum of i*cos(0.5*i)).
L = 0
for i in range(1, 3000):
    L = L + sin(x*i);
grad(L, x)
# in one statement it keeps all of it
S = sum(sin(x*arange(1, 3000)))
grad(S, x)
# 3. set after a long loop: computed again from the step it starts at, and said so
v = 2; y = 3; lr = 0.01
repeat 1000 { v = v - lr*2*(v*y - 1)*y; }
v      # 0.3333333333333335 in Python's float64 (1/3 at 10 digits)
set lr = 0.02
# 4. while, and the leaf a step left in a trace: the last step only (u is
#    1.0000000000000009 in Python's float64 after the 800 steps)
n = 0; u = 4
while n < 800:
    u = u - 0.1*(u - 1);
    n = n + 1;
trace u
