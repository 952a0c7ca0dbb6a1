# The NumPy side of examples/seed001_two_layer_net.xi: seed 001's own TwoLayerNet,
# softmax, cross_entropy_loss and check_gradient (seed001_impl.py holds them, copied
# from the seed's code blocks), on a small instance.  Run: python3 seed001_two_layer_net.py
import numpy as np
import os
exec(open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "seed001_impl.py")).read())
np.random.seed(1)
net = TwoLayerNet(4, 5, 3)
X = np.random.randn(2, 4); y = np.array([0, 2])
logits = net.forward(X); probs = softmax(logits); loss = cross_entropy_loss(probs, y)
g = net.backward(y)
np.set_printoptions(precision=17)
print("W1", net.W1.tolist()); print("W2", net.W2.tolist()); print("X", X.tolist())
print("logits", logits.tolist()); print("loss", repr(loss))
for k in ['W1', 'b1', 'W2', 'b2']: print(k, g[k].tolist())
for k in ['W1', 'b1', 'W2', 'b2']: check_gradient(net, X, y, k)
z = logits; ls = z - z.max(1, keepdims=True); ls = ls - np.log(np.exp(ls).sum(1, keepdims=True))
print("exact loss", repr(-(ls[0, 0] + ls[1, 2]) / 2))
print("softmax", probs.tolist())
h = 1e-5
net.W1[1, 2] += h; net.forward(X); lp = cross_entropy_loss(softmax(net.z2), y)
net.W1[1, 2] -= 2*h; net.forward(X); lm = cross_entropy_loss(softmax(net.z2), y); net.W1[1, 2] += h
print("numerical dW1[1,2] (seed's loss, h=1e-5)", repr((lp - lm) / (2*h)))
