/* env.c: the scopes a function made in them reads after they returned.
 * Python's closure keeps the cells of the names it reads; xi keeps the scope's
 * names as hidden names, <env K>.x, K the scope's entry in g->envs: bindings,
 * so that collection keeps their values, a change in place reaches them, and
 * they are renumbered with the rest.  Before a collection, the scopes no
 * function value can reach any more are let go with their hidden names
 * (xiG_envs_sweep), and their entries are taken again by the next scopes, with
 * the same hidden names: a training loop that makes closures at every step
 * (micrograd's _backward) keeps those its live values hold, not one a step
 * for as long as the session lasts. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tape/exec_int.h"
#include "tape/names.h"

void xiG_envs_free(xiG_graph *g) {
  xiG_env *e = g->envs;
  for (uint32_t k = 0; k < g->nenvs; k++)
    free(e[k].name), free(e[k].bind);
  free(g->envs);
  g->envs = NULL, g->nenvs = g->capenvs = g->envfree = 0;
}

static int keep_name(xiG_graph *g, xiG_env *e, uint32_t slot, uint32_t name, uint32_t node) {
  if (node == XI_NONE)
    return 0;
  for (uint32_t k = 0; k < e->n; k++)
    if (e->name[k] == name)
      return 0; /* (a local hides a parameter of the same name: it was found first) */
  char text[300];
  int len = snprintf(text, sizeof text, "<env %u>.%.250s", slot, xiS_name(&g->sym, name));
  uint32_t id = xiS_intern(&g->sym, text, (size_t)len), was = g->nodes[node].name;
  if (id == XI_NONE || xiG_rebind(g, id, node, (xi_pos){0, 0}, 0))
    return -1;
  g->nodes[node].name = was; /* (a trace calls it by the names of the program) */
  e->name[e->n] = name, e->bind[e->n++] = id;
  return 0;
}

/* an entry for a scope, a free one first (*slot its place); NULL: out of memory */
static xiG_env *entry(xiG_graph *g, uint32_t *slot) {
  if (g->envfree) {
    *slot = g->envfree - 1;
    xiG_env *e = (xiG_env *)g->envs + *slot;
    g->envfree = e->outer;
    return e;
  }
  if (g->nenvs == g->capenvs) {
    uint32_t cap = g->capenvs ? 2 * g->capenvs : 16;
    xiG_env *e = realloc(g->envs, cap * sizeof *e);
    if (!e)
      return NULL;
    g->envs = e, g->capenvs = cap;
  }
  *slot = g->nenvs++;
  return (xiG_env *)g->envs + *slot;
}

int xiG_env_save(xiG_graph *g, const xiG_scope *sc) {
  uint32_t most = sc->nlocal + sc->np, slot;
  uint32_t *name = malloc((most ? most : 1) * sizeof *name);
  uint32_t *bind = malloc((most ? most : 1) * sizeof *bind);
  xiG_env *e = name && bind ? entry(g, &slot) : NULL;
  if (!e) {
    free(name), free(bind);
    return -1;
  }
  *e = (xiG_env){sc->serial, sc->outer ? sc->outer->serial : 0, 0, name, bind};
  for (uint32_t k = sc->nlocal; k-- > 0;)
    if (keep_name(g, e, slot, sc->local[k][0], sc->local[k][1]))
      return -1;
  for (uint32_t k = sc->np; k-- > 0;)
    if (keep_name(g, e, slot, sc->params[k], sc->args[k]))
      return -1;
  g->keep = g->n; /* (the hidden names hold them now: a statement's truncation keeps them,
                     as an attribute set's, pyobj.c) */
  return 0;
}

void xiG_env_refresh(const xiG_graph *g, xiG_scope *sc) {
  for (; sc; sc = sc->outer)
    for (uint32_t k = 0; sc->envbind && k < sc->nlocal; k++) {
      uint32_t id = sc->envbind[k];
      if (id < g->nbind && g->bind[id].kind == B_NODE)
        sc->local[k][1] = g->bind[id].node;
    }
}

const xiG_env *xiG_env_find(const xiG_graph *g, unsigned serial) {
  const xiG_env *e = g->envs;
  for (uint32_t k = g->nenvs; k-- > 0;) /* (the newest first: the likeliest called) */
    if (e[k].serial == serial)
      return &e[k];
  return NULL;
}

/* ---- letting go of the scopes no function can reach ---- */

typedef struct {
  xiG_graph *g;
  uint8_t *live; /* by node: reached from a name the program can write, or a kept scope */
  uint8_t *keep; /* by entry: a function reached reads it */
  uint64_t *by;  /* (serial, entry) of the entries in use, sorted */
  uint32_t nby;
} sweep;

static int by_serial(const void *a, const void *b) {
  uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
  return x < y ? -1 : x > y;
}

/* the entry of the scope numbered serial; UINT32_MAX: none */
static uint32_t entry_of(const sweep *w, unsigned serial) {
  uint32_t lo = 0, hi = w->nby;
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    if ((unsigned)(w->by[mid] >> 32) < serial)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo < w->nby && (unsigned)(w->by[lo] >> 32) == serial ? (uint32_t)w->by[lo] : UINT32_MAX;
}

/* "<env K>.x": a kept scope's hidden name */
static int hidden(const xiG_graph *g, uint32_t id) {
  return strncmp(xiS_name(&g->sym, id), "<env ", 5) == 0;
}

/* every node the marked ones are computed from or hold (operands come first) */
static void reach(const xiG_graph *g, uint8_t *live) {
  for (uint32_t i = g->n; i-- > 0;)
    if (live[i])
      for (uint32_t k = 0, na = xiG_nargs(&g->nodes[i]); k < na; k++) {
        uint32_t a = xiG_arg(&g->nodes[i], k);
        if (a < g->n)
          live[a] = 1;
      }
}

/* the scope a function value reads (a def made in a def, a lambda), or 0 */
static unsigned frame_of(const xiG_graph *g, uint32_t i) {
  const xiG_node *n = &g->nodes[i];
  if (n->op != XI_TUPLE || n->x->p[XI_C_KIND] != XI_C_FUNC || n->x->p[XI_FN_WHAT] != XI_FN_DEF)
    return 0;
  return (unsigned)n->x->p[XI_FN_FRAME];
}

/* the scope numbered serial kept, with the scopes it reads, their names' values
   marked; 1 when one was not kept before */
static int take(sweep *w, unsigned serial) {
  const xiG_env *e = w->g->envs;
  int more = 0;
  for (uint32_t k; serial && (k = entry_of(w, serial)) != UINT32_MAX && !w->keep[k];
       serial = e[k].outer) {
    w->keep[k] = 1, more = 1;
    for (uint32_t q = 0; q < e[k].n; q++)
      if (e[k].bind[q] < w->g->nbind && w->g->bind[e[k].bind[q]].kind == B_NODE)
        w->live[w->g->bind[e[k].bind[q]].node] = 1;
  }
  return more;
}

/* the kept scopes the program can reach: from its names (not the hidden ones),
   ξ labels, pinned lists and what the statement running may put back, to the
   functions their values hold, to the scopes those read, to their names' values
   ... until no new scope is reached */
static void mark(sweep *w) {
  xiG_graph *g = w->g;
  for (uint32_t id = 0; id < g->nbind; id++)
    if (g->bind[id].kind == B_NODE && !hidden(g, id))
      w->live[g->bind[id].node] = 1;
  for (uint32_t k = 0; k < g->nlabel; k++)
    if (g->label[k] != XI_NONE)
      w->live[g->label[k]] = 1;
  for (uint32_t k = 0; k < g->npins; k++)
    w->live[g->pins[k]] = 1;
  xiG_stmt_live(g, w->live);
  for (int round = 0;; round++) {
    reach(g, w->live);
    int more = 0;
    for (uint32_t i = 0; i < g->n; i++)
      if (w->live[i])
        more |= take(w, frame_of(g, i)); /* (0: not a closure, nothing taken) */
    if (!more)
      return;
    if (round == 64) { /* (scopes this deep in each other: all are kept) */
      memset(w->keep, 1, g->nenvs);
      return;
    }
  }
}

/* the hidden names of the scopes not kept unbound, and their entries freed */
static void let_go(sweep *w) {
  xiG_graph *g = w->g;
  xiG_env *e = g->envs;
  uint8_t *kept = calloc(g->nbind ? g->nbind : 1, 1);
  if (!kept)
    return;
  for (uint32_t k = 0; k < g->nenvs; k++)
    for (uint32_t q = 0; e[k].serial && w->keep[k] && q < e[k].n; q++)
      if (e[k].bind[q] < g->nbind)
        kept[e[k].bind[q]] = 1;
  for (uint32_t id = 0; id < g->nbind; id++) /* (one a statement undone put back too) */
    if (g->bind[id].kind != B_NONE && !kept[id] && hidden(g, id))
      xiG_unbind(g, id, (xi_pos){0, 0});
  free(kept);
  for (uint32_t k = 0; k < g->nenvs; k++)
    if (e[k].serial && !w->keep[k]) {
      free(e[k].name), free(e[k].bind);
      e[k] = (xiG_env){0, g->envfree, 0, NULL, NULL};
      g->envfree = k + 1;
    }
}

void xiG_envs_sweep(xiG_graph *g) {
  if (!g->nenvs || g->frames)
    return; /* (while code runs, its scopes and its stack hold functions too) */
  sweep w = {g, calloc(g->n ? g->n : 1, 1), calloc(g->nenvs, 1),
             malloc(g->nenvs * sizeof *w.by), 0};
  if (w.live && w.keep && w.by) { /* (else no memory: they wait for the next collection) */
    const xiG_env *e = g->envs;
    for (uint32_t k = 0; k < g->nenvs; k++)
      if (e[k].serial)
        w.by[w.nby++] = (uint64_t)e[k].serial << 32 | k;
    qsort(w.by, w.nby, sizeof *w.by, by_serial);
    mark(&w);
    let_go(&w);
  }
  free(w.live), free(w.keep), free(w.by);
}
