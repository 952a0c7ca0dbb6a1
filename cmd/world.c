/* world.c: L's graph computed again from a student's values (grade.h), as
 * nodes of the tape, which grade truncates when it is done.  Forward, node by
 * node in the tape's order: a node whose operands include a student's value
 * is built again on them (xiG_replay, the tape's own), and a node the student
 * wrote down takes their number from then on.  Reverse, from L down: each
 * adjoint the sum of its consumers' shares, each share built by the sweep's
 * own rule (xiA_share_on) on the student's values of the consumer's operands
 * and of the consumer itself (σ′ = o·(1 - o) with their o).  Balls prove
 * these nodes as they prove any (cmd/proven.c). */
#include <stdlib.h>
#include <string.h>

#include "cmd/grade.h"
#include "grad/adjoint.h"

int xiR_world_init(xiR_world *w, xiR_session *s, const xiT_steps *st, xi_pos at, xi_err *err) {
  memset(w, 0, sizeof *w);
  w->s = s, w->st = st, w->root = st->root, w->at = at;
  size_t n = (size_t)st->root + 1;
  w->claim = malloc(n * sizeof *w->claim);
  w->aclaim = malloc(n * sizeof *w->aclaim);
  w->fwd = malloc(n * sizeof *w->fwd);
  w->adj = malloc(n * sizeof *w->adj);
  w->lost = calloc(n, 1);
  w->alost = calloc(n, 1);
  w->map = malloc(n * sizeof *w->map);
  if (!w->claim || !w->aclaim || !w->fwd || !w->adj || !w->lost || !w->alost || !w->map) {
    xiR_world_free(w);
    return xiX_fail(err, at, "out of memory");
  }
  for (size_t i = 0; i < n; i++)
    w->claim[i] = w->aclaim[i] = w->fwd[i] = w->adj[i] = w->map[i] = XI_NONE;
  for (uint32_t i = 0; i <= st->root; i++) /* (constants are no steps, and never move) */
    if (st->xi[i] && (s->g.nodes[i].op == XI_CONST || s->g.nodes[i].op == XI_LEAF))
      w->fwd[i] = i;
  return 0;
}

void xiR_world_free(xiR_world *w) {
  free(w->claim);
  free(w->aclaim);
  free(w->fwd);
  free(w->adj);
  free(w->lost);
  free(w->alost);
  free(w->map);
  memset(w, 0, sizeof *w);
}

uint32_t xiR_world_value(const xiR_world *w, uint32_t i) {
  return w->claim[i] != XI_NONE ? w->claim[i] : w->fwd[i];
}

uint32_t xiR_world_adjoint(const xiR_world *w, uint32_t i) {
  return w->aclaim[i] != XI_NONE ? w->aclaim[i] : w->alost[i] ? XI_NONE : w->adj[i];
}

/* a failure that is not the student's numbers' doing (^C, memory) */
static int real_failure(const xiR_world *w, const xi_err *e) {
  return w->s->interrupt || strstr(e->msg, "memory") || strstr(e->msg, "nodes");
}

int xiR_world_forward_node(xiR_world *w, uint32_t i, xi_err *err) {
  xiG_graph *g = &w->s->g;
  uint32_t *map = w->map;
  if (!xiR_world_has(w, i))
    return 0;
  const xiG_node *n = &g->nodes[i];
  w->fwd[i] = i;
  int lost = 0;
  for (uint32_t k = 0; n->op != XI_LEAF && n->op != XI_CONST && k < xiG_nargs(n); k++)
    lost |= xiR_world_value(w, xiG_arg(n, k)) == XI_NONE;
  xi_err e = {w->at, ""};
  map[i] = XI_NONE;
  if (lost || (i > 0 && xiG_replay(g, i - 1, i, map, NULL, &e))) {
    if (real_failure(w, &e))
      return xiX_fail(err, w->at, "%s", e.msg[0] ? e.msg : "interrupted");
    w->fwd[i] = XI_NONE, w->lost[i] = 1, map[i] = XI_NONE;
  } else if (map[i] != XI_NONE) {
    w->fwd[i] = map[i];
  }
  xiR_world_pin(w, i);
  return 0;
}

void xiR_world_pin(xiR_world *w, uint32_t i) {
  if (w->claim[i] != XI_NONE)
    w->map[i] = w->claim[i]; /* their number, from here on */
  else
    w->map[i] = w->fwd[i] == i ? XI_NONE : w->fwd[i];
}

int xiR_world_forward(xiR_world *w, xi_err *err) {
  for (uint32_t i = 0; i <= w->root; i++)
    if (xiR_world_forward_node(w, i, err))
      return -1;
  return 0;
}

/* the student's copy of matrix product c with the operand other than k
   transposed (the slip of a missing ᵀ), or XI_NONE */
static uint32_t transposed(xiR_world *w, uint32_t c, uint32_t k) {
  xiG_graph *g = &w->s->g;
  uint32_t a = xiR_world_value(w, g->nodes[c].a), b = xiR_world_value(w, g->nodes[c].b), t;
  uint32_t *other = k ? &a : &b;
  xi_shape sh = xiG_shape(&g->nodes[*other]);
  xi_err e;
  if (sh.rank != 2 || sh.rows != sh.cols ||
      xiG_op(g, XI_TRANSPOSE, *other, XI_NONE, NULL, w->at, &t, &e))
    return XI_NONE;
  *other = t;
  return xiG_op(g, XI_MATMUL, a, b, NULL, w->at, &t, &e) ? XI_NONE : t;
}

/* node i's adjoint ai shared among its operands' adjoints a[], on the
   student's values, with the slip v made; lost[o]: a share that cannot be
   computed from their values */
static int push(xiR_world *w, xiR_variant v, uint32_t i, uint32_t ai, uint32_t *a, uint8_t *lost,
                xi_err *err) {
  xiG_graph *g = &w->s->g;
  int op = g->nodes[i].op;
  if (!xiR_world_has(w, i) || ai == XI_NONE || op == XI_LEAF || op == XI_CONST)
    return 0;
  uint32_t c = w->fwd[i], self = xiR_world_value(w, i);
  for (uint32_t k = 0; k < xiG_nargs(&g->nodes[i]); k++) { /* (nodes move as they grow) */
    uint32_t o = xiG_arg(&g->nodes[i], k), share = XI_NONE;
    if (!xiR_world_has(w, o) || g->nodes[o].op == XI_CONST)
      continue;
    if (v.kind == XI_W_SKIP && v.c == i && v.k == k)
      continue;
    xi_err e = {w->at, ""};
    uint32_t on = v.kind == XI_W_TRANSPOSE && v.c == i && c != XI_NONE ? transposed(w, c, k) : c;
    int failed = on == XI_NONE || self == XI_NONE;
    if (!failed && v.kind == XI_W_DROP && v.c == i)
      share = ai; /* the local derivative left out */
    else if (!failed)
      failed = xiA_share_on(&w->s->sweep, g, on, k, ai, self, w->at, &share, &e) != 0;
    if (!failed && share != XI_NOTHING && a[o] != XI_NONE)
      failed = xiG_op(g, XI_ADD, a[o], share, NULL, w->at, &share, &e) != 0;
    if (failed) {
      if (real_failure(w, &e))
        return xiX_fail(err, w->at, "%s", e.msg[0] ? e.msg : "interrupted");
      lost[o] = 1;
      continue;
    }
    if (share != XI_NOTHING)
      a[o] = share;
  }
  return 0;
}

/* ∂L/∂L: the sweep's start */
static int start(xiR_world *w, uint32_t *a, xi_err *err) {
  a[w->root] = xiG_number(&w->s->g, 1, w->at);
  return a[w->root] == XI_NONE ? xiG_oom(&w->s->g, w->at, err) : 0;
}

/* the reverse sweep on the student's values from L down to node `stop`, into
   a (XI_NONE each at first), with the slip v made */
static int sweep(xiR_world *w, xiR_variant v, uint32_t stop, uint32_t *a, uint8_t *lost,
                 xi_err *err) {
  if (start(w, a, err))
    return -1;
  for (uint32_t i = w->root + 1; i-- > stop;) {
    if (i == stop && stop)
      break; /* (its operands' adjoints are not wanted) */
    if (push(w, v, i, w->aclaim[i] != XI_NONE ? w->aclaim[i] : a[i], a, lost, err))
      return -1;
  }
  return 0;
}

int xiR_world_reverse_node(xiR_world *w, uint32_t i, xi_err *err) {
  if (i == w->root && w->adj[i] == XI_NONE && start(w, w->adj, err))
    return -1;
  return push(w, (xiR_variant){XI_W_PLAIN, 0, 0}, i, xiR_world_adjoint(w, i), w->adj, w->alost,
              err);
}

int xiR_world_reverse(xiR_world *w, xi_err *err) {
  for (uint32_t i = w->root + 1; i-- > 0;)
    if (xiR_world_reverse_node(w, i, err))
      return -1;
  return 0;
}

int xiR_world_variant(xiR_world *w, xiR_variant v, uint32_t node, uint32_t *out, xi_err *err) {
  size_t n = (size_t)w->root + 1;
  uint32_t *a = malloc(n * sizeof *a);
  uint8_t *lost = calloc(n, 1);
  int rc = a && lost ? 0 : xiX_fail(err, w->at, "out of memory");
  for (size_t i = 0; rc == 0 && i < n; i++)
    a[i] = XI_NONE;
  if (rc == 0)
    rc = sweep(w, v, node, a, lost, err);
  *out = rc == 0 && !lost[node] ? a[node] : XI_NONE;
  free(a);
  free(lost);
  return rc;
}
