# args: --keep-going
# str(x), repr(x) and + of texts in print (syntax/pystr.c) where xi parts from
# Python or Python itself refuses: each message says what is wrong and where.
# Python's own error for each line is in the comment after it (Python 3.11).
import numpy as np
x = 1.5
xs = [1, 2]
W = np.array([1.0, 2.0])
print("a" + x)                # TypeError: can only concatenate str (not "float") to str
print("a" + xs)               # TypeError: can only concatenate str (not "list") to str
print("W: " + W)              # numpy.core._exceptions._UFuncNoLoopError
def report(v):
    print("v = " + v)         # TypeError when called with a number
report(2.0)
s = str(x)                    # Python: s = '1.5' (xi too: a float's repr is a value)
print(str(x) * 2)             # Python: 1.51.5 (xi too: a float's repr)
print(str(x).upper())         # Python: 1.5 (xi too)
print("a" + str(x) == "a1.5") # Python: True (xi too)
print("<" + str() + ">")      # Python: <>
print(repr())                 # TypeError: repr() takes exactly one argument (0 given)
print(str(x, 2))              # TypeError: str() argument 'encoding' must be str, not int
print("a" + )                 # SyntaxError: invalid syntax
print("-" * 1.5)              # TypeError: can't multiply sequence by non-int of type 'float'
print(x * 2 + "a")            # TypeError: unsupported operand type(s) for +: 'float' and 'str'
print("Error:" + str(np.mean(np.abs(W))) + " and " + repr(x))
u = "%.3f" % x               # Python: u = '1.500' (xi: a float's text is a value only in print)
print("the end")
