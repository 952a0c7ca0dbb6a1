/* equiv.c: equiv A, B: are A and B the same function of the leaves they
 * depend on?  Both are computed at random points near the leaves' values, on
 * copies of their nodes at twice the working precision and 64 bits more
 * (grad/probe.c): the second copy shows how far rounding moves the first, so
 * that a difference is told from rounding, and no value of the session
 * changes.  The points are the same each time.  A counterexample counts as a
 * failed check does (exit status 1).
 *
 * What is printed is proven: at each point the second copy is evaluated again
 * in balls (proof/ball.h), which hold A's and B's exact values at that point
 * (its leaves are the numbers they hold).  Balls apart prove a counterexample;
 * the digits they agree to are a bound the balls prove.  A difference the
 * MPFR copies show but the balls cannot prove, even at XI_EXACT_PREC_MAX bits,
 * is reported as not proven, and still fails. */
#include <stdlib.h>
#include <string.h>

#include <limits.h>

#include "ops/fmt.h"
#include "proof/ball.h"
#include "cmd/cmd.h"
#include "grad/probe.h"
#include "show/print.h"
#include "tape/names.h"

#define XI_POINTS 20

/* the nodes under a and b (both included), flagged; NULL when out of memory */
static uint8_t *cone_of(const xiG_graph *g, uint32_t a, uint32_t b) {
  uint32_t top = a > b ? a : b;
  uint8_t *cone = calloc(top + 1, 1);
  if (!cone)
    return NULL;
  cone[a] = cone[b] = 1;
  for (uint32_t i = top + 1; i-- > 0;)
    for (uint32_t k = 0; cone[i] && k < xiG_nargs(&g->nodes[i]); k++)
      cone[xiG_arg(&g->nodes[i], k)] = 1;
  return cone;
}

/* the leaves under a and b that the random points move: the session's (made
   before mark), but not those an index table or a class label is computed
   from (a gather's table, cross_entropy's labels): those are whole numbers
   whose meaning a perturbation would change.  Returns how many, in *out. */
static uint32_t *movable(const xiG_graph *g, uint32_t a, uint32_t b, uint32_t mark,
                         uint32_t *count) {
  uint32_t top = a > b ? a : b, n = 0;
  uint8_t *cone = cone_of(g, a, b), *fixed = calloc(top + 1, 1);
  uint32_t *out = malloc((top + 1) * sizeof *out);
  *count = 0;
  if (!cone || !fixed || !out) {
    free(cone), free(fixed), free(out);
    return NULL;
  }
  for (uint32_t i = top + 1; i-- > 0;) { /* (operands come before their consumers) */
    const xiG_node *nd = &g->nodes[i];
    if (!cone[i])
      continue;
    int op = nd->op, table = op == XI_GATHER || op == XI_SCATTERADD || op == XI_PUT ||
                             op == XI_MASKOUT || op == XI_CROSS_ENTROPY;
    if (table)
      fixed[nd->b] = 1;
    if (op == XI_ONEHOT || op == XI_NONZERO)
      fixed[nd->a] = 1;
    for (uint32_t k = 0; k < xiG_nargs(nd); k++)
      fixed[xiG_arg(nd, k)] |= fixed[i];
  }
  for (uint32_t i = 0; i < mark && i <= top; i++)
    if (cone[i] && !fixed[i] && g->nodes[i].op == XI_LEAF)
      out[n++] = i;
  free(cone);
  free(fixed);
  *count = n;
  return out;
}

static uint64_t next(uint64_t *r) {
  *r ^= *r << 13, *r ^= *r >> 7, *r ^= *r << 17;
  return *r;
}

/* the leaves moved to a random point near where they are: each element x to
   x + (|x| + 1)·u·radius, u uniform in [-1, 1), in both copies alike */
static void move(xiC_copy *c, const uint32_t *leaves, uint32_t n, __mpfr_struct **base,
                 double radius, uint64_t *rng) {
  mpfr_t t;
  mpfr_init2(t, c[0].g.prec);
  for (uint32_t l = 0; l < n; l++) {
    xiG_node *x = &c[0].g.nodes[c[0].map[leaves[l]]];
    for (uint32_t k = 0; k < xiG_count(x); k++) {
      double u = (double)(next(rng) >> 11) * 0x1p-52 - 1; /* exact: 53 bits */
      mpfr_abs(t, &base[l][k], MPFR_RNDN);
      mpfr_add_ui(t, t, 1, MPFR_RNDN);
      mpfr_mul_d(t, t, u * radius, MPFR_RNDN);
      mpfr_add(xiG_el(x, k), &base[l][k], t, MPFR_RNDN);
      mpfr_set(xiG_el(&c[1].g.nodes[c[1].map[leaves[l]]], k), xiG_el(x, k), MPFR_RNDN);
    }
  }
  mpfr_clear(t);
}

/* one element of A and B at the two precisions: 1 when they differ by more
   than the rounding at the lower one explains (an estimate, which the balls
   then settle) */
static int differ(mpfr_srcptr a1, mpfr_srcptr b1, mpfr_srcptr a2, mpfr_srcptr b2,
                  mpfr_prec_t p1) {
  mpfr_t d, noise, m;
  mpfr_inits2(mpfr_get_prec(a2) + 64, d, noise, m, (mpfr_ptr)0);
  mpfr_abs(m, mpfr_cmpabs(a2, b2) >= 0 ? a2 : b2, MPFR_RNDN);
  mpfr_sub(noise, a1, a2, MPFR_RNDN); /* each side's error at p1, seen from p2 */
  mpfr_abs(noise, noise, MPFR_RNDN);
  mpfr_sub(d, b1, b2, MPFR_RNDN);
  mpfr_abs(d, d, MPFR_RNDN);
  mpfr_add(noise, noise, d, MPFR_RNDN);
  mpfr_div_2ui(d, m, (unsigned long)p1, MPFR_RNDN);
  mpfr_add(noise, noise, d, MPFR_RNDN);
  mpfr_sub(d, a2, b2, MPFR_RNDN);
  mpfr_abs(d, d, MPFR_RNDN);
  mpfr_mul_2ui(noise, noise, 3, MPFR_RNDN); /* 8 times, for an estimate of an error */
  int apart = mpfr_cmp(d, noise) > 0;
  mpfr_clears(d, noise, m, (mpfr_ptr)0);
  return apart;
}

/* the digits the balls prove they agree to: xiR_agree_digits (verdict.c) */
#define agreeing xiR_agree_digits

/* A's and B's balls at the point the copy's leaves are at, at prec bits, in
   a set of balls opened for it (*bl: the previous point's is closed) */
static int balls_at(xiC_copy *c, uint32_t a, uint32_t b, slong prec, xiB_balls **bl,
                    xiO_bview *va, xiO_bview *vb, xi_pos at, xi_err *err) {
  xiB_close(*bl);
  if (!(*bl = xiB_open(&c->g, NULL)))
    return xiG_oom(&c->g, at, err);
  xiB_set_prec(*bl, prec);
  return xiB_ball(*bl, c->map[a], va, at, err) || xiB_ball(*bl, c->map[b], vb, at, err) ? -1 : 0;
}

/* element k of A and B, which the MPFR copies say differ: the balls'
   precision raised until they are apart (1), or up to XI_EXACT_PREC_MAX
   without (0) */
static int prove_apart(xiC_copy *c, uint32_t a, uint32_t b, uint32_t k, xiB_balls **bl,
                       xiO_bview *va, xiO_bview *vb, xi_pos at, xi_err *err) {
  for (slong p = xiB_prec(*bl); (p = xiB_raise(p));) {
    if (balls_at(c, a, b, p, bl, va, vb, at, err))
      return -1;
    if (!arb_overlaps(&va->el[k], &vb->el[k]))
      return 1;
  }
  return 0;
}

/* the nodes under a and b that a grad(E, v) in them differentiates by (v),
   flagged: a weight, however it is set (eye(2) is one-hot), is no label */
static uint8_t *wrt_of(const xiG_graph *g, uint32_t a, uint32_t b) {
  uint32_t top = a > b ? a : b;
  uint8_t *cone = cone_of(g, a, b), *wrt = calloc(top + 1, 1);
  if (!cone || !wrt) {
    free(cone), free(wrt);
    return NULL;
  }
  for (uint32_t i = 0; i <= top; i++)
    if (cone[i] && g->nodes[i].op == XI_GRAD && g->nodes[i].b <= top)
      wrt[g->nodes[i].b] = 1;
  free(cone);
  return wrt;
}

/* leaf i holds a one-hot label: a tensor each row of which is 0s and one 1 */
static int one_hot(xiG_graph *g, uint32_t i) {
  xiO_view v = xiG_view(&g->nodes[i]);
  uint32_t cols = v.sh.rank == 2 ? v.sh.cols : v.n, ones = 0;
  if (v.sh.rank == 0 || cols < 2 || v.n == 0)
    return 0;
  for (uint32_t k = 0; k < v.n; k++) {
    int one = mpfr_cmp_ui(&v.el[k], 1) == 0;
    if (!one && !mpfr_zero_p(&v.el[k]))
      return 0;
    ones += one;
  }
  return ones == v.n / cols;
}

/* the counterexample: where the leaves were (numbers held exactly, so their
   digits are right), and both values there with the digits their balls
   (ball[0], ball[1], at prec bits) prove; proven: the balls are apart */
static void counterexample(xiR_session *s, const xiP_stmt *st, xiC_copy *c, uint32_t a,
                           uint32_t b, const uint32_t *leaves, uint32_t nl, uint32_t k,
                           int agreed, const arb_struct *ball[2], slong prec, int proven,
                           const uint8_t *wrt, uint32_t nwrt, xiW_buf *out) {
  xiG_graph *g = &s->g;
  int digits = agreed + 3 > s->digits ? (agreed + 3 < 60 ? agreed + 3 : 60) : s->digits;
  const char *ta = s->src + st->text_off, *tb = s->src + st->items[0].off;
  int la = (int)st->text_len, lb = (int)(st->items[0].end - st->items[0].off);
  if (proven)
    xiW_put(out, nl ? "not equivalent: at a random point near the leaves' values they differ, "
                      "proven (balls at %ld bits):\n"
                    : "not equal: they depend on no leaf that could be moved, and differ, proven "
                      "(balls at %ld bits):\n",
            (long)prec);
  else
    xiW_put(out, "not shown equivalent: %s they differ by more than rounding explains at %ld "
                 "bits, but balls up to %d bits could not prove it:\n",
            nl ? "at a random point near the leaves' values" : "depending on no leaf that could "
                                                             "be moved,",
            (long)c->g.prec, XI_EXACT_PREC_MAX);
  for (int tensors = 0; tensors < 2; tensors++) { /* the scalars on a line, then each tensor */
    int first = 1;
    for (uint32_t l = 0; l < nl; l++) {
      char name[256];
      xiO_view v = xiG_view(&c->g.nodes[c->map[leaves[l]]]);
      if ((v.sh.rank != 0) != tensors)
        continue;
      xiG_label_of(g, leaves[l], name, sizeof name);
      if (!name[0])
        snprintf(name, sizeof name, "(leaf at %u:%u)", g->nodes[leaves[l]].pos.line,
                 g->nodes[leaves[l]].pos.col);
      xiW_put(out, tensors || first ? "  %s = " : ", %s = ", name);
      xiW_value(out, &v, s->digits, -1, 0);
      xiW_put(out, tensors ? "\n" : "");
      first = 0;
    }
    if (!tensors && !first)
      xiW_put(out, "\n");
  }
  int w = la > lb ? la : lb;
  for (int side = 0; side < 2; side++) {
    xiO_view v = xiG_view(&c->g.nodes[c->map[side ? b : a]]);
    xiW_proof pf = {.ball = ball[side], .prec = prec, .least = digits};
    xiW_put(out, "  %.*s%*s = ", side ? lb : la, side ? tb : ta, w - (side ? lb : la), "");
    xiW_value_proven(out, &v, &pf, digits, -1, 0);
    xiW_put(out, "\n");
  }
  xi_shape sh = xiG_shape(&g->nodes[a]);
  if (sh.rank) {
    char at[64];
    xiR_element(at, sizeof at, "", sh, k);
    xiW_put(out, "  (the first element that differs: %s)\n", at);
  }
  for (uint32_t l = 0; l < nl; l++) /* a label moved off a label: say so, and how to keep it */
    if ((!wrt || leaves[l] >= nwrt || !wrt[leaves[l]]) && one_hot(g, leaves[l])) {
      char name[256];
      xiG_label_of(g, leaves[l], name, sizeof name);
      xiW_put(out, "  (%s is one-hot, a label, but equiv moves it as any leaf: a formula that "
                   "holds\n   only for labels (p - y needs sum(y) = 1) differs elsewhere; a "
                   "label written in\n   both expressions, [1, 0, 0], or given as a class "
                   "index, cross_entropy(z, 0),\n   is not moved)\n", name[0] ? name : "a leaf");
      break;
    }
  if (agreed + 3 > digits) { /* past the digits shown (grad(softplus(w·x), w) and x, at
                                w·x = 142, differ in the 62nd): the difference itself */
    arb_t d;
    arb_init(d);
    arb_sub(d, &ball[0][k], &ball[1][k], prec);
    char *t = xiR_ball_text(d, 3, prec);
    if (t)
      xiW_put(out, "  (the difference, past the %d digits shown: %s)\n", digits, t);
    free(t);
    arb_clear(d);
  }
}

static int equiv(xiR_session *s, const xiP_stmt *st, xi_err *err) {
  xiG_graph *g = &s->g;
  uint32_t mark = g->n, a, b, nl = 0, *leaves = NULL;
  xiC_copy c[2];
  int made = 0, rc = -1;
  __mpfr_struct **base = NULL;
  xiW_buf out = {0};
  xiB_balls *bl = NULL;
  xiO_bview ba = {0}, bb = {0};
  uint8_t *wrt = NULL; /* the nodes grads in A and B differentiate by (no labels) */
  uint32_t nwrt = 0;
  mag_t zero; /* where both sides' balls hold 0: a bound of both */
  mag_init(zero);
  if (xiR_evaluate(s, st, &a, err) || xiG_no_tuple(g, a, st->pos, "equiv", err) ||
      xiR_second(s, st, "equiv", &b, err))
    goto done;
  xi_shape sa = xiG_shape(&g->nodes[a]), sb = xiG_shape(&g->nodes[b]);
  if (!xiO_same_shape(&sa, &sb)) {
    char ta[48], tb[48];
    xiO_shape_text(&sa, ta, sizeof ta);
    xiO_shape_text(&sb, tb, sizeof tb);
    xiX_fail(err, st->items[0].pos, "the two sides cannot be equal: the first has %s%s, the "
                                    "second %s%s", sa.rank ? "shape " : "no shape (a scalar)",
             sa.rank ? ta : "", sb.rank ? "shape " : "no shape (a scalar)", sb.rank ? tb : "");
    goto done;
  }
  /* what grad(E, v) in them differentiates by, before their graphs are built */
  wrt = wrt_of(g, a, b);
  nwrt = (a > b ? a : b) + 1;
  /* grad(...) values are computed again too: their graphs, built */
  if (xiC_unfold(&s->sweep, g, &a, XID_ALL, NULL, 0, st->pos, err) ||
      xiC_unfold(&s->sweep, g, &b, XID_ALL, NULL, 0, st->pos, err))
    goto done;
  leaves = movable(g, a, b, mark, &nl);
  base = calloc(nl ? nl : 1, sizeof *base);
  if (!leaves || !base) {
    xiG_oom(g, st->pos, err);
    goto done;
  }
  /* at twice the working precision, and 64 bits more: the second shows how
     far rounding moves the first, so that a difference is told from it */
  mpfr_prec_t p1 = 2 * g->prec > g->prec + 64 ? 2 * g->prec : g->prec + 64, p2 = p1 + 64;
  uint32_t roots[2] = {a, b};
  for (; made < 2; made++)
    if (xiC_copy_make(&c[made], g, roots, 2, made ? p2 : p1, st->pos, err)) {
      made++;
      goto done;
    }
  for (uint32_t l = 0; l < nl; l++) {
    xiO_view v = xiG_view(&c[0].g.nodes[c[0].map[leaves[l]]]);
    if (!(base[l] = xiM_block(v.n, p1))) {
      xiG_oom(g, st->pos, err);
      goto done;
    }
    for (uint32_t k = 0; k < v.n; k++)
      mpfr_set(&base[l][k], &v.el[k], MPFR_RNDN);
  }
  uint64_t rng = 0x2545F4914F6CDD1Dull; /* the same points each time: equiv is repeatable */
  int full = (int)((double)p2 * 0.30102999566398120), digits = full, points = 0, measured = 0;
  int blind = 0, proven = 0; /* points whose balls bound nothing; the counterexample proven */
  char zt[48];
  uint32_t bad = XI_NONE, n = xiG_count(&g->nodes[a]);
  for (int t = 0; t < (nl ? XI_POINTS : 1) && bad == XI_NONE; t++) {
    int e = 1;
    for (int attempt = 0; attempt < 8 && e == 1; attempt++) { /* nearer, till both are defined */
      if (nl)
        move(c, leaves, nl, base, 0.5 / (1 << attempt), &rng);
      e = xiC_eval(&c[0], 0, NULL, err);
      if (e == 0)
        e = xiC_eval(&c[1], 0, NULL, err);
      if (e < 0) {
        err->pos = st->pos;
        goto done;
      }
    }
    if (e)
      continue;
    points++;
    if (balls_at(&c[1], a, b, (slong)p2, &bl, &ba, &bb, st->pos, err))
      goto done;
    xiG_node *na[2] = {&c[0].g.nodes[c[0].map[a]], &c[1].g.nodes[c[1].map[a]]};
    xiG_node *nb[2] = {&c[0].g.nodes[c[0].map[b]], &c[1].g.nodes[c[1].map[b]]};
    int seen = 0;
    for (uint32_t k = 0; k < n && bad == XI_NONE; k++) {
      if (!arb_overlaps(&ba.el[k], &bb.el[k])) {
        bad = k, proven = 1;
      } else if (differ(xiG_el(na[0], k), xiG_el(nb[0], k), xiG_el(na[1], k), xiG_el(nb[1], k),
                        p1)) {
        bad = k;
        if ((proven = prove_apart(&c[1], a, b, k, &bl, &ba, &bb, st->pos, err)) < 0)
          goto done;
      } else if (!arb_is_finite(&ba.el[k]) || !arb_is_finite(&bb.el[k])) {
        seen = 1;
      } else {
        int dk = agreeing(&ba.el[k], &bb.el[k], full, (slong)p2, zero);
        if (dk >= 0)
          measured = 1, digits = dk < digits ? dk : digits;
      }
    }
    blind += seen;
  }
  if (points == 0) {
    xiX_fail(err, st->pos, "the two sides are not both defined at any of %d random points "
                           "near the values of their leaves", XI_POINTS);
    goto done;
  }
  if (bad != XI_NONE) {
    const arb_struct *ball[2] = {ba.el, bb.el}; /* (digits: those the two agree to there) */
    digits = agreeing(&ba.el[bad], &bb.el[bad], full, xiB_prec(bl), zero);
    counterexample(s, st, &c[1], a, b, leaves, nl, bad, digits < 0 ? 0 : digits, ball,
                   xiB_prec(bl), proven, wrt, nwrt, &out);
  } else {
    char to[160]; /* both 0 within the balls' radii everywhere: no digits to speak of */
    xiN_write_mag(zt, zero);
    if (measured)
      snprintf(to, sizeof to, "to at least %d digits, proven by balls at %ld bits", digits, (long)p2);
    else if (blind < points)
      snprintf(to, sizeof to, "both 0 as far as balls at %ld bits tell: |A|, |B| <= %s",
               (long)p2, zt);
    else
      snprintf(to, sizeof to, "as computed at %ld bits; not proven: the balls bound nothing "
               "at any point", (long)p1);
    if (measured && !mag_is_zero(zero))
      snprintf(to + strlen(to), sizeof to - strlen(to), "; where both may be 0, |A|, |B| <= %s",
               zt);
    if (blind && blind < points)
      snprintf(to + strlen(to), sizeof to - strlen(to), "; at %d of the points the balls "
               "bound nothing, and agreement there is MPFR's estimate", blind);
    if (nl)
      xiW_put(&out, "equivalent at %d random points (%s): ", points, to);
    else
      xiW_put(&out, "equal (%s): they depend on no leaf that could be moved", to);
    for (uint32_t l = 0; l < nl && l < 6; l++) {
      char name[256];
      xiG_label_of(g, leaves[l], name, sizeof name);
      xiW_put(&out, "%s%s", l ? ", " : "", name[0] ? name : "a leaf");
    }
    xiW_put(&out, "%s%s\n", nl > 6 ? ", …" : "",
            !nl ? "" : nl > 1 ? " moved around their values" : " moved around its value");
  }
  rc = xiR_emit(&out, st->pos, err);
  if (rc == 0 && bad != XI_NONE) {
    xiR_report(s, "check failed", st->items[0].pos,
               "the two sides differ at a random point (above): not equivalent");
    s->failed = 1;
  }
done:
  mag_clear(zero);
  xiB_close(bl); /* (its balls are of c[1]'s nodes: closed first) */
  for (int k = 0; k < made; k++)
    xiC_copy_free(&c[k]);
  for (uint32_t l = 0; base && l < nl; l++)
    xiM_unblock(base[l]);
  free(base);
  free(leaves);
  free(wrt);
  xiW_free(&out);
  xiG_truncate(g, mark);
  return rc;
}

/* equiv asks whether two formulas are the same function: in MPFR, also when
   the session is in an IEEE format (rounded into binary16, exp(log(x)) and x
   differ, and 1e-4 is 0.0001000165939) */
int xiR_cmd_equiv(xiR_session *s, const xiP_stmt *st, xi_err *err) {
  int fmt = xiO_fmt;
  xiO_fmt = XI_FMT_MPFR;
  int rc = equiv(s, st, err);
  xiO_fmt = fmt;
  return rc;
}
