/* graph.c: the tape's nodes, their values, replaying part of it, a new
 * precision, and collecting what nothing can reach. */
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
  g->freecode = XI_NONE;
  xiS_init(&g->sym);
  xiM_init(&g->limbs, prec);
  mpfr_init2(g->tmp, prec);
  xiO_seed(&g->rng, 0);
  /* the widest exponent range MPFR allows: overflow only for absurd values */
  mpfr_set_emin(mpfr_get_emin_min());
  mpfr_set_emax(mpfr_get_emax_max());
}

void xiG_free(xiG_graph *g) {
  xiG_truncate(g, 0);
  free(g->nodes);
  xiM_free(&g->limbs);
  mpfr_clear(g->tmp);
  free(g->literal);
  xiG_names_free(g);
  for (uint32_t i = 0; i < g->ncode; i++)
    xiP_code_free(&g->code[i]);
  free(g->code);
  free(g->built);
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
    free(n->x->el); /* the structs and their limbs are one block */
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

void xiG_truncate(xiG_graph *g, uint32_t mark) {
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
  while (g->n > mark) { /* the pool's slots are simply reused */
    xiG_node *n = &g->nodes[--g->n];
    drop_code(g, n);
    free_ext(n);
  }
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
    memcpy(x->p, p, sizeof x->p);
  n->x = x;
  return 0;
}

uint32_t xiG_leaf(xiG_graph *g, const xiO_view *v, xi_pos pos) {
  uint32_t i = xiG_append(g, XI_LEAF, XI_NONE, XI_NONE, pos);
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

/* ---- values ---- */

static void read_const(xiG_graph *g, xiG_node *n, uint32_t aux) {
  if (aux == XI_LIT_PI) {
    mpfr_const_pi(n->v, MPFR_RNDN);
  } else if (aux == XI_LIT_E) {
    mpfr_set_ui(n->v, 1, MPFR_RNDN);
    mpfr_exp(n->v, n->v, MPFR_RNDN);
  } else {
    /* correctly rounded at the working precision: the literal is kept as text */
    mpfr_strtofr(n->v, xiS_name(&g->sym, aux), NULL, 10, MPFR_RNDN);
  }
  n->err = mpfr_number_p(n->v) ? XI_OK : XI_E_OVERFLOW;
}

static uint8_t status(mpfr_srcptr x) {
  if (mpfr_number_p(x))
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
  mpfr_clear_flags();
  if (!n->x && row->forward) { /* scalar op scalar: the common case, kept short */
    row->forward(n->v, a->v, b->v, MPFR_RNDN);
    n->err = status(n->v);
    return;
  }
  n->err = XI_OK;
  xiO_view out = xiG_view(n);
  if (n->op == XI_LIST) {
    assemble(g, n);
  } else if (row->forward) { /* elementwise, broadcast */
    xi_shape sa = xiG_shape(a), sb = xiG_shape(b);
    mpfr_ptr ea = xiG_view((xiG_node *)a).el, eb = xiG_view((xiG_node *)b).el;
    for (uint32_t i = 0, k = 0; i < out.sh.rows; i++) {
      if (g->interrupt && *g->interrupt) {
        n->err = XI_E_NAN;
        return;
      }
      for (uint32_t j = 0; j < out.sh.cols; j++, k++)
        row->forward(&out.el[k], &ea[xiO_bidx(&sa, i, j)], &eb[xiO_bidx(&sb, i, j)],
                     MPFR_RNDN);
    }
  } else {
    xiO_view va = xiG_view((xiG_node *)a), vb = xiG_view((xiG_node *)b);
    if (row->tforward(&out, &va, &vb, g->tmp))
      n->err = XI_E_NAN;
  }
  for (uint32_t k = 0; k < out.n && n->err == XI_OK; k++)
    n->err = status(&out.el[k]);
}

int xiG_fail_at(xiG_graph *g, uint32_t i, xi_err *err) {
  const xiG_node *n = &g->nodes[i];
  const xiO_row *row = &xiO_table[n->op];
  if (g->interrupt && *g->interrupt)
    return failf(err, n->pos, "interrupted");
  const char *why = n->err == XI_E_OVERFLOW ? "overflow: the result is too large"
                    : n->err == XI_E_NAN    ? row->nan_msg
                                            : row->pole_msg;
  if (n->op == XI_CONST)
    why = "number out of range";
  else if (n->op == XI_CROSS_ENTROPY || n->op == XI_ONEHOT)
    why = "a label is not a class index (a whole number from 0 to the classes - 1)";
  else if (n->op == XI_DIV && n->err == XI_E_NAN && !mpfr_zero_p(g->nodes[n->a].v))
    why = row->pole_msg; /* finite/0 in MPFR is NaN only for 0/0 */
  if (!why)
    why = "the result is not a number";
  return failf(err, n->pos, "%s", why);
}

int xiG_eval(xiG_graph *g, uint32_t i, xi_err *err) {
  xiG_node *n = &g->nodes[i];
  if (n->op == XI_LEAF || n->op == XI_CONST || n->op == XI_GRAD)
    return 0; /* they hold their values */
  compute(g, n);
  return n->err == XI_OK ? 0 : xiG_fail_at(g, i, err);
}

void xiG_reeval(xiG_graph *g, uint32_t from, uint32_t to) {
  for (uint32_t i = from; i <= to && i < g->n; i++) {
    xiG_node *n = &g->nodes[i];
    if (n->op != XI_LEAF && n->op != XI_CONST && n->op != XI_GRAD)
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
    for (uint32_t k = 0; k < xiG_nargs(n); k++)
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
  read_const(g, &g->nodes[i], aux);
  g->literal[key] = i;
  return i;
}

uint32_t xiG_number(xiG_graph *g, long v, xi_pos pos) {
  char text[32];
  int len = snprintf(text, sizeof text, "%ld", v);
  return xiG_constant(g, xiS_intern(&g->sym, text, (size_t)len), pos);
}

int xiG_op(xiG_graph *g, int op, uint32_t a, uint32_t b, const int32_t *p, xi_pos pos,
           uint32_t *out, xi_err *err) {
  const xiO_row *row = &xiO_table[op];
  uint32_t i;
  if (row->forward && !g->nodes[a].x && (b == XI_NONE || !g->nodes[b].x)) {
    i = xiG_append(g, op, a, b, pos); /* scalar op scalar: no shape to work out */
  } else {
    int32_t q[XI_NPARAMS] = {XI_ALL_AXES, INT32_MAX, 0, 0, 0};
    if (p)
      memcpy(q, p, sizeof q);
    xi_shape sa = xiG_shape(&g->nodes[a]), sb = b != XI_NONE ? xiG_shape(&g->nodes[b]) : sa, sh;
    char why[sizeof err->msg];
    if (row->shape(&sh, &sa, b != XI_NONE ? &sb : NULL, q, why, sizeof why))
      return failf(err, pos, "%s", why);
    i = xiG_append(g, op, a, b, pos);
    if (i != XI_NONE && (sh.rank || !row->forward) && xiG_shape_node(g, i, sh, q)) {
      xiG_truncate(g, i);
      i = XI_NONE;
    }
  }
  if (i == XI_NONE)
    return failf(err, pos, "out of memory: the graph has %u nodes", g->n);
  if (xiG_eval(g, i, err)) {
    xiG_truncate(g, i);
    return -1;
  }
  *out = i;
  return 0;
}

int xiG_list(xiG_graph *g, const uint32_t *items, uint32_t n, xi_pos pos, uint32_t *out,
             xi_err *err) {
  xi_shape first = xiG_shape(&g->nodes[items[0]]);
  if (first.rank == 2)
    return failf(err, pos, "a list of matrices: xi's values have at most two axes");
  for (uint32_t k = 1; k < n; k++) {
    xi_shape s = xiG_shape(&g->nodes[items[k]]);
    if (xiO_same_shape(&s, &first))
      continue;
    if (s.rank == 1 && first.rank == 1)
      return failf(err, g->nodes[items[k]].pos, "this row has %u element%s, the first has %u",
                   s.cols, s.cols == 1 ? "" : "s", first.cols);
    char a[48], b[48];
    xiO_shape_text(&first, a, sizeof a);
    xiO_shape_text(&s, b, sizeof b);
    return failf(err, g->nodes[items[k]].pos,
                 "the elements of a list must have one shape: %s, and this one %s", a, b);
  }
  xi_shape sh = first.rank ? (xi_shape){2, n, first.cols} : (xi_shape){1, 1, n};
  if ((uint64_t)sh.rows * sh.cols > XI_MAX_ELEMENTS)
    return failf(err, pos, "a tensor of %llu elements is over the limit of %u",
                 (unsigned long long)sh.rows * sh.cols, XI_MAX_ELEMENTS);
  uint32_t i = xiG_append(g, XI_LIST, items[0], XI_NONE, pos);
  uint32_t *args = i == XI_NONE ? NULL : malloc(n * sizeof *args);
  if (!args || xiG_shape_node(g, i, sh, NULL)) {
    free(args);
    if (i != XI_NONE)
      xiG_truncate(g, i);
    return failf(err, pos, "out of memory");
  }
  memcpy(args, items, n * sizeof *args);
  g->nodes[i].x->args = args;
  g->nodes[i].x->nargs = n;
  compute(g, &g->nodes[i]);
  *out = i;
  return 0;
}

/* ---- replaying: the same computation on other operands ---- */

static int replay_one(xiG_graph *g, uint32_t i, const uint32_t *map, xi_pos at, uint32_t *out,
                      xi_err *err) {
  xiG_node n = g->nodes[i]; /* a copy: the array may move */
#define MAPPED(x) ((x) != XI_NONE && map[x] != XI_NONE ? map[x] : (x))
  if (n.op == XI_GRAD)
    return g->derive(g->derive_ctx, g, XI_D_GRAD, MAPPED(n.a), MAPPED(n.b), XI_NONE, at, out,
                     err);
  if (n.op == XI_LIST) {
    uint32_t *items = malloc(n.x->nargs * sizeof *items);
    if (!items)
      return failf(err, at, "out of memory");
    for (uint32_t k = 0; k < n.x->nargs; k++)
      items[k] = MAPPED(n.x->args[k]);
    int rc = xiG_list(g, items, n.x->nargs, n.pos, out, err);
    free(items);
    return rc;
  }
  int32_t p[XI_NPARAMS];
  if (n.x)
    memcpy(p, n.x->p, sizeof p);
  return xiG_op(g, n.op, MAPPED(n.a), MAPPED(n.b), n.x ? p : NULL, n.pos, out, err);
#undef MAPPED
}

int xiG_replay(xiG_graph *g, uint32_t from, uint32_t to, uint32_t *map, const uint8_t *keep,
               xi_err *err) {
  for (uint32_t i = from + 1; i <= to; i++) {
    const xiG_node *n = &g->nodes[i];
    if ((keep && !keep[i]) || n->op == XI_LEAF || n->op == XI_CONST || map[i] != XI_NONE)
      continue; /* a node the map sends elsewhere already is not built again */
    int moved = 0;
    for (uint32_t k = 0; k < xiG_nargs(n) && !moved; k++)
      moved = map[xiG_arg(n, k)] != XI_NONE;
    if (!moved)
      continue;
    xi_pos at = err->pos;
    if (replay_one(g, i, map, at, &map[i], err)) {
      char where[200];
      xiG_describe(g, i, where, sizeof where);
      size_t len = strlen(err->msg);
      snprintf(err->msg + len, sizeof err->msg - len, " (%s)", where);
      err->pos = at;
      return -1;
    }
  }
  return 0;
}

/* ---- precision ---- */

/* node i's value again, at the graph's (new) precision */
static int recompute(xiG_graph *g, uint32_t i, uint32_t top, xi_err *err) {
  xiG_node *n = &g->nodes[i];
  if (n->op == XI_CONST) {
    read_const(g, n, n->aux);
  } else if (n->op == XI_LEAF && (n->flags & XI_F_LITERAL)) {
    read_const(g, n, n->aux);
  } else if (n->op == XI_LEAF && (n->flags & XI_F_CODE)) {
    uint32_t root;
    int rc = xiG_exec(g, &g->code[n->aux], NULL, NULL, 0, &root, err);
    if (rc == 0) {
      xiO_view v = xiG_view(&g->nodes[root]);
      for (uint32_t k = 0; k < v.n && k < xiG_count(&g->nodes[i]); k++)
        mpfr_set(xiG_el(&g->nodes[i], k), &v.el[k], MPFR_RNDN);
    }
    xiG_truncate(g, top);
    return rc;
  } else if (n->op == XI_GRAD) {
    return g->redo(g->derive_ctx, g, i, err);
  } else if (n->op != XI_LEAF) {
    return xiG_eval(g, i, err);
  }
  return n->err == XI_OK ? 0 : xiG_fail_at(g, i, err);
}

/* every node's limbs in a new pool of precision prec, leaves' values rounded into them */
static int repool(xiG_graph *g, mpfr_prec_t prec, xi_err *err) {
  xiM_pool pool;
  xiM_init(&pool, prec);
  for (uint32_t i = 0; i < g->n; i++) { /* all first, so failing changes nothing */
    __mpfr_struct x;
    if (xiM_place(&pool, i, &x)) {
      xiM_free(&pool);
      return failf(err, err->pos, "out of memory for %u numbers of %ld bits", g->n, (long)prec);
    }
  }
  for (uint32_t i = 0; i < g->n; i++) { /* tensors: a new block each */
    xiG_node *n = &g->nodes[i];
    if (!xiG_is_tensor(n))
      continue;
    __mpfr_struct *el = xiG_elements(n->x->n, prec);
    if (!el) { /* those done so far are at the new precision, and computed again below */
      xiM_free(&pool);
      return failf(err, err->pos, "out of memory for a tensor of %u numbers", n->x->n);
    }
    for (uint32_t k = 0; k < n->x->n; k++)
      mpfr_set(&el[k], &n->x->el[k], MPFR_RNDN);
    free(n->x->el);
    n->x->el = el;
  }
  for (uint32_t i = 0; i < g->n; i++) {
    __mpfr_struct old = g->nodes[i].v[0];
    xiM_place(&pool, i, g->nodes[i].v);
    mpfr_set(g->nodes[i].v, &old, MPFR_RNDN); /* exact when the precision grows */
  }
  xiM_free(&g->limbs);
  g->limbs = pool;
  g->prec = prec;
  mpfr_set_prec(g->tmp, prec);
  return 0;
}

static int prec_pass(xiG_graph *g, mpfr_prec_t prec, xi_err *err) {
  if (repool(g, prec, err))
    return -1;
  uint32_t top = g->n;
  for (uint32_t i = 0; i < top; i++)
    if (recompute(g, i, top, err)) {
      char where[200];
      xiG_describe(g, i, where, sizeof where);
      size_t len = strlen(err->msg);
      snprintf(err->msg + len, sizeof err->msg - len, " %s at %ld bits", where, (long)prec);
      return -1;
    }
  return 0;
}

int xiG_set_prec(xiG_graph *g, mpfr_prec_t prec, xi_err *err) {
  mpfr_prec_t old = g->prec;
  xi_pos at = err->pos;
  if (prec_pass(g, prec, err) == 0)
    return 0;
  xi_err again = {at, ""}; /* back to where it was: the same values as before */
  prec_pass(g, old, &again);
  err->pos = at;
  return -1;
}

/* ---- collecting what nothing can reach ---- */

static void mark_live(xiG_graph *g, uint8_t *live) {
  for (uint32_t id = 0; id < g->nbind; id++)
    if (g->bind[id].kind == B_NODE)
      live[g->bind[id].node] = 1;
  for (uint32_t k = 0; k < g->nlabel; k++)
    if (g->label[k] != XI_NONE)
      live[g->label[k]] = 1;
  for (uint32_t i = g->n; i-- > 0;) /* operands come before their consumers */
    if (live[i])
      for (uint32_t k = 0; k < xiG_nargs(&g->nodes[i]); k++)
        live[xiG_arg(&g->nodes[i], k)] = 1;
}

static void renumber_node(xiG_node *nd, const uint32_t *to) {
  if (nd->a != XI_NONE)
    nd->a = to[nd->a];
  if (nd->b != XI_NONE)
    nd->b = to[nd->b];
  if (nd->op == XI_LIST)
    for (uint32_t k = 0; k < nd->x->nargs; k++)
      nd->x->args[k] = to[nd->x->args[k]];
  if (nd->op == XI_GRAD && nd->aux != XI_NONE)
    nd->aux = to[nd->aux]; /* its built graph is kept only while something else keeps it */
}

uint32_t xiG_collect(xiG_graph *g) {
  uint32_t n = g->n;
  uint8_t *live = calloc(n ? n : 1, 1);
  uint32_t *to = malloc((n ? n : 1) * sizeof *to);
  if (!live || !to) { /* no memory to collect with: keep everything */
    free(live);
    free(to);
    return 0;
  }
  mark_live(g, live);
  uint32_t j = 0;
  for (uint32_t i = 0; i < n; i++)
    to[i] = live[i] ? j++ : XI_NONE;
  for (uint32_t i = 0; i < n; i++) {
    xiG_node *nd = &g->nodes[i];
    if (!live[i]) {
      drop_code(g, nd);
      free_ext(nd);
      continue;
    }
    renumber_node(nd, to);
    if (to[i] == i)
      continue;
    /* slot to[i] < i is free: its node died or has moved down already */
    xiG_node moved = *nd;
    xiM_place(&g->limbs, to[i], moved.v);
    mpfr_set(moved.v, nd->v, MPFR_RNDN);
    g->nodes[to[i]] = moved;
  }
  g->n = j;
  uint32_t kept = 0;
  for (uint32_t k = 0; k < g->nbuilt; k++) {
    uint32_t grad = to[g->built[k]];
    if (grad != XI_NONE && g->nodes[grad].aux != XI_NONE)
      g->built[kept++] = grad;
  }
  g->nbuilt = kept;
  for (uint32_t k = 0; k < g->nliteral; k++)
    if (g->literal[k] != XI_NONE)
      g->literal[k] = g->literal[k] < n ? to[g->literal[k]] : XI_NONE;
  xiG_names_renumber(g, to);
  free(live);
  free(to);
  return n - j;
}
