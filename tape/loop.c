/* loop.c: where each step of the running loops began, so that a collection
 * (renew.c) can let go of the history of what earlier steps computed.  A
 * training loop that rebinds (W = W - lr*dW, as NumPy tutorials write it)
 * would otherwise keep every step it ran in W's graph: 5001 steps of a tiny
 * net took 1.6 GB and 13 s, and the balls proving its numbers, computed
 * through every step, lost every digit after a hundred.  graph.h says what
 * is let go and what is kept. */
#include <stdlib.h>

#include "tape/graph.h"

void xiG_loop_enter(xiG_graph *g) {
  if (g->nloops < XI_LOOP_LEVELS) {
    g->loops[g->nloops].n = 0;
    g->loops[g->nloops].begin = g->n;
    g->loops[g->nloops].cutting = 0;
  }
  g->nloops++;
}

void xiG_loop_leave(xiG_graph *g) {
  if (g->nloops == 0)
    return;
  g->nloops--;
  if (g->nloops < XI_LOOP_LEVELS)
    g->loops[g->nloops].n = 0; /* its block is kept for the next loop at this depth */
}

void xiG_loop_step(xiG_graph *g, uint32_t k) {
  if (g->nloops == 0 || g->nloops > XI_LOOP_LEVELS)
    return;
  xiG_loop *l = &g->loops[g->nloops - 1];
  if (l->n && l->m[l->n - 1].at == g->n) { /* the last step made nothing: this one's mark */
    l->m[l->n - 1].step = k;
    return;
  }
  if (l->n == l->cap) {
    uint32_t cap = l->cap ? 2 * l->cap : 16;
    xiG_stepmark *m = realloc(l->m, cap * sizeof *m);
    if (!m) { /* no room: the last mark moves up, and the history kept is longer */
      if (l->n)
        l->m[l->n - 1] = (xiG_stepmark){g->n, k};
      return;
    }
    l->m = m, l->cap = cap;
  }
  l->m[l->n++] = (xiG_stepmark){g->n, k};
}

uint32_t xiG_loop_bound(const xiG_graph *g) {
  uint32_t d = g->nloops < XI_LOOP_LEVELS ? g->nloops : XI_LOOP_LEVELS;
  if (g->nloops > XI_LOOP_LEVELS || !xiG_loop_cutting(g))
    return UINT32_MAX; /* a loop too deep to mark runs, or a short one: everything is kept */
  while (d-- > 0) /* an inner loop's first step: the loop around it decides */
    if (g->loops[d].n >= 2)
      return g->loops[d].m[g->loops[d].n - 2].at;
  return UINT32_MAX;
}

uint32_t xiG_loop_step_of(const xiG_graph *g, uint32_t i) {
  uint32_t d = g->nloops < XI_LOOP_LEVELS ? g->nloops : XI_LOOP_LEVELS;
  while (d-- > 0) {
    const xiG_loop *l = &g->loops[d];
    if (l->n == 0 || i < l->m[0].at)
      continue;
    uint32_t lo = 0, hi = l->n; /* the last mark at or below i */
    while (hi - lo > 1) {
      uint32_t mid = lo + (hi - lo) / 2;
      if (l->m[mid].at <= i)
        lo = mid;
      else
        hi = mid;
    }
    return l->m[lo].step;
  }
  return XI_NONE;
}

/* the first kept node at or after node `at`, by its new number */
static uint32_t renumbered(const uint32_t *to, uint32_t n, uint32_t at) {
  while (at < n && to[at] == XI_NONE)
    at++;
  return at < n ? to[at] : XI_NONE;
}

void xiG_loop_renumber(xiG_graph *g, const uint32_t *to, uint32_t n) {
  uint32_t d = g->nloops < XI_LOOP_LEVELS ? g->nloops : XI_LOOP_LEVELS;
  if (d && !g->loops[0].cutting) { /* what the loops made, and still alive */
    uint32_t b = renumbered(to, n, g->loops[0].begin);
    uint64_t nodes = 0, numbers = 0;
    for (uint32_t i = b == XI_NONE ? g->n : b; i < g->n; i++)
      nodes++, numbers += xiG_count(&g->nodes[i]);
    g->loops[0].cutting = nodes > XI_LOOP_KEEP_NODES || numbers > XI_LOOP_KEEP_NUMBERS;
  }
  for (uint32_t k = 0; k < d; k++) {
    xiG_loop *l = &g->loops[k];
    uint32_t b = renumbered(to, n, l->begin);
    l->begin = b == XI_NONE ? g->n : b;
    if (l->n > 2) { /* the marks of steps older than the last two are not needed again */
      l->m[0] = l->m[l->n - 2], l->m[1] = l->m[l->n - 1];
      l->n = 2;
    }
    uint32_t i = 0, live = 0; /* a mark is the number of nodes kept below it */
    for (uint32_t q = 0; q < l->n; q++) {
      for (; i < l->m[q].at && i < n; i++)
        live += to[i] != XI_NONE;
      l->m[q].at = live;
    }
    if (l->n == 2 && l->m[0].at == l->m[1].at) /* the older step left nothing */
      l->m[0] = l->m[1], l->n = 1;
  }
}

void xiG_loop_free(xiG_graph *g) {
  for (uint32_t k = 0; k < XI_LOOP_LEVELS; k++) {
    free(g->loops[k].m);
    g->loops[k].m = NULL, g->loops[k].n = g->loops[k].cap = 0;
  }
  g->nloops = 0;
  free(g->lost);
  g->lost = NULL, g->nlost = 0;
}

/* ---- what a let-go history reached ----
   A value whose history was let go (a loop's earlier step, a list's item)
   keeps a summary of it: one bit for each node of its former cone that
   outlived the collection, set in 64 by a hash.  A grad(E, v) through such a
   leaf whose summary holds v's bit would need the history let go (L = L +
   sin(x*i) in a loop, then grad(L, x)): an error, never the part of the
   derivative that is left.  A bit shared by chance only refuses more. */

static uint64_t key(const xiG_node *n) {
  uint64_t h = (uint64_t)n->pos.line * 0x9E3779B97F4A7C15u ^
               (uint64_t)n->pos.col * 0xC2B2AE3D27D4EB4Fu ^
               (uint64_t)n->name * 0x165667B19E3779F9u ^ n->op;
  h ^= h >> 29;
  h *= 0xBF58476D1CE4E5B9u;
  h ^= h >> 32;
  return (uint64_t)1 << (h & 63);
}

uint64_t *xiG_history_sums(const xiG_graph *g, const uint8_t *live) {
  uint64_t *sum = malloc((g->n ? g->n : 1) * sizeof *sum);
  if (!sum)
    return NULL;
  for (uint32_t i = 0; i < g->n; i++) {
    const xiG_node *n = &g->nodes[i];
    uint64_t s = live[i] ? key(n) : 0;
    if ((n->flags & XI_F_CUT) && n->op == XI_LEAF && i < g->nlost)
      s |= g->lost[i];
    for (uint32_t k = 0, nargs = xiG_nargs(n); k < nargs; k++)
      s |= sum[xiG_arg(n, k)];
    sum[i] = s;
  }
  return sum;
}

void xiG_history_keep(xiG_graph *g, const uint64_t *sum, const uint32_t *to, uint32_t n) {
  uint64_t *lost = calloc(g->n ? g->n : 1, sizeof *lost); /* (the nodes renumbered) */
  for (uint32_t i = 0; lost && i < n; i++)
    if (to[i] != XI_NONE && (g->nodes[to[i]].flags & XI_F_CUT))
      lost[to[i]] = sum ? sum[i] : ~(uint64_t)0; /* no summary: every grad through it refused */
  free(g->lost);
  g->lost = lost;
  g->nlost = lost ? g->n : 0;
}

int xiG_history_lost(const xiG_graph *g, uint32_t root, uint32_t v, uint32_t *leaf) {
  if (!g->nlost || v >= root)
    return 0;
  uint64_t bit = key(&g->nodes[v]);
  uint8_t *cone = calloc(root - v + 1, 1);
  if (!cone)
    return 0;
  cone[root - v] = 1;
  int hit = 0;
  for (uint32_t i = root + 1; i-- > v + 1 && !hit;) {
    if (!cone[i - v])
      continue;
    const xiG_node *n = &g->nodes[i];
    if ((n->flags & XI_F_CUT) && n->op == XI_LEAF && i < g->nlost && (g->lost[i] & bit)) {
      *leaf = i, hit = 1;
      break;
    }
    for (uint32_t k = 0, nargs = xiG_nargs(n); k < nargs; k++)
      if (xiG_arg(n, k) > v)
        cone[xiG_arg(n, k) - v] = 1;
  }
  free(cone);
  return hit;
}
