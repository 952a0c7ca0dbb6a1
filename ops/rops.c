/* rops.c: reductions along an axis (sum, mean, max, min, argmax, argmin, and
 * max's mask)
 * and rounding to decimal places, with NumPy's conventions.  A reduction's
 * p[0] is its axis (XI_ALL_AXES: every element) and p[1] keepdims (0 or 1),
 * both made canonical by the shape rule so that a node built again from its
 * own parameters is the same node. */
#include <math.h>
#include <stdlib.h>

#include "ops/fmt.h"
#include "ops/tops.h"

#define ALL_AXES XI_ALL_AXES

/* p[0] made 0, 1 (a matrix's axes) or ALL_AXES (a vector's one axis is all
   of it), negative axes counting from the end; p[1] made 0 or 1 */
static int canonical_axis(const xi_shape *a, int32_t *p, char *why, size_t n) {
  if (p[1] == INT32_MAX)
    p[1] = 0; /* not given */
  if (p[1] != 0 && p[1] != 1) {
    snprintf(why, n, "keepdims is 0 or 1, not %d", p[1]);
    return -1;
  }
  if (p[0] == ALL_AXES)
    return 0;
  int32_t axis = p[0] < 0 ? p[0] + a->rank : p[0];
  if (axis < 0 || axis >= a->rank) { /* a scalar has no axis: NumPy's AxisError */
    snprintf(why, n, "axis %d does not exist for a value of rank %d", p[0], a->rank);
    return -1;
  }
  p[0] = a->rank == 1 ? ALL_AXES : axis;
  return 0;
}

/* (r, c) reduced along axis 0 is (c,) or with keepdims (1, c); along axis 1
   (r,) or (r, 1); entirely a scalar, or (1, 1) for a matrix and (1,) for a
   vector.  The elements are in the same order either way. */
int xiO_sh_reduce(xi_shape *out, const xi_shape *a, const xi_shape *b, int32_t *p, char *why,
                  size_t n) {
  (void)b;
  if (canonical_axis(a, p, why, n))
    return -1;
  int keep = p[1];
  if (p[0] == ALL_AXES)
    *out = keep && a->rank ? (xi_shape){a->rank, 1, 1} : (xi_shape){0, 1, 1};
  else if (p[0] == 0)
    *out = (xi_shape){keep ? 2 : 1, 1, a->cols};
  else
    *out = keep ? (xi_shape){2, a->rows, 1} : (xi_shape){1, 1, a->rows};
  return 0;
}

/* MAXMASK: a's shape, p[0] the axis of the max it is the mask of */
int xiO_sh_mask(xi_shape *out, const xi_shape *a, const xi_shape *b, int32_t *p, char *why,
                size_t n) {
  (void)b;
  p[1] = 0;
  *out = *a;
  return canonical_axis(a, p, why, n);
}

/* slice k of a reduction along axis: len elements, step apart, from first */
typedef xiO_slice slice;

xiO_slice xiO_slice_of(int32_t axis, const xi_shape *a, uint32_t k) {
  uint32_t r = a->rank == 2 ? a->rows : 1, c = a->cols;
  if (axis == ALL_AXES)
    return (slice){0, r * c, 1};
  return axis == 0 ? (slice){k, r, c} : (slice){k * c, c, 1};
}

/* ---- a sum in a format, in NumPy 1.24's order ----
   At MPFR precision a sum is exact, rounded once.  In an IEEE format NumPy's
   float64 is not: add.reduce runs pairwise_sum (numpy/core/src/umath/
   loops_utils.h.src) over the reduced axis when that axis is the inner loop
   (a whole array, a row, a column of one), from +0, each addition rounded:
   under 8 terms in order; up to 128, eight running sums combined as
   ((r0+r1)+(r2+r3))+((r4+r5)+(r6+r7)), then the rest in order; more, split in
   two at a multiple of 8 below the half.  Along axis 0 of a matrix of more
   than one column the inner loop runs over the columns, so each column is
   added in order.  binary16 and bfloat16 add in binary32 and round at the end
   (pairwise_sum_HALF), and their mean is computed in binary32 (np.mean's
   float16 rule).  Past 8192 terms (the reduction's buffer) each block of 8192 is
   summed pairwise and added in order to the running sum (np.sum of 20 000
   randn).  tests/paste/numpy_sums.py holds NumPy's answers. */
static void acc_add(mpfr_ptr s, mpfr_srcptr x, int acc) {
  xiO_fmt_round_to(s, mpfr_add(s, s, x, MPFR_RNDN), acc);
}

static void pairwise(mpfr_ptr res, mpfr_ptr const *terms, uint32_t n, int acc, mpfr_ptr r) {
  if (n < 8) {
    mpfr_set_zero(res, 1);
    for (uint32_t i = 0; i < n; i++)
      acc_add(res, terms[i], acc);
  } else if (n <= 128) {
    for (int j = 0; j < 8; j++)
      mpfr_set(&r[j], terms[j], MPFR_RNDN);
    uint32_t i = 8;
    for (; i < n - n % 8; i += 8)
      for (int j = 0; j < 8; j++)
        acc_add(&r[j], terms[i + j], acc);
    for (int j = 0; j < 8; j += 2)
      acc_add(&r[j], &r[j + 1], acc);
    acc_add(&r[0], &r[2], acc);
    acc_add(&r[4], &r[6], acc);
    acc_add(&r[0], &r[4], acc);
    mpfr_set(res, &r[0], MPFR_RNDN);
    for (; i < n; i++)
      acc_add(res, terms[i], acc);
  } else {
    uint32_t n2 = n / 2;
    n2 -= n2 % 8;
    mpfr_t right;
    mpfr_init2(right, mpfr_get_prec(res));
    pairwise(res, terms, n2, acc, r);
    pairwise(right, terms + n2, n - n2, acc, r);
    acc_add(res, right, acc);
    mpfr_clear(right);
  }
}

/* out = the sum (or mean) of len terms as NumPy computes it in the format in
   effect; in_order: added in order (axis 0 of a matrix of several columns) */
void xiO_numpy_sum(mpfr_ptr out, mpfr_ptr const *terms, uint32_t len, int in_order, int mean) {
  int f = xiO_fmt, half = f == XI_FMT_BINARY16 || f == XI_FMT_BFLOAT16;
  int acc = half && (mean || !in_order) ? XI_FMT_BINARY32 : f;
  mpfr_t s, r[8];
  mpfr_init2(s, xiO_formats[acc].prec);
  for (int j = 0; j < 8; j++)
    mpfr_init2(r[j], xiO_formats[acc].prec);
  if (in_order) {
    mpfr_set_zero(s, 1);
    for (uint32_t i = 0; i < len; i++)
      acc_add(s, terms[i], acc);
  } else if (len <= 8192) {
    pairwise(s, terms, len, acc, r[0]);
  } else { /* the reduction's buffers of 8192: out += the pairwise sum of each, in
              order (half: out is a half again after each, HALF_add's reduce loop) */
    mpfr_t block;
    mpfr_init2(block, xiO_formats[acc].prec);
    mpfr_set_zero(s, 1);
    for (uint32_t i = 0; i < len; i += 8192) {
      pairwise(block, terms + i, len - i < 8192 ? len - i : 8192, acc, r[0]);
      acc_add(s, block, acc);
      if (acc != f && !mean)
        xiO_fmt_round_to(s, 0, f);
    }
    mpfr_clear(block);
  }
  if (mean)
    xiO_fmt_round_to(s, mpfr_div_ui(s, s, len, MPFR_RNDN), acc);
  xiO_fmt_round_to(out, mpfr_set(out, s, MPFR_RNDN), f);
  for (int j = 0; j < 8; j++)
    mpfr_clear(r[j]);
  mpfr_clear(s);
}

static int reduce(xiO_view *out, const xiO_view *a, int mean) {
  uint32_t len = xiO_slice_of(out->p[0], &a->sh, 0).len;
  mpfr_ptr *terms = malloc((len ? len : 1) * sizeof *terms);
  if (!terms)
    return XI_RULE_STOPPED;
  for (uint32_t k = 0; k < out->n; k++) {
    if (xiO_stopped()) {
      free(terms);
      return XI_RULE_STOPPED;
    }
    slice s = xiO_slice_of(out->p[0], &a->sh, k);
    for (uint32_t t = 0; t < len; t++)
      terms[t] = &a->el[s.first + t * s.step];
    if (xiO_fmt != XI_FMT_MPFR) {
      xiO_numpy_sum(&out->el[k], terms, len, out->p[0] == 0 && a->sh.cols > 1, mean);
      continue;
    }
    mpfr_sum(&out->el[k], terms, len, MPFR_RNDN); /* one rounding per output element */
    if (mean)
      mpfr_div_ui(&out->el[k], &out->el[k], len, MPFR_RNDN);
  }
  free(terms);
  return 0;
}

int xiO_tf_sum(xiO_view *out, const xiO_view *a, const xiO_view *b, mpfr_ptr tmp) {
  (void)b, (void)tmp;
  return reduce(out, a, 0);
}
int xiO_tf_mean(xiO_view *out, const xiO_view *a, const xiO_view *b, mpfr_ptr tmp) {
  (void)b, (void)tmp;
  return reduce(out, a, 1);
}

/* Does CPython's math.fsum overflow on the way (OverflowError: intermediate overflow in
   fsum)?  Its loop (Shewchuk's partials, in doubles) run on a's binary64 elements; a
   non-finite element starts the partials afresh, as CPython's special sums do */
static int fsum_overflows(const xiO_view *a) {
  double part[96];
  int n = 0;
  for (uint32_t k = 0; k < a->n; k++) {
    double x = mpfr_get_d(&a->el[k], MPFR_RNDN), xsave = x;
    if (!isfinite(x)) {
      n = 0;
      continue;
    }
    int i = 0;
    for (int j = 0; j < n; j++) {
      double y = part[j];
      if (fabs(x) < fabs(y)) {
        double t = x;
        x = y, y = t;
      }
      double hi = x + y, yr = hi - x, lo = y - yr;
      if (lo != 0.0)
        part[i++] = lo;
      x = hi;
    }
    n = i;
    if (x != 0.0) {
      if (!isfinite(x))
        return isfinite(xsave);
      if (n < 96) /* (at most 40 or so: the partials do not overlap) */
        part[n++] = x;
    }
  }
  return 0;
}

/* math.fsum: the exact sum rounded once, to the format's precision in a format (CPython's
   fsum is correctly rounded: its last step rounds half to even with the partials below);
   in binary64 +inf where CPython's own loop overflows, which the tape makes Python's
   OverflowError */
int xiO_tf_fsum(xiO_view *out, const xiO_view *a, const xiO_view *b, mpfr_ptr tmp) {
  (void)b, (void)tmp;
  mpfr_ptr *t = malloc((a->n ? a->n : 1) * sizeof *t);
  if (!t)
    return 1;
  for (uint32_t k = 0; k < a->n; k++)
    t[k] = &a->el[k];
  mpfr_t s;
  mpfr_init2(s, xiO_fmt ? xiO_formats[xiO_fmt].prec : mpfr_get_prec(out->el));
  int inex = mpfr_sum(s, t, a->n, MPFR_RNDN);
  free(t);
  if (xiO_fmt)
    xiO_fmt_round(s, inex);
  if (xiO_fmt == XI_FMT_BINARY64 && mpfr_number_p(s) && fsum_overflows(a))
    mpfr_set_inf(s, 1);
  mpfr_set(out->el, s, MPFR_RNDN);
  mpfr_clear(s);
  return 0;
}

/* which output element element (i, j) of the input went into */
static uint32_t reduce_slot(int32_t axis, uint32_t i, uint32_t j) {
  return axis == ALL_AXES ? 0 : axis == 0 ? j : i;
}

static int reduce_back(xiO_view *da, const xiO_view *g, const xiO_view *out,
                       const xiO_view *a, int mean, mpfr_ptr tmp) {
  int32_t axis = out->p[0];
  uint32_t r = a->sh.rank == 2 ? a->sh.rows : 1, c = a->sh.cols;
  uint32_t len = xiO_slice_of(axis, &a->sh, 0).len;
  for (uint32_t i = 0; i < r; i++)
    for (uint32_t j = 0; j < c; j++) {
      if (xiO_stopped())
        return XI_RULE_STOPPED;
      mpfr_srcptr gk = &g->el[reduce_slot(axis, i, j)];
      if (mean) {
        mpfr_div_ui(tmp, gk, len, MPFR_RNDN);
        gk = tmp;
      }
      mpfr_add(&da->el[i * c + j], &da->el[i * c + j], gk, MPFR_RNDN);
    }
  return 0;
}

int xiO_tv_sum(int k, xiO_view *da, const xiO_view *g, const xiO_view *out, const xiO_view *a,
               const xiO_view *b, mpfr_ptr tmp) {
  (void)k, (void)b;
  return reduce_back(da, g, out, a, 0, tmp);
}
int xiO_tv_mean(int k, xiO_view *da, const xiO_view *g, const xiO_view *out, const xiO_view *a,
                const xiO_view *b, mpfr_ptr tmp) {
  (void)k, (void)b;
  return reduce_back(da, g, out, a, 1, tmp);
}

/* ---- max, argmax and max's mask: the FIRST largest of each slice, as
   NumPy's argmax, so that the derivative goes to one element ---- */

/* the element of a where slice k's first largest (least: -1 for min) is, or
   its first nan, which NumPy's max and argmax take as the extreme (a nan
   compares false with everything, so a plain comparison would skip it);
   UINT32_MAX when stopped */
static uint32_t first_extreme(const xiO_view *a, int32_t axis, uint32_t k, int least) {
  slice s = xiO_slice_of(axis, &a->sh, k);
  uint32_t best = s.first;
  for (uint32_t t = 1, e = s.first + s.step; t < s.len && !mpfr_nan_p(&a->el[best]);
       t++, e += s.step) {
    if ((t & 4095) == 0 && xiO_stopped()) /* a slice may be the whole of a big tensor */
      return UINT32_MAX;
    if (mpfr_nan_p(&a->el[e]) ||
        (least ? mpfr_less_p(&a->el[e], &a->el[best]) : mpfr_greater_p(&a->el[e], &a->el[best])))
      best = e;
  }
  return best;
}

/* what of slice k a max rule keeps: its value, its index or its mask */
enum { KEEP_VALUE, KEEP_INDEX, KEEP_MASK };

static int max_rule(xiO_view *out, const xiO_view *a, int keep, int least) {
  int32_t axis = out->p[0];
  uint32_t slices = axis == ALL_AXES ? 1 : axis == 0 ? a->sh.cols : a->sh.rows;
  if (keep == KEEP_MASK)
    for (uint32_t e = 0; e < out->n; e++)
      mpfr_set_zero(&out->el[e], 1);
  for (uint32_t k = 0; k < slices; k++) {
    uint32_t m = xiO_stopped() ? UINT32_MAX : first_extreme(a, axis, k, least);
    if (m == UINT32_MAX)
      return XI_RULE_STOPPED;
    slice s = xiO_slice_of(axis, &a->sh, k);
    if (keep == KEEP_VALUE)
      mpfr_set(&out->el[k], &a->el[m], MPFR_RNDN);
    else if (keep == KEEP_INDEX) /* the position within the slice (flattened: all of it) */
      mpfr_set_ui(&out->el[k], (m - s.first) / s.step, MPFR_RNDN);
    else
      mpfr_set_ui(&out->el[m], 1, MPFR_RNDN);
  }
  return 0;
}

int xiO_tf_max(xiO_view *out, const xiO_view *a, const xiO_view *b, mpfr_ptr tmp) {
  (void)b, (void)tmp;
  return max_rule(out, a, KEEP_VALUE, 0);
}

int xiO_tf_min(xiO_view *out, const xiO_view *a, const xiO_view *b, mpfr_ptr tmp) {
  (void)b, (void)tmp;
  return max_rule(out, a, KEEP_VALUE, 1);
}

int xiO_tf_argmax(xiO_view *out, const xiO_view *a, const xiO_view *b, mpfr_ptr tmp) {
  (void)b, (void)tmp;
  return max_rule(out, a, KEEP_INDEX, 0);
}

int xiO_tf_argmin(xiO_view *out, const xiO_view *a, const xiO_view *b, mpfr_ptr tmp) {
  (void)b, (void)tmp;
  return max_rule(out, a, KEEP_INDEX, 1);
}

/* 1 at the first largest element of each slice: where max sends its derivative */
int xiO_tf_maxmask(xiO_view *out, const xiO_view *a, const xiO_view *b, mpfr_ptr tmp) {
  (void)b, (void)tmp;
  return max_rule(out, a, KEEP_MASK, 0);
}

static int extreme_back(xiO_view *da, const xiO_view *g, const xiO_view *out,
                        const xiO_view *a, int least) {
  for (uint32_t q = 0; q < out->n; q++) {
    uint32_t m = xiO_stopped() ? UINT32_MAX : first_extreme(a, out->p[0], q, least);
    if (m == UINT32_MAX)
      return XI_RULE_STOPPED;
    mpfr_add(&da->el[m], &da->el[m], &g->el[q], MPFR_RNDN);
  }
  return 0;
}

int xiO_tv_max(int k, xiO_view *da, const xiO_view *g, const xiO_view *out, const xiO_view *a,
           const xiO_view *b, mpfr_ptr tmp) {
  (void)k, (void)b, (void)tmp;
  return extreme_back(da, g, out, a, 0);
}

int xiO_tv_min(int k, xiO_view *da, const xiO_view *g, const xiO_view *out, const xiO_view *a,
           const xiO_view *b, mpfr_ptr tmp) {
  (void)k, (void)b, (void)tmp;
  return extreme_back(da, g, out, a, 1);
}

/* ---- round(x, decimals): NumPy's np.round of the exact value ---- */

/* 5^100000 has 232 193 bits: the exact work for one element stays small */
#define ROUND_DECIMALS 100000

int xiO_sh_round(xi_shape *out, const xi_shape *a, const xi_shape *b, int32_t *p, char *why,
                 size_t n) {
  (void)b;
  if (p[0] < -ROUND_DECIMALS || p[0] > ROUND_DECIMALS) {
    snprintf(why, n, "round takes decimals from %d to %d, not %d", -ROUND_DECIMALS,
             ROUND_DECIMALS, p[0]);
    return -1;
  }
  p[1] = p[1] == XI_ROUND_NUMPY ? XI_ROUND_NUMPY : INT32_MAX;
  *out = *a;
  return 0;
}

/* q = num/den rounded to the nearest integer, ties to even (den > 0) */
static void div_half_even(mpz_t q, const mpz_t num, const mpz_t den, mpz_t r) {
  mpz_fdiv_qr(q, r, num, den); /* floor, and 0 <= r < den */
  mpz_mul_2exp(r, r, 1);
  int c = mpz_cmp(r, den);
  if (c > 0 || (c == 0 && mpz_odd_p(q)))
    mpz_add_ui(q, q, 1);
}

/* y = x rounded to d decimal places, five = 5^|d|.  x = m·2^E exactly, so
   x·10^d is a ratio of integers: the integer N nearest it (ties to even) is
   found exactly with GMP, and N·10^-d rounded once to y's precision.  A zero
   result has x's sign (np.round(-0.4) is -0.0). */
static void round_one(mpfr_ptr y, mpfr_srcptr x, int32_t d, const mpz_t five, mpz_t m,
                      mpz_t num, mpz_t den, mpz_t r) {
  int neg = mpfr_signbit(x);
  long k = d < 0 ? -(long)d : d, ex = mpfr_get_exp(x); /* 2^(ex-1) <= |x| < 2^ex */
  double digits = (double)k * 3.3219280948873623;       /* k·log2(10) */
  /* |x·10^d| < 1/2 for sure (one bit of margin): the nearest integer is 0 */
  if (!mpfr_number_p(x)) { /* inf and nan stay as they are, as NumPy's */
    mpfr_set(y, x, MPFR_RNDN);
    return;
  }
  if (mpfr_zero_p(x) || (d >= 0 ? ex + (long)ceil(digits) + 1 <= -1
                                : ex + 2 <= (long)floor(digits) - 1)) {
    mpfr_set_zero(y, neg ? -1 : 1);
    return;
  }
  mpfr_exp_t e = mpfr_get_z_2exp(m, x); /* x = m·2^e */
  if (d >= 0) {
    if (e + d >= 0) { /* x·10^d is already an integer: x has no digits to drop */
      mpfr_set(y, x, MPFR_RNDN);
      return;
    }
    mpz_mul(num, m, five); /* x·10^d = m·5^d / 2^-(e+d) */
    mpz_set_ui(den, 0);
    mpz_setbit(den, (mp_bitcnt_t)(-(e + d)));
    div_half_even(m, num, den, r);
    if (mpz_sgn(m) == 0) {
      mpfr_set_zero(y, neg ? -1 : 1);
      return;
    }
    mpfr_t nf; /* N exactly, then N/5^d/2^d with the one rounding in the division */
    size_t bits = mpz_sizeinbase(m, 2);
    mpfr_init2(nf, bits < MPFR_PREC_MIN ? MPFR_PREC_MIN : (mpfr_prec_t)bits);
    mpfr_set_z(nf, m, MPFR_RNDN);
    mpfr_div_z(y, nf, five, MPFR_RNDN);
    mpfr_div_2ui(y, y, (unsigned long)d, MPFR_RNDN); /* exact: a power of two */
    mpfr_clear(nf);
    return;
  }
  if (e >= k) {
    /* x = 2^k·Y with Y = m·2^(e-k) an integer, perhaps a huge one: N·10^k =
       2^k·(Y - Y mod 5^k [+ 5^k]), so the result is x + δ·2^k with δ small,
       and Y mod 5^k comes from m mod 5^k and 2^(e-k) mod 5^k.  No ties: 5^k
       is odd. */
    mpz_set_ui(den, 2);
    mpz_powm_ui(den, den, (unsigned long)(e - k), five);
    mpz_mul(r, m, den);
    mpz_fdiv_r(r, r, five); /* Y mod 5^k, in [0, 5^k) */
    mpz_mul_2exp(num, r, 1);
    if (mpz_cmp(num, five) > 0)
      mpz_sub(r, five, r); /* round up: δ = 5^k - r */
    else
      mpz_neg(r, r); /* round down: δ = -r */
    size_t bits = mpz_sizeinbase(r, 2);
    mpfr_t delta;
    mpfr_init2(delta, bits < MPFR_PREC_MIN ? MPFR_PREC_MIN : (mpfr_prec_t)bits);
    mpfr_set_z(delta, r, MPFR_RNDN);
    mpfr_mul_2ui(delta, delta, (unsigned long)k, MPFR_RNDN);
    mpfr_add(y, x, delta, MPFR_RNDN); /* x + δ·2^k exactly, rounded once */
    mpfr_clear(delta);
  } else {
    mpz_mul_2exp(den, five, (mp_bitcnt_t)(k - e)); /* x/10^k = m / (5^k·2^(k-e)) */
    div_half_even(num, m, den, r);
    mpz_mul(num, num, five);
    mpfr_set_z(y, num, MPFR_RNDN); /* N·5^k rounded once, then ·2^k exactly */
    mpfr_mul_2ui(y, y, (unsigned long)k, MPFR_RNDN);
  }
  if (mpfr_zero_p(y))
    mpfr_set_zero(y, neg ? -1 : 1);
}

/* NumPy's power_of_ten(n) in double: 1e0 … 1e8 from a table, past them 1e9
   times 10, n - 9 times, each product rounded (so 1e23 is not the double
   nearest 10^23) */
static void np_power_of_ten(mpfr_ptr f, long n) {
  mpfr_set_ui(f, 1, MPFR_RNDN);
  for (long k = 0; k < n && k < 9; k++)
    mpfr_mul_ui(f, f, 10, MPFR_RNDN); /* exact: 10^8 < 2^53 */
  for (long k = 9; k < n && !mpfr_inf_p(f); k++)
    xiO_fmt_round_to(f, mpfr_mul_ui(f, f, 10, MPFR_RNDN), XI_FMT_BINARY64);
}

/* y = NumPy's np.round(x, d) in the format in effect (PyArray_Round):
   rint(x·f)/f for d >= 0, rint(x/f)·f for d < 0, f = 10^|d| as above, each
   operation rounded, rint's ties to even: np.round(2.675, 2) is 2.68 where
   the exact value 2.67499999… rounds to 2.67 */
static void round_numpy(mpfr_ptr y, mpfr_srcptr x, int32_t d, mpfr_srcptr f) {
  xiO_fmt_round(y, d >= 0 ? mpfr_mul(y, x, f, MPFR_RNDN) : mpfr_div(y, x, f, MPFR_RNDN));
  xiO_fmt_round(y, mpfr_rint(y, y, MPFR_RNDN));
  xiO_fmt_round(y, d >= 0 ? mpfr_div(y, y, f, MPFR_RNDN) : mpfr_mul(y, y, f, MPFR_RNDN));
}

int xiO_round_differs(mpfr_srcptr x, int32_t d) {
  if (!xiO_fmt || d == 0 || !mpfr_number_p(x))
    return 0; /* (d = 0: x·1 and x/1 are exact, one rint each) */
  mpfr_t f, y, z;
  mpfr_inits2(mpfr_get_prec(x), y, z, (mpfr_ptr)0);
  mpfr_init2(f, 53);
  np_power_of_ten(f, d < 0 ? -(long)d : d);
  round_numpy(y, x, d, f);
  mpz_t five, m, num, den, r;
  mpz_inits(five, m, num, den, r, (mpz_ptr)0);
  mpz_ui_pow_ui(five, 5, (unsigned long)(d < 0 ? -(long)d : d));
  round_one(z, x, d, five, m, num, den, r);
  int differs = !mpfr_equal_p(y, z) || mpfr_signbit(y) != mpfr_signbit(z);
  mpz_clears(five, m, num, den, r, (mpz_ptr)0);
  mpfr_clears(f, y, z, (mpfr_ptr)0);
  return differs;
}

/* NumPy's way in a format, when the node asks for it (p[1]); else exactly */
static int tf_round_numpy(xiO_view *out, const xiO_view *a) {
  int32_t d = out->p[0];
  mpfr_t f;
  mpfr_init2(f, 53);
  np_power_of_ten(f, d < 0 ? -(long)d : d);
  int rc = 0;
  for (uint32_t q = 0; q < out->n && rc == 0; q++) {
    if (xiO_stopped())
      rc = XI_RULE_STOPPED;
    else
      round_numpy(&out->el[q], &a->el[q], d, f);
  }
  mpfr_clear(f);
  return rc;
}

int xiO_tf_round(xiO_view *out, const xiO_view *a, const xiO_view *b, mpfr_ptr tmp) {
  (void)b, (void)tmp;
  if (xiO_fmt && out->p[1] == XI_ROUND_NUMPY)
    return tf_round_numpy(out, a);
  int32_t d = out->p[0];
  mpz_t five, m, num, den, r;
  mpz_inits(five, m, num, den, r, (mpz_ptr)0);
  mpz_ui_pow_ui(five, 5, (unsigned long)(d < 0 ? -(long)d : d));
  int rc = 0;
  for (uint32_t q = 0; q < out->n && rc == 0; q++) {
    if (xiO_stopped())
      rc = XI_RULE_STOPPED;
    else
      round_one(&out->el[q], &a->el[q], d, five, m, num, den, r);
  }
  mpz_clears(five, m, num, den, r, (mpz_ptr)0);
  return rc;
}
