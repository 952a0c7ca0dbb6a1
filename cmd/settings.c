/* settings.c: the session's settings: digits [N [exact]], prec [N], seed N
 * (format, the number format, is compare.c's). */
#include <string.h>

#include "cmd/cmd.h"

int xiR_cmd_digits(xiR_session *s, const xiP_stmt *st, xi_err *err) {
  long v = 0;
  if (!st->has_number) {
    printf("digits %d%s\n", s->digits, s->exact ? " exact" : "");
    return 0;
  }
  int exact = xiR_word(s, st, "exact", "digits", err);
  if (exact < 0 || xiR_whole(s, st, "digits", 1, XI_DIGITS_MAX, &v, err))
    return -1;
  s->digits = (int)v;
  s->exact = exact;
  s->exact_prec = 0;
  return 0;
}

int xiR_cmd_prec(xiR_session *s, const xiP_stmt *st, xi_err *err) {
  long v = 0;
  if (xiR_word(s, st, NULL, "prec", err))
    return -1;
  if (!st->has_number) {
    printf("prec %ld bits\n", (long)s->g.prec);
    return 0;
  }
  if (xiR_whole(s, st, "prec (bits)", XI_PREC_MIN, XI_PREC_MAX, &v, err))
    return -1;
  s->fmt_chosen = 1; /* the user's: Python's code no longer picks binary64 */
  if (xiO_fmt) { /* under a format (binary64 for Python's code): exact numbers at v bits */
    s->mpfr_prec = (mpfr_prec_t)v;
    if (xiR_use_format(s, XI_FMT_MPFR, st->arg.pos, err))
      return -1;
    printf("format mpfr (%ld bits, no overflow or underflow)\n", v);
    return 0;
  }
  err->pos = st->arg.pos;
  xiG_collect(&s->g); /* values nothing can reach are not computed again */
  xiD_forget(&s->sweep);
  s->live = s->g.n;
  if (xiG_set_prec(&s->g, (mpfr_prec_t)v, err)) {
    size_t len = strlen(err->msg);
    snprintf(err->msg + len, sizeof err->msg - len, ": the precision stays %ld bits",
             (long)s->g.prec);
    err->pos = st->arg.pos;
    return -1;
  }
  return 0;
}

/* np.random.seed(seed): the seed a name or an expression holds, an int as
   NumPy insists (a float is refused) */
static int computed_seed(xiR_session *s, const xiP_stmt *st, long *v, xi_err *err) {
  uint32_t mark = s->g.n, root;
  if (xiR_evaluate(s, st, &root, err))
    return -1;
  xiG_node *n = &s->g.nodes[root];
  int ok = n->op != XI_TUPLE && !n->x && xiG_dtype_of_flags(n->flags) != XI_DT_FLOAT &&
           mpfr_integer_p(n->v) && mpfr_sgn(n->v) >= 0 && mpfr_cmp_ui(n->v, 4294967295ul) <= 0;
  if (ok)
    *v = (long)mpfr_get_ui(n->v, MPFR_RNDN);
  xiG_truncate(&s->g, mark);
  return ok ? 0 : xiX_fail(err, st->pos, "np.random.seed takes a whole number (an int) from 0 "
                                         "to 4294967295");
}

int xiR_cmd_seed(xiR_session *s, const xiP_stmt *st, xi_err *err) {
  long v = 0;
  if (st->has_number ? xiR_whole(s, st, "a seed", 0, 4294967295L, &v, err)
                     : computed_seed(s, st, &v, err))
    return -1;
  xiO_seed(&s->g.rng, (uint32_t)v);
  return 0;
}
