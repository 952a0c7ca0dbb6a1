# A comprehension inside a def, after a loop that appends to a list of the def's
# own: its names are its own.  xi gave the loop's j (0.9 for 0.2) or said
# "unknown name 'i'".
w2 = [0.3, -0.2, 0.1]
n = 3

def layer():
    h = []
    for j in range(n):
        h.append(float(j + 1))
    a = sum(w2[j] * h[j] for j in range(n))
    b = sum([w2[j] * h[j] for j in range(n)])
    c = [i * 10 for i in range(3)]
    d = {k: h[k] ** 2 for k in range(n)}
    return a, b, c, d, j

print(layer())

def nested():
    out = []
    for i in range(2):
        out.append(i)
        row = [out[-1] + k for k in range(3)]
        out.append(sum(row))
    evens = [x for x in out if x % 2 == 0]
    return out, evens, all(x >= 0 for x in out)

print(nested())
