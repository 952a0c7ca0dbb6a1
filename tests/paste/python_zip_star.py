# zip(*rows), the usual way to split a list of pairs into columns (xs, ys =
# zip(*pairs)): zip given the rows as its arguments, however many.  Expected
# output: /usr/bin/python3 python_zip_star.py
import numpy as np
pairs = [(1.0, 2.0), (3.0, 4.5), (5.0, 6.25)]
xs, ys = zip(*pairs)
print(xs, ys)
print(list(zip(*pairs)))
for a, b, c in zip(*pairs):
    print(a + b + c)
data = [[1, 2, 3], [4, 5, 6]]
cols = list(zip(*data))
print(cols, len(cols))
print(list(zip(*[])))
A = np.array([[1.0, 2.0], [3.0, 4.0]])
print([sum(col) for col in zip(*A)])
words = ["ab", "cd"]
print(list(zip(*words)))
xs2, ys2 = map(list, zip(*pairs)) if False else (list(xs), list(ys))
print(xs2, ys2)
print(list(zip(*zip(*pairs))))
print(list(zip(*[range(3), range(10, 13)])))
