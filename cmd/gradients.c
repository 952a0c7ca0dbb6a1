/* gradients.c: grad L [wrt a, b]: ∂L/∂v for every leaf of L, or for the names
 * given, each printed with the digits its ball proves. */
#include <stdlib.h>

#include "cmd/cmd.h"
#include "tape/names.h"

static void print_grad(xiR_session *s, xiW_buf *b, const char *of, const char *wrt,
                       uint32_t node, const xiB_adj *balls, slong prec) {
  xiO_view v;
  xiW_proof pf;
  xiR_adjoint_proof(s, balls, prec, node, &pf);
  size_t start = b->n;
  xiW_put(b, "∂%s/∂%s = ", of, wrt);
  int indent = 0;
  for (size_t k = start; b->s && k < b->n; k++)
    indent += (b->s[k] & 0xC0) != 0x80;
  if (xiD_adj_view(&s->sweep, &s->g, node, &v) == 0) {
    xiW_value_proven(b, &v, &pf, s->digits, indent, 0);
  } else { /* zeros, in the node's shape: exact */
    xiO_view z = xiG_view(&s->g.nodes[node]);
    __mpfr_struct *el = xiM_block(z.n, s->g.prec);
    if (!el)
      b->failed = XI_W_MEMORY;
    z.el = el;
    if (el)
      xiW_value(b, &z, s->digits, indent, 0);
    xiM_unblock(el);
  }
  xiW_put(b, "\n");
}

int xiR_cmd_grad(xiR_session *s, const xiP_stmt *st, xi_err *err) {
  xiG_graph *g = &s->g;
  uint32_t mark = g->n, root;
  uint32_t *list = malloc((st->nnames + 1) * sizeof *list);
  char *label = xiR_label(s, st);
  int rc = -1;
  xiB_adj balls = {0};
  if (!list || !label) {
    xiX_fail(err, st->pos, "out of memory");
    goto done;
  }
  if (xiR_evaluate(s, st, &root, err) || xiR_wrt_nodes(s, st, root, label, list, err) ||
      xiD_sweep_from(&s->sweep, g, &root, st->nnames ? XID_LIST : XID_LEAVES, list,
                     st->nnames, st->pos, err))
    goto done;
  slong prec;
  if (xiR_prove_adjoints(s, root, st->nnames ? XID_LIST : XID_LEAVES, list, st->nnames, &balls,
                         &prec, st->pos, err))
    goto done;
  xiW_buf b = {0};
  if (st->nnames) {
    for (uint32_t i = 0; i < st->nnames; i++)
      print_grad(s, &b, label, xiS_name(&g->sym, st->names[i]), list[i], &balls, prec);
    rc = xiR_emit(&b, st->pos, err);
    goto done;
  }
  int any = 0;
  for (uint32_t i = 0; i <= root; i++) {
    if (g->nodes[i].op != XI_LEAF || !xiD_needed(&s->sweep, i))
      continue;
    char name[256];
    xiG_label_of(g, i, name, sizeof name);
    if (!name[0])
      snprintf(name, sizeof name, "(leaf at %u:%u)", g->nodes[i].pos.line, g->nodes[i].pos.col);
    print_grad(s, &b, label, name, i, &balls, prec);
    any = 1;
  }
  if (!any)
    xiW_put(&b, "%s depends on no leaf\n", label);
  rc = xiR_emit(&b, st->pos, err);
done:
  if (rc == 0) { /* in a format: where inf and nan first appeared, forward and back */
    xiR_format_notes(s, root);
    xiR_adjoint_notes(s, label, 0);
  }
  xiB_adj_free(&balls);
  free(list);
  free(label);
  xiG_truncate(g, mark);
  return rc;
}
