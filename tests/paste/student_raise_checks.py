# raise as students write it: an unknown activation's ValueError in an else branch,
# an abstract method's NotImplementedError, shape checks in a method, KeyError's repr
import numpy as np


def act(name, x):
    if name == 'relu':
        return max(0.0, x)
    elif name == 'tanh':
        return np.tanh(x)
    else:
        raise ValueError(f"unknown activation {name!r}")


def check_lr(lr):
    if lr <= 0:
        raise ValueError("learning rate must be positive, got %g" % lr)
    return lr


class Layer:
    def forward(self, x):
        raise NotImplementedError("subclasses implement forward")


class Dense(Layer):
    def __init__(self, W):
        self.W = W

    def forward(self, x):
        if x.shape[1] != self.W.shape[0]:
            raise ValueError(f"shape mismatch: {x.shape} vs {self.W.shape}")
        return x @ self.W


print(act('relu', -2.0), act('tanh', 0.5))
for name in ['relu', 'gelu', 'swish']:
    try:
        print(name, act(name, 1.0))
    except ValueError as e:
        print("caught:", e)

for lr in [0.1, 0.0, -1.5]:
    try:
        print("lr", check_lr(lr))
    except Exception as err:
        print(type(err).__name__ + ":", err)

d = Dense(np.ones((2, 3)))
print(d.forward(np.ones((1, 2))))
try:
    d.forward(np.ones((1, 4)))
except ValueError as e:
    print("error:", e)
try:
    Layer().forward(1.0)
except NotImplementedError as e:
    print("abstract:", e)
try:
    Layer().forward(1.0)
except RuntimeError as e:
    print("a RuntimeError too:", type(e).__name__)

params = {'W1': 1.0, 'b1': 0.0}
for key in ['W1', 'W3']:
    try:
        if key not in params:
            raise KeyError(key)
        print(key, params[key])
    except KeyError as e:
        print("missing", e, repr(str(e)))

try:
    raise ValueError()
except ValueError as e:
    print("empty", repr(str(e)))
try:
    raise ValueError(2.5)
except ValueError as e:
    print("a number", e)
try:
    raise TypeError
except TypeError as e:
    print("no message", repr(str(e)))

for i in range(5):
    try:
        if i % 2:
            raise IndexError(i)
        print("even", i)
    except IndexError as e:
        print("odd", e)
    finally:
        print("step", i, "done")
