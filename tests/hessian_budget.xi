# args: --memory 40M
# When the balls that would prove a value cannot fit in the memory budget,
# xi says so at once, before computing any of them, with the bytes the whole
# proof needs (rather than spend 100 s on a hessian of a 2000-vector and then
# say "out of memory").  H itself fits in 40 MB; the balls of its 500 rows and of
# H are 250000 · 2 numbers of 80 bytes (48 for Arb's ball, 16 for each of its
# midpoint's limbs and its radius at 128 bits) more.  The value is printed,
# said to be unproven, and why.
w = ones(500)/3
L = sum(tanh(w)*w)
H = hessian(L, w);
H[0, 0]
