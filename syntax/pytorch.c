/* pytorch.c: micrograd's and PyTorch's spelling, compiled to xi's code.
 *
 * `from micrograd.engine import Value` and `import torch` give their names a
 * module's tag; Value(x) and torch.tensor(x, requires_grad=True) make a leaf
 * that keeps a .grad (K_ATTR XI_ATTR_VALUE, XI_ATTR_TENSOR: tape/autograd.c),
 * their arithmetic is xi's own, .relu() .tanh() .exp() .log() .sigmoid() are
 * xi's functions, and what changes a .grad (x.backward(), x.grad = 0,
 * x.grad.zero_()), a .data (p.data -= lr * p.grad) or the rules of an update
 * (with torch.no_grad():) is a statement of its own, S_AUTOGRAD, which the
 * session runs (cmd/pytorch.c).  What either library has and xi does not
 * (micrograd.nn, torch.nn, torch.optim, torch's random numbers) is refused
 * with what to write instead. */
#include <string.h>

#include "syntax/parse_int.h"

static int is(const char *s, size_t n, const char *w) {
  return strlen(w) == n && memcmp(s, w, n) == 0;
}

/* the session's Python code has imported torch (or micrograd): a symbol no
   name can spell marks it */
static void mark_used(xiP_parser *p, const char *which, xi_pos pos) {
  xiP_intern(p, which, strlen(which), pos);
}
static int used(xiP_parser *p, const char *which) {
  return xiS_find(p->sym, which, strlen(which)) != XI_NONE;
}
#define USED_TORCH " torch"
#define USED_MICROGRAD " micrograd"

#define BY_HAND                                                                              \
  "xi has torch's tensors and autograd, and the layers and steps written by hand: W = "      \
  "torch.tensor(..., requires_grad=True), h = X @ W + b, loss.backward(), and W -= lr * "    \
  "W.grad inside with torch.no_grad():"
#define NEURON                                                                               \
  "xi has micrograd's Value (from micrograd.engine import Value); write a neuron with "      \
  "Values: w = [Value(0.5), Value(-0.3)]; b = Value(0.1); out = (w[0]*x[0] + w[1]*x[1] + "   \
  "b).tanh()"

uint16_t xiP_torch_import(xiP_parser *p, const char *module, size_t len, xiL_token name,
                          int from) {
  const char *n = p->lx.src + name.off;
  int torch = is(module, len, "torch"), sub_torch = len > 6 && !memcmp(module, "torch.", 6);
  int micro = is(module, len, "micrograd") || (len > 10 && !memcmp(module, "micrograd.", 10));
  if (!from) {
    if (torch) {
      mark_used(p, USED_TORCH, name.pos);
      return TAG_MODULE + MOD_TORCH;
    }
    if (sub_torch)
      xiP_fail(p, name.pos, "%.*s is not part of xi: " BY_HAND, (int)len, module);
    if (micro)
      xiP_fail(p, name.pos, "import %.*s: write from micrograd.engine import Value (xi has "
                            "micrograd's Value, not its nn)", (int)len, module);
    return 0;
  }
  if (is(module, len, "micrograd.engine") && is(n, name.len, "Value")) {
    mark_used(p, USED_MICROGRAD, name.pos);
    return TAG_MODULE + MOD_VALUE;
  }
  if (micro && (is(module, len, "micrograd.nn") || is(n, name.len, "nn")))
    xiP_fail(p, name.pos, "micrograd.nn (Neuron, Layer, MLP) is made of Python classes, "
                          "which xi does not run: " NEURON);
  if (micro)
    xiP_fail(p, name.pos, "from %.*s import %.*s: xi has micrograd's Value only (from "
                          "micrograd.engine import Value)", (int)len, module, (int)name.len, n);
  if (torch || sub_torch)
    xiP_fail(p, name.pos, "from %.*s import %.*s is not part of xi: import torch, and "
                          "write torch.tensor(...); %s", (int)len, module, (int)name.len, n,
             BY_HAND);
  return 0;
}

/* ---- torch.f(...), Value(x) ---- */

static void attr(xiP_parser *p, xiP_code *c, int which, int spare, xi_pos pos) {
  xiP_ins ins = {K_ATTR, (uint8_t)which, (uint8_t)spare, 0, 0, pos};
  xiP_emit(p, c, ins);
}

/* xi's op of that name (relu, tanh, sum ...), applied to argc values; spare: the
   K_OP's (XI_OPF_VALUE) */
static void op_named(xiP_parser *p, xiP_code *c, const char *fn, int argc, int spare,
                     xi_pos pos) {
  uint32_t id = xiP_intern(p, fn, strlen(fn), pos);
  uint16_t t = xiS_tag(p->sym, id) & ~TAG_SHADOWED & ~TAG_NAMED;
  if (TAG_KIND(t) != TAG_OP)
    xiP_fail(p, pos, "%s is not available in this build of xi", fn);
  xiP_ins ins = {K_OP, (uint8_t)TAG_ARG(t), (uint8_t)spare, (uint16_t)argc, 0, pos};
  xiP_emit(p, c, ins);
}

/* (e) after a function's name: one value, no keywords */
static void one_arg(xiP_parser *p, xiP_code *c, const char *usage, xi_pos pos) {
  xiP_expect(p, T_LP, "'(' after the function's name");
  if (xiP_is(p, T_RP))
    xiP_fail(p, pos, "%s takes one value", usage);
  p->depth = 0;
  xiP_expr(p, c);
  if (xiP_is(p, T_COMMA))
    xiP_fail(p, xiP_peek(p)->pos, "%s: xi takes one value here (no dim=, no out=: %s)", usage,
             usage);
  xiP_expect(p, T_RP, "')'");
}

/* dtype=torch.float64 (float, double, float32): its XI_TT_* */
static int dtype_word(xiP_parser *p) {
  xiL_token m = xiP_expect(p, T_NAME, "a dtype: torch.float64");
  uint16_t tag = xiP_tag_of(p, &m);
  if (tag != TAG_MODULE + MOD_TORCH || !xiP_is(p, T_DOT))
    xiP_fail(p, m.pos, "dtype= takes torch's dtype here: dtype=torch.float64");
  xiP_take(p);
  xiL_token w = xiP_expect(p, T_NAME, "a dtype after torch.: float64");
  const char *s = p->lx.src + w.off;
  if (is(s, w.len, "float64") || is(s, w.len, "double"))
    return XI_TT_F64;
  if (is(s, w.len, "float32") || is(s, w.len, "float"))
    return XI_TT_F32;
  xiP_fail(p, w.pos, "torch.%.*s: xi's tensors are torch.float64 (or float32, with a note)",
           (int)w.len, s);
}

/* the keyword argument k= (its name and '=' taken) of torch.fn: its XI_TT_* */
static int keyword_arg(xiP_parser *p, xiL_token k, const char *fn) {
  const char *s = p->lx.src + k.off;
  if (is(s, k.len, "requires_grad")) {
    xiL_token v = xiP_take(p);
    int kw = v.type == T_NAME ? xiP_keyword(xiP_tag_of(p, &v)) : -1;
    if (kw != KW_TRUE && kw != KW_FALSE)
      xiP_fail(p, v.pos, "requires_grad= takes True or False");
    return kw == KW_TRUE ? XI_TT_GRAD : 0;
  }
  if (is(s, k.len, "dtype"))
    return dtype_word(p);
  xiP_fail(p, k.pos, "torch.%s's %.*s= is not part of xi (it takes requires_grad= and "
                     "dtype=)", fn, (int)k.len, s);
}

/* torch.fn's arguments after '(': values (into c), then keyword arguments,
   through ')'; returns the XI_TT_* flags and the count of values in *n */
static int arguments(xiP_parser *p, xiP_code *c, const char *fn, int array, uint16_t *n) {
  int flags = 0, keywords = 0;
  *n = 0;
  while (!xiP_is(p, T_RP)) {
    if (xiP_is(p, T_NAME)) {
      xiL_token k = xiP_take(p);
      if (xiP_is(p, T_ASSIGN)) {
        xiP_take(p);
        flags |= keyword_arg(p, k, fn);
        keywords = 1;
        goto next;
      }
      xiP_put_back(p, &k);
    }
    if (keywords)
      xiP_fail(p, xiP_peek(p)->pos, "a value after a keyword argument (as Python refuses)");
    p->array_lit = array && xiP_is(p, T_LBRACK) && (!p->python || xiP_plain_literal(p));
    /* brackets make an array, as np.array's */
    p->depth = 0;
    xiP_expr(p, c);
    p->array_lit = 0;
    ++*n;
  next:
    if (!xiP_is(p, T_COMMA))
      break;
    xiP_take(p);
  }
  xiP_expect(p, T_RP, "')'");
  return flags;
}

/* torch.tensor(values, requires_grad=..., dtype=...) */
static void tensor(xiP_parser *p, xiP_code *c, xi_pos pos) {
  xiP_expect(p, T_LP, "'(' after torch.tensor");
  uint32_t start = c->n;
  xiL_type first = xiP_peek(p)->type; /* [ or a number: written out, not np.array(...) */
  uint16_t n;
  int flags = arguments(p, c, "tensor", 1, &n);
  if (n != 1)
    xiP_fail(p, pos, "torch.tensor takes one value: torch.tensor([[1.0, 2.0]], "
                     "requires_grad=True)");
  int literal = first == T_LBRACK || first == T_NUM || first == T_MINUS;
  for (uint32_t k = start; k < c->n; k++) /* numbers written out: Python's floats, which
                                             PyTorch makes float32 */
    literal &= c->ins[k].kind == K_NUM || c->ins[k].kind == K_LIST;
  attr(p, c, XI_ATTR_TENSOR, flags | (literal ? XI_TT_LITERAL : 0), pos);
}

/* torch.zeros(2, 1, requires_grad=True), torch.ones(...) */
static void maker(xiP_parser *p, xiP_code *c, const char *fn, xi_pos pos) {
  xiP_expect(p, T_LP, "'(' after the function's name");
  uint16_t n;
  int flags = arguments(p, c, fn, 0, &n) | XI_TT_LITERAL; /* float32, as PyTorch's */
  if (n == 0 || n > 2)
    xiP_fail(p, pos, "torch.%s takes a shape: torch.%s(3), torch.%s(2, 3)", fn, fn, fn);
  uint32_t id = xiP_intern(p, fn, strlen(fn), pos);
  uint16_t t = xiS_tag(p->sym, id) & ~TAG_SHADOWED & ~TAG_NAMED;
  xiP_ins make = {K_MAKE, (uint8_t)TAG_ARG(t), 0, n, 0, pos};
  xiP_emit(p, c, make);
  attr(p, c, XI_ATTR_TENSOR, flags, pos);
}

#define RNG_MSG                                                                              \
  "torch.%.*s draws from PyTorch's own generator, which is not NumPy's: xi cannot give its "   \
  "numbers. Write them out, torch.tensor([[0.1, -0.2], ...]), or draw them with NumPy "      \
  "(bit for bit NumPy's): torch.tensor(np.random.randn(3, 2), requires_grad=True)"

void xiP_torch(xiP_parser *p, xiP_code *c, xiL_token name, int module) {
  if (module == MOD_VALUE) { /* Value(x) */
    if (!xiP_is(p, T_LP))
      xiP_fail(p, name.pos, "Value is micrograd's: call it as Value(2.0)");
    xiP_take(p);
    p->depth = 0;
    xiP_expr(p, c);
    if (xiP_is(p, T_COMMA))
      xiP_fail(p, xiP_peek(p)->pos, "Value(x): xi's Value takes the number only (its "
                                    "_children and _op are micrograd's own bookkeeping)");
    xiP_expect(p, T_RP, "')' after Value's number");
    attr(p, c, XI_ATTR_VALUE, 0, name.pos);
    return;
  }
  const char *alias = xiS_name(p->sym, xiP_name_id(p, &name));
  if (!xiP_is(p, T_DOT))
    xiP_fail(p, name.pos, "%s is the module torch: write %s.tensor(...), %s.sigmoid(x) ...",
             alias, alias, alias);
  xiP_take(p);
  xiL_token f = xiP_expect(p, T_NAME, "a name after torch.");
  const char *s = p->lx.src + f.off;
  size_t n = f.len;
  static const char *const unary[] = {"sigmoid", "tanh", "exp", "log", "relu", "sqrt",
                                      "abs", "sum", "mean", NULL};
  for (int k = 0; unary[k]; k++)
    if (is(s, n, unary[k])) {
      one_arg(p, c, unary[k], f.pos);
      op_named(p, c, unary[k], 1, 0, f.pos);
      return;
    }
  if (is(s, n, "tensor")) {
    tensor(p, c, f.pos);
  } else if (is(s, n, "zeros") || is(s, n, "ones")) {
    maker(p, c, is(s, n, "zeros") ? "zeros" : "ones", f.pos);
  } else if (is(s, n, "matmul") || is(s, n, "mm")) {
    xiP_expect(p, T_LP, "'(' after torch.matmul");
    p->depth = 0;
    xiP_expr(p, c);
    xiP_expect(p, T_COMMA, "',': torch.matmul(a, b)");
    p->depth = 0;
    xiP_expr(p, c);
    xiP_expect(p, T_RP, "')'");
    xiP_ins ins = {K_OP, XI_MATMUL, 0, 2, 0, f.pos};
    xiP_emit(p, c, ins);
  } else if (is(s, n, "float64") || is(s, n, "float32") || is(s, n, "double") ||
             is(s, n, "float")) {
    xiP_fail(p, f.pos, "torch.%.*s is a dtype: write it as dtype=torch.%.*s in "
                       "torch.tensor(...)", (int)n, s, (int)n, s);
  } else if (is(s, n, "no_grad") || is(s, n, "enable_grad")) {
    xiP_fail(p, f.pos, "torch.%.*s() is a with block in xi: with torch.no_grad(): and the "
                       "update steps under it", (int)n, s);
  } else if (is(s, n, "randn") || is(s, n, "rand") || is(s, n, "randint") ||
             is(s, n, "manual_seed") || is(s, n, "normal") || is(s, n, "randperm")) {
    xiP_fail(p, f.pos, RNG_MSG, (int)n, s);
  } else if (is(s, n, "nn") || is(s, n, "optim") || is(s, n, "autograd")) {
    xiP_fail(p, f.pos, "torch.%.*s is not part of xi: " BY_HAND, (int)n, s);
  } else {
    xiP_fail(p, f.pos, "torch.%.*s is not part of xi (it has torch.tensor, zeros, ones, "
                       "sigmoid, tanh, exp, log, relu, sqrt, abs, sum, mean, matmul, and "
                       "with torch.no_grad():; help python)", (int)n, s);
  }
}

/* ---- after a value's '.' ---- */

static void empty_call(xiP_parser *p, xiL_token t) {
  if (!xiP_is(p, T_LP))
    xiP_fail(p, t.pos, ".%.*s is a method: call it as .%.*s()", (int)t.len,
             p->lx.src + t.off, (int)t.len, p->lx.src + t.off);
  xiP_take(p);
  xiP_expect(p, T_RP, "')': this method takes no arguments in xi");
}

int xiP_torch_method(xiP_parser *p, xiP_code *c, xiL_token t, xiL_token dot) {
  const char *s = p->lx.src + t.off;
  size_t n = t.len;
  int theirs = used(p, USED_TORCH) || used(p, USED_MICROGRAD);
  if (used(p, USED_TORCH) && is(s, n, "requires_grad")) {
    attr(p, c, XI_ATTR_REQUIRES, 0, t.pos);
    return 1;
  }
  if (theirs && (is(s, n, "grad") || is(s, n, "data"))) { /* (without torch or micrograd:
                                                             a class's own, Value.data) */
    attr(p, c, is(s, n, "grad") ? XI_ATTR_GRAD : XI_ATTR_DATA, 0, t.pos);
    return 1;
  }
  if (used(p, USED_TORCH) && is(s, n, "item")) { /* a Python float: no history */
    empty_call(p, t);
    attr(p, c, XI_ATTR_ITEM, 0, t.pos);
    attr(p, c, XI_ATTR_DATA, XI_DATA_PLAIN, t.pos);
    return 1;
  }
  if (theirs && (is(s, n, "detach") || is(s, n, "numpy"))) { /* a tensor; a NumPy array */
    empty_call(p, t);
    attr(p, c, XI_ATTR_DATA, is(s, n, "numpy") ? XI_DATA_PLAIN : 0, t.pos);
    return 1;
  }
  if (is(s, n, "zero_")) {
    empty_call(p, t);
    attr(p, c, XI_ATTR_ZERO, 0, t.pos);
    return 1;
  }
  if (is(s, n, "backward")) {
    xiP_expect(p, T_LP, "'(': call it as loss.backward()");
    int retain = 0;
    if (!xiP_is(p, T_RP)) {
      xiL_token k = xiP_expect(p, T_NAME, "retain_graph=True, or ')'");
      xiP_expect(p, T_ASSIGN, "'=' after retain_graph");
      xiL_token v = xiP_take(p);
      if (!is(p->lx.src + k.off, k.len, "retain_graph") || v.type != T_NAME ||
          xiP_keyword(xiP_tag_of(p, &v)) != KW_TRUE)
        xiP_fail(p, k.pos, "backward() takes retain_graph=True here, nothing else (a "
                           "non-scalar's gradient= is not part of xi)");
      retain = 1;
    }
    xiP_expect(p, T_RP, "')'");
    attr(p, c, XI_ATTR_BACKWARD, retain, t.pos);
    return 1;
  }
  /* micrograd's engine.py computes a Value's tanh() and exp() by math.exp in Python's
     floats (the lecture's tanh: (math.exp(2*x) - 1)/(math.exp(2*x) + 1)): XI_OPF_VALUE
     has them computed so (tape/operands.c); PyTorch's are its own, and with both
     imported a .tanh() could be either: xi's then */
  int value = used(p, USED_MICROGRAD) && !used(p, USED_TORCH);
  static const char *const fns[] = {"relu", "tanh", "exp", "log", "sigmoid", NULL};
  for (int k = 0; theirs && fns[k]; k++)
    if (is(s, n, fns[k])) {
      empty_call(p, t);
      op_named(p, c, fns[k], 1, value && (k == 1 || k == 2) ? XI_OPF_VALUE : 0, dot.pos);
      return 1;
    }
  return 0;
}

/* x.NAME on a value that may be PyTorch's tensor (torch imported), where
   PyTorch's method of that name is not NumPy's: a guard (XI_ATTR_TORCHM) that
   lets a NumPy array through and refuses a tensor (tape/torchm.c).  given: the
   call has arguments (x.max(1): the namedtuple; x.max(): one value, NumPy's) */
void xiP_torch_guard(xiP_parser *p, xiP_code *c, xiL_token t, int given) {
  static const struct {
    const char *name;
    uint8_t which, when; /* when: 0 always, 1 with arguments, 2 without */
  } guards[] = {{"max", XI_TM_MAX, 1},       {"min", XI_TM_MIN, 1},
                {"std", XI_TM_STD, 0},       {"var", XI_TM_VAR, 0},
                {"round", XI_TM_ROUND, 1},   {"repeat", XI_TM_REPEAT, 0},
                {"argsort", XI_TM_ARGSORT, 0}, {"tolist", XI_TM_TOLIST, 0},
                {"copy", XI_TM_COPY, 0},     {"astype", XI_TM_ASTYPE, 0},
                {"transpose", XI_TM_TRANSPOSE, 0}, {"cumsum", XI_TM_CUMSUM, 2},
                {"cumprod", XI_TM_CUMPROD, 2}, {"size", XI_TM_SIZE, 0},
                {"dtype", XI_TM_DTYPE, 0}};
  if (!used(p, USED_TORCH))
    return;
  for (size_t k = 0; k < sizeof guards / sizeof *guards; k++)
    if (is(p->lx.src + t.off, t.len, guards[k].name)) {
      if (guards[k].when == 0 || (guards[k].when == 1) == (given != 0))
        attr(p, c, XI_ATTR_TORCHM, guards[k].which, t.pos);
      return;
    }
}

/* ---- statements ---- */

int xiP_torch_stmt(xiP_parser *p, xiP_stmt *st) {
  xiP_code *c = &st->code;
  if (!c->n || c->ins[c->n - 1].kind != K_ATTR || c->ins[c->n - 1].op < XI_ATTR_GRAD)
    return 0;
  xiP_ins last = c->ins[c->n - 1];
  xiL_type next = xiP_peek(p)->type;
  switch (last.op) {
  case XI_ATTR_BACKWARD:
    st->cmd = XI_AG_BACKWARD;
    st->has_number = last.spare;
    c->n--;
    break;
  case XI_ATTR_ZERO:
    c->n--;
    while (c->n && c->ins[c->n - 1].kind == K_ATTR && c->ins[c->n - 1].op == XI_ATTR_DATA)
      c->n--; /* W.grad.data.zero_(), as older tutorials write it */
    if (!c->n || c->ins[c->n - 1].kind != K_ATTR || c->ins[c->n - 1].op != XI_ATTR_GRAD)
      xiP_fail(p, last.pos, "zero_() changes a tensor in place: xi has W.grad.zero_(); for "
                            "a tensor of zeros write torch.zeros(...)");
    c->n--;
    st->cmd = XI_AG_ZERO;
    break;
  case XI_ATTR_GRAD:
  case XI_ATTR_DATA: {
    if (!xiP_assignment(next))
      return 0; /* W.grad, p.data: an expression */
    xiL_token op = xiP_take(p);
    if (last.op == XI_ATTR_GRAD && op.type != T_ASSIGN)
      xiP_fail(p, op.pos, "x.grad %s e: xi sets a .grad (x.grad = 0, x.grad = None) or "
                          "zeroes it (x.grad.zero_()); backward() adds to it",
               xiL_describe(op.type));
    c->n--;
    st->cmd = last.op == XI_ATTR_GRAD ? XI_AG_GRADSET : XI_AG_DATA;
    st->assign = op.type;
    xiP_item *it = xiP_new_item(p, st, I_VALUE, xiP_peek(p)->pos);
    xiL_token *v = xiP_peek(p);
    if (last.op == XI_ATTR_GRAD && v->type == T_NAME && xiP_keyword(xiP_tag_of(p, v)) == KW_NONE)
      xiP_take(p); /* x.grad = None: the code stays empty */
    else {
      p->depth = 0;
      xiP_expr(p, &it->code);
    }
    break;
  }
  default:
    return 0;
  }
  if (!xiP_at_end(p))
    xiP_unexpected(p, "the end of the statement");
  st->kind = S_AUTOGRAD;
  st->target_pos = last.pos;
  return 1;
}

void xiP_with_stmt(xiP_parser *p, xiP_stmt *st, xiL_token head) {
  xiL_token m = xiP_take(p);
  int ok = m.type == T_NAME && xiP_tag_of(p, &m) == TAG_MODULE + MOD_TORCH && xiP_is(p, T_DOT);
  if (ok) {
    xiP_take(p);
    xiL_token f = xiP_take(p);
    ok = f.type == T_NAME && is(p->lx.src + f.off, f.len, "no_grad") && xiP_is(p, T_LP);
  }
  if (ok) {
    xiP_take(p);
    ok = xiP_is(p, T_RP);
  }
  if (!ok)
    xiP_fail(p, head.pos, "with is part of xi as with torch.no_grad(): only (files and "
                          "Python's other context managers are not)");
  xiP_take(p);
  xiP_expect(p, T_COLON, "':' after with torch.no_grad()");
  st->kind = S_AUTOGRAD;
  st->cmd = XI_AG_NO_GRAD;
  size_t off, end;
  xiP_enter(p, head.pos);
  xiP_block(p, head.pos.col, head, &off, &end, &st->body_pos);
  st->body_off = off, st->body_len = end - off;
  xiP_check_block(p, off, end, st->body_pos, 0);
  p->blocks--;
}
