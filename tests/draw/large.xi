# A graph under svg's cap of 2000 nodes whose layout by Graphviz's dot was
# stopped unfinished after 30 minutes: the sum of sin(x*i) for i = 1 ... 297, made by a
# Python loop (1190 nodes; x has an edge to each term, crossing on average half
# the chain).  tests/draw/large.py checks what dot and svg write.
x = 0.5
L = 0
for i in range(1, 298):
    L = L + sin(x*i)

dot L > out/draw_large.dot
svg L out/draw_large.svg
