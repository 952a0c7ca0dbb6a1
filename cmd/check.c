/* check.c: `check`.  A claimed number is judged exactly against the value
 * (within half a unit of its last written digit; truncated rather than
 * rounded is said); an expression on the right (check A == B), or ≈ with ±
 * (check L ≈ 0.3 ± 1e-4), is built and evaluated here and judged by
 * verdict.c. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd.h"
#include "show/num.h"
#include "show/print.h"

/* ---- a number typed, against a value (check, and step's quiz) ---- */

/* digits with at most one point, then e and a whole number: what the lexer
   reads as a number (3, 0.1, .5, 1e-30) */
static int number_text(const char *t, size_t n) {
  size_t i = 0, digits = 0;
  while (i < n && t[i] >= '0' && t[i] <= '9')
    i++, digits++;
  if (i < n && t[i] == '.')
    for (i++; i < n && t[i] >= '0' && t[i] <= '9'; i++)
      digits++;
  if (digits == 0)
    return 0;
  if (i < n && (t[i] | 0x20) == 'e') {
    i += i + 1 < n && (t[i + 1] == '+' || t[i + 1] == '-');
    size_t e = ++i;
    while (i < n && t[i] >= '0' && t[i] <= '9')
      i++;
    if (i == e)
      return 0;
  }
  return i == n;
}

/* does the claim round from x (the value doubled, halved or negated)? */
static int claims(mpfr_srcptr x, const char *t, size_t n, int neg) {
  xiN_verdict vd;
  int pass = xiN_judge(x, t, n, neg, &vd) == 0 && vd.pass;
  free(vd.rounded);
  return pass;
}

/* a mistake of the chain rule by hand: a lost sign, a lost or extra factor 2
   (d(x²) written x, the ½ of a squared error) */
static int slip(mpfr_srcptr v, const char *t, size_t n, int neg) {
  if (mpfr_zero_p(v))
    return XI_J_WRONG;
  mpfr_t x;
  mpfr_init2(x, mpfr_get_prec(v));
  int kind = XI_J_WRONG;
  mpfr_neg(x, v, MPFR_RNDN); /* exact, as are the two below */
  if (claims(x, t, n, neg))
    kind = XI_J_SIGN;
  mpfr_mul_2ui(x, v, 1, MPFR_RNDN);
  if (kind == XI_J_WRONG && claims(x, t, n, neg))
    kind = XI_J_TWICE;
  mpfr_div_2ui(x, v, 1, MPFR_RNDN);
  if (kind == XI_J_WRONG && claims(x, t, n, neg))
    kind = XI_J_HALF;
  mpfr_clear(x);
  return kind;
}

/* x's lower and upper bounds and its midpoint, exactly */
static void ends(const arb_struct *x, mpfr_t lo, mpfr_t hi, mpfr_t mid) {
  mpfr_inits2(MPFR_PREC_MIN, lo, hi, (mpfr_ptr)0);
  xiN_ends(x, lo, hi);
  mpfr_init2(mid, mpfr_get_prec(lo)); /* (the midpoint's bits and 64 more: exact) */
  arf_get_mpfr(mid, arb_midref(x), MPFR_RNDN);
}

/* the verdict of the ball's two ends: proven when every number in x is
   within half a unit of the claim's last digit, proven wrong when none is;
   *sure when both ends round alike there (what is said the value rounds to
   is then proven); *cut when every number in x is the claim rounded or cut
   off at its last digit (both ends are: the two make one interval) */
static int ball_verdict(const arb_struct *x, mpfr_srcptr lo, mpfr_srcptr hi, const char *t,
                        size_t n, int neg, int *sure, int *cut) {
  if (!arb_is_finite(x))
    return XI_V_UNDECIDED; /* a ball that proves nothing */
  xiN_verdict a = {0}, b = {0};
  int v = -1;
  if (xiN_judge(lo, t, n, neg, &a) == 0 && xiN_judge(hi, t, n, neg, &b) == 0) {
    v = a.pass && b.pass                  ? XI_V_PROVEN
        : a.side == b.side && a.side != 0 ? XI_V_WRONG
                                          : XI_V_UNDECIDED;
    *sure = a.rounded && b.rounded ? strcmp(a.rounded, b.rounded) == 0 : !a.rounded && !b.rounded;
    *cut = (a.pass || a.truncated) && (b.pass || b.truncated);
    free(b.rounded);
  }
  free(a.rounded);
  return v;
}

int xiR_judge(const arb_struct *x, mpfr_srcptr held, long prec, const char *text, size_t len,
              int neg, int digits, xiR_judged *j) {
  memset(j, 0, sizeof *j);
  for (; len && (*text == '-' || *text == '+'); text++, len--) /* typed with its sign */
    neg ^= *text == '-';
  if (!number_text(text, len))
    return -1;
  mpfr_t lo, hi, mid;
  ends(x, lo, hi, mid);
  int rc = -1;
  if (xiN_judge(mid, text, len, neg, &j->vd) == 0 &&
      (j->verdict = ball_verdict(x, lo, hi, text, len, neg, &j->sure, &j->cut)) >= 0) {
    j->kind = j->vd.pass        ? XI_J_RIGHT
              : j->vd.truncated ? XI_J_TRUNCATED
                                : slip(mid, text, len, neg);
    rc = 0;
  }
  mpfr_clears(lo, hi, mid, (mpfr_ptr)0);
  if (rc)
    return -1;
  int more = j->vd.sig + 4 > digits ? j->vd.sig + 4 : digits;
  j->value = xiR_ball_text(x, more, prec);
  /* a claim about the rounded computation (prec 53: what a double gives,
     0.1 + 0.2 == 0.30000000000000004) is judged against the number held */
  if (j->verdict != XI_V_PROVEN && claims(held, text, len, neg)) {
    j->computed = 1;
    j->held = xiN_format(held, more);
  }
  j->claim = malloc(len + 2);
  if (j->claim)
    sprintf(j->claim, "%s%.*s", neg ? "-" : "", (int)len, text);
  return 0;
}

void xiR_unjudge(xiR_judged *j) {
  free(j->value);
  free(j->claim);
  free(j->held);
  free(j->vd.rounded);
  memset(j, 0, sizeof *j);
}

const char *xiR_judgement(int kind) {
  switch (kind) {
  case XI_J_RIGHT: return "right";
  case XI_J_TRUNCATED: return "the value truncated, not rounded";
  case XI_J_SIGN: return "off by a sign";
  case XI_J_TWICE: return "off by a factor of 2 (twice the value)";
  case XI_J_HALF: return "off by a factor of 2 (half the value)";
  default: return "wrong";
  }
}

typedef xiR_judged judged;

static int judge(xiR_session *s, const xiP_stmt *st, uint32_t k, const arb_struct *x,
                 mpfr_srcptr held, long prec, judged *j) {
  const xiL_token *c = &st->claims[k];
  return xiR_judge(x, held, prec, s->src + c->off, c->len, st->claim_neg[k], s->digits, j);
}

static void unjudge(judged *j) { xiR_unjudge(j); }

static int raise_open(xiR_session *s, const xiP_stmt *st, uint32_t node, xiR_hi *h,
                      xiW_proof *pf, xi_err *err);

/* node's balls for a verdict: those proven (raised while undecided), or an
   input's numbers exactly (the printer needs no balls for them), or balls
   that prove nothing (pf->why);
   *own is set when they were made here (freed by the caller) */
static int verdict_balls(xiR_session *s, const xiP_stmt *st, uint32_t node, xiR_hi *h,
                         xiW_proof *pf, arb_ptr *own, xi_err *err) {
  xi_pos at = st->pos;
  *own = NULL;
  if (xiR_prove_value(s, node, pf, at, err))
    return -1;
  if (pf->ball)
    return raise_open(s, st, node, h, pf, err);
  xiO_view v = xiG_view(&s->g.nodes[node]);
  *own = _arb_vec_init(v.n);
  for (uint32_t k = 0; k < v.n; k++)
    if (pf->why)
      arb_indeterminate(&(*own)[k]);
    else
      arb_set_interval_mpfr(&(*own)[k], &v.el[k], &v.el[k], mpfr_get_prec(&v.el[k]) + 64);
  pf->ball = *own;
  pf->prec = (long)s->g.prec;
  return 0;
}

/* while some element's verdict is undecided by the balls (or proven wrong,
   but what the value rounds to at the claim's last digit is not proven), and
   the claim has no more digits than the working precision carries, the balls
   are made again at twice the precision (in a set of their own: raised.c),
   as check A == B does, up to XI_EXACT_PREC_MAX; pf is left with the last
   balls made.  Balls
   that are not the session's (an input's numbers, a format's, none) are
   what they are. */
static int raise_open(xiR_session *s, const xiP_stmt *st, uint32_t node, xiR_hi *h,
                      xiW_proof *pf, xi_err *err) {
  xiO_view v = xiG_view(&s->g.nodes[node]);
  /* the significant digits the working precision carries (16 at 53 bits): a
     claim of more is about more than the numbers held (prec 53; x = 0.1;
     check x == 0.1000000000000000000000000000000 is not decided by raising
     the balls: a higher prec is the user's to choose) */
  int carried = (int)ceil((double)s->g.prec * 0.30102999566398120);
  for (;;) {
    int open = 0;
    for (uint32_t k = 0; k < v.n && !open; k++) {
      judged j;
      if (judge(s, st, k, &pf->ball[k], &v.el[k], pf->prec, &j) == 0)
        open = (j.verdict == XI_V_UNDECIDED || (j.verdict == XI_V_WRONG && !j.sure)) &&
               j.vd.sig <= carried;
      unjudge(&j);
    }
    slong was = pf->prec, up = open ? xiB_raise(was) : 0;
    if (!up)
      return 0;
    xiO_bview b;
    if (xiR_hi_ball(h, up, node, &b, st->pos, err)) {
      if (xiO_stopped()) /* no room for more bits: the balls that were */
        return -1;
      if (xiR_hi_ball(h, was, node, &b, st->pos, err))
        return -1;
      pf->ball = b.el;
      return 0;
    }
    pf->ball = b.el, pf->prec = up, pf->raised = 1;
  }
}

static void passed(xiR_session *s) {
  const char *on = s->color ? "\033[32m" : "", *off = s->color ? "\033[0m" : "";
  printf("%sok%s: ", on, off);
}

static void undecided(xiR_session *s, const xiP_stmt *st, const judged *j, long prec) {
  const char *t = s->src + st->text_off;
  size_t n = st->text_len;
  char msg[sizeof ((xi_err *)0)->msg];
  if (prec >= XI_EXACT_PREC_MAX) /* raised as far as a verdict goes */
    snprintf(msg, sizeof msg, "%.*s is %s: whether it is %s is undecided: balls up to %ld "
             "bits do not tell", (int)(n > 200 ? 200 : n), t, j->value ? j->value : "?",
             j->claim ? j->claim : "?", prec);
  else
    snprintf(msg, sizeof msg,
             "%.*s is %s: whether it is %s is undecided at this precision (%ld bits; a higher "
             "prec, or digits N exact, decides it)",
             (int)(n > 200 ? 200 : n), t, j->value ? j->value : "?", j->claim ? j->claim : "?",
             prec);
  xiR_report(s, "check undecided", st->claims[0].pos, msg);
  s->failed = 1;
}

static int check_scalar(xiR_session *s, const xiP_stmt *st, uint32_t node, xiR_hi *h,
                        xi_err *err) {
  xiW_proof pf;
  arb_ptr own;
  if (verdict_balls(s, st, node, h, &pf, &own, err))
    return -1;
  judged j;
  int bad = judge(s, st, 0, pf.ball, s->g.nodes[node].v, pf.prec, &j);
  if (own)
    _arb_vec_clear(own, 1);
  if (bad)
    return xiX_fail(err, st->claims[0].pos,
                    "the claim is too long or its exponent too large to check");
  const char *t = s->src + st->text_off;
  size_t n = st->text_len;
  if (j.verdict == XI_V_PROVEN) {
    passed(s);
    printf("%s (value %s, proven)\n", j.claim, j.value ? j.value : "?");
  } else if (j.computed) {
    passed(s);
    printf("%s (value %s as computed at %ld bits; the exact value is %s%s)\n", j.claim,
           j.held ? j.held : "?", (long)s->g.prec, j.value ? j.value : "?",
           j.verdict == XI_V_UNDECIDED ? ", not proven to round to the claim" : ", which does not");
  } else if (j.verdict == XI_V_UNDECIDED) {
    undecided(s, st, &j, pf.prec);
  } else {
    char msg[sizeof err->msg];
    if (!j.vd.rounded || !j.sure) /* orders of magnitude off: no point in its last
                                       digit; or the ball does not say where it rounds */
      snprintf(msg, sizeof msg, "%.*s is %s, not %s (%s%sproven wrong)",
               (int)(n > 200 ? 200 : n), t, j.value ? j.value : "?", j.claim ? j.claim : "?",
               !j.vd.rounded ? "far from it; "
               : j.kind == XI_J_SIGN || j.kind == XI_J_TWICE || j.kind == XI_J_HALF
                   ? xiR_judgement(j.kind) : "",
               j.vd.rounded && j.kind != XI_J_WRONG && j.kind != XI_J_TRUNCATED ? "; " : "");
    else
      snprintf(msg, sizeof msg, "%.*s is %s, not %s; %s%s%s (proven wrong)",
               (int)(n > 200 ? 200 : n), t,
               j.value ? j.value : "?", j.claim ? j.claim : "?",
               j.kind == XI_J_SIGN || j.kind == XI_J_TWICE || j.kind == XI_J_HALF
                   ? xiR_judgement(j.kind) : "",
               j.kind == XI_J_TRUNCATED ? "the claim is the value truncated, not rounded: rounded it is "
               : j.kind == XI_J_WRONG   ? "rounded to the claim's last digit it is "
                                        : ": rounded to the claim's last digit it is ",
               j.vd.rounded);
    xiR_report(s, "check failed", st->claims[0].pos, msg);
    s->failed = 1;
  }
  unjudge(&j);
  return 0;
}

/* check M == [[...]]: element by element; the failing entries are named */
static int check_tensor(xiR_session *s, const xiP_stmt *st, uint32_t i, xiR_hi *h,
                        xi_err *err) {
  xiO_view v = xiG_view(&s->g.nodes[i]);
  xi_shape want = st->claim_shape;
  if (!xiO_same_shape(&v.sh, &want)) {
    char a[48], b[48];
    xiO_shape_text(&v.sh, a, sizeof a);
    xiO_shape_text(&want, b, sizeof b);
    return xiX_fail(err, st->claim_pos, "the value has shape %s and the claim %s", a, b);
  }
  xiW_proof pf;
  arb_ptr own;
  if (verdict_balls(s, st, i, h, &pf, &own, err))
    return -1;
  xiW_buf bad = {0};
  uint32_t failed = 0, open = 0;
  for (uint32_t k = 0; k < v.n; k++) {
    judged j;
    if (judge(s, st, k, &pf.ball[k], &v.el[k], pf.prec, &j)) {
      xiW_free(&bad);
      if (own)
        _arb_vec_clear(own, v.n);
      return xiX_fail(err, st->claims[k].pos, "the claim is too long or its exponent too large");
    }
    if (j.verdict != XI_V_PROVEN && j.computed) { /* the rounded computation's, as scalars */
      unjudge(&j);
      continue;
    }
    open += j.verdict == XI_V_UNDECIDED;
    if (j.verdict != XI_V_PROVEN && ++failed <= 8) {
      if (v.sh.rank == 2)
        xiW_put(&bad, "%s[%u, %u] is %s, %s %s%s", failed > 1 ? "; " : "", k / v.sh.cols,
                k % v.sh.cols, j.value, j.verdict == XI_V_UNDECIDED ? "maybe" : "not", j.claim,
                j.vd.truncated ? " (truncated)" : "");
      else
        xiW_put(&bad, "%s[%u] is %s, %s %s%s", failed > 1 ? "; " : "", k, j.value,
                j.verdict == XI_V_UNDECIDED ? "maybe" : "not", j.claim,
                j.vd.truncated ? " (truncated)" : "");
    }
    unjudge(&j);
  }
  if (failed == 0) {
    passed(s);
    printf("all %u elements, proven\n", v.n);
  } else {
    char msg[sizeof err->msg];
    xiR_say(msg, sizeof msg, "%u of %u elements differ (%u proven wrong, %u undecided at %ld bits): %s%s",
             failed, v.n, failed - open, open, pf.prec,
             bad.s && !bad.failed ? bad.s : "(too many to say)", failed > 8 ? "; ..." : "");
    xiR_report(s, open == failed ? "check undecided" : "check failed", st->claim_pos, msg);
    s->failed = 1;
  }
  xiW_free(&bad);
  if (own)
    _arb_vec_clear(own, v.n);
  return 0;
}

static int check_claims(xiR_session *s, const xiP_stmt *st, xi_err *err) {
  uint32_t mark = s->g.n, root;
  xiR_hi h = {.s = s};
  int rc = xiR_evaluate(s, st, &root, err);
  if (rc == 0)
    rc = xiG_no_tuple(&s->g, root, st->pos, "check", err);
  if (rc == 0) {
    if (st->claim_shape.rank == 0 && !xiG_is_tensor(&s->g.nodes[root]))
      rc = check_scalar(s, st, root, &h, err);
    else
      rc = check_tensor(s, st, root, &h, err);
  }
  xiR_hi_close(&h);
  xiG_truncate(&s->g, mark);
  return rc;
}

/* ---- check A == B, check A ≈ B ± T ---- */

/* the claims (numbers written) as a value, read at a precision that keeps
   every digit they wrote */
static int claims_value(xiR_session *s, const xiP_stmt *st, uint32_t *out, xi_err *err) {
  xiG_graph *g = &s->g;
  uint32_t *items = malloc(st->nclaims * sizeof *items);
  if (!items)
    return xiX_fail(err, st->claim_pos, "out of memory");
  int rc = 0;
  for (uint32_t k = 0; k < st->nclaims && rc == 0; k++) {
    const xiL_token *c = &st->claims[k];
    char *text = malloc(c->len + 2);
    if (!text)
      rc = xiX_fail(err, c->pos, "out of memory");
    else {
      sprintf(text, "%s%.*s", st->claim_neg[k] ? "-" : "", (int)c->len, s->src + c->off);
      uint32_t sym = xiS_intern(&g->sym, text, strlen(text));
      items[k] = sym == XI_NONE ? XI_NONE : xiG_constant(g, sym, c->pos);
      if (items[k] == XI_NONE)
        rc = xiG_oom(g, c->pos, err);
      free(text);
    }
  }
  if (rc == 0 && st->claim_shape.rank == 0)
    *out = items[0];
  else if (rc == 0 && st->claim_shape.rank == 1)
    rc = xiG_list(g, items, st->nclaims, st->claim_pos, out, err);
  else if (rc == 0) { /* rows of the matrix, then the matrix */
    uint32_t rows = st->claim_shape.rows, cols = st->claim_shape.cols;
    for (uint32_t r = 0; r < rows && rc == 0; r++)
      rc = xiG_list(g, items + r * cols, cols, st->claim_pos, &items[r], err);
    if (rc == 0)
      rc = xiG_list(g, items, rows, st->claim_pos, out, err);
  }
  free(items);
  return rc;
}

/* check A == B (an expression), or A ≈ B ± T */
static int check_values(xiR_session *s, const xiP_stmt *st, xi_err *err) {
  xiG_graph *g = &s->g;
  uint32_t a, b, t = XI_NONE;
  const xiP_item *tol = NULL, *rhs = NULL;
  for (uint32_t k = 0; k < st->nitems; k++)
    *(st->items[k].kind == I_TOL ? &tol : &rhs) = &st->items[k];
  if (xiR_evaluate(s, st, &a, err) ||
      (rhs ? xiG_exec(g, &rhs->code, NULL, NULL, 0, &b, err) : claims_value(s, st, &b, err)) ||
      (tol && xiG_exec(g, &tol->code, NULL, NULL, 0, &t, err)))
    return -1;
  if (xiG_no_tuple(g, a, st->pos, "check", err) || xiG_no_tuple(g, b, st->claim_pos, "check", err))
    return -1;
  xiO_view va = xiG_view(&g->nodes[a]), vb = xiG_view(&g->nodes[b]);
  if (t != XI_NONE && (xiG_is_tensor(&g->nodes[t]) || mpfr_sgn(g->nodes[t].v) < 0))
    return xiX_fail(err, tol->pos, "the tolerance after ± is one number, 0 or more");
  if (!xiO_same_shape(&va.sh, &vb.sh) && vb.n != 1) {
    char x[48], y[48];
    xiO_shape_text(&va.sh, x, sizeof x);
    xiO_shape_text(&vb.sh, y, sizeof y);
    return xiX_fail(err, st->claim_pos, "the two sides have shapes %s and %s", x, y);
  }
  return xiR_check_values(s, st, a, b, t, tol, err); /* verdict.c */
}

int xiR_cmd_check(xiR_session *s, const xiP_stmt *st, xi_err *err) {
  if (!st->nitems)
    return check_claims(s, st, err);
  uint32_t mark = s->g.n;
  int rc = check_values(s, st, err);
  xiG_truncate(&s->g, mark);
  return rc;
}
