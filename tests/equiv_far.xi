# equiv: a counterexample whose sides differ past the 60 digits it shows.
# d softplus(w·x)/dw = x·σ(w·x), and the slip "x" (σ dropped) differs from it by
# -x·σ(-w·x) = -x/(1 + e^(w·x)): at the random point w = 9.975184948,
# x = 14.31585841 (w·x = 142.8) that is -1.37e-61 (mpmath at 50 digits:
# -1.3712507e-61, from the leaves as printed), so both sides printed the same 60
# digits under "they differ, proven"; the difference is now shown
w = 10; x = 10
L = softplus(w*x)
equiv grad(L, w), x
