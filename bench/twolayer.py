# PyTorch in float64, for context beside bench/twolayer.c: the same network
# (784, 256, 10), batch 32, forward and backward.  Debian: python3-torch.
import time, statistics, torch
torch.manual_seed(0)
torch.set_num_threads(1)
B, I, H, O = 32, 784, 256, 10
W1 = (torch.randn(I, H, dtype=torch.float64) * (2 / I) ** 0.5).requires_grad_()
b1 = torch.zeros(H, dtype=torch.float64, requires_grad=True)
W2 = (torch.randn(H, O, dtype=torch.float64) * (2 / H) ** 0.5).requires_grad_()
b2 = torch.zeros(O, dtype=torch.float64, requires_grad=True)
X = torch.randn(B, I, dtype=torch.float64)
y = torch.tensor([(i * 7) % O for i in range(B)])
fw, bw = [], []
for _ in range(200):
    for p in (W1, b1, W2, b2):
        p.grad = None
    t0 = time.perf_counter()
    L = torch.nn.functional.cross_entropy(torch.relu(X @ W1 + b1) @ W2 + b2, y)
    t1 = time.perf_counter()
    L.backward()
    t2 = time.perf_counter()
    fw.append(t1 - t0)
    bw.append(t2 - t1)
print("pytorch float64, one thread: forward %.1f us, backward %.1f us (medians of 200)"
      % (statistics.median(fw) * 1e6, statistics.median(bw) * 1e6))
