# args: --keep-going
# Syntax errors, each with its position and caret.  A failing statement has no
# effect, and (with --keep-going) the script goes on with the next one.
x = 3; L = x*x;
1 +
(1 + 2
1 2
1 + * 2
x = 1 $ 2
x = 1 ! 2
1 < 2 < 3
x = "unterminated
xi = 0x10
x = 1e
x = 3 4
2 = x
x + 1 = 3
f(1) = 2
f(a, a) = a
grad(x*x, 2)
grad(x*x)
# the session is as it was: x = 3 and L = 9 still
vars
