# A def inside a def keeps the call's names (a closure), bound under hidden
# names ("<env N>.a", "<def> ..."): vars lists only the program's own names,
# and a name bound to a literal argument (outer(1.5) binds a to the literal)
# no longer crashes it (it did: a literal's node has no formula).  Python
# prints 5.5 and 10.5 for the two calls (/usr/bin/python3).
def outer(a):
    b = a * 2
    def inner(c):
        return a + b + c
    return inner
f = outer(1.5)
print(f(1.0))
g = outer(3)
print(g(1.5))
%vars
