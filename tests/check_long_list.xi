# a failed check of a tensor lists its elements, cut when the message is full:
# before an element that does not fit whole ("; ..."), not inside a number.
# At digits 40 the list used to end "[1, 1] is 0.18365922542000124303664641",
# a number cut short that read as one rounded wrong.  The softmax Jacobian
# diag(p) - p·pᵀ at z = [2, 1, 0.1] (mpmath at 50 digits): J[0, 0] =
# 0.22471863783296514435344828733048521982, J[0, 1] =
# -0.15976360379791496787107392407875214717, J[0, 2] =
# -0.064955034035050176482374363251733072656; the sign-slipped p·pᵀ - diag(p)
# is each of them negated
digits 40
z = [2.0, 1.0, 0.1]
p = softmax(z)
J = jacobian(softmax(z), z)
check J == [[1.1, 2.1, 3.1], [4.1, 5.1, 6.1], [7.1, 8.1, 9.1]]
check J == outer(p, p) - eye(3)*p
