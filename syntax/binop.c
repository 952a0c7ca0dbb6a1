/* binop.c: the binary operators' levels of an expression, by recursive
 * descent over expr.c's operands (xiP_operand: -x, ~x, x ** y, f(x).T ...),
 * from the tightest: * / // % @, then + -, << >>, &, ^ (Python's code's), |,
 * the comparisons (chained as Python's), not, and, or, and a if c else b.  Moved out of expr.c, which held both and
 * had grown past the ~600 lines a file should hold. */
#include <string.h>

#include "syntax/parse.h"
#include "syntax/parse_int.h"

static void disjunction(xiP_parser *p, xiP_code *c);

static void term(xiP_parser *p, xiP_code *c) {
  xiP_operand(p, c);
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
    xiP_operand(p, c);
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

/* a << b, a >> b: whole numbers shifted */
static void shift(xiP_parser *p, xiP_code *c) {
  arith(p, c);
  while (xiP_is(p, T_LSHIFT) || xiP_is(p, T_RSHIFT)) {
    xiL_token op = xiP_take(p);
    arith(p, c);
    xiP_emit_op(p, c, op.type == T_LSHIFT ? XI_LSHIFT : XI_RSHIFT, op.pos);
  }
}

static void band(xiP_parser *p, xiP_code *c) {
  shift(p, c);
  while (xiP_is(p, T_AMP)) {
    xiL_token op = xiP_take(p);
    shift(p, c);
    xiP_emit_op(p, c, XI_BITAND, op.pos);
  }
}

/* a ^ b: Python's xor; in xi's own language ^ is a power (expr.c took it) */
static void bxor(xiP_parser *p, xiP_code *c) {
  band(p, c);
  while (xiP_is(p, T_CARET) && p->python) {
    xiL_token op = xiP_take(p);
    band(p, c);
    xiP_emit_op(p, c, XI_BITXOR, op.pos);
  }
}

/* a | b, the loosest of the operators, tighter than comparisons (Python's
   levels: masks are written (x > 0) & (x < 1)) */
static void bor(xiP_parser *p, xiP_code *c) {
  bxor(p, c);
  while (xiP_is(p, T_PIPE)) {
    xiL_token op = xiP_take(p);
    bxor(p, c);
    xiP_emit_op(p, c, XI_BITOR, op.pos);
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
    bor(p, c);
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
    xiP_nest(p, t.pos);
    test(p, c);
    p->depth--;
    xiP_emit_num(p, c, "0", t.pos);
    xiP_ins eq = {K_OP, XI_EQ, XI_OPF_NOT, 0, 0, t.pos};
    xiP_emit(p, c, eq);
    return;
  }
  bor(p, c);
  xi_pos at;
  int in = xiP_membership(p, &at);
  if (in) { /* x in xs, k not in d: Python's containers' */
    bor(p, c);
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
    bor(p, c);
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
  bor(p, c);
  if (chains(p)) {
    if (!p->python)
      xiP_fail(p, xiP_peek(p)->pos, "comparisons do not chain in xi: write (a < b) & (b < c) "
                                    "(a comparison binds looser than & and |, as in Python: x > "
                                    "0 & x < 1 is x > (0 & x) < 1)");
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
  xiP_nest(p, kw.pos);
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
  xiP_nest(p, t.pos);
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
