# args: --keep-going
# What xi refuses of NumPy's functions that reshape, repeat, sort and fill, each
# with NumPy's own message (checked against python3 + NumPy 1.24: the AxisError
# and ValueError texts) or, where NumPy would make an array of three axes or an
# empty one, or print what xi cannot know (np.empty's memory, the order
# quicksort gives tied elements), or where NumPy's int64 would wrap past 2^63
# (21! is -4249290049419214848 to NumPy) or binary64 round past 2^53, a message
# that says why and what to write.
import numpy as np
v = np.array([1.0, 2.0, 3.0])
M = np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
np.expand_dims(M, 0)
np.expand_dims(v, 2)
np.squeeze(M, axis=0)
np.stack([v, np.array([1.0, 2.0])])
np.stack([M, M])
np.stack([])
np.full((2, 2), v)
np.full((2, 0), 1.0)
np.full((2, 2, 2), 1.0)
np.broadcast_to(v, (2, 4))
np.broadcast_to(M, (3,))
np.tile(v, (2, 2, 2))
np.tile(v, -1)
np.repeat(v, -1)
np.repeat(v, [1, 2])
np.repeat(v, 0)
np.meshgrid(v, v, v)
np.meshgrid(v, v, indexing='xz')
np.meshgrid(v, v, sparse=True)
np.flip(v, 1)
np.fliplr(v)
np.diff(2.0)
np.diff(v, n=-1)
np.diff(v, n=3)
np.trace(v)
np.sort(2.0)
np.argsort(np.array([1.0, 2.0, 1.0]))
np.argsort(np.array([1.0, 2.0, 1.0]), kind='quicksort')
np.sort(np.array([0.0, -0.0]))
np.sort(v, kind='bogo')
np.empty((2, 3))
np.empty_like(v)
np.prod(M, axis=2)
np.prod(np.arange(1, 22))
np.cumprod(np.arange(1, 20))
np.tile(np.ones((1000, 1000)), (100000, 100000))
np.broadcast_to(1.0, (100000, 100000))
print(np.argsort(np.array([1.0, 2.0, 1.0]), kind="stable"), np.sort(np.array([0.0, -0.0]), kind="stable"))
# a tuple of axes: NumPy's M.sum((0, 1)) is 21.0 and M.max(axis=(0,)) [4. 5. 6.]; xi
# said "out of memory" (a method's parameter given a tuple), and says what it is now
M.sum((0, 1))
M.max(axis=(0,))
