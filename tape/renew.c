/* renew.c: the tape's passes over every node at once: every value again at
 * a new precision, and collection, which frees the nodes nothing can reach
 * and renumbers the rest.  Either leaves what others keep by node stale, so
 * each counts in g->epoch when it changes the nodes.  What they need
 * of a single node (a constant read again, a gone node's code and extension
 * freed) is graph.c's, shared as xiG_read_const and xiG_node_free in
 * tape/graph.h with the tape's other functions. */
#include "tape/graph.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- precision ---- */

/* node i's value again, at the graph's (new) precision */
static int recompute(xiG_graph *g, uint32_t i, uint32_t top, xi_err *err) {
  xiG_node *n = &g->nodes[i];
  if (n->op == XI_CONST) {
    xiG_read_const(g, n, n->aux);
  } else if (n->op == XI_LEAF && (n->flags & XI_F_LITERAL)) {
    xiG_read_const(g, n, n->aux);
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

/* The storage of every value, at a new precision, beside the old one: a
   change that fails (out of memory, a value that is not a number at the new
   precision, ^C) goes back to the old storage, so nothing is lost (a leaf
   without code keeps bits a lower precision would drop). */
typedef struct {
  xiM_pool pool;          /* the other pool */
  __mpfr_struct *v;       /* each node's other scalar struct */
  __mpfr_struct **el;     /* each tensor node's other block */
  uint32_t n;
} storage;

static void storage_free(storage *st) {
  for (uint32_t i = 0; st->el && i < st->n; i++)
    xiM_unblock(st->el[i]);
  xiM_free(&st->pool);
  free(st->v);
  free(st->el);
}

/* new storage at precision prec for the n nodes, values rounded into it */
static int storage_make(xiG_graph *g, storage *st, mpfr_prec_t prec, xi_err *err) {
  st->n = g->n;
  xiM_init(&st->pool, prec);
  st->v = malloc((st->n ? st->n : 1) * sizeof *st->v);
  st->el = calloc(st->n ? st->n : 1, sizeof *st->el);
  if (!st->v || !st->el)
    goto oom;
  for (uint32_t i = 0; i < st->n; i++) {
    xiG_node *n = &g->nodes[i];
    if ((i & 1023) == 0 && xiO_stopped()) {
      storage_free(st);
      return xiX_fail(err, err->pos, "interrupted");
    }
    if (xiM_place(&st->pool, i, &st->v[i]))
      goto oom;
    mpfr_set(&st->v[i], n->v, MPFR_RNDN); /* exact when the precision grows */
    if (!xiG_is_tensor(n))
      continue;
    if (!(st->el[i] = xiM_block(n->x->n, prec)))
      goto oom;
    for (uint32_t k = 0; k < n->x->n; k++) {
      if ((k & 1023) == 0 && xiO_stopped()) {
        storage_free(st);
        return xiX_fail(err, err->pos, "interrupted");
      }
      mpfr_set(&st->el[i][k], &n->x->el[k], MPFR_RNDN);
    }
  }
  return 0;
oom:
  storage_free(st);
  return xiG_oom(g, err->pos, err);
}

/* the nodes take the other storage, and st keeps theirs */
static void storage_swap(xiG_graph *g, storage *st, mpfr_prec_t prec) {
  for (uint32_t i = 0; i < st->n; i++) {
    xiG_node *n = &g->nodes[i];
    __mpfr_struct v = n->v[0];
    n->v[0] = st->v[i];
    st->v[i] = v;
    if (st->el[i]) {
      __mpfr_struct *el = n->x->el;
      n->x->el = st->el[i];
      st->el[i] = el;
    }
  }
  xiM_pool pool = g->limbs;
  g->limbs = st->pool;
  st->pool = pool;
  g->prec = prec;
  mpfr_set_prec(g->tmp, prec);
}

int xiG_set_prec(xiG_graph *g, mpfr_prec_t prec, xi_err *err) {
  mpfr_prec_t old = g->prec;
  storage st;
  if (storage_make(g, &st, prec, err))
    return -1;
  storage_swap(g, &st, prec);
  g->epoch++; /* every value is computed again */
  uint32_t top = g->n;
  for (uint32_t i = 0; i < top; i++)
    if (recompute(g, i, top, err)) {
      char where[200];
      xiG_describe(g, i, where, sizeof where);
      size_t len = strlen(err->msg);
      if (!xiO_stopped())
        snprintf(err->msg + len, sizeof err->msg - len, " %s at %ld bits", where, (long)prec);
      xiG_truncate(g, top); /* what the new precision built, then the old storage back */
      storage_swap(g, &st, old);
      storage_free(&st);
      return -1;
    }
  storage_free(&st); /* the old storage */
  return 0;
}

/* ---- collecting what nothing can reach ---- */

/* live[i]: 1 when node i is needed with all it was computed from, 2 when
   only its value is (an element of a list but its last: see below), 0 when
   nothing can reach it.  Operands come before their consumers, so one pass
   down decides each node before it is reached. */
static void mark_live(xiG_graph *g, uint8_t *live) {
  for (uint32_t id = 0; id < g->nbind; id++)
    if (g->bind[id].kind == B_NODE)
      live[g->bind[id].node] = 1;
  for (uint32_t k = 0; k < g->nlabel; k++)
    if (g->label[k] != XI_NONE)
      live[g->label[k]] = 1;
  for (uint32_t k = 0; k < g->npins; k++)
    live[g->pins[k]] = 1;
  for (uint32_t i = g->n; i-- > 0;) {
    const xiG_node *n = &g->nodes[i];
    if (!live[i] || (live[i] == 2 && n->op != XI_TUPLE))
      continue; /* a value-only node keeps nothing it was computed from */
    uint32_t na = xiG_nargs(n);
    int list = n->op == XI_TUPLE && n->x->p[XI_C_KIND] == XI_C_LIST;
    for (uint32_t k = 0; k < na; k++) {
      uint32_t a = xiG_arg(n, k);
      if (live[i] == 2 || (list && k + 1 < na))
        live[a] = live[a] ? live[a] : 2;
      else
        live[a] = 1;
    }
  }
}

/* A list of 5000 losses from a training loop would keep 5000 epochs' graphs
   alive, though no name needs them: a list keeps the whole graph of its last
   element only (trace xs[-1] and grad(xs[-1], W) read it), and of any other
   that something else needs; the rest become leaves holding their values,
   marked XI_F_CUT (trace says their history was let go).  Returns how many. */
static uint32_t cut(xiG_graph *g, const uint8_t *live) {
  uint32_t cuts = 0;
  for (uint32_t i = 0; i < g->n; i++) {
    xiG_node *n = &g->nodes[i];
    if (live[i] != 2 || n->op == XI_TUPLE || n->op == XI_LEAF || n->op == XI_CONST)
      continue;
    if (n->op == XI_LIST && n->x) { /* its items are not its operands any more */
      free(n->x->args);
      n->x->args = NULL, n->x->nargs = 0;
    }
    n->op = XI_LEAF;
    n->a = n->b = n->aux = XI_NONE;
    n->flags = (uint8_t)((n->flags & XI_F_DTYPE) | XI_F_CUT | XI_F_UPDATE);
    cuts++;
  }
  return cuts;
}

static void renumber_node(xiG_node *nd, const uint32_t *to, uint32_t stamp) {
  if (nd->a != XI_NONE)
    nd->a = to[nd->a];
  if (nd->b != XI_NONE)
    nd->b = to[nd->b];
  if (nd->op == XI_LIST)
    for (uint32_t k = 0; k < nd->x->nargs; k++)
      nd->x->args[k] = to[nd->x->args[k]];
  if (nd->op == XI_TUPLE && nd->x->args) { /* a block lists share: renumbered once, whole */
    xiG_items *it = xiG_items_of(nd->x->args);
    if (it->stamp != stamp)
      for (uint32_t k = 0; k < it->used; k++)
        it->item[k] = it->item[k] == XI_NONE ? XI_NONE : to[it->item[k]];
    it->stamp = stamp;
  }
  if (nd->op == XI_GRAD && nd->aux != XI_NONE)
    nd->aux = to[nd->aux]; /* its built graph is kept only while something else keeps it */
}

uint32_t xiG_collect(xiG_graph *g) {
  static uint32_t collections; /* stamps the blocks of items renumbered (graph.h) */
  uint32_t n = g->n, stamp = ++collections;
  uint8_t *live = calloc(n ? n : 1, 1);
  uint32_t *to = malloc((n ? n : 1) * sizeof *to);
  if (!live || !to) { /* no memory to collect with: keep everything */
    free(live);
    free(to);
    return 0;
  }
  mark_live(g, live);
  uint32_t cuts = cut(g, live), j = 0;
  for (uint32_t i = 0; i < n; i++)
    to[i] = live[i] ? j++ : XI_NONE;
  for (uint32_t i = 0; i < n; i++) {
    xiG_node *nd = &g->nodes[i];
    if (!live[i]) {
      xiG_node_free(g, nd);
      continue;
    }
    renumber_node(nd, to, stamp);
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
  for (uint32_t k = 0; k < g->npins; k++)
    g->pins[k] = to[g->pins[k]];
  g->cut_scalars = 0; /* the list elements that are leaves now, a number each */
  for (uint32_t i = 0; i < j; i++)
    g->cut_scalars += (g->nodes[i].flags & XI_F_CUT) && !xiG_is_tensor(&g->nodes[i]);
  if (n != j || cuts)
    g->epoch++; /* nodes have new numbers, or are leaves now */
  free(live);
  free(to);
  return n - j;
}
