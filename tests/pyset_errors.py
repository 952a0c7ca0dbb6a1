# args: --keep-going
# Sets, strings' characters, str.join and np.clip's out= where xi parts from
# Python or Python itself refuses.  A set's order (and list(a set)'s) is
# CPython's hash order, which PYTHONHASHSEED changes from run to run for
# strings: xi refuses whatever would show it and says to sort first; each
# other message is Python's own error (TypeError, IndexError) or says what
# to write instead.
import numpy as np
s = set('hello')
chars = list(s)
print(s)
print(chars)
for ch in s:
    print(ch)
print(chars[0])
print(chars[1:])
print(tuple(s))
print(sum(set([1.0, 2.0, 3.0])))
print([c for c in chars])
print(''.join(s))
chars.append('z')
print(s[0])
print(set([[1], [2]]))
print(set([np.zeros(2)]))
print(set(1, 2))
print(set(5))
t = (3, 1, 2)
t.sort()
print('-'.join(['a', 1]))
print((1, 2).join(['a']))
print('abc'[3])
print('abc'[1.0])
w = 'text'
w[0] = 'T'
print({1, 2})
A = np.ones(3)
B = np.zeros(3)
np.clip(A, 0, 1, out=B)
y = np.clip(A, 0, 1, out=A)
A.clip(0, 1, out=A)
np.clip(A, 0, 1, output=A)
print(np.clip(A, 0, 1, out=A))
print(chars + ['z'])
print(chars == chars)
chars[0] = 'z'
chars += ['z']
print(chars.index('h'))
chars.sort()
print(chars, len(s))
