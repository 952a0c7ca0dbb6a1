/* expr.c: expressions, by recursive descent, as postfix code (the grammar is
 * in parse.c's opening comment): the operands, from a primary (a number, a
 * name, a call, a bracket) through its postfixes to -x and x ** y; the binary
 * operators' levels above them are binop.c's. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "syntax/parse.h"
#include "syntax/parse_int.h"

static void unary(xiP_parser *p, xiP_code *c);
static void call(xiP_parser *p, xiP_code *c, xiL_token name);
static void list(xiP_parser *p, xiP_code *c);

void xiP_nest(xiP_parser *p, xi_pos pos) {
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
  xiP_nest(p, t.pos);
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
  if (xiP_is(p, T_POW) || (xiP_is(p, T_CARET) && !p->python)) { /* (Python's ^: binop.c) */
    xiL_token op = xiP_take(p);
    xiP_nest(p, op.pos); /* 2^2^2^... recurses once per ^ */
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
  if (xiP_is(p, T_MINUS) || xiP_is(p, T_PLUS) || xiP_is(p, T_TILDE)) {
    xiL_token op = xiP_take(p);
    xiP_nest(p, op.pos);
    uint32_t mark = c->n;
    unary(p, c);
    p->depth--;
    if (op.type == T_PLUS)
      return;
    if (op.type == T_TILDE) { /* ~x: its bits flipped (NumPy's bools: not) */
      xiP_emit_op(p, c, XI_INVERT, op.pos);
      return;
    }
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
