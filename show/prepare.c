/* prepare.c: the one place a graph is made ready for a printer (prepare.h):
 * swept, its nodes given their ξ numbers (tape/label.c's xiG_number_cone,
 * which the session learns as names), its steps listed (steps.c) and every
 * number they print proven by balls.  The printers (trace.c, dot.c, svg.c,
 * export.c, and cmd/'s step and compare) then only print. */
#include "show/prepare.h"
#include "tape/names.h"

#include <stdlib.h>
#include <string.h>

int xiT_steps_make(xiT_steps *st, xiG_graph *g, xiD_sweep *s, uint32_t *root, const char *label,
                   const uint32_t *wrt, uint32_t nwrt, int dialect, int digits, xi_pos at,
                   xi_err *err) {
  memset(st, 0, sizeof *st);
  if (xiG_no_tuple(g, *root, at, "this command", err))
    return -1;
  st->g = g, st->s = s, st->dialect = dialect, st->digits = digits, st->label = label;
  st->reverse = !xiG_is_tensor(&g->nodes[*root]);
  uint32_t *list = malloc((nwrt + 1) * sizeof *list);
  if (!list)
    goto oom;
  memcpy(list, wrt, nwrt * sizeof *list);
  if (st->reverse && xiD_sweep_from(s, g, root, nwrt ? XID_LIST : XID_ALL, list, nwrt, at, err)) {
    free(list);
    return -1; /* (a graph holding grad(...) values is replayed on their graphs) */
  }
  st->root = *root;
  st->xi = calloc(*root + 1, sizeof *st->xi);
  st->index = malloc((*root + 1) * sizeof *st->index);
  int rc = st->xi && st->index && xiG_number_cone(g, st->root, st->xi) == 0
               ? xiT_steps_list(st, list, nwrt)
               : -1;
  free(list);
  if (rc == 0)
    return 0;
  err->pos = at;
  snprintf(err->msg, sizeof err->msg, "%s",
           st->text.failed ? xiW_why(&st->text) : "out of memory");
  xiT_steps_free(st);
  return -1;
oom:
  err->pos = at;
  snprintf(err->msg, sizeof err->msg, "out of memory");
  return -1;
}

/* ---- proofs ---- */

/* the partial of each scalar term, as a ball (built as nodes, then dropped) */
static int term_balls(xiT_steps *st, xi_pos at, xi_err *err) {
  if (st->nterm == 0)
    return 0;
  st->tball = _arb_vec_init(st->nterm);
  for (uint32_t k = 0; k < st->n; k++) {
    const xiT_step *p = &st->step[k];
    for (uint32_t t = 0; p->scalar && t < p->nterms; t++) {
      const xiT_term *term = &p->terms[t];
      if (xiB_partial(st->balls, term->consumer, (int)term->k, &st->tball[term - st->term], at,
                      err))
        return -1;
    }
  }
  return 0;
}

/* the balls of the operands off the path (wrt), which the printers show as
   given; constants need none (they are printed as written) */
static int side_balls(xiT_steps *st, xi_pos at, xi_err *err) {
  for (uint32_t k = 0; k < st->n; k++) {
    const xiG_node *n = &st->g->nodes[st->step[k].node];
    for (uint32_t q = 0; !st->step[k].leaf && q < xiG_nargs(n); q++) {
      uint32_t o = xiG_arg(n, q), seen = 0;
      if (st->index[o] != UINT32_MAX || st->g->nodes[o].op == XI_CONST)
        continue;
      for (uint32_t j = 0; j < st->nside; j++)
        seen |= st->snode[j] == o;
      if (seen)
        continue;
      uint32_t *sn = realloc(st->snode, (st->nside + 1) * sizeof *sn);
      if (sn)
        st->snode = sn;
      arb_struct **sb = sn ? realloc(st->sball, (st->nside + 1) * sizeof *sb) : NULL;
      if (!sb)
        return xiG_oom(st->g, at, err);
      st->sball = sb;
      xiO_bview v;
      if (xiB_ball(st->balls, o, &v, at, err))
        return -1;
      st->snode[st->nside] = o;
      st->sball[st->nside++] = v.el;
    }
  }
  return 0;
}

/* the balls made by prove_once, gone (a higher precision is tried) */
static void unprove(xiT_steps *st) {
  free(st->vball);
  free(st->snode);
  free(st->sball);
  xiB_adj_free(&st->adj);
  if (st->tball)
    _arb_vec_clear(st->tball, st->nterm);
  st->vball = NULL, st->snode = NULL, st->sball = NULL, st->tball = NULL;
  st->nside = 0;
}

/* every ball the steps print has `digits` digits */
static int steps_enough(const xiT_steps *st, int digits) {
  for (uint32_t k = 0; k < st->n; k++)
    if (!xiB_enough(st->vball[k], xiG_count(&st->g->nodes[st->step[k].node]), digits))
      return 0;
  for (uint32_t k = 0; k < st->nside; k++)
    if (!xiB_enough(st->sball[k], xiG_count(&st->g->nodes[st->snode[k]]), digits))
      return 0;
  return (!st->tball || xiB_enough(st->tball, st->nterm, digits)) &&
         xiB_adj_enough(&st->adj, digits);
}

static int prove_once(xiT_steps *st, xi_pos at, xi_err *err) {
  xiB_balls *balls = st->balls;
  st->prec = xiB_prec(balls);
  if (st->reverse &&
      (xiB_adjoints(balls, st->root, XID_ALL, NULL, 0, &st->adj, at, err) || term_balls(st, at, err)))
    return -1;
  st->vball = calloc(st->n ? st->n : 1, sizeof *st->vball);
  if (!st->vball)
    return xiG_oom(st->g, at, err);
  for (uint32_t k = 0; k < st->n; k++) { /* last: the balls above keep these where they are */
    xiO_bview v;
    if (xiB_ball(balls, st->step[k].node, &v, at, err))
      return -1;
    st->vball[k] = v.el;
  }
  return side_balls(st, at, err);
}

int xiT_steps_prove(xiT_steps *st, xiB_balls *balls, int exact, xi_pos at, xi_err *err) {
  st->balls = balls;
  for (slong p = xiB_prec(balls);; unprove(st)) {
    xiB_set_prec(balls, p == (slong)st->g->prec ? 0 : p);
    if (prove_once(st, at, err))
      return -1;
    if (!exact || steps_enough(st, exact) || !(p = xiB_raise(p)))
      return 0;
  }
}

void xiT_steps_free(xiT_steps *st) {
  unprove(st);
  free(st->step);
  free(st->term);
  free(st->index);
  free(st->xi);
  xiW_free(&st->text);
  memset(st, 0, sizeof *st);
}

int xiT_prepare(xiT_steps *st, xiG_graph *g, xiD_sweep *s, uint32_t *root, const char *label,
                const uint32_t *wrt, uint32_t nwrt, int dialect, int digits, xiB_balls *balls,
                int exact, xi_pos at, xi_err *err) {
  if (xiT_steps_make(st, g, s, root, label, wrt, nwrt, dialect, digits, at, err))
    return -1;
  if (balls && xiT_steps_prove(st, balls, exact, at, err)) {
    xiT_steps_free(st);
    return -1;
  }
  return 0;
}
