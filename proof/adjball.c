/* adjball.c: adjoints as balls, the way for every cone: ∂root/∂ξ is built as
 * nodes by a reverse sweep (adjoint.h), those nodes are proven like any value
 * (ball.c), their balls are kept and the built nodes dropped.  xiB_adjoints
 * first asks the direct ways (sweep.c: the sweep in balls, adjmid.c: radii
 * around the MPFR sweep's numbers), which cost a pass over the cone and build
 * nothing, and takes this way only where they have no rule.  A partial
 * ∂c/∂(operand k) as a ball is made the same way. */
#include "proof/ball_int.h"

#include <stdlib.h>
#include <string.h>

#include "grad/adjoint.h" /* derivatives built as nodes, proven like any */

int xiB_adj_enough(const xiB_adj *a, int digits) {
  for (uint32_t i = 0; i < a->n; i++)
    if (a->ball[i] && !xiB_enough(a->ball[i], a->count[i], digits))
      return 0;
  return 1;
}

void xiB_adj_free(xiB_adj *a) {
  if (a->ball)
    for (uint32_t i = 0; i < a->n; i++)
      if (a->ball[i])
        _arb_vec_clear(a->ball[i], a->count[i]);
  free(a->ball);
  free(a->count);
  xiM_account(-(ptrdiff_t)a->bytes);
  memset(a, 0, sizeof *a);
}

/* the balls of the built adjoints adj[] that are wanted, copied into a */
static int adjoint_balls(xiB_balls *b, uint32_t root, const uint32_t *adj, xiD_want want,
                         const uint32_t *list, uint32_t nlist, xiB_adj *a, xi_pos at,
                         xi_err *err) {
  for (uint32_t i = a->lo; i <= root; i++) {
    uint32_t d = adj[i - a->lo];
    if (d == XI_NONE || !xiB_wanted(b->g, i, want, list, nlist))
      continue;
    if (xiB_ball_of(b, d, at, err))
      return -1;
    if (xiB_solid(b, d))
      return xiG_oom(b->g, at, err);
    uint32_t n = xiB_n(b, d);
    if (xiM_account((ptrdiff_t)xiB_cost(n, b->prec)))
      return xiG_oom(b->g, at, err);
    a->bytes += xiB_cost(n, b->prec);
    a->ball[i - a->lo] = _arb_vec_init(n); /* (flint's allocator aborts when it fails) */
    a->count[i - a->lo] = n;
    _arb_vec_set(a->ball[i - a->lo], xiB_el(b, d), n);
  }
  return 0;
}

int xiB_adjoints(xiB_balls *b, uint32_t root, xiD_want want, const uint32_t *list,
                 uint32_t nlist, xiB_adj *a, xi_pos at, xi_err *err) {
  xiG_graph *g = b->g;
  memset(a, 0, sizeof *a);
  xiB_forget(b);
  int direct = xiB_sweep_balls(b, root, want, list, nlist, a, at, err);
  if (direct <= 0)
    return direct;
  uint32_t mark = g->n, *adj = NULL, forgot = g->forgot_from;
  g->lazy = 1; /* the built nodes' numbers would be thrown away: only their balls are kept */
  int rc = xiA_build_all(b->s, g, root, want, list, nlist, at, &a->lo, &adj, err);
  g->lazy = 0;
  b->lazy_from = mark;
  if (rc == 0) {
    a->n = root - a->lo + 1;
    a->ball = calloc(a->n, sizeof *a->ball);
    a->count = calloc(a->n, sizeof *a->count);
    rc = a->ball && a->count ? adjoint_balls(b, root, adj, want, list, nlist, a, at, err)
                             : xiG_oom(g, at, err);
  }
  free(adj);
  b->lazy_from = UINT32_MAX;
  for (uint32_t k = mark; k < b->cap; k++) /* the built nodes go: their balls too */
    xiB_drop(b, k);
  xiG_truncate(g, mark);
  g->forgot_from = forgot;
  if (rc)
    xiB_adj_free(a);
  return rc;
}

const arb_struct *xiB_adj_of(const xiB_adj *a, uint32_t node) {
  if (!a->ball || node < a->lo || node - a->lo >= a->n)
    return NULL;
  return a->ball[node - a->lo];
}

int xiB_partial(xiB_balls *b, uint32_t c, int k, arb_t out, xi_pos at, xi_err *err) {
  xiG_graph *g = b->g;
  xiB_forget(b);
  uint32_t mark = g->n, forgot = g->forgot_from, node;
  g->lazy = 1; /* (as in xiB_adjoints) */
  int rc = xiA_partial(b->s, g, c, k, &node, err);
  g->lazy = 0;
  b->lazy_from = mark;
  if (rc == 0)
    rc = xiB_ball_of(b, node, at, err) || xiB_solid(b, node) ? -1 : 0;
  b->lazy_from = UINT32_MAX;
  if (rc == 0 && xiB_n(b, node) == 1)
    arb_set(out, xiB_el(b, node));
  else if (rc == 0)
    arb_indeterminate(out); /* not a scalar: proves nothing */
  for (uint32_t i = mark; i < b->cap; i++) /* the built nodes go: their balls too */
    xiB_drop(b, i);
  xiG_truncate(g, mark);
  g->forgot_from = forgot;
  return rc;
}
