/* probe.c: numbers computed again, away from the session's values.
 *
 * gradcheck moves one element of a leaf by ±h and computes L again; equiv
 * moves every leaf to random points and computes both sides again.  A value,
 * once computed, never changes in xi, so neither may move the session's
 * leaves: they work on a copy of the nodes under their roots, in a graph of
 * its own, at a precision of its own (higher than the session's, so that the
 * numbers they compare with are more accurate than the ones compared).  The
 * copy is built with the tape's own functions from the same ops, literals
 * read again at its precision, leaves copied exactly. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grad/probe.h"
#include "grad/adjoint.h"

int xiC_unfold(xiD_sweep *s, xiG_graph *g, uint32_t *root, xiD_want want, uint32_t *list,
               uint32_t nlist, xi_pos at, xi_err *err) {
  for (int round = 0;; round++) {
    uint32_t lo = 0;
    for (uint32_t k = 0; want == XID_LIST && k < nlist; k++)
      lo = k == 0 || list[k] < lo ? list[k] : lo;
    uint8_t *need = calloc(*root + 1, 1);
    if (!need)
      return xiG_oom(g, at, err);
    int blocked = lo <= *root && xiD_mark(g, lo, *root, want, list, nlist, need);
    free(need);
    if (!blocked)
      return 0;
    if (round == 64)
      return xiX_fail(err, at, "derivatives nested too deeply");
    if (xiA_prepare(s, g, root, want, list, nlist, at, err))
      return -1;
  }
}

/* the copy of node i of src, its operands copied before it */
static int copy_node(xiC_copy *c, xiG_graph *src, uint32_t i, uint32_t *out, xi_err *err) {
  xiG_graph *g = &c->g;
  xiG_node *n = &src->nodes[i];
  if (n->op == XI_LEAF || n->op == XI_GRAD) { /* (a GRAD node left: constant here) */
    xiO_view v = xiG_view(n);
    *out = xiG_leaf(g, &v, n->pos);
    return *out == XI_NONE ? xiG_oom(g, n->pos, err) : 0;
  }
  if (n->op == XI_CONST) { /* the literal read again, at the copy's precision */
    uint32_t aux = n->aux;
    if (aux != XI_LIT_PI && aux != XI_LIT_E) {
      const char *t = xiS_name(&src->sym, aux);
      aux = xiS_intern(&g->sym, t, strlen(t));
    }
    *out = aux == XI_NONE ? XI_NONE : xiG_constant(g, aux, n->pos);
    return *out == XI_NONE ? xiG_oom(g, n->pos, err) : 0;
  }
  if (n->op == XI_TUPLE)
    return xiX_fail(err, n->pos, "a tuple is not a value");
  if (n->op == XI_LIST) {
    uint32_t *items = malloc(n->x->nargs * sizeof *items);
    if (!items)
      return xiG_oom(g, n->pos, err);
    for (uint32_t k = 0; k < n->x->nargs; k++)
      items[k] = c->map[n->x->args[k]];
    int rc = xiG_list(g, items, n->x->nargs, n->pos, out, err);
    free(items);
    return rc;
  }
  return xiG_op(g, n->op, c->map[n->a], n->b == XI_NONE ? XI_NONE : c->map[n->b],
                n->x ? n->x->p : NULL, n->pos, out, err);
}

int xiC_copy_make(xiC_copy *c, xiG_graph *src, const uint32_t *roots, uint32_t nroots,
                  mpfr_prec_t prec, xi_pos at, xi_err *err) {
  uint32_t top = 0;
  for (uint32_t k = 0; k < nroots; k++)
    top = roots[k] > top ? roots[k] : top;
  memset(c, 0, sizeof *c);
  xiG_init(&c->g, prec);
  c->g.interrupt = src->interrupt;
  c->n = top + 1;
  c->map = malloc(c->n * sizeof *c->map);
  uint8_t *cone = calloc(c->n, 1);
  if (!c->map || !cone) {
    free(cone);
    return xiG_oom(src, at, err);
  }
  for (uint32_t k = 0; k < nroots; k++)
    cone[roots[k]] = 1;
  for (uint32_t i = top + 1; i-- > 0;) {
    c->map[i] = XI_NONE;
    for (uint32_t k = 0; cone[i] && src->nodes[i].op != XI_GRAD && k < xiG_nargs(&src->nodes[i]);
         k++)
      cone[xiG_arg(&src->nodes[i], k)] = 1;
  }
  int rc = 0;
  for (uint32_t i = 0; i <= top && rc == 0; i++) {
    if (!cone[i])
      continue;
    if (!(src->interrupt && *src->interrupt) && copy_node(c, src, i, &c->map[i], err) == 0)
      continue;
    if (src->interrupt && *src->interrupt) {
      rc = xiX_fail(err, at, "interrupted");
    } else {
      char where[200];
      xiG_describe(src, i, where, sizeof where);
      size_t len = strlen(err->msg);
      snprintf(err->msg + len, sizeof err->msg - len, " (%s, at %ld bits)", where, (long)prec);
      err->pos = at;
      rc = -1;
    }
  }
  free(cone);
  return rc;
}

void xiC_copy_free(xiC_copy *c) {
  xiG_free(&c->g);
  free(c->map);
  memset(c, 0, sizeof *c);
}

uint8_t *xiC_above(const xiC_copy *c, uint32_t x) {
  const xiG_graph *g = &c->g;
  uint8_t *dep = calloc(g->n ? g->n : 1, 1);
  if (!dep)
    return NULL;
  dep[x] = 1;
  for (uint32_t i = x + 1; i < g->n; i++)
    for (uint32_t k = 0; k < xiG_nargs(&g->nodes[i]) && !dep[i]; k++)
      dep[i] = dep[xiG_arg(&g->nodes[i], k)];
  dep[x] = 0; /* x's own value is what was moved: it is not computed again */
  return dep;
}

int xiC_eval(xiC_copy *c, uint32_t from, const uint8_t *dep, xi_err *err) {
  xiG_graph *g = &c->g;
  for (uint32_t i = from; i < g->n; i++) {
    if (dep && !dep[i])
      continue;
    if (g->interrupt && *g->interrupt)
      return xiX_fail(err, g->nodes[i].pos, "interrupted");
    if (g->nodes[i].op == XI_LEAF || g->nodes[i].op == XI_CONST || xiG_eval(g, i, err) == 0)
      continue;
    int hard = g->nodes[i].err == XI_E_MEMORY || (g->interrupt && *g->interrupt);
    return hard ? -1 : 1;
  }
  return 0;
}
