# args: --keep-going
# micrograd's Value.tanh() and Value.exp() where math.exp overflows, not caught: the
# lecture's engine.py computes tanh as (math.exp(2*x) - 1)/(math.exp(2*x) + 1) and exp
# as math.exp(x), and Python raises "OverflowError: math range error" for x above 354.89
# and 709.78 (tests/paste/micrograd_tanh_exp.py catches them).  Each error is at its call.
from micrograd.engine import Value
a = Value(200.0)
b = a * 2
c = b.tanh()
d = (a * 0.5).exp() * Value(710.0).exp()
print(Value(-400.0).tanh(), Value(354.89).tanh(), Value(709.78).exp())
