# Seed 002 ("Chain Rule Foundation"): z = f(g(x)) = (3x + 1)^2 at x = 2.
# The seed prints g(x) = 7, z = 49, df/dg = 14, dg/dx = 3, dz/dx = 42.
x = 2
g = 3*x + 1
z = g^2
check g == 7
check z == 49
check grad(z, g) == 14       # df/dg = 2g
check grad(g, x) == 3        # dg/dx
check grad(z, x) == 42       # the chain rule: 14 · 3
# as functions, the way the seed's Python defines them
f(t) = t^2
gg(t) = 3*t + 1
check grad(f(gg(x)), x) == 42
trace z
