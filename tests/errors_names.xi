# args: --keep-going
# Errors of names and calls: unknown names and functions, the wrong number of
# arguments, functions used as values, reserved names, runaway recursion.
x = 3; L = x*x;
nosuchname + 1
nosuchfunction(2)
grad(x*x, q)
exp(1, 2)
pow(2)
exp + 1
x(2)
f(t) = t + 1
f(1, 2)
f + 1
g(t) = g(t) + 1
g(1)
exp = 3
exp(t) = t
trace = 3
del nosuch
y += 1
# the session is as it was, with f and g defined
vars
