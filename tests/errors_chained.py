# args: --keep-going
# a = b = v where a target between the '='s is not a plain name: Python binds
# x[0] too (x[0] = 1 after y = 1); xi refuses it, saying what it takes.
import numpy as np
x = np.zeros(2)
y = x[0] = 1.0
print(x, y)
