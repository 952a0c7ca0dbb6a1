/* gradcheck.c: gradcheck, the check a gradient (the sweep's, or one derived
 * by hand) is held against: every element against a central difference
 * computed on a copy of the nodes at a higher precision than the session's
 * (grad/probe.c), so that what it compares with is far more accurate than
 * what it compares, and no value of the session changes.  A failure counts
 * as a failed check does (exit status 1). */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "ops/fmt.h"
#include "cmd/cmd.h"
#include "cmd/gradcheck_int.h"
#include "grad/probe.h"
#include "show/num.h"
#include "show/print.h"

/* ---- gradcheck ---- */

/* w's scale for its step: e for |w| in [2^(e-1), 2^e), 0 at w = 0, and at
   least emin (the copy's precision holds 2^(e - bits) steps down to it) */
static long scale(mpfr_srcptr w, long emin) {
  long e = mpfr_zero_p(w) ? 0 : (long)mpfr_get_exp(w);
  return e < emin ? emin : e;
}

/* the central difference of the copy's root by element k of its node x, at
   the copy's precision, h = 2^(e - bits) for |w| in [2^(e-1), 2^e): a step
   relative to w, below 1 too (an absolute 2^-bits is no small step at
   w = 1e-30, where sqrt's one-sided slopes then differ as at a kink, nor at
   w = 1e-300, where w - h < 0); the one-sided slopes too.  1: L is not
   defined at w ± h.  2: w ± h is not exact at the copy's precision (|w| far
   below 2^emin, where h stops shrinking: 1e-1000000 + h is h), so the
   difference is not L's over 2h, and is not computed. */
static int central(xiC_copy *c, uint32_t x, uint32_t k, uint32_t root, const uint8_t *dep,
                   long bits, long emin, mpfr_srcptr f0, mpfr_ptr mid, mpfr_ptr up,
                   mpfr_ptr down, xi_err *err) {
  xiG_graph *g = &c->g;
  mpfr_ptr w = xiG_el(&g->nodes[x], k);
  mpfr_t w0, h;
  mpfr_inits2(g->prec, w0, h, (mpfr_ptr)0);
  mpfr_set(w0, w, MPFR_RNDN);
  long e = scale(w0, emin);
  mpfr_set_ui_2exp(h, 1, e - bits, MPFR_RNDN);
  int rc = 0;
  for (int side = 0; side < 2 && rc == 0; side++) {
    if ((side ? mpfr_sub : mpfr_add)(w, w0, h, MPFR_RNDN)) { /* exact but for |w| < 2^emin */
      rc = 2;
      break;
    }
    rc = xiC_eval(c, x + 1, dep, err);
    mpfr_set(side ? down : up, g->nodes[root].v, MPFR_RNDN);
  }
  mpfr_set(w, w0, MPFR_RNDN); /* the next evaluation puts the nodes above back */
  if (rc == 2 && xiC_eval(c, x + 1, dep, err)) /* (the nodes above, at w + h: back now) */
    rc = -1;
  if (rc == 0) {
    mpfr_sub(mid, up, down, MPFR_RNDN);
    mpfr_div_2ui(mid, mid, 1, MPFR_RNDN);
    mpfr_sub(up, up, f0, MPFR_RNDN);
    mpfr_sub(down, f0, down, MPFR_RNDN);
    mpfr_div(mid, mid, h, MPFR_RNDN);
    mpfr_div(up, up, h, MPFR_RNDN);
    mpfr_div(down, down, h, MPFR_RNDN);
  }
  mpfr_clears(w0, h, (mpfr_ptr)0);
  return rc;
}

/* the largest exponent of the values of the nodes under root (as the session
   holds them), LONG_MIN when none is a number */
static long top_exp(xiG_graph *g, uint32_t root) {
  uint8_t *cone = calloc(root + 1, 1);
  long top = LONG_MIN;
  if (!cone)
    return top;
  cone[root] = 1;
  for (uint32_t i = root + 1; i-- > 0;) {
    xiG_node *nd = &g->nodes[i];
    if (!cone[i])
      continue;
    for (uint32_t k = 0; k < xiG_nargs(nd); k++)
      if (xiG_arg(nd, k) <= root)
        cone[xiG_arg(nd, k)] = 1;
    xiO_view v = xiG_view(nd);
    if (nd->op == XI_TUPLE || !v.el) /* (no numbers of its own: a tuple, a Python list) */
      continue;
    for (uint32_t k = 0; k < v.n; k++)
      if (mpfr_regular_p(&v.el[k]) && mpfr_get_exp(&v.el[k]) > top)
        top = mpfr_get_exp(&v.el[k]);
  }
  free(cone);
  return top;
}

/* digits of agreement of a and n: -log10 |a - n| / max(|a|, |n|, floor), at
   most full */
static int agree(mpfr_srcptr a, mpfr_srcptr n, mpfr_srcptr floor, int full) {
  mpfr_t d, m;
  mpfr_inits2(mpfr_get_prec(n) + 64, d, m, (mpfr_ptr)0);
  mpfr_sub(d, a, n, MPFR_RNDN);
  mpfr_abs(d, d, MPFR_RNDN);
  mpfr_abs(m, a, MPFR_RNDN);
  if (mpfr_cmpabs(n, m) > 0)
    mpfr_abs(m, n, MPFR_RNDN);
  if (mpfr_cmp(floor, m) > 0)
    mpfr_set(m, floor, MPFR_RNDN);
  int digits = full;
  if (!mpfr_zero_p(d) && !mpfr_zero_p(m)) {
    mpfr_div(d, d, m, MPFR_RNDN);
    mpfr_log10(d, d, MPFR_RNDN);
    mpfr_neg(d, d, MPFR_RNDN);
    if (mpfr_cmp_si(d, full) < 0)
      digits = mpfr_sgn(d) < 0 ? 0 : (int)mpfr_get_si(d, MPFR_RNDD);
  }
  mpfr_clears(d, m, (mpfr_ptr)0);
  return digits;
}

/* the analytic gradients: the sweep's adjoints, or the value G given */
static int analytic(xiR_session *s, const xiP_stmt *st, uint32_t root, checked *w, uint32_t nw,
                    xi_err *err) {
  xiG_graph *g = &s->g;
  uint32_t gnode = XI_NONE, *list = malloc(nw * sizeof *list);
  if (!list)
    return xiG_oom(g, st->pos, err);
  for (uint32_t j = 0; j < nw; j++)
    list[j] = w[j].node;
  int rc = 0;
  if (st->nitems) { /* a gradient by hand, of W's shape */
    rc = xiR_second(s, st, "gradcheck", &gnode, err);
    xi_shape sw = xiG_shape(&g->nodes[w[0].node]);
    xi_shape sg = rc ? sw : xiG_shape(&g->nodes[gnode]);
    if (rc == 0 && !xiO_same_shape(&sw, &sg)) {
      char a[48], b[48];
      xiO_shape_text(&sg, a, sizeof a);
      xiO_shape_text(&sw, b, sizeof b);
      rc = xiX_fail(err, st->items[0].pos, "the gradient must have %s's shape: it has %s, "
                                           "and %s %s",
                    xiS_name(&g->sym, st->names[0]), sg.rank ? a : "none (a scalar)",
                    xiS_name(&g->sym, st->names[0]), sw.rank ? b : "is a scalar");
    }
  } else {
    uint32_t r = root;
    rc = xiD_sweep_from(&s->sweep, g, &r, XID_LIST, list, nw, st->pos, err);
  }
  for (uint32_t j = 0; j < nw && rc == 0; j++) {
    xiO_view v;
    int have = gnode != XI_NONE ? (v = xiG_view(&g->nodes[gnode]), 1)
                                : xiD_adj_view(&s->sweep, g, list[j], &v) == 0;
    for (uint32_t k = 0; k < w[j].n; k++)
      if (have)
        mpfr_set(&w[j].an[k], &v.el[k], MPFR_RNDN);
      else
        mpfr_set_zero(&w[j].an[k], 1);
  }
  free(list);
  return rc;
}

/* the numeric side: a copy of L at prec, each element of each W moved by ±h;
   at a kink the one-sided slopes are noted */
static int numeric(xiR_session *s, const xiP_stmt *st, uint32_t root, checked *w, uint32_t nw,
                   mpfr_prec_t prec, long bits, long emin, xiW_buf *notes, xi_err *err) {
  xiG_graph *g = &s->g;
  uint32_t *list = malloc(nw * sizeof *list), nkinks = 0;
  if (!list)
    return xiG_oom(g, st->pos, err);
  for (uint32_t j = 0; j < nw; j++)
    list[j] = w[j].node;
  xiC_copy c;
  mpfr_t mid, up, down, d, tol, f0;
  mpfr_inits2(prec, mid, up, down, d, tol, f0, (mpfr_ptr)0);
  int made = 0, rc = xiC_unfold(&s->sweep, g, &root, XID_LIST, list, nw, st->pos, err);
  if (rc == 0)
    made = 1, rc = xiC_copy_make(&c, g, &root, 1, prec, st->pos, err);
  if (rc == 0)
    mpfr_set(f0, c.g.nodes[c.map[root]].v, MPFR_RNDN); /* L where it is */
  for (uint32_t j = 0; j < nw && rc == 0; j++) {
    uint32_t x = c.map[list[j]], r = c.map[root];
    uint8_t *dep = xiC_above(&c, x);
    if (!dep) {
      rc = xiG_oom(g, st->pos, err);
      break;
    }
    for (uint32_t k = 0; k < w[j].n && rc == 0; k++) {
      if (w[j].digits[k] == XI_HUGE) /* (marked before: not computed) */
        continue;
      int e = central(&c, x, k, r, dep, bits, emin, f0, mid, up, down, err);
      if (e < 0) {
        err->pos = st->pos;
        rc = -1;
        break;
      }
      mpfr_set(&w[j].nu[k], mid, MPFR_RNDN);
      w[j].digits[k] = e == 2 ? XI_ROUNDED : e ? XI_UNDEFINED : 0;
      if (e)
        continue;
      /* a kink: the one-sided slopes differ by more than a smooth L's would
         (h·L'', some 2^-(bits - 64) at most) */
      mpfr_sub(d, up, down, MPFR_RNDN);
      mpfr_abs(tol, up, MPFR_RNDN);
      if (mpfr_cmpabs(down, tol) > 0)
        mpfr_abs(tol, down, MPFR_RNDN);
      if (mpfr_cmp_ui(tol, 1) < 0)
        mpfr_set_ui(tol, 1, MPFR_RNDN);
      mpfr_div_2ui(tol, tol, (unsigned long)g->prec / 2, MPFR_RNDN);
      /* a slope near 1/h: L jumps (sign at 0), no derivative; for |w| below 1
         the bound is 2^(bits/2)/|w| (sqrt's slope at 1e-300 is 5e149) */
      long sc = scale(xiG_el(&g->nodes[w[j].node], k), emin), steep = bits / 2 - (sc < 0 ? sc : 0);
      if (mpfr_get_exp(up) > steep || mpfr_get_exp(down) > steep) {
        w[j].digits[k] = XI_JUMP;
        continue;
      }
      if (mpfr_cmpabs(d, tol) <= 0)
        continue;
      /* no derivative here: xi's (PyTorch's) choice must lie between the slopes */
      mpfr_ptr a = &w[j].an[k];
      w[j].digits[k] = XI_KINK;
      mpfr_min(d, up, down, MPFR_RNDN);
      mpfr_sub(d, d, tol, MPFR_RNDN);
      w[j].ok[k] = mpfr_cmp(a, d) >= 0;
      mpfr_max(d, up, down, MPFR_RNDN);
      mpfr_add(d, d, tol, MPFR_RNDN);
      w[j].ok[k] &= mpfr_cmp(a, d) <= 0;
      if (nkinks++ < 8) {
        char name[96];
        xiR_element(name, sizeof name, xiS_name(&g->sym, st->names[j]),
                xiG_shape(&g->nodes[w[j].node]), k);
        xiW_put(notes, "  %s: a kink, no derivative: slope ", name);
        xiW_number(notes, down, s->digits);
        xiW_put(notes, " on the left, ");
        xiW_number(notes, up, s->digits);
        xiW_put(notes, " on the right; the analytic value %s\n",
                w[j].ok[k] ? "lies between (PyTorch's choice)" : "is not between them");
      }
    }
    if (rc == 0 && xiC_eval(&c, x + 1, dep, err)) /* back where it was, for the next W */
      rc = -1;
    free(dep);
  }
  if (made)
    xiC_copy_free(&c);
  mpfr_clears(mid, up, down, d, tol, f0, (mpfr_ptr)0);
  free(list);
  return rc;
}

/* the balls of the exact derivatives of root by nodes, their precision raised
   until each has `digits` digits (or XI_EXACT_PREC_MAX): the sweep that made
   the analytic values was root's by nodes */
static int exact_balls(xiR_session *s, uint32_t root, uint32_t *nodes, uint32_t nw, int digits,
                       xiB_adj *a, xi_pos at, xi_err *err) {
  xiB_balls *balls = xiR_balls(s);
  if (!balls) /* an IEEE format: its numbers are what is checked, nothing is proven */
    return 0;
  xiR_hi hi = {.s = s}; /* raised in a set of their own: the session's balls stay */
  int rc = 0;
  for (slong p = xiB_prec(balls);; xiB_adj_free(a)) {
    if ((rc = xiR_hi_adjoints(&hi, p, root, XID_LIST, nodes, nw, a, at, err)) != 0 ||
        xiB_adj_enough(a, digits) || !(p = xiB_raise(p)))
      break;
  }
  xiR_hi_close(&hi); /* (a keeps its balls) */
  return rc;
}

/* Why the sweep's failing elements fail, from the balls of the exact
   derivatives: when the exact value agrees with the central difference, the
   rule is right and the sweep's rounding lost the digits (a higher prec
   keeps more); otherwise the rule itself disagrees.  Either way the exact value
   is printed, proven. */
static void exact_notes(xiR_session *s, const xiP_stmt *st, const checked *w, uint32_t nw,
                        const xiB_adj *a, mpfr_srcptr floor, int full, int expect,
                        xiW_buf *notes) {
  xiG_graph *g = &s->g;
  if (!a->ball)
    return; /* an IEEE format: no balls were made */
  mpfr_t mid;
  mpfr_init2(mid, 2 * g->prec + 64);
  int said = 0;
  for (uint32_t j = 0; j < nw; j++)
    for (uint32_t k = 0; k < w[j].n; k++) {
      if (w[j].ok[k] || w[j].digits[k] < 0 || said++ >= 8)
        continue;
      const arb_struct *ball = xiB_adj_of(a, w[j].node);
      ball = ball ? &ball[k] : NULL; /* (NULL: exactly 0) */
      if (ball)
        arf_get_mpfr(mid, arb_midref(ball), MPFR_RNDN);
      else
        mpfr_set_zero(mid, 1);
      int right = agree(mid, &w[j].nu[k], floor, full) >= expect;
      char name[96];
      xiR_element(name, sizeof name, xiS_name(&g->sym, st->names[j]),
                  xiG_shape(&g->nodes[w[j].node]), k);
      int least = s->digits;
      xiW_put(notes, "  %s: the exact derivative is ", name);
      if (ball)
        xiW_number_proven(notes, mid, ball, s->digits, &least);
      else
        xiW_put(notes, "0");
      if (least == 0) /* (digits past 8192 bits) */
        xiW_put(notes, ", not decided at %ld bits\n", (long)xiB_prec(s->balls));
      else if (right)
        xiW_put(notes, " (proven); the sweep's value at %ld bits\n    keeps %d of its digits: "
                       "the rule is right, rounding lost the others (more prec keeps more)\n",
                (long)g->prec, agree(&w[j].an[k], mid, floor, full));
      else
        xiW_put(notes, " (proven):\n    the sweep's rule itself disagrees with the central "
                       "difference\n");
    }
  mpfr_clear(mid);
}

int xiR_cmd_gradcheck(xiR_session *s, const xiP_stmt *st, xi_err *err) {
  xiG_graph *g = &s->g;
  uint32_t mark = g->n, root, nw = st->nnames, *nodes = malloc(nw * sizeof *nodes);
  checked *w = calloc(nw, sizeof *w);
  char *label = xiR_label(s, st);
  xiW_buf out = {0}, notes = {0};
  xiB_adj exact = {0}; /* the exact derivatives' balls (the sweep's case) */
  int rc = -1;
  mpfr_prec_t p = g->prec;
  if (!nodes || !w || !label) {
    xiX_fail(err, st->pos, "out of memory");
    goto done;
  }
  if (st->nitems && nw > 1) {
    xiX_fail(err, st->name_pos[1], "gradcheck L wrt W = G checks one gradient: one name");
    goto done;
  }
  if (xiR_evaluate(s, st, &root, err) || xiG_no_tuple(g, root, st->pos, "gradcheck", err) ||
      xiR_wrt_nodes(s, st, root, label, nodes, err))
    goto done;
  if (xiG_is_tensor(&g->nodes[root])) {
    char t[48];
    xi_shape sh = xiG_shape(&g->nodes[root]);
    xiO_shape_text(&sh, t, sizeof t);
    xiX_fail(err, st->pos, "gradcheck needs a scalar L, not a value of shape %s (sum it)", t);
    goto done;
  }
  uint64_t total = 0;
  for (uint32_t j = 0; j < nw; j++) {
    w[j].node = nodes[j];
    w[j].n = xiG_count(&g->nodes[nodes[j]]);
    total += w[j].n;
    w[j].an = xiM_block(w[j].n, p);
    w[j].nu = xiM_block(w[j].n, 4 * (p + 32)); /* (at `far` bits, below: rounded to p, a
                                                    low prec, it would show p's digits) */
    w[j].digits = calloc(w[j].n, sizeof *w[j].digits);
    w[j].ok = malloc(w[j].n);
    if (!w[j].an || !w[j].nu || !w[j].digits || !w[j].ok) {
      xiG_oom(g, st->pos, err);
      goto done;
    }
    memset(w[j].ok, 1, w[j].n);
  }
  /* h = 2^-(p + 32) times |w| (2^-(p + 32) at w = 0): the difference's
     truncation error, about (h/|w|)²·|L| for a smooth L, is near 2^-(2p + 64)
     of it; at 4(p + 32) bits its rounding error, about 2^-4(p + 32)·|L|/h, is
     smaller still, and for |w| below 2^-(p + 32) the precision is raised by
     as many bits as w is smaller (by XI_EXACT_PREC_MAX at most; past that, h
     stops shrinking).  Both are far below the p bits of the analytic value:
     the digits they agree to are the analytic value's. */
  long bits = (long)p + 32, deep = 0;
  for (uint32_t j = 0; j < nw; j++)
    for (uint32_t k = 0; k < w[j].n; k++) {
      mpfr_srcptr x = xiG_el(&g->nodes[w[j].node], k);
      if (mpfr_regular_p(x) && -(long)mpfr_get_exp(x) - bits > deep)
        deep = -(long)mpfr_get_exp(x) - bits;
    }
  if (deep > XI_EXACT_PREC_MAX)
    deep = XI_EXACT_PREC_MAX;
  long emin = -bits - deep;
  mpfr_prec_t far = 4 * (mpfr_prec_t)bits + deep;
  if (analytic(s, st, root, w, nw, err))
    goto done;
  /* the nodes' size: L's values, each rounded at far bits, move the
     difference by some 2^(M - far)/h for the largest, 2^M, which beside a
     derivative g must stay below 2^-2(p + 32)·|g|: far rises to M - e +
     3(p + 32) - log2 |g| where that is more (1e200 + w: 1144 bits; at 640 the
     difference was 0, and the sweep's right 1 was said to fail), by
     XI_EXACT_PREC_MAX at most: an element that needs more is not checked */
  long top = top_exp(g, root), lift = 0, gtop = LONG_MIN;
  for (uint32_t j = 0; j < nw; j++)
    for (uint32_t k = 0; k < w[j].n; k++)
      if (mpfr_regular_p(&w[j].an[k]) && mpfr_get_exp(&w[j].an[k]) > gtop)
        gtop = mpfr_get_exp(&w[j].an[k]);
  for (uint32_t j = 0; j < nw && top != LONG_MIN; j++)
    for (uint32_t k = 0; k < w[j].n; k++) {
      mpfr_srcptr a = &w[j].an[k], x = xiG_el(&g->nodes[w[j].node], k);
      if (mpfr_regular_p(x) && mpfr_get_exp(x) < emin)
        continue; /* w ± h rounds there, and central() says so */
      long e = scale(x, emin);
      long ge = mpfr_regular_p(a) ? (long)mpfr_get_exp(a) - 1
                                  : gtop != LONG_MIN ? gtop - bits : e - bits;
      long need = top - e + 3 * bits - ge + 2 - far; /* (within (p + 32)/2 bits of it, the
                                                          error is still far below 2^-p) */
      if (need > XI_EXACT_PREC_MAX)
        w[j].digits[k] = XI_HUGE;
      else if (need > lift && need > bits / 2)
        lift = need;
    }
  far += lift;
  /* the central differences in MPFR at `far` bits, also when the session is
     in an IEEE format (its sweep is what is checked; rounded into binary16,
     the differences would be 0) */
  int fmt = xiO_fmt;
  xiO_fmt = XI_FMT_MPFR;
  int nrc = numeric(s, st, root, w, nw, far, bits, emin, &notes, err);
  xiO_fmt = fmt;
  if (nrc)
    goto done;
  /* relative error: to the larger of the two, or, for elements near 0 (a
     gradient that should be 0, computed as a difference), to 2^-(p/2) of the
     largest element */
  mpfr_t big, floor;
  mpfr_inits2(p, big, floor, (mpfr_ptr)0);
  mpfr_set_zero(big, 1);
  for (uint32_t j = 0; j < nw; j++)
    for (uint32_t k = 0; k < w[j].n; k++)
      if (w[j].digits[k] == 0) {
        if (mpfr_cmpabs(&w[j].an[k], big) > 0)
          mpfr_abs(big, &w[j].an[k], MPFR_RNDN);
        if (mpfr_cmpabs(&w[j].nu[k], big) > 0)
          mpfr_abs(big, &w[j].nu[k], MPFR_RNDN);
      }
  mpfr_div_2ui(floor, big, (unsigned long)p / 2, MPFR_RNDN);
  int full = (int)((double)p * 0.30102999566398120), expect = full / 2, least = full;
  uint64_t failed = 0, kinks = 0, undefined = 0, rounded = 0, huge = 0;
  for (uint32_t j = 0; j < nw; j++)
    for (uint32_t k = 0; k < w[j].n; k++) {
      int *d = &w[j].digits[k];
      if (*d == 0) {
        *d = agree(&w[j].an[k], &w[j].nu[k], floor, full);
        w[j].ok[k] = *d >= expect;
        least = *d < least ? *d : least;
      }
      failed += !w[j].ok[k], kinks += *d == XI_KINK;
      undefined += *d == XI_UNDEFINED || *d == XI_JUMP;
      rounded += *d == XI_ROUNDED, huge += *d == XI_HUGE;
    }
  const char *x = xiS_name(&g->sym, st->names[0]);
  const char *f = strchr(label, '(') ? "f" : label; /* L(w + h), or f(w + h) for an expression */
  xiW_put(&out, "gradcheck: ∂%s/∂%s", label, x);
  for (uint32_t j = 1; j < nw; j++)
    xiW_put(&out, ", ∂%s/∂%s", label, xiS_name(&g->sym, st->names[j]));
  if (st->nitems)
    xiW_put(&out, " as given (%.*s)", (int)(st->items[0].end - st->items[0].off),
            s->src + st->items[0].off);
  else
    xiW_put(&out, " from the sweep at %ld bits", (long)p);
  xiW_put(&out, ",\n  against central differences (%s(w + h) - %s(w - h))/2h at %ld bits, "
                "h = 2^-%ld·|w| (2^-%ld at w = 0):\n  their own error, about h² and 2^-%ld/h, "
                "is below 2^-%ld, so a right gradient agrees to\n  about %d digits; fewer "
                "than %d fails\n",
          f, f, (long)far, bits, bits, (long)far, 2 * bits, full, expect);
  xiR_gradcheck_table(s, st, w, nw, total, floor, &out);
  if (failed && !st->nitems &&
      (exact_balls(s, root, nodes, nw, expect, &exact, st->pos, err) ||
       (exact_notes(s, st, w, nw, &exact, floor, full, expect, &out), 0))) {
    mpfr_clears(big, floor, (mpfr_ptr)0);
    goto done;
  }
  mpfr_clears(big, floor, (mpfr_ptr)0);
  if (notes.s)
    xiW_put(&out, "%s", notes.s);
  if (undefined)
    xiW_put(&out, "  (%llu element%s not checked: L jumps there, or is not defined at w ± h)\n",
            (unsigned long long)undefined, undefined == 1 ? "" : "s");
  if (rounded)
    xiW_put(&out, "  (%llu element%s not checked: |w| below 2^%ld, where w ± h is not exact at "
                  "%ld bits)\n", (unsigned long long)rounded, rounded == 1 ? "" : "s", emin,
            (long)far);
  if (huge)
    xiW_put(&out, "  (%llu element%s not checked: L's values reach 2^%ld, too large beside its "
                  "change over h\n   for a difference at %ld bits more)\n",
            (unsigned long long)huge, huge == 1 ? "" : "s", top, (long)XI_EXACT_PREC_MAX);
  uint64_t compared = total - kinks - undefined - rounded - huge;
  const char *on = s->color ? "\033[32m" : "", *off = s->color ? "\033[0m" : "";
  if (!failed && compared) {
    xiW_put(&out, "%sok%s: %llu element%s agree%s to %d digits or more", on, off,
            (unsigned long long)compared, compared == 1 ? "" : "s", compared == 1 ? "s" : "",
            least);
    xiW_put(&out, kinks ? " (and %llu kink%s)\n" : "\n", (unsigned long long)kinks,
            kinks == 1 ? "" : "s");
  } else if (!failed && kinks) { /* every element checked is a kink: no digits to count */
    xiW_put(&out, "%sok%s: %llu kink%s, the analytic value between the one-sided slopes; no "
                  "element had a derivative to compare digits with\n", on, off,
            (unsigned long long)kinks, kinks == 1 ? "" : "s");
  }
  rc = xiR_emit(&out, st->pos, err);
  if (rc == 0 && failed) {
    char msg[200];
    snprintf(msg, sizeof msg, "%llu of %llu elements of the gradient agree with central "
                              "differences to fewer than %d digits",
             (unsigned long long)failed, (unsigned long long)total, expect);
    xiR_report(s, "check failed", st->nitems ? st->items[0].pos : st->pos, msg);
    s->failed = 1;
  } else if (rc == 0 && !compared && !kinks) { /* not an "ok": nothing was checked */
    xiR_report(s, "check undecided", st->pos,
               rounded || huge ? "gradcheck checked no element (above), so nothing is known of the "
                         "gradient"
               : total == 1 ? "gradcheck checked no element: L jumps there, or is not defined at "
                            "w ± h, so nothing is known of the gradient"
                          : "gradcheck checked no element: L jumps at each, or is not defined "
                            "at w ± h, so nothing is known of the gradient");
    s->failed = 1;
  }
done:
  for (uint32_t j = 0; w && j < nw; j++) {
    xiM_unblock(w[j].an);
    xiM_unblock(w[j].nu);
    free(w[j].digits);
    free(w[j].ok);
  }
  xiW_free(&out);
  xiW_free(&notes);
  xiB_adj_free(&exact);
  free(w);
  free(nodes);
  free(label);
  xiG_truncate(g, mark);
  return rc;
}

