/* label.c: how a value is called in a trace and in a message: the name
 * bound to it, or the name it had ("W (before the update at line 7)"), why
 * a value does not depend on a name, and a trace's ξ labels.  The notes it
 * reads (g->moved) are left by the rules of binding (names.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tape/graph.h"
#include "tape/names.h"

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
  case MOVE_UPDATE: return "before the update at line";
  case MOVE_SET: return "before set at line";
  case MOVE_DEL: return "deleted at line";
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
  if (g->nodes[root].flags & XI_F_CUT)
    snprintf(buf, n, "%s is an item of a list whose history was let go (a list keeps the "
                     "graph of its last item only, and of those a name holds)", what);
  else if (hit)
    snprintf(buf, n, "%s was computed from an earlier %s, %s %u: compute %s again", what, s,
             how(hit->update), hit->pos.line, what);
  else if (v > root)
    snprintf(buf, n, "%s does not depend on %s: %s got its value at line %u, after %s was "
                     "computed", what, s, s, g->nodes[v].pos.line, what);
  else
    snprintf(buf, n, "%s does not depend on %s", what, s);
}

void xiG_why_lost(const xiG_graph *g, const char *what, uint32_t name, uint32_t leaf,
                  char *buf, size_t n) {
  const char *s = name != XI_NONE ? xiS_name(&g->sym, name) : "it";
  char who[160], step[48] = "an earlier step";
  xiG_label_of(g, leaf, who, sizeof who);
  if (!who[0])
    snprintf(who, sizeof who, "a value made at line %u", g->nodes[leaf].pos.line);
  const xiG_node *l = &g->nodes[leaf];
  if (l->aux != XI_NONE && l->aux != XI_STEP_UNKNOWN)
    snprintf(step, sizeof step, "step %u", l->aux);
  if (xiG_loop_cut(l))
    snprintf(buf, n, "%s depends on %s through %s, which %s of a loop left and whose history "
                     "was let go (a long loop keeps one step of history, so that W = W - lr*dW "
                     "runs in bounded memory): take the derivative inside the loop, or compute "
                     "%s in one statement (a sum over a comprehension)",
             what, s, who, step, what);
  else
    snprintf(buf, n, "%s depends on %s through %s, an item of a list whose history was let go "
                     "(a list keeps the graph of its last item only, and of those a name holds)",
             what, s, who);
}

/* ---- a trace's ξ labels ---- */

static int name_taken(xiG_graph *g, uint32_t k) {
  char name[32];
  int n = snprintf(name, sizeof name, "ξ%u", k);
  uint32_t id = xiS_find(&g->sym, name, (size_t)n);
  return id != XI_NONE && xiG_binding_of(g, id) != NULL;
}

int xiG_number_cone(xiG_graph *g, uint32_t root, uint32_t *xi) {
  xi[root] = 1;
  for (uint32_t i = root + 1; i-- > 0;)
    if (xi[i])
      for (uint32_t k = 0; k < xiG_nargs(&g->nodes[i]); k++)
        xi[xiG_arg(&g->nodes[i], k)] = 1;
  /* a label a node, and an XI_NONE a ξ number skipped: each a bound name, so
     fewer than nbind (names bound after root can outnumber its nodes) */
  uint32_t k = 0, count = 0, *labels = malloc(((size_t)root + 1 + g->nbind) * sizeof *labels);
  if (!labels)
    return -1;
  char label[256];
  for (uint32_t i = 0; i <= root; i++) {
    if (!xi[i])
      continue;
    xi[i] = UINT32_MAX;
    xiG_label_of(g, i, label, sizeof label);
    if (g->nodes[i].op != XI_CONST && !label[0]) {
      while (name_taken(g, ++k)) /* skip the ξ numbers the user's own names (ξ1 = -W*x) use */
        labels[count++] = XI_NONE;
      xi[i] = k;
      labels[count++] = i;
    }
  }
  int rc = xiG_set_labels(g, labels, count);
  free(labels);
  return rc;
}

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

