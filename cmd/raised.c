/* raised.c: balls at a precision above the session's, for a verdict that is
 * undecided at it (check A == B, check E == NUMBER, gradcheck's exact
 * column).
 *
 * The session's set of balls keeps, node by node, what printing has proven
 * so far, at one precision; asked for another it forgets them all (proof/
 * ball.c), and the next print made them all again at the working precision.
 * A raised verdict therefore makes its balls in a set of its own, opened
 * when first needed and closed with the command: the session's stay.
 *
 * Both sets follow the tape's forgetting (g->forgot_from), which a set
 * consumes when it is used; the raised set's uses put back what it consumed,
 * so the session's set still drops the nodes the tape forgot before. */
#include "cmd/cmd.h"

/* the set for balls at prec bits: the session's at the precision its prints
   start from, else the raised one (opened now if need be); NULL: no memory.
   Once the raised set did not fit in the memory budget, the session's set is
   raised instead, as it was before there were two (its balls are then made
   again at the next print) */
static xiB_balls *set_at(xiR_hi *h, slong prec) {
  xiB_balls *own = xiR_balls(h->s);
  if (!own || prec == xiB_prec(own))
    return own;
  if (h->full || (!h->set && !(h->set = xiB_open(&h->s->g, &h->s->sweep)))) {
    xiB_set_prec(own, prec == (slong)h->s->g.prec ? 0 : prec);
    return own;
  }
  xiB_set_prec(h->set, prec);
  return h->set;
}

/* f(b, ...) in the set for prec bits; the raised set's uses put back the
   tape's forgetting they consumed, and one out of memory falls back */
#define IN_SET(h, prec, call)                                                         \
  do {                                                                                \
    xiB_balls *b = set_at(h, prec);                                                  \
    if (!b)                                                                           \
      return xiG_oom(&h->s->g, at, err);                                              \
    if (b != h->set)                                                                  \
      return call;                                                                    \
    xiG_graph *g = &h->s->g;                                                          \
    uint32_t forgot = g->forgot_from;                                                 \
    int rc = call;                                                                    \
    g->forgot_from = forgot < g->forgot_from ? forgot : g->forgot_from;               \
    if (rc == 0 || xiO_stopped())                                                     \
      return rc;                                                                      \
    xiR_hi_close(h);                                                                  \
    h->full = 1;                                                                      \
    b = set_at(h, prec);                                                              \
    return b ? call : -1;                                                             \
  } while (0)

int xiR_hi_ball(xiR_hi *h, slong prec, uint32_t node, xiO_bview *out, xi_pos at,
                xi_err *err) {
  IN_SET(h, prec, xiB_ball(b, node, out, at, err));
}

int xiR_hi_adjoints(xiR_hi *h, slong prec, uint32_t root, xiD_want want,
                    const uint32_t *list, uint32_t nlist, xiB_adj *a, xi_pos at,
                    xi_err *err) {
  IN_SET(h, prec, xiB_adjoints(b, root, want, list, nlist, a, at, err));
}

void xiR_hi_close(xiR_hi *h) {
  xiB_close(h->set);
  h->set = NULL;
}
