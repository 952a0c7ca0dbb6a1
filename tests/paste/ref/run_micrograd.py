# regen runs tests/paste/micrograd_*.py by this file: python3 ref/run_micrograd.py NAME.py,
# against micrograd's engine.py in ref/micrograd.  micrograd orders its graph for
# backward() by walking each Value's _prev, a set, which Python orders by the Values'
# addresses: a .grad's terms are added in another order from run to run, and its last
# digit changes (the README example's a.grad is 138.8338192419825 in some runs,
# 138.83381924198252 in others).  Here engine.py's sets keep their items in the order
# they were added, one of the orders a run may take (a Value has at most two
# children, and a set of two walks in either order), always the same: each Value's
# children in the order its operation took them.  micrograd's code is not changed.
import runpy
import sys

sys.path.insert(0, 'ref')
import micrograd.engine  # noqa: E402


class InsertionOrderSet(dict):
    """set(items), x in s, s.add(x) and iteration, in the order the items came"""

    def __init__(self, items=()):
        super().__init__((k, None) for k in items)

    def add(self, k):
        self[k] = None

    def __repr__(self):
        return '{' + ', '.join(map(repr, self)) + '}' if self else 'set()'


micrograd.engine.set = InsertionOrderSet
runpy.run_path(sys.argv[1], run_name='__main__')
