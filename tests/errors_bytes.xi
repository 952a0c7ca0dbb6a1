# args: --keep-going
# Bytes in the source that are not text.  (1) A lone byte that is not UTF-8,
# or any error, before a bracket that is not closed on its line: one error,
# and the next line is a statement again (before, the skip past the error
# read the bracket as open and swallowed every later line).  (2) A control
# byte (ESC, BEL, DEL, other C0, a C1 control) or a byte that is not UTF-8,
# in the line an error echoes: escaped as \x1b, \x07, \x7f, \u009b, \xff, so
# that the terminal shows it rather than obeys it (ESC [2J clears the screen,
# ESC ]0; retitles the window), and the caret stays under its column.  This
# file holds the raw bytes; its .out holds none of them.
x = ÿ(1
y = 2
y
x = $(1
y + 1
x = ÿ[1,
y + 2
print("[2J", $)
print("]0;ownedÂ›", q)
z = 1  + 2
z = 1 + [31m
z = Â›
[2Jz = 1
y + 3
# a message that quotes the source (a file name) is escaped too
export y "[2J.xyz"
