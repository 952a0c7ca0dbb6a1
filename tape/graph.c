/* graph.c: the tape, the names bound to it, and forward evaluation. */
#include "tape/graph.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failf(xi_err *err, xi_pos pos, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  err->pos = pos;
  vsnprintf(err->msg, sizeof err->msg, fmt, ap);
  va_end(ap);
  return -1;
}

void xiG_init(xiG_graph *g, mpfr_prec_t prec) {
  memset(g, 0, sizeof *g);
  g->prec = prec;
  xiS_init(&g->sym);
  xiM_init(&g->limbs, prec);
  mpfr_init2(g->tmp, prec);
  xiO_seed(&g->rng, 0);
  /* the widest exponent range MPFR allows: overflow only for absurd values */
  mpfr_set_emin(mpfr_get_emin_min());
  mpfr_set_emax(mpfr_get_emax_max());
}

static void clear_binding(xiG_binding *b) {
  free(b->text);
  free(b->params);
  xiP_code_free(&b->src);
  xiP_code_free(&b->body);
  memset(b, 0, sizeof *b);
}

void xiG_free(xiG_graph *g) {
  xiG_truncate(g, 0);
  free(g->nodes);
  xiM_free(&g->limbs);
  mpfr_clear(g->tmp);
  free(g->literal);
  for (uint32_t i = 0; i < g->nbind; i++)
    clear_binding(&g->bind[i]);
  free(g->bind);
  xiS_free(&g->sym);
  memset(g, 0, sizeof *g);
}

uint32_t xiG_append(xiG_graph *g, int op, uint32_t a, uint32_t b, xi_pos pos) {
  if (g->n == g->cap) {
    if (g->cap >= UINT32_MAX / 4)
      return XI_NONE;
    uint32_t cap = g->cap ? g->cap * 2 : 1024;
    xiG_node *q = realloc(g->nodes, (size_t)cap * sizeof *q);
    if (!q)
      return XI_NONE;
    g->nodes = q, g->cap = cap;
  }
  xiG_node *n = &g->nodes[g->n];
  n->op = (uint8_t)op;
  n->err = XI_OK;
  n->spare = n->shown = 0;
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
    free(n->x->el); /* the structs and their limbs are one block */
    free(n->x);
    n->x = NULL;
  }
}

void xiG_truncate(xiG_graph *g, uint32_t mark) {
  while (g->n > mark) /* the pool's slots are simply reused */
    free_ext(&g->nodes[--g->n]);
  if (g->fresh > mark)
    g->fresh = mark;
}

/* n elements at precision prec in one block: the structs, then their limbs */
__mpfr_struct *xiG_elements(uint32_t n, mpfr_prec_t prec) {
  size_t slot = mpfr_custom_get_size(prec);
  slot = (slot + sizeof(mp_limb_t) - 1) / sizeof(mp_limb_t) * sizeof(mp_limb_t);
  __mpfr_struct *el = malloc((size_t)n * (sizeof *el + slot));
  if (!el)
    return NULL;
  char *limbs = (char *)(el + n);
  for (uint32_t k = 0; k < n; k++) {
    mpfr_custom_init(limbs + k * slot, prec);
    mpfr_custom_init_set(&el[k], MPFR_ZERO_KIND, 0, prec, limbs + k * slot);
  }
  return el;
}

int xiG_shape_node(xiG_graph *g, uint32_t i, xi_shape sh, const int32_t *p) {
  xiG_node *n = &g->nodes[i];
  free_ext(n);
  xiG_ext *x = calloc(1, sizeof *x);
  if (!x)
    return -1;
  x->sh = sh;
  x->n = sh.rank ? sh.rows * sh.cols : 1;
  if (sh.rank && !(x->el = xiG_elements(x->n, g->prec))) {
    free(x);
    return -1;
  }
  if (p)
    x->p[0] = p[0], x->p[1] = p[1];
  n->x = x;
  return 0;
}

uint32_t xiG_snapshot(xiG_graph *g, const xiO_view *v, xi_pos pos) {
  uint32_t i = xiG_append(g, XI_SNAP, XI_NONE, XI_NONE, pos);
  if (i == XI_NONE)
    return i;
  if (v->sh.rank && xiG_shape_node(g, i, v->sh, NULL)) {
    xiG_truncate(g, i);
    return XI_NONE;
  }
  for (uint32_t k = 0; k < v->n; k++)
    mpfr_set(xiG_el(&g->nodes[i], k), &v->el[k], MPFR_RNDN);
  return i;
}

int xiG_copy_value(xiG_graph *g, uint32_t dst, uint32_t src, int reshape) {
  xi_shape a = xiG_shape(&g->nodes[dst]), b = xiG_shape(&g->nodes[src]);
  if (a.rank != b.rank || a.rows != b.rows || a.cols != b.cols) {
    if (!reshape)
      return -1;
    if (b.rank ? xiG_shape_node(g, dst, b, NULL) : (free_ext(&g->nodes[dst]), 0))
      return -1;
  }
  for (uint32_t k = 0; k < xiG_count(&g->nodes[src]); k++)
    mpfr_set(xiG_el(&g->nodes[dst], k), xiG_el(&g->nodes[src], k), MPFR_RNDN);
  g->nodes[dst].err = g->nodes[src].err ? XI_E_NAN : XI_OK;
  return 0;
}

/* ---- values ---- */

static void read_const(xiG_graph *g, xiG_node *n) {
  if (n->aux == XI_LIT_PI) {
    mpfr_const_pi(n->v, MPFR_RNDN);
  } else if (n->aux == XI_LIT_E) {
    mpfr_set_ui(n->v, 1, MPFR_RNDN);
    mpfr_exp(n->v, n->v, MPFR_RNDN);
  } else {
    /* correctly rounded at the working precision: the literal is kept as text */
    mpfr_strtofr(n->v, xiS_name(&g->sym, n->aux), NULL, 10, MPFR_RNDN);
  }
  n->err = mpfr_number_p(n->v) ? XI_OK : XI_E_OVERFLOW;
}

static void eval_one(xiG_graph *g, xiG_node *n) {
  if (n->op <= XI_SNAP)
    return; /* leaves, constants and snapshots hold their values */
  const xiG_node *a = &g->nodes[n->a];
  const xiG_node *b = n->b == XI_NONE ? a : &g->nodes[n->b];
  if (a->err || b->err) {
    n->err = XI_E_UPSTREAM;
    mpfr_set_nan(n->v);
    return;
  }
  const xiO_row *row = &xiO_table[n->op];
  if (!n->x && row->forward) { /* scalar op scalar: the common case, kept short */
    mpfr_clear_flags();
    row->forward(n->v, a->v, b->v, MPFR_RNDN);
    if (mpfr_number_p(n->v))
      n->err = XI_OK;
    else
      n->err = mpfr_nan_p(n->v) ? XI_E_NAN : mpfr_overflow_p() ? XI_E_OVERFLOW : XI_E_POLE;
    return;
  }
  mpfr_clear_flags();
  n->err = XI_OK;
  xiO_view out = xiG_view(n);
  if (row->forward) { /* elementwise, broadcast */
    xi_shape sa = xiG_shape(a), sb = xiG_shape(b);
    mpfr_ptr ea = xiG_view((xiG_node *)a).el, eb = xiG_view((xiG_node *)b).el;
    for (uint32_t i = 0, k = 0; i < out.sh.rows; i++)
      for (uint32_t j = 0; j < out.sh.cols; j++, k++)
        row->forward(&out.el[k], &ea[xiG_bidx(&sa, i, j)], &eb[xiG_bidx(&sb, i, j)],
                     MPFR_RNDN);
  } else {
    xiO_view va = xiG_view((xiG_node *)a), vb = xiG_view((xiG_node *)b);
    if (row->tforward(&out, &va, &vb, g->tmp))
      n->err = XI_E_NAN;
  }
  for (uint32_t k = 0; k < out.n && n->err == XI_OK; k++)
    if (!mpfr_number_p(&out.el[k]))
      n->err = mpfr_nan_p(&out.el[k]) ? XI_E_NAN : mpfr_overflow_p() ? XI_E_OVERFLOW : XI_E_POLE;
}

int xiG_eval(xiG_graph *g, uint32_t upto, xi_err *err) {
  for (uint32_t i = g->fresh; i <= upto && i < g->n; i++) {
    if ((i & 15) == 0 && g->interrupt && *g->interrupt) {
      g->fresh = i;
      return failf(err, g->nodes[upto].pos, "interrupted");
    }
    eval_one(g, &g->nodes[i]);
  }
  if (upto + 1 > g->fresh)
    g->fresh = upto + 1 < g->n ? upto + 1 : g->n;
  return 0;
}

void xiG_describe(const xiG_graph *g, uint32_t i, char *buf, size_t n) {
  const char *name = xiG_name_of(g, i);
  const xiG_node *nd = &g->nodes[i];
  const char *what = nd->op == XI_CONST ? "a number" : xiO_table[nd->op].name;
  if (name)
    snprintf(buf, n, "in %s (defined at %u:%u)", name, nd->pos.line, nd->pos.col);
  else if (what && nd->op > XI_SNAP)
    snprintf(buf, n, "in %s(...) at %u:%u", what, nd->pos.line, nd->pos.col);
  else
    snprintf(buf, n, "at %u:%u", nd->pos.line, nd->pos.col);
}

int xiG_check(xiG_graph *g, uint32_t i, uint32_t mark, xi_pos at, xi_err *err) {
  if (g->nodes[i].err == XI_OK)
    return 0;
  while (g->nodes[i].err == XI_E_UPSTREAM) /* walk down to where it began */
    i = g->nodes[g->nodes[i].a].err ? g->nodes[i].a : g->nodes[i].b;
  const xiG_node *n = &g->nodes[i];
  const xiO_row *row = &xiO_table[n->op];
  const char *why = n->err == XI_E_OVERFLOW ? "overflow: the result is too large"
                    : n->err == XI_E_NAN    ? row->nan_msg
                                            : row->pole_msg;
  if (n->op == XI_CONST)
    why = "number out of range";
  else if (n->op == XI_CROSS_ENTROPY)
    why = "a label is not a class index (a whole number from 0 to the classes - 1)";
  else if (n->op == XI_DIV && n->err == XI_E_NAN && !mpfr_zero_p(g->nodes[n->a].v))
    why = row->pole_msg; /* finite/0 in MPFR is NaN only for 0/0 */
  if (!why)
    why = "the result is not a number";
  char where[200];
  xiG_describe(g, i, where, sizeof where);
  if (i >= mark)
    return failf(err, n->pos, "%s", why);
  return failf(err, at, "%s %s", why, where); /* an older node: point at what asked */
}

/* an operand from before mark that is not a (shared) constant */
static int outside(const xiG_graph *g, uint32_t mark, uint32_t i) {
  return i != XI_NONE && i < mark && g->nodes[i].op != XI_CONST;
}

int xiG_self_contained(const xiG_graph *g, uint32_t mark, uint32_t root) {
  if (outside(g, mark, root))
    return 0;
  for (uint32_t i = mark; i < g->n; i++)
    if (outside(g, mark, g->nodes[i].a) || outside(g, mark, g->nodes[i].b))
      return 0;
  return 1;
}

int xiG_set_leaf_from(xiG_graph *g, uint32_t i, uint32_t src, xi_err *err, xi_pos pos) {
  if (xiG_copy_value(g, i, src, 0)) {
    char a[48], b[48];
    xi_shape sa = xiG_shape(&g->nodes[i]), sb = xiG_shape(&g->nodes[src]);
    xiO_shape_text(&sa, a, sizeof a);
    xiO_shape_text(&sb, b, sizeof b);
    return failf(err, pos, "this leaf has shape %s and cannot take a value of shape %s "
                           "(nodes built on it depend on its shape)", a, b);
  }
  if (g->fresh > i + 1)
    g->fresh = i + 1;
  return 0;
}

void xiG_set_leaf(xiG_graph *g, uint32_t i, mpfr_srcptr v) {
  mpfr_set(g->nodes[i].v, v, MPFR_RNDN);
  g->nodes[i].err = XI_OK;
  if (g->fresh > i + 1)
    g->fresh = i + 1;
}

/* ---- building nodes from postfix code ---- */

static int resolve(xiG_graph *g, const xiP_ins *in, const uint32_t *params,
                   const uint32_t *args, uint32_t np, uint32_t *node, xi_err *err) {
  for (uint32_t k = np; k-- > 0;)
    if (params[k] == in->arg) {
      *node = args[k];
      return 0;
    }
  const xiG_binding *b = xiG_binding_of(g, in->arg);
  const char *name = xiS_name(&g->sym, in->arg);
  if (!b)
    return failf(err, in->pos, "unknown name '%s'", name);
  if (b->kind == B_FUNC)
    return failf(err, in->pos, "%s is a function: call it as %s(...)", name, name);
  *node = b->node;
  return 0;
}

static int call(xiG_graph *g, const xiP_ins *in, uint32_t *args, uint32_t *out, xi_err *err) {
  const char *name = xiS_name(&g->sym, in->arg);
  const xiG_binding *b = xiG_binding_of(g, in->arg);
  if (!b || b->kind != B_FUNC)
    return failf(err, in->pos, b ? "%s is not a function" : "unknown function '%s'", name);
  if (b->nparams != in->argc)
    return failf(err, in->pos, "%s takes %u argument%s, not %u", name, b->nparams,
                 b->nparams == 1 ? "" : "s", in->argc);
  if (g->depth >= XI_CALL_DEPTH)
    return failf(err, in->pos, "function calls nested more than %d deep (does %s call itself?)",
                 XI_CALL_DEPTH, name);
  uint32_t first = g->n;
  g->depth++;
  int rc = xiG_exec(g, &b->body, b->params, args, b->nparams, out, err);
  g->depth--;
  if (rc) {
    char inner[sizeof err->msg];
    snprintf(inner, sizeof inner, "%s", err->msg);
    if (strncmp(inner, "in ", 3) == 0)
      return failf(err, in->pos, "%s", inner);
    return failf(err, in->pos, "in %s(...): %s", name, inner);
  }
  for (uint32_t i = first; i < g->n; i++)
    g->nodes[i].pos = in->pos; /* errors inside point at the call */
  return 0;
}

static int grad_of(xiG_graph *g, const xiP_ins *in, uint32_t e, const uint32_t *params,
                   const uint32_t *args, uint32_t np, uint32_t *out, xi_err *err) {
  uint32_t v;
  if (resolve(g, in, params, args, np, &v, err))
    return -1;
  if (!g->grad)
    return failf(err, in->pos, "grad is not available here");
  if (xiG_eval(g, e, err) || xiG_check(g, e, 0, in->pos, err))
    return -1;
  if (xiG_is_tensor(&g->nodes[e])) {
    char t[48];
    xi_shape sh = xiG_shape(&g->nodes[e]);
    xiO_shape_text(&sh, t, sizeof t);
    return failf(err, in->pos, "grad(E, v) needs E to be a scalar, not of shape %s: sum it", t);
  }
  err->pos = in->pos; /* where a failing sweep points */
  return g->grad(g->grad_ctx, g, e, v, out, err);
}

/* a whole number an op is built with (an axis, an index, a size) */
static int whole(xiG_graph *g, uint32_t i, xi_pos pos, int32_t *out, xi_err *err) {
  if (xiG_eval(g, i, err) || xiG_check(g, i, 0, pos, err))
    return -1;
  xiG_node *n = &g->nodes[i];
  if (xiG_is_tensor(n) || !mpfr_integer_p(n->v) || mpfr_cmp_si(n->v, INT32_MAX - 1) > 0 ||
      mpfr_cmp_si(n->v, INT32_MIN + 1) < 0)
    return failf(err, pos, "expected a whole number here");
  *out = (int32_t)mpfr_get_si(n->v, MPFR_RNDN);
  return 0;
}

static int build_op(xiG_graph *g, int op, const uint32_t *args, int nparams, int32_t *p,
                    xi_pos pos, uint32_t *out, xi_err *err) {
  const xiO_row *row = &xiO_table[op];
  if (row->forward && !g->nodes[args[0]].x && (row->arity == 1 || !g->nodes[args[1]].x)) {
    /* scalar op scalar, the common case: no shape to work out */
    *out = xiG_append(g, op, args[0], row->arity > 1 ? args[1] : XI_NONE, pos);
    return 0;
  }
  for (int q = 0; q < nparams; q++)
    if (whole(g, args[row->arity + q], pos, &p[q], err))
      return -1;
  uint32_t a = args[0], b = row->arity > 1 ? args[1] : XI_NONE;
  xi_shape sa = xiG_shape(&g->nodes[a]), sb = b != XI_NONE ? xiG_shape(&g->nodes[b]) : sa;
  xi_shape sh;
  char why[sizeof err->msg];
  if (row->shape(&sh, &sa, b != XI_NONE ? &sb : NULL, p, why, sizeof why))
    return failf(err, pos, "%s", why);
  *out = xiG_append(g, op, a, b, pos);
  if (*out != XI_NONE && (sh.rank || !row->forward) && xiG_shape_node(g, *out, sh, p)) {
    xiG_truncate(g, *out);
    *out = XI_NONE;
  }
  return 0;
}

int xiG_binary(xiG_graph *g, int op, uint32_t a, uint32_t b, xi_pos pos, uint32_t *out,
               xi_err *err) {
  uint32_t args[2] = {a, b};
  int32_t p[2] = {XI_ALL_AXES, INT32_MAX};
  if (build_op(g, op, args, 0, p, pos, out, err))
    return -1;
  if (*out == XI_NONE)
    return failf(err, pos, "out of memory: the graph has %u nodes", g->n);
  return 0;
}

/* [1, 2] and [[0.1, 0.1], [0.1, 0.1]]: the values now, as one tensor */
static int build_list(xiG_graph *g, const xiP_ins *in, const uint32_t *items, uint32_t *out,
                      xi_err *err) {
  uint32_t n = in->arg, rows = in->op == 2 ? in->argc : 1;
  for (uint32_t k = 0; k < n; k++) {
    if (xiG_eval(g, items[k], err) || xiG_check(g, items[k], 0, in->pos, err))
      return -1;
    if (xiG_is_tensor(&g->nodes[items[k]]))
      return failf(err, in->pos, "the elements of a list must be numbers");
  }
  __mpfr_struct *tmp = malloc(n * sizeof *tmp);
  if (!tmp)
    return failf(err, in->pos, "out of memory");
  for (uint32_t k = 0; k < n; k++)
    tmp[k] = g->nodes[items[k]].v[0]; /* a view: the nodes stay where they are */
  xiO_view v = {tmp, {(uint8_t)in->op, rows, n / rows}, n, NULL};
  *out = xiG_snapshot(g, &v, in->pos);
  free(tmp);
  return 0;
}

/* zeros ones eye randn rand */
static int build_maker(xiG_graph *g, const xiP_ins *in, const uint32_t *args, uint32_t *out,
                       xi_err *err) {
  int32_t d[2] = {1, 1};
  for (uint32_t q = 0; q < in->argc; q++) {
    if (whole(g, args[q], in->pos, &d[q], err))
      return -1;
    if (d[q] < 1)
      return failf(err, in->pos, "a size must be 1 or more, not %d", d[q]);
  }
  if (in->op == XI_MAKE_EYE)
    d[1] = d[0];
  xi_shape sh = {(uint8_t)(in->op == XI_MAKE_EYE ? 2 : in->argc), 1, 1};
  if (sh.rank == 1)
    sh.cols = (uint32_t)d[0];
  else if (sh.rank == 2)
    sh.rows = (uint32_t)d[0], sh.cols = (uint32_t)d[1];
  if ((uint64_t)sh.rows * sh.cols > XI_MAX_ELEMENTS)
    return failf(err, in->pos, "a tensor of %llu elements is over the limit of %u",
                 (unsigned long long)sh.rows * sh.cols, XI_MAX_ELEMENTS);
  *out = xiG_append(g, XI_SNAP, XI_NONE, XI_NONE, in->pos);
  if (*out == XI_NONE || (sh.rank && xiG_shape_node(g, *out, sh, NULL))) {
    *out = XI_NONE;
    return 0;
  }
  xiG_node *n = &g->nodes[*out];
  for (uint32_t k = 0; k < xiG_count(n); k++) {
    mpfr_ptr e = xiG_el(n, k);
    switch (in->op) {
    case XI_MAKE_ZEROS: mpfr_set_zero(e, 1); break;
    case XI_MAKE_ONES: mpfr_set_ui(e, 1, MPFR_RNDN); break;
    case XI_MAKE_EYE: mpfr_set_ui(e, k / sh.cols == k % sh.cols, MPFR_RNDN); break;
    case XI_MAKE_RANDN: mpfr_set_d(e, xiO_gauss(&g->rng), MPFR_RNDN); break;
    default: mpfr_set_d(e, xiO_uniform(&g->rng), MPFR_RNDN); break;
    }
  }
  return 0;
}

/* A literal's node is shared by every statement that writes the literal:
   constants never change (but with the precision, when all are re-read). */
static uint32_t constant(xiG_graph *g, const xiP_ins *in) {
  uint32_t aux = in->kind == K_CONST ? (in->arg ? XI_LIT_E : XI_LIT_PI) : in->arg;
  uint32_t key = in->kind == K_CONST ? in->arg : in->arg + 2; /* 0 pi, 1 e, then symbols */
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
  uint32_t i = xiG_append(g, XI_CONST, XI_NONE, XI_NONE, in->pos);
  if (i == XI_NONE)
    return i;
  g->nodes[i].aux = aux;
  read_const(g, &g->nodes[i]);
  g->literal[key] = i;
  return i;
}

int xiG_exec(xiG_graph *g, const xiP_code *code, const uint32_t *params,
             const uint32_t *args, uint32_t np, uint32_t *root, xi_err *err) {
  uint32_t small[64], sp = 0; /* most statements are short: no malloc */
  uint32_t *st = code->n < 64 ? small : malloc((code->n + 1) * sizeof *st);
  if (!st)
    return failf(err, code->n ? code->ins[0].pos : (xi_pos){0, 0}, "out of memory");
  int rc = 0;
  for (uint32_t k = 0; k < code->n && rc == 0; k++) {
    const xiP_ins *in = &code->ins[k];
    uint32_t node = XI_NONE;
    switch (in->kind) {
    case K_NUM:
    case K_CONST:
      node = constant(g, in);
      if (node != XI_NONE && g->nodes[node].err)
        rc = failf(err, in->pos, "number out of range");
      break;
    case K_NAME:
      rc = resolve(g, in, params, args, np, &node, err);
      break;
    case K_OP: {
      int arity = xiO_table[in->op].arity;
      int nparams = in->argc > arity ? in->argc - arity : 0;
      int32_t p[2] = {XI_ALL_AXES, INT32_MAX};
      sp -= (uint32_t)(arity + nparams);
      rc = build_op(g, in->op, st + sp, nparams, p, in->pos, &node, err);
      break;
    }
    case K_INDEX: { /* op: which of the argc items are ':' */
      uint32_t given = 0;
      for (int q = 0; q < in->argc; q++)
        given += !(in->op & (1u << q));
      sp -= given + 1;
      int32_t p[2] = {XI_COLON, in->argc > 1 ? XI_COLON : INT32_MAX};
      uint32_t next = sp + 1;
      for (int q = 0; q < in->argc && rc == 0; q++)
        if (!(in->op & (1u << q)))
          rc = whole(g, st[next++], in->pos, &p[q], err);
      if (rc == 0)
        rc = build_op(g, XI_INDEX, st + sp, 0, p, in->pos, &node, err);
      break;
    }
    case K_LIST:
      sp -= in->arg;
      rc = build_list(g, in, st + sp, &node, err);
      break;
    case K_MAKE:
      sp -= in->argc;
      rc = build_maker(g, in, st + sp, &node, err);
      break;
    case K_CALL:
      sp -= in->argc;
      rc = call(g, in, st + sp, &node, err);
      break;
    case K_GRAD:
      rc = grad_of(g, in, st[--sp], params, args, np, &node, err);
      break;
    }
    if (rc == 0 && node == XI_NONE)
      rc = failf(err, in->pos, "out of memory: the graph has %u nodes", g->n);
    st[sp++] = node;
  }
  if (rc == 0)
    *root = st[0];
  if (st != small)
    free(st);
  return rc;
}

/* ---- precision ---- */

int xiG_set_prec(xiG_graph *g, mpfr_prec_t prec, xi_err *err) {
  xiM_pool pool;
  xiM_init(&pool, prec);
  for (uint32_t i = 0; i < g->n; i++) { /* all first, so failing changes nothing */
    __mpfr_struct x;
    if (xiM_place(&pool, i, &x)) {
      xiM_free(&pool);
      err->msg[0] = '\0';
      snprintf(err->msg, sizeof err->msg, "out of memory for %u numbers of %ld bits", g->n,
               (long)prec);
      return -1;
    }
  }
  for (uint32_t i = 0; i < g->n; i++) { /* tensors: a new block each */
    xiG_node *n = &g->nodes[i];
    if (!xiG_is_tensor(n))
      continue;
    __mpfr_struct *el = xiG_elements(n->x->n, prec);
    if (!el) { /* keep what is done so far consistent: those blocks are at the new precision */
      for (uint32_t k = 0; k < n->x->n; k++)
        mpfr_set_nan(&n->x->el[k]);
      xiM_free(&pool);
      snprintf(err->msg, sizeof err->msg, "out of memory for a tensor of %u numbers", n->x->n);
      return -1;
    }
    if (n->op == XI_LEAF || n->op == XI_SNAP)
      for (uint32_t k = 0; k < n->x->n; k++)
        mpfr_set(&el[k], &n->x->el[k], MPFR_RNDN);
    free(n->x->el);
    n->x->el = el;
  }
  for (uint32_t i = 0; i < g->n; i++) {
    xiG_node *n = &g->nodes[i];
    __mpfr_struct old = n->v[0];
    xiM_place(&pool, i, n->v);
    if (n->op == XI_LEAF || n->op == XI_SNAP)
      mpfr_set(n->v, &old, MPFR_RNDN); /* exact when the precision grows */
    else if (n->op == XI_CONST)
      read_const(g, n);
  }
  xiM_free(&g->limbs);
  g->limbs = pool;
  g->prec = prec;
  mpfr_set_prec(g->tmp, prec);
  g->fresh = 0;
  /* a leaf set from a constant expression is that expression at the new precision */
  for (uint32_t id = 0; id < g->nbind; id++) {
    xiG_binding *b = &g->bind[id];
    if (b->kind != B_NODE || b->src.n == 0 || g->nodes[b->node].op != XI_LEAF)
      continue;
    uint32_t mark = g->n, root;
    if (xiG_exec(g, &b->src, NULL, NULL, 0, &root, err) == 0 &&
        xiG_eval(g, root, err) == 0 && g->nodes[root].err == XI_OK)
      xiG_copy_value(g, b->node, root, 0); /* a shape that changed keeps the old value */
    xiG_truncate(g, mark);
  }
  g->fresh = 0;
  return 0;
}

/* ---- bindings ---- */

xiG_binding *xiG_binding_of(xiG_graph *g, uint32_t name) {
  if (name >= g->nbind || g->bind[name].kind == B_NONE)
    return NULL;
  return &g->bind[name];
}

static xiG_binding *slot(xiG_graph *g, uint32_t name) {
  if (name >= g->nbind) {
    uint32_t n = g->sym.n > name + 1 ? g->sym.n : name + 1;
    xiG_binding *b = realloc(g->bind, n * sizeof *b);
    if (!b)
      return NULL;
    memset(b + g->nbind, 0, (n - g->nbind) * sizeof *b);
    g->bind = b, g->nbind = n;
  }
  return &g->bind[name];
}

static char *dupstr(const char *s, size_t len) {
  char *d = malloc(len + 1);
  if (d) {
    memcpy(d, s, len);
    d[len] = '\0';
  }
  return d;
}

int xiG_bind_node(xiG_graph *g, uint32_t name, uint32_t node, const char *text, size_t len) {
  xiG_binding *b = slot(g, name);
  if (!b)
    return -1;
  /* a name rebound again and again (c = c + 1 in a loop) keeps its text buffer */
  char *buf = b->text;
  size_t cap = b->textcap;
  if (cap < len + 1) {
    char *q = realloc(buf, len + 1);
    if (!q)
      return -1;
    buf = q, cap = len + 1;
  }
  b->text = NULL;
  clear_binding(b);
  memcpy(buf, text, len);
  buf[len] = '\0';
  b->kind = B_NODE;
  b->node = node;
  b->text = buf;
  b->textcap = cap;
  b->order = g->order++;
  if (g->nodes[node].name == XI_NONE)
    g->nodes[node].name = name;
  return 0;
}

int xiG_bind_func(xiG_graph *g, uint32_t name, const uint32_t *params, uint32_t np,
                  const xiP_code *body, const char *text, size_t len) {
  xiG_binding *b = slot(g, name);
  char *t = dupstr(text, len);
  uint32_t *p = malloc((np ? np : 1) * sizeof *p);
  xiP_code copy;
  if (!b || !t || !p || xiP_code_copy(&copy, body)) {
    free(t);
    free(p);
    return -1;
  }
  clear_binding(b);
  memcpy(p, params, np * sizeof *p);
  b->kind = B_FUNC;
  b->params = p;
  b->nparams = np;
  b->body = copy;
  b->text = t;
  b->order = g->order++;
  return 0;
}

void xiG_unbind(xiG_graph *g, uint32_t name) {
  if (name < g->nbind)
    clear_binding(&g->bind[name]);
}

const char *xiG_name_of(const xiG_graph *g, uint32_t i) {
  uint32_t name = g->nodes[i].name;
  if (name == XI_NONE || name >= g->nbind)
    return NULL;
  const xiG_binding *b = &g->bind[name];
  return b->kind == B_NODE && b->node == i ? xiS_name(&g->sym, name) : NULL;
}

/* ---- collecting what nothing can reach ---- */

uint32_t xiG_collect(xiG_graph *g) {
  uint32_t n = g->n;
  uint8_t *live = calloc(n ? n : 1, 1);
  uint32_t *to = malloc((n ? n : 1) * sizeof *to);
  if (!live || !to) { /* no memory to collect with: keep everything */
    free(live);
    free(to);
    return 0;
  }
  for (uint32_t id = 0; id < g->nbind; id++)
    if (g->bind[id].kind == B_NODE)
      live[g->bind[id].node] = 1;
  for (uint32_t i = n; i-- > 0;) /* operands come before their consumers */
    if (live[i]) {
      if (g->nodes[i].a != XI_NONE)
        live[g->nodes[i].a] = 1;
      if (g->nodes[i].b != XI_NONE)
        live[g->nodes[i].b] = 1;
    }
  uint32_t j = 0, fresh = 0;
  for (uint32_t i = 0; i < n; i++) {
    to[i] = live[i] ? j++ : XI_NONE;
    if (live[i] && i < g->fresh)
      fresh++;
  }
  for (uint32_t i = 0; i < n; i++) {
    xiG_node *nd = &g->nodes[i];
    if (!live[i]) {
      free_ext(nd);
      continue;
    }
    if (nd->a != XI_NONE)
      nd->a = to[nd->a];
    if (nd->b != XI_NONE)
      nd->b = to[nd->b];
    if (to[i] == i)
      continue;
    /* slot to[i] < i is free: its node died or has moved down already */
    xiG_node moved = *nd;
    xiM_place(&g->limbs, to[i], moved.v);
    mpfr_set(moved.v, nd->v, MPFR_RNDN);
    g->nodes[to[i]] = moved;
  }
  g->n = j;
  g->fresh = fresh;
  for (uint32_t id = 0; id < g->nbind; id++)
    if (g->bind[id].kind == B_NODE)
      g->bind[id].node = to[g->bind[id].node];
  for (uint32_t k = 0; k < g->nliteral; k++)
    if (g->literal[k] != XI_NONE)
      g->literal[k] = g->literal[k] < n ? to[g->literal[k]] : XI_NONE;
  free(live);
  free(to);
  return n - j;
}
