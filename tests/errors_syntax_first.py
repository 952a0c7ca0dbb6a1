# Python compiles a whole file before it runs a line: a syntax error at its end runs
# nothing, not even the loop above it, which never ends (xi ran the lines above the
# error, and hung in the loop). /usr/bin/python3 prints only:
#   File "errors_syntax_first.py", line 11
#     print("done",, loss)
#                  ^
# SyntaxError: invalid syntax
print("training...")
while True:
    loss = 1.0
print("done",, loss)
