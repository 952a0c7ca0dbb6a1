# args: --keep-going
# & | ^ ~ << >> and the in-place operators where Python or NumPy raise: each
# refused with the error /usr/bin/python3 (3.11, NumPy 1.24) raises there, in
# its words (the comment after each line), or, where xi copies neither
# Python's nor NumPy's behaviour, saying so; never a number.
import numpy as np
x = np.array([0.5, 1.5])
i = np.array([1, 2])
print(1.5 & 1)                 # TypeError: unsupported operand type(s) for &: 'float' and 'int'
print(2.0 << 1)                # TypeError: unsupported operand type(s) for <<: 'float' and 'int'
print(True ^ 0.5)              # TypeError: unsupported operand type(s) for ^: 'bool' and 'float'
print(~1.5)                    # TypeError: bad operand type for unary ~: 'float'
print(x & 1)                   # TypeError: ufunc 'bitwise_and' not supported for the input types, ...
print(~np.float64(2.0))        # TypeError: ufunc 'invert' not supported for the input types, ...
print(x > 0 & x < 1)           # x > (0 & x) < 1: TypeError: ufunc 'bitwise_and' ...
print(i > 0 & i < 3)           # i > (0 & i) < 3: ValueError: The truth value of an array ...
print(1 << -1)                 # ValueError: negative shift count
print(i << -1)                 # NumPy: [0 0], Python's ints a ValueError: refused
print(i ** -1)                 # ValueError: Integers to negative integer powers are not allowed.
a = np.array([[1.0, 2.0], [3.0, 4.0]])
a @= a                         # TypeError: In-place matrix multiplication is not (yet) supported. ...
m = np.array([True, False])
m |= 1                         # UFuncTypeError: Cannot cast ufunc 'bitwise_or' output from dtype('int64') to dtype('bool') ...
h = np.arange(3)
h /= 2                         # UFuncTypeError: Cannot cast ufunc 'divide' output from dtype('float64') to dtype('int64') ...
h **= 0.5                      # UFuncTypeError: Cannot cast ufunc 'power' output from dtype('float64') to dtype('int64') ...
u = np.array([3], dtype='uint8')
print(u << 7)                  # NumPy's uint8 wraps: [128]; xi keeps uint8 to 0..255: refused
try:
    y = 2.5 | 1
except TypeError:
    print("TypeError caught")
try:
    h //= 0.5
except TypeError:
    print("UFuncTypeError caught as TypeError")
print(h)
