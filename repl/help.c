/* help.c: `help`, `help NAME`, and the words Tab completes. */
#include <string.h>

#include "repl/session.h"

static const char overview[] =
    "xi: a calculator for backpropagation by hand; all arithmetic is GNU MPFR.\n"
    "\n"
    "Statements (separate them with newlines or ';'; '#' starts a comment):\n"
    "  x = 3               a leaf: a name first given a value that uses no other name\n"
    "  L = -y*log(σ(W*x))  a node built from the current bindings; it follows its leaves\n"
    "  x = 4   x -= 0.1    set a leaf in place: every node built on it follows\n"
    "  c = c + 1   c += 1  on an intermediate name: c is bound to a new node (as in Python)\n"
    "  f(a, b) = a*b + 1   define a function; a call expands into the graph\n"
    "  del x, y            forget names\n"
    "  E                   print the value of expression E\n"
    "\n"
    "Expressions:\n"
    "  numbers 3 0.1 1e-30 .5, read correctly rounded at the working precision\n"
    "  + - * / and ^ or ** (right-associative: 2^3^2 = 512; -2^2 = -4); · × ÷ − also work\n"
    "  exp log sqrt sin cos tan tanh sigmoid (σ) relu abs pow(x, y); constants pi e\n"
    "  grad(E, v)          dE/dv as a number, v a named node (a leaf or an intermediate)\n"
    "\n"
    "Vectors and matrices (NumPy's conventions):\n"
    "  [1, 2]  [[0.1, 0.1], [0.1, 0.1]]   literals; every function acts elementwise,\n"
    "  with broadcasting; A @ B the matrix product; T(M) or M.T; M[i, j], M[i, :],\n"
    "  M[:, j], v[i] (0-based, negative from the end)\n"
    "  sum mean (with an axis: sum(M, 0)) max outer softmax log_softmax\n"
    "  cross_entropy(logits, labels) zeros(r, c) ones(r, c) eye(n) randn(r, c) rand(r, c)\n"
    "\n"
    "Commands:\n"
    "  grad L [wrt a, b]   ∂L/∂v for every leaf L depends on, or for the names given\n"
    "  trace L             every node forward, then every adjoint in reverse (chain rule)\n"
    "  check E == NUMBER   passes when E is within half a unit of NUMBER's last digit\n"
    "  digits [N]          significant digits shown (default 10)\n"
    "  prec [N]            working precision in bits (default 128, from 2 to 100000)\n"
    "  vars                names, kinds and values\n"
    "  help [NAME]         this, or one function or command\n"
    "  load FILE           run a script\n"
    "  seed N              seed randn and rand: the numbers are NumPy's np.random.seed(N)\n"
    "  repeat N { ... }    run the statements N times (a training loop)\n"
    "  show E              print E whole (large tensors are otherwise abbreviated)\n"
    "  quit                leave (Ctrl-D too)\n"
    "\n"
    "Where a derivative does not exist, xi follows PyTorch: relu'(0) = 0, abs'(0) = 0.\n"
    "A value that is not a finite number (log of a negative number, 0/0, division by\n"
    "zero, overflow) is an error that names the node where it arose.\n";

static const struct {
  const char *name, *text;
} topics[] = {
    {"grad", "grad(E, v): the derivative of E with respect to the named node v (a leaf or a\n"
             "  named intermediate such as xi3), a number at the time it is evaluated.\n"
             "  Adjoints add up over every path: x = 3; grad(x*x*x, x) is 27.\n"
             "grad L: ∂L/∂v for every leaf v that L depends on.  grad L wrt a, b: for a and b."},
    {"trace", "trace L: the forward list (every node under L in the order it was built: its\n"
              "  ξ number, its name if any, its operation and its value), then the reverse list:\n"
              "  each adjoint ∂L/∂ξ as the sum over the node's consumers c of ∂L/∂c times the\n"
              "  local partial ∂c/∂ξ, with the partial's formula and values.  Leaves last."},
    {"check", "check E == NUMBER: passes when E is within half a unit of NUMBER's last written\n"
              "  digit (check L == 0.640 passes for 0.63967).  It prints the value to a few more\n"
              "  digits, and says so when the claim is the value truncated instead of rounded.\n"
              "  A failed check makes the exit status of a script 1."},
    {"digits", "digits N: show N significant digits (1 to 30000; default 10).  digits alone\n"
               "  prints the setting.  The values themselves keep full precision."},
    {"prec", "prec N: compute with N bits (2 to 100000; default 128, about 38 digits).\n"
             "  Literals are re-read at the new precision (prec 53; x = 0.1; prec 256 gives\n"
             "  0.1 to 256 bits); a leaf set from a computed value keeps its value."},
    {"vars", "vars: every name, its kind (leaf, node or function) and its value."},
    {"load", "load FILE: run the statements of FILE (\"quotes\" for names with spaces)."},
    {"del", "del x, y: forget the names; nodes built from them keep their values' links."},
    {"quit", "quit (or exit, or Ctrl-D): leave xi."},
    {"exit", "exit: leave xi."},
    {"help", "help NAME: help on a function, command or constant."},
    {"pi", "pi: 3.14159..., to the working precision."},
    {"e", "e: 2.71828..., exp(1) to the working precision."},
    {"σ", "σ(x) is sigmoid(x) = 1/(1 + exp(-x)).  d/dx = σ(x)·(1 - σ(x))"},
    {"seed", "seed N: seeds randn and rand; with the same N their numbers are bit for bit\n"
             "  NumPy's legacy np.random.seed(N); np.random.randn(r, c) / rand(r, c)."},
    {"repeat", "repeat N { statements }: runs the block N times; a bare expression in it\n"
               "  prints each time.  Nodes nothing can reach any more are freed, so a long\n"
               "  training loop runs in bounded memory.  An error stops the loop."},
    {"show", "show E: prints E whole; otherwise a tensor of more than 8 rows or columns\n"
             "  shows its first and last three."},
    {"zeros", "zeros(n), zeros(r, c): zeros.  ones, eye(n) likewise."},
    {"ones", "ones(n), ones(r, c): ones."},
    {"eye", "eye(n): the n×n identity."},
    {"randn", "randn(), randn(n), randn(r, c): standard normal numbers, NumPy's (see seed)."},
    {"rand", "rand(), rand(n), rand(r, c): uniform numbers in [0, 1), NumPy's (see seed)."},
    {"@", "A @ B: the matrix product; see help matmul."},
};

void xiR_help(FILE *out, const char *topic) {
  if (!topic) {
    fputs(overview, out);
    return;
  }
  for (size_t i = 0; i < sizeof topics / sizeof *topics; i++)
    if (strcmp(topics[i].name, topic) == 0) {
      fprintf(out, "%s\n", topics[i].text);
      return;
    }
  int op = strcmp(topic, "matmul") == 0 ? XI_MATMUL : xiO_lookup(topic, strlen(topic));
  if (op >= 0) {
    fprintf(out, "%s\n", xiO_table[op].help);
    return;
  }
  fprintf(out, "no help for '%s'; 'help' lists what there is\n", topic);
}

void xiR_words(xiR_session *s, void (*fn)(void *ctx, const char *word), void *ctx) {
  for (int i = 0; xiP_keyword(i); i++)
    fn(ctx, xiP_keyword(i));
  for (int i = 0; xiO_function_name(i); i++)
    fn(ctx, xiO_function_name(i));
  fn(ctx, "σ");
  static const char *const more[] = {"zeros", "ones", "eye", "randn", "rand", "pi", NULL};
  for (int i = 0; more[i]; i++)
    fn(ctx, more[i]);
  fn(ctx, "wrt");
  for (uint32_t i = 0; i < s->g.nbind; i++)
    if (s->g.bind[i].kind != B_NONE)
      fn(ctx, xiS_name(&s->g.sym, i));
}
