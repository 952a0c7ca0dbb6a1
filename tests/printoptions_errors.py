# args: --keep-going
# np.set_printoptions in pasted code: what xi refuses, each with its message
# (NumPy's own TypeError for a float precision), and None leaving an option.
import numpy as np
np.set_printoptions(3)
np.set_printoptions(formatter={"float": "{:.2f}".format})
np.set_printoptions(precision=3, sign=" ")
x = np.set_printoptions(precision=3)
np.set_printoptions(precision=3.0)
with np.printoptions(precision=3):
    pass
print(np.get_printoptions())
np.set_printoptions(precision=None, suppress=True)
print(np.array([1e-9, 1.0]))
