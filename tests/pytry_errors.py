# args: --keep-going
# try / except, isinstance and type(x) where xi parts from Python: what it
# refuses, each with what to write instead, and the errors an except does not
# catch because xi cannot tell which of Python's exceptions they are (they
# stop the program as they would without the try, saying so).  Python's own
# answers are in the comments.
import numpy as np
X = np.ones((2, 3))
def safe_div(a, b):
    try:
        return a / b
    except ZeroDivisionError:
        return 0.0
try:
    r = np.arange(3)
    r[0] = 2.5
except ValueError:
    r = 0.0
try:
    q = X @ np.ones((4, 5))
except ValueError as e:
    print(e)
try:
    d = {"a": 1}
    v = d["b"]
except IndexError:
    print("not this one")
try:
    v = 1
except LinAlgError:
    pass
try:
    v = 1
except ValueError, TypeError:
    pass
try:
    v = 1
print("a try needs an except or a finally")
try:
    v = 1
except:
    pass
except ValueError:
    pass
try:
    v = 1
else:
    pass
try:
    v = 1
except* ValueError:
    pass
except ValueError:
    pass
finally:
    pass
raise ValueError("bad")
n = len(X)
n += 1
print(type(n))
print(isinstance(np.exp(1.0), np.float64))
print(np.exp(1.0) / 0)
class Net:
    pass
print(isinstance(Net(), Net))
print(type(3) == (int, float))
print(type(X).shape)
print(type(1, 2, 3))
print(min(["a", 1]))
print("a" < 1)
try:
    print(1 / 0)
finally:
    print(undefined_name)
print("after")
try:
    x = 1 / 0
except ZeroDivisionError as e:
    print(repr(e), [e], type(e))
    print("error: " + e)
try:
    x = 1 / 0
except ZeroDivisionError as e:
    print(e == "division by zero")
