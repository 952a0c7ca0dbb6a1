# args: --keep-going
# Python's classes: what xi refuses, each named with what to write instead, and
# Python's own errors (AttributeError, TypeError) where a class is misused.
import numpy as np

class Net:
    def __init__(self, n):
        self.W = np.ones((n, 1))

    def forward(self, X):
        return X @ self.W

net = Net(2)
# one base class of the user's is taken: Deep(3).forward is Net's, X @ ones((3, 1)) = [[3.]]
class Deep(Net):
    pass
print(Deep(3).forward(np.ones((1, 3))))
class Deeper(Net, object):
    pass
class Missing(Base):
    pass
class Valued(net):
    pass
class Model(nn.Module):
    pass
class Net(Net):
    pass
class Counted:
    count = 0
    def __init__(self):
        self.n = 1
class Shown:
    def __repr__(self):
        return 1
class Prop:
    @property
    def size(self):
        return 2
class Super:
    def __init__(self):
        super().__init__()
class Branchy:
    def act(self, x):
        if x > 0:
            self.x = x
Branchy().act(np.ones(2))
print(net)
net.missing
net.forward(np.ones((1, 2)), 3)
net.forward()
net.forward(Y=1)
f = net.forward
Net.count
Net.count += 1
net.forward = 3
np.ones(3).forward(1)
np.ones(3).W = 1
net.b -= 1
Net()
Net(1, 2)
class Empty:
    """nothing"""
Empty(3)
getattr(net, 'W')
class Bad:
    def noself():
        return 1
Bad().noself()
x = Net(1).W
print(x)
net = Net(1)
net(x)
# a syntax error on the right of an unpacking into attributes (its targets'
# copy freed on the way out: LeakSanitizer found 80 bytes lost, make asan)
class Leaky:
    def __init__(self):
        self.W, self.b = % 1
