# args: --keep-going
# raise stops the program with Python's last line of its traceback (checked
# against python3 by hand: "ValueError: unknown activation 'gelu'", "KeyError:
# 'W3'", "NotImplementedError"), at the raise or at the call of the def or
# method it is in; what xi does not raise is refused, saying so.
def act(name, x):
    if name == 'relu':
        return max(0.0, x)
    raise ValueError(f"unknown activation {name!r}")
class Layer:
    def forward(self, x):
        raise NotImplementedError
print(act('relu', 2.0))
act('gelu', 1.0)
Layer().forward(1.0)
raise KeyError('W3')
raise TypeError("expected %d inputs, got %d" % (3, 2))
raise ValueError()
class MyError(Exception):
    pass
raise MyError("mine")
try:
    x = 1 / 0
except ZeroDivisionError:
    raise
try:
    x = 1 / 0
except ZeroDivisionError as e:
    raise ValueError("bad") from e
raise ValueError("a", 2)
raise KeyboardInterrupt
raise
print("the end")
