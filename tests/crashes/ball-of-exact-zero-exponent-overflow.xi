x = 3; W = 3; y = 1
p = sigmoid(W*x)
L = -y*log(p) - (1 - y)*log(1 - p)
