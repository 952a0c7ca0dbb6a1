/* commands.h: the one table of commands (an X-macro, as ops.h is for
 * operations).  The parser reads a row's word and argument shape; the
 * command layer runs a row through its handler (cmd/dispatch.c), which the
 * build insists on; `help` prints its usage and text.  Adding a command is
 * one row here and its handler in a file of cmd/.
 *
 * C(ID, word, args, handler, usage, summary, help)
 *   args     how the parser reads what follows the word (xiP_args below)
 *   handler  cmd/'s function that runs it, without its prefix: cmd_grad is
 *            xiR_cmd_grad, in cmd/gradients.c (the parser ignores it)
 *   summary  one line for the overview; help: the rest, for help WORD */
#ifndef XI_COMMANDS_H
#define XI_COMMANDS_H

#define XI_COMMANDS(C)                                                                     \
  C(GRAD, "grad", A_WRT, cmd_grad, "grad L [wrt a, b]",                                    \
    "∂L/∂v for every leaf of L, or for the names given",                                   \
    "The names after wrt may be leaves or named values.  As a function, grad(E, v)\n"      \
    "is a value with a graph of its own, so grad(grad(y, x), x) is the second\n"           \
    "derivative.  When E does not depend on the value v names now (v was updated\n"        \
    "after E was computed), that is an error that says so, never a silent 0.")             \
  C(TRACE, "trace", A_WRT, cmd_trace, "trace L [wrt W, b]",                                          \
    "every node forward, then every adjoint in reverse",                                   \
    "The forward list: every node under L in the order it was built (its ξ number\n"       \
    "or name, its operation, its value as it was computed).  The reverse list: each\n"     \
    "adjoint ∂L/∂ξ as the sum over the node's consumers c of ∂L/∂c times the local\n"      \
    "partial ∂c/∂ξ, with the partial's formula and values.  A value whose name has\n"      \
    "moved on shows as it was: W (before the update at line 7).  The ξ labels can be\n"    \
    "used as names afterwards: grad(L, ξ3).  An operand an elementwise op broadcast\n"      \
    "(a bias added to every row) gets the sum of its terms: Σ_rows ∂L/∂z2.  With wrt,\n"   \
    "only the nodes on a path from the names given to L (trace loss wrt b1: a dozen\n"      \
    "lines for a network of a thousand nodes).  Wide tensors wrap to the terminal.")       \
  C(STEP, "step", A_WRT_WORD, cmd_step, "step L [quiz]",                           \
    "trace one line at a time: Space or → next, ← back, q leaves",                       \
    "Lecture mode: the forward list one node at a time (its operation, its operands\n"    \
    "with their values, its value), then the reverse list one adjoint at a time (the\n"   \
    "sum over its consumers, each local partial with its formula and number), with\n"    \
    "the position: [3/22] forward.  At a terminal, keys: Space, Enter or → the next\n"    \
    "step, ← or b the one before, q, Ctrl-C or Ctrl-D leave.  Otherwise (stdin a pipe\n" \
    "or a file) a line each: empty or n the next, b back, q leaves, and the end of the\n" \
    "input shows the rest.  step L quiz asks for each value before showing it, and\n"    \
    "judges the answer as check does: right to the digits typed, truncated rather\n"     \
    "than rounded, off by a sign or a factor of 2, or wrong, proven by the balls (or\n"  \
    "right as computed at the working precision; undecided when the ball cannot\n"      \
    "tell); an empty answer shows it (skipped), q or the end of the input stops; at\n"  \
    "the end the score.  step L wrt\n"                                                   \
    "W [quiz]: the nodes on a path from W, as trace's.  The ξ labels become names.")     \
  C(DOT, "dot", A_OUT, cmd_dot, "dot L [> FILE]",                                \
    "the graph in Graphviz's DOT language: values, adjoints, partials",                    \
    "A box for each node with its name or ξ label (trace's), its operation, its value\n"    \
    "(green) and its adjoint ∂L/∂ξ (red), as CS231n's circuit diagrams; an edge from\n"    \
    "each operand to its consumer, labelled with the local partial.  A tensor of more\n"   \
    "than 4 rows or columns shows its shape and corners.  Without a file the DOT is\n"     \
    "printed; dot L > FILE writes it, and so does dot L FILE when FILE ends in .dot\n"    \
    "or .gv.  A '>' outside brackets is dot's: a comparison goes in brackets,\n"            \
    "dot (a > b).  dot L wrt W, b: the nodes on a path from W or b to L, as trace.\n"      \
    "In a large graph a long edge starts at a reference, a grey dashed box with its\n"     \
    "operand's name beside the consumer (Graphviz lays long edges out slowly).\n"          \
    "A file (dot, svg, export) is written whole or not at all: a new file, renamed\n"       \
    "over the old one; on an error the old one is kept.  A device (> /dev/stdout) is\n"    \
    "written in place.")                                             \
  C(SVG, "svg", A_OUT, cmd_svg, "svg L FILE",                                      \
    "the graph drawn as SVG, laid out by Graphviz",                                        \
    "The picture of dot L, laid out and drawn by Graphviz's own library (its dot\n"         \
    "layout), written to FILE, whose name ends in .svg (svg L > FILE: any name).\n"        \
    "svg L wrt W FILE: the nodes on a path from W to L.  At most 2000 nodes, laid out\n"  \
    "in seconds (long edges start at references, as dot's): draw part of a larger\n"       \
    "graph with wrt.")                                                    \
  C(EXPORT, "export", A_OUT, cmd_export, "export L FILE",                          \
    "the steps as Markdown, LaTeX, or a page that steps through them",                     \
    "By FILE's ending (another is an error).  .md or .markdown: the forward and\n"          \
    "reverse steps in the seeds' Markdown, math in $...$ (ξ1 ... ξn, each adjoint as\n"     \
    "the chain rule's product).  .tex: the same as a LaTeX fragment, an align* for\n"       \
    "each pass (it needs amsmath).  .html or .htm: one page, everything inlined (no\n"      \
    "network): the graph as svg draws it, the forward and reverse tables, and the\n"        \
    "arrow keys stepping through them (→ next, ← back), the current node outlined and\n"    \
    "its value shown.  export L wrt W FILE: the nodes on a path from W to L.")                                      \
  C(CHECK, "check", A_CHECK, cmd_check, "check E == NUMBER",                               \
    "passes when E rounds to NUMBER's last digit",                                         \
    "Passes when E is within half a unit of NUMBER's last written digit (check L ==\n"     \
    "0.640 passes for 0.63967).  It prints the value to a few more digits, and says\n"     \
    "so when the claim is the value truncated instead of rounded, or off by a sign or\n"   \
    "a factor of 2.  A tensor is checked element by element (check M == [[1, 2],\n"        \
    "[3, 4]]).\n"                                                                          \
    "check A == B with an expression on the right (check grad(L, W) == (p - y)*x)\n"      \
    "compares the balls of both: apart, they differ (is not, proven); overlapping,\n"     \
    "each proving the digits shown, they pass (agree to D digits, proven; equal\n"       \
    "within the balls at P bits).  Between the two, the balls' precision is doubled\n"   \
    "up to 8192 bits first, where balls still overlapping pass as equal within the\n"  \
    "balls (0.1 + 0.2 - 0.3 and 0: equal in truth, no ball proves it).\n"             \
    "check A ≈ B ± T (or == ... +/- T) passes when |A - B| <= T, element by element,\n"   \
    "T's ball judged as A's and B's (3 ≈ 2.1 ± 0.9, on its edge, is undecided).\n"       \
    "The verdict is proven: the value's ball (every digit printed is one it proves)\n"  \
    "must lie within half a unit of the claim's last digit (ok ... proven), or\n"         \
    "outside it (check failed ... proven wrong); a ball across the edge says\n"            \
    "\"check undecided\": a higher prec, or digits N exact, decides it.\n"               \
    "A failed check is not an error: a script goes on, and its exit status is 1.")        \
  C(SET, "set", A_ASSIGN, cmd_set, "set x = VALUE",                                        \
    "the knob: x changes, and what was built on it follows",                               \
    "The leaf x takes a new value, and every named value whose graph holds x is\n"         \
    "computed again (in the order they were computed); set prints the names that\n"        \
    "changed.  Without set, nothing ever changes a value computed before.")                \
  C(DIGITS, "digits", A_NUMBER_OPT, cmd_digits, "digits [N [exact]]",                      \
    "significant digits shown (default 10); exact: prove them all",                        \
    "From 1 to 30000; digits alone prints the setting.  The values themselves keep\n"      \
    "full precision.  Only digits that are proven are printed: each value is\n"           \
    "evaluated again in ball arithmetic (Arb), and when its ball proves fewer digits\n"   \
    "than asked xi prints those and says so: 0.3333333 (7 digits known at 24 bits),\n"  \
    "or, proving no digit, the bound it proves: 0 ± 1.2e-16 (bound at 53 bits), or\n" \
    "96 ± 8.0 (an exact 0 is 0; ? only for a ball that bounds nothing).  digits N\n"  \
    "exact raises the precision of the balls (doubling, up to 8192 bits) until N\n"    \
    "digits of every value, adjoint and check are proven, and says at what\n"          \
    "precision: 0.4999999999 (proven at 212 bits); trace, step, dot, svg and export\n" \
    "too, every value, adjoint and partial they show.  Without exact, when the\n"      \
    "working precision holds N digits but its balls prove fewer (a value used many\n"  \
    "times), their precision rises by itself, up to 8 times the working one, before\n" \
    "fewer are printed.  The working precision (prec) stays as it is.")                \
  C(PREC, "prec", A_NUMBER_OPT, cmd_prec, "prec [N]",                                      \
    "working precision in bits (default 128)",                                             \
    "From 2 to 100000 (128 bits hold about 38 digits).  Every value is computed\n"         \
    "again at the new precision, as it was first computed: literals are read again\n"      \
    "(prec 53; x = 0.1; prec 256 gives 0.1 to 256 bits); a leaf made by an update\n"       \
    "step or by randn keeps its value.  Under a format (binary64, which Python's code\n"   \
    "runs in) prec N leaves it for MPFR at N bits.")                                       \
  C(FORMAT, "format", A_TOPIC, cmd_format, "format [NAME]",                  \
    "IEEE 754 binary64, binary32, binary16, bfloat16, or mpfr",             \
    "Every value is computed again, and from then on every operation's result is\n"      \
    "rounded into the format as IEEE 754 hardware rounds it (emulated exactly with\n"      \
    "MPFR): binary64 (53 bits), binary32 (24), binary16 (11, largest 65504), bfloat16\n"   \
    "(8 bits, binary32's range).  Literals are rounded too (1e-8 in binary16 is 0).\n"    \
    "Too large a result is inf, too small 0 or a subnormal; inf and nan are values,\n"   \
    "not errors; trace and grad say where the first appeared (a nan of the adjoints\n"  \
    "alone too: 0·inf, a branch np.where did not take).  + - * / sqrt and matrix\n"      \
    "products are NumPy 1.24's bit for bit (binary16 products sum in binary32, as\n"     \
    "NumPy's float16 @ does); exp, log, tanh, sum, mean, softmax and the other\n"       \
    "one-op functions are correctly rounded (NumPy rounds each step of a sum).\n"        \
    "Pasted code prints as NumPy prints float16 and float32; an index or a size\n"      \
    "must be exact.  format mpfr goes back to MPFR at the precision prec set (a\n"      \
    "value that is nan or inf there, 0/0 made in binary16, has no number: its name\n"  \
    "is deleted, and a note says so); format alone says which is in use.  Python's\n"   \
    "code (a .py file, or after an import) switches to binary64, as NumPy's float64,\n" \
    "unless format or prec chose the numbers first; trace's first line then says\n"    \
    "binary64.")                                                                         \
  C(COMPARE, "compare", A_IN, cmd_compare, "compare L [in F, ...]",               \
    "L's trace in each format beside the exact one",                        \
    "A column for each format named (binary16, bfloat16, binary32 and binary64 when\n"    \
    "none is) and one exact (MPFR at 256 bits, or prec when higher; its digits proven\n"  \
    "by balls, unless the session itself is in an IEEE format), for the values and\n"   \
    "then the adjoints ∂L/∂ξ.  A ! marks, for each format, the first value (from the\n"   \
    "leaves up) and the first adjoint (from L down) that is 0 where the exact is not,\n"  \
    "inf, nan, or keeps no correct digit (off by half the exact value or more): the\n"   \
    "place where the gradient vanished or exploded; and why: overflow, cancellation\n"   \
    "(terms 4 times the result or more: 1.0001 - 1 in binary16 is 0), underflow (the\n" \
    "exact value below the smallest normal), or rounding.  The session is not changed.")   \
  C(VARS, "vars", A_NONE, cmd_vars, "vars",                                                \
    "every name, its kind and its value",                                                  \
    "A leaf, a value (with the operation that computed it) or a function.")                \
  C(HELP, "help", A_TOPIC, cmd_help, "help [NAME]",                                        \
    "this, or one function, command or constant", "")                                      \
  C(LOAD, "load", A_FILE, cmd_load, "load FILE",                                           \
    "run a script",                                                                        \
    "Runs the statements of FILE (\"quotes\" for names with spaces) as a script: it\n"     \
    "stops at its first error.")                                                           \
  C(DEL, "del", A_NAMES, cmd_del, "del x, y",                                              \
    "forget names",                                                                        \
    "Values computed from them keep what they were computed from.")                        \
  C(SEED, "seed", A_NUMBER, cmd_seed, "seed N",                                            \
    "seed randn and rand as NumPy's np.random.seed(N)",                                    \
    "With the same N the numbers are bit for bit NumPy's legacy\n"                         \
    "np.random.seed(N); np.random.randn(r, c) / rand(r, c).")                              \
  C(PRINTOPTIONS, "printoptions", A_KEYWORDS, cmd_printoptions,                         \
    "printoptions [k=v]",                                                               \
    "NumPy's print options for arrays: np.set_printoptions(...)",                       \
    "np.set_printoptions(precision=3, suppress=True) in pasted code is this command.\n" \
    "precision: digits after the point (default 8); suppress=True: no exponent form\n"  \
    "for small numbers (tiny ones print as 0.); linewidth: the line's width (75);\n"    \
    "threshold: more elements than this are summarized with ... (1000; np.inf, in\n"    \
    "Python's code: never); edgeitems: the items kept at each end of a summary (3).\n"  \
    "An option given None is left as it is, as NumPy's; printoptions alone shows\n"     \
    "them.  They change how arrays print only: a scalar prints as Python's repr, as\n"  \
    "in NumPy, and xi's own output keeps its digits (see digits).")                     \
  C(SHOW, "show", A_EXPR, cmd_show, "show E",                                              \
    "print E whole (large tensors are otherwise cut)",                                     \
    "A tensor of more than 8 rows or columns otherwise shows its first and last three.")   \
  C(REPEAT, "repeat", A_BLOCK, cmd_repeat, "repeat N { ... }",                             \
    "run the statements N times (a training loop)",                                        \
    "A bare expression in the block prints each time.  Values nothing can reach any\n"     \
    "more are freed, so a long training loop runs in bounded memory; once what a loop\n"   \
    "(repeat, for, while) made outgrows 2048 nodes it keeps one step of history: what\n"  \
    "an earlier step computed becomes a leaf holding its value (W = W - lr*dW), and a\n"  \
    "grad that would need the history let go is an error.  An error stops\n"              \
    "the loop (and a script).")                                                            \
  C(TANGENTS, "tangents", A_WRT_EQ, cmd_tangents, "tangents L wrt x",                 \
    "forward mode: every node of L with its tangent ∂ξ/∂x · dx",                           \
    "tangents L wrt x = dx: the forward list of trace, and beside each node ξ its\n"      \
    "tangent ξ̇ = ∂ξ/∂x · dx (dx is ones of x's shape when not given, 1 for a scalar),\n"  \
    "each from its operands' tangents by the chain rule forward: ξ̇ = Σ over the\n"       \
    "operands a of ξ of ȧ · ∂ξ/∂a.  Then the cost: one forward sweep gives one\n"         \
    "directional derivative, so the whole gradient takes as many sweeps as L has\n"      \
    "input elements; reverse mode takes one (for a scalar L).  jvp(E, x, dx) is the\n"   \
    "same tangent as a value.  The ξ labels become names, as trace's do.")                \
  C(GRADCHECK, "gradcheck", A_WRT_EQ, cmd_gradcheck, "gradcheck L wrt W",              \
    "each element of ∂L/∂W against a central difference",                                 \
    "A table: each element of W, its adjoint from the sweep, the central difference\n"   \
    "(L(w + h) - L(w - h))/2h computed at a higher precision, their relative error and\n" \
    "the digits they agree to.  gradcheck L wrt W = G checks G, a gradient derived by\n" \
    "hand, instead of the sweep's; wrt a, b checks several.  h and the precision are\n"  \
    "chosen so that the difference is far more accurate than the working precision\n"   \
    "(the output says how), so a right gradient agrees to about the working digits;\n"  \
    "fewer than half of them fails, as a failed check does (exit status 1).  At a\n"    \
    "kink (relu at 0) the one-sided slopes are shown instead, and a jump (sign at 0)\n" \
    "is not checked; when no element could be checked that is said, and fails as an\n" \
    "undecided check.  When the sweep's value fails, the exact derivative is given,\n" \
    "proven, and whether it is the rule or the rounding that is wrong.  The\n"         \
    "session's values are not changed.")                                                \
  C(EQUIV, "equiv", A_PAIR, cmd_equiv, "equiv A, B",                                   \
    "are A and B the same function of their leaves, at random points",                     \
    "Computes A and B at 20 random points near the values of the leaves they depend\n"   \
    "on (each element x anywhere in x ± (|x| + 1)/2, nearer where a side is not\n"       \
    "defined), at twice the working precision and again 64 bits higher, which shows\n"  \
    "what is rounding, and in balls, which prove what is printed: \"equivalent at 20\n" \
    "random points (to at least D digits, proven ...)\", or a counterexample: the\n"   \
    "leaves' values and both results, proven apart.  Is a gradient derived\n"          \
    "by hand right?  equiv grad(L, W), (p - y)*x.  Index tables and class labels are\n" \
    "not moved; the session's values are not changed.  A counterexample fails as a\n"  \
    "failed check does (exit status 1).")                                                 \
  C(GRADE, "grade", A_CLAIMS, cmd_grade, "grade L [FILE]",                             \
    "mark a worked solution: each step right, wrong or follow-through",                   \
    "The claims are lines NAME = NUMBER, from FILE or, without one, from the lines\n"      \
    "after grade L up to a blank line.  NAME is a named value (z1), a ξ label (ξ3 or\n"    \
    "xi3, numbered as trace numbers them; a file that writes ξ1 = -W*x = -9 numbers\n"   \
    "its own, each label the step that computes its expression) or an adjoint (dL/dW,\n" \
    "∂L/∂W, dL/dxi3).  Numbers as people write them: −0.00037018, 1.2e-4,\n"               \
    "1.2×10^-4, [0.2, 0.2] for a vector, 0.6931... (the digits written, more\n"          \
    "following); text after # is ignored.  Each claim, in the\n"                         \
    "order of the graph, is right (to the digits written, rounded or truncated,\n"      \
    "proven as check proves; a truncation is noted), right given your earlier wrong\n"   \
    "or rounded values (follow-through: the step computed from your own operands;\n"   \
    "for rounded ones, the digits the rounding cost are said), or wrong; the first\n"   \
    "wrong step is shown with the right value, your operands and the formula, and\n"    \
    "each wrong step's slip is named: a sign, a factor of 2 (the ½ of a squared\n"      \
    "loss), the batch size, a dropped σ′ or tanh′, a transposed matrix, a path of a\n" \
    "fan-out left out.  Then the score; any wrong step makes the exit status 1.\n"        \
    "grade --md L FILE prints the marked solution as Markdown instead; grade L\n"      \
    "FILE > OUT.md (or grade --md L FILE > OUT.md; grade L > OUT.md, the claims\n"     \
    "after it) writes it to OUT.md, and prints the score.")                               \
  C(WHY, "why", A_EXPR, cmd_why, "why grad(L, W)",                                         \
    "why a gradient is 0, tiny, inf or nan: the cause and the standard fix",              \
    "why grad(L, W) looks for the causes of a gradient that vanished or exploded:\n"      \
    "a perfect fit (the prediction equals the target, p - y = 0: the loss is at its\n"  \
    "minimum and the gradient 0 is right), a dead ReLU (every pre-activation <= 0),\n"  \
    "a saturated sigmoid or tanh (its derivative below 1e-8), an overflow or\n"         \
    "underflow in an IEEE format (the node where it first happened), 0·inf in a\n"     \
    "branch np.where did not take, a cancellation (1 - σ(x) that lost every bit:\n"     \
    "softplus, log_sigmoid), a log of 0 in a loss (clip it).  Each cause found is\n"    \
    "named with its node and the fix; trace prints the same line under a leaf's\n"      \
    "gradient that is 0 or not finite.")                                                  \
  C(QUIT, "quit", A_NONE, cmd_quit, "quit",                                                \
    "leave (exit and Ctrl-D too)", "")                                                     \
  C(EXIT, "exit", A_NONE, cmd_exit, "exit",                                                \
    "leave", "")                                                                           \

/* how the parser reads a command's arguments */
typedef enum {
  A_NONE,       /* nothing */
  A_EXPR,       /* an expression */
  A_WRT,        /* an expression, then optionally wrt and names */
  A_WRT_WORD,   /* the same, then optionally a word (step L quiz) */
  A_WRT_EQ,     /* an expression, wrt, names, and optionally = an expression (an item) */
  A_IN,         /* an expression, then optionally in and names (compare L in binary16) */
  A_PAIR,       /* two expressions separated by a comma (the second an item) */
  A_OUT,        /* the same, then optionally a file: > FILE or FILE (the raw rest) */
  A_CHECK,      /* an expression, ==, and a number or a list of them */
  A_ASSIGN,     /* a name, =, an expression */
  A_NUMBER,     /* a whole number */
  A_NUMBER_OPT, /* a whole number, or nothing */
  A_KEYWORDS,   /* name=expression, ... (printoptions): names, and code making their tuple */
  A_TOPIC,      /* a word, or nothing */
  A_FILE,       /* the raw rest of the statement */
  A_NAMES,      /* names separated by commas */
  A_BLOCK,      /* a number and a { block } */
  A_CLAIMS      /* an expression, then optionally a file and > OUT; without a file the
                   lines after it up to a blank line (grade L) */
} xiP_args;

enum xiP_command {
#define XI_CMD_ENUM(id, ...) XI_CMD_##id,
  XI_COMMANDS(XI_CMD_ENUM)
#undef XI_CMD_ENUM
  XI_NCOMMANDS
};

typedef struct {
  const char *word;
  xiP_args args;
  const char *usage, *summary, *help;
} xiP_command_row;

extern const xiP_command_row xiP_commands[XI_NCOMMANDS];

#endif
