/* bnd.h: bounds m·2^e in integers, from above or below, m = 0 (e = 0) or
 * 2^31 <= m < 2^32, for the proofs' passes that reuse MPFR's numbers: the
 * values' radii (bmid.c) and the adjoints' (proof/adjmid.c).
 *
 * Each operation is done on the integers, its mantissa cut to 32 bits and 1
 * added (for a lower bound, cut only), as Arb's mag_t does in 30 bits
 * (mag.h), so every bound holds on any processor and under valgrind, with no
 * floating point and no rounding mode.  An operation widens a bound by at most
 * 2^-30 of it (tests/adjmid.c, part 0).  Every number brought in has
 * |exponent| <= XI_BEMAX, or *wide is set (the caller then gives up): the
 * exponents of the few operations between (int64_t) never come near
 * overflowing.  All inline: a pass does a few per edge. */
#ifndef XI_BND_H
#define XI_BND_H

#include <stdint.h>

#include <arb.h>
#include <mpfr.h>

typedef struct {
  uint64_t m;
  int64_t e;
} xiO_bnd;

#define XI_BEMAX (1L << 28)
#define XI_BTOP ((uint64_t)1 << 31)
static const xiO_bnd XI_BZERO = {0, 0}, XI_BONE = {XI_BTOP, -31};

_Static_assert(GMP_NUMB_BITS == 64, "the limbs are read as 64 bits");

/* m·2^e (m < 2^64) to 32 bits, from above (up) or truncated (from below) */
static inline xiO_bnd xiO_bnorm(uint64_t m, int64_t e, int up) {
  if (!m)
    return XI_BZERO;
  int z = __builtin_clzll(m);
  if (z >= 32)
    return (xiO_bnd){m << (z - 32), e - (z - 32)}; /* (exact) */
  int sh = 32 - z;
  uint64_t t = (m >> sh) + (up && (m << (64 - sh)) != 0);
  return t >> 32 ? (xiO_bnd){XI_BTOP, e + sh + 1} : (xiO_bnd){t, e + sh};
}
static inline xiO_bnd xiO_bup(uint64_t m, int64_t e) { return xiO_bnorm(m, e, 1); }

/* The two operations of every edge, as Arb's mag_fast_mul and mag_add do
   them: the result's mantissa truncated and 1 added (a bound from above,
   whether or not anything was cut off), then shifted by a bit if it needs
   it; no count of leading zeros, no test of what was cut off.  (Of bounds,
   all >= 0: a 0 stays exact, as a sum of two is 0 only when both are.) */
static inline xiO_bnd xiO_bmul(xiO_bnd x, xiO_bnd y) {
  if (!x.m || !y.m)
    return XI_BZERO;
  /* x.m·y.m in [2^62, (2^32 - 1)^2]: t in [2^30 + 1, 2^32 - 1] */
  uint64_t t = (x.m * y.m >> 32) + 1;
  int s = !(t >> 31);
  return (xiO_bnd){t << s, x.e + y.e + 32 - s};
}
/* x·y from below: the product's top 32 bits, cut */
static inline xiO_bnd xiO_bmul_down(xiO_bnd x, xiO_bnd y) {
  if (!x.m || !y.m)
    return XI_BZERO;
  uint64_t p = x.m * y.m; /* in [2^62, 2^64) */
  return p >> 63 ? (xiO_bnd){p >> 32, x.e + y.e + 32} : (xiO_bnd){p >> 31, x.e + y.e + 31};
}
static inline xiO_bnd xiO_badd(xiO_bnd x, xiO_bnd y) {
  if (!x.m || !y.m)
    return x.m ? x : y;
  if (x.e < y.e) {
    xiO_bnd t = x;
    x = y, y = t;
  }
  int64_t d = x.e - y.e; /* y < 2^(y.e + 32): (y.m >> d) + 1 units of 2^x.e, or 1 */
  uint64_t s = x.m + (d == 0 ? y.m : d < 32 ? (y.m >> d) + 1 : 1); /* (< 2^33 - 1) */
  int c = (int)(s >> 32);
  return (xiO_bnd){(s + c) >> c, x.e + c}; /* (s/2 rounded up: < 2^32) */
}
/* x·2^-prec (exact: the sweep's unit of rounding u times x) */
static inline xiO_bnd xiO_bulp(xiO_bnd x, mpfr_prec_t prec) { return x.m ? (xiO_bnd){x.m, x.e - prec} : x; }
/* y's mantissa in units of 2^(ex - 31), ex >= y.e: exact while it fits in 63
   bits; else from above (up) or below */
static inline uint64_t xiO_balign(xiO_bnd y, int64_t ex, int up) {
  int64_t d = ex - y.e;
  if (d <= 31)
    return y.m << (31 - d);
  if (d < 63)
    return (y.m >> (d - 31)) + (up && (y.m << (64 - (d - 31))) != 0);
  return up != 0; /* (y < 2^(y.e + 32) <= 2^(ex - 31)) */
}
/* x - y from below, 0 when y >= x */
static inline xiO_bnd xiO_bsub_down(xiO_bnd x, xiO_bnd y) {
  if (!y.m || !x.m)
    return y.m ? XI_BZERO : x;
  if (y.e > x.e) /* (y >= 2^(y.e + 31) > x) */
    return XI_BZERO;
  uint64_t X = x.m << 31, Y = xiO_balign(y, x.e, 1);
  return X > Y ? xiO_bnorm(X - Y, x.e - 31, 0) : XI_BZERO;
}
/* x - y from above, y <= x from below, y.e <= x.e */
static inline xiO_bnd xiO_bsub_up(xiO_bnd x, xiO_bnd y) {
  return y.m ? xiO_bup((x.m << 31) - xiO_balign(y, x.e, 0), x.e - 31) : x;
}
/* x/y from above, y > 0 (from below) */
static inline xiO_bnd xiO_bdiv(xiO_bnd x, xiO_bnd y) {
  if (!x.m)
    return XI_BZERO;
  uint64_t n = x.m << 32, q = n / y.m; /* (< 2^33) */
  return xiO_bup(q + (n % y.m != 0), x.e - 32 - y.e);
}
static inline xiO_bnd xiO_bhalf(xiO_bnd x) { return x.m ? (xiO_bnd){x.m, x.e - 1} : x; }
static inline xiO_bnd xiO_btwice(xiO_bnd x) { return x.m ? (xiO_bnd){x.m, x.e + 1} : x; }
static inline int xiO_bless(xiO_bnd x, xiO_bnd y) {
  if (!x.m || !y.m)
    return !x.m && y.m;
  return x.e < y.e || (x.e == y.e && x.m < y.m); /* (normalised: e orders them) */
}

/* |x| from above (up) or below; *wide set when |x| is out of range */
static inline xiO_bnd xiO_bof_mpfr(mpfr_srcptr x, int up, int *wide) {
  if (mpfr_zero_p(x))
    return XI_BZERO;
  mpfr_exp_t e = mpfr_get_exp(x);
  if (e > XI_BEMAX || e < -XI_BEMAX) {
    *wide = 1;
    return XI_BZERO;
  }
  mp_size_t n = (mpfr_get_prec(x) - 1) / GMP_NUMB_BITS + 1;
  /* its top 32 bits, and one more from above: |x| < (m + 1)·2^(e - 32) */
  uint64_t t = (x->_mpfr_d[n - 1] >> 32) + (up != 0);
  int c = (int)(t >> 32); /* (t = 2^32: 2^31 and the exponent 1 up) */
  return (xiO_bnd){t >> c, (int64_t)e - 32 + c};
}

/* man·2^(exp - 30), a mag's or a kept radius's (exact); *wide when out of range */
static inline xiO_bnd xiO_bof_man(uint64_t man, int64_t exp, int *wide) {
  if (!man)
    return XI_BZERO;
  if (exp > XI_BEMAX || exp < -XI_BEMAX) {
    *wide = 1;
    return XI_BZERO;
  }
  return xiO_bnorm(man, exp - 30, 1);
}
static inline xiO_bnd xiO_bof_mag(const mag_struct *x, int *wide) {
  if (mag_is_zero(x))
    return XI_BZERO;
  if (mag_is_inf(x) || COEFF_IS_MPZ(MAG_EXP(x))) {
    *wide = 1;
    return XI_BZERO;
  }
  return xiO_bof_man(MAG_MAN(x), MAG_EXP(x), wide);
}

/* 1 - |x| from above, 0 when |x| >= 1: exactly where it is small (tanh near
   ±1, expm1 near -1), from x's limbs */
static inline xiO_bnd xiO_bone_minus(mpfr_srcptr x, int *wide) {
  if (mpfr_zero_p(x))
    return XI_BONE;
  mpfr_exp_t e = mpfr_get_exp(x);
  if (e >= 1)
    return XI_BZERO;
  if (e < 0) /* (|x| < 1/2) */
    return xiO_bsub_up(XI_BONE, xiO_bof_mpfr(x, 0, wide));
  /* |x| = M·2^-64n, M its n limbs; 1 - |x| = (2^64n - M)·2^-64n */
  mp_size_t n = (mpfr_get_prec(x) - 1) / GMP_NUMB_BITS + 1;
  const mp_limb_t *d = x->_mpfr_d;
  uint64_t c = -(uint64_t)d[n - 1]; /* 2^64 - the top limb: the rest only lowers it */
  if (n == 1 || c >= (1ull << 34) || n > 16)
    return xiO_bup(c, -64);
  mp_limb_t r[16];
  mpn_neg(r, d, n);
  mp_size_t k = n - 1;
  while (k > 0 && !r[k])
    k--;
  if (k == 0)
    return xiO_bup(r[0], -64 * (int64_t)n);
  /* 1 - |x| < (r[k]·2^64 + r[k-1] + 1)·2^(64(k-1-n)) (the limbs below make less
     than 1), at most (t + 1)·2^(64(k-n) - z), t the top 64 bits of r[k], r[k-1] */
  int z = __builtin_clzll(r[k]);
  uint64_t t = z ? r[k] << z | r[k - 1] >> (64 - z) : r[k];
  int64_t at = 64 * ((int64_t)k - (int64_t)n) - z;
  return xiO_badd(xiO_bup(t, at), xiO_bup(1, at));
}
/* x as a mag, from above: its top 30 bits, rounded up (a mag is man·2^(e - 30),
   2^29 <= man < 2^30) */
static inline void xiO_mag_of_bnd(mag_t z, xiO_bnd x) {
  if (!x.m) {
    mag_zero(z);
    return;
  }
  uint64_t man = (x.m >> 2) + ((x.m & 3) != 0); /* x <= man·2^(x.e + 2) */
  slong e = (slong)x.e + 32;
  if (man == (uint64_t)1 << 30)
    man = MAG_ONE_HALF, e++;
  if (!COEFF_IS_MPZ(*MAG_EXPREF(z)) && e < COEFF_MAX && e > COEFF_MIN)
    MAG_MAN(z) = man, MAG_EXP(z) = e;
  else
    mag_set_ui_2exp_si(z, (ulong)man, e - 30);
}

#endif
