# A change in place seen through every name that holds the object, with many
# names about (xi passes over the blocks of names bound only to older values,
# tape/pymut.c): an early name rebound late to a list, a dict of lists, an
# object's attribute, names in a def's closure, and a list changed in a loop
# after hundreds of other names were made. Expected: what /usr/bin/python3 prints.
first = [0]
names = {}
for i in range(300):
    names["v%d" % i] = [i]
a0 = 1.5
xs = []
holder = {"xs": xs, "first": first}
first = xs                      # an early name, bound late to a newer list
class Box:
    def __init__(self, items):
        self.items = items
box = Box(xs)
def make():
    seen = []
    def visit(v):
        seen.append(v)
        xs.append(v * 2)
    return visit, seen
visit, seen = make()
for k in range(5):
    visit(k)
    names["v%d" % k].append(k)
more = [[j] for j in range(200)]
xs.append(99)
print(xs)
print(first == xs, first, holder["xs"], box.items, seen)
print(names["v3"], names["v299"], holder["first"], len(more), more[-1])
t = more[150]
t.append(-1)
print(more[150], t)
