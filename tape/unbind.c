/* unbind.c: names let go of all at once (part of names.c's rules of binding,
 * through its public functions): the names whose value is not a number at a
 * new precision (leaving an IEEE format, where inf and nan were values); and,
 * after collection, names, ξ labels and the notes of names that let go of a
 * value following their nodes. */
#include <stdint.h>
#include <stdlib.h>

#include "tape/graph.h"
#include "tape/names.h"

static int by_key(const void *a, const void *b) {
  uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
  return (x > y) - (x < y);
}

int xiG_unbind_undefined(xiG_graph *g, xi_pos pos, uint32_t **out, uint32_t *n) {
  *out = NULL, *n = 0;
  uint32_t count = 0;
  for (uint32_t id = 0; id < g->nbind; id++)
    count += g->bind[id].kind == B_NODE && g->nodes[g->bind[id].node].err != XI_OK;
  uint32_t *l = NULL, drop = 0; /* (ξ labels just go, through xiG_set_labels: a
                                      statement undone puts them back) */
  for (uint32_t k = 0; k < g->nlabel; k++)
    drop += g->label[k] != XI_NONE && g->nodes[g->label[k]].err != XI_OK;
  if (drop && (l = malloc(g->nlabel * sizeof *l))) {
    for (uint32_t k = 0; k < g->nlabel; k++)
      l[k] = g->label[k] != XI_NONE && g->nodes[g->label[k]].err != XI_OK ? XI_NONE : g->label[k];
    xiG_set_labels(g, l, g->nlabel);
    free(l);
  }
  if (!count)
    return 0;
  uint32_t *ids = malloc(count * sizeof *ids);
  uint64_t *key = malloc(count * sizeof *key); /* in the order they were bound, as vars */
  if (!ids || !key) {
    free(ids);
    free(key);
    return -1;
  }
  for (uint32_t id = 0, k = 0; id < g->nbind; id++)
    if (g->bind[id].kind == B_NODE && g->nodes[g->bind[id].node].err != XI_OK)
      key[k++] = (uint64_t)g->bind[id].order << 32 | id;
  qsort(key, count, sizeof *key, by_key);
  for (uint32_t k = 0; k < count; k++) {
    ids[k] = (uint32_t)key[k];
    xiG_unbind(g, ids[k], pos);
  }
  free(key);
  *out = ids, *n = count;
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
  xiG_stmt_renumber(g, to, kept_mark); /* what a statement running all or nothing keeps */
}
