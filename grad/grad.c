/* grad.c: reverse-mode accumulation over the tape. */
#include "grad.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void xiD_init(xiD_sweep *s) { memset(s, 0, sizeof *s); }

void xiD_free(xiD_sweep *s) {
  xiM_free(&s->limbs);
  free(s->adj);
  free(s->need);
  if (s->tmp_ready)
    mpfr_clear(s->tmp);
  memset(s, 0, sizeof *s);
}

static int failf(xi_err *err, xi_pos pos, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  err->pos = pos;
  vsnprintf(err->msg, sizeof err->msg, fmt, ap);
  va_end(ap);
  return -1;
}

/* room for an adjoint per node, all at the working precision */
static int reserve(xiD_sweep *s, const xiG_graph *g) {
  if (s->prec != g->prec) { /* a new precision: a new pool, placed again below */
    xiM_free(&s->limbs);
    xiM_init(&s->limbs, g->prec);
    s->n = 0;
    if (s->tmp_ready)
      mpfr_set_prec(s->tmp, g->prec);
    s->prec = g->prec;
  }
  if (!s->tmp_ready) {
    mpfr_init2(s->tmp, g->prec);
    s->tmp_ready = 1;
  }
  if (g->n > s->cap) {
    uint32_t cap = g->n + g->n / 2 + 64;
    __mpfr_struct *a = realloc(s->adj, (size_t)cap * sizeof *a);
    if (!a)
      return -1;
    s->adj = a, s->cap = cap;
  }
  if (g->n > s->needcap) {
    uint8_t *nd = realloc(s->need, s->cap);
    if (!nd)
      return -1;
    s->need = nd, s->needcap = s->cap;
  }
  for (; s->n < g->n; s->n++)
    if (xiM_place(&s->limbs, s->n, &s->adj[s->n]))
      return -1;
  return 0;
}

static int is_wanted(const xiG_node *n, uint32_t i, xiD_want want, const uint32_t *list,
                     uint32_t nlist) {
  if (want == XID_ALL)
    return n->op != XI_CONST;
  if (want == XID_LEAVES)
    return n->op == XI_LEAF;
  for (uint32_t k = 0; k < nlist; k++)
    if (list[k] == i)
      return 1;
  return 0;
}

/* need[i]: node i lies under the root, and is wanted or leads to a wanted
   node.  First the cone of the root (bit 2, marked downwards), then need. */
static void mark_need(xiD_sweep *s, const xiG_graph *g, xiD_want want, const uint32_t *list,
                      uint32_t nlist) {
  memset(s->need + s->lo, 0, s->root - s->lo + 1);
  s->need[s->root] = 2;
  for (uint32_t i = s->root + 1; i-- > s->lo;) {
    const xiG_node *n = &g->nodes[i];
    if (!s->need[i])
      continue;
    if (n->a != XI_NONE && n->a >= s->lo)
      s->need[n->a] = 2;
    if (n->b != XI_NONE && n->b >= s->lo)
      s->need[n->b] = 2;
  }
  for (uint32_t i = s->lo; i <= s->root; i++) {
    if (!s->need[i])
      continue;
    const xiG_node *n = &g->nodes[i];
    uint8_t need = (uint8_t)is_wanted(n, i, want, list, nlist);
    if (!need && n->a != XI_NONE && n->a >= s->lo)
      need = s->need[n->a] == 1;
    if (!need && n->b != XI_NONE && n->b >= s->lo)
      need = s->need[n->b] == 1;
    s->need[i] = need;
  }
}

mpfr_srcptr xiD_partial(xiD_sweep *s, const xiG_graph *g, uint32_t i, int k) {
  const xiG_node *n = &g->nodes[i];
  const xiG_node *a = &g->nodes[n->a];
  const xiG_node *b = n->b == XI_NONE ? a : &g->nodes[n->b];
  return xiO_table[n->op].partial(k, s->tmp, n->v, a->v, b->v);
}

static int bad_partial(const xiG_graph *g, uint32_t i, int k, xi_pos at, xi_err *err) {
  char where[200];
  xiG_describe(g, i, where, sizeof where);
  const xiG_node *n = &g->nodes[i];
  const char *op = xiO_table[n->op].name ? xiO_table[n->op].name : xiO_table[n->op].form;
  if (xiO_table[n->op].arity == 1)
    return failf(err, at, "the derivative of %s is not finite here (%s)", op, where);
  return failf(err, at, "the derivative of %s by its %s operand is not finite here (%s)", op,
               k == 0 ? "first" : "second", where);
}

int xiD_run(xiD_sweep *s, xiG_graph *g, uint32_t root, xiD_want want, const uint32_t *list,
            uint32_t nlist, xi_pos at, xi_err *err) {
  if (xiG_eval(g, root, err) || xiG_check(g, root, 0, at, err))
    return -1;
  if (reserve(s, g))
    return failf(err, at, "out of memory for %u adjoints", g->n);
  uint32_t lo = 0;
  if (want == XID_LIST) {
    lo = root;
    for (uint32_t k = 0; k < nlist; k++)
      if (list[k] < lo)
        lo = list[k];
  }
  s->lo = lo, s->root = root;
  mark_need(s, g, want, list, nlist);
  for (uint32_t i = lo; i <= root; i++)
    if (s->need[i])
      mpfr_set_zero(&s->adj[i], 1);
  if (s->need[root])
    mpfr_set_ui(&s->adj[root], 1, MPFR_RNDN);
  for (uint32_t i = root + 1; i-- > lo;) {
    if ((i & 15) == 0 && g->interrupt && *g->interrupt)
      return failf(err, at, "interrupted");
    const xiG_node *n = &g->nodes[i];
    if (!s->need[i] || mpfr_zero_p(&s->adj[i]) || n->op <= XI_SNAP)
      continue;
    int arity = xiO_table[n->op].arity;
    for (int k = 0; k < arity; k++) {
      uint32_t o = k ? n->b : n->a;
      if (o < lo || !s->need[o])
        continue;
      mpfr_srcptr p = xiD_partial(s, g, i, k);
      mpfr_ptr d = &s->adj[o];
      if (p == xiO_one)
        mpfr_add(d, d, &s->adj[i], MPFR_RNDN);
      else if (p == xiO_minus_one)
        mpfr_sub(d, d, &s->adj[i], MPFR_RNDN);
      else if (p != xiO_zero)
        mpfr_fma(d, &s->adj[i], p, d, MPFR_RNDN);
      if (!mpfr_number_p(p) || !mpfr_number_p(d))
        return bad_partial(g, i, k, at, err);
    }
  }
  return 0;
}

mpfr_srcptr xiD_adj(const xiD_sweep *s, uint32_t i) {
  if (i < s->lo || i > s->root || !s->need[i])
    return xiO_zero;
  return &s->adj[i];
}

int xiD_needed(const xiD_sweep *s, uint32_t i) {
  return i >= s->lo && i <= s->root && s->need[i];
}

int xiD_grad(void *ctx, xiG_graph *g, uint32_t root, uint32_t v, mpfr_ptr out, xi_err *err) {
  xiD_sweep *s = ctx;
  xi_pos at = err->pos;
  if (v > root) { /* v was made after E, so E cannot depend on it */
    mpfr_set_zero(out, 1);
    return 0;
  }
  if (xiD_run(s, g, root, XID_LIST, &v, 1, at, err))
    return -1;
  mpfr_set(out, xiD_adj(s, v), MPFR_RNDN);
  return 0;
}
