/* help.c: the help command (help, help NAME) and the words Tab completes.
 * The lists of commands, functions and NumPy's names, and each one's help,
 * come from their tables (syntax/commands.h, ops/ops.h, syntax/numpy.c);
 * this file has the overview's prose and the few topics that are in none of
 * them. */
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd.h"

static const char overview[] =
    "xi: a calculator for backpropagation by hand; all arithmetic is GNU MPFR.\n"
    "\n"
    "Values are fixed when computed (Python's rules):\n"
    "  x = 3; y = x*x       y is 9, and stays 9 whatever happens to x later\n"
    "  x = 4; y             9: x = 4 makes a new value; y was computed from the old one\n"
    "  W -= 0.1*grad(L, W)  on a leaf, an update step: W is a new leaf (as NumPy's -=)\n"
    "  c += c + 1           on a computed value, c = c + (c + 1)\n"
    "  set x = 4            the knob: x is replaced and every named value built on it\n"
    "                       is computed again (set says which)\n"
    "A leaf is a value computed from no other value (a literal, randn, zeros, 1/3);\n"
    "derivatives are taken with respect to leaves and named values.\n"
    "\n"
    "Statements (separate them with newlines or ';'; '#' starts a comment):\n"
    "  name = expr    name op= expr    f(a, b) = a*b + 1    expr (prints its value)\n"
    "\n"
    "Expressions:\n"
    "  numbers 3 0.1 1e-30 .5, read correctly rounded at the working precision\n"
    "  + - * / and ^ or ** (right-associative: 2^3^2 = 512; -2^2 = -4); x² x³\n"
    "  · × ÷ − also work; comparisons > >= < <= == != give 1 or 0 (derivative 0)\n"
    "  constants pi e; σ(x) is sigmoid(x); pow(x, y) is x^y\n"
    "  grad(E, v)      dE/dv, a value with a graph: grad(grad(y, x), x) is y''\n"
    "  hessian(L, w)   jacobian(v, w)   for scalar or vector w\n"
    "  jvp(E, v, dv)   ∂E/∂v · dv, forward mode: E's change in the direction dv\n"
    "\n"
    "Vectors and matrices (NumPy's conventions):\n"
    "  [1, 2]  [[0.1, 0.1], [0.1, 0.1]]  [x, 2*x]   every function acts elementwise,\n"
    "  with broadcasting; A @ B the matrix product; T(M) or M.T; M[i, j], M[i, :],\n"
    "  M[:, j], v[i] (0-based, negative from the end); reductions take an axis and\n"
    "  keepdims: sum(M, 0), sum(M, 1, 1); round(x, decimals)\n"
    "  zeros(r, c) ones(r, c) eye(n) randn(r, c) rand(r, c)\n";

/* the functions' list comes from the op table (ops/ops.h), so it cannot
   drift from what xi has */
static void functions(FILE *out) {
  fputs("\nFunctions (help NAME for each):\n ", out);
  int col = 1;
  for (int i = 0; xiO_function_name(i); i++) {
    const char *n = xiO_function_name(i);
    if (col + (int)strlen(n) + 1 > 78)
      fputs("\n ", out), col = 1;
    col += fprintf(out, " %s", n);
  }
  fputs("\n\nCommands (help NAME for each):\n", out);
}

static const char tail[] =
    "\n"
    "A script stops at its first error (exit status 1; --keep-going goes on); a\n"
    "failed check is not an error, but makes the exit status 1.  Where a derivative\n"
    "does not exist, xi follows PyTorch: relu'(0) = 0, abs'(0) = 0.  A value that is\n"
    "not a finite number (log of a negative number, 0/0, division by zero, overflow)\n"
    "is an error that names the node where it arose.\n";

static const struct {
  const char *name, *text;
} topics[] = {
    {"pi", "pi: 3.14159..., to the working precision.  pi is a name like any other: a\n"
           "  value bound to pi takes its place (del pi brings the constant back)."},
    {"e", "e: 2.71828..., exp(1) to the working precision.  e is a name like any other:\n"
          "  e = c - d (as micrograd's README writes) binds it to your value.  Euler's\n"
          "  number is then exp(1), and del e brings the constant back."},
    {"σ", "σ(x) is sigmoid(x) = 1/(1 + exp(-x)).  d/dx = σ(x)·(1 - σ(x))"},
    {"zeros", "zeros(n), zeros(r, c): zeros, a leaf.  ones, eye(n) likewise."},
    {"ones", "ones(n), ones(r, c): ones, a leaf."},
    {"eye", "eye(n): the n×n identity, a leaf."},
    {"randn", "randn(), randn(n), randn(r, c): standard normal numbers, NumPy's (see seed)."},
    {"rand", "rand(), rand(n), rand(r, c): uniform numbers in [0, 1), NumPy's (see seed)."},
    {"hessian", "hessian(L, w): the matrix of second derivatives ∂²L/∂wi∂wj of a scalar L by a\n"
                "  vector w (the second derivative for a scalar w); the jacobian of grad(L, w).\n"
                "  Its values have graphs too: it can be differentiated again.  Its digits\n"
                "  are proven one row's graph at a time (a 2000-vector's in some 700 MB)."},
    {"jacobian", "jacobian(v, w): the matrix ∂vi/∂wj of a vector v by a vector w (a vector\n"
                 "  when w is a scalar; grad(v, w) when v is a scalar)."},
    {"jvp", "jvp(E, v, dv): the directional derivative of E at the value v names, in the\n"
            "  direction dv (of v's shape): J·dv, E's shape, for E a scalar, vector or matrix.\n"
            "  Forward mode: each node's tangent built from its operands' (tangents L wrt x\n"
            "  shows them), as nodes, so jvp(jvp(E, v, a), v, b) and grad(jvp(E, v, dv), w)\n"
            "  are second derivatives.  For a scalar v, jvp(E, v, 1) is dE/dv."},
    {"@", "A @ B: the matrix product; see help matmul."},
    {"limits", "limits: values and printed text stay within a memory budget (half the\n"
               "  physical memory, or xi --memory SIZE); one statement builds at most 10 million\n"
               "  nodes; a tensor has at most 10 million elements; a script is at most 256 MB and\n"
               "  a line at the prompt 1 MB.  Each is an error with its numbers.  Ctrl-C stops\n"
               "  any computation, loop, load or print and says \"interrupted\".  At the\n"
               "  prompt a line is all or nothing: interrupted, or stopped by an error, it has\n"
               "  no effect (names, functions, ξ labels, random numbers, prec, format and\n"
               "  digits as before it; a note names what was put back)."},
    {">", "a > b, a >= b, a < b, a <= b, a == b, a != b: 1 where it holds, 0 elsewhere,\n"
          "  elementwise; the derivative is 0.  (In check E == N the == is check's.)"},
    {"%", "a % b: Python's remainder, with b's sign (-7 % 3 is 2); a // b: the floor of\n"
          "  a/b, exact.  d(a % b)/da = 1, d(a % b)/db = -(a // b); d(a // b) = 0."},
    {"//", "a // b: the floor of a/b (Python's), exact; its derivative is 0.  See help %."},
    {"python",
     "Python, as the tutorials write it (pasted code runs unchanged):\n"
     "  def f(a, b, lr=0.1):   a function, as f(a, b) = ... makes: a body of assignments\n"
     "      s = a * b          (a, b = g(x) too; s /= n, s[i] = v in place) ending in\n"
     "      return s + lr      return (return h, p gives two values); a docstring is\n"
     "                         skipped; def f(x): return x*x; a default is a number\n"
     "      if s > 0:          if/elif/else, for and while in a def (break, continue,\n"
     "          return s       return inside them) run at each call, as Python's: a\n"
     "                         name the def assigns is its own (read before it has a\n"
     "                         value: UnboundLocalError); ending without return: None\n"
     "  None                   a value: x = None, if x is None:, x is not None\n"
     "  params[k] -= lr * g[k] in a def changes the caller's dict (list, array), as\n"
     "                         Python's does; update(params, grads) alone in a def\n"
     "  p -= lr * g            on an array in a def (a parameter, a loop's item over a\n"
     "                         list of arrays) changes it wherever it is held, as NumPy's;\n"
     "                         x += 1 on a float rebinds the def's x alone, as Python's\n"
     "  f(x, lr=0.5)           keyword arguments; f = lambda x, a=3: a * x + 1\n"
     "  act = np.tanh          functions are values: a def, np.tanh, a lambda passed\n"
     "                         (apply(sigmoid, z)), bound, kept in a dict, list, tuple or\n"
     "                         attribute and called (acts['relu'](z), self.f(x)); a\n"
     "                         default activation=sigmoid; lambda anywhere, reading its\n"
     "                         def's names while the def runs; sorted(xs, key=lambda t:\n"
     "                         t[1], reverse=True), max(d, key=d.get); grad flows through\n"
     "  for i in range(n):     range(stop), range(start, stop), range(start, stop, step)\n"
     "  while c:               as long as c holds; break, continue (in for too)\n"
     "  assert c, \"message\"    stops with AssertionError: message when c is false\n"
     "  raise ValueError(msg)  Python's built-in exceptions, with one message or none;\n"
     "                         an except catches it, e its text (not a class of the\n"
     "                         program's own, a bare raise, raise ... from ...)\n"
     "  try: ... except KeyError as e: ... else: ... finally: ...   at the top and in\n"
     "                         its blocks (not in a def): an error is caught by Python's\n"
     "                         class where xi can tell it (ZeroDivisionError, KeyError,\n"
     "                         IndexError, NameError, ValueError of shapes ...), else it\n"
     "                         stops, saying so; e is Python's text; try: import tqdm\n"
     "                         except ImportError: a module xi has not is not imported\n"
     "  isinstance(x, (int, float)), isinstance(x, np.ndarray), type(x).__name__,\n"
     "  type(x) == list         Python's and NumPy's types (np.float64, np.int64)\n"
     "  {a, b}, {x for x in xs} sets; \"a\" < \"b\" strings in Python's order\n"
     "  if c: ... elif c: ... else: ...     on one number (not 0 is true)\n"
     "  a if c else b          and, or, not with Python's values (0 or 3 is 3): only the\n"
     "                         side that decides is computed\n"
     "  0 < x < 1, lo <= i < hi   comparisons chain, as Python's: a < b and b < c, b\n"
     "                         computed once, c only when a < b holds\n"
     "  all(r < 1e-7 for r in errs), any(xs), bool(x), divmod(a, b), abs(x),\n"
     "  math.isclose(a, b, rel_tol=1e-9, abs_tol=0.0)   Python's: a generator stops where\n"
     "                         all or any is decided; an array's truth is NumPy's error\n"
     "  print(a, \"text\", f\"{x:.4f} {n:3d} {v}\", sep=\"\", end=\"\")   as Python prints: a\n"
     "      float as repr(float), an int as 7, True, an array as NumPy prints it\n"
     "  print(*row, sep=\", \")   each item an argument of its own, as Python's\n"
     "  s.split(\",\") s.strip() s.upper() s.lower() s.replace(a, b) s.startswith(p)\n"
     "                         s.endswith(p) s.count(t): a string's methods, as Python's\n"
     "  global count           in a def: its assignments bind the session's count\n"
     "  total = count = 0      names bound to one value; if __name__ == \"__main__\": runs\n"
     "  float('inf') int(' 42 ')   a string read as a number as Python reads it; a text\n"
     "                         it refuses is Python's ValueError (except catches it)\n"
     "  print(\"%d: %.4f\" % (i, loss))     % formatting: d i u f e g x o s r %%, flags,\n"
     "                         width and precision, as Python's\n"
     "  print(\"Error:\" + str(e))  text joined by + with str(x), repr(x): x's text as\n"
     "                         print(x) writes it; \"a\" + \"b\", \"-\" * 40 are strings anywhere\n"
     "  key = f\"W{i + 1}\"       strings made of ints and strings are values anywhere:\n"
     "                         str(i), repr(s), \"W%d\" % i, \"{}_{}\".format(a, i); a float's\n"
     "                         repr too (f\"Value(data={x})\"), its format specs only where\n"
     "                         it is printed\n"
     "  import numpy as np     np. and numpy. always work; another module is a note, and\n"
     "                         using it an error.  pass, # comments, \"\"\"docstrings\"\"\"\n"
     "  from math import log   log(0) is then math's ValueError (f = math.log too), and\n"
     "                         from numpy import log NumPy's -inf; from numpy import sum\n"
     "                         (or *), which hides Python's sum, is refused\n"
     "  math.tanh(x), x ** y    C's libm, as CPython computes them (glibc's are not always\n"
     "                         correctly rounded): Python's digits to the last\n"
     "  plt.plot(losses)       a plotting statement (plt., sns.) is skipped with a note: xi\n"
     "                         draws no plots; %matplotlib inline and %config likewise\n"
     "  h, p = forward(X, W)   a tuple's items; (a, b), x.shape and t[0] are tuples\n"
     "  x[rows, cols] -= 1     a new value for x (the old one is unchanged); every element\n"
     "                         picked once; on a leaf an update step; X[:2] = 0, dh[h <= 0]\n"
     "                         = 0 and X[1:3, ::2] -= g too (help numpy: slices, masks)\n"
     "  True False None not    % // and Python's strings ('', \"\", triple quotes, \\n)\n"
     "  (x > 0) & (x < 1), ~mask, a | b, a ^ b, 1 << k, n >> 1   masks and bits as\n"
     "                         Python's and NumPy's: ints and bools (~5 is -6, True & False\n"
     "                         False, ~mask flips a bool array), a float's & a TypeError;\n"
     "                         | ^ & bind tighter than comparisons, as Python's (x > 0 & x\n"
     "                         < 1 is x > (0 & x) < 1); np.logical_and/or/xor/not too\n"
     "  x **= 2, n //= 2, m &= c, k <<= 1   every op= of Python's, in defs, on attributes\n"
     "                         and items; an array's keeps its dtype (a /= 2 of ints is\n"
     "                         NumPy's UFuncTypeError); @= is NumPy 1.24's TypeError\n"
     "  losses = []            lists: losses.append(loss), losses[-1], len(losses),\n"
     "                         losses[-5:], [f(x) for x in xs if c], xs + ys, [0] * n;\n"
     "                         xs.pop(), xs.pop(0), xs.insert(i, v), xs.remove(v),\n"
     "                         xs.count(v), del xs[i], del d[k], d.pop(k)\n"
     "                         print(losses) as Python: [0.69, 0.52], [array([1., 2.])]\n"
     "  d = {'W1': W1}         dicts: d['W1'], d['b'] = v, params[k] -= lr * grads[k],\n"
     "                         d.items(), d.keys(), d.values(), d.get(k, 0), dict(d),\n"
     "                         k in d, x not in xs; if xs: (true when not empty)\n"
     "  for x in xs:           over a list, a tuple, a dict's keys, d.items(), an array's\n"
     "                         rows, range(...), enumerate(xs), zip(xs, ys); for i, x in ...,\n"
     "                         for i, (x, y) in enumerate(zip(xs, ys)); a, b = an array;\n"
     "                         xs, ys = zip(*pairs): the rows as zip's arguments\n"
     "  sum(xs) min(xs) max(a, b) sorted(xs) list(...)   Python's own (sum adds left to\n"
     "                         right); sum(x * x for x in xs), reversed(xs), xs.index(v);\n"
     "                         np.mean(xs), np.array(list of arrays) as NumPy\n"
     "  s[i] s[a:b] for ch in s   a string's characters; ''.join(xs), {k: v for ...},\n"
     "                         xs.sort(); set(xs) with len, in, sorted(s), list(s) then\n"
     "                         .sort() (a set's own order, CPython's hash order, is never\n"
     "                         shown: print sorted(s)); np.clip(x, lo, hi, out=x)\n"
     "  class Net:             plain classes (help class): __init__, methods with self,\n"
     "      def f(self, x):    self.W1 = ..., self.W1 -= lr * dW1, net = Net(784, 256, 10),\n"
     "                         out = net.forward(X); trace shows self.W1 as net.W1\n"
     "  def __add__(self, o):  a class's __add__ __radd__ __sub__ __rsub__ __mul__ __rmul__\n"
     "                         __truediv__ __rtruediv__ __pow__ __rpow__ __neg__ for the\n"
     "                         operators and sum (left's method, else the right one's\n"
     "                         __r...__); __repr__, __str__ for print, str, repr, f\"{v}\";\n"
     "                         isinstance(x, Value), type(x) == Value: micrograd's own\n"
     "                         Value class runs as the lecture writes it\n"
     "  def backward(self):    a def inside a def is a closure: it reads the names of the\n"
     "      def build(v): ...  def around it when called, also after that def returned\n"
     "                         (out._backward = _backward, called later), and may call\n"
     "                         itself; nonlocal is refused.  Its scope is let go once no\n"
     "                         function reads it (a closure a step: bounded memory).\n"
     "                         A set of objects (set(children),\n"
     "                         visited.add(v), v in visited: by identity) is walked in the\n"
     "                         order its items were added, with a note: Python's order is\n"
     "                         their addresses, which changes from run to run\n"
     "Lists, dicts and strings are Python's code's: in xi's own language [1, 2] is a\n"
     "vector.  An item keeps its graph (trace losses[-1], grad(losses[-1], W)); a list\n"
     "keeps its last item's graph only (and those a name holds): older items become\n"
     "leaves when the tape is collected, so a long loop's list stays small.  One list,\n"
     "dict or array held in many places is one object, as in Python: b = a;\n"
     "a.append(1) shows in b, params['W1'] -= ... changes the array W1 names too.\n"
     "Numbers: Python's code runs in binary64, as NumPy's float64 (format binary64),\n"
     "so print shows Python's digits to the last (0.1 + 0.2 is 0.30000000000000004);\n"
     "it starts at a .py file or the first import, unless format or prec chose the\n"
     "numbers first.  Exact values are one command away: format mpfr, prec N, and\n"
     "compare L (binary64 beside exact, node by node).  Under format mpfr print shows\n"
     "the exact value's text when its ball decides it, else the computed one's and a\n"
     "line after it: (xi: ... not proven at 128 bits: ...).\n"
     "A block is the lines indented under a line ending in ':', checked as Python\n"
     "checks them, with Python's words (IndentationError: unexpected indent, TabError);\n"
     "at the prompt it ends at a blank line.  A .py file, and a session after an\n"
     "import, are Python's code: an assignment shows nothing, a bare expression only at\n"
     "the prompt, and xi's words are names wherever Python reads a name (for step in\n"
     "range(5), seed = 42, sum += x, f\"{step}\"); a value given to a built-in's name\n"
     "hides it, as in Python (sum(x) is then an error; del sum brings it back).  The\n"
     "commands keep IPython's spelling, %trace L, %grad L wrt W, %vars (accepted\n"
     "everywhere), and their bare word where no name could be: at the start of a line,\n"
     "not followed by = ( [ . or an operator (trace L, check L == 0.5, vars); quit()\n"
     "and exit() leave, as Python's.\n"
     "micrograd (from micrograd.engine import Value) and PyTorch (import torch):\n"
     "help torch.\n"
     "Not part of xi, each with a message: several bases, a library's base class,\n"
     "super(), decorators, the dunder\n"
     "methods but those above, class attributes (help class), with (but\n"
     "with torch.no_grad():), try in a def, a bare raise, a set's order, a float's format\n"
     "spec in a string value (its repr is one), a list that holds itself, for ... else\n"
     "and while ... else; nonlocal; a lambda reading a comprehension's variable;\n"
     "printing or comparing functions; a def's value after the def is defined anew.\n"
     "print inside a def or a method writes at each call, as Python's.  help numpy\n"
     "lists NumPy's names."},
    {"torch",
     "micrograd's Value and PyTorch's tensors, pasted as written (Python's code):\n"
     "  from micrograd.engine import Value     a = Value(-4.0); + - * / ** .relu()\n"
     "      .tanh() .exp() .log(); g.backward(); a.grad, a.data; p.grad = 0;\n"
     "      p.data -= lr * p.grad; print(a) as micrograd: Value(data=-4.0, grad=0)\n"
     "  import torch            torch.tensor(x, requires_grad=True, dtype=torch.float64),\n"
     "      torch.zeros, ones; sigmoid tanh exp log relu sqrt abs sum mean matmul, @,\n"
     "      .sum() .mean(); loss.backward() (retain_graph=True); W.grad;\n"
     "      with torch.no_grad(): W -= lr * W.grad; W.grad.zero_(); W.grad = None;\n"
     "      .item() .detach() .numpy() .requires_grad; print(W) as PyTorch prints it:\n"
     "      tensor([[0.5000], [1.0000]], requires_grad=True), grad_fn=<MeanBackward0>\n"
     "A Value or a tensor is a node of xi's graph, backward() is xi's reverse sweep,\n"
     "and each leaf's .grad is its adjoint, added to by every backward() until it is\n"
     "zeroed, as both libraries do; trace loss shows the graph under your names.  As in\n"
     "PyTorch, .grad is None before the first backward() and for a tensor without\n"
     "requires_grad (an error here: xi has no None to print); backward() of several\n"
     "numbers or twice through one graph, and W -= ... outside no_grad, are its\n"
     "RuntimeErrors.  Numbers: binary64.  micrograd's are Python's floats, so its digits\n"
     "print to the last (.tanh() and .exp() computed as its engine.py computes them, by\n"
     "math.exp: (math.exp(2*x) - 1)/(math.exp(2*x) + 1), not tanh correctly rounded);\n"
     "PyTorch makes Python's floats float32, and xi notes where it computes such a\n"
     "tensor in binary64 (dtype=torch.float64 makes both agree).\n"
     "Refused, with what to write: micrograd.nn, torch.nn, torch.optim, torch.randn\n"
     "(PyTorch's generator is not NumPy's: torch.tensor(np.random.randn(3, 2))),\n"
     "print of a tensor whose grad_fn xi cannot name (print(x.detach())), and NumPy's\n"
     "methods a tensor has with another meaning: x.max(dim) and x.min(dim) (PyTorch's\n"
     "(values, indices)), x.std() and x.var() (PyTorch divides by n - 1), x.round(d),\n"
     "x.repeat(n), x.argsort(), x.tolist(), x.copy(), x.astype(), x.size, x.dtype,\n"
     "x.cumsum().  x.sum(dim), x.mean(dim), x.argmax(dim), x.max() are NumPy's and\n"
     "PyTorch's alike; x.shape prints as torch.Size([2, 3])."},
    {"micrograd", "from micrograd.engine import Value: see help torch."},
    {"class",
     "Python's classes, pasted as written (Python's code):\n"
     "  class TwoLayerNet:           also class Net(object):\n"
     "      def __init__(self, n_in, n_out, lr=0.1):\n"
     "          self.W1 = np.random.randn(n_in, n_out) * 0.01\n"
     "          self.cache = (X, h)   a tuple, a dict (self.params['W1']), a list\n"
     "      def forward(self, X):   a method: a def whose first parameter is the instance\n"
     "          self.z1 = X @ self.W1; return self.z1\n"
     "  net = TwoLayerNet(784, 10, lr=0.5); out = net.forward(X); net.lr = 0.1\n"
     "A method sets and reads attributes (self.W1 -= lr * dW1, self.params['W1'] -=\n"
     "..., self.losses.append(loss)), calls methods (self.forward(X)), takes defaults\n"
     "and keywords, and without return gives None.  Its body may hold if, for and\n"
     "while, and print, as a def's.\n"
     "An attribute is a name of its own: what net = TwoLayerNet(...) holds is net.W1,\n"
     "so trace loss shows self.W1 as net.W1, grad(loss, net.W1) and %grad loss wrt\n"
     "net.W1 read it, and every name of the object sees what a method set.  An object\n"
     "no name holds (one in a list) is TwoLayerNet#1.  A class with __call__ makes its\n"
     "objects callable: model(x), layer(x) for layer in self.layers.\n"
     "One base class of yours: class B(A): gets each of A's methods B does not\n"
     "define, as A is when the class statement runs (as Python's).\n"
     "Refused, with what to write: several bases, a library's (nn.Module),\n"
     "super(), decorators (@property: a plain method), the dunder methods but\n"
     "__init__, __call__, __repr__, __str__, __neg__ and the arithmetic ones (__add__,\n"
     "__radd__ ... help python; __eq__, __len__ ...: a method of its own name), class attributes\n"
     "(count = 0 in the class's block, Net.count: set them in __init__), getattr,\n"
     "setattr, a method as a value (f = net.forward), print(net) without __repr__\n"
     "(Python prints an address).  AttributeError and TypeError as Python's words."},
    {"def", "def f(a, b): ... return ...: see help python."},
    {"print", "print(...): values as Python and NumPy print them; see help python."},
    {"for", "for i in range(n): or for x in xs: with an indented block; see help python."},
    {"while", "while c: with an indented block, break and continue; see help python."},
    {"lambda", "f = lambda x, a=3: a * x + 1: a function, as def makes; in Python's code a\n"
               "lambda is a value anywhere (key=lambda t: t[1], {'sq': lambda x: x ** 2});\n"
               "see help python."},
    {"if", "if c: ... elif c: ... else: ...; see help python."},
    {"import", "import numpy as np: np. is always there; see help python."},
};

/* the names after np. and after a value's '.' (numpy.c's tables) */
static void numpy_help(FILE *out) {
  static const char *const heads[] = {"np. (or numpy., or an alias from import numpy as ...):",
                                      "after a value's '.':", "math.:"};
  for (int w = 0; w < 3; w++) {
    fprintf(out, "%s\n ", heads[w]);
    int col = 1;
    for (int i = 0; xiP_np_name(w, i); i++) {
      const char *n = xiP_np_name(w, i);
      if (col + (int)strlen(n) + 1 > 78)
        fputs("\n ", out), col = 1;
      col += fprintf(out, " %s", n);
    }
    fputc('\n', out);
  }
  fputs("Keyword arguments: axis= and keepdims= (sum mean max min argmax argmin var std,\n"
        "prod count_nonzero, np.linalg.norm, np.all, np.any), axis= (cumsum cumprod diff\n"
        "sort argsort flip squeeze stack repeat expand_dims), ddof= (var std), decimals=\n"
        "(round), kind= (sort argsort),\n"
        "dtype=float|int|bool, and each function's own (np.random.normal(loc, scale, size),\n"
        "np.isclose(a, b, rtol, atol), np.linspace(start, stop, num, endpoint), ...).\n"
        "Shapes as tuples: np.zeros((2, 3)), x.reshape(-1, 1).  x.dtype is NumPy's dtype\n"
        "(float64, int64, bool, uint8): print writes its name; x.dtype == 'float64'.\n"
        "Indexing: X[1:3, ::2], v[-3:], X[::-1] (slices, copies); x[:, None],\n"
        "x[np.newaxis, :] (a new axis); x[x > 0] (a mask); probs[np.arange(n), y], M[I],\n"
        "np.eye(k)[y] (integer arrays); each takes = and op= as a new value: X[:2] = 0,\n"
        "dh[h <= 0] = 0, x[rows, cols] -= 1.\n"
        "np.random: seed, randn, rand, random, randint, normal, uniform, permutation,\n"
        "choice (replace=, p=), shuffle(x) (an array, in place): bit for bit NumPy 1.24's\n"
        "legacy generator, in step with it.\n"
        "rng = np.random.default_rng(seed): NumPy's Generator (PCG64), bit for bit;\n"
        "rng.random, standard_normal, normal, uniform, integers (endpoint=), permutation,\n"
        "choice (replace=, p=, shuffle=).  default_rng() without a seed is refused.\n"
        "Python's random.seed(n), randrange, randint, random, uniform, choice, shuffle,\n"
        "gauss, normalvariate, sample: CPython's own draws, apart from it.\n"
        "np.nditer(x, flags=['multi_index']): it.multi_index, it.finished, it.iternext()\n"
        "(CS231n's eval_numerical_gradient), x[it.multi_index] read and assigned.\n"
        "np.concatenate, vstack, hstack, column_stack, c_[a, b], isclose, allclose, all,\n"
        "any, linspace, stack, expand_dims, squeeze, tile, repeat, broadcast_to, meshgrid\n"
        "(indexing='xy' or 'ij'), flip, fliplr, flipud, full, full_like, prod, cumsum,\n"
        "cumprod, diff, trace, count_nonzero, sort and argsort are built of xi's\n"
        "operations, so a trace shows their steps and gradients flow through (prod and\n"
        "cumsum one product or sum after another, in NumPy's order).  What would have\n"
        "three axes is refused; so are ties in np.argsort unless kind='stable' (NumPy's\n"
        "default quicksort orders them its own way), and np.empty (its elements are\n"
        "whatever memory held: np.zeros).\n"
        "Python's code runs in binary64, NumPy's float64 (help python), where exp, log,\n"
        "sqrt, log1p and expm1 print NumPy's RuntimeWarning when they make inf or nan,\n"
        "and so do + - * / ** of arrays and of NumPy's scalars (np.float64(x), v[0]);\n"
        "under format mpfr the numbers are exact, and a printed float may differ from\n"
        "NumPy's in its last digits where NumPy's rounding errors show.\n",
        out);
}

void xiR_help(FILE *out, const char *topic) {
  if (!topic) {
    fputs(overview, out);
    functions(out);
    for (int c = 0; c < XI_NCOMMANDS; c++)
      fprintf(out, "  %-20s %s\n", xiP_commands[c].usage, xiP_commands[c].summary);
    fputs(tail, out);
    return;
  }
  for (int c = 0; c < XI_NCOMMANDS; c++)
    if (strcmp(xiP_commands[c].word, topic) == 0) {
      const xiP_command_row *r = &xiP_commands[c];
      fprintf(out, "%s: %s.\n%s%s", r->usage, r->summary, r->help, r->help[0] ? "\n" : "");
      return;
    }
  for (size_t i = 0; i < sizeof topics / sizeof *topics; i++)
    if (strcmp(topics[i].name, topic) == 0) {
      fprintf(out, "%s\n", topics[i].text);
      return;
    }
  if (strcmp(topic, "numpy") == 0 || strcmp(topic, "np") == 0) {
    numpy_help(out);
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
  for (int c = 0; c < XI_NCOMMANDS; c++)
    fn(ctx, xiP_commands[c].word);
  for (int i = 0; xiO_function_name(i); i++)
    fn(ctx, xiO_function_name(i));
  for (size_t i = 0; i < sizeof topics / sizeof *topics; i++)
    if (topics[i].name[0] != '@' && topics[i].name[0] != '>' && topics[i].name[0] != '%' &&
        topics[i].name[0] != '/')
      fn(ctx, topics[i].name);
  fn(ctx, "wrt");
  for (uint32_t i = 0; i < s->g.nbind; i++)
    if (s->g.bind[i].kind != B_NONE)
      fn(ctx, xiS_name(&s->g.sym, i));
}

int xiR_cmd_help(xiR_session *s, const xiP_stmt *st, xi_err *err) {
  (void)err;
  char *topic = st->arg.len ? strndup(s->src + st->arg.off, st->arg.len) : NULL;
  xiR_help(stdout, topic);
  free(topic);
  return 0;
}
