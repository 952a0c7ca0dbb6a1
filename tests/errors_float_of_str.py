# args: --keep-going
# float(s) and int(s) of a text Python cannot read as a number: its
# ValueError, uncaught.  Python's own words (python3 3.11), each in the comment
# above; tests/paste/python_float_of_str.py has the ones caught by except.
# ValueError: could not convert string to float: 'abc'
print(float('abc'))
# ValueError: could not convert string to float: 'a (b'
x = float('a (b')
# ValueError: invalid literal for int() with base 10: '3.5'
n = int('3.5')
# ValueError: invalid literal for int() with base 10: ''
n = int('')
# 1.5: Python strips Unicode's spaces (U+00A0 here) and reads its digits; xi
# refuses the text, never a ValueError an except would take for the answer
try:
    v = float('\xa01.5')
except ValueError:
    v = 0.0
