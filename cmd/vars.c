/* vars.c: what the names hold: set x = VALUE (the knob: x replaced and
 * every named value built on it computed again), vars, del. */
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd.h"
#include "tape/names.h"

int xiR_cmd_set(xiR_session *s, const xiP_stmt *st, xi_err *err) {
  xiG_graph *g = &s->g;
  uint32_t mark = g->n, root, *changed = NULL, nchanged = 0;
  const xiG_binding *was = xiG_binding_of(g, st->name);
  uint32_t old = was && was->kind == B_NODE ? was->node : XI_NONE;
  if (xiR_evaluate(s, st, &root, err) ||
      xiG_set(g, st->name, root, mark, st->target_pos, &changed, &nchanged, err)) {
    xiG_truncate(g, mark);
    return -1;
  }
  int rc = 0;
  if (!st->quiet) {
    const char *name = xiS_name(&g->sym, st->name);
    rc = xiR_print_node(s, 0, name, xiG_binding_of(g, st->name)->node, 0, st->pos, err);
    if (nchanged == 0 && rc == 0)
      printf("no other name holds a value computed from it\n");
    for (uint32_t k = 0; k < nchanged && rc == 0; k++)
      if (xiG_kind(g, xiG_binding_of(g, changed[k])->node) != XI_C_FUNC) /* (f = d.get) */
        rc = xiR_print_node(s, 2, xiS_name(&g->sym, changed[k]),
                            xiG_binding_of(g, changed[k])->node, 0, st->pos, err);
  }
  /* a value a long loop made was computed again from the step its history starts at */
  for (uint32_t k = 0; k < nchanged && rc == 0 && old != XI_NONE; k++) {
    uint32_t leaf, now = xiG_binding_of(g, changed[k])->node;
    if (!xiG_history_lost(g, now, old, &leaf))
      continue;
    char who[160], msg[400];
    xiG_label_of(g, leaf, who, sizeof who);
    snprintf(msg, sizeof msg, "%s was computed again from %s, a value a step of a loop left, "
             "whose history was let go: the steps before it are not run again",
             xiS_name(&g->sym, changed[k]), who[0] ? who : "a leaf");
    xiR_report(s, "note", st->pos, msg);
  }
  free(changed);
  return rc;
}

static int chars(const char *p) {
  int n = 0;
  for (; *p; p++)
    n += (*p & 0xC0) != 0x80;
  return n;
}

int xiR_cmd_vars(xiR_session *s, const xiP_stmt *st, xi_err *err) {
  xiG_graph *g = &s->g;
  uint32_t *ids = malloc((g->nbind + 1) * sizeof *ids), n = 0;
  if (!ids)
    return xiX_fail(err, (xi_pos){0, 0}, "out of memory");
  for (uint32_t i = 0; i < g->nbind; i++) /* (a hidden name, "<lambda> ...", "<def> ...",
                                              a closure's "<env N>.x", is no one's) */
    if (g->bind[i].kind != B_NONE && xiS_name(&g->sym, i)[0] != '<')
      ids[n++] = i;
  for (uint32_t i = 1; i < n; i++) /* in the order they were bound */
    for (uint32_t j = i; j > 0 && g->bind[ids[j - 1]].order > g->bind[ids[j]].order; j--) {
      uint32_t t = ids[j];
      ids[j] = ids[j - 1];
      ids[j - 1] = t;
    }
  xiW_buf out = {0};
  if (n == 0)
    xiW_put(&out, "no names yet: define one with name = expression\n");
  int width = 0;
  for (uint32_t k = 0; k < n; k++)
    if (g->bind[ids[k]].kind == B_NODE && chars(xiS_name(&g->sym, ids[k])) > width)
      width = chars(xiS_name(&g->sym, ids[k]));
  for (uint32_t k = 0; k < n; k++) {
    const xiG_binding *b = &g->bind[ids[k]];
    const char *name = xiS_name(&g->sym, ids[k]);
    if (b->kind == B_FUNC && xiG_func_of(g, b)->is_class) { /* its methods follow, Net.f */
      xiW_put(&out, "%s  class\n", name);
      continue;
    }
    if (b->kind == B_FUNC) {
      const xiG_func *f = xiG_func_of(g, b);
      xiW_put(&out, "%s(", name);
      for (uint32_t p = 0; p < f->nparams; p++)
        xiW_put(&out, "%s%s", p ? ", " : "", xiS_name(&g->sym, f->params[p]));
      xiW_put(&out, ")  function  = %s\n", f->text);
      continue;
    }
    if (xiG_kind(g, b->node) == XI_C_OBJ) { /* an instance: its attributes are names, net.W */
      xiW_put(&out, "%s%*s  %s object\n", name, width - chars(name), "",
              xiG_class_of(g, b->node));
      continue;
    }
    if (xiG_kind(g, b->node) == XI_C_FUNC) { /* act = np.tanh: the function it calls */
      xiW_put(&out, "%s%*s  function  %s\n", name, width - chars(name), "",
              xiG_func_name(g, b->node));
      continue;
    }
    if (xiG_kind(g, b->node) >= 0) { /* a list, a dict ...: its kind, and Python's repr */
      xiW_put(&out, "%s%*s  %s  ", name, width - chars(name), "",
              xiG_kind_name(xiG_kind(g, b->node)));
      size_t at = out.n;
      if (xiR_py_text(s, &out, b->node, st->pos, err)) { /* [net]: Python prints an address */
        out.n = at;
        xiW_put(&out, "(not shown: %s)", err->msg);
      }
      xiW_put(&out, "\n");
      continue;
    }
    xiO_view view = xiG_view(&g->nodes[b->node]);
    int leaf = g->nodes[b->node].op == XI_LEAF || g->nodes[b->node].op == XI_CONST;
    xiW_put(&out, "%s%*s  %s  ", name, width - chars(name), "", leaf ? "leaf " : "value");
    if (view.sh.rank) {
      char shape[48];
      xiO_shape_text(&view.sh, shape, sizeof shape);
      xiW_put(&out, "%s ", shape);
    }
    xiW_proof pf; /* only proven digits, as everywhere */
    if (xiR_prove_value(s, b->node, &pf, st->pos, err)) {
      xiW_free(&out);
      free(ids);
      return -1;
    }
    view = xiG_view(&g->nodes[b->node]); /* (after the proof: it may move the nodes) */
    xiW_value_proven(&out, &view, &pf, s->digits, -1, 0);
    if (!leaf) {
      xiW_put(&out, "  = ");
      xiT_formula(g, b->node, s->digits, &out);
    }
    xiW_put(&out, "\n");
  }
  free(ids);
  return xiR_emit(&out, st->pos, err);
}

int xiR_cmd_del(xiR_session *s, const xiP_stmt *st, xi_err *err) {
  for (uint32_t i = 0; i < st->nnames; i++)
    if (!xiG_binding_of(&s->g, st->names[i]))
      return xiX_fail(err, st->name_pos[i], "unknown name '%s'",
                      xiS_name(&s->g.sym, st->names[i]));
  for (uint32_t i = 0; i < st->nnames; i++) {
    xiG_unbind(&s->g, st->names[i], st->name_pos[i]);
    xiP_named(&s->g.sym, st->names[i], 0); /* del sum: sum(x) is xi's function again */
  }
  return 0;
}
