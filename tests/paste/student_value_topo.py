# A student's program, written as a tutorial would have it and run unchanged:
# nothing in it was fitted to xi (tests/paste/README.md).  Not from a seed.
# A micrograd-style Value class, backward() by a topological sort, then 50 steps of
# a fit.  xi crashed at step 30: the scope build() kept (a closure's) held nodes
# that the statement loss.backward() let go of.
import math

class Value:
    def __init__(self, data, _children=(), _op='', label=''):
        self.data = data
        self.grad = 0.0
        self._backward = lambda: None
        self._prev = set(_children)
        self._op = _op
        self.label = label

    def __repr__(self):
        return f"Value(data={self.data}, grad={self.grad})"

    def __add__(self, other):
        other = other if isinstance(other, Value) else Value(other)
        out = Value(self.data + other.data, (self, other), '+')
        def _backward():
            self.grad += out.grad
            other.grad += out.grad
        out._backward = _backward
        return out

    def __mul__(self, other):
        other = other if isinstance(other, Value) else Value(other)
        out = Value(self.data * other.data, (self, other), '*')
        def _backward():
            self.grad += other.data * out.grad
            other.grad += self.data * out.grad
        out._backward = _backward
        return out

    def __pow__(self, k):
        assert isinstance(k, (int, float))
        out = Value(self.data ** k, (self,), f'**{k}')
        def _backward():
            self.grad += k * self.data ** (k - 1) * out.grad
        out._backward = _backward
        return out

    def __rmul__(self, other):
        return self * other

    def __radd__(self, other):
        return self + other

    def __neg__(self):
        return self * -1

    def __sub__(self, other):
        return self + (-other)

    def __truediv__(self, other):
        return self * other ** -1

    def tanh(self):
        t = math.tanh(self.data)
        out = Value(t, (self,), 'tanh')
        def _backward():
            self.grad += (1 - t ** 2) * out.grad
        out._backward = _backward
        return out

    def exp(self):
        out = Value(math.exp(self.data), (self,), 'exp')
        def _backward():
            self.grad += out.data * out.grad
        out._backward = _backward
        return out

    def backward(self):
        topo = []
        visited = set()
        def build(v):
            if v not in visited:
                visited.add(v)
                for c in v._prev:
                    build(c)
                topo.append(v)
        build(self)
        self.grad = 1.0
        for node in reversed(topo):
            node._backward()


a = Value(2.0, label='a')
b = Value(-3.0, label='b')
c = Value(10.0, label='c')
e = a * b
d = e + c
f = Value(-2.0, label='f')
L = d * f
L.backward()
print(L)
for v in [a, b, c, f]:
    print(v.label, v.data, v.grad)

# a neuron
x1 = Value(2.0); x2 = Value(0.0)
w1 = Value(-3.0); w2 = Value(1.0)
bias = Value(6.8813735870195432)
n = x1 * w1 + x2 * w2 + bias
e2 = (2 * n).exp()
o = (e2 - 1) / (e2 + 1)
o.backward()
print("o =", round(o.data, 6))
print("grads:", [round(v.grad, 6) for v in (x1, w1, x2, w2)])

# tiny regression with the Value class
xs = [1.0, 2.0, 3.0, 4.0]
ys = [3.0, 5.0, 7.0, 9.0]
w = Value(0.0)
b0 = Value(0.0)
for step in range(50):
    loss = sum((w * x + b0 - y) ** 2 for x, y in zip(xs, ys))
    w.grad = 0.0
    b0.grad = 0.0
    loss.backward()
    w.data -= 0.01 * w.grad
    b0.data -= 0.01 * b0.grad
    if step % 10 == 0:
        print(f"step {step:2d} loss {loss.data:.5f} w {w.data:.4f} b {b0.data:.4f}")
print(w, b0)
