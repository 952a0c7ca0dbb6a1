/* renew.c: the tape's passes over every node at once: every value again at
 * a new precision, and collection, which frees the nodes nothing can reach
 * and renumbers the rest.  Either leaves what others keep by node stale, so
 * each counts in g->epoch when it changes the nodes.  What they need
 * of a single node (a constant read again, a gone node's code and extension
 * freed) is graph.c's, shared as xiG_read_const and xiG_node_free in
 * tape/graph.h with the tape's other functions. */
#include "tape/graph.h"
#include "tape/names.h"

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

static void keep_or_free(xiG_graph *g, storage *old, mpfr_prec_t prec);

/* 1 when an operand of node i is not a number (lenient: it is not computed) */
static int upstream(const xiG_graph *g, uint32_t i) {
  const xiG_node *n = &g->nodes[i];
  for (uint32_t k = 0, nargs = xiG_nargs(n); k < nargs; k++)
    if (g->nodes[xiG_arg(n, k)].err != XI_OK)
      return 1;
  return 0;
}

/* lenient: a value that is not a number at the new precision (nan, inf) keeps
   its err and is not fatal; what is computed from it gets XI_E_UPSTREAM */
static int renew(xiG_graph *g, mpfr_prec_t prec, int lenient, xi_err *err) {
  mpfr_prec_t old = g->prec;
  uint32_t top = g->n, bad = 0;
  /* nodes a lenient change left not numbers (nothing names them, but a
     statement undone may) stay so; kept to be put back on a failure */
  uint8_t *was = NULL;
  for (uint32_t i = 0; i < top && !was; i++)
    if (g->nodes[i].err != XI_OK && !(was = malloc(top)))
      return xiG_oom(g, err->pos, err);
  for (uint32_t i = 0; was && i < top; i++)
    was[i] = g->nodes[i].err;
  storage st;
  if (storage_make(g, &st, prec, err)) {
    free(was);
    return -1;
  }
  storage_swap(g, &st, prec);
  g->epoch++; /* every value is computed again */
  char first[sizeof err->msg];
  for (uint32_t i = 0; i < top; i++) {
    if (was && was[i] != XI_OK)
      continue;
    if (lenient && upstream(g, i)) {
      g->nodes[i].err = XI_E_UPSTREAM;
      continue;
    }
    unsigned long ooms = xiG_ooms();
    if (recompute(g, i, top, err) == 0)
      continue;
    char where[200];
    xiG_describe(g, i, where, sizeof where);
    size_t len = strlen(err->msg);
    if (!xiO_stopped())
      snprintf(err->msg + len, sizeof err->msg - len, " %s at %ld bits", where, (long)prec);
    if (lenient && !xiO_stopped() && xiG_ooms() == ooms) { /* a value, not the machine */
      if (g->nodes[i].err == XI_OK)
        g->nodes[i].err = XI_E_NAN; /* (a leaf whose code failed) */
      if (bad++ == 0)
        memcpy(first, err->msg, sizeof first);
      continue;
    }
    xiG_truncate(g, top); /* what the new precision built, then the old storage back */
    storage_swap(g, &st, old);
    storage_free(&st);
    for (uint32_t k = 0; k < top; k++)
      g->nodes[k].err = was ? was[k] : XI_OK;
    free(was);
    return -1;
  }
  free(was);
  keep_or_free(g, &st, old); /* the old storage */
  if (bad)
    memcpy(err->msg, first, sizeof first);
  return (int)(bad > INT32_MAX ? INT32_MAX : bad);
}

int xiG_set_prec(xiG_graph *g, mpfr_prec_t prec, xi_err *err) {
  return renew(g, prec, 0, err);
}

int xiG_set_prec_lenient(xiG_graph *g, mpfr_prec_t prec, xi_err *err) {
  return renew(g, prec, 1, err);
}

/* ---- the storage a statement running all or nothing keeps ----
   The first new precision (or format) of a statement keeps the storage of
   its mark, so that a rollback puts every value back bit for bit (a leaf
   without code, an update step's, would lose the bits a lower precision
   dropped if it were computed again), and at once. */

static void keep_or_free(xiG_graph *g, storage *old, mpfr_prec_t prec) {
  storage *k = g->st.open && !g->st.storage ? malloc(sizeof *k) : NULL;
  if (!k) {
    storage_free(old);
    return;
  }
  *k = *old;
  g->st.storage = k;
  g->st.prec = prec;
}

void xiG_storage_drop(xiG_graph *g) {
  storage *k = g->st.storage;
  if (!k)
    return;
  storage_free(k);
  free(k);
  g->st.storage = NULL;
}

void xiG_storage_restore(xiG_graph *g) {
  storage *k = g->st.storage;
  if (!k)
    return;
  for (uint32_t i = g->n; i < k->n; i++) { /* the statement's nodes: gone */
    xiM_unblock(k->el[i]);
    k->el[i] = NULL;
  }
  if (g->n < k->n)
    k->n = g->n;
  storage_swap(g, k, g->st.prec); /* (every node below the mark was there when kept) */
  for (uint32_t i = 0; i < g->n; i++) { /* numbers again (a lenient change marked some) */
    g->nodes[i].err = XI_OK;
    g->nodes[i].flags &= (uint8_t)~XI_F_EXACT; /* (said of the numbers swapped out) */
  }
  g->epoch++; /* every value changed */
  xiG_storage_drop(g);
}

/* a collection: the kept storage follows its nodes' new numbers */
static void storage_renumber(xiG_graph *g, const uint32_t *to) {
  storage *k = g->st.storage;
  if (!k)
    return;
  uint32_t j = 0;
  for (uint32_t i = 0; i < k->n; i++) {
    if (to[i] == XI_NONE) {
      xiM_unblock(k->el[i]);
      k->el[i] = NULL;
      continue;
    }
    j = to[i] + 1;
    if (to[i] == i)
      continue;
    __mpfr_struct v = k->v[i]; /* slot to[i] < i is free, as in xiG_collect */
    xiM_place(&k->pool, to[i], &k->v[to[i]]);
    mpfr_set(&k->v[to[i]], &v, MPFR_RNDN);
    k->el[to[i]] = k->el[i];
    k->el[i] = NULL;
  }
  k->n = j;
}

/* ---- collecting what nothing can reach ---- */

/* live[i]: 1 when node i is needed with all it was computed from, 2 when
   only its value is (an element of a list but its last: see below), 3 when
   only its value is because only a newer step of a loop uses it (loop.c),
   0 when nothing can reach it.  Operands come before their
   consumers, so one pass down decides each node before it is reached. */
static void mark_live(xiG_graph *g, uint8_t *live) {
  uint32_t bound = xiG_loop_bound(g);
  for (uint32_t id = 0; id < g->nbind; id++)
    if (g->bind[id].kind == B_NODE)
      live[g->bind[id].node] = 1;
  for (uint32_t k = 0; k < g->nlabel; k++)
    if (g->label[k] != XI_NONE)
      live[g->label[k]] = 1;
  for (uint32_t k = 0; k < g->npins; k++)
    live[g->pins[k]] = 1;
  xiG_stmt_live(g, live); /* what a statement running all or nothing may put back */
  for (uint32_t i = g->n; i-- > 0;) {
    const xiG_node *n = &g->nodes[i];
    if (!live[i] || (live[i] >= 2 && n->op != XI_TUPLE))
      continue; /* a value-only node keeps nothing it was computed from */
    uint32_t na = xiG_nargs(n);
    int list = n->op == XI_TUPLE && n->x->p[XI_C_KIND] == XI_C_LIST;
    /* a grad(...) value's operands keep their history: its ball is built from it */
    int step = i >= bound && n->op != XI_GRAD;
    for (uint32_t k = 0; k < na; k++) {
      uint32_t a = xiG_arg(n, k);
      if (live[i] >= 2 || (list && k + 1 < na))
        live[a] = live[a] ? live[a] : live[i] == 3 ? 3 : 2;
      else if (step && a < bound)
        live[a] = live[a] ? live[a] : 3;
      else
        live[a] = 1;
    }
  }
}

/* A list of 5000 losses from a training loop would keep 5000 epochs' graphs
   alive, though no name needs them: a list keeps the whole graph of its last
   element only (trace xs[-1] and grad(xs[-1], W) read it), and of any other
   that something else needs; the rest become leaves holding their values,
   marked XI_F_CUT (trace says their history was let go).  So does a value an
   earlier step of a loop computed (loop.c), its step in aux.  Returns how many. */
static uint32_t cut(xiG_graph *g, const uint8_t *live) {
  uint32_t cuts = 0;
  for (uint32_t i = 0; i < g->n; i++) {
    xiG_node *n = &g->nodes[i];
    if (live[i] < 2 || n->op == XI_TUPLE || n->op == XI_LEAF || n->op == XI_CONST)
      continue;
    if (n->op == XI_LIST && n->x) { /* its items are not its operands any more */
      free(n->x->args);
      n->x->args = NULL, n->x->nargs = 0;
    }
    int loop = live[i] == 3;
    n->op = XI_LEAF;
    n->a = n->b = XI_NONE;
    n->aux = !loop ? XI_NONE : xiG_loop_step_of(g, i) != XI_NONE ? xiG_loop_step_of(g, i)
                                                                  : XI_STEP_UNKNOWN;
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
  xiG_objects_sweep(g); /* (an object nothing holds: its attributes are no names) */
  xiG_envs_sweep(g);    /* (a closure's scope no function reads: its names neither) */
  uint32_t n = g->n, stamp = ++collections;
  uint8_t *live = calloc(n ? n : 1, 1);
  uint32_t *to = malloc((n ? n : 1) * sizeof *to);
  if (!live || !to) { /* no memory to collect with: keep everything */
    free(live);
    free(to);
    return 0;
  }
  mark_live(g, live);
  g->keep = 0; /* (between statements: no mark is held across a collection) */
  xiG_ag_live(g, live); /* (a .grad is a leaf: nothing under it to mark) */
  uint64_t *sum = xiG_history_sums(g, live); /* before the histories go */
  xiG_ag_cut(g, live); /* (a tensor or a Value about to be cut remembers it was one) */
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
  xiG_ag_renumber(g, to, n);
  for (uint32_t k = 0; k < g->npins; k++)
    g->pins[k] = to[g->pins[k]];
  storage_renumber(g, to);
  xiG_loop_renumber(g, to, n); /* once: it maps old numbers to new ones */
  if (cuts || g->nlost)
    xiG_history_keep(g, sum, to, n);
  free(sum);
  g->cut_scalars = 0; /* the list elements that are leaves now, a number each */
  for (uint32_t i = 0; i < j; i++)
    g->cut_scalars += (g->nodes[i].flags & XI_F_CUT) && !xiG_loop_cut(&g->nodes[i]) &&
                      !xiG_is_tensor(&g->nodes[i]);
  if (n != j || cuts)
    g->epoch++; /* nodes have new numbers, or are leaves now */
  free(live);
  free(to);
  return n - j;
}
