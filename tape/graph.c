/* graph.c: the tape's nodes and their values (a new
 * precision and collection, which change every node, are renew.c's). */
#include "tape/graph.h"
#include "tape/names.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void xiG_init(xiG_graph *g, mpfr_prec_t prec) {
  memset(g, 0, sizeof *g);
  g->prec = prec;
  g->freecode = g->freefunc = XI_NONE;
  xiS_init(&g->sym);
  xiM_init(&g->limbs, prec);
  mpfr_init2(g->tmp, prec);
  xiO_seed(&g->rng, 0);
  g->forgot_from = UINT32_MAX;
  /* the widest exponent range MPFR allows: overflow only for absurd values */
  mpfr_set_emin(mpfr_get_emin_min());
  mpfr_set_emax(mpfr_get_emax_max());
}

void xiG_free(xiG_graph *g) {
  g->keep = 0;
  xiG_truncate(g, 0);
  free(g->obj);
  free(g->objlog);
  xiM_account(-(ptrdiff_t)g->cap * (ptrdiff_t)sizeof *g->nodes);
  free(g->nodes);
  xiM_free(&g->limbs);
  mpfr_clear(g->tmp);
  free(g->literal);
  xiG_names_free(g);
  for (uint32_t i = 0; i < g->ncode; i++)
    xiP_code_free(&g->code[i]);
  free(g->code);
  free(g->built);
  free(g->pins);
  xiG_envs_free(g);
  xiG_loop_free(g);
  xiG_ag_free(g);
  xiS_free(&g->sym);
  memset(g, 0, sizeof *g);
}

uint32_t xiG_append(xiG_graph *g, int op, uint32_t a, uint32_t b, xi_pos pos) {
  g->full = 0;
  if (g->n - g->mark >= XI_STATEMENT_NODES && g->n >= g->mark) {
    g->full = 1;
    return XI_NONE;
  }
  if (g->n == g->cap) {
    if (g->cap >= UINT32_MAX / 4)
      return XI_NONE;
    uint32_t cap = g->cap ? g->cap * 2 : 1024;
    if (xiM_account((ptrdiff_t)(cap - g->cap) * (ptrdiff_t)sizeof *g->nodes))
      return XI_NONE;
    xiG_node *q = realloc(g->nodes, (size_t)cap * sizeof *q);
    if (!q) {
      xiM_account(-(ptrdiff_t)(cap - g->cap) * (ptrdiff_t)sizeof *g->nodes);
      return XI_NONE;
    }
    g->nodes = q, g->cap = cap;
  }
  xiG_node *n = &g->nodes[g->n];
  n->op = (uint8_t)op;
  n->err = XI_OK;
  n->flags = n->shown = 0;
  n->a = a, n->b = b;
  n->aux = n->name = XI_NONE;
  n->pos = pos;
  n->x = NULL;
  if (xiM_place(&g->limbs, g->n, n->v))
    return XI_NONE;
  return g->n++;
}

static void free_ext(xiG_node *n) {
  if (n->x) {
    xiM_unblock(n->x->el); /* the structs and their limbs are one block */
    if (n->op == XI_TUPLE && n->x->args)
      xiG_items_release(n->x->args);
    else
      free(n->x->args);
    free(n->x);
    n->x = NULL;
  }
}

/* the code a leaf was computed from goes back to the free list */
static void drop_code(xiG_graph *g, xiG_node *n) {
  if (!(n->flags & XI_F_CODE))
    return;
  xiP_code_free(&g->code[n->aux]);
  g->code[n->aux].n = g->freecode; /* a free slot links to the next */
  g->freecode = n->aux;
  n->flags &= (uint8_t)~XI_F_CODE;
}

void xiG_node_free(xiG_graph *g, xiG_node *n) {
  drop_code(g, n);
  free_ext(n);
}

void xiG_truncate(xiG_graph *g, uint32_t mark) {
  if (mark < g->keep) /* a method set an attribute to a node above the mark (pyobj.c) */
    mark = g->keep;
  if (mark < g->n && mark < g->forgot_from)
    g->forgot_from = mark;
  if (mark < g->n)
    g->cuts++;
  /* GRAD nodes from mark on are gone, and graphs built from mark on for the
     others: their nodes forget them.  Every entry is looked at, not just the
     top of a stack: a built graph need not lie above its GRAD node (when the
     derivative is a shared literal or an older node, it is that node), so an
     entry to keep can sit above one to drop.  Popping only the top left a
     gone GRAD node listed, and a later truncation then cleared the aux of
     whatever node took its slot (found by fuzz/). */
  uint32_t kept = 0;
  for (uint32_t k = 0; k < g->nbuilt; k++) {
    uint32_t grad = g->built[k];
    if (grad >= mark)
      continue;
    if (g->nodes[grad].aux >= mark)
      g->nodes[grad].aux = XI_NONE;
    else
      g->built[kept++] = grad;
  }
  g->nbuilt = kept;
  for (uint32_t k = 0; k < g->nlabel; k++)
    if (g->label[k] != XI_NONE && g->label[k] >= mark)
      g->label[k] = XI_NONE;
  xiG_ag_truncate(g, mark);
  while (g->n > mark) { /* the pool's slots are simply reused */
    xiG_node *n = &g->nodes[--g->n];
    xiG_node_free(g, n);
  }
}

int xiG_shape_node(xiG_graph *g, uint32_t i, xi_shape sh, const int32_t *p) {
  xiG_node *n = &g->nodes[i];
  free_ext(n);
  xiG_ext *x = calloc(1, sizeof *x);
  if (!x)
    return -1;
  x->sh = sh;
  x->n = sh.rank ? sh.rows * sh.cols : 1;
  if (sh.rank && !(x->el = xiM_block(x->n, g->prec))) {
    free(x);
    return -1;
  }
  if (p)
    memcpy(x->p, p, sizeof x->p);
  n->x = x;
  return 0;
}

uint32_t xiG_leaf(xiG_graph *g, const xiO_view *given, xi_pos pos) {
  /* a scalar's view is mostly a node's own number, in the array the append may
     move: its struct is copied first (its significand, in the pool, stays) */
  __mpfr_struct one;
  xiO_view w = *given;
  const xiO_view *v = &w;
  if (w.n == 1 && !w.sh.rank)
    one = w.el[0], w.el = &one;
  uint32_t i = xiG_append(g, XI_LEAF, XI_NONE, XI_NONE, pos);
  if (i == XI_NONE)
    return i;
  if (v->sh.rank && xiG_shape_node(g, i, v->sh, NULL)) {
    xiG_truncate(g, i);
    return XI_NONE;
  }
  for (uint32_t k = 0; k < v->n; k++) {
    int inex = mpfr_set(xiG_el(&g->nodes[i], k), &v->el[k], MPFR_RNDN);
    if (xiO_fmt)
      xiO_fmt_round(xiG_el(&g->nodes[i], k), inex);
  }
  g->nodes[i].flags |= (uint8_t)xiG_dtype_flags(v->dtype);
  return i;
}

/* ---- values ---- */

void xiG_read_const(xiG_graph *g, xiG_node *n, uint32_t aux) {
  int inex = 0;
  if (aux == XI_LIT_PI) {
    inex = mpfr_const_pi(n->v, MPFR_RNDN);
  } else if (aux == XI_LIT_E) {
    mpfr_set_ui(n->v, 1, MPFR_RNDN);
    inex = mpfr_exp(n->v, n->v, MPFR_RNDN);
  } else {
    const char *t = xiS_name(&g->sym, aux); /* True and False are 1 and 0 */
    if (t[0] == 'T' || t[0] == 'F')
      mpfr_set_ui(n->v, t[0] == 'T', MPFR_RNDN);
    else /* correctly rounded at the working precision: the literal is kept as text */
      inex = mpfr_strtofr(n->v, t, NULL, 10, MPFR_RNDN);
  }
  if (xiO_fmt) /* into the format: 1e-8 in binary16 is 0, 70000 inf */
    xiO_fmt_round(n->v, inex);
  n->err = xiO_number_p(n->v) || xiO_fmt ? XI_OK : mpfr_nan_p(n->v) ? XI_E_NAN : XI_E_OVERFLOW;
}

static uint8_t status(mpfr_srcptr x) {
  if (xiO_number_p(x) || xiO_fmt) /* in an IEEE format inf and nan are values */
    return XI_OK;
  return mpfr_nan_p(x) ? XI_E_NAN : mpfr_overflow_p() ? XI_E_OVERFLOW : XI_E_POLE;
}

/* a list's value: its operands' values side by side */
static void assemble(xiG_graph *g, xiG_node *n) {
  uint32_t k = 0;
  for (uint32_t q = 0; q < n->x->nargs; q++) {
    xiG_node *item = &g->nodes[n->x->args[q]];
    for (uint32_t e = 0; e < xiG_count(item); e++)
      mpfr_set(&n->x->el[k++], xiG_el(item, e), MPFR_RNDN);
  }
}

/* node n's value from its operands' (which are finite numbers) */
static void compute(xiG_graph *g, xiG_node *n) {
  g->visits++;
  const xiG_node *a = &g->nodes[n->a];
  const xiG_node *b = n->b == XI_NONE ? a : &g->nodes[n->b];
  const xiO_row *row = &xiO_table[n->op];
  if (!n->x && row->forward) { /* scalar op scalar: the common case, kept short */
    int inex = xiO_fmt != XI_FMT_BINARY64 ? row->forward(n->v, a->v, b->v, MPFR_RNDN)
               : n->aux == XI_AUX_LIBM        ? xiO_fw_libm(n->op, n->v, a->v, b->v)
               : n->aux == XI_AUX_VTANH       ? xiO_fw_vtanh(n->v, a->v)
                                              : row->forward(n->v, a->v, b->v, MPFR_RNDN);
    if (xiO_fmt)
      xiO_fmt_round(n->v, inex);
    n->flags = (uint8_t)(inex || xiO_fmt ? n->flags & ~XI_F_EXACT : n->flags | XI_F_EXACT);
    n->err = XI_OK;
    if (xiO_fmt || xiO_number_p(n->v))
      return;
    mpfr_clear_flags(); /* not a number: computed again (the same), to see whether this op */
    row->forward(n->v, a->v, b->v, MPFR_RNDN); /* overflowed (status): the flags are not */
    n->err = status(n->v);                     /* cleared before every op */
    return;
  }
  mpfr_clear_flags();
  n->flags &= (uint8_t)~XI_F_EXACT;
  n->err = XI_OK;
  xiO_view out = xiG_view(n);
  if (n->op == XI_LIST) {
    assemble(g, n);
  } else if (row->forward) { /* elementwise, broadcast */
    xi_shape sa = xiG_shape(a), sb = xiG_shape(b);
    mpfr_ptr ea = xiG_view((xiG_node *)a).el, eb = xiG_view((xiG_node *)b).el;
    for (uint32_t i = 0, k = 0; i < out.sh.rows; i++)
      for (uint32_t j = 0; j < out.sh.cols; j++, k++) {
        if (xiO_stopped()) { /* at every element: at 100000 bits each may take a while */
          n->err = XI_E_NAN;
          return;
        }
        int inex = row->forward(&out.el[k], &ea[xiO_bidx(&sa, i, j)],
                                &eb[xiO_bidx(&sb, i, j)], MPFR_RNDN);
        if (xiO_fmt)
          xiO_fmt_round(&out.el[k], inex);
      }
  } else {
    xiO_view va = xiG_view((xiG_node *)a), vb = xiG_view((xiG_node *)b);
    int rc = row->tforward(&out, &va, &vb, g->tmp);
    if (rc)
      n->err = rc == XI_RULE_DOMAIN || xiO_stopped() ? XI_E_NAN : XI_E_MEMORY;
    else if (xiO_fmt && n->op != XI_MATMUL) /* (a product rounds as NumPy's, in dot) */
      for (uint32_t k = 0; k < out.n; k++)
        xiO_fmt_round(&out.el[k], 0);
  }
  for (uint32_t k = 0; k < out.n && n->err == XI_OK; k++)
    n->err = status(&out.el[k]);
}

void xiG_bytes(size_t n, char *buf, size_t len) {
  if (n >= (size_t)1 << 30)
    snprintf(buf, len, "%.1f GB", (double)n / (1 << 30));
  else if (n >= (size_t)1 << 20)
    snprintf(buf, len, "%.1f MB", (double)n / (1 << 20));
  else
    snprintf(buf, len, "%zu bytes", n);
}

static unsigned long ooms; /* the messages below, written: a failure of the machine */
unsigned long xiG_ooms(void) { return ooms; }

int xiG_oom(const xiG_graph *g, xi_pos pos, xi_err *err) {
  ooms++;
  /* a block being made gives up at ^C (ops/pool.c), as every long loop does:
     then nothing was short of memory */
  if ((g->interrupt && *g->interrupt) || xiO_stopped())
    return xiX_fail(err, pos, "interrupted");
  if (g->full == 1)
    return xiX_fail(err, pos, "this statement builds more than %u nodes, the limit that keeps the "
                           "graph in memory (does a function call another more than once, at "
                           "every level?)", XI_STATEMENT_NODES);
  if (xiM_over()) {
    char want[32], used[32], budget[32];
    xiG_bytes(xiM_wanted(), want, sizeof want);
    xiG_bytes(xiM_used(), used, sizeof used);
    xiG_bytes(xiM_budget(), budget, sizeof budget);
    return xiX_fail(err, pos, "over the memory budget for values: this needs %s more, with %s of "
                           "%s in use (%ld-bit numbers take %zu bytes each; xi --memory SIZE "
                           "sets the budget)", want, used, budget, (long)g->prec,
                 xiM_block_size(1, g->prec) - 16);
  }
  return xiX_fail(err, pos, "out of memory (the graph has %u nodes)", g->n);
}

int xiG_fail_at(xiG_graph *g, uint32_t i, xi_err *err) {
  const xiG_node *n = &g->nodes[i];
  const xiO_row *row = &xiO_table[n->op];
  if (g->interrupt && *g->interrupt)
    return xiX_fail(err, n->pos, "interrupted");
  if (n->err == XI_E_MEMORY)
    return xiG_oom(g, n->pos, err);
  const char *why = n->err == XI_E_OVERFLOW ? "overflow: the result is too large"
                    : n->err == XI_E_NAN    ? row->nan_msg
                                            : row->pole_msg;
  if (n->op == XI_CONST)
    why = "number out of range";
  else if (n->op == XI_CROSS_ENTROPY || n->op == XI_ONEHOT)
    why = "a label is not a class index (a whole number from 0 to the classes - 1)";
  else if (n->op == XI_GATHER || n->op == XI_SCATTERADD || n->op == XI_PUT ||
           n->op == XI_MASKOUT)
    why = "an index is not a whole number from 0 to the length of its axis - 1";
  else if (n->op == XI_NONZERO)
    why = "the mask picks another number of elements than when x[mask] was first computed "
          "(its shape, which came from its values, cannot change)";
  else if (n->op == XI_DIV && n->err == XI_E_NAN && !mpfr_zero_p(g->nodes[n->a].v))
    why = row->pole_msg; /* finite/0 in MPFR is NaN only for 0/0 */
  if (!why)
    why = "the result is not a number";
  return xiX_fail(err, n->pos, "%s", why);
}

int xiG_eval(xiG_graph *g, uint32_t i, xi_err *err) {
  xiG_node *n = &g->nodes[i];
  if (n->op == XI_LEAF || n->op == XI_CONST || n->op == XI_GRAD || n->op == XI_TUPLE)
    return 0; /* they hold their values (a tuple has none of its own) */
  if (g->lazy) {
    n->err = XI_OK;
    return 0;
  }
  compute(g, n);
  return n->err == XI_OK ? 0 : xiG_fail_at(g, i, err);
}

void xiG_reeval(xiG_graph *g, uint32_t from, uint32_t to) {
  for (uint32_t i = from; i <= to && i < g->n; i++) {
    xiG_node *n = &g->nodes[i];
    if (n->op != XI_LEAF && n->op != XI_CONST && n->op != XI_GRAD && n->op != XI_TUPLE)
      compute(g, n);
  }
}

void xiG_describe(const xiG_graph *g, uint32_t i, char *buf, size_t n) {
  const char *name = xiG_name_of(g, i);
  const xiG_node *nd = &g->nodes[i];
  const char *what = nd->op == XI_CONST ? "a number" : xiO_table[nd->op].name;
  if (name)
    snprintf(buf, n, "in %s (defined at %u:%u)", name, nd->pos.line, nd->pos.col);
  else if (what && nd->op >= XI_FIRST_OP)
    snprintf(buf, n, "in %s(...) at %u:%u", what, nd->pos.line, nd->pos.col);
  else
    snprintf(buf, n, "at %u:%u", nd->pos.line, nd->pos.col);
}

/* an operand from before mark that is not a (shared) constant */
static int outside(const xiG_graph *g, uint32_t mark, uint32_t i) {
  return i != XI_NONE && i < mark && g->nodes[i].op != XI_CONST;
}

int xiG_self_contained(const xiG_graph *g, uint32_t mark, uint32_t root) {
  if (outside(g, mark, root))
    return 0;
  for (uint32_t i = mark; i < g->n; i++) {
    const xiG_node *n = &g->nodes[i];
    if (n->op == XI_GRAD)
      return 0; /* a derivative is computed from the value it is taken of */
    if (xiG_ag_keeps(g, i))
      return 0; /* Value(2.0): an object that keeps a .grad, not a number to copy */
    for (uint32_t k = 0, nargs = xiG_nargs(n); k < nargs; k++)
      if (outside(g, mark, xiG_arg(n, k)))
        return 0;
  }
  return 1;
}

/* ---- building one node ---- */

uint32_t xiG_constant(xiG_graph *g, uint32_t aux, xi_pos pos) {
  /* a literal's node is shared by every statement that writes it: 0 is pi,
     1 is e, then the literal symbols */
  uint32_t key = aux == XI_LIT_PI ? 0 : aux == XI_LIT_E ? 1 : aux + 2;
  if (key < g->nliteral) {
    uint32_t i = g->literal[key];
    if (i < g->n && g->nodes[i].op == XI_CONST && g->nodes[i].aux == aux)
      return i;
  } else {
    uint32_t cap = key + 1 > 2 * g->nliteral ? key + 1 : 2 * g->nliteral;
    uint32_t *q = realloc(g->literal, cap * sizeof *q);
    if (!q)
      return XI_NONE;
    for (uint32_t k = g->nliteral; k < cap; k++)
      q[k] = XI_NONE;
    g->literal = q, g->nliteral = cap;
  }
  uint32_t i = xiG_append(g, XI_CONST, XI_NONE, XI_NONE, pos);
  if (i == XI_NONE)
    return i;
  g->nodes[i].aux = aux;
  if (aux != XI_LIT_PI && aux != XI_LIT_E) { /* 7 is an int, True a bool, 7.0 a float */
    const char *t = xiS_name(&g->sym, aux); /* (np.inf and np.nan: the floats inf and nan) */
    const char *u = t + (t[0] == '-'); /* (float('-inf'): its sign in its text) */
    g->nodes[i].flags = (uint8_t)(t[0] == 'T' || t[0] == 'F'                  ? XI_F_BOOL
                                  : strpbrk(t, ".eE") || u[0] == 'i' || u[0] == 'n' ? 0
                                                                                   : XI_F_INT);
  }
  xiG_read_const(g, &g->nodes[i], aux);
  g->literal[key] = i;
  return i;
}

uint32_t xiG_number(xiG_graph *g, long v, xi_pos pos) {
  char text[32];
  int len = snprintf(text, sizeof text, "%ld", v);
  uint32_t aux = xiS_intern(&g->sym, text, (size_t)len);
  return aux == XI_NONE ? XI_NONE : xiG_constant(g, aux, pos);
}

int xiG_number_at(xiG_graph *g, int64_t v, xi_pos pos, uint32_t *out, xi_err *err) {
  *out = xiG_number(g, (long)v, pos);
  return *out == XI_NONE ? xiG_oom(g, pos, err) : 0;
}

int xiG_no_tuple(const xiG_graph *g, uint32_t i, xi_pos pos, const char *what, xi_err *err) {
  return xiG_not_number(g, i, pos, what, err);
}

/* the result's dtype, from the operands' and the op's rule (ops.c); an
   int to a negative power is a float, as in Python; uint8 in its range */
static int set_dtype(xiG_graph *g, uint32_t i, xi_pos pos, xi_err *err) {
  xiG_node *n = &g->nodes[i];
  int da = xiG_dtype_of_flags(g->nodes[n->a].flags);
  int db = n->b == XI_NONE ? da : xiG_dtype_of_flags(g->nodes[n->b].flags);
  int dt = xiO_dtype(n->op, da, db);
  int arith = n->op == XI_ADD || n->op == XI_SUB || n->op == XI_MUL || n->op == XI_MOD ||
              n->op == XI_FLOORDIV || n->op == XI_MAXIMUM || n->op == XI_MINIMUM ||
              n->op == XI_MATMUL || n->op == XI_OUTER || n->op == XI_POW ||
              xiO_bitwise(n->op);
  if (dt == XI_DT_UINT8 && arith) { /* uint8 with an int64 array is int64: NumPy casts
                                       by value with scalars only */
    const xiG_node *o[2] = {&g->nodes[n->a], &g->nodes[n->b]};
    for (int k = 0; k < 2; k++)
      if (xiG_dtype_of_flags(o[k]->flags) == XI_DT_INT && xiG_is_tensor(o[k]))
        dt = XI_DT_INT;
  }
  if (g->math_call) /* math.pow(2, 3) is 8.0 */
    dt = XI_DT_FLOAT;
  if (n->op == XI_POW && dt == XI_DT_INT) {
    xiO_view e = xiG_view(&g->nodes[n->b]);
    for (uint32_t k = 0; k < e.n; k++)
      if (mpfr_sgn(&e.el[k]) < 0)
        dt = XI_DT_FLOAT;
    if (dt == XI_DT_FLOAT && g->numpy && !g->math_call && /* NumPy's int64 ** -1 */
        (xiG_py_origin(g, n->a) == XI_ORIGIN_NP || xiG_py_origin(g, n->b) == XI_ORIGIN_NP))
      return xiX_fail(err, pos, "ValueError: Integers to negative integer powers are not "
                                "allowed. (NumPy's int64; .astype(float) first for its floats)");
  }
  n->flags = (uint8_t)((n->flags & ~XI_F_DTYPE) | xiG_dtype_flags(dt));
  return dt == XI_DT_UINT8 ? xiG_as_uint8(g, i, pos, err) : 0;
}

/* np.log of a uint8 or bool array: NumPy's float16, whose digits are not
   xi's binary64 ones (a Python bool or int scalar, as math.log's, is float64) */
static int no_float16(const xiG_graph *g, int op, uint32_t a, xi_pos pos, xi_err *err) {
  int da = xiG_dtype_of_flags(g->nodes[a].flags);
  if (!xiO_float16_ufunc(op) || (da != XI_DT_UINT8 && da != XI_DT_BOOL) ||
      (da == XI_DT_BOOL && !xiG_is_tensor(&g->nodes[a])))
    return 0;
  const char *name = op == XI_ATAN ? "arctan" : op == XI_ASIN ? "arcsin"
                     : op == XI_ACOS ? "arccos" : xiO_table[op].name; /* (NumPy's names) */
  return xiX_fail(err, pos, "np.%s of a %s array is float16 in NumPy, whose digits are not "
                            "xi's float64 ones: write x.astype(float) first (NumPy then "
                            "computes in float64 too)",
                  name, da == XI_DT_UINT8 ? "uint8" : "bool");
}

int xiG_op(xiG_graph *g, int op, uint32_t a, uint32_t b, const int32_t *p, xi_pos pos,
           uint32_t *out, xi_err *err) {
  int as_bool = 0; /* NumPy's bools: mask1 + mask2 is their or (pytype.c) */
  if (g->numpy && xiG_np_bool_op(g, &op, a, b, pos, &as_bool, err))
    return -1;
  if (xiO_bitwise(op) && xiG_bit_types(g, &op, a, &b, pos, err))
    return -1; /* 1.5 & 1: a TypeError; ~mask: mask == 0 (pytype.c) */
  const xiO_row *row = &xiO_table[op];
  uint32_t i;
  if (xiG_no_tuple(g, a, pos, row->name ? row->name : "this operation", err) ||
      (b != XI_NONE && xiG_no_tuple(g, b, pos, row->name ? row->name : "this operation", err)) ||
      (b == XI_NONE && no_float16(g, op, a, pos, err)))
    return -1;
  if (row->forward && !g->nodes[a].x && (b == XI_NONE || !g->nodes[b].x)) {
    i = xiG_append(g, op, a, b, pos); /* scalar op scalar: no shape to work out */
  } else {
    int32_t q[XI_NPARAMS];
    xiO_params_default(op, q);
    if (p)
      memcpy(q, p, sizeof q);
    xi_shape sa = xiG_shape(&g->nodes[a]), sb = b != XI_NONE ? xiG_shape(&g->nodes[b]) : sa, sh;
    char why[sizeof err->msg];
    if (row->shape(&sh, &sa, b != XI_NONE ? &sb : NULL, q, why, sizeof why))
      return xiX_fail(err, pos, "%s", why);
    i = xiG_append(g, op, a, b, pos);
    if (i != XI_NONE && (sh.rank || !row->forward) && xiG_shape_node(g, i, sh, q)) {
      xiG_truncate(g, i);
      i = XI_NONE;
    }
  }
  if (i == XI_NONE)
    return xiG_oom(g, pos, err);
  if (g->libm && !g->nodes[i].x)
    g->nodes[i].aux = g->libm == XI_LIBM_VTANH && op == XI_TANH ? XI_AUX_VTANH : XI_AUX_LIBM;
  if (xiG_eval(g, i, err)) {
    xiG_truncate(g, i);
    return -1;
  }
  if (set_dtype(g, i, pos, err) || xiG_int_exact(g, i, pos, err)) {
    xiG_truncate(g, i);
    return -1;
  }
  if (as_bool)
    g->nodes[i].flags = (uint8_t)((g->nodes[i].flags & ~XI_F_DTYPE) | XI_F_BOOL);
  xiG_note_warning(g, i, pos);
  *out = i;
  return 0;
}

int xiG_as_shape(xiG_graph *g, int op, uint32_t x, xi_shape sh, xi_pos pos, uint32_t *out,
                 xi_err *err) {
  xi_shape now = xiG_shape(&g->nodes[x]);
  if (xiO_same_shape(&now, &sh)) {
    *out = x;
    return 0;
  }
  int32_t p[XI_NPARAMS] = {0, 0, 0, 0, 0};
  xiO_shape_params(p, sh);
  return xiG_op(g, op, x, XI_NONE, p, pos, out, err);
}

int xiG_list(xiG_graph *g, const uint32_t *items, uint32_t n, xi_pos pos, uint32_t *out,
             xi_err *err) {
  int dt = XI_DT_BOOL; /* all bools: bool; bools and ints: int; else float */
  int u8 = 1;          /* all uint8 (NumPy's np.array(...) of np.uint8s): uint8 */
  for (uint32_t k = 0; k < n; k++) {
    u8 &= xiG_dtype_of_flags(g->nodes[items[k]].flags) == XI_DT_UINT8;
    if (xiG_no_tuple(g, items[k], g->nodes[items[k]].pos, "an element of a list", err))
      return -1;
    int d = xiG_dtype_of_flags(g->nodes[items[k]].flags);
    dt = d == XI_DT_FLOAT || dt == XI_DT_FLOAT ? XI_DT_FLOAT : d != XI_DT_BOOL ? XI_DT_INT : dt;
  }
  xi_shape first = xiG_shape(&g->nodes[items[0]]);
  if (first.rank == 2)
    return xiX_fail(err, pos, "a list of matrices: xi's values have at most two axes");
  for (uint32_t k = 1; k < n; k++) {
    xi_shape s = xiG_shape(&g->nodes[items[k]]);
    if (xiO_same_shape(&s, &first))
      continue;
    if (s.rank == 1 && first.rank == 1)
      return xiX_fail(err, g->nodes[items[k]].pos, "this row has %u element%s, the first has %u",
                   s.cols, s.cols == 1 ? "" : "s", first.cols);
    char a[48], b[48];
    xiO_shape_text(&first, a, sizeof a);
    xiO_shape_text(&s, b, sizeof b);
    return xiX_fail(err, g->nodes[items[k]].pos,
                 "the elements of a list must have one shape: %s, and this one %s", a, b);
  }
  xi_shape sh = first.rank ? (xi_shape){2, n, first.cols} : (xi_shape){1, 1, n};
  if ((uint64_t)sh.rows * sh.cols > XI_MAX_ELEMENTS)
    return xiX_fail(err, pos, "a tensor of %llu elements is over the limit of %u",
                 (unsigned long long)sh.rows * sh.cols, XI_MAX_ELEMENTS);
  uint32_t i = xiG_append(g, XI_LIST, items[0], XI_NONE, pos);
  uint32_t *args = i == XI_NONE ? NULL : malloc(n * sizeof *args);
  if (!args || xiG_shape_node(g, i, sh, NULL)) {
    free(args);
    if (i != XI_NONE)
      xiG_truncate(g, i);
    return xiG_oom(g, pos, err);
  }
  memcpy(args, items, n * sizeof *args);
  g->nodes[i].x->args = args;
  g->nodes[i].x->nargs = n;
  compute(g, &g->nodes[i]);
  g->nodes[i].flags |= (uint8_t)xiG_dtype_flags(u8 ? XI_DT_UINT8 : dt);
  *out = i;
  return 0;
}
