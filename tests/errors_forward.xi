# args: --keep-going
# The mistakes jvp, tangents, gradcheck and equiv catch, each with its message
# and caret; none changes the session (the values at the end are as they were).
x = 3; W = 3; y = 1; v = [1, 2]
L = -y*log(1/(1 + exp(-W*x)))
# jvp(E, v, dv)
jvp(L, 3, 1)
jvp(L, W)
jvp(L, W, 1, 2)
jvp(L, nosuch, 1)
jvp(L, pi, 1)
z = 5; jvp(L, z, 1)
jvp(L, W, [1, 2])
jvp(v*v, v, 1)
jvp(v*v, v, [[1, 2]])
jvp(L, W, (1, 2))
jvp((L, W), W, 1)
jvp = 3
jvp(sqrt(W - 3), W, 1)
# tangents L wrt x [= dx]
tangents L
tangents L wrt
tangents L wrt W, x
tangents L wrt W = [1, 2]
tangents L wrt W 2
tangents L wrt pi
tangents L wrt z
tangents (L, W) wrt W
tangents L wrt W = (1, 2)
tangents = 3
# gradcheck L wrt W [= G]
gradcheck L
gradcheck v wrt v
gradcheck L wrt W = [1, 2]
gradcheck L wrt W, x = 1
gradcheck L wrt z
gradcheck L wrt W = (1, 2)
gradcheck sum(sqrt(v - 1)) wrt v
# equiv A, B
equiv L
equiv L W
equiv v, x
equiv (L, W), L
equiv L, (L, W)
equiv sqrt(-(x - 3)^2), 0
equiv L, nosuch
# the session is as it was
L
x
W
v
