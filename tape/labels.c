/* labels.c: how a value is called in a trace and in messages: the name that
 * holds it now, or the note a name left when it let go of it ("W (before the
 * update at line 7)"), the ξ labels of the last trace, and all of these
 * following their nodes when a collection renumbers them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tape/graph.h"

/* ---- how to call a value ---- */

const char *xiG_name_of(const xiG_graph *g, uint32_t i) {
  uint32_t name = g->nodes[i].name;
  if (name == XI_NONE || name >= g->nbind)
    return NULL;
  const xiG_binding *b = &g->bind[name];
  return b->kind == B_NODE && b->node == i ? xiS_name(&g->sym, name) : NULL;
}

static const char *how(int kind) {
  switch (kind) {
  case XI_MOVE_UPDATE: return "before the update at line";
  case XI_MOVE_SET: return "before set at line";
  case XI_MOVE_DEL: return "deleted at line";
  default: return "before line";
  }
}

void xiG_label_of(const xiG_graph *g, uint32_t i, char *buf, size_t n) {
  const char *name = xiG_name_of(g, i);
  buf[0] = '\0';
  if (name) {
    snprintf(buf, n, "%s", name);
    return;
  }
  for (uint32_t k = g->nmoved; k-- > 0;) { /* the name it had last */
    const xiG_moved *m = &g->moved[k];
    if (m->node == i) {
      snprintf(buf, n, "%s (%s %u)", xiS_name(&g->sym, m->name), how(m->update), m->pos.line);
      return;
    }
  }
}

void xiG_why_not(const xiG_graph *g, uint32_t root, const char *what, uint32_t name, uint32_t v,
                 char *buf, size_t n) {
  const char *s = name != XI_NONE ? xiS_name(&g->sym, name) : "it";
  const xiG_moved *hit = NULL; /* the newest change of the name away from a value under root */
  uint8_t *cone = calloc(root + 1, 1);
  if (cone) {
    cone[root] = 1;
    for (uint32_t i = root + 1; i-- > 0;)
      if (cone[i])
        for (uint32_t k = 0; k < xiG_nargs(&g->nodes[i]); k++)
          cone[xiG_arg(&g->nodes[i], k)] = 1;
    for (uint32_t k = g->nmoved; k-- > 0 && !hit;)
      if (g->moved[k].name == name && g->moved[k].node <= root && cone[g->moved[k].node])
        hit = &g->moved[k];
    free(cone);
  }
  if (hit)
    snprintf(buf, n, "%s was computed from an earlier %s, %s %u: compute %s again", what, s,
             how(hit->update), hit->pos.line, what);
  else if (v > root)
    snprintf(buf, n, "%s does not depend on %s: %s got its value at line %u, after %s was "
                     "computed", what, s, s, g->nodes[v].pos.line, what);
  else
    snprintf(buf, n, "%s does not depend on %s", what, s);
}

/* ---- a trace's ξ labels ---- */

int xiG_set_labels(xiG_graph *g, const uint32_t *nodes, uint32_t n) {
  if (g->st.open && !g->st.labels) { /* the mark's labels, kept for a rollback */
    g->st.label = g->label, g->st.nlabel = g->nlabel, g->st.labels = 1;
    g->label = NULL, g->nlabel = 0;
  }
  uint32_t *l = realloc(g->label, (n ? n : 1) * sizeof *l);
  if (!l)
    return -1;
  memcpy(l, nodes, n * sizeof *l);
  g->label = l, g->nlabel = n;
  return 0;
}

/* ---- after collection ---- */

void xiG_names_renumber(xiG_graph *g, const uint32_t *to) {
  for (uint32_t id = 0; id < g->nbind; id++)
    if (g->bind[id].kind == B_NODE)
      g->bind[id].node = to[g->bind[id].node];
  for (uint32_t k = 0; k < g->nlabel; k++)
    if (g->label[k] != XI_NONE)
      g->label[k] = to[g->label[k]];
  uint32_t kept = 0, kept_mark = 0; /* notes about values that are gone go with them */
  for (uint32_t k = 0; k < g->nmoved; k++) {
    if (k == g->st.nmoved)
      kept_mark = kept;
    if (to[g->moved[k].node] != XI_NONE) {
      g->moved[kept] = g->moved[k];
      g->moved[kept++].node = to[g->moved[k].node];
    }
  }
  if (g->st.nmoved >= g->nmoved)
    kept_mark = kept;
  g->nmoved = kept;
  xiG_stmt_renumber(g, to, kept_mark);
}
