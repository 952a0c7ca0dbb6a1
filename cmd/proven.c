/* proven.c: the balls behind what the session prints (proof/ball.h).
 *
 * Every value and adjoint printed is printed from a ball that holds its exact
 * value, so only proven digits are shown.  The balls are computed at the
 * working precision; after `digits N exact` the precision of the balls (not
 * the working one: the values computed stay as they are) is doubled until N
 * digits of what is printed are proven, or XI_EXACT_PREC_MAX (proof/ball.h) is
 * reached.
 *
 * Under an IEEE format (format binary16, ...) no balls are made: the value
 * printed is the number the format computed, which is exactly the binary
 * number held, not an approximation of the expression's exact value (the
 * compare command sets the two side by side). */
#include "cmd/cmd.h"

#include <stdio.h>
#include <string.h>

#include "ops/fmt.h"

/* Without `exact`, the balls' precision is still raised, up to XI_AUTO_RAISE
   times the working one, when the working precision holds the digits asked
   for (digits·log2(10) and a byte) but the balls at it prove fewer: balls
   grow wider than the error where a value is used many times (a long DAG:
   n = n + n - n has 3 times its operand's radius each step, and 60 steps
   take 29 digits), and a value right to 30 digits would be printed to 13.
   Not for a ball that holds 0 (a cancellation to 0, 0.1 + 0.2 - 0.3, keeps
   holding 0 at every precision: its bound is what is printed). */
#define XI_AUTO_RAISE 8

/* the precision to raise the balls to next, or 0: no more */
static slong raise_to(xiR_session *s, slong p, const arb_struct *ball, uint32_t n) {
  if (s->exact)
    return xiB_raise(p);
  if ((double)s->digits * 3.3219280948873623 + 8 > (double)s->g.prec ||
      p >= XI_AUTO_RAISE * (slong)s->g.prec)
    return 0;
  for (uint32_t k = 0; k < n; k++)
    if (arb_contains_zero(&ball[k]))
      return 0;
  return xiB_raise(p);
}

/* the precision to start at: the working one, or what the last exact print took */
static slong start(xiR_session *s) {
  slong p = (slong)s->g.prec;
  return s->exact && s->exact_prec > p ? s->exact_prec : p;
}

xiB_balls *xiR_balls(xiR_session *s) {
  if (xiO_fmt != XI_FMT_MPFR)
    return NULL;
  slong p = start(s);
  xiB_set_prec(s->balls, p == (slong)s->g.prec ? 0 : p);
  return s->balls;
}

static void proof_of(xiR_session *s, xiW_proof *pf, const arb_struct *ball, slong p) {
  const char *why = pf->why;
  memset(pf, 0, sizeof *pf);
  pf->why = why;
  pf->ball = ball;
  pf->prec = p;
  pf->raised = p > (slong)s->g.prec;
  pf->least = s->digits;
}

int xiR_prove_value(xiR_session *s, uint32_t node, xiW_proof *pf, xi_pos at, xi_err *err) {
  xiO_bview v;
  const xiG_node *n = &s->g.nodes[node];
  memset(pf, 0, sizeof *pf);
  if (n->op == XI_LEAF && !(n->flags & (XI_F_CODE | XI_F_LITERAL)))
    return 0; /* an input: the numbers it holds are exact, and printed rounded */
  if (xiO_fmt != XI_FMT_MPFR)
    return 0; /* the format's own number, held exactly */
  for (slong p = start(s), back = 0;;) {
    xiB_set_prec(s->balls, p == (slong)s->g.prec ? 0 : p);
    if (xiB_ball_brief(s->balls, node, &v, at, err)) {
      if (xiO_stopped())
        return -1;
      /* the balls could not be made (memory): the value is printed, but
         said to be unproven, and why */
      snprintf(s->unproven, sizeof s->unproven, "%s", err->msg);
      pf->why = s->unproven;
      return 0;
    }
    if (back || xiB_enough(v.el, v.n, s->digits))
      break;
    slong next = raise_to(s, p, v.el, v.n);
    if (!next && !s->exact && p != start(s)) /* raising did not prove them: */
      next = start(s), back = 1;             /* said at the working precision */
    else if (!next)
      break;
    p = next;
  }
  if (s->exact)
    s->exact_prec = xiB_prec(s->balls);
  proof_of(s, pf, v.el, xiB_prec(s->balls));
  return 0;
}

static slong raise_adj(xiR_session *s, slong p, const xiB_adj *a) {
  slong next = s->exact ? xiB_raise(p) : 0;
  for (uint32_t i = 0; !s->exact && i < a->n; i++)
    if (a->ball[i] && !xiB_enough(a->ball[i], a->count[i], s->digits) &&
        !(next = raise_to(s, p, a->ball[i], a->count[i])))
      return 0;
  return next;
}

int xiR_prove_adjoints(xiR_session *s, uint32_t root, xiD_want want, const uint32_t *list,
                       uint32_t nlist, xiB_adj *a, slong *prec, xi_pos at, xi_err *err) {
  if (xiO_fmt != XI_FMT_MPFR) { /* the format's numbers: nothing to prove */
    memset(a, 0, sizeof *a);
    *prec = (slong)s->g.prec;
    return 0;
  }
  for (slong p = start(s), back = 0;; xiB_adj_free(a)) {
    xiB_set_prec(s->balls, p == (slong)s->g.prec ? 0 : p);
    if (xiB_adjoints(s->balls, root, want, list, nlist, a, at, err))
      return -1;
    if (back || xiB_adj_enough(a, s->digits))
      break;
    slong next = raise_adj(s, p, a);
    if (!next && !s->exact && p != start(s)) /* (as for a value) */
      next = start(s), back = 1;
    else if (!next)
      break;
    p = next;
  }
  *prec = xiB_prec(s->balls);
  if (s->exact)
    s->exact_prec = *prec;
  return 0;
}

void xiR_adjoint_proof(xiR_session *s, const xiB_adj *a, slong prec, uint32_t node,
                       xiW_proof *pf) {
  pf->why = NULL;
  proof_of(s, pf, xiB_adj_of(a, node), prec);
}
