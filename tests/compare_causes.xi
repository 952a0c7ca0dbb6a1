# compare names why a format first lost a value: overflow,
# cancellation, underflow or rounding; before, a binary16 cancellation was
# called an underflow.  Each case's cause by hand (binary16: 11 bits, largest
# 65504, smallest normal 2^-14 = 6.1e-5, smallest subnormal 2^-24 = 6.0e-8):
#
# cancellation: 1.0001 rounds to 1 (binary16's numbers next to 1 are 2^-10
#   = 0.00098 apart), so x - 1 is 1 - 1 = 0 exactly; exactly it is 1e-4,
#   a normal number binary16 holds (as 1.0002e-4)
x = 1.0001
d = x - 1
compare d in binary16
# underflow: 1e-4 is 1.0002e-4 in binary16, its square 1.0003e-8 is below
#   half the smallest subnormal (2.98e-8), and rounds to 0
y = 1e-4
u = y*y
compare u in binary16
# underflow that leaves a wrong number: 1.9e-4 is 1.9002e-4 in binary16,
#   its square 3.61e-8 is 0.6 of the smallest subnormal 2^-24 = 5.96e-8
#   and rounds up to it: off by 2.35e-8, more than half of 3.61e-8
y2 = 1.9e-4
q = y2*y2
compare q in binary16
# overflow: 300² = 90000 > 65504
z = 300
o = z*z
compare o in binary16
# rounding: 1200.4 rounds to 1200 (binary16's numbers between 1024 and 2048
#   are 1 apart); sin(1200.4) = 0.3066 but sin(1200) = -0.0883 (mpmath): no
#   subtraction, no underflow, the argument's rounding magnified by sin
s = 1200.4
r = sin(s)
compare r in binary16
# a cancellation that leaves a wrong number, not 0: 1.0006 rounds to
#   1 + 2^-10 = 1.0009765625 (0.00038 from it, 0.0006 from 1), so x - 1 is
#   0.00098 where exactly it is 0.0006: off by more than half of it
w = 1.0006
c = w - 1
compare c in binary16
