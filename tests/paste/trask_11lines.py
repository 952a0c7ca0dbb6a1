# valgrind: s/range\(60000\)/range(300)/
# Trask's "11 lines" net (iamtrask.github.io, 2015), Python 3 form (range for xrange); the
# post's 11 lines unchanged, the import, np.random.seed(1) and print(l2) added and marked.
import numpy as np  # (added: the post imports NumPy above the 11 lines)
np.random.seed(1)  # (added: without a seed no two runs agree)
X = np.array([ [0,0,1],[0,1,1],[1,0,1],[1,1,1] ])
y = np.array([[0,1,1,0]]).T
syn0 = 2*np.random.random((3,4)) - 1
syn1 = 2*np.random.random((4,1)) - 1
for j in range(60000):
    l1 = 1/(1+np.exp(-(np.dot(X,syn0))))
    l2 = 1/(1+np.exp(-(np.dot(l1,syn1))))
    l2_delta = (y - l2)*(l2*(1-l2))
    l1_delta = l2_delta.dot(syn1.T) * (l1 * (1-l1))
    syn1 += l1.T.dot(l2_delta)
    syn0 += X.T.dot(l1_delta)
print(l2)  # (added: the post prints nothing)
print(syn0)  # (added)
print(syn1)  # (added)
