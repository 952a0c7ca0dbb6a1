# digits N exact in trace, tangents, dot and step: the balls' precision is doubled until
# every value, adjoint and partial printed has N digits, and trace says which
# precision it took.  Without it, trace at 53 bits could only say that
# 1 - cos(x) has no correct digit.  The numbers, from mpmath at 60 digits:
#   L = (1 - cos(1e-8))/1e-16 = 0.49999999999999999583333...
#   1 - cos(1e-8)             = 4.99999999999999995833...e-17
#   dL/dx = -2(1 - cos x)/x^3 + sin(x)/x^2 = -8.33333333333333327777...e-10
prec 53
x = 1e-8;
L = (1 - cos(x))/x^2;
trace L
# tangents and vars print only proven digits too (they printed 0 for L, and
# 100000000 for its tangent, whose value is -8.33e-10)
tangents L wrt x
vars
# gradcheck fails at 53 bits, and says why: the exact derivative (proven,
# -8.333333333e-10 by mpmath) agrees with the central difference, the sweep's
# rounding lost it
gradcheck L wrt x
digits 20 exact
trace L
dot L
tangents L wrt x
# a value that is 0 exactly but not as a ball stops at 8192 bits, said so
trace sin(pi*x/x)
digits 10
trace L
