/* tracing.c: trace L [wrt W, b], every node forward and every adjoint in
 * reverse (the lines are show/trace.c's), and show E, a value printed whole. */
#include <stdlib.h>

#include "cmd/cmd.h"
#include "show/trace.h"

int xiR_cmd_trace(xiR_session *s, const xiP_stmt *st, xi_err *err) {
  uint32_t mark = s->g.n, root;
  uint32_t *wrt = malloc((st->nnames + 1) * sizeof *wrt);
  char *label = xiR_label(s, st);
  xiT_style style = {s->digits, s->color, xiW_terminal_width()};
  xiT_steps steps;
  int rc = label && wrt ? xiR_evaluate(s, st, &root, err) : xiX_fail(err, st->pos, "out of memory");
  if (rc == 0)
    rc = xiR_wrt_nodes(s, st, root, label, wrt, err);
  if (rc == 0)
    rc = xiR_prepare(s, root, label, wrt, st->nnames, XI_T_TEXT, &steps, st->pos, err);
  if (rc == 0) {
    char **why = xiR_why_notes(s, &steps, st->pos); /* under a gradient of 0 or not finite */
    steps.note = why;
    rc = xiT_trace(&steps, label, wrt, st->nnames, style, st->pos, err);
    for (uint32_t k = 0; why && k < steps.n; k++)
      free(why[k]);
    free(why);
    if (rc == 0 && steps.balls && s->exact)
      s->exact_prec = steps.prec; /* what digits N exact took: the next print starts there */
    xiT_steps_free(&steps);
  }
  if (rc == 0) { /* in a format: where inf and nan first appeared, forward and back */
    xiR_format_notes(s, root);
    xiR_adjoint_notes(s, label, 1);
  }
  free(label);
  free(wrt);
  if (rc) /* on success the nodes stay: the ξ labels it printed name them */
    xiG_truncate(&s->g, mark);
  return rc;
}

int xiR_cmd_show(xiR_session *s, const xiP_stmt *st, xi_err *err) {
  uint32_t mark = s->g.n, root;
  int rc = xiR_evaluate(s, st, &root, err);
  if (rc == 0)
    rc = xiR_print_node(s, 0, NULL, root, 1, st->pos, err);
  xiG_truncate(&s->g, mark);
  return rc;
}
