# args: --keep-going
# Every error message, with its position and caret.  A failing statement has
# no effect, and the script goes on with the next one.
x = 3; L = x*x;
1 +
(1 + 2
1 2
1 + * 2
nosuchname + 1
nosuchfunction(2)
grad(x*x, 2)
grad(x*x)
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
2 = x
x + 1 = 3
f(1) = 2
f(a, a) = a
trace = 3
del nosuch
y += 1
digits 0
digits 2.5
digits 100000
prec 1
prec 99999999999999999999
check x == abc
check x
check x == 1e999999
load
load /nonexistent/file.xi
x = 1 $ 2
x = 1 ! 2
1 < 2 < 3
x = "unterminated
xi = 0x10
x = 1e
x = 3 4
# the session is as it was: x = 3 and L = 9 still
x
L
vars
