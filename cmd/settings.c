/* settings.c: the session's settings: digits [N [exact]], prec [N], seed N,
 * printoptions (NumPy's, for arrays), and format [NAME], the number format.  format binary16 makes every value
 * of the session a binary16 number, as NumPy's float16 would hold it
 * (ops/fmt.c rounds; here the session's values are computed again, as prec
 * does); Python's code starts in binary64 unless the user chose. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd.h"
#include "show/npfmt.h"
#include "tape/names.h"

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
  xiG_stmt_rng(&s->g); /* (a line undone seeds nothing) */
  xiO_seed(&s->g.rng, (uint32_t)v);
  return 0;
}

/* ---- printoptions: NumPy's, for print(...) of arrays ---- */

/* option k's value v into o: a whole number in lo..hi (threshold: or inf),
   suppress a truth value; None leaves it (NumPy's rule) */
static int option(xiR_session *s, xiW_np_opts *o, const char *name, uint32_t v, xi_pos at,
                  xi_err *err) {
  xiG_graph *g = &s->g;
  if (xiG_kind(g, v) == XI_C_NONE)
    return 0;
  xiG_node *n = &g->nodes[v];
  if (xiG_kind(g, v) >= 0 || xiG_count(n) != 1)
    return xiX_fail(err, at, "%s takes one number", name);
  mpfr_srcptr x = xiG_el(n, 0);
  if (strcmp(name, "suppress") == 0) {
    o->suppress = !mpfr_zero_p(x);
    return 0;
  }
  long *slot = strcmp(name, "precision") == 0   ? &o->precision
               : strcmp(name, "linewidth") == 0 ? &o->linewidth
               : strcmp(name, "threshold") == 0 ? &o->threshold
                                                : &o->edgeitems;
  long lo = slot == &o->precision || slot == &o->threshold ? 0 : 1;
  long hi = slot == &o->precision ? 100 : 1000000000L;
  if (slot == &o->threshold && mpfr_inf_p(x) && mpfr_sgn(x) > 0) {
    *slot = LONG_MAX; /* np.inf: never summarized */
    return 0;
  }
  if (slot == &o->precision && xiG_dtype_of_flags(n->flags) == XI_DT_FLOAT)
    return xiX_fail(err, at, "precision must be an integer (TypeError, as NumPy says)");
  if (!mpfr_integer_p(x) || mpfr_cmp_si(x, lo) < 0 || mpfr_cmp_si(x, hi) > 0)
    return xiX_fail(err, at, "%s must be a whole number from %ld to %ld%s", name, lo, hi,
                    slot == &o->threshold ? ", or np.inf" : "");
  *slot = mpfr_get_si(x, MPFR_RNDN);
  return 0;
}

int xiR_cmd_printoptions(xiR_session *s, const xiP_stmt *st, xi_err *err) {
  xiW_np_opts o = xiW_np_options; /* changed only when every option is right */
  if (!st->nnames) {
    printf("printoptions precision=%ld, suppress=%s, linewidth=%ld, threshold=", o.precision,
           o.suppress ? "True" : "False", o.linewidth);
    printf(o.threshold == LONG_MAX ? "inf" : "%ld", o.threshold);
    printf(", edgeitems=%ld\n", o.edgeitems);
    return 0;
  }
  for (uint32_t k = 0; k < st->nnames; k++)
    for (uint32_t j = 0; j < k; j++)
      if (st->names[j] == st->names[k])
        return xiX_fail(err, st->name_pos[k], "%s is given twice",
                        xiS_name(&s->g.sym, st->names[k]));
  uint32_t mark = s->g.n, root;
  int rc = xiR_evaluate(s, st, &root, err);
  for (uint32_t k = 0; rc == 0 && k < st->nnames; k++)
    rc = option(s, &o, xiS_name(&s->g.sym, st->names[k]), s->g.nodes[root].x->args[k],
                st->name_pos[k], err);
  xiG_truncate(&s->g, mark);
  if (rc == 0)
    xiW_np_options = o;
  return rc;
}

/* ---- format ---- */

static void say_format(xiR_session *s) {
  const xiO_format *f = &xiO_formats[xiO_fmt];
  if (xiO_fmt == XI_FMT_MPFR)
    printf("format mpfr (%ld bits, no overflow or underflow)\n", (long)s->g.prec);
  else
    printf("format %s (%ld bits, largest %s, smallest subnormal 2^%ld%s%s)\n", f->name,
           f->prec, f->largest, f->emin - 1, f->numpy ? ", NumPy's " : "",
           f->numpy ? f->numpy : "");
}

int xiR_unknown_format(const xiP_stmt *st, const char *t, size_t n, xi_pos at, xi_err *err) {
  (void)st;
  return xiX_fail(err, at, "unknown format '%.*s': binary64, binary32, binary16, bfloat16 or mpfr",
                  (int)n, t);
}

/* after format mpfr: the names whose values are nan or inf, which MPFR has no
   number for, are deleted, and the note says which and why (err: the first
   reason) */
static int undefined_names(xiR_session *s, xi_pos at, xi_err *err) {
  uint32_t *ids, n;
  char why[sizeof err->msg];
  snprintf(why, sizeof why, "%s", err->msg);
  if (xiG_unbind_undefined(&s->g, at, &ids, &n))
    return xiX_fail(err, at, "out of memory");
  xiW_buf b = {0};
  for (uint32_t k = 0; k < n && k < 8; k++)
    xiW_put(&b, "%s%s", k ? ", " : "", xiS_name(&s->g.sym, ids[k]));
  if (n > 8)
    xiW_put(&b, " and %u more", n - 8);
  char msg[2 * sizeof err->msg];
  if (n)
    snprintf(msg, sizeof msg, "%.160s %s nan or inf, which MPFR has no number for (%.300s): "
                              "%s deleted",
             b.s ? b.s : "?", n == 1 ? "is" : "are", why, n == 1 ? "it is" : "they are");
  if (n)
    xiR_report(s, "note", at, msg);
  xiW_free(&b);
  free(ids);
  return 0;
}

int xiR_use_format(xiR_session *s, int f, xi_pos at, xi_err *err) {
  int old = xiO_fmt;
  if (old == XI_FMT_MPFR)
    s->mpfr_prec = s->g.prec;
  mpfr_prec_t prec = f == XI_FMT_MPFR ? s->mpfr_prec : xiO_formats[f].prec;
  xiG_collect(&s->g); /* values nothing can reach are not computed again */
  xiD_forget(&s->sweep);
  s->live = s->g.n;
  xiO_fmt = f;
  err->pos = at;
  /* back to MPFR, a nan or inf a format made (v = 0/0) is no value: the names
     that hold one go, and a note says so; the change itself is not refused */
  int bad = f == XI_FMT_MPFR ? xiG_set_prec_lenient(&s->g, prec, err)
                             : xiG_set_prec(&s->g, prec, err);
  if (bad < 0) {
    xiO_fmt = old;
    size_t len = strlen(err->msg);
    snprintf(err->msg + len, sizeof err->msg - len, ": the format stays %s",
             xiO_formats[old].name);
    err->pos = at;
    return -1;
  }
  return bad ? undefined_names(s, at, err) : 0;
}

int xiR_cmd_format(xiR_session *s, const xiP_stmt *st, xi_err *err) {
  if (st->arg.len == 0) {
    say_format(s);
    return 0;
  }
  const char *t = s->src + st->arg.off;
  int f = xiO_format_lookup(t, st->arg.len);
  if (f < 0)
    return xiR_unknown_format(st, t, st->arg.len, st->arg.pos, err);
  s->fmt_chosen = 1; /* the user's: Python's code no longer picks binary64 */
  return xiR_use_format(s, f, st->arg.pos, err);
}

void xiR_python_numbers(xiR_session *s, xi_pos at) {
  if (s->fmt_chosen || xiO_fmt != XI_FMT_MPFR)
    return;
  s->fmt_chosen = 1; /* once: a format chosen after it is the user's */
  xi_err err;
  const char *file = s->file ? s->file : "xi";
  fflush(stdout);
  if (xiR_use_format(s, XI_FMT_BINARY64, at, &err)) /* a value past binary64's range */
    fprintf(stderr, "%s:%u:%u: note: Python's code would run in binary64, as NumPy's float64, "
                    "but %s (xi's exact numbers go on)\n", file, at.line, at.col, err.msg);
  else if (s->interactive)
    fprintf(stderr, "%s:%u:%u: note: Python's code: the numbers are binary64 from here on, "
                    "NumPy's float64, so print shows what Python shows; format mpfr (or prec "
                    "N) gives xi's exact numbers, compare L both (help python)\n",
            file, at.line, at.col);
}
