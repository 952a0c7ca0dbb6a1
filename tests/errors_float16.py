# args: --keep-going
# NumPy computes a float function of a uint8 or bool array in float16
# (python3 with NumPy 1.24: np.log(np.array([3, 200], dtype=np.uint8)) is
# [1.099 5.297], np.sqrt of it [ 1.732 14.14 ], np.exp(np.array([True, False]))
# [2.719 1.   ]); xi's floats are float64, so each is refused with what to
# write.  After .astype(float) NumPy computes in float64, as xi does; a
# division, a mean, or a Python bool given to math.exp are float64 in NumPy too.
import math
import numpy as np

img = np.array([3, 200], dtype=np.uint8)
mask = img > 100
print(np.log(img.astype(float)), img / 255, img.mean(), mask.mean(), math.exp(True))
print(np.log(img))
print(np.sqrt(img))
print(np.exp(mask))
print(np.floor(img))
print(np.tanh(mask))
