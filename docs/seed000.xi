# The picture in the manual (docs/manual.md), docs/seed000.svg: seed 000's logistic example
# (examples/seed000_logistic.xi) drawn by svg.  Made again by: make picture
x = 3; W = 3; y = 1
L = -y*log(1/(1 + exp(-W*x)))
svg L seed000.svg
