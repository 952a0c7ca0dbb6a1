# args: --keep-going
# Errors in commands' arguments: the ranges of digits and prec, claims that
# cannot be checked, files that cannot be loaded.
x = 3
digits 0
digits 2.5
digits 100000
prec 1
prec 99999999999999999999
check x == abc
check x
check x == 1e999999
load
load /nonexistent/file.xi
seed -1
repeat 2.5 { x }
repeat 3 x
# the settings are as they were
digits
prec
