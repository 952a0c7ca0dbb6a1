# Seed 001's TwoLayerNet on a small instance: 4 inputs, 5 hidden ReLU units,
# 3 classes, a batch of 2, He initialisation from np.random.seed(1) (randn is
# NumPy's, bit for bit).  Its backward pass, its gradient check against
# central differences, and the softmax-plus-cross-entropy shortcut δ = p - y.
# Values: the seed's own code under NumPy, to 14 digits
# (examples/reference/seed001_two_layer_net.py).
seed 1
W1 = randn(4, 5)*sqrt(2/4); b1 = zeros(5); W2 = randn(5, 3)*sqrt(2/5); b2 = zeros(3);
X = randn(2, 4); y = [0, 2];
check W1[0, 0] == 1.1485856216352
check X[1, 3] == -0.74715829375084

# forward, as TwoLayerNet.forward
z1 = X @ W1 + b1
a1 = relu(z1)
z2 = a1 @ W2 + b2
check z2 == [[-0.98694560074338, -0.020482742697710, -0.019862380000596], [-0.35190425955607, 0.77892952059033, 0.031292069213781]]
L = cross_entropy(z2, y)
check L == 1.5836702662940
# The seed's cross_entropy_loss takes -log(p + 1e-10): its loss, 1.58367026579141,
# is off in the 10th digit, and so is every difference its gradient check takes.
check mean(-log([softmax(z2)[0, 0], softmax(z2)[1, 2]] + 1e-10)) == 1.5836702657914

# backward: xi's sweep against the seed's backward()
check grad(L, W2) == [[-0.24291310021403, 0.38905291862262, -0.14613981840859], [0.074253298257005, 0.23005444028642, -0.30430773854343], [0.044228177413827, 0.13702944971696, -0.18125762713079], [0, 0, 0], [-0.44583409461759, 0.22284790260066, 0.22298619201693]]
check grad(L, b2) == [-0.33026969468718, 0.48834968567664, -0.15807999098946]
check grad(L, b1) == [0.49331732020186, 0.34636838295724, -0.10934077711107, 0, -0.018871890501678]
check grad(L, W1)[1, 2] == 0.020975448372751
# the shortcut: ∂L/∂z2 = (softmax(z2) - onehot(y)) / batch
onehot = [[1, 0, 0], [0, 0, 1]]
check grad(L, z2) == [[-0.42011364985090, 0.20999166921831, 0.21012198063259], [0.089843955163722, 0.27835801645833, -0.36820197162205]]
δ = (softmax(z2) - onehot)/2
check δ == [[-0.42011364985090, 0.20999166921831, 0.21012198063259], [0.089843955163722, 0.27835801645833, -0.36820197162205]]
check a1.T @ δ == [[-0.24291310021403, 0.38905291862262, -0.14613981840859], [0.074253298257005, 0.23005444028642, -0.30430773854343], [0.044228177413827, 0.13702944971696, -0.18125762713079], [0, 0, 0], [-0.44583409461759, 0.22284790260066, 0.22298619201693]]

# the gradient check, the seed's way: a central difference of the loss as a
# function of one weight, here W1[1, 2]
net(w1, bb1, w2, bb2) = cross_entropy(relu(X @ w1 + bb1) @ w2 + bb2, y)
E = [[0, 0, 0, 0, 0], [0, 0, 1, 0, 0], [0, 0, 0, 0, 0], [0, 0, 0, 0, 0]]
h = 1e-5
numerical = (net(W1 + h*E, b1, W2, b2) - net(W1 - h*E, b1, W2, b2))/(2*h)
analytical = grad(L, W1)[1, 2]
# At 128 bits and h = 1e-5 they agree to 14 digits: the truncation error, about
# h^2·f'''/6, is all there is.  NumPy's check, in float64 and through the seed's
# log(p + 1e-10), gets 0.020975448355998: off in the 9th digit, which is why the
# seed must tolerate a relative difference of 1e-5.
check numerical == 0.020975448372751
abs(numerical - analytical)/abs(analytical)
# At 256 bits with h = 1e-30 (and the adjoint computed again at 256 bits) they
# agree to 45 digits: what is left is the rounding of W1 + h·E.
prec 256
h = 1e-30
numerical = (net(W1 + h*E, b1, W2, b2) - net(W1 - h*E, b1, W2, b2))/(2*h)
analytical = grad(L, W1)[1, 2]
# digits 50 exact: every digit printed proven (the balls go to 512 bits)
digits 50 exact
numerical
check numerical == 0.0209754483727509967253279051606272883116167230
check analytical == 0.0209754483727509967253279051606272883116167230
