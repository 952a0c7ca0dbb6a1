# Python's sets as min-char-rnn.py uses them: chars = list(set(data));
# chars.sort(), and what else is the same in every run (len, in, sorted)
data = 'hello world, hello backprop. '
chars = list(set(data))
chars.sort()
print(chars)
data_size, vocab_size = len(data), len(chars)
print('data has %d characters, %d unique.' % (data_size, vocab_size))
s = set(data)
print(len(s), 'h' in s, 'z' in s, 'z' not in s, sorted(s) == chars)
print(sorted(set([3, 1, 2, 3, 1.0, True])))
print(sorted(set(x * x for x in range(-3, 4))))
print(len(set([(0, 1), (0, 1), (1, 0)])), (1, 0) in set([(0, 1), (1, 0)]))
empty = set()
print(empty, len(empty), not empty, not s)
print(set('a'), set([7]), list(set('aaa')))
words = ['the', 'cat', 'the', 'hat', 'a', 'cat']
vocab = sorted(set(words))
print(vocab, len(vocab))
word_to_ix = {w: i for i, w in enumerate(vocab)}
print(word_to_ix)
u = list(set(words))
print(len(u), 'hat' in u)
u.sort()
print(u)
print(sorted(set(range(5, 0, -1))))
for ch in sorted(set('banana')):
    print(ch, end=' ')
print()
def vocabulary(text):
    cs = list(set(text))
    cs.sort()
    return cs
print(vocabulary('mississippi'))
print(set('ab') == set('ba'), set('ab') != set('abc'), set([1, 2]) == set([2.0, 1]))
print(set(set('abba')) == set('ab'), len(set(list(set('abcabc')))))
