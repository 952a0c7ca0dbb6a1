# args: --keep-going
# A tuple is several values, not one: every command that takes a value refuses
# it with the same message (the fuzzer found trace, step, dot, svg, export and
# compare of a tuple holding a tensor crashing, and check of a tuple judging
# it "undecided").  Expected: an error per command, the session unchanged.
N = [[1, 5, 5], [7, 2, 7]]
t = (N, 1)
trace (N, 1)
trace (1, 2)
step t
dot (N, 1)
svg t > /dev/null
export t /tmp/xi-tuple-test.md
compare t in binary16
check (N, 1) == 1
check t == [1]
grad t
grad(t, N)
gradcheck t wrt N
N
