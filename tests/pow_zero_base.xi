# args: --keep-going
# pow's derivative by its exponent where the base is 0, and xlogy, the op it
# is written with.  By hand: 0^y = 0 for every y > 0, so d/dy 0^y = 0 (the
# limit of x^y·log(x) as x -> 0+ is 0 for y > 0; PyTorch gives 0 too, and
# JAX's pow rule replaces log(0) by 0 there).  xlogy(x, y) = x·log(y) and 0
# at x = 0 for any y (SciPy: xlogy(0, 0) = 0.0, xlogy(0, -1) = 0.0,
# xlogy(2, 3) = 2.1972245773362196, xlogy(-1, 0) = inf).  Before, the
# derivative printed "? (no correct digit at 128 bits)": log(0)·0 in balls.
x = 0
y = 2
grad(x^y, y)
grad(x^y, x)
L = x^y + 3*y
grad(L, y)
xlogy(0, 0)
xlogy(0, -1)
xlogy(2, 3)
grad(xlogy(x, y), x)
# log(2) = 0.69314718055994530942 (mpmath); d/dy xlogy(2, y) = 2/y = 1 at y = 2
grad(xlogy(2, y), y)
# a cross-entropy term y·log(p) where the label is 0 and p is 0: 0, not nan
p = 0
label = 0
-xlogy(label, p)
# what has no value says why: 0^0 jumps (0 to the right, 1 at 0), x·log(0) is -inf
y2 = 0
grad(x^y2, y2)
xlogy(1, 0)
xlogy(1, -2)
# element by element: d/dy Σ x_i^y = Σ x_i^y·log(x_i) = 0 + 0 + 4·log(2)
# = 2.7725887222397812 (Python's 4*math.log(2))
v = [0, 1, 2]
grad(sum(v^y), y)
