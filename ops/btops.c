/* btops.c: ball rules of the whole-tensor ops (btops.h).  Sums and products
 * are Arb's dot products (one rounding each, as the MPFR rules' exact sums);
 * softmax and the losses are written with Arb's exp and log; the ops that
 * only move elements run their own MPFR rule on tags, so that their
 * semantics (index tables, repeated indices, broadcasting) is written once;
 * the discrete ones (argmax, max's mask, round, labels) answer only where
 * the balls decide. */
#include <stdlib.h>

#include "ops/btops.h"

/* ---- products and sums ---- */

int xiO_bt_MATMUL(xiO_bview *out, const xiO_bview *a, const xiO_bview *b, slong prec) {
  /* as xiO_tf_matmul: a vector on the left is one row, on the right one column */
  uint32_t m = a->sh.rank == 2 ? a->sh.rows : 1, inner = a->sh.cols;
  uint32_t n = b->sh.rank == 2 ? b->sh.cols : 1;
  if ((uint64_t)m * n != out->n)
    return -1;
  for (uint32_t i = 0; i < m; i++)
    for (uint32_t j = 0; j < n; j++) {
      if (xiO_stopped())
        return -1;
      arb_dot(&out->el[i * n + j], NULL, 0, &a->el[i * inner], 1, &b->el[j], (slong)n, inner,
              prec);
    }
  return 0;
}

int xiO_bt_OUTER(xiO_bview *out, const xiO_bview *a, const xiO_bview *b, slong prec) {
  if ((uint64_t)a->n * b->n != out->n)
    return -1;
  for (uint32_t i = 0; i < a->n; i++)
    for (uint32_t j = 0; j < b->n; j++)
      arb_mul(&out->el[i * b->n + j], &a->el[i], &b->el[j], prec);
  return 0;
}

/* r = Σ x[k·step] for k < len: a dot product with 1 (stride 0), so one
   rounding, as mpfr_sum's */
static void sum_of(arb_t r, arb_srcptr x, uint32_t step, uint32_t len, slong prec) {
  arb_t one;
  arb_init(one);
  arb_one(one);
  arb_dot(r, NULL, 0, x, (slong)step, one, 0, len, prec);
  arb_clear(one);
}

/* sum or mean along p[0], as rops.c's reduce */
static int reduce(xiO_bview *out, const xiO_bview *a, int mean, slong prec) {
  for (uint32_t k = 0; k < out->n; k++) {
    if (xiO_stopped())
      return -1;
    xiO_slice s = xiO_slice_of(out->p[0], &a->sh, k);
    sum_of(&out->el[k], &a->el[s.first], s.step, s.len, prec);
    if (mean)
      arb_div_ui(&out->el[k], &out->el[k], s.len, prec);
  }
  return 0;
}

int xiO_bt_SUM(xiO_bview *out, const xiO_bview *a, const xiO_bview *b, slong prec) {
  (void)b;
  return reduce(out, a, 0, prec);
}
/* math.fsum: the exact sum of every element, as sum's over all axes */
int xiO_bt_FSUM(xiO_bview *out, const xiO_bview *a, const xiO_bview *b, slong prec) {
  return xiO_bt_SUM(out, a, b, prec);
}
int xiO_bt_MEAN(xiO_bview *out, const xiO_bview *a, const xiO_bview *b, slong prec) {
  (void)b;
  return reduce(out, a, 1, prec);
}

/* a summed down to out's shape, as xiO_tf_sumto: out (i, j) is the sum of the
   elements broadcasting would spread it to, a row, a column, or all of a */
int xiO_bt_SUMTO(xiO_bview *out, const xiO_bview *a, const xiO_bview *b, slong prec) {
  (void)b;
  uint32_t rs = out->sh.rows == 1 ? a->sh.rows : 1, cs = out->sh.cols == 1 ? a->sh.cols : 1;
  for (uint32_t i = 0, q = 0; i < out->sh.rows; i++)
    for (uint32_t j = 0; j < out->sh.cols; j++, q++) {
      if (xiO_stopped())
        return -1;
      uint32_t first = (rs > 1 ? 0 : i) * a->sh.cols + (cs > 1 ? 0 : j);
      /* a row (step 1), a column (step cols), or all of a, row by row */
      uint32_t step = cs > 1 ? 1 : a->sh.cols;
      sum_of(&out->el[q], &a->el[first], step, rs * cs, prec);
    }
  return 0;
}

/* ---- max, argmax, max's mask: along p[0], the first largest as NumPy ---- */

int xiO_bt_MAX(xiO_bview *out, const xiO_bview *a, const xiO_bview *b, slong prec) {
  (void)b; /* continuous: the ball of the maxima */
  for (uint32_t k = 0; k < out->n; k++) {
    xiO_slice s = xiO_slice_of(out->p[0], &a->sh, k);
    arb_set(&out->el[k], &a->el[s.first]);
    for (uint32_t t = 1; t < s.len; t++)
      arb_max(&out->el[k], &out->el[k], &a->el[s.first + t * s.step], prec);
  }
  return 0;
}

int xiO_bt_MIN(xiO_bview *out, const xiO_bview *a, const xiO_bview *b, slong prec) {
  (void)b; /* continuous: the ball of the minima */
  for (uint32_t k = 0; k < out->n; k++) {
    xiO_slice s = xiO_slice_of(out->p[0], &a->sh, k);
    arb_set(&out->el[k], &a->el[s.first]);
    for (uint32_t t = 1; t < s.len; t++)
      arb_min(&out->el[k], &out->el[k], &a->el[s.first + t * s.step], prec);
  }
  return 0;
}

/* the position in slice s of its first largest element, when the balls
   decide it: larger than every one before it, at least every one after.
   Only the first largest midpoint can be that element.  -1: undecided, and
   [*lo, *hi] holds the positions of the elements that may be it (those not
   surely below that one) */
static int64_t first_largest(const xiO_bview *a, xiO_slice s, uint32_t *lo, uint32_t *hi) {
  arb_srcptr x = &a->el[s.first];
  uint32_t m = 0;
  for (uint32_t t = 1; t < s.len; t++)
    if (arf_cmp(arb_midref(&x[t * s.step]), arb_midref(&x[m * s.step])) > 0)
      m = t;
  int decided = 1;
  *lo = *hi = m;
  for (uint32_t t = 0; t < s.len; t++) {
    arb_srcptr y = &x[t * s.step], best = &x[m * s.step];
    if (t != m && !(t < m ? arb_gt(best, y) : arb_ge(best, y)))
      decided = 0;
    if (!arb_lt(y, best))
      *lo = t < *lo ? t : *lo, *hi = t > *hi ? t : *hi;
  }
  return decided ? (int64_t)m : -1;
}

static uint32_t slices(const xiO_bview *out, const xiO_bview *a) {
  int32_t axis = out->p[0];
  return axis == XI_ALL_AXES ? 1 : axis == 0 ? a->sh.cols : a->sh.rows;
}

int xiO_bt_ARGMAX(xiO_bview *out, const xiO_bview *a, const xiO_bview *b, slong prec) {
  (void)b, (void)prec;
  for (uint32_t k = 0; k < slices(out, a); k++) {
    uint32_t lo, hi;
    int64_t m = first_largest(a, xiO_slice_of(out->p[0], &a->sh, k), &lo, &hi);
    if (m >= 0) {
      arb_set_ui(&out->el[k], (ulong)m);
    } else { /* (lo + hi)/2 ± (hi - lo)/2, exactly */
      arb_set_ui(&out->el[k], lo + hi);
      mag_set_ui(arb_radref(&out->el[k]), hi - lo);
      arb_mul_2exp_si(&out->el[k], &out->el[k], -1);
    }
  }
  return 0;
}

/* the first smallest of a is the first largest of -a (negation is exact) */
int xiO_bt_ARGMIN(xiO_bview *out, const xiO_bview *a, const xiO_bview *b, slong prec) {
  arb_ptr neg = _arb_vec_init(a->n);
  _arb_vec_neg(neg, a->el, a->n);
  xiO_bview na = *a;
  na.el = neg;
  int rc = xiO_bt_ARGMAX(out, &na, b, prec);
  _arb_vec_clear(neg, a->n);
  return rc;
}

/* 1 at each slice's first largest, 0 elsewhere; in an undecided slice, 0
   or 1 ([0, 1]) where the first largest may be */
int xiO_bt_MAXMASK(xiO_bview *out, const xiO_bview *a, const xiO_bview *b, slong prec) {
  (void)b, (void)prec;
  _arb_vec_zero(out->el, out->n);
  for (uint32_t k = 0; k < slices(out, a); k++) {
    xiO_slice s = xiO_slice_of(out->p[0], &a->sh, k);
    uint32_t lo, hi;
    int64_t m = first_largest(a, s, &lo, &hi);
    for (uint32_t t = lo; m < 0 && t <= hi; t++) {
      arb_ptr e = &out->el[s.first + t * s.step];
      arf_set_si_2exp_si(arb_midref(e), 1, -1);
      mag_set_ui_2exp_si(arb_radref(e), 1, -1);
    }
    if (m >= 0)
      arb_one(&out->el[s.first + (uint32_t)m * s.step]);
  }
  return 0;
}

/* ---- round(x, d): x·10^d to the nearest integer, ties to even, over 10^d ---- */

/* y = x·10^d, exactly when x is exact and d >= 0 (so that a tie stays one) */
static void scale(arb_t y, const arb_t x, int32_t d, const arb_t ten, slong prec) {
  if (d >= 0)
    arb_mul(y, x, ten, arb_is_exact(x) ? ARF_PREC_EXACT : prec);
  else
    arb_div(y, x, ten, prec);
}

int xiO_bt_ROUND(xiO_bview *out, const xiO_bview *a, const xiO_bview *b, slong prec) {
  (void)b;
  int32_t d = out->p[0];
  fmpz_t t;
  fmpz_init(t);
  fmpz_ui_pow_ui(t, 10, (ulong)(d < 0 ? -(int64_t)d : d));
  arb_t ten, y;
  arb_init(ten);
  arb_init(y);
  arb_set_fmpz(ten, t);
  int rc = 0;
  for (uint32_t k = 0; k < out->n && rc == 0; k++) {
    if (xiO_stopped()) {
      rc = -1;
      break;
    }
    arb_ptr r = &out->el[k];
    scale(y, &a->el[k], d, ten, prec + 32);
    if (!arb_is_finite(y) || xiO_ball_round_even(y, y, prec) < 0)
      arb_indeterminate(r); /* else y holds the integers it may round to */
    else if (d >= 0)
      arb_div(r, y, ten, prec);
    else
      arb_mul(r, y, ten, prec);
  }
  arb_clear(ten);
  arb_clear(y);
  fmpz_clear(t);
  return rc;
}

/* ---- softmax family, along the last axis ---- */

static uint32_t nrows(const xiO_bview *v) { return v->sh.rank == 2 ? v->sh.rows : 1; }

/* e[j] = exp(z[j] - c) and s = Σ e, for c the largest midpoint (exact: a
   shift that keeps the exponentials in range, not a rounding) */
static void shifted_exp(arb_ptr e, arb_t s, arb_t c, arb_srcptr z, uint32_t n, slong prec) {
  uint32_t m = 0;
  for (uint32_t j = 1; j < n; j++)
    if (arf_cmp(arb_midref(&z[j]), arb_midref(&z[m])) > 0)
      m = j;
  arb_set_arf(c, arb_midref(&z[m]));
  for (uint32_t j = 0; j < n; j++) {
    arb_sub(&e[j], &z[j], c, prec);
    arb_exp(&e[j], &e[j], prec);
  }
  sum_of(s, e, 1, n, prec);
}

/* log Σ exp(z) of one row of n (z - lse is its log_softmax) */
static void log_sum_exp(arb_t r, arb_srcptr z, uint32_t n, arb_ptr scratch, slong prec) {
  arb_t c;
  arb_init(c);
  shifted_exp(scratch, r, c, z, n, prec);
  arb_log(r, r, prec);
  arb_add(r, r, c, prec);
  arb_clear(c);
}

int xiO_bt_SOFTMAX(xiO_bview *out, const xiO_bview *a, const xiO_bview *b, slong prec) {
  (void)b;
  uint32_t n = a->sh.cols;
  arb_t s, c, unit;
  arb_init(s);
  arb_init(c);
  arb_init(unit);
  arf_set_si_2exp_si(arb_midref(unit), 1, -1); /* [0, 1]: 1/2 ± 1/2, exact */
  mag_set_ui_2exp_si(arb_radref(unit), 1, -1);
  for (uint32_t i = 0; i < nrows(a) && !xiO_stopped(); i++) {
    arb_ptr o = &out->el[i * n];
    shifted_exp(o, s, c, &a->el[i * n], n, prec);
    for (uint32_t j = 0; j < n; j++) {
      arb_div(&o[j], &o[j], s, prec); /* s >= exp(0), the largest term's */
      /* within [0, 1] whatever z is: a wide z (0.1 + 0.2 - 0.3 times 1e40 is 0 ± 26
         at 128 bits; any z at 2 bits) gave a ball that bounded nothing, a bare ? */
      if (!arb_is_finite(&o[j]) ||
          (!arb_contains(unit, &o[j]) && !arb_intersection(&o[j], &o[j], unit, prec)))
        arb_set(&o[j], unit);
    }
  }
  arb_clear(s);
  arb_clear(c);
  arb_clear(unit);
  return xiO_stopped() ? -1 : 0;
}

int xiO_bt_LOG_SOFTMAX(xiO_bview *out, const xiO_bview *a, const xiO_bview *b, slong prec) {
  (void)b;
  uint32_t n = a->sh.cols;
  arb_t l;
  arb_init(l);
  for (uint32_t i = 0; i < nrows(a) && !xiO_stopped(); i++) {
    arb_ptr o = &out->el[i * n];
    log_sum_exp(l, &a->el[i * n], n, o, prec); /* o as scratch, then overwritten */
    for (uint32_t j = 0; j < n; j++)
      arb_sub(&o[j], &a->el[i * n + j], l, prec);
  }
  arb_clear(l);
  return xiO_stopped() ? -1 : 0;
}

/* a label: an exact whole number in [0, classes), as label_of; else -1 */
static slong label(arb_srcptr y, uint32_t classes) {
  if (!arb_is_int(y) || arf_sgn(arb_midref(y)) < 0 ||
      arf_cmp_si(arb_midref(y), (slong)classes) >= 0)
    return -1;
  return arf_get_si(arb_midref(y), ARF_RND_DOWN);
}

/* the mean over the rows of -log softmax at each row's label */
int xiO_bt_CROSS_ENTROPY(xiO_bview *out, const xiO_bview *a, const xiO_bview *b, slong prec) {
  uint32_t n = a->sh.cols, rows = nrows(a);
  arb_ptr scratch = _arb_vec_init(n);
  arb_t l;
  arb_init(l);
  arb_zero(out->el);
  int rc = 0;
  for (uint32_t i = 0; i < rows && rc == 0; i++) {
    slong y = label(b->sh.rank == 0 ? b->el : &b->el[i], n);
    if (y < 0 || xiO_stopped()) {
      rc = -1;
      break;
    }
    log_sum_exp(l, &a->el[i * n], n, scratch, prec);
    arb_sub(l, l, &a->el[i * n + (uint32_t)y], prec);
    arb_add(out->el, out->el, l, prec);
  }
  arb_div_ui(out->el, out->el, rows, prec);
  arb_clear(l);
  _arb_vec_clear(scratch, n);
  return rc;
}

int xiO_bt_ONEHOT(xiO_bview *out, const xiO_bview *a, const xiO_bview *b, slong prec) {
  (void)b, (void)prec;
  uint32_t classes = out->sh.cols;
  _arb_vec_zero(out->el, out->n);
  for (uint32_t i = 0; i < a->n; i++) {
    slong y = label(&a->el[i], classes);
    if (y < 0)
      return -1;
    arb_one(&out->el[i * classes + (uint32_t)y]);
  }
  return 0;
}

/* ---- ops that move elements: their MPFR rule run on tags ---- */

/* n numbers of 64 bits (tags and indices are whole numbers far below 2^64) */
static mpfr_ptr tags_new(uint32_t n) {
  mpfr_ptr t = malloc((n ? n : 1) * sizeof *t);
  for (uint32_t k = 0; t && k < n; k++)
    mpfr_init2(&t[k], 64);
  return t;
}

static void tags_free(mpfr_ptr t, uint32_t n) {
  for (uint32_t k = 0; t && k < n; k++)
    mpfr_clear(&t[k]);
  free(t);
}

/* an index table's first rows rows as numbers: they index, so each must be
   an exact number (a ball that is not cannot say which element it names);
   the rows after are 0, or (values) tagged -(k + 1) */
static int table_tags(mpfr_ptr t, const xiO_bview *b, uint32_t rows, int values) {
  uint32_t idx = rows * (b->sh.rank == 2 ? b->sh.cols : b->n);
  for (uint32_t k = 0; k < b->n; k++) {
    if (k >= idx) {
      mpfr_set_si(&t[k], values ? -(long)k - 1 : 0, MPFR_RNDN);
      continue;
    }
    if (!arb_is_exact(&b->el[k]) || arf_bits(arb_midref(&b->el[k])) > 64)
      return -1;
    arf_get_mpfr(&t[k], arb_midref(&b->el[k]), MPFR_RNDN);
  }
  return 0;
}

/* out's element k from its tag: 0 is zero; k + 1 is a's element k; -(k + 1) b's */
static int untag(arb_ptr r, mpfr_srcptr tag, const xiO_bview *a, const xiO_bview *b) {
  if (mpfr_zero_p(tag)) {
    arb_zero(r);
    return 0;
  }
  long t = mpfr_get_si(tag, MPFR_RNDN);
  if (t > 0 && (uint32_t)t <= a->n)
    arb_set(r, &a->el[t - 1]);
  else if (t < 0 && b && (uint32_t)-t <= b->n)
    arb_set(r, &b->el[-t - 1]);
  else
    return -1;
  return 0;
}

/* op's MPFR rule on tags: ta (a's shape), tb (b's, or NULL), into to */
static int run_tags(int op, mpfr_ptr to, const xiO_bview *out, mpfr_ptr ta,
                    const xiO_bview *a, mpfr_ptr tb, const xiO_bview *b) {
  mpfr_t tmp;
  mpfr_init2(tmp, 64);
  xiO_view va = {ta, a->sh, a->n, a->p, XI_DT_FLOAT};
  xiO_view vo = {to, out->sh, out->n, out->p, XI_DT_FLOAT};
  xiO_view vb = b ? (xiO_view){tb, b->sh, b->n, b->p, XI_DT_FLOAT} : va;
  int rc = xiO_table[op].tforward(&vo, &va, &vb, tmp) ? -1 : 0;
  mpfr_clear(tmp);
  return rc;
}

/* the rows of b that index a (PUT's last row holds the values put; all of
   SLICESET's and CONCAT's b are values) */
static int moved(int op, xiO_bview *out, const xiO_bview *a, const xiO_bview *b) {
  int values = op == XI_SLICESET || op == XI_CONCAT;
  mpfr_ptr ta = tags_new(a->n), tb = b ? tags_new(b->n) : NULL, to = tags_new(out->n);
  int rc = ta && to && (!b || tb) ? 0 : -1;
  for (uint32_t k = 0; rc == 0 && k < a->n; k++)
    mpfr_set_ui(&ta[k], k + 1, MPFR_RNDN);
  if (rc == 0 && b)
    rc = table_tags(tb, b, values ? 0 : a->sh.rank, values || op == XI_PUT);
  if (rc == 0)
    rc = run_tags(op, to, out, ta, a, tb, b);
  for (uint32_t k = 0; rc == 0 && k < out->n; k++)
    rc = untag(&out->el[k], &to[k], a, b);
  tags_free(ta, a->n);
  tags_free(tb, b ? b->n : 0);
  tags_free(to, out->n);
  return rc;
}

#define XI_MOVED(id, binary)                                                               \
  int xiO_bt_##id(xiO_bview *out, const xiO_bview *a, const xiO_bview *b, slong prec) {    \
    (void)prec;                                                                            \
    return moved(XI_##id, out, a, binary ? b : NULL);                                      \
  }
XI_MOVED(TRANSPOSE, 0)
XI_MOVED(INDEX, 0)
XI_MOVED(SCATTER, 0)
XI_MOVED(BROADCAST, 0)
XI_MOVED(RESHAPE, 0)
XI_MOVED(GATHER, 1)
XI_MOVED(PUT, 1)
XI_MOVED(MASKOUT, 1)
XI_MOVED(SLICE, 0)
XI_MOVED(SLICESET, 1)
XI_MOVED(CONCAT, 1)
XI_MOVED(DIAG, 0)
#undef XI_MOVED

/* the mask's nonzero elements, when every ball decides whether it is 0 */
int xiO_bt_NONZERO(xiO_bview *out, const xiO_bview *a, const xiO_bview *b, slong prec) {
  (void)b, (void)prec;
  mpfr_ptr ta = tags_new(a->n), to = tags_new(out->n);
  int rc = ta && to ? 0 : -1;
  for (uint32_t k = 0; rc == 0 && k < a->n; k++) {
    if (!arb_is_zero(&a->el[k]) && !arb_is_nonzero(&a->el[k]))
      rc = -1;
    else
      mpfr_set_ui(&ta[k], !arb_is_zero(&a->el[k]), MPFR_RNDN);
  }
  if (rc == 0)
    rc = run_tags(XI_NONZERO, to, out, ta, a, NULL, NULL);
  for (uint32_t k = 0; rc == 0 && k < out->n; k++)
    arb_set_ui(&out->el[k], mpfr_get_ui(&to[k], MPFR_RNDN));
  tags_free(ta, a->n);
  tags_free(to, out->n);
  return rc;
}

/* SCATTERADD(a, T) adds a's values where GATHER(·, T) would read: GATHER
   run on out's tags says, column by column, which element of out each goes
   to (mode 1: a's last row, at last writes only, the other columns 0) */
int xiO_bt_SCATTERADD(xiO_bview *out, const xiO_bview *a, const xiO_bview *b, slong prec) {
  int mode = out->p[0];
  uint32_t n = b->sh.cols, from = mode ? out->sh.rank * n : 0;
  int32_t p[XI_NPARAMS] = {mode, INT32_MAX, 0, 0, 0};
  xiO_bview g = {NULL, mode ? (xi_shape){2, out->sh.rank + 1u, n} : (xi_shape){1, 1, n},
                 (mode ? out->sh.rank + 1u : 1) * n, p};
  mpfr_ptr tt = tags_new(out->n), tb = tags_new(b->n), tg = tags_new(g.n);
  int rc = tt && tb && tg ? table_tags(tb, b, out->sh.rank, 0) : -1;
  for (uint32_t k = 0; rc == 0 && k < out->n; k++)
    mpfr_set_ui(&tt[k], k + 1, MPFR_RNDN);
  if (rc == 0)
    rc = run_tags(XI_GATHER, tg, &g, tt, out, tb, b);
  _arb_vec_zero(out->el, out->n);
  for (uint32_t q = 0; rc == 0 && q < n; q++) {
    long e = mpfr_get_si(&tg[from + q], MPFR_RNDN); /* 0: not a last write */
    if (e > 0)
      arb_add(&out->el[e - 1], &out->el[e - 1], &a->el[from + q], prec);
  }
  tags_free(tt, out->n);
  tags_free(tb, b->n);
  tags_free(tg, g.n);
  return rc;
}
