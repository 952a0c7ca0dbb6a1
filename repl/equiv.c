/* equiv.c: equiv A, B: are A and B the same function of the leaves they
 * depend on?  Both are computed at random points near the leaves' values, on
 * copies of their nodes at twice the working precision and 64 bits more
 * (grad/probe.c): the second copy shows how far rounding moves the first, so
 * that a difference is told from rounding, and no value of the session
 * changes.  The points are the same each time.  A counterexample counts as a
 * failed check does (exit status 1). */
#include <stdlib.h>
#include <string.h>

#include "ops/fmt.h"
#include "repl/session.h"
#include "show/print.h"

#define XI_POINTS 20

/* the leaves under a and b that the random points move: the session's (made
   before mark), but not those an index table or a class label is computed
   from (a gather's table, cross_entropy's labels): those are whole numbers
   whose meaning a perturbation would change.  Returns how many, in *out. */
static uint32_t *movable(const xiG_graph *g, uint32_t a, uint32_t b, uint32_t mark,
                         uint32_t *count) {
  uint32_t top = a > b ? a : b, n = 0;
  uint8_t *cone = calloc(top + 1, 1), *fixed = calloc(top + 1, 1);
  uint32_t *out = malloc((top + 1) * sizeof *out);
  *count = 0;
  if (!cone || !fixed || !out) {
    free(cone), free(fixed), free(out);
    return NULL;
  }
  cone[a] = cone[b] = 1;
  for (uint32_t i = top + 1; i-- > 0;) {
    const xiG_node *nd = &g->nodes[i];
    if (!cone[i])
      continue;
    int op = nd->op, table = op == XI_GATHER || op == XI_SCATTERADD || op == XI_PUT ||
                             op == XI_MASKOUT || op == XI_CROSS_ENTROPY;
    if (table)
      fixed[nd->b] = 1;
    if (op == XI_ONEHOT)
      fixed[nd->a] = 1;
    for (uint32_t k = 0; k < xiG_nargs(nd); k++) {
      cone[xiG_arg(nd, k)] = 1;
      fixed[xiG_arg(nd, k)] |= fixed[i];
    }
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
   than the rounding at the lower one explains; *digits: how far they agree
   (left alone when both are 0 within rounding) */
static int differ(mpfr_srcptr a1, mpfr_srcptr b1, mpfr_srcptr a2, mpfr_srcptr b2,
                  mpfr_prec_t p1, int *digits, int *measured) {
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
  if (mpfr_cmp(m, noise) > 0) { /* not 0 within rounding: digits relative to m */
    if (mpfr_cmp(d, noise) < 0)
      mpfr_set(d, noise, MPFR_RNDN);
    mpfr_div(d, d, m, MPFR_RNDN);
    mpfr_log10(d, d, MPFR_RNDN);
    mpfr_neg(d, d, MPFR_RNDN);
    int dg = mpfr_sgn(d) <= 0 ? 0 : (int)mpfr_get_si(d, MPFR_RNDD);
    *digits = dg < *digits ? dg : *digits;
    *measured = 1;
  }
  mpfr_clears(d, noise, m, (mpfr_ptr)0);
  return apart;
}

/* the counterexample: where the leaves were, and both values there */
static void counterexample(xiR_session *s, const xiP_stmt *st, xiC_copy *c, uint32_t a,
                           uint32_t b, const uint32_t *leaves, uint32_t nl, uint32_t k,
                           int agreed, xiW_buf *out) {
  xiG_graph *g = &s->g;
  int digits = agreed + 3 > s->digits ? (agreed + 3 < 60 ? agreed + 3 : 60) : s->digits;
  const char *ta = s->src + st->text_off, *tb = s->src + st->items[0].off;
  int la = (int)st->text_len, lb = (int)(st->items[0].end - st->items[0].off);
  xiW_put(out, nl ? "not equivalent: at a random point near the leaves' values, computed at %ld "
                    "bits:\n"
                  : "not equal: they depend on no leaf that could be moved; computed at %ld bits:\n",
          (long)c->g.prec);
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
    xiW_put(out, "  %.*s%*s = ", side ? lb : la, side ? tb : ta, w - (side ? lb : la), "");
    xiW_value(out, &v, digits, -1, 0);
    xiW_put(out, "\n");
  }
  xi_shape sh = xiG_shape(&g->nodes[a]);
  if (sh.rank) {
    char at[64];
    xiR_element(at, sizeof at, "", sh, k);
    xiW_put(out, "  (the first element that differs: %s)\n", at);
  }
}

static int equiv(xiR_session *s, const xiP_stmt *st, xi_err *err) {
  xiG_graph *g = &s->g;
  uint32_t mark = g->n, a, b, nl = 0, *leaves = NULL;
  xiC_copy c[2];
  int made = 0, rc = -1;
  __mpfr_struct **base = NULL;
  xiW_buf out = {0};
  if (xiR_evaluate(s, st, &a, err) || xiG_no_tuple(g, a, st->pos, "equiv", err) ||
      xiR_second(s, st, "equiv", &b, err))
    goto done;
  xi_shape sa = xiG_shape(&g->nodes[a]), sb = xiG_shape(&g->nodes[b]);
  if (!xiO_same_shape(&sa, &sb)) {
    char ta[48], tb[48];
    xiO_shape_text(&sa, ta, sizeof ta);
    xiO_shape_text(&sb, tb, sizeof tb);
    xiR_fail(err, st->items[0].pos, "the two sides cannot be equal: the first has %s%s, the "
                                    "second %s%s", sa.rank ? "shape " : "no shape (a scalar)",
             sa.rank ? ta : "", sb.rank ? "shape " : "no shape (a scalar)", sb.rank ? tb : "");
    goto done;
  }
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
  int full = (int)((double)p1 * 0.30102999566398120), digits = full, points = 0, measured = 0;
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
    xiG_node *na[2] = {&c[0].g.nodes[c[0].map[a]], &c[1].g.nodes[c[1].map[a]]};
    xiG_node *nb[2] = {&c[0].g.nodes[c[0].map[b]], &c[1].g.nodes[c[1].map[b]]};
    for (uint32_t k = 0; k < n && bad == XI_NONE; k++) {
      int dk = full;
      if (differ(xiG_el(na[0], k), xiG_el(nb[0], k), xiG_el(na[1], k), xiG_el(nb[1], k), p1,
                 &dk, &measured))
        bad = k;
      digits = dk < digits ? dk : digits;
    }
  }
  if (points == 0) {
    xiR_fail(err, st->pos, "the two sides are not both defined at any of %d random points "
                           "near the values of their leaves", XI_POINTS);
    goto done;
  }
  if (bad != XI_NONE) {
    counterexample(s, st, &c[1], a, b, leaves, nl, bad, digits, &out);
  } else {
    char to[64]; /* both 0 within rounding everywhere: no digits to speak of */
    snprintf(to, sizeof to, measured ? "to %d digits" : "both 0, within rounding", digits);
    if (nl)
      xiW_put(&out, "equivalent at %d random points (%s): ", points, to);
    else
      xiW_put(&out, "equal (%s): they depend on no leaf that could be moved", to);
    for (uint32_t l = 0; l < nl && l < 6; l++) {
      char name[256];
      xiG_label_of(g, leaves[l], name, sizeof name);
      xiW_put(&out, "%s%s", l ? ", " : "", name[0] ? name : "a leaf");
    }
    xiW_put(&out, "%s%s, computed at %ld bits\n", nl > 6 ? ", …" : "",
            !nl ? "" : nl > 1 ? " moved around their values" : " moved around its value",
            (long)p1);
  }
  rc = xiR_emit(&out, st->pos, err);
  if (rc == 0 && bad != XI_NONE) {
    xiR_report(s, "check failed", st->items[0].pos,
               "the two sides differ at a random point (above): not equivalent");
    s->failed = 1;
  }
done:
  for (int k = 0; k < made; k++)
    xiC_copy_free(&c[k]);
  for (uint32_t l = 0; base && l < nl; l++)
    xiM_unblock(base[l]);
  free(base);
  free(leaves);
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
