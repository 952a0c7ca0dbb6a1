# loaded by tests/commands.xi
x = 3; W = 3; y = 1;
