# args: --keep-going
# Python's lists and dicts where xi parts from Python or Python itself
# refuses: each message names the construct and says what to write instead.
import numpy as np
xs = [1.0, 2.0]
d = {'W1': 1.5}
a = []
a.append(a)
y = xs.append(3.0)
print(xs.append(3.0))
print(d['W2'])
print(xs[5])
e = {[1, 2]: 3}
t = (1, 2)
t[0] = 5
print(xs + 1)
print(xs * 2.5)
print(np.array([]))
print(np.array(['a', 'b']))
print(np.array([np.zeros((2, 2)), np.zeros((2, 2))]))
for v in 3.5:
    pass
for k in d:
    d['new'] = 1
for p, q in [1, 2]:
    pass
print(enumerate(xs))
print(f"{xs:.2f}")
s = 'text'
s[0] = 'T'
print(d.keys()[0])
print(max([np.zeros(2), np.ones(2)]))
print(sum(xs, start=10))
print(sorted([1, 'a']))
k = f"W{0.5}"  # Python: k = 'W0.5' (xi too: a float's repr)
u = {1, 2}  # (a set display and a set comprehension: sets now, no error)
w = {k for k in xs}
z = [x * y for x in xs for y in xs]
nest = []
for i in range(101):
    nest = [nest]
M = np.eye(2)
M[0][1] = 3
print(np.exp(xs), np.exp(d))
# views: NumPy's change in place reaches them, xi's values do not (tests/paste/
# numpy_alias.py has the whole-array aliases that xi follows)
row = M[0]
M -= 1
Mt = M.T
Mt[0, 1] = 5
S = np.zeros((3, 3))
part = S[1:, :2]
part += 1
T = np.zeros((2, 2))
rows = [T[0], T[1]]
T[0, 0] = 2
# inside a def: a local that is a view of a parameter, and of a local
def first_row_plus(M):
    r = M[0]
    r += 1
    return M
first_row_plus(np.ones((2, 2)))
def own_view():
    r = np.ones((2, 2)) * 2
    t = r[0]
    t[0] = 5
    return r
own_view()
print("the end")
