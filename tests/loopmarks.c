/* loopmarks.c: where each step of a running loop began (tape/loop.c) stays
 * right through the collections the loop makes (tape/renew.c).
 *
 * The loop is the scalar training loop of tests/loop_rebind.xi, run as
 * cmd/run.c runs a loop (xiG_loop_enter, then xiR_loop_step before each
 * step), each step's statements given the source line 100 + its step, so
 * that every node says which step made it.  After each xiR_loop_step (which
 * collects as often as the tape doubles) every mark must still be where its
 * step began: the node at it made by that step or a later one, the node
 * before it by an earlier one, and the mark of the step just begun at the
 * end of the tape.  xiG_collect renumbered the marks twice until stop 23:
 * the marks 25 29 of a tape of 29 nodes became the one mark 23. */
#include <stdio.h>
#include <string.h>

#include "cmd/cmd.h"
#include "cmd/session.h"

static int failures, checks;

static void marks_hold(const xiG_graph *g, uint32_t step) {
  const xiG_loop *l = &g->loops[0];
  checks++;
  if (l->n == 0 || l->m[l->n - 1].step != step || l->m[l->n - 1].at != g->n) {
    if (failures++ < 5)
      fprintf(stderr, "step %u: the last mark is %u (step %u), want %u (step %u)\n", step,
              l->n ? l->m[l->n - 1].at : 0, l->n ? l->m[l->n - 1].step : 0, g->n, step);
    return;
  }
  for (uint32_t q = 0; q < l->n; q++) {
    uint32_t at = l->m[q].at, line = 100 + l->m[q].step;
    int ok = at <= g->n && (q == 0 || l->m[q - 1].at <= at) &&
             (at == g->n || g->nodes[at].pos.line >= line) &&
             (at == 0 || g->nodes[at - 1].pos.line < line);
    if (!ok && failures++ < 5)
      fprintf(stderr, "step %u: mark %u of %u at node %u (of %u) for step %u: the nodes "
              "there are of lines %u and %u\n", step, q, l->n, at, g->n, l->m[q].step,
              at ? g->nodes[at - 1].pos.line : 0, at < g->n ? g->nodes[at].pos.line : 0);
  }
}

int main(void) {
  if (!freopen("/dev/null", "w", stdout))
    return 2;
  xiR_session s;
  xiR_init(&s, XI_DEFAULT_PREC, XI_DEFAULT_DIGITS);
  const char *init = "w = 2.0; x = 3.0;\n";
  const char *body = "loss = (w * x - 1) ** 2; dw = 2 * (w * x - 1) * x; w = w - 0.01 * dw;\n";
  if (xiR_run(&s, "init", init, strlen(init), 1))
    return 2;
  uint32_t collections = 0, before = 0;
  xiG_loop_enter(&s.g);
  for (uint32_t k = 0; k < 3000; k++) {
    before = s.g.n;
    xiR_loop_step(&s, k);
    collections += s.g.n < before;
    marks_hold(&s.g, k);
    if (xiR_run(&s, "body", body, strlen(body), 100 + k))
      return 2;
  }
  xiR_loop_end(&s);
  xiR_free(&s);
  if (collections < 10) {
    fprintf(stderr, "only %u collections in 3000 steps: the marks were not tested\n",
            collections);
    return 1;
  }
  if (failures) {
    fprintf(stderr, "%d of %d checks failed\n", failures, checks);
    return 1;
  }
  fprintf(stderr, "%d steps' marks right through %u collections\n", checks, collections);
  return 0;
}
