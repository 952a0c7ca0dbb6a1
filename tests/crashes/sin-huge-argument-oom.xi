ck oi
x =32e816350750
cg, 0
h(t) = sin(t)*t
d(grad(h(x), x), x) == -2.
s10)et