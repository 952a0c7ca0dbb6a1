# args: --keep-going
# A value echoed in an IEEE format that holds inf or nan says where it
# arose, in the words format mpfr's error uses for the same statement
# (issue 18): sqrt(-1) "square root of a negative number", log(-1) "log of a
# negative number", log 0 "log of zero", 0/0 "0/0 is undefined", 1/0 "a
# division by zero"; exp(1600) overflows binary64 and binary32 (largest
# 1.8e308 and 3.4e38; e^1600 = 10^694.9), exp(80) = 5.5e34 binary16 (65504),
# and the literal 70000 rounds to inf there; inf - inf is nan.  A value whose nan came
# from an older one (s = sum(y)) is not noted again.
x = [0, 4, -1]
y = np.sqrt(x - 1)
z = np.log(x)
q = 0/0
format binary64
x = [0, 4, -1]
y = np.sqrt(x - 1)
z = np.log(x)
w = np.log(x[0])
s = sum(y)
q = 0/0
q2 = 1/(x[0]*1)
m = -1/(x[0]*1)
big = exp(x*400)
t = big - big
format binary32
y = np.sqrt(x - 1)
w = np.log(x[0])
big = exp(x*400)
format binary16
y = np.sqrt(x - 1)
w = np.log(x[0])
big = exp(x*20)
u = 70000
