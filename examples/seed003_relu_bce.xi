# Seed 003's 2-layer network: z1 = W1 x + b1, a1 = ReLU(z1), z2 = W2 a1 + b2,
# ŷ = σ(z2), binary cross-entropy, samples as the columns of X (so the text's
# dW = (1/m) δ Aᵀ), and one update by its pseudocode.  The seed gives no
# numbers; these inputs are ours, and the values are NumPy's float64 to 14
# digits (examples/reference/seed003_relu_bce.py).
W1 = [[0.2, -0.4, 0.1], [0.5, 0.3, -0.2], [-0.3, 0.8, 0.6], [0.1, -0.1, 0.4]]
b1 = [[0.1], [-0.1], [0], [0.2]]
W2 = [[0.7, -0.5, 0.3, 0.9]]; b2 = [[-0.2]]
X = [[1.0, 0.5], [2.0, -1.0], [-1.0, 1.5]]; Y = [[1.0, 0.0]]; m = 2; lr = 0.1
Z1 = W1 @ X + b1
A1 = relu(Z1)
Z2 = W2 @ A1 + b2
Ŷ = sigmoid(Z2)
L = mean(-(Y*log(Ŷ) + (1 - Y)*log(1 - Ŷ)))
check Ŷ == [[0.35663485430560, 0.76494780376376]]
check L == 1.2394952577828

# the text's backward pass: δ2 = ŷ - y, δ1 = W2ᵀ δ2 ⊙ ReLU'(z1), dW = (1/m) δ Aᵀ
δ2 = Ŷ - Y
check grad(L, W2) == [[0.28685542641141, -0.38601908741664, -0.22517780099304, 0.36335020678779]]
check δ2 @ A1.T / m == [[0.28685542641141, -0.38601908741664, -0.22517780099304, 0.36335020678779]]
check grad(L, b2) == [[0.06079132903468]]
check sum(δ2, 1) / m == [0.06079132903468]
# ReLU'(z1) is 1 where z1 > 0: relu(z1)/z1 there, 0 elsewhere (no z1 is 0 here)
relu_d = relu(Z1)/Z1
δ1 = (W2.T @ δ2) * relu_d
check grad(L, W1) == [[0.13386586565866, -0.26773173131732, 0.40159759697598], [0.16084128642360, 0.32168257284720, -0.16084128642360], [-0.096504771854160, -0.19300954370832, 0.096504771854160], [0.17211325584685, -0.34422651169369, 0.51633976754054]]
check δ1 @ X.T / m == [[0.13386586565866, -0.26773173131732, 0.40159759697598], [0.16084128642360, 0.32168257284720, -0.16084128642360], [-0.096504771854160, -0.19300954370832, 0.096504771854160], [0.17211325584685, -0.34422651169369, 0.51633976754054]]
check grad(L, b1) == [[0.26773173131732], [0.16084128642360], [-0.096504771854160], [0.34422651169369]]

# The pseudocode's first line, delta = (y_pred - y_true) * sigmoid_derivative(z[L]),
# is the output error of the squared loss ½(ŷ - y)^2, not of cross-entropy: with
# it, ∂L/∂W2 comes out about 5 times too small.
pseudo = (Ŷ - Y) * Ŷ * (1 - Ŷ)
check pseudo @ A1.T / m == [[0.051577369071598, -0.088570703449711, -0.051666243678998, 0.065331334157358]]
check grad(sum((Ŷ - Y)^2)/2/m, W2) == [[0.051577369071598, -0.088570703449711, -0.051666243678998, 0.065331334157358]]

# one update, W := W - α ∂L/∂W, and the loss falls
gW1 = grad(L, W1); gb1 = grad(L, b1); gW2 = grad(L, W2); gb2 = grad(L, b2);
W1 -= lr*gW1; b1 -= lr*gb1; W2 -= lr*gW2; b2 -= lr*gb2;
check W2 == [[0.67131445735886, -0.46139809125834, 0.32251778009930, 0.86366497932122]]
# the forward pass again on the new weights, as the seed's training loop does
Z1 = W1 @ X + b1; A1 = relu(Z1); Z2 = W2 @ A1 + b2; Ŷ = sigmoid(Z2)
L = mean(-(Y*log(Ŷ) + (1 - Y)*log(1 - Ŷ)))
check L == 1.0964870655212
