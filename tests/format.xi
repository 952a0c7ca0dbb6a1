# args: --keep-going
# format: IEEE 754 formats emulated with MPFR; compare: a trace per format
format
format binary16
format
exp(-20)           # underflows to 0
70000*1            # the literal rounds to inf already (65504 is the largest)
65504 + 16         # a tie at the top: ties to even, 65536 is inf
65504 + 15
1e-8               # below half the smallest subnormal: 0
2^-24              # the smallest subnormal
3*2^-24/2          # a tie between subnormals: 2^-23 (even)
1 + 2^-11          # a tie: to even, 1
1 + 3*2^-11        # a tie: to even, 1 + 2^-9
0.1 + 0.2
A = [[1, 2], [3, 4]]; B = [[0.1], [0.2]]
A @ B
x = 20
y = exp(x)
z = y - y
trace z
# prec N under a format leaves it for MPFR at N bits (the exact numbers one
# command away, as after Python's code put the session in binary64)
prec 60
format bfloat16
1/3
format binary32
1/3
format binary64
0.1 + 0.2
format mpfr
format
prec 128
y
format bogus
# the 20-layer sigmoid chain (seed 001's vanishing gradient): x_{k+1} = σ(w·x_k)
x = 1; w = 1
h = x
repeat 20 { h = sigmoid(w*h); }
L = h
compare L in binary16, bfloat16, binary32
# an exploding one: exp twice
t = 3
E = exp(exp(t))
compare E in binary16, binary32, binary64
compare E in mpfr
# in a format, equiv and gradcheck's central differences still compute in
# MPFR: exp(log(x)) is x, and (x + 1e-4) - x is 1e-4, as functions (rounded
# into binary16 they differed, and gradcheck's differences were all 0); the
# sweep gradcheck checks is binary16's: tanh'(w) = 1 - tanh(w)^2 at w = 0.5 is
# 0.7864477..., and binary16's sweep keeps about 3 digits of it
format binary16
x = 0.1;
equiv exp(log(x)), x
equiv (x + 1e-4) - x, 1e-4
w = 0.5;
gradcheck tanh(w) wrt w
format mpfr
# randn in a format is NumPy's randn(...).astype(float16): the double rounded
# once, into the format's range; seed 0's draw 11373 is 3.8051337131625654e-05,
# below binary16's smallest normal (2^-14), so a subnormal: NumPy 1.24 gives
# float(np.float16(r[11373])) = 3.802776336669921875e-05 exactly
format binary16
seed 0
r = randn(20000);
digits 25
r[11373]
digits 10
# an index or a size is exact: 11373 is held as 11376 in binary16, but a
# literal index is read from its text; a computed one past 2^11 may have been
# rounded, and is refused (NumPy's indices are ints)
v = arange(20000);
v[11373]
v[1024 + 1025]
v[[1, 11373]]
zeros(1024 + 1025)
format mpfr
# back to MPFR, a value a format made nan or inf (0/0, 1/0 in binary16) has no
# number: format mpfr deletes the names that hold one and says so, and is not
# refused ("0/0 is undefined ...: the format stays binary16" would leave no way back)
format binary16
v = 0/0
w = v + 1
y = 1/0
k = 3
format mpfr
format
k
v
