# A string's characters as min-char-rnn.py reads them: data[p:p+seq_length],
# [char_to_ix[ch] for ch in ...], ''.join(ix_to_char[ix] for ix in ...), and
# the rest of Python's indexing, slicing and joining of a str
data = 'hello world, hello backprop. '
chars = sorted(set(data))
char_to_ix = {ch: i for i, ch in enumerate(chars)}
ix_to_char = {i: ch for i, ch in enumerate(chars)}
seq_length = 5
for p in [0, 5, 23]:
    inputs = [char_to_ix[ch] for ch in data[p:p + seq_length]]
    targets = [char_to_ix[ch] for ch in data[p + 1:p + seq_length + 1]]
    print(p, inputs, targets)
sample_ix = [8, 6, 10, 10, 11, 0, 14, 11, 13, 10, 6]
txt = ''.join(ix_to_char[ix] for ix in sample_ix)
print('----\n %s \n----' % (txt, ))
print(''.join([ix_to_char[ix] for ix in sample_ix[::-1]]))
print('-'.join(['a', 'b', 'c']), ', '.join(chars[3:6]), repr(''.join([])))
print(''.join('abc'), '+'.join(data[:5]), ''.join(sorted('backprop')))
s = 'backprop'
print(s[0], s[-1], s[2:5], s[:3], s[5:], s[::2], s[::-1], s[-3:], s[1:100], repr(s[5:2]))
print(len(s), len(s[2:5]), s[len(s) - 1], [c for c in s if c != 'p'])
print(s[2:5] == 'ckp', 'pro' in s, s[:4] + s[4:] == s)
n = 0
for ch in 'abcabc':
    if ch == 'a':
        n += 1
print(n)
u = 'naïve αβγ'
print(len(u), u[2], u[-1], u[6:], u[::-1], [c for c in u[:3]])
def chunks(text, k):
    out = []
    for i in range(0, len(text), k):
        out.append(text[i:i + k])
    return out
print(chunks(data, 8))
print('|'.join(chunks(data, 8)))
for i, ch in enumerate('xyz'):
    print(i, ch)
print(list('abc'), tuple('ab'), sorted('cab'))
xs = ['a', 'b']
print(", ".join(xs) + "!")
print("<" + "-".join(xs) + ">", "n=%d" % len(xs), "".join(xs))
print(f"{'/'.join(xs)}")
