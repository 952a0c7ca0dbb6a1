# equiv moves every leaf of the session, a one-hot label too: softmax with
# cross-entropy, L = -Σ y·log p, has dL/dz = p·Σy - y (by hand), which is the
# textbook p - y only where Σy = 1.  At the random point z = [1.993232259,
# 1.784701529, -0.2218747091], y = [0.7719154334, 0.4238829121, -0.4493242382]
# mpmath gives p·Σy - y = [-0.38331262, -0.10842444, 0.49173706] and p - y =
# [-0.25133098, -0.0012849047, 0.50614178]: not equivalent, rightly, and the
# counterexample now says that y was a label moved off one, and how to keep it
z = [2.0, 1.0, 0.1]
y = [1, 0, 0]
p = softmax(z)
L = -sum(y*log(p))
equiv grad(L, z), p - y
# the label written in both expressions, or as a class index: not moved
equiv grad(-sum([1, 0, 0]*log(softmax(z))), z), softmax(z) - [1, 0, 0]
equiv grad(cross_entropy(z, 0), z), softmax(z) - [1, 0, 0]
# a weight that happens to be one-hot (eye) is differentiated by: no label,
# no note; d Σ(Wx)²/dW = 2·outer(Wx, x), not 2·outer(x, x) (true at W = I only)
W = eye(2)
x = [1.0, 2.0]
equiv grad(sum((W@x)^2), W), 2*outer(x, x)
equiv grad(sum((W@x)^2), W), 2*outer(W@x, x)
