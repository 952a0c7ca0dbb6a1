/* btmid.c: tensor ball rules that reuse the numbers MPFR computed (btops.h).
 *
 * bmid.c's argument for whole tensors: a node's numbers v are its op on its
 * operands' numbers rounded once to nearest (a product's element is one
 * mpfr_sum of exact products, tops.c's dot; a sum's one mpfr_sum; an
 * elementwise op's element the scalar op), so a ball around v holds the
 * exact value when its radius covers the half ulp of v and how far the op
 * can move over the operands' balls:
 *   a product  Σ_t |P|·rQ + rP·(|Q| + rQ)      a sum  Σ r
 *   + −        ra + rb                          ×      |a|·rb + |b|·ra + ra·rb
 *   relu, |a|, −a, a copy: ra (exact ops).
 * The radii are doubles, r·2^-s for a scale s (the balls' precision: a
 * radius near half an ulp of a number near 1 is then near 1), each an upper
 * bound.  Doubles because a 784×256 product's radii are 6.4 million
 * multiply-adds: a few instructions each, against Arb's dot product at full
 * precision, which costs as much as MPFR's own.  Rigour in round-to-nearest
 * arithmetic (no rounding mode is set: valgrind does not emulate one): every
 * quantity is a sum of nonnegative terms, so each rounding loses at most a
 * relative 2^-53 (or, for a product below 2^-1022, an absolute 2^-1075), and
 * the result is inflated by a bound of what n such roundings can lose.  No
 * product underflows: numbers are within 2^±450 (else no rule: Arb's is used,
 * as for every op not here), nonzero radii at least 2^-480 (a smaller one is
 * raised to it: still an upper bound; |Q| + rQ at least 2^-400), so a product
 * of nonzero factors is at least 2^-1000, in a double's normal range. */
#include <limits.h>
#include <math.h>
#include <stdlib.h>

#include "ops/bops.h"

#define RANGE 450 /* the numbers' exponents this takes */
#define FLOOR 0x1p-480 /* the least nonzero radius kept */

double xiO_rad_abs(mpfr_srcptr x, slong s) {
  if (mpfr_zero_p(x))
    return 0;
  if (!mpfr_number_p(x))
    return INFINITY;
  slong e = (slong)mpfr_get_exp(x) + s; /* |x|·2^s < 2^e */
  if (e > RANGE || e < -RANGE)
    return INFINITY;
  /* the top 53 bits of the significand, plus one unit: an upper bound, exact as a double */
  mp_size_t top = (mpfr_get_prec(x) - 1) / GMP_NUMB_BITS;
  mp_limb_t m = x->_mpfr_d[top] >> (GMP_NUMB_BITS - 53);
  return ldexp((double)(m + 1), (int)(e - 53));
}

/* a nonzero radius below FLOOR raised to it */
static double floored(double r) { return r != 0 && r < FLOOR ? FLOOR : r; }

double xiO_rad_of_mag(const mag_t m, slong s) {
  if (mag_is_zero(m))
    return 0;
  if (mag_is_inf(m) || !fmpz_fits_si(MAG_EXPREF(m)))
    return mag_is_inf(m) || fmpz_sgn(MAG_EXPREF(m)) > 0 ? INFINITY : FLOOR;
  slong e = fmpz_get_si(MAG_EXPREF(m)); /* m < 2^e */
  if (e + s > RANGE)
    return INFINITY;
  if (e + s < -480)
    return FLOOR;
  return ldexp((double)MAG_MAN(m), (int)(e + s - MAG_BITS)); /* exact */
}

void xiO_rad_to_mag(mag_t m, double r, slong s) {
  mag_set_d(m, r); /* (an upper bound for r) */
  mag_mul_2exp_si(m, m, -s);
}

/* half an ulp of v, times 2^s (0 when v is 0); INFINITY out of range (a
   radius raised to FLOOR would be wide against a v that small: Arb does it) */
static double half_ulp(mpfr_srcptr v, slong s) {
  if (!mpfr_number_p(v))
    return INFINITY;
  if (mpfr_zero_p(v))
    return 0;
  slong e = (slong)mpfr_get_exp(v) - (slong)mpfr_get_prec(v) - 1 + s;
  return e > RANGE || e < -RANGE ? INFINITY : ldexp(1, (int)e); /* (v out of range: no rule) */
}

/* x, computed from upper bounds by at most a few dozen roundings to nearest
   of nonnegative sums and products (none underflowing), made an upper bound
   of the exact result: (1 - 2^-53)^40·(1 + 2^-44) > 1.  0 stays 0: it was
   a sum of zeros, each a product with a zero factor. */
static double bump(double x) { return x * (1 + 0x1p-44); }

/* the same for a sum of n terms each a rounded product (or fused
   multiply-add) of upper bounds, added in any order: each term goes through
   at most n + 1 roundings, and (1 - u)^(n + 3)·(1 + (4n + 64)u) > 1 for
   u = 2^-53 and n < 2^40 */
static double inflate(double x, uint32_t n) { return x * (1 + (4.0 * n + 64) * 0x1p-53); }

/* r·2^-s from above, floored (an ldexp into the subnormals rounds) */
static double unscale(double r, slong s) {
  if (r == 0)
    return 0;
  double t = s > 2000 ? 0 : ldexp(r, (int)-s); /* (past 2000, r·2^-s < 2^-976) */
  return t < 0x1p-900 ? 0x1p-899 : t;           /* (exact above 2^-900) */
}

/* ---- products ---- */

/* a's numbers as upper bounds of |a|, densely (row by row): 0, or -1 when
   one is out of range (its products with the other's might not have been
   exact; d NULL: only that is checked) */
static int abs_of(double *d, const xiO_rmat *a, uint32_t rows, uint32_t cols) {
  for (uint32_t i = 0; i < rows; i++)
    for (uint32_t t = 0; t < cols; t++) {
      mpfr_srcptr x = &a->el[i * a->s0 + t * a->s1];
      if (!d && mpfr_regular_p(x) && labs((long)mpfr_get_exp(x)) < RANGE)
        continue;
      double y = xiO_rad_abs(x, 0);
      if (!isfinite(y))
        return -1;
      if (d)
        d[i * cols + t] = y;
    }
  return 0;
}

/* a's radii, densely (row by row) */
static int rad_of(double *d, const xiO_rmat *a, uint32_t rows, uint32_t cols) {
  for (uint32_t i = 0; i < rows; i++)
    for (uint32_t t = 0; t < cols; t++) {
      double x = a->r[i * a->s0 + t * a->s1];
      if (!isfinite(x))
        return -1;
      d[i * cols + t] = floored(x);
    }
  return 0;
}

/* R (M×N) += |P|·rQ + rP·Qw, P M×T, Q T×N, row by row so that the inner loop
   runs along a row of R and of Q (vectorised); terms that are 0 skipped */
static void kernel(double *R, const double *P, const double *rP, const double *rQ,
                   const double *Qw, uint32_t M, uint32_t T, uint32_t N) {
  for (uint32_t p = 0; p < M; p++) {
    double *row = &R[(size_t)p * N];
    for (uint32_t q = 0; q < N; q++)
      row[q] = 0;
    for (uint32_t t = 0; t < T; t++) {
      double x = P[(size_t)p * T + t], y = rP ? rP[(size_t)p * T + t] : 0;
      const double *rq = rQ ? &rQ[(size_t)t * N] : NULL, *qw = rP ? &Qw[(size_t)t * N] : NULL;
      if (rq && x != 0)
        for (uint32_t q = 0; q < N; q++)
          row[q] += x * rq[q];
      if (qw && y != 0)
        for (uint32_t q = 0; q < N; q++)
          row[q] += y * qw[q];
    }
  }
}

/* the bits of x: x is a whole multiple of 2^lo below 2^hi in magnitude */
static void bits(mpfr_srcptr x, slong *hi, slong *lo) {
  *hi = (slong)mpfr_get_exp(x);
  *lo = *hi - (slong)mpfr_min_prec(x);
}

/* exact operands: exact[p·N + q] is 1 where the exact sum fits in v's
   precision, so that v is it: every product is a multiple of 2^(lo of its
   row of P + lo of its column of Q), and the sum of T below
   2^(hi + hi + ceil(log2 T)); a sum that is k·2^L below 2^H has at most
   H - L bits.  (A sufficient test: Arb's balls, which it replaces here, say
   "exact" where no rounding happened, and xi prints an exact value as such.) */
static int exact_sums(uint8_t *exact, mpfr_srcptr v, const xiO_rmat *P, const xiO_rmat *Q,
                      uint32_t M, uint32_t T, uint32_t N) {
  slong *h = malloc(2 * ((size_t)M + N + 1) * sizeof *h), *l = h ? h + M + N + 1 : NULL;
  if (!h)
    return -1;
  for (uint32_t p = 0; p < M + N; p++) { /* rows of P, then columns of Q */
    h[p] = WORD_MIN, l[p] = WORD_MAX;
    for (uint32_t t = 0; t < T; t++) {
      mpfr_srcptr x = p < M ? &P->el[p * P->s0 + t * P->s1] : &Q->el[t * Q->s0 + (p - M) * Q->s1];
      slong a, b;
      if (!mpfr_regular_p(x))
        continue;
      bits(x, &a, &b);
      h[p] = a > h[p] ? a : h[p];
      l[p] = b < l[p] ? b : l[p];
    }
  }
  slong lg = 0;
  while (((uint64_t)1 << lg) < T)
    lg++;
  for (uint32_t p = 0; p < M; p++)
    for (uint32_t q = 0; q < N; q++) {
      uint32_t k = p * N + q;
      exact[k] = h[p] == WORD_MIN || h[M + q] == WORD_MIN || /* all 0 */
                 h[p] + h[M + q] + lg - (l[p] + l[M + q]) <= (slong)mpfr_get_prec(&v[k]);
    }
  free(h);
  return 0;
}

int xiO_rad_product(double *out, mpfr_srcptr v, const xiO_rmat *P, const xiO_rmat *Q,
                    uint32_t M, uint32_t T, uint32_t N, slong s) {
  size_t mt = (size_t)M * T, tn = (size_t)T * N;
  double *Pa = malloc((mt ? mt : 1) * sizeof *Pa);
  double *rP = P->r ? malloc((mt ? mt : 1) * sizeof *rP) : NULL;
  double *rQ = Q->r ? malloc((tn ? tn : 1) * sizeof *rQ) : NULL;
  double *Qw = P->r ? malloc((tn ? tn : 1) * sizeof *Qw) : NULL;
  int rc = Pa && (!P->r || (rP && Qw)) && (!Q->r || rQ) ? 0 : -1;
  if (rc == 0)
    rc = abs_of(Pa, P, M, T);
  if (rc == 0 && !P->r)
    rc = abs_of(NULL, Q, T, N);
  if (rc == 0 && P->r)
    rc = rad_of(rP, P, M, T);
  if (rc == 0 && Q->r)
    rc = rad_of(rQ, Q, T, N);
  if (rc == 0 && P->r) { /* Qw = |Q| + rQ, in absolute terms (rQ·2^-s) */
    rc = abs_of(Qw, Q, T, N);
    for (size_t k = 0; rc == 0 && Q->r && k < tn; k++)
      Qw[k] = Qw[k] == 0 && rQ[k] == 0 ? 0 : fmax(bump(Qw[k] + unscale(rQ[k], s)), 0x1p-400);
  }
  if (rc == 0 && (P->r || Q->r))
    kernel(out, Pa, rP, rQ, Qw, M, T, N);
  uint8_t *exact = P->r || Q->r ? NULL : malloc((size_t)M * N + 1);
  if (rc == 0 && !P->r && !Q->r)
    rc = exact ? exact_sums(exact, v, P, Q, M, T, N) : -1;
  uint32_t terms = T * (P->r && Q->r ? 2 : 1);
  for (size_t k = 0; rc == 0 && k < (size_t)M * N; k++) {
    double r = P->r || Q->r ? inflate(out[k], terms) : 0;
    out[k] = exact && exact[k] && mpfr_number_p(&v[k]) ? 0 : bump(r + half_ulp(&v[k], s));
    if (!isfinite(out[k]))
      rc = -1;
  }
  free(exact);
  free(Pa);
  free(rP);
  free(rQ);
  free(Qw);
  return rc;
}

/* ---- sums ---- */

int xiO_rad_sum(double *out, mpfr_srcptr v, const xiO_rview *a, int32_t axis, uint32_t nout,
                slong s) {
  for (uint32_t k = 0; k < nout; k++) {
    xiO_slice sl = xiO_slice_of(axis, &a->sh, k);
    double r = 0;
    for (uint32_t t = 0; a->r && t < sl.len; t++)
      r += floored(a->r[sl.first + t * sl.step]);
    r = inflate(r, sl.len) + half_ulp(&v[k], s);
    out[k] = bump(r);
    if (!isfinite(out[k]))
      return -1;
  }
  return 0;
}

/* ---- elementwise, broadcast ---- */

/* |x|·2^s from below (0 out of range) */
static double abs_lower(mpfr_srcptr x, slong s) {
  if (!mpfr_regular_p(x))
    return 0;
  slong e = (slong)mpfr_get_exp(x) + s;
  if (e > RANGE || e < -RANGE)
    return 0;
  mp_size_t top = (mpfr_get_prec(x) - 1) / GMP_NUMB_BITS;
  return ldexp((double)(x->_mpfr_d[top] >> (GMP_NUMB_BITS - 53)), (int)(e - 53));
}

/* one element by the scalar rule of bmid.c, radii as mags */
static int by_mag(int op, double *out, mpfr_srcptr v, mpfr_srcptr a, double ra, mpfr_srcptr b,
                  double rb, slong s) {
  mag_t r, ma, mb;
  mag_init(r);
  mag_init(ma);
  mag_init(mb);
  xiO_rad_to_mag(ma, ra, s);
  xiO_rad_to_mag(mb, rb, s);
  int rc = xiO_ball_mid(op, r, v, 0, a, ma, b, mb);
  if (rc == 0)
    *out = xiO_rad_of_mag(r, s);
  mag_clear(r);
  mag_clear(ma);
  mag_clear(mb);
  return rc;
}

/* one element: 0, or -1 (no rule here, or out of range) */
static int element(int op, double *out, mpfr_srcptr v, mpfr_srcptr a, double ra, mpfr_srcptr b,
                   double rb, slong s) {
  switch (op) {
  case XI_RELU: /* 0, exactly, where a's ball lies below 0 */
    if (mpfr_get_prec(v) < mpfr_get_prec(a))
      return -1;
    *out = mpfr_sgn(a) < 0 && abs_lower(a, s) > ra ? 0 : ra;
    return 0;
  case XI_ID: case XI_ASFLOAT: case XI_NEG: case XI_ABS:
    /* exact at v's precision, and never steeper than 1 */
    if (mpfr_get_prec(v) < mpfr_get_prec(a))
      return -1;
    *out = ra;
    return 0;
  case XI_ADD:
  case XI_SUB: /* (a sum rounds to 0 only when it is 0) */
    *out = bump(ra + rb + half_ulp(v, s));
    return 0;
  case XI_MUL: {
    if (mpfr_zero_p(v) && !mpfr_zero_p(a) && !mpfr_zero_p(b))
      return -1; /* an underflow */
    double x = xiO_rad_abs(a, 0), y = xiO_rad_abs(b, 0);
    double rr = unscale(ra * rb, s);
    *out = bump(x * rb + y * ra + rr + half_ulp(v, s));
    return 0;
  }
  default:
    return by_mag(op, out, v, a, ra, b, rb, s);
  }
}

int xiO_rad_elementwise(int op, double *out, const xiO_rview *o, const xiO_rview *a,
                        const xiO_rview *b, slong s) {
  for (uint32_t i = 0, k = 0; i < o->sh.rows; i++)
    for (uint32_t j = 0; j < o->sh.cols; j++, k++) {
      uint32_t ia = xiO_bidx(&a->sh, i, j), ib = b ? xiO_bidx(&b->sh, i, j) : 0;
      double ra = a->r ? floored(a->r[ia]) : 0, rb = b && b->r ? floored(b->r[ib]) : 0;
      if (!mpfr_number_p(&o->el[k]) || !mpfr_number_p(&a->el[ia]) ||
          (b && !mpfr_number_p(&b->el[ib])) ||
          element(op, &out[k], &o->el[k], &a->el[ia], ra, b ? &b->el[ib] : NULL, rb, s) ||
          !isfinite(out[k]))
        return -1;
    }
  return 0;
}

int xiO_has_rad_rule(int op) {
  switch (op) {
  case XI_RELU: case XI_ID: case XI_ASFLOAT: case XI_NEG: case XI_ABS: case XI_ADD:
  case XI_SUB: case XI_MUL: case XI_MATMUL: case XI_SUM:
    return 1;
  case XI_EXP: case XI_EXPM1: case XI_LOG: case XI_SQRT: case XI_TANH: case XI_SIN:
  case XI_COS: case XI_DIV: /* bmid.c's scalar rules, element by element */
    return 1;
  default:
    return 0;
  }
}
