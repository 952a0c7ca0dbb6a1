# Pasted code under a format prints as NumPy prints float16 and float32: the
# shortest digits that read back in the format, and an array's exponent form
# with the value's own digits past them.  Expected (NumPy 1.24):
#   t = np.float16; x = t(0.1); print(x)              -> 0.1
#   print(x * t(3))                                   -> 0.2998
#   print(np.array([0.1, 1/3, 2.0, 1e-5, 65504.0], dtype=t))
#                              -> [9.998e-02 3.333e-01 2.000e+00 1.001e-05 6.550e+04]
#   print(np.float32(1e-4))                           -> 1e-04
#   print(np.array([0.1, 1/3, 1e-5], dtype=np.float32))
#                              -> [1.0000000e-01 3.3333334e-01 9.9999997e-06]
import numpy as np
format binary16
x = 0.1
print(x)
print(x * 3)
print(np.array([0.1, 1/3, 2.0, 1e-5, 65504.0]))
format binary32
print(1e-4)
print(np.array([0.1, 1/3, 1e-5]))
format mpfr
