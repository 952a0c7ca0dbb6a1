# args: --keep-going --memory 256M
# Each limit's failure, reproduced: none may crash, leak or hang,
# and each limit is an error with its numbers in it.  (^C inside long
# operations: tests/interrupt_long.pty; signals to a script: tests/run.)

# trace of a cross-entropy: its labels operand has no formula (was a segfault)
z = [[1.0, 2.0]]; L = cross_entropy(z, [0]); trace L

# a loaded file whose last line has no newline is read within its end
# (prec 2 after a longer file became prec 200)
load data/long.xi
load data/prec2.xi
prec
prec 128

# a function of no parameters (was a memcpy from NULL)
f() = 1; f()

# a directory, and a file without end, are errors
load data
load /dev/zero

# values are counted in bytes, precision included (at 100000 bits six
# ones(1000, 1000) took 9 GB); this file runs with --memory 256M
prec 100000
a = ones(100, 100)
b = ones(1000, 1000)
prec 128
# text too: 90000 numbers of 3000 digits would be 270 MB
digits 3000
show ones(300, 300)*pi
digits 10

# and after all that, the session is as it was
a[0, 0] + f()
