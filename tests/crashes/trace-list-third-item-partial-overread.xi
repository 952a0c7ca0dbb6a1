# trace of a value made from a list of three or more names: each name's adjoint is the
# list's element k, and the term's text read the op table's partial d[k] (two of them)
# before seeing the list: index 2 out of bounds (UBSan; found by the fuzzer).
a = 1
b = 2
c = 3
L = sum([a, b, c]*[1, 2, 3])
trace L
