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
# step: an unknown name, nothing to step through, a word that is not quiz,
# wrt a name L does not use; the session is as it was
y = 2
L = x*x
step nosuch
step
step L quizz
step L wrt y
step L wrt
L
