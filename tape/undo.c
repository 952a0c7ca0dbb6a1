/* undo.c: a statement that runs all or nothing.
 *
 * At the prompt what one Enter runs either happens entirely or not at all:
 * ^C in the middle of a loop, a tensor being made or a function call, or an
 * error halfway, leaves every name as it was.  Nothing is copied at the
 * mark: the nodes only grow (the mark is their count), and each change to a
 * name writes the binding it replaces down, the first time only (a binding
 * is the mark's when its order is older than the mark's), so a loop of ten
 * million steps over one name logs one entry.  A function a name lets go of
 * is freed at commit, not before, so that rollback can bind it again.
 *
 * Undone: the nodes made since the mark (and what they hold: tensors, the
 * code of leaves), bindings, functions, the notes of names that let go of a
 * value, the ξ labels of a trace, the state of the random numbers, and the
 * precision: the first new precision of a statement keeps the mark's values
 * (renew.c), which come back bit for bit.  The session's settings (the
 * format, digits) are the caller's to put back. */
#include <stdlib.h>
#include <string.h>

#include "tape/graph.h"
#include "tape/names.h"

int xiG_stmt_begin(xiG_graph *g) {
  xiG_statement *st = &g->st;
  if (st->open)
    return 0;
  st->open = 1;
  st->labels = st->rng = 0;
  st->n = g->n;
  st->order = ++g->order; /* older than the mark: every binding made so far */
  st->nmoved = g->nmoved;
  st->nlog = 0;
  xiG_ag_save(g); /* micrograd's and PyTorch's .grads (autograd.c) */
  return 1;
}

void xiG_stmt_change(xiG_graph *g, uint32_t name) {
  xiG_statement *st = &g->st;
  if (st->nlog == st->caplog) {
    uint32_t cap = st->caplog ? 2 * st->caplog : 64;
    xiG_change *q = realloc(st->log, cap * sizeof *q);
    if (!q) { /* cannot happen in practice (16 bytes a name); the statement then
                 keeps this change whatever happens */
      return;
    }
    st->log = q, st->caplog = cap;
  }
  xiG_binding was = {B_NONE, 0, 0};
  if (name < g->nbind)
    was = g->bind[name];
  st->log[st->nlog++] = (xiG_change){name, was};
}

void xiG_stmt_rng(xiG_graph *g) {
  xiG_statement *st = &g->st;
  if (!st->open || st->rng)
    return;
  if (!st->was_rng && !(st->was_rng = malloc(2 * sizeof *st->was_rng)))
    return; /* (as above) */
  free(st->was_gens); /* and NumPy's Generators (npgen.c) */
  st->was_gens = NULL;
  if (g->ngens && !(st->was_gens = malloc(g->ngens * sizeof *g->gens)))
    return; /* (as above) */
  if (g->ngens)
    memcpy(st->was_gens, g->gens, g->ngens * sizeof *g->gens);
  st->was_ngens = g->ngens;
  st->was_rng[0] = g->rng, st->was_rng[1] = g->pyrng; /* NumPy's and Python's random */
  st->rng = 1;
}

/* the labels and the random numbers of the mark are no longer needed */
static void close_statement(xiG_graph *g) {
  xiG_statement *st = &g->st;
  g->nobjlog = 0; /* (the objects' prefixes, pyobj.c) */
  if (st->labels)
    free(st->label);
  st->label = NULL, st->nlabel = 0;
  st->open = st->labels = st->rng = 0;
  st->nlog = 0;
  xiG_ag_unsave(g);
}

void xiG_stmt_commit(xiG_graph *g) {
  xiG_statement *st = &g->st;
  if (!st->open)
    return;
  /* the functions names let go of were kept for a rollback; now they go
     (unless the name holds it still: a change that failed after the log) */
  for (uint32_t k = 0; k < st->nlog; k++) {
    const xiG_change *c = &st->log[k];
    const xiG_binding *now = &g->bind[c->name];
    if (c->was.kind == B_FUNC && !(now->kind == B_FUNC && now->node == c->was.node))
      xiG_func_free(g, c->was.node);
  }
  xiG_storage_drop(g);
  close_statement(g);
}

void xiG_stmt_rollback(xiG_graph *g) {
  xiG_statement *st = &g->st;
  if (!st->open)
    return;
  for (uint32_t k = g->nobjlog; k-- > 0;) { /* objects' prefixes and names, as they were */
    const uint32_t *c = g->objlog[k];
    if (c[0] == XI_OBJLOG_PREFIX)
      g->obj[c[1]].prefix = c[2];
    else if (c[0] == XI_OBJLOG_NAME && c[1] < g->n)
      g->nodes[c[1]].name = c[2];
  }
  for (uint32_t k = st->nlog; k-- > 0;) { /* newest first: the oldest write wins */
    const xiG_change *c = &st->log[k];
    xiG_binding *now = &g->bind[c->name];
    if (now->kind == B_FUNC && now->order >= st->order)
      xiG_func_free(g, now->node); /* made by the statement */
    *now = c->was;
    xiG_bind_hi(g, c->name);
  }
  if (st->labels) {
    free(g->label);
    g->label = st->label, g->nlabel = st->nlabel;
    st->labels = 0;
  }
  if (st->rng) {
    g->rng = st->was_rng[0], g->pyrng = st->was_rng[1];
    if (st->was_ngens)
      memcpy(g->gens, st->was_gens, st->was_ngens * sizeof *g->gens);
    g->ngens = st->was_ngens;
  }
  if (g->nmoved > st->nmoved)
    g->nmoved = st->nmoved;
  if (g->keep > st->n) /* (the attributes the statement set are put back too) */
    g->keep = st->n;
  xiG_truncate(g, st->n);
  xiG_ag_restore(g);
  xiG_storage_restore(g); /* a new precision: the mark's values, bit for bit */
  g->order = st->order;
  close_statement(g);
}

void xiG_stmt_live(const xiG_graph *g, uint8_t *live) {
  const xiG_statement *st = &g->st;
  if (!st->open)
    return;
  for (uint32_t k = 0; k < st->nlog; k++)
    if (st->log[k].was.kind == B_NODE)
      live[st->log[k].was.node] = 1;
  for (uint32_t k = 0; st->labels && k < st->nlabel; k++)
    if (st->label[k] != XI_NONE)
      live[st->label[k]] = 1;
}

void xiG_stmt_renumber(xiG_graph *g, const uint32_t *to, uint32_t kept_moved) {
  xiG_statement *st = &g->st;
  if (!st->open)
    return;
  for (uint32_t k = 0; k < st->nlog; k++)
    if (st->log[k].was.kind == B_NODE)
      st->log[k].was.node = to[st->log[k].was.node];
  for (uint32_t k = 0; st->labels && k < st->nlabel; k++)
    if (st->label[k] != XI_NONE)
      st->label[k] = to[st->label[k]];
  uint32_t i = st->n; /* the mark: the first node made after it, renumbered */
  while (i > 0 && to[i - 1] == XI_NONE)
    i--;
  st->n = i ? to[i - 1] + 1 : 0;
  st->nmoved = kept_moved;
  for (uint32_t k = 0; k < g->nobjlog; k++) /* (pyobj.c's: a node's name) */
    if (g->objlog[k][0] == XI_OBJLOG_NAME) {
      g->objlog[k][1] = to[g->objlog[k][1]];
      if (g->objlog[k][1] == XI_NONE)
        g->objlog[k][0] = XI_OBJLOG_GONE;
    }
}
