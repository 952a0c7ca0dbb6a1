/* expr.c: expressions, by recursive descent, as postfix code (the grammar is
 * in parse.c's opening comment). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "syntax/parse.h"
#include "syntax/parse_int.h"

static void unary(xiP_parser *p, xiP_code *c);
static void disjunction(xiP_parser *p, xiP_code *c);
static void call(xiP_parser *p, xiP_code *c, xiL_token name);
static void list(xiP_parser *p, xiP_code *c);

static void nest(xiP_parser *p, xi_pos pos) {
  if (++p->depth > XI_MAX_NESTING)
    xiP_fail(p, pos, "expression nested too deeply (more than %d levels)", XI_MAX_NESTING);
}


/* jvp's place in parse.c's derivs[], which are in tape/graph.h's XI_D_* order */
#define JVP 3

/* grad(E, v), hessian(E, v), jacobian(E, v), jvp(E, v, dv): v must be a name */
static void derivative(xiP_parser *p, xiP_code *c, xiL_token name, int kind) {
  xiP_expr(p, c);
  xiP_expect(p, T_COMMA,
             kind == JVP ? "',' and the name to differentiate by, as in jvp(L, W, dW)"
             : kind      ? "',' and the name to differentiate by, as in hessian(L, w)"
                         : "',' and the name to differentiate by, as in grad(L, W)");
  xiL_token v = *xiP_peek(p);
  uint32_t mark = c->n;
  xiP_expr(p, c);
  xiP_fold_attr(p, c, mark); /* grad(L, net.W1): the attribute's name */
  if (c->n != mark + 1 || c->ins[mark].kind != K_NAME)
    xiP_fail(p, v.pos, "%.*s(E, v%s): v must be a name, such as W or ξ3", (int)name.len,
             p->lx.src + name.off, kind == JVP ? ", dv" : "");
  xiP_ins d = c->ins[mark];
  d.kind = K_DERIV; /* at v's position: errors about v point there */
  d.op = (uint8_t)kind;
  if (kind == JVP) { /* the direction's code goes before the K_DERIV, which takes it */
    xiP_expect(p, T_COMMA, "',' and the direction, as in jvp(L, W, dW)");
    c->n = mark;
    xiP_expr(p, c);
    xiP_emit(p, c, d);
  } else {
    c->ins[mark] = d;
  }
  xiP_expect(p, T_RP, kind == JVP ? "')' after the three arguments" : "')' after the two arguments");
}

static void call(xiP_parser *p, xiP_code *c, xiL_token name) {
  const char *s = p->lx.src + name.off;
  uint32_t id = xiP_name_id(p, &name);
  uint16_t tag = xiP_word(p, &name, 1); /* TAG_NONE: the user's (a def, Python's name) */
  if (TAG_KIND(tag) == TAG_DERIV || (TAG_KIND(tag) == TAG_COMMAND && TAG_ARG(tag) == XI_CMD_GRAD)) {
    derivative(p, c, name, TAG_KIND(tag) == TAG_DERIV ? TAG_ARG(tag) : 0);
    return;
  }
  int own = 0; /* a parameter's or a local's value: def g(x): sum = f; sum(x) */
  for (uint32_t k = 0; k < p->nown + p->nlam; k++)
    own |= p->own[k] == id;
  if (p->python && !own && !(xiS_tag(p->sym, id) & TAG_SHADOWED) &&
      (xiP_word_is(p, &name, "sum") || xiP_word_is(p, &name, "max") ||
       xiP_word_is(p, &name, "min") || xiP_word_is(p, &name, "set"))) {
    /* Python's own, on anything it walks (set: also xi's command, at a statement's start) */
    xiP_py_builtin(p, c, name);
    return;
  }
  xiP_callargs a;
  xiP_call_args(p, c, &a, name);
  int argc = a.n;
  if (TAG_KIND(tag) == TAG_MAKER) {
    int eye = TAG_ARG(tag) == XI_MAKE_EYE, arange = TAG_ARG(tag) == XI_MAKE_ARANGE;
    if (a.nkw)
      xiP_fail(p, a.pos[argc - a.nkw], "%.*s takes no keyword arguments but dtype", (int)name.len, s);
    int random = TAG_ARG(tag) == XI_MAKE_RANDN || TAG_ARG(tag) == XI_MAKE_RAND;
    if (argc < !random || argc > (arange ? 3 : 2) || (eye && argc != 1))
      xiP_fail(p, name.pos, "%.*s takes %s", (int)name.len, s,
               eye      ? "one size: eye(n)"
               : arange ? "1 to 3 numbers: stop, start and stop, or start, stop and step"
                        : "at most two sizes, or a shape: zeros(3), zeros(2, 3), zeros((2, 3))");
    xiP_ins ins = {K_MAKE, (uint8_t)TAG_ARG(tag), 0, (uint16_t)argc, 0, name.pos};
    xiP_emit(p, c, ins);
    xiP_emit_dtype(p, c, a.dtype, name.pos);
    return;
  }
  if (TAG_KIND(tag) == TAG_OP && (a.nkw || a.dtype >= 0)) {
    xiP_emit_call_op(p, c, TAG_ARG(tag), &a, name);
    return;
  }
  if (TAG_KIND(tag) == TAG_OP) {
    int op0 = tag - TAG_OP;
    const xiO_row *first = &xiO_table[op0];
    int op = argc == first->arity && first->params <= 0 ? op0 /* the usual case */
                                                        : xiO_lookup_args(s, name.len, argc);
    if (op < 0) {
      int lo = first->arity + xiO_params_lo(first), hi = first->arity + xiO_params_hi(first);
      if (lo == hi)
        xiP_fail(p, name.pos, "%.*s takes %d argument%s, not %d", (int)name.len, s, lo,
             lo == 1 ? "" : "s", argc);
      if (hi == lo + 1)
        xiP_fail(p, name.pos, "%.*s takes %d or %d arguments, not %d", (int)name.len, s, lo, hi,
                 argc);
      xiP_fail(p, name.pos, "%.*s takes %d to %d arguments, not %d", (int)name.len, s, lo, hi,
               argc);
    }
    uint8_t spare = XI_OPF_NP | (p->python && op == XI_ROUND ? XI_OPF_PYROUND : 0);
    xiP_ins ins = {K_OP, (uint8_t)op, spare, (uint16_t)argc, 0, name.pos};
    xiP_emit(p, c, ins);
    if (p->python && op == XI_ROUND && argc == 1) { /* Python's round(x): an int */
      xiP_ins to_int = {K_ATTR, XI_ATTR_ROUNDINT, 0, 0, 0, name.pos};
      xiP_emit(p, c, to_int);
    }
    return;
  }
  if (a.dtype >= 0)
    xiP_fail(p, name.pos, "dtype= is NumPy's: a function of your own takes its parameters");
  if (argc > XI_KW_ARGS && a.nkw)
    xiP_fail(p, name.pos, "keyword arguments come among the first %d", XI_KW_ARGS);
  for (int k = argc - a.nkw; k < argc; k++) { /* f(x, lr=0.5): the names, for the call */
    for (int j = argc - a.nkw; j < k; j++)
      if (a.kw[j] == a.kw[k])
        xiP_fail(p, a.pos[k], "keyword argument repeated: %s", xiS_name(p->sym, a.kw[k]));
    xiP_ins kw = {K_CALLKW, 0, 0, 0, a.kw[k], a.pos[k]};
    xiP_emit(p, c, kw);
  }
  xiP_ins ins = {K_CALL, (uint8_t)a.nkw, 0, (uint16_t)argc, id, name.pos};
  xiP_emit(p, c, ins);
}


/* True, False, None, not ...: a Python keyword where an expression starts */
static void keyword(xiP_parser *p, xiP_code *c, xiL_token t, int kw) {
  const char *s = p->lx.src + t.off;
  switch (kw) {
  case KW_TRUE:
  case KW_FALSE: {
    xiP_ins ins = {K_NUM, 0, 0, 0, xiP_name_id(p, &t), t.pos}; /* read as 1 and 0, dtype bool */
    xiP_emit(p, c, ins);
    return;
  }
  case KW_NONE: { /* only clip(x, None, 5) takes it; elsewhere the tape says so */
    xiP_ins ins = {K_NAME, 0, 0, 0, xiP_name_id(p, &t), t.pos};
    xiP_emit(p, c, ins);
    return;
  }
  case KW_LAMBDA:
    if (!p->python)
      xiP_fail(p, t.pos, "lambda is part of xi's language as a function's value only: f = "
                         "lambda x: x ** 2 (in Python's code, a .py file or after import, a "
                         "lambda is a value anywhere)");
    xiP_lambda_expr(p, c, t); /* (pyfunc.c) */
    return;
  case KW_PRINT:
    xiP_fail(p, t.pos, "print(...) is a statement of its own in xi");
  default:
    xiP_fail(p, t.pos, "'%.*s' is a word of Python's that cannot start an expression",
             (int)t.len, s);
  }
}

/* an expression that starts with a name: a value, a call, np.f(...) ... */
static void name(xiP_parser *p, xiP_code *c, xiL_token t) {
  const char *s = p->lx.src + t.off;
  uint32_t id = xiP_name_id(p, &t);
  if (p->python && !xiP_is(p, T_ASSIGN) && xiP_math_word(p, &t)) { /* from math import log:
                                           log(0) is math.log(0); f(log=3): a keyword's */
    xiP_module(p, c, t, MOD_MATHFN);
    return;
  }
  uint16_t tag = xiP_word(p, &t, xiP_is(p, T_LP)); /* TAG_NONE: a name here */
  if ((TAG_KIND(tag) == TAG_MODULE || TAG_KIND(tag) == TAG_FOREIGN) && xiP_module_is_none(p, c, t))
    return; /* if torch is not None: after try: import torch (a module is not None) */
  switch (TAG_KIND(tag)) {
  case TAG_MODULE:
    if (TAG_ARG(tag) == MOD_TORCH || TAG_ARG(tag) == MOD_VALUE)
      xiP_torch(p, c, t, TAG_ARG(tag)); /* torch.tensor(...), Value(x) */
    else
      xiP_module(p, c, t, TAG_ARG(tag));
    return;
  case TAG_FOREIGN: {
    uint32_t m = xiS_linked(p->sym, id);
    const char *mod = m == XI_NONE ? "imported" : xiS_name(p->sym, m);
    if (strncmp(mod, "matplotlib", 10) == 0 || strncmp(mod, "seaborn", 7) == 0)
      xiP_fail(p, t.pos, "%.*s is the module %s: xi draws no plots, so a value of its (a "
                         "figure, an axis) cannot be used; a statement that only calls it, "
                         "%.*s.plot(...), is skipped", (int)t.len, s, mod, (int)t.len, s);
    xiP_fail(p, t.pos, "%.*s is the module %s, which xi does not have (only numpy's "
                       "functions are: np.exp, np.sum ...)", (int)t.len, s, mod);
  }
  case TAG_KEYWORD:
    keyword(p, c, t, TAG_ARG(tag));
    return;
  case TAG_BUILTIN:
    xiP_builtin(p, c, t, TAG_ARG(tag));
    return;
  }
  if (xiP_is(p, T_LP)) {
    xiP_take(p);
    call(p, c, t);
    return;
  }
  if (TAG_KIND(tag) == TAG_DERIV || TAG_KIND(tag) == TAG_MAKER || TAG_KIND(tag) == TAG_OP ||
      (TAG_KIND(tag) == TAG_COMMAND && TAG_ARG(tag) == XI_CMD_GRAD))
    xiP_fail(p, t.pos, "%.*s is a function: call it as %.*s(...)", (int)t.len, s, (int)t.len, s);
  if (TAG_KIND(tag) == TAG_COMMAND)
    xiP_fail(p, t.pos, "%.*s is a command: write it at the start of a statement (in Python's "
                       "code, a .py file or after import, it can be a name)", (int)t.len, s);
  xiP_ins ins = {K_NAME, 0, 0, 0, id, t.pos};
  xiP_emit(p, c, ins);
}

static void primary(xiP_parser *p, xiP_code *c) {

  xiL_token t = *xiP_peek(p);
  const char *s = p->lx.src + t.off;
  nest(p, t.pos);
  if (t.type == T_NUM) {
    xiP_take(p);
    xiP_ins ins = {K_NUM, 0, 0, 0, xiP_intern(p, s, t.len, t.pos), t.pos};
    xiP_emit(p, c, ins);
  } else if (t.type == T_LP) { /* (e), or a tuple: (a, b), (a,), () */
    xiL_token open = xiP_take(p);
    uint32_t n = 0, begin = c->n;
    int tuple = 0, gen = p->gen_arg && p->gen_start == begin ? p->gen_arg : 0;
    p->gen_arg = 0;
    while (!xiP_is(p, T_RP)) {
      xiP_expr(p, c);
      n++;
      if (gen && n == 1 && xiP_keyword(xiP_tag_of(p, xiP_peek(p))) == KW_FOR) {
        xiP_py_generator(p, c, begin, open.pos, gen - 1); /* sum((e for x in xs), b) */
        break;
      }
      if (!xiP_is(p, T_COMMA))
        break;
      xiP_take(p);
      tuple = 1;
      if (n >= 1000)
        xiP_fail(p, open.pos, "a tuple of more than 1000 items");
    }
    xiP_expect(p, T_RP, n ? "',' or ')'" : "an expression");
    if (tuple || n == 0) {
      xiP_ins ins = {K_TUPLE, 0, 0, (uint16_t)n, 0, open.pos};
      xiP_emit(p, c, ins);
    }
  } else if (t.type == T_LBRACK) {
    list(p, c);
  } else if (t.type == T_NAME) {
    xiP_take(p);
    name(p, c, t);
  } else if (t.type == T_STRING && p->python) {
    xiP_py_string(p, c);
  } else if (t.type == T_STRING) {
    xiP_fail(p, t.pos, "text is for print(...) in xi's own language: print(\"...\", x) (in "
                       "Python's code, a .py file or after import, a string is a value)");
  } else if (t.type == T_LBRACE && p->python) {
    xiP_py_dict(p, c);
  } else if (t.type == T_LBRACE) {
    xiP_fail(p, t.pos, "dictionaries ({...}) are Python's: a .py file, or a session after "
                       "import, has them; in xi's own language use one name per value");
  } else {
    xiP_unexpected(p, "an expression");
  }
  p->depth--;
}

/* [a, b, ...]: in xi's language (and inside np.array(...)) a vector of
   numbers, or of vectors (a matrix), each any expression; in Python's code a
   list (pylist.c) */
static void list(xiP_parser *p, xiP_code *c) {
  if (p->python && !p->array_lit) {
    xiP_py_list(p, c);
    return;
  }
  xiL_token open = xiP_take(p);
  uint32_t n = 0;
  int saved = p->no_compare, lit = p->array_lit;
  p->no_compare = 0;
  if (xiP_is(p, T_RBRACK))
    xiP_fail(p, open.pos, lit ? "an empty array: xi has no empty arrays"
                              : "an empty list: lists (that grow with .append) are Python's: "
                                "a .py file, or a session after import, has them");
  do {
    if (xiP_is(p, T_RBRACK))
      break; /* [a, b,] */
    p->array_lit = lit && xiP_is(p, T_LBRACK); /* a row of np.array([[...]]) */
    xiP_expr(p, c);
    p->array_lit = lit;
    if (xiP_keyword(xiP_tag_of(p, xiP_peek(p))) == KW_FOR)
      xiP_fail(p, xiP_peek(p)->pos, "list comprehensions are Python's (a .py file, or after "
                                    "import); in xi an array operation does the same to every "
                                    "element (2 * x, np.exp(x))");
    if (++n > XI_MAX_ELEMENTS)
      xiP_fail(p, open.pos, "a list of more than %u elements", XI_MAX_ELEMENTS);
  } while (xiP_is(p, T_COMMA) && (xiP_take(p), 1));
  xiP_expect(p, T_RBRACK, "',' or ']' in the list");
  p->no_compare = saved;
  p->array_lit = 0; /* what follows np.array([...]) is not in it */
  xiP_ins ins = {K_LIST, 0, 0, 0, n, open.pos};
  xiP_emit(p, c, ins);
}

/* E[i, j], E[1:3, ::2], E[:, None], E.T after a primary; base: where the
   primary's code starts when it is a plain name (else XI_NONE), for x[i] = v.
   A list's slice xs[a:b] is the same K_INDEX (tape/exec.c tells them apart) */
static void postfix(xiP_parser *p, xiP_code *c, uint32_t base) {
  for (int first = 1;; first = 0) {
    if (xiP_is(p, T_LBRACK)) {
      xiL_token open = xiP_take(p);
      uint32_t end = c->n;
      xiP_subscript(p, c, open);
      p->index_base = first ? base : XI_NONE;
      p->index_at = c->n - 1;
      p->index_end = end;
    } else if (xiP_is(p, T_DOT)) {
      xiL_token dot = xiP_take(p);
      p->method_base = first && base != XI_NONE; /* xs.append(v): xs a plain name */
      xiP_method(p, c, dot); /* .T .shape .sum(axis=0) .reshape(...) ... */
    } else if (xiP_is(p, T_LP) && p->python) { /* acts['relu'](z): the value called */
      xiL_token open = xiP_take(p);
      xiP_call_value(p, c, open);
    } else {
      return;
    }
  }
}

static void power(xiP_parser *p, xiP_code *c) {
  uint32_t mark = c->n;
  primary(p, c);
  postfix(p, c, c->n == mark + 1 && c->ins[mark].kind == K_NAME ? mark : XI_NONE);

  while (xiP_is(p, T_SUP)) { /* x² is x^2 */
    xiL_token sup = xiP_take(p);
    char digits[16];
    snprintf(digits, sizeof digits, "%ld", xiL_superscript(p->lx.src + sup.off, sup.len));
    xiP_emit_num(p, c, digits, sup.pos);
    xiP_emit_op(p, c, XI_POW, sup.pos);
  }
  if (xiP_is(p, T_POW)) {
    xiL_token op = xiP_take(p);
    nest(p, op.pos); /* 2^2^2^... recurses once per ^ */
    unary(p, c);
    p->depth--;
    xiP_emit_op(p, c, XI_POW, op.pos);
  }
}

/* a literal's text (not pi, e, True or False): it can take a minus */
static int literal_text(xiP_parser *p, uint32_t arg) {
  if (arg >= p->sym->n)
    return 0;
  char c = xiS_name(p->sym, arg)[0];
  return (c >= '0' && c <= '9') || c == '.' || c == '-';
}

/* the literal with its sign flipped: "-4.0" for "4.0" and back */

static void negate_literal(xiP_parser *p, xiP_ins *in) {
  const char *t = xiS_name(p->sym, in->arg);
  if (t[0] == '-') {
    in->arg = xiP_intern(p, t + 1, strlen(t + 1), in->pos);
    return;
  }
  size_t n = strlen(t);
  char small[64], *buf = n + 2 <= sizeof small ? small : malloc(n + 2);
  if (!buf)
    xiP_fail(p, in->pos, "out of memory");
  buf[0] = '-';
  memcpy(buf + 1, t, n + 1);
  uint32_t id = xiS_intern(p->sym, buf, n + 1);
  if (buf != small)
    free(buf);
  if (id == XI_NONE)
    xiP_fail(p, in->pos, "out of memory");
  in->arg = id;
}

static void unary(xiP_parser *p, xiP_code *c) {
  if (xiP_is(p, T_MINUS) || xiP_is(p, T_PLUS)) {
    xiL_token op = xiP_take(p);
    nest(p, op.pos);
    uint32_t mark = c->n;
    unary(p, c);
    p->depth--;
    if (op.type == T_PLUS)
      return;
    if (c->n == mark + 1 && c->ins[mark].kind == K_NUM && literal_text(p, c->ins[mark].arg)) {
      negate_literal(p, &c->ins[mark]); /* -4.0 is one literal, not a negation node */
      c->ins[mark].pos = op.pos;
    } else {
      xiP_emit_op(p, c, XI_NEG, op.pos);
    }
    return;
  }
  power(p, c);
}

void xiP_operand(xiP_parser *p, xiP_code *c) {
  unary(p, c);
}

static void term(xiP_parser *p, xiP_code *c) {
  unary(p, c);
  for (;;) {
    int op;
    switch (xiP_peek(p)->type) {
    case T_STAR: op = XI_MUL; break;
    case T_SLASH: op = XI_DIV; break;
    case T_AT: op = XI_MATMUL; break;
    case T_PERCENT: op = XI_MOD; break;
    case T_DSLASH: op = XI_FLOORDIV; break;
    default: return;
    }
    xiL_token t = xiP_take(p);
    unary(p, c);
    xiP_emit_op(p, c, op, t.pos);
  }
}

void xiP_term(xiP_parser *p, xiP_code *c) {
  term(p, c);
}

static void arith(xiP_parser *p, xiP_code *c) {
  term(p, c);
  while (xiP_is(p, T_PLUS) || xiP_is(p, T_MINUS)) {
    xiL_token op = xiP_take(p);
    term(p, c);
    xiP_emit_op(p, c, op.type == T_PLUS ? XI_ADD : XI_SUB, op.pos);
  }
}

static int comparison(xiL_type t) {
  switch (t) {
  case T_GT: return XI_GT;
  case T_GE: return XI_GE;
  case T_LT: return XI_LT;
  case T_LE: return XI_LE;
  case T_EQEQ: return XI_EQ;
  case T_NE: return XI_NE;
  default: return -1;
  }
}

/* a Python word after an expression, where xi's expressions stop: a message
   that says what to write */
static void stray_keyword(xiP_parser *p) {
  xiL_token *t = xiP_peek(p);
  if (t->type != T_NAME)
    return;
  switch (xiP_keyword(xiP_tag_of(p, t))) {
  case KW_IN:
    if (p->no_compare == XI_NC_IN)
      return;
    /* fall through */
  case KW_IS:
    xiP_fail(p, t->pos, "'%.*s' is not part of xi's expressions", (int)t->len,
             p->lx.src + t->off);
  default:
    return;
  }
}

void xiP_expr_list(xiP_parser *p, xiP_code *c) {
  xi_pos at = xiP_peek(p)->pos;
  xiP_expr(p, c);
  if (!xiP_is(p, T_COMMA))
    return;
  uint32_t n = 1;
  while (xiP_is(p, T_COMMA)) {
    xiP_take(p);
    xiL_type t = xiP_peek(p)->type;
    if (t == T_NL || t == T_SEMI || t == T_EOF || t == T_ASSIGN)
      break; /* a, = ... and return a, */
    xiP_expr(p, c);
    if (++n > 1000)
      xiP_fail(p, at, "a tuple of more than 1000 items");
  }
  xiP_ins ins = {K_TUPLE, 0, 0, (uint16_t)n, 0, at};
  xiP_emit(p, c, ins);
}

/* dot L > FILE: a '>' outside brackets ends the expression (XI_NC_REDIRECT) */
static int redirect(xiP_parser *p) {
  return p->no_compare == XI_NC_REDIRECT && xiP_is(p, T_GT) && xiP_peek(p)->depth == 0;
}

/* another comparison follows the one just read (not check's == nor dot's >) */
static int chains(xiP_parser *p) {
  return comparison(xiP_peek(p)->type) >= 0 &&
         !(p->no_compare == XI_NC_CHECK && xiP_is(p, T_EQEQ)) && !redirect(p);
}

/* a < b < c in Python's code, a and b's code done, op the first comparison:
   as Python's, a < b and b < c with b computed once, and c only when a < b
   holds (whose truth, of an array of more than one element, is ambiguous, as
   NumPy says).  Each middle operand stays under its comparison's result:
     a b DUP ROT3 < DUP SKIPF(to END) DROP c DUP ROT3 < ... DROP z <= SKIP(2)
     END: SWAP DROP
   at END the stack is the middle operand and the false result, which stays */
static void chain(xiP_parser *p, xiP_code *c, int op, xi_pos at) {
  enum { MAXCHAIN = 64 };
  uint32_t skips[MAXCHAIN], n = 0;
  for (;;) {
    xiP_emit(p, c, (xiP_ins){K_DUP, 0, 0, 0, 0, at});
    xiP_emit(p, c, (xiP_ins){K_SWAP, XI_SWAP_ROT3, 0, 0, 0, at});
    xiP_emit_op(p, c, op, at);
    xiP_emit(p, c, (xiP_ins){K_DUP, 0, 0, 0, 0, at});
    skips[n++] = c->n;
    xiP_emit(p, c, (xiP_ins){K_SKIPF, 0, XI_SKIPF_CHAIN, 0, 0, at});
    xiP_emit(p, c, (xiP_ins){K_DROP, 0, 0, 0, 0, at});
    op = comparison(xiP_peek(p)->type);
    xiL_token t = xiP_take(p);
    at = t.pos;
    arith(p, c);
    if (!chains(p))
      break;
    if (n == MAXCHAIN)
      xiP_fail(p, xiP_peek(p)->pos, "a chain of more than %d comparisons", MAXCHAIN);
  }
  xiP_emit_op(p, c, op, at); /* the last: its result is the chain's */
  xiP_emit(p, c, (xiP_ins){K_SKIP, 0, 0, 0, 2, at});
  for (uint32_t k = 0; k < n; k++)
    c->ins[skips[k]].arg = c->n - skips[k] - 1;
  xiP_emit(p, c, (xiP_ins){K_SWAP, 0, 0, 0, 0, at});
  xiP_emit(p, c, (xiP_ins){K_DROP, 0, 0, 0, 0, at});
}

/* a comparison, or not and one: what a if c else b is made of */
static void test(xiP_parser *p, xiP_code *c) {
  const xiL_token *first = xiP_peek(p);
  if (first->type == T_NAME && first->len == 3 && memcmp(p->lx.src + first->off, "not", 3) == 0 &&
      xiP_keyword(xiP_tag_of(p, first)) == KW_NOT) { /* not x: x == 0, a truth value */
    xiL_token t = xiP_take(p);
    nest(p, t.pos);
    test(p, c);
    p->depth--;
    xiP_emit_num(p, c, "0", t.pos);
    xiP_ins eq = {K_OP, XI_EQ, XI_OPF_NOT, 0, 0, t.pos};
    xiP_emit(p, c, eq);
    return;
  }
  arith(p, c);
  xi_pos at;
  int in = xiP_membership(p, &at);
  if (in) { /* x in xs, k not in d: Python's containers' */
    arith(p, c);
    xiP_ins ins = {K_PY, in == 2 ? XI_PY_NOTIN : XI_PY_IN, 0, 2, 0, at};
    xiP_emit(p, c, ins);
    stray_keyword(p);
    return;
  }
  xiL_token *w = xiP_peek(p);
  if (p->python && w->type == T_NAME && xiP_keyword(xiP_tag_of(p, w)) == KW_IS) {
    xiL_token is = xiP_take(p); /* x is None, x is not None */
    int not = xiP_peek(p)->type == T_NAME && xiP_keyword(xiP_tag_of(p, xiP_peek(p))) == KW_NOT;
    if (not)
      xiP_take(p);
    arith(p, c);
    xiP_ins ins = {K_PY, not ? XI_PY_ISNOT : XI_PY_IS, 0, 2, 0, is.pos};
    xiP_emit(p, c, ins);
    stray_keyword(p);
    return;
  }
  int op = comparison(xiP_peek(p)->type);
  if (op < 0 || (p->no_compare == XI_NC_CHECK && op == XI_EQ) || redirect(p)) {
    stray_keyword(p);
    return;
  }
  xiL_token t = xiP_take(p);
  arith(p, c);
  if (chains(p)) {
    if (!p->python)
      xiP_fail(p, xiP_peek(p)->pos, "comparisons do not chain in xi: write (a < b) * (b < c)");
    chain(p, c, op, t.pos);
  } else {
    xiP_emit_op(p, c, op, t.pos);
  }
  stray_keyword(p);
}

/* c->ins[from, to) reversed in place (no allocation: a failure may longjmp) */
static void reverse(xiP_code *c, uint32_t from, uint32_t to) {
  while (to > from + 1) {
    xiP_ins t = c->ins[from];
    c->ins[from++] = c->ins[--to];
    c->ins[to] = t;
  }
}

/* a if c else b, a's code from start on, if next: as Python's, c is one
   number and only the branch it picks is computed (its nodes are the graph's):
   c, K_SKIPF past a, a, K_SKIP past b, b */
static void conditional(xiP_parser *p, xiP_code *c, uint32_t start) {
  xiL_token kw = xiP_take(p);
  nest(p, kw.pos);
  uint32_t na = c->n - start;
  disjunction(p, c); /* a c, turned to c a: three reversals */
  uint32_t nc = c->n - start - na;
  reverse(c, start, start + na);
  reverse(c, start + na, c->n);
  reverse(c, start, c->n);
  xiP_ins skipf = {K_SKIPF, 0, 0, 0, na + 1, kw.pos};
  xiP_emit(p, c, skipf); /* room, then a moved up one past it */
  memmove(c->ins + start + nc + 1, c->ins + start + nc, na * sizeof *c->ins);
  c->ins[start + nc] = skipf;
  xiL_token e = *xiP_peek(p);
  if (xiP_keyword(xiP_tag_of(p, &e)) != KW_ELSE)
    xiP_unexpected(p, "else, as in a if c else b");
  xiP_take(p);
  uint32_t skip = c->n;
  xiP_ins over = {K_SKIP, 0, 0, 0, 0, e.pos};
  xiP_emit(p, c, over);
  xiP_expr(p, c); /* b: a if c else b if d else f nests to the right, as Python's */
  c->ins[skip].arg = c->n - skip - 1;
  p->depth--;
}

/* a and b, a or b (kw, next), a's code done: as Python's, the value is a when
   its truth decides (a false for and, true for or), else b, which is then
   computed: a, K_DUP, K_SKIPF past b (op 1 for or: when true), K_DROP, b */
static void logical(xiP_parser *p, xiP_code *c, int kw, void (*operand)(xiP_parser *, xiP_code *)) {
  xiL_token t = xiP_take(p);
  nest(p, t.pos);
  xiP_ins dup = {K_DUP, 0, 0, 0, 0, t.pos};
  xiP_emit(p, c, dup);
  uint32_t skip = c->n;
  xiP_ins skipf = {K_SKIPF, kw == KW_OR, 0, 0, 0, t.pos};
  xiP_emit(p, c, skipf);
  xiP_ins drop = {K_DROP, 0, 0, 0, 0, t.pos};
  xiP_emit(p, c, drop);
  operand(p, c);
  c->ins[skip].arg = c->n - skip - 1;
  p->depth--;
}

static int next_is(xiP_parser *p, int kw) {
  xiL_token *t = xiP_peek(p);
  return t->type == T_NAME && xiP_keyword(xiP_tag_of(p, t)) == kw;
}

static void conjunction(xiP_parser *p, xiP_code *c) {
  test(p, c);
  while (next_is(p, KW_AND))
    logical(p, c, KW_AND, test);
}

static void disjunction(xiP_parser *p, xiP_code *c) {
  conjunction(p, c);
  while (next_is(p, KW_OR))
    logical(p, c, KW_OR, conjunction);
}

void xiP_expr(xiP_parser *p, xiP_code *c) {
  uint32_t start = c->n;
  disjunction(p, c);
  xiL_token *t = xiP_peek(p);
  if (t->type == T_NAME && xiP_keyword(xiP_tag_of(p, t)) == KW_IF && !p->comp)
    conditional(p, c, start); /* (in [e for x in xs if c], the if is the comprehension's) */
}
