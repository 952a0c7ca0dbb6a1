# args: --keep-going
# a set of objects (micrograd's _prev) printed: Python prints it in the order of the objects'
# addresses, which changes from run to run; one item prints as Python prints it
class Value:
    def __init__(self, data, _children=()):
        self.data = data
        self._prev = set(_children)
    def __repr__(self):
        return f"Value(data={self.data})"
    def __add__(self, other):
        return Value(self.data + other.data, (self, other))
a = Value(2.0); b = Value(-3.0)
d = a + b
e = d + d
print(e._prev)
print(sorted(v.data for v in d._prev))
print(d._prev)
