/* assign.c: the assignment statements (a part of the parser, xiP_, parse.h; stmt.c
 * sends them here): name = v and name op= v, a = b = v, a definition f(x) = ..., an
 * indexed update x[i] op= v (in xi's code a new value for x, in Python's the pair a
 * change in place takes), np.clip(x, lo, hi, out=x) alone, and unpacking a, b = v
 * (names, or attributes: pyclass.c). */
#include "syntax/parse.h"
#include "syntax/parse_int.h"

#include <stdlib.h>
#include <string.h>

/* x[index] op= value: code x, the index items, the value, K_INDEXSET */
static void index_assign(xiP_parser *p, xiP_stmt *st, xiL_token op) {
  xiP_code *c = &st->code;
  xiP_ins idx = c->ins[--c->n]; /* the K_INDEX: its items stay, the value follows */
  st->kind = S_INDEXSET;
  st->assign = op.type;
  st->name = c->ins[0].arg;
  st->target_pos = c->ins[0].pos;
  p->depth = 0;
  xiP_expr_list(p, c);
  int compound = xiP_compound(op.type);
  xiP_ins ins = {K_INDEXSET, idx.op, (uint8_t)(compound < 0 ? 0 : compound), idx.argc, idx.arg,
                 idx.pos};
  xiP_emit(p, c, ins);
}

/* x[index] op= value in Python's code, x any expression (d['W1'], xs[-1],
   params[k][0]): code x, a copy of it, the index, the value, K_INDEXSET, and
   the pair (x, the new x), which the rules of change in place take */
static void py_index_assign(xiP_parser *p, xiP_stmt *st, xiL_token op) {
  xiP_code *c = &st->code;
  xiP_ins idx = c->ins[--c->n];
  xiP_ins dup = {K_DUP, 0, 0, 0, 0, idx.pos};
  xiP_emit(p, c, dup); /* room, then the items move up by one */
  memmove(c->ins + p->index_end + 1, c->ins + p->index_end,
          (c->n - 1 - p->index_end) * sizeof *c->ins);
  c->ins[p->index_end] = dup;
  st->kind = S_INDEXSET;
  st->pair = 1;
  st->assign = op.type;
  st->name = p->index_base == 0 ? c->ins[0].arg : XI_NONE;
  st->target_pos = c->ins[0].pos;
  p->depth = 0;
  xiP_expr_list(p, c);
  int compound = xiP_compound(op.type);
  xiP_ins ins = {K_INDEXSET, idx.op, (uint8_t)(compound < 0 ? 0 : compound), idx.argc, idx.arg,
                 idx.pos};
  xiP_emit(p, c, ins);
  xiP_ins two = {K_TUPLE, XI_C_TUPLE, 0, 2, 0, idx.pos};
  xiP_emit(p, c, two);
}

/* np.clip(x, lo, hi, out=x) alone (numpy.c's clip_out): x[:] = np.clip(x, lo, hi), as
   py_index_assign makes it: x and a copy of it, the clip's code, K_INDEXSET of one ':',
   and the pair (x, the new x) */
void xiP_clip_statement(xiP_parser *p, xiP_stmt *st) {
  xiP_code *c = &st->code;
  xi_pos at = p->clip_pos;
  xiP_ins name = c->ins[0], dup = {K_DUP, 0, 0, 0, 0, at};
  xiP_emit(p, c, dup); /* room: the clip's code (x first) moves up by two */
  xiP_emit(p, c, dup);
  memmove(c->ins + 2, c->ins, (c->n - 2) * sizeof *c->ins);
  c->ins[0] = name, c->ins[1] = dup;
  xiP_ins set = {K_INDEXSET, 1, 0, 1, 0, at}, two = {K_TUPLE, XI_C_TUPLE, 0, 2, 0, at};
  xiP_emit(p, c, set);
  xiP_emit(p, c, two);
  st->kind = S_INDEXSET;
  st->pair = 1;
  st->assign = T_ASSIGN;
  st->name = name.arg;
  st->target_pos = name.pos;
  p->clip_out = 0;
}

/* a = b = v in Python's code: the names bound, left to right, to v computed once,
   as a, b = v, v unpacks it (S_UNPACK); c holds b's code, the next token is '=' */
static void chained(xiP_parser *p, xiP_stmt *st) {
  xiP_code *c = &st->code;
  xiP_add_name(p, st, st->name, st->target_pos);
  uint32_t n = 1;
  do {
    if (c->n != 1 || c->ins[0].kind != K_NAME)
      xiP_fail(p, xiP_peek(p)->pos, "a = b = v binds names here: each target between the "
                                    "'='s must be a plain name (x = y = 0.0)");
    xiP_add_name(p, st, c->ins[0].arg, c->ins[0].pos);
    n++;
    xiP_take(p); /* '=' */
    c->n = 0;
    p->depth = 0;
    size_t start = xiP_peek(p)->off;
    xiP_expr_list(p, c);
    st->text_off = start;
    st->text_len = p->last_end - start;
  } while (xiP_is(p, T_ASSIGN));
  for (uint32_t k = 1; k < n; k++)
    xiP_emit(p, c, (xiP_ins){K_DUP, 0, 0, 0, 0, st->pos});
  xiP_emit(p, c, (xiP_ins){K_TUPLE, 0, 0, (uint16_t)n, 0, st->pos});
  st->kind = S_UNPACK;
  st->assign = 0;
}

void xiP_def_or_assign(xiP_parser *p, xiP_stmt *st) {
  xiP_code *c = &st->code;
  xiP_ins last = c->ins[c->n - 1];
  xiL_token op = xiP_take(p);
  if (op.type == T_CARETEQ && !p->python)
    xiP_fail(p, op.pos, "^= is Python's xor in place, and ^ a power in xi's own language: "
                        "write x = x^2 for a power (in Python's code, a .py file or after "
                        "import, x ^= m is x's bits xor m's)");
  if (op.type == T_ATEQ && !p->python)
    xiP_fail(p, op.pos, "@= is not part of xi (nor of NumPy 1.24): write a = a @ b");
  if (op.type == T_ATEQ) /* (of Python's numbers and lists: unsupported operand type(s)) */
    xiP_fail(p, op.pos, "TypeError: In-place matrix multiplication is not (yet) supported. "
                        "Use 'a = a @ b' instead of 'a @= b'. (NumPy 1.24's words: its arrays "
                        "have no @=, nor have Python's numbers)");
  if (last.kind == K_GETATTR) { /* net.lr = 0.1, self.W1 -= ... (pyclass.c) */
    xiP_attr_assign(p, st, op);
    return;
  }
  /* (index_at and index_end are this statement's when its last x[...] is the code's end) */
  int indexed = last.kind == K_INDEX && p->index_at == c->n - 1 && p->index_end < c->n;
  if (indexed && p->python) { /* (in a def: pydef.c) */
    py_index_assign(p, st, op);
    return;
  }
  if (indexed && p->index_base == 0) {
    index_assign(p, st, op);
    return;
  }
  if (last.kind == K_INDEX)
    xiP_fail(p, last.pos, "assign to an index of a name: M[i, j] = v (M[i][j] = v and x.y[i] "
                          "= v are not part of xi)");
  if (c->n == 1 && last.kind == K_NAME && op.type == T_ASSIGN && !p->in_def &&
      xiP_keyword(xiP_tag_of(p, xiP_peek(p))) == KW_LAMBDA) {
    xiP_lambda(p, st, last.arg, last.pos); /* f = lambda x: x ** 2 */
    return;
  }
  if (c->n == 1 && last.kind == K_NAME) {
    st->kind = S_ASSIGN;
    st->assign = op.type;
    st->name = last.arg;
    st->target_pos = last.pos;
  } else if (op.type == T_ASSIGN && last.kind == K_CALL && c->n == last.argc + 1u) {
    for (uint32_t i = 0; i < last.argc; i++) {
      if (c->ins[i].kind != K_NAME)
        xiP_fail(p, c->ins[i].pos, "a function's parameters must be names");
      for (uint32_t j = 0; j < i; j++)
        if (c->ins[j].arg == c->ins[i].arg)
          xiP_fail(p, c->ins[i].pos, "parameter '%s' is given twice",
               xiS_name(p->sym, c->ins[i].arg));
      xiP_add_name(p, st, c->ins[i].arg, c->ins[i].pos);
    }
    st->kind = S_DEF;
    st->name = last.arg;
    st->target_pos = last.pos;
  } else if (last.kind == K_OP && xiO_table[last.op].name && op.type == T_ASSIGN &&
             c->n >= (uint32_t)xiO_table[last.op].arity + 1 && last.argc) {
    xiP_fail(p, last.pos, "%s is a built-in function: it cannot be defined again",
         xiO_table[last.op].name);
  } else {
    xiP_fail(p, op.pos, "the left side of %s must be a name", xiL_describe(op.type));
  }
  c->n = 0;
  if (st->kind == S_ASSIGN) { /* a = 1, 2 makes a tuple */
    size_t start = xiP_peek(p)->off;
    p->depth = 0;
    xiP_expr_list(p, c);
    st->text_off = start;
    st->text_len = p->last_end - start;
    if (p->python && op.type == T_ASSIGN && xiP_is(p, T_ASSIGN))
      chained(p, st);
    return;
  }
  xiP_full_expr(p, st);
}

/* a, b = ...: the targets are names, or all attributes (self.W, self.b = ...); or a, b
   alone: a tuple */
void xiP_tuple_or_unpack(xiP_parser *p, xiP_stmt *st) {
  enum { MAX_ATTRS = 64 };
  xiP_code *c = &st->code;
  uint32_t n = 1, starts[MAX_ATTRS] = {0};
  while (xiP_is(p, T_COMMA)) {
    xiP_take(p);
    if (xiP_at_end(p) || xiP_is(p, T_ASSIGN))
      break;
    p->depth = 0;
    if (n < MAX_ATTRS)
      starts[n] = c->n;
    xiP_expr(p, c);
    n++;
  }
  if (!xiP_is(p, T_ASSIGN)) {
    xiP_ins ins = {K_TUPLE, 0, 0, (uint16_t)n, 0, st->pos};
    xiP_emit(p, c, ins);
    return;
  }
  xiL_token eq = xiP_take(p);
  if (c->n != n) {
    int attrs = p->python && n <= MAX_ATTRS;
    for (uint32_t k = 0; k < n && attrs; k++)
      attrs = xiP_attr_target(c, starts[k], k + 1 < n ? starts[k + 1] : c->n);
    if (attrs) {
      xiP_attr_unpack(p, st, starts, n, eq);
      return;
    }
    xiP_fail(p, eq.pos, "the names to unpack into must be plain names, or all attributes: a, "
                        "b = f(x), or self.a, self.b = f(x)");
  }
  for (uint32_t k = 0; k < n; k++) {
    if (c->ins[k].kind != K_NAME)
      xiP_fail(p, c->ins[k].pos, "the names to unpack into must be plain names, or all "
                                 "attributes: a, b = f(x), or self.a, self.b = f(x)");
    xiP_add_name(p, st, c->ins[k].arg, c->ins[k].pos);
  }
  st->kind = S_UNPACK;
  xiP_unpack_values(p, st);
}

void xiP_unpack_values(xiP_parser *p, xiP_stmt *st) {
  st->code.n = 0;
  p->depth = 0;
  size_t start = xiP_peek(p)->off;
  xiP_expr_list(p, &st->code);
  st->text_off = start;
  st->text_len = p->last_end - start;
}
