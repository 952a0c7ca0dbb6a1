/* bmid.c: ball rules that reuse the value MPFR computed (bops.h).
 *
 * MPFR rounds each scalar op of the common kinds correctly: the value v a
 * node holds is f(a, b) rounded to nearest, |v - f(a, b)| <= half an ulp of
 * v, for the numbers a and b its operands hold.  When a ball of radius ra
 * around a holds a's exact value (and rb around b, b's), the ball of radius
 *   L·(ra, rb) + half an ulp of v
 * around v holds the node's exact value, with L a bound of f's slope over the
 * operands' balls.  That is Arb's own argument (arb_exp bounds e^x at the
 * midpoint and adds the slope times the radius), with the midpoint MPFR
 * computed already: the proof costs a few operations on radii (mag_t, which
 * round up, or down where a lower bound is wanted) instead of the function
 * again at full precision.
 *
 * Only where v is f(a, b) rounded once: no IEEE format in between, the ops
 * whose MPFR rule is one correctly rounded call.  A 0 where f cannot give 0
 * exactly would be an underflow (MPFR's exponent range is the widest, but a
 * square taken 62 times reaches it): no rule then. */
#include "ops/bops.h"

/* exponents this far from 0 (a mag's or a number's) leave Arb's inline
   mag_fast_* safe: their sums stay far inside a small fmpz (the numbers a
   script meets are never near; the others take the general functions) */
#define SMALL_EXP ((slong)1 << 40)

static int small_mag(const mag_t z) {
  return !COEFF_IS_MPZ(MAG_EXP(z)) && MAG_EXP(z) < SMALL_EXP && MAG_EXP(z) > -SMALL_EXP;
}

/* |x| from above (up) or below, x regular: its top 30 bits, the mantissa a
   mag holds exactly */
static void mag_of(mag_t z, mpfr_srcptr x, int up) {
  mp_size_t top = (mpfr_get_prec(x) - 1) / GMP_NUMB_BITS;
  mp_limb_t m = (x->_mpfr_d[top] >> (GMP_NUMB_BITS - 30)) + (up != 0);
  slong e = (slong)mpfr_get_exp(x);
  if (!small_mag(z) || e >= SMALL_EXP || e <= -SMALL_EXP) {
    mag_set_ui_2exp_si(z, (ulong)m, e - 30);
    return;
  }
  MAG_MAN(z) = m, MAG_EXP(z) = e; /* m·2^(e - 30); m < 2^30 but for a carry: */
  if (m == (mp_limb_t)1 << 30)
    MAG_MAN(z) = MAG_ONE_HALF, MAG_EXP(z) = e + 1;
}

/* half an ulp of a regular v: 2^he (0 for 0, whose exponent is MPFR's
   out-of-range marker: subtracting from it overflows) */
static slong half_exp(mpfr_srcptr v) {
  return mpfr_regular_p(v) ? (slong)mpfr_get_exp(v) - (slong)mpfr_get_prec(v) - 1 : 0;
}

static void half_ulp(mag_t z, mpfr_srcptr v) {
  slong he = half_exp(v);
  if (mpfr_zero_p(v))
    mag_zero(z);
  else if (small_mag(z) && he < SMALL_EXP && he > -SMALL_EXP)
    MAG_MAN(z) = MAG_ONE_HALF, MAG_EXP(z) = he + 1;
  else
    mag_set_ui_2exp_si(z, 1, he);
}

/* z = x·y, z += x·y, from above: Arb's inline ones where the exponents are small */
static void mul(mag_t z, const mag_t x, const mag_t y) {
  if (small_mag(z) && small_mag(x) && small_mag(y))
    mag_fast_mul(z, x, y);
  else
    mag_mul(z, x, y);
}

static void addmul(mag_t z, const mag_t x, const mag_t y) {
  if (small_mag(z) && small_mag(x) && small_mag(y))
    mag_fast_addmul(z, x, y);
  else
    mag_addmul(z, x, y);
}

/* how far e^x strays from e^a over a ± ra: e^a·expm1(ra), with e^a <= lead */
static void exp_spread(mag_t r, const mag_t lead, const mag_t ra) {
  mag_t t;
  mag_init(t);
  if (mag_cmp_2exp_si(ra, -20) < 0) { /* expm1(x) <= x·e^x <= x·(1 + 2x) */
    mag_mul_2exp_si(t, ra, -19);
    mag_add(t, t, ra);
  } else {
    mag_expm1(t, ra);
  }
  mag_mul(r, lead, t);
  xiO_mag_clear(t);
}

/* 1 - lo² from above, lo < 1 (lo = M·2^(E - 30)): exactly in integers,
   2^(60 - 2E) - M² units of 2^(2E - 60) when E >= -1, else 1 - lo² with lo²
   cut to units of 2^-63 */
static void one_minus_square(mag_t z, const mag_t lo) {
  if (mag_is_zero(lo)) {
    mag_one(z);
    return;
  }
  if (COEFF_IS_MPZ(MAG_EXP(lo)) || MAG_EXP(lo) > 0) { /* (Arb's way) */
    mag_t sq;
    mag_init(sq);
    mag_mul_lower(sq, lo, lo);
    mag_one(z);
    mag_sub(z, z, sq);
    xiO_mag_clear(sq);
    return;
  }
  slong E = MAG_EXP(lo);
  uint64_t M = MAG_MAN(lo), sq = M * M; /* < 2^60 */
  if (E >= -1)
    mag_set_ui_2exp_si(z, (ulong)(((uint64_t)1 << (60 - 2 * E)) - sq), 2 * E - 60);
  else
    mag_set_ui_2exp_si(z, (ulong)(((uint64_t)1 << 63) - (-2 * E - 3 >= 64 ? 0 : sq >> (-2 * E - 3))),
                       -63);
}

/* the slope bound of tanh over a ± ra, v = tanh(a) rounded (h: its half ulp):
   sech² = 1 - tanh², and |tanh| >= |v| - h - ra there (tanh's slope is at most
   1); for a large |a|, where 1 - tanh² is lost in a mag's 30 bits, sech² <=
   4·e^(-2(|a| - ra)) */
static void tanh_slope(mag_t z, mpfr_srcptr v, mpfr_srcptr a, const mag_t ra, const mag_t h) {
  mag_t lo, w;
  mag_init(lo);
  mag_init(w);
  mag_one(z);
  if (!mpfr_zero_p(v)) {
    mag_add(w, h, ra);
    mag_of(lo, v, 0);
    mag_sub_lower(lo, lo, w);
    one_minus_square(z, lo);
  }
  if (!mpfr_zero_p(v) && mag_cmp_2exp_si(z, -20) < 0) { /* (1 - lo² is coarse there) */
    mag_of(lo, a, 0);
    mag_sub_lower(lo, lo, ra);
    mag_mul_2exp_si(lo, lo, 1);
    mag_expinv(w, lo);
    mag_mul_2exp_si(w, w, 2);
    if (mag_cmp(w, z) < 0)
      mag_swap(w, z);
  }
  xiO_mag_clear(lo);
  xiO_mag_clear(w);
}

/* v = f(a) rounded, its bound in r; 0, or -1: no rule */
static int unary(int op, mag_t r, mpfr_srcptr v, mpfr_srcptr a, const mag_t ra, const mag_t h,
                 mag_t t, mag_t u) {
  switch (op) {
  case XI_ID:
  case XI_ASFLOAT:
  case XI_NEG: /* exact unless v is narrower than a */
    mag_set(r, ra);
    if (mpfr_get_prec(a) > mpfr_get_prec(v))
      return -1;
    return 0;
  case XI_EXP: /* e^a <= v + h */
  case XI_EXPM1: /* e^a = 1 + expm1(a) <= 1 + v + h */
    if (mpfr_zero_p(v) && (op == XI_EXP || !mpfr_zero_p(a)))
      return -1;
    if (op == XI_EXPM1 && mpfr_sgn(v) < 0) {
      mag_of(u, v, 0);
      mag_one(t);
      mag_sub(t, t, u);
    } else {
      if (mpfr_zero_p(v)) /* (expm1(0)) */
        mag_zero(t);
      else
        mag_of(t, v, 1);
      if (op == XI_EXPM1)
        mag_add_ui(t, t, 1);
    }
    mag_add(t, t, h);
    exp_spread(r, t, ra);
    return 0;
  case XI_LOG: /* |log x - log a| <= ra/(a - ra) */
    if (mpfr_sgn(a) <= 0)
      return -1;
    mag_of(t, a, 0);
    mag_sub_lower(t, t, ra);
    if (mag_is_zero(t))
      return -1;
    mag_div(r, ra, t);
    return 0;
  case XI_SQRT: /* |√x - √a| <= ra/√a, for x >= 0 */
    if (mpfr_zero_p(a) && mag_is_zero(ra)) {
      mag_zero(r);
      return 0;
    }
    if (mpfr_sgn(a) <= 0)
      return -1;
    mag_of(t, a, 0);
    if (mag_cmp(t, ra) < 0) /* the ball reaches below 0 */
      return -1;
    mag_sqrt_lower(t, t);
    if (mag_is_zero(t))
      return -1;
    mag_div(r, ra, t);
    return 0;
  case XI_TANH:
    if (mpfr_zero_p(v) && !mpfr_zero_p(a))
      return -1;
    tanh_slope(t, v, a, ra, h);
    mul(r, ra, t);
    return 0;
  case XI_SIN:
  case XI_COS: /* slope at most 1; cos is never exactly 0, sin only at 0 */
    if (mpfr_zero_p(v) && (op == XI_COS || !mpfr_zero_p(a)))
      return -1;
    mag_set(r, ra);
    return 0;
  default:
    return -1;
  }
}

static int binary(int op, mag_t r, mpfr_srcptr v, mpfr_srcptr a, const mag_t ra, mpfr_srcptr b,
                  const mag_t rb, mag_t t, mag_t u) {
  switch (op) {
  case XI_ADD:
  case XI_SUB: /* (a 0 is exact: a sum rounds to 0 only when it is 0) */
    mag_add(r, ra, rb);
    return 0;
  case XI_MUL: /* |a|·rb + |b|·ra + ra·rb */
    if (mpfr_zero_p(v) && !mpfr_zero_p(a) && !mpfr_zero_p(b))
      return -1;
    mul(r, ra, rb);
    if (!mpfr_zero_p(a)) {
      mag_of(t, a, 1);
      addmul(r, t, rb);
    }
    if (!mpfr_zero_p(b)) {
      mag_of(t, b, 1);
      addmul(r, t, ra);
    }
    return 0;
  case XI_DIV: /* (ra·|b| + |a|·rb) / (|b|·(|b| - rb)) */
    if (mpfr_zero_p(b) || (mpfr_zero_p(v) && !mpfr_zero_p(a)))
      return -1;
    mag_of(u, b, 0);
    mag_sub_lower(t, u, rb);
    mag_mul_lower(u, u, t);
    if (mag_is_zero(u))
      return -1; /* the divisor's ball holds 0 */
    mag_of(t, b, 1);
    mag_mul(r, ra, t);
    if (!mpfr_zero_p(a)) {
      mag_of(t, a, 1);
      mag_addmul(r, t, rb);
    }
    mag_div(r, r, u);
    return 0;
  default:
    return -1;
  }
}

/* ---- the common ops, the same rules in integer bounds (bnd.h) ----
   Arb's mag functions are calls; these are a few inline operations, for a
   proof makes one radius a node (bench/run --whole-instructions).  Each
   bounds what the mag rule above bounds, by the same argument; where a rule
   needs more (e^x over a wide ball, tanh where 1 - tanh² is lost in 32
   bits, an exponent out of range) it gives way to the mag rules: 1. */

static int fast_rule(int op, xiO_bnd *r, mpfr_srcptr v, mpfr_srcptr a, xiO_bnd ra,
                     mpfr_srcptr b, xiO_bnd rb, xiO_bnd h, int *wide) {
  xiO_bnd t, u;
  switch (op) {
  case XI_ID:
  case XI_ASFLOAT:
  case XI_NEG:
    if (mpfr_get_prec(a) > mpfr_get_prec(v))
      return 1;
    *r = ra;
    return 0;
  case XI_ADD:
  case XI_SUB:
    *r = xiO_badd(ra, rb);
    return 0;
  case XI_MUL: /* |a|·rb + |b|·ra + ra·rb */
    if (mpfr_zero_p(v) && !mpfr_zero_p(a) && !mpfr_zero_p(b))
      return 1;
    *r = xiO_badd(xiO_bmul(ra, rb), xiO_badd(xiO_bmul(xiO_bof_mpfr(a, 1, wide), rb),
                                             xiO_bmul(xiO_bof_mpfr(b, 1, wide), ra)));
    return 0;
  case XI_DIV: /* (ra·|b| + |a|·rb) / (|b|·(|b| - rb)) */
    if (mpfr_zero_p(b) || (mpfr_zero_p(v) && !mpfr_zero_p(a)))
      return 1;
    t = xiO_bof_mpfr(b, 0, wide);
    u = xiO_bmul_down(t, xiO_bsub_down(t, rb));
    if (!u.m)
      return 1;
    *r = xiO_bdiv(xiO_badd(xiO_bmul(ra, xiO_bof_mpfr(b, 1, wide)),
                           xiO_bmul(xiO_bof_mpfr(a, 1, wide), rb)), u);
    return 0;
  case XI_EXP: /* e^a·expm1(ra), e^a <= v + h; expm1(x) <= x·(1 + 2^-19) for x < 2^-20 */
    if (mpfr_zero_p(v) || (ra.m && ra.e > -52)) /* (ra < 2^(ra.e + 32)) */
      return 1;
    *r = xiO_bmul(xiO_badd(xiO_bof_mpfr(v, 1, wide), h), xiO_badd(ra, ra.m ? (xiO_bnd){ra.m, ra.e - 19} : ra));
    return 0;
  case XI_LOG: /* ra/(a - ra) */
    if (mpfr_sgn(a) <= 0)
      return 1;
    t = xiO_bsub_down(xiO_bof_mpfr(a, 0, wide), ra);
    if (!t.m)
      return 1;
    *r = xiO_bdiv(ra, t);
    return 0;
  case XI_TANH: /* ra·(1 - lo²), lo = |v| - h - ra (tanh_slope) */
    if (mpfr_zero_p(v) && !mpfr_zero_p(a))
      return 1;
    t = XI_BONE;
    if (!mpfr_zero_p(v)) {
      u = xiO_bsub_down(xiO_bof_mpfr(v, 0, wide), xiO_badd(h, ra)); /* (< 1: h > 0) */
      t = xiO_bsub_up(XI_BONE, xiO_bmul_down(u, u));
      if (!t.m || t.e + 31 < -20) /* 1 - lo² < 2^-20: coarse in 32 bits */
        return 1;
    }
    *r = xiO_bmul(ra, t);
    return 0;
  default:
    return 1;
  }
}

int xiO_ball_mid_bnd(int op, xiO_bnd *r, mpfr_srcptr v, int exact, mpfr_srcptr a, xiO_bnd ra,
                     mpfr_srcptr b, xiO_bnd rb) {
  if (!xiO_number_p(v)) /* (a and b are numbers: the caller's word) */
    return 1;
  int wide = 0;
  xiO_bnd h = XI_BZERO;
  if (!mpfr_zero_p(v)) {
    mpfr_exp_t e = mpfr_get_exp(v);
    if (e > XI_BEMAX || e < -XI_BEMAX)
      return 1;
    h = (xiO_bnd){XI_BTOP, (int64_t)half_exp(v) - 31}; /* 2^he */
  }
  if (fast_rule(op, r, v, a, ra, b ? b : a, b ? rb : XI_BZERO, h, &wide) || wide)
    return 1;
  if (!exact)
    *r = xiO_badd(*r, h);
  return 0;
}

int xiO_ball_mid(int op, mag_t r, mpfr_srcptr v, int exact, mpfr_srcptr a, const mag_t ra,
                 mpfr_srcptr b, const mag_t rb) {
  if (!xiO_number_p(v) || !xiO_number_p(a) || (b && !xiO_number_p(b)))
    return -1;
  int wide = 0;
  xiO_bnd x = xiO_bof_mag(ra, &wide), y = b ? xiO_bof_mag(rb, &wide) : XI_BZERO, out;
  if (!wide && xiO_ball_mid_bnd(op, &out, v, exact, a, x, b, y) == 0) {
    xiO_mag_of_bnd(r, out);
    return 0;
  }
  mag_t t, u, h;
  mag_init(t);
  mag_init(u);
  mag_init(h);
  half_ulp(h, v);
  int rc = b ? binary(op, r, v, a, ra, b, rb, t, u) : unary(op, r, v, a, ra, h, t, u);
  slong he = half_exp(v);
  if (rc == 0 && !exact && !mpfr_zero_p(v) && small_mag(r) && he < SMALL_EXP && he > -SMALL_EXP)
    mag_fast_add_2exp_si(r, r, he); /* (Arb's inline + 2^he) */
  else if (rc == 0 && !exact)
    mag_add(r, r, h);
  xiO_mag_clear(t);
  xiO_mag_clear(u);
  xiO_mag_clear(h);
  return rc;
}
