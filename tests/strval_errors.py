# args: --keep-going
# Strings made from values (tape/pystrval.c, tape/pystrtmpl.c): a float's digits
# made into a string value by a format spec are refused (its repr is a value), each saying that print(...) writes them
# (its digits are Python's repr and format specs, which xi writes where it prints);
# then Python's own errors of str.format, % and format specs, in Python's words.
# Each comment says what Python 3.11 gives for the line (checked with /usr/bin/python3).
import numpy as np
lr = 0.1
i = 3
W = np.array([1.0, 2.0])
name = 'lr_' + str(lr)        # Python: 'lr_0.1'
key = f'lr={lr}'              # Python: 'lr=0.1'
s = f'W{i}_{lr:.3f}'          # Python: 'W3_0.100'
t = '%.2f' % lr               # Python: '0.10'
u = 'loss %s' % lr            # Python: 'loss 0.1'
v = '{:.4f}'.format(lr)       # Python: '0.1000'
w = '{}'.format(np.float64(2.5))   # Python: '2.5'
a = str(W)                    # Python: '[1. 2.]'
b = f'{W}'                    # Python: '[1. 2.]'
c = f'{i:.2f}'                # Python: '3.00' (an int in a float's format: a float's digits)
d = '%e' % i                  # Python: '3.000000e+00'
e = str([1, 0.5])             # Python: '[1, 0.5]'
print(f'lr={lr}', 'lr_' + str(lr), '%.2f' % lr, str(W))   # print writes them: lr=0.1 lr_0.1 0.10 [1. 2.]
print('W%d' % i, f'b{i + 1}', 'W' + str(i), '{}_{}'.format('W', i), str(True), repr('b' + str(i)))
f = '%d %d' % (i,)            # TypeError: not enough arguments for format string
g = 'W%d' % (i, i)            # TypeError: not all arguments converted during string formatting
h = 'W%d' % 'x'               # TypeError: %d format: a real number is required, not str
j = 'W%q' % i                 # ValueError: unsupported format character 'q' (0x71) at index 2
k = '{}{}'.format(i)          # IndexError: Replacement index 1 out of range for positional args tuple
m = '{0}{}'.format(i, i)      # ValueError: cannot switch from manual field specification to automatic field numbering
n = '{name}'.format(i)        # KeyError: 'name'
o = f'{i:s}'                  # ValueError: Unknown format code 's' for object of type 'int'
q = f'{"ab":+}'               # ValueError: Sign not allowed in string format specifier
r = f'{None:>5}'              # TypeError: unsupported format string passed to NoneType.__format__
x = '%x' % 2.5                # TypeError: %x format: an integer is required, not float
z = 'W' + i                   # TypeError: can only concatenate str (not "int") to str
print(str(2**64), '%d' % 2.7, f'{2**64:,}', '%x' % 255, str(-7 // 2))   # 18446744073709551616 2 18,446,744,073,709,551,616 ff -4
print(str(3**40))             # 12157665459056928801 (xi: refused, binary64 would round it)
print('the end')
