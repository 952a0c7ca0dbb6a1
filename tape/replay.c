/* replay.c: part of the tape built again on other operands: every node that
 * uses a node a map sends elsewhere is built again by xiG_op on the mapped
 * operands, so it is checked and evaluated as any new node is.  Its users:
 * `set` (a leaf's new value, and every named value computed from it), grade
 * (L computed again from a student's values, cmd/world.c) and the sweep's
 * derivatives built on a grad(...) value's graph (grad/adjoint.c). */
#include "tape/graph.h"
#include "tape/python.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int replay_one(xiG_graph *g, uint32_t i, const uint32_t *map, xi_pos at, uint32_t *out,
                      xi_err *err) {
  xiG_node n = g->nodes[i]; /* a copy: the array may move */
#define MAPPED(x) ((x) != XI_NONE && map[x] != XI_NONE ? map[x] : (x))
  if (n.op == XI_GRAD)
    return g->derive(g->derive_ctx, g, XI_D_GRAD, MAPPED(n.a), MAPPED(n.b), XI_NONE, XI_NONE,
                     at, out, err);
  if (n.op == XI_LIST || n.op == XI_TUPLE) {
    uint32_t *items = malloc((n.x->nargs ? n.x->nargs : 1) * sizeof *items);
    if (!items)
      return xiX_fail(err, at, "out of memory");
    for (uint32_t k = 0; k < n.x->nargs; k++)
      items[k] = MAPPED(n.x->args[k]);
    int rc = n.op == XI_LIST
                 ? xiG_list(g, items, n.x->nargs, n.pos, out, err)
                 : xiG_container(g, n.x->p[XI_C_KIND], items, n.x->nargs, n.pos, out, err);
    if (rc == 0 && n.op == XI_TUPLE) { /* its text, and what follows its depth (an object's
                                          number, what a function calls: python.h) */
      int32_t *p = g->nodes[*out].x->p;
      p[XI_C_TEXT] = n.x->p[XI_C_TEXT];
      for (int q = XI_C_DEPTH + 1; q < XI_NPARAMS; q++)
        p[q] = n.x->p[q];
    }
    free(items);
    return rc;
  }
  int32_t p[XI_NPARAMS];
  if (n.x)
    memcpy(p, n.x->p, sizeof p);
  g->libm = n.aux == XI_AUX_LIBM    ? XI_LIBM_CALL /* (computed again as it was: by C's */
            : n.aux == XI_AUX_VTANH ? XI_LIBM_VTANH /* libm, as CPython's, micrograd's) */
                                    : XI_LIBM_NONE;
  int rc = xiG_op(g, n.op, MAPPED(n.a), MAPPED(n.b), n.x ? p : NULL, n.pos, out, err);
  g->libm = XI_LIBM_NONE;
  return rc;
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
