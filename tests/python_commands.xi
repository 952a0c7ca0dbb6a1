# args: --keep-going
# Commands beside Python's names.  Before an import the code is xi's: a
# command's word is the command, and giving it a value is an error.
seed = 42
for step in range(3):
    pass
# after an import the code is Python's: the words are names wherever Python
# reads a name, and the commands keep IPython's spelling (%trace L), or their
# bare word where no name could be (trace L).  Values derived by hand:
# L = 0.5*1 + (-0.2)*2 = 0.1, dL/dW = x^T = [[1, 2]], dL/dx = W^T.
import numpy as np
W = np.array([[0.5, -0.2]])
x = np.array([[1.0], [2.0]])
L = np.sum(W @ x)
%trace L
trace L wrt W
%grad L wrt W
grad L wrt x
check L == 0.1
%check grad(L, W) == [[1, 2]]
# names: assigned, updated, read; alone on a line a name that has a value
step = 3
step += 1
step
print(step, step - 1)
digits = 2
digits
%digits
# a value hides the built-in of its name, as in Python; del brings it back
sum = 0
sum(W)
del sum
print(sum(W))
# a command's word alone is the command while no value has its name
vars
%show -W
show -W
# IPython's other magics and a stray '%' are not commands
%timeit L
% trace L
# quit() and exit() as Python writes them leave
exit()
print("not reached")
