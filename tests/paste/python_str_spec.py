# A string's format spec in print's f-strings, as CPython 3.11 reads it (its default
# type 's': '0' fills with zeros but does not align by '='; z and a space refused with
# their own words).  Before, f"{'ab':05}" was refused ('=' alignment not allowed)
# where Python prints ab000.  Expected output: /usr/bin/python3 python_str_spec.py
try:
    print('05', f"[{'ab':05}]")
except ValueError:
    print('05', 'ValueError')
try:
    print('00', f"[{'ab':00}]")
except ValueError:
    print('00', 'ValueError')
try:
    print('z', f"[{'ab':z}]")
except ValueError:
    print('z', 'ValueError')
try:
    print(' ', f"[{'ab': }]")
except ValueError:
    print(' ', 'ValueError')
try:
    print('+,', f"[{'ab':+,}]")
except ValueError:
    print('+,', 'ValueError')
try:
    print('>6', f"[{'ab':>6}]")
except ValueError:
    print('>6', 'ValueError')
try:
    print('^7', f"[{'ab':^7}]")
except ValueError:
    print('^7', 'ValueError')
try:
    print('*<5', f"[{'ab':*<5}]")
except ValueError:
    print('*<5', 'ValueError')
try:
    print('.1', f"[{'ab':.1}]")
except ValueError:
    print('.1', 'ValueError')
try:
    print('010', f"[{'ab':010}]")
except ValueError:
    print('010', 'ValueError')
try:
    print('<05', f"[{'ab':<05}]")
except ValueError:
    print('<05', 'ValueError')
try:
    print('=5', f"[{'ab':=5}]")
except ValueError:
    print('=5', 'ValueError')
try:
    print('#', f"[{'ab':#}]")
except ValueError:
    print('#', 'ValueError')
try:
    print(',', f"[{'ab':,}]")
except ValueError:
    print(',', 'ValueError')
try:
    print('_', f"[{'ab':_}]")
except ValueError:
    print('_', 'ValueError')
try:
    print('s', f"[{'ab':s}]")
except ValueError:
    print('s', 'ValueError')
try:
    print('5s', f"[{'ab':5s}]")
except ValueError:
    print('5s', 'ValueError')
try:
    print('d', f"[{'ab':d}]")
except ValueError:
    print('d', 'ValueError')
try:
    print('+', f"[{'ab':+}]")
except ValueError:
    print('+', 'ValueError')
