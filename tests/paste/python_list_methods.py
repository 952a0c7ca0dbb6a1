# A list's methods and del as students use them: a stack drained by
# while stack: total += stack.pop(), a queue by queue.pop(0), a bounded history
# (history.pop(0) when it grows past its size), insert at the front, the end
# and past either end (clamped, as Python), remove, count (of a list, a tuple,
# a string), index, extend, del xs[i] and del d[k], d.pop(k) and
# d.pop(k, default); every name holding the list sees the change; in defs, a
# def changing its caller's list, and a Stack class whose own pop() returns
# self.items.pop().  Each was refused ("'list' object has no attribute 'pop'",
# "expected the end of the statement, found '['").
xs = [3, 1, 4, 1, 5]
ys = xs
print(xs.pop(), xs, ys)
print(xs.pop(0), xs)
x = xs.pop(1)
print(x, xs, ys)
print(xs.pop(-1), xs)
xs.insert(0, 9)
xs.insert(-1, 7)
xs.insert(100, 8)
xs.insert(-100, 6)
print(xs, ys)
xs.remove(7)
xs.remove(1)
s, t = "banana", "aaa"
print(xs, xs.count(1), xs.count(42), (1, 2, 1).count(1), s.count("an"), t.count(""), t.count("aa"))
del xs[0]
print(xs, ys)
del xs[-1]
print(xs, xs.index(xs[-1]))
xs.extend([1, 2])
print(xs)

d = {"a": 1, "b": 2, "c": 3}
e = d
del d["b"]
print(d, e)
v = d.pop("a")
print(v, d, e)
print(d.pop("zz", None), d.pop("zz", 0.5), d.pop("c", 7))
print(d, e)

stack = []
for i in range(4):
    stack.append(i * i)
total = 0
while stack:
    total += stack.pop()
print(total, stack)
queue = [1, 2, 3]
first = queue.pop(0)
print(first, queue)

history = []
for loss in [0.9, 0.7, 0.6, 0.55, 0.52, 0.5]:
    history.append(loss)
    if len(history) > 3:
        history.pop(0)
print(history, sum(history) / len(history))


def drain(xs):
    out = []
    while xs:
        out.append(xs.pop())
    return out


a = [1, 2, 3]
b = a
print(drain(a), a, b)


def move_front(xs, v):
    xs.remove(v)
    xs.insert(0, v)


def own():
    q = [5, 6, 7]
    q.insert(0, 4)
    first = q.pop(0)
    del q[0]
    q.pop()
    return first, q, q.count(6)


c = [1, 2, 9]
move_front(c, 9)
print(c, own())


def forget(d, k):
    del d[k]


cfg = {"lr": 0.1, "momentum": 0.9}
forget(cfg, "momentum")
print(cfg)


class Stack:
    def __init__(self):
        self.items = []

    def push(self, v):
        self.items.append(v)

    def pop(self):
        return self.items.pop()

    def size(self):
        return len(self.items)


st = Stack()
st.push(1)
st.push(2)
st.push(3)
print(st.pop(), st.pop(), st.size(), st.items)
