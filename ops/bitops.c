/* bitops.c: the forward rules of the bitwise rows (& | ^ ~ << >>), on whole
 * numbers as Python's ints and NumPy's int64 hold them: two's complement,
 * so -1 & 6 is 6 and ~5 is -6, and the result exact, or rounded once into
 * r's precision as every rule rounds (the tape refuses an int it rounds,
 * tape/pyint.c).  A fraction, an inf or a nan has no bits: nan, the row's
 * domain message (a float's TypeError is the tape's, which knows the types:
 * 2.0 & 1 is Python's error although 2.0 is whole).  Truth values are 1 and
 * 0, so mask1 & mask2 is their and; NumPy's ~mask is the tape's (its dtype
 * says it is a bool, which this rule cannot see). */
#include <gmp.h>
#include <limits.h>
#include <stdint.h> /* (before mpfr.h: its intmax_t functions) */

#include "ops/tops.h"

/* past this many bits a whole number's bits are not worked out (nan) */
#define BITS_MAX ((mpfr_exp_t)1 << 20)

enum { AND, OR, XOR };

static int whole(mpfr_srcptr x) {
  return mpfr_integer_p(x) && (mpfr_zero_p(x) || mpfr_get_exp(x) <= BITS_MAX);
}

static int logic(mpfr_ptr r, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t rnd, int how) {
  if (!whole(a) || !whole(b)) {
    mpfr_set_nan(r);
    return 0;
  }
  if (mpfr_fits_intmax_p(a, MPFR_RNDN) && mpfr_fits_intmax_p(b, MPFR_RNDN)) {
    intmax_t x = mpfr_get_sj(a, MPFR_RNDN), y = mpfr_get_sj(b, MPFR_RNDN);
    return mpfr_set_sj(r, how == AND ? x & y : how == OR ? x | y : x ^ y, rnd);
  }
  mpz_t x, y;
  mpz_init(x);
  mpz_init(y);
  mpfr_get_z(x, a, MPFR_RNDN); /* (exact: both are whole) */
  mpfr_get_z(y, b, MPFR_RNDN);
  if (how == AND)
    mpz_and(x, x, y);
  else if (how == OR)
    mpz_ior(x, x, y);
  else
    mpz_xor(x, x, y);
  int inex = mpfr_set_z(r, x, rnd);
  mpz_clear(x);
  mpz_clear(y);
  return inex;
}

int xiO_fw_bitand(mpfr_ptr r, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t rnd) {
  return logic(r, a, b, rnd, AND);
}
int xiO_fw_bitor(mpfr_ptr r, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t rnd) {
  return logic(r, a, b, rnd, OR);
}
int xiO_fw_bitxor(mpfr_ptr r, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t rnd) {
  return logic(r, a, b, rnd, XOR);
}

/* ~a = -(a + 1): one rounding (the negation is exact, and RNDN is symmetric) */
int xiO_fw_invert(mpfr_ptr r, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t rnd) {
  (void)b;
  if (!whole(a)) {
    mpfr_set_nan(r);
    return 0;
  }
  int inex = mpfr_add_ui(r, a, 1, rnd);
  mpfr_neg(r, r, MPFR_RNDN);
  return -inex;
}

/* a shift's count: a whole number >= 0, or -1 (past LONG_MAX: LONG_MAX, which
   overflows a left shift and leaves a right one its sign) */
static long count(mpfr_srcptr b) {
  if (!mpfr_integer_p(b) || mpfr_sgn(b) < 0)
    return -1;
  return mpfr_fits_slong_p(b, MPFR_RNDN) ? mpfr_get_si(b, MPFR_RNDN) : LONG_MAX;
}

/* a << b = a·2^b, exact but for the rounding into r (and an overflow past
   MPFR's exponents: inf, which the tape reports) */
int xiO_fw_lshift(mpfr_ptr r, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t rnd) {
  long n = count(b);
  if (n < 0 || !whole(a)) {
    mpfr_set_nan(r);
    return 0;
  }
  return mpfr_mul_2si(r, a, n, rnd);
}

/* a >> b = floor(a/2^b): 0 or -1 once every bit is shifted out */
int xiO_fw_rshift(mpfr_ptr r, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t rnd) {
  long n = count(b);
  if (n < 0 || !whole(a)) {
    mpfr_set_nan(r);
    return 0;
  }
  if (mpfr_zero_p(a) || mpfr_get_exp(a) <= n)
    return mpfr_set_si(r, mpfr_sgn(a) < 0 ? -1 : 0, rnd);
  mpz_t x;
  mpz_init(x);
  mpfr_get_z(x, a, MPFR_RNDN);
  mpz_fdiv_q_2exp(x, x, (mp_bitcnt_t)n);
  int inex = mpfr_set_z(r, x, rnd);
  mpz_clear(x);
  return inex;
}
