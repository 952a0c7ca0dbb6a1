# args: --keep-going
# sinh and cosh: values, derivatives and the ball of a wide argument.
# Expected values from mpmath at 30 digits: cosh(0.5) = 1.12762596520638078522622516,
# sinh(0.5) = 0.521095305493747361622425626; cosh(-3) = 10.0676619957777658419539360,
# sinh(-3) = -10.0178749274099018989745936.  d/dx cosh = sinh, d/dx sinh = cosh.
digits 20
x = 0.5
cosh(x)
sinh(x)
grad(cosh(x), x)
grad(sinh(x), x)
cosh(-3)
sinh(-3)
# tanh's derivative is 1/cosh(x)^2: the difference is a ball about 0
check grad(tanh(x), x) == 1/cosh(x)^2
# f(w) = 3·sinh(w) + cosh(w)^2 at w = 2: f'(w) = 3·cosh(w) + 2·cosh(w)·sinh(w)
# with cosh(2) = 3.76219569108363145956, sinh(2) = 3.62686040784701876767:
# 38.5765042703786468275949 (mpmath, 30 digits)
w = 2
grad(3*sinh(w) + cosh(w)^2, w)
# cosh of a ball about 0 (0.1 + 0.2 - 0.3 is a ball of width ~2^-128): 1, proven
cosh(0.1 + 0.2 - 0.3)
