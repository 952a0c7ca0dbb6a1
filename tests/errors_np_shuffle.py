# args: --keep-going
# np.random.shuffle of what is not an array: NumPy shuffles a list in place
# too, and takes the draws an array's would (python3 3.11, NumPy 1.24:
# xs = [1, 2, 3] after seed 0 becomes [3, 2, 1]); xi refuses it, pointing to
# random.shuffle, and a float, which NumPy refuses (TypeError: object of
# type 'float' has no len()).
import numpy as np
np.random.seed(0)
xs = [1, 2, 3]
np.random.shuffle(xs)
np.random.shuffle(2.5)
# its value is None in NumPy (print shows None): xi says to write it alone
y = np.random.shuffle(np.arange(3))
