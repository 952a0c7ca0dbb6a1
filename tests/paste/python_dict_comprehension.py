# Dict comprehensions, as min-char-rnn.py makes its two tables, and the
# rest of their forms: a condition, unpacking targets, a later equal key
# (its value in the first one's place), arrays as values, inside a def
import numpy as np
chars = [' ', ',', '.', 'a', 'b', 'c']
char_to_ix = { ch:i for i,ch in enumerate(chars) }
ix_to_char = { i:ch for i,ch in enumerate(chars) }
print(char_to_ix)
print(ix_to_char)
print(char_to_ix['b'], ix_to_char[5], len(char_to_ix))
squares = {x: x * x for x in range(6) if x % 2 == 0}
print(squares)
pairs = [('a', 1), ('b', 2), ('a', 3)]
print({k: v for k, v in pairs})
print({v: k for k, v in pairs})
print({k: 0 for k in 'abca'})
print({i: (i, -i) for i in range(3)})
print({})
print({k: v for k, v in {}.items()})
grads = {name: np.zeros((2, 1)) for name in ['W', 'b']}
grads['W'] += 1.5
print(grads)
params = {'W': np.array([1.0, 2.0]), 'b': np.array([0.5])}
scaled = {k: 2 * v for k, v in params.items()}
print(scaled, params)
def inverse(d):
    return {v: k for k, v in d.items()}
print(inverse(char_to_ix))
print({(i, j): i * j for i, j in zip(range(3), range(3, 6))})
print({c: i for i, c in enumerate('mississippi')})
