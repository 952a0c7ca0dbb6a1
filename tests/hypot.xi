# args: --keep-going
# hypot: values and derivatives, by hand: hypot(3, 4) = 5, d/dx = x/5 = 0.6,
# d/dy = 0.8, d²/dx² = y²/hypot³ = 16/125 = 0.128; hypot(1, 1) = √2 =
# 1.41421356237309504880168872421 (mpmath); no overflow in x²: hypot(1e300, 1e300)
# = 1.41421356237309504880168872421e300; at the origin the derivative does not exist.
digits 25
x = 3
y = 4
hypot(x, y)
grad(hypot(x, y), x)
grad(hypot(x, y), y)
grad(grad(hypot(x, y), x), x)
hypot(1, 1)
hypot(1e300, 1e300)
hypot([3, 5], [4, 12])
o = 0
grad(hypot(o, o), o)
