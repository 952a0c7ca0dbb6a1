# NumPy's bool arrays in arithmetic, as students combine masks: mask1 + mask2
# is their logical or (a bool array, True where either holds) and mask1 *
# mask2 their and, so (m1 + m2).sum() counts the elements where either holds;
# np.maximum, np.minimum, np.outer and abs of masks are bools, a bool read from
# a mask is numpy.bool_ (m[0] + m[1] is True), a mask updated in place by +=;
# Python's own True + True stays 2, and a mask with an int or a float is a
# number.  xi added masks as 0 and 1 ([1 2 1]: (m1 + m2).sum() was 4 where
# NumPy's is 3) and printed m1 * m2 as ints.  Written for this test, not from
# a seed; the .out is what /usr/bin/python3 (3.11, NumPy 1.24.2) prints.
import numpy as np

np.random.seed(3)
scores = np.random.randn(10)
labels = np.array([1, 0, 1, 1, 0, 0, 1, 0, 1, 1])
pred = (scores > 0).astype(int)

pos_pred = pred == 1
pos_true = labels == 1
either = pos_pred + pos_true
both = pos_pred * pos_true
print(scores.round(3))
print(either)
print(both)
print("either:", either.sum(), "both:", np.sum(both), "IoU: %.3f" % (both.sum() / either.sum()))
print("tp fp fn:", (pos_pred * pos_true).sum(), (pos_pred * (labels == 0)).sum(),
      ((pred == 0) * pos_true).sum())
print(np.maximum(pos_pred, pos_true), np.minimum(pos_pred, pos_true))
print(pos_pred + True, False + pos_true, pos_pred * False)
print(np.outer(pos_pred[:3], pos_true[:3]))
print(np.abs(pos_pred[:4]))

m = scores > 0.5
n = scores < -0.5
outliers = m + n
print(outliers, outliers.mean(), scores[outliers])
print(m[0] + m[1], n[2] * m[2], type(m[0] + m[1]).__name__, m[0] + n[0] + m[1])

seen = np.zeros(10, dtype=bool)
for k in range(3):
    seen += scores > k - 1
    print(k, seen.sum(), seen)

print(True + True, True * False, True + 1, m + 1, m * 1.5)
print((m + n).astype(int).sum(), m.astype(int) + n.astype(int))
try:
    d = m - n
except TypeError:
    print("TypeError: masks cannot be subtracted")

# Python's sum of bools starts from the int 0 and counts, NumPy's as Python's:
# sum(pred == labels) is the number right (it was True, and sum([True]) True)
print(sum(pred == labels), sum([True]), sum([False, True]), sum(m), sum(b for b in n))
right = 0
for ok in pred == labels:
    right += ok
print(right, np.cumsum(pos_pred)[-3:], np.prod(pos_true[:2]), np.count_nonzero(either))
