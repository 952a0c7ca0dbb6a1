# args: --keep-going
# grade's errors: a file whose names are mistyped (each line named, with the
# closest name; the file's own line and caret), lines that are not claims,
# the wrong L, a ξ there is not, a shape that is not the value's, a file that
# is not there, a value that is not a scalar; a script goes on (--keep-going)
x = [1, 1]; y = 1
W1 = [[0.1, 0.1], [0.1, 0.1]]; b1 = [0, 0]
W2 = [0.1, 0.1]; b2 = 0
z1 = W1 @ x + b1; a1 = z1
z2 = W2 @ a1 + b2; yhat = z2
L = (yhat - y)^2;
grade L grade/typos.txt
grade L grade/no_such_file.txt
grade z1
z1 = [0.2, 0.2]

grade L
dL/dW1 = 
L 0.9216
∂L/∂b1 = [−0.096, .5e-1]

grade
L = 1

# an absolute path is FILE, not a division of L (it was read as L / dev / null)
grade L /dev/null
# an error at a claim of FILE is said at FILE's line (it showed the script's line)
grade L grade/bigexp.txt

print("the script went on")
