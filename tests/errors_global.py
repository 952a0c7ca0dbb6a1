# args: --keep-going
# global where Python says it is wrong, and nonlocal (xi has no def inside a
# def).  Python's own words (python3 3.11) in the comment above each.
count = 0
# SyntaxError: name 'count' is assigned to before global declaration
def late():
    count = 1
    global count
    return count
# SyntaxError: name 'count' is parameter and global
def both(count):
    global count
    return count
# (a def inside a def: nonlocal's scope)
def outer():
    nonlocal count
    return count
print(count)
