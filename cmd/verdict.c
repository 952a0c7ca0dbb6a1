/* verdict.c: check A == B and check A ≈ B ± T: two values, each computed its
 * own way, judged element by element by the balls that hold their exact
 * values (proof/ball.h).
 *
 * A == B:
 *   the balls are apart: A and B differ, proven ("is not" is said of nothing
 *     else);
 *   both balls exact and the same number: equal, proven;
 *   they overlap and both prove the digits shown (digits N): the two round to
 *     the same N-digit decimal, proven, and nothing at this precision tells
 *     them apart: they pass, "equal within the balls";
 *   else undecided at this precision: the balls' precision is doubled
 *     (xiB_raise, as digits N exact does) and both made again, until every
 *     element is decided or XI_EXACT_PREC_MAX is reached.
 * Balls that still overlap there pass as what they are: equal within the
 * balls, with the digits the balls prove the two agree to (a lower bound of
 * -log10 of their relative difference), or, where both may be 0, a bound of
 * both.  Two numbers equal in truth but computed inexactly (0.1 + 0.2 - 0.3
 * and 0) always overlap: no ball proves them equal, and none can.  Balls that
 * bound nothing even there (a domain error in every ball) leave the check
 * undecided.
 *
 * A ≈ B ± T: |A - B| <= T proven by the balls, or proven wrong, raised alike
 * while undecided.
 *
 * Under an IEEE format there are no balls: the numbers held are the
 * format's, and A == B compares them as computed (within 8 bits of the
 * format's precision, as two ways of computing one number round differently),
 * said to be unproven; ± compares the numbers held, exactly. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ops/fmt.h"
#include "cmd/cmd.h"
#include "show/num.h"
#include "show/print.h"

/* an element's verdict */
enum { E_OPEN, E_SAME, E_EXACT, E_APART };

typedef struct {
  xiR_session *s;
  uint32_t a, b;       /* the two sides' nodes */
  xiO_view va, vb;     /* their numbers held (B may be one number, broadcast) */
  const arb_struct *x, *y; /* their balls */
  arb_ptr own_x, own_y;    /* made here (no balls: the numbers held, exactly) */
  slong prec;          /* the balls' */
  int proven;          /* the balls are the session's (not the numbers held) */
  int top;             /* their precision went as high as it may (XI_EXACT_PREC_MAX) */
  const char *why;     /* no balls could be made, and why (NULL: a format) */
  uint32_t t;          /* ± T's node, or XI_NONE */
  const arb_struct *tol; /* T's ball (its exact value, as A's and B's), or NULL */
  arb_ptr own_t;
  uint8_t *e;          /* e[k]: element k's verdict */
  xiR_hi hi;           /* balls at a raised precision */
} pair;

int xiR_agree_digits(const arb_struct *x, const arb_struct *y, int full, slong prec,
                     mag_t zero) {
  arb_t q;
  arf_t u, m, t;
  arb_init(q);
  arf_init(u), arf_init(m), arf_init(t);
  arb_sub(q, x, y, prec);
  arb_get_abs_ubound_arf(u, q, prec);
  arb_get_abs_lbound_arf(m, x, prec);
  arb_get_abs_lbound_arf(t, y, prec);
  if (arf_cmp(t, m) > 0)
    arf_set(m, t);
  int r = full;
  if (arf_is_zero(m)) {
    r = -1;
    arb_get_abs_ubound_arf(m, x, prec);
    arb_get_abs_ubound_arf(t, y, prec);
    if (arf_cmp(t, m) > 0)
      arf_set(m, t);
    mag_t z;
    mag_init(z);
    arf_get_mag(z, m);
    mag_max(zero, zero, z);
    mag_clear(z);
  } else if (!arf_is_zero(u)) {
    arb_set_arf(q, u);
    arb_div_arf(q, q, m, prec);
    arb_log_base_ui(q, q, 10, prec);
    arb_neg(q, q);
    arb_get_lbound_arf(t, q, prec);
    slong d = arf_is_finite(t) ? arf_get_si(t, ARF_RND_FLOOR) : 0;
    r = d <= 0 ? 0 : d < full ? (int)d : full;
  }
  arf_clear(u), arf_clear(m), arf_clear(t);
  arb_clear(q);
  return r;
}

/* |x - y| <= T, proven (1), proven wrong (0) or undecided (-1), by balls: T's
   too, for the tolerance typed is a decimal that its number holds only rounded
   (3 ≈ 2.1 ± 0.9 is true, though 0.9 at 128 bits is below 0.9; at the edge,
   as there, no precision decides it) */
static int within(const arb_struct *x, const arb_struct *y, const arb_struct *tol, slong prec) {
  arb_t d;
  arf_t t, end;
  arb_init(d);
  arf_init(t);
  arf_init(end);
  arb_sub(d, x, y, prec + 64);
  arb_abs(d, d);
  int r = -1;
  if (arb_is_finite(d) && arb_is_finite(tol)) {
    arb_get_ubound_arf(end, d, prec + 64);
    arb_get_lbound_arf(t, tol, prec + 64);
    if (arf_cmp(end, t) <= 0)
      r = 1;
    arb_get_lbound_arf(end, d, prec + 64);
    arb_get_ubound_arf(t, tol, prec + 64);
    if (arf_cmp(end, t) > 0)
      r = 0;
  }
  arf_clear(end);
  arf_clear(t);
  arb_clear(d);
  return r;
}

/* as computed (no balls): x and y within 2^(8 - prec) of the larger, at a
   precision where the difference is exact enough */
static int close_enough(mpfr_srcptr x, mpfr_srcptr y, mpfr_prec_t prec) {
  mpfr_t d, m;
  mpfr_prec_t p = prec + 128;
  if (mpfr_get_prec(x) + 64 > p)
    p = mpfr_get_prec(x) + 64;
  mpfr_inits2(p, d, m, (mpfr_ptr)0);
  mpfr_sub(d, x, y, MPFR_RNDU);
  mpfr_abs(d, d, MPFR_RNDU);
  mpfr_abs(m, mpfr_cmpabs(x, y) >= 0 ? x : y, MPFR_RNDN);
  mpfr_mul_2si(m, m, 8 - (long)prec, MPFR_RNDN);
  int ok = mpfr_lessequal_p(d, m);
  mpfr_clears(d, m, (mpfr_ptr)0);
  return ok;
}

/* the digits x and y agree to as computed: -log10(|x - y| / max(|x|, |y|)) */
static long agreeing(mpfr_srcptr x, mpfr_srcptr y, mpfr_prec_t prec) {
  mpfr_t d, m;
  mpfr_inits2(prec + 64, d, m, (mpfr_ptr)0);
  mpfr_sub(d, x, y, MPFR_RNDN);
  mpfr_abs(d, d, MPFR_RNDN);
  mpfr_abs(m, mpfr_cmpabs(x, y) >= 0 ? x : y, MPFR_RNDN);
  long digits = (long)((double)prec * 0.30103);
  if (!mpfr_zero_p(d) && !mpfr_zero_p(m)) {
    mpfr_div(d, d, m, MPFR_RNDN);
    mpfr_log10(d, d, MPFR_RNDN);
    long k = -mpfr_get_si(d, MPFR_RNDU);
    digits = k < digits ? (k < 0 ? 0 : k) : digits;
  } else if (!mpfr_zero_p(d)) {
    digits = 0;
  }
  mpfr_clears(d, m, (mpfr_ptr)0);
  return digits;
}

static const arb_struct *ball_y(const pair *p, uint32_t k) { return &p->y[p->vb.n == 1 ? 0 : k]; }
static mpfr_srcptr held_y(const pair *p, uint32_t k) { return &p->vb.el[p->vb.n == 1 ? 0 : k]; }

/* element k is left undecided: open, and not passing as equal within the
   balls (finite balls that still overlap at the highest precision) */
static int undecided(const pair *p, uint32_t k) {
  return p->e[k] == E_OPEN &&
         (p->tol || !p->top || !arb_is_finite(&p->x[k]) || !arb_is_finite(ball_y(p, k)));
}

static int classify(const pair *p, uint32_t k) {
  const arb_struct *x = &p->x[k], *y = ball_y(p, k);
  if (p->tol) {
    int r = within(x, y, p->tol, p->prec);
    return r > 0 ? E_SAME : r == 0 ? E_APART : E_OPEN;
  }
  if (!p->proven) /* the numbers held, as computed */
    return close_enough(&p->va.el[k], held_y(p, k), (mpfr_prec_t)p->s->g.prec) ? E_SAME
                                                                                : E_APART;
  if (!arb_is_finite(x) || !arb_is_finite(y))
    return E_OPEN;
  if (!arb_overlaps(x, y))
    return E_APART;
  if (arb_is_exact(x) && arb_is_exact(y))
    return E_EXACT;
  int d = p->s->digits;
  return xiN_known(x, d) >= d && xiN_known(y, d) >= d ? E_SAME : E_OPEN;
}

/* the numbers held, as exact balls: a format's (it has no balls) */
static arb_ptr exact_balls(const xiO_view *v) {
  arb_ptr x = _arb_vec_init(v->n);
  for (uint32_t k = 0; k < v->n; k++)
    arb_set_interval_mpfr(&x[k], &v->el[k], &v->el[k], mpfr_get_prec(&v->el[k]) + 64);
  return x;
}

/* A's and B's balls at prec bits (the views live while the precision stays;
   above the session's, in a set of their own: raised.c); 1 when they could
   not be made (out of memory: p->why), -1 on ^C */
static int balls_at(pair *p, slong prec, xi_pos at, xi_err *err) {
  xiO_bview v, w, u;
  if (xiR_hi_ball(&p->hi, prec, p->a, &v, at, err) ||
      xiR_hi_ball(&p->hi, prec, p->b, &w, at, err) ||
      (p->t != XI_NONE && xiR_hi_ball(&p->hi, prec, p->t, &u, at, err))) {
    if (xiO_stopped())
      return -1;
    snprintf(p->s->unproven, sizeof p->s->unproven, "%s", err->msg);
    p->why = p->s->unproven;
    return 1;
  }
  p->x = v.el, p->y = w.el, p->prec = prec;
  if (p->t != XI_NONE)
    p->tol = u.el;
  return 0;
}

/* the verdict of every element, the balls' precision raised while any is
   undecided; returns -1 on ^C (err) */
static int decide(pair *p, xi_pos at, xi_err *err) {
  xiB_balls *bl = xiR_balls(p->s); /* (NULL in a format) */
  slong prec = bl ? xiB_prec(bl) : (slong)p->s->g.prec;
  int r = bl ? balls_at(p, prec, at, err) : 1;
  if (r < 0)
    return -1;
  p->proven = r == 0;
  if (!p->proven) { /* the numbers held, exactly */
    p->x = p->own_x = exact_balls(&p->va);
    p->y = p->own_y = exact_balls(&p->vb);
    if (p->t != XI_NONE) {
      xiO_view vt = xiG_view(&p->s->g.nodes[p->t]);
      p->tol = p->own_t = exact_balls(&vt);
    }
    p->prec = (slong)p->s->g.prec;
  }
  for (;;) {
    uint32_t open = 0;
    for (uint32_t k = 0; k < p->va.n; k++)
      open += (p->e[k] = (uint8_t)classify(p, k)) == E_OPEN;
    slong up = p->proven && open ? xiB_raise(prec) : 0;
    p->top = prec >= XI_EXACT_PREC_MAX;
    if (!up)
      return 0;
    if ((r = balls_at(p, up, at, err)) < 0)
      return -1;
    if (r > 0) /* no room for more bits: back to the balls that were */
      return balls_at(p, prec, at, err) ? xiX_fail(err, at, "%s", p->why) : 0;
    prec = up;
  }
}

/* element k's text for a failure: its place, both values (with their proven
   digits: enough to show where they part), and how it was decided */
static void say_element(const pair *p, uint32_t k, uint32_t nth, xiW_buf *bad) {
  xiR_session *s = p->s;
  mag_t zero;
  mag_init(zero);
  int full = (int)((double)p->prec * 0.30103);
  int agree = p->proven ? xiR_agree_digits(&p->x[k], ball_y(p, k), full, p->prec, zero) : -1;
  mag_clear(zero);
  int digits = agree + 3 > s->digits + 4 ? (agree + 3 < 60 ? agree + 3 : 60) : s->digits + 4;
  char *vx = xiR_ball_text(&p->x[k], digits, p->prec);
  char *vy = xiR_ball_text(ball_y(p, k), digits, p->prec);
  if (!p->proven) { /* as computed */
    free(vx), free(vy);
    vx = xiN_format(&p->va.el[k], digits), vy = xiN_format(held_y(p, k), digits);
  }
  char where[64] = "";
  if (p->va.sh.rank)
    xiR_element(where, sizeof where, "", p->va.sh, k);
  xiW_put(bad, "%s%s%s%s against %s", nth > 1 ? "; " : "", where, where[0] ? ": " : "",
          vx ? vx : "?", vy ? vy : "?");
  if (p->e[k] == E_OPEN)
    xiW_put(bad, " (undecided%s)", arb_is_finite(&p->x[k]) && arb_is_finite(ball_y(p, k))
                                        ? "" : ": the balls bound nothing");
  else if (!p->tol && p->proven && agree > 0)
    xiW_put(bad, ", agreeing to %d digit%s", agree, agree == 1 ? "" : "s");
  free(vx);
  free(vy);
}

/* how the elements that passed passed: "agree to D digits, proven; ..." */
static void say_pass(const pair *p, xiW_buf *how) {
  if (!p->proven) {
    long d = (long)((double)p->s->g.prec * 0.30103);
    for (uint32_t k = 0; k < p->va.n; k++) {
      long dk = agreeing(&p->va.el[k], held_y(p, k), p->s->g.prec);
      d = dk < d ? dk : d;
    }
    xiW_put(how, "agreeing to %s%ld digits as computed in %s, within 8 of its %ld bits; not "
                 "proven: %s", p->va.n > 1 ? "at least " : "", d,
            xiO_fmt == XI_FMT_MPFR ? "MPFR" : xiO_formats[xiO_fmt].name, (long)p->s->g.prec,
            p->why ? p->why : "a format has no balls");
    return;
  }
  int full = (int)((double)p->prec * 0.30103), d = full, measured = 0, inexact = 0;
  mag_t zero;
  mag_init(zero);
  for (uint32_t k = 0; k < p->va.n; k++) {
    if (p->e[k] == E_EXACT)
      continue;
    inexact = 1;
    int dk = xiR_agree_digits(&p->x[k], ball_y(p, k), full, p->prec, zero);
    if (dk >= 0)
      measured = 1, d = dk < d ? dk : d;
  }
  if (!inexact)
    xiW_put(how, "equal, proven: the balls are exact");
  if (inexact && measured)
    xiW_put(how, "agree to %s%d digit%s, proven", p->va.n > 1 ? "at least " : "", d,
            d == 1 ? "" : "s");
  if (inexact && !mag_is_zero(zero)) {
    char z[48];
    xiN_write_mag(z, zero);
    xiW_put(how, "%sboth 0 within the balls: |A|, |B| <= %s", measured ? "; where " : "", z);
  }
  if (inexact)
    xiW_put(how, "; equal within the balls at %ld bits", (long)p->prec);
  mag_clear(zero);
}

/* source text: the right side, the tolerance */
static void text_of(xiR_session *s, size_t off, size_t end, char *buf, size_t n) {
  size_t len = end > off ? end - off : 0;
  snprintf(buf, n, "%.*s", (int)(len > 200 ? 200 : len), s->src + off);
}

/* the verdicts said: ok, or the failure or the undecided */
static void report(pair *p, const xiP_stmt *st, const xiP_item *tol) {
  xiR_session *s = p->s;
  uint32_t n = p->va.n, apart = 0, open = 0, said = 0;
  xiW_buf bad = {0}, how = {0};
  for (uint32_t k = 0; k < n; k++) {
    apart += p->e[k] == E_APART;
    open += undecided(p, k);
    if ((p->e[k] == E_APART || undecided(p, k)) && ++said <= 8)
      say_element(p, k, said, &bad);
  }
  char right[256], tol_text[256] = "", pm[260] = "";
  text_of(s, st->rhs_off, st->rhs_end, right, sizeof right);
  if (tol) {
    text_of(s, tol->off, tol->end, tol_text, sizeof tol_text);
    snprintf(pm, sizeof pm, " ± %s", tol_text);
  }
  const char *t0 = s->src + st->text_off;
  int w = (int)(st->text_len > 200 ? 200 : st->text_len);
  const char *list = bad.s && !bad.failed ? bad.s : "?", *more = said > 8 ? "; ..." : "";
  if (apart + open == 0) {
    const char *on = s->color ? "\033[32m" : "", *off = s->color ? "\033[0m" : "";
    printf("%sok%s: ", on, off);
    if (p->tol) {
      if (n > 1)
        printf("%.*s == %s%s: all %u elements, proven", w, t0, right, pm, n);
      else
        printf("%.*s is within %s of %s, proven", w, t0, tol_text, right);
      printf(p->prec > (slong)s->g.prec ? " (balls at %ld bits)\n" : "\n", (long)p->prec);
    } else {
      say_pass(p, &how);
      if (n > 1)
        printf("%.*s == %s: all %u elements (%s)\n", w, t0, right, n, how.s ? how.s : "");
      else
        printf("%.*s == %s (%s)\n", w, t0, right, how.s ? how.s : "");
    }
  } else {
    char msg[sizeof ((xi_err *)0)->msg], by[400];
    const char *in = xiO_fmt == XI_FMT_MPFR ? "MPFR" : xiO_formats[xiO_fmt].name;
    if (!p->proven && p->tol)
      snprintf(by, sizeof by, "the numbers held in %s, compared exactly", in);
    else if (!p->proven)
      snprintf(by, sizeof by, "as computed in %s, further apart than rounding within 8 of "
               "its %ld bits explains; not proven: %s", in, (long)s->g.prec,
               p->why ? p->why : "a format has no balls; format mpfr judges by them");
    else if (apart && p->tol)
      snprintf(by, sizeof by, "proven wrong by balls at %ld bits%s", (long)p->prec,
               open ? "; the rest undecided" : "");
    else if (apart)
      snprintf(by, sizeof by, "proven: the balls at %ld bits are apart%s", (long)p->prec,
               open ? "; the rest undecided" : "");
    else if (p->tol) /* (3 ≈ 2.1 ± 0.9: |A - B| is T, exactly or nearly) */
      snprintf(by, sizeof by, "undecided: on the tolerance's edge, |A - B| and %s cannot be "
               "told apart by balls up to %ld bits", tol_text, (long)p->prec);
    else
      snprintf(by, sizeof by, "undecided: balls up to %ld bits do not tell", (long)p->prec);
    if (n > 1)
      xiR_say(msg, sizeof msg, "%u of %u elements of %.*s differ from %s%s (%s): %s%s",
               apart + open, n, w, t0, right, pm, by, list, more);
    else if (apart && (p->proven || p->tol))
      xiR_say(msg, sizeof msg, "%.*s is not %s%s: %s (%s)", w, t0, right, pm, list, by);
    else
      xiR_say(msg, sizeof msg, "whether %.*s == %s%s is undecided: %s (%s)", w, t0, right, pm,
               list, by);
    xiR_report(s, apart && (p->proven || p->tol) ? "check failed" : "check undecided", st->claim_pos, msg);
    s->failed = 1;
  }
  xiW_free(&bad);
  xiW_free(&how);
}

int xiR_check_values(xiR_session *s, const xiP_stmt *st, uint32_t a, uint32_t b, uint32_t t,
                     const xiP_item *tol, xi_err *err) {
  pair p = {.s = s, .a = a, .b = b, .hi = {.s = s}};
  p.va = xiG_view(&s->g.nodes[a]);
  p.vb = xiG_view(&s->g.nodes[b]);
  p.t = t;
  p.e = malloc(p.va.n ? p.va.n : 1);
  int rc = p.e ? decide(&p, st->pos, err) : xiX_fail(err, st->pos, "out of memory");
  if (rc == 0)
    report(&p, st, tol);
  if (p.own_x)
    _arb_vec_clear(p.own_x, p.va.n);
  if (p.own_y)
    _arb_vec_clear(p.own_y, p.vb.n);
  if (p.own_t)
    _arb_vec_clear(p.own_t, 1);
  xiR_hi_close(&p.hi);
  free(p.e);
  return rc;
}

/* a verdict's message into msg: a long list of elements is cut at its end
   (the report says the count, the first elements and the cause before it),
   before the element that does not fit whole ("; [2, 1] ..."), never inside a
   number, where what was left of it would read as a number rounded wrong */
void xiR_say(char *msg, size_t size, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(msg, size, fmt, ap);
  va_end(ap);
  if (n < 0 || (size_t)n < size)
    return;
  char *cut = NULL;
  for (char *c = strstr(msg, "; ["); c; c = strstr(c + 1, "; ["))
    cut = c;
  if (cut && cut + sizeof "; ..." <= msg + size)
    strcpy(cut, "; ...");
}
