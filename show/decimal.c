/* decimal.c: a binary number's first n decimal digits, rounded to nearest
 * (ties to even), as mpfr_get_str gives them, without its general machinery
 * for the common case (num.h).
 *
 * x = 0.L × 2^ex, L the mantissa's limbs (its top bit set).  With e the
 * decimal exponent, 10^(e-1) <= |x| < 10^e, the digits are N = |x|·10^(n-e)
 * rounded, and N is exact here: for 0 <= n - e <= 38, N = L·10^(n-e)·2^-s
 * with s = 64·limbs - ex, an integer product (two mpn_mul_1 at most) shifted
 * right by s, whose dropped bits say exactly how to round.  n <= 18 keeps N
 * in one limb.  e is guessed from ex (e is ex·log10(2) rounded one way or the
 * other) and corrected when N falls outside [10^(n-1), 10^n); a rounding up
 * to 10^n gives 10^(n-1) at e + 1, as MPFR does.  Anything else (more digits,
 * numbers from 10^n up or under 10^(n-39), a huge mantissa) is MPFR's. */
#include "show/num.h"

#include <gmp.h>
#include <stdint.h>

#define MAX_LIMBS 32 /* 2048 bits */

static const uint64_t pow10[20] = {1u,
                                   10u,
                                   100u,
                                   1000u,
                                   10000u,
                                   100000u,
                                   1000000u,
                                   10000000u,
                                   100000000u,
                                   1000000000u,
                                   10000000000u,
                                   100000000000u,
                                   1000000000000u,
                                   10000000000000u,
                                   100000000000000u,
                                   1000000000000000u,
                                   10000000000000000u,
                                   100000000000000000u,
                                   1000000000000000000u,
                                   10000000000000000000u};

/* bit j of A (an limbs; 0 past them) */
static int bit(const mp_limb_t *A, mp_size_t an, long j) {
  return j / 64 < an && (A[j / 64] >> (j % 64) & 1);
}

/* some bit of A below j is set */
static int below(const mp_limb_t *A, mp_size_t an, long j) {
  long li = j / 64;
  for (long k = 0; k < li && k < an; k++)
    if (A[k])
      return 1;
  return li < an && j % 64 && (A[li] << (64 - j % 64)) != 0;
}

/* N = A·2^-s truncated, when it is below 2^64 (A's top limb nonzero); -1:
   it is not */
static int shifted(uint64_t *q, const mp_limb_t *A, mp_size_t an, long s) {
  long bits = 64 * (long)(an - 1) + 64 - __builtin_clzll(A[an - 1]);
  if (bits - s > 64)
    return -1;
  if (s >= bits) {
    *q = 0;
    return 0;
  }
  if (s <= 0) { /* A·2^|s|, which fits: bits + |s| <= 64 */
    *q = (uint64_t)A[0] << -s;
    return 0;
  }
  long li = s / 64, off = s % 64;
  uint64_t v = A[li] >> off;
  if (off && li + 1 < an)
    v |= (uint64_t)A[li + 1] << (64 - off);
  *q = v;
  return 0;
}

/* the fast path: 0 and D, e; -1 where it does not apply */
static int fast(uint64_t *D, long *e, int n, const mp_limb_t *L, mp_size_t nl, long ex) {
  if (n < 1 || n > 18 || nl < 1 || nl > MAX_LIMBS || ex > 100000 || ex < -100000)
    return -1;
  mp_limb_t A[MAX_LIMBS + 2];
  /* floor((ex - 1)·log10 2) + 1 <= e <= that + 1; the loop corrects it either way */
  double g = (double)(ex - 1) * 0.30102999566398119521;
  long e0 = (long)g - (g < (double)(long)g) + 1;
  for (int tries = 0; tries < 4; tries++) {
    long d = n - e0, s = 64 * (long)nl - ex;
    if (d < 0 || d > 38)
      return -1;
    mp_size_t an = nl;
    for (mp_size_t k = 0; k < nl; k++)
      A[k] = L[k];
    for (long left = d; left > 0; left -= 19) {
      mp_limb_t c = mpn_mul_1(A, A, an, (mp_limb_t)pow10[left > 19 ? 19 : left]);
      if (c)
        A[an++] = c;
    }
    uint64_t q;
    if (shifted(&q, A, an, s) || q >= pow10[n]) {
      e0++;
      continue;
    }
    if (q < pow10[n - 1]) {
      e0--;
      continue;
    }
    if (s > 0 && bit(A, an, s - 1) && ((q & 1) || below(A, an, s - 1)))
      q++;
    if (q == pow10[n])
      q = pow10[n - 1], e0++;
    *D = q;
    *e = e0;
    return 0;
  }
  return -1;
}

/* D's n digits, after a '-' when neg, at out */
static void put(char *out, int neg, uint64_t D, int n) {
  if (neg)
    *out++ = '-';
  out[n] = '\0';
  for (int j = n - 1; j >= 0; j--, D /= 10)
    out[j] = (char)('0' + D % 10);
}

int xiN_digits(char *out, mpfr_exp_t *e, int n, mpfr_srcptr x) {
  if (!mpfr_regular_p(x))
    return -1;
  uint64_t D;
  long e10;
#if GMP_NUMB_BITS == 64 && GMP_NAIL_BITS == 0
  mp_size_t nl = (mp_size_t)((mpfr_get_prec(x) + 63) / 64);
  if (fast(&D, &e10, n, x->_mpfr_d, nl, (long)mpfr_get_exp(x)) == 0) {
    put(out, mpfr_signbit(x) != 0, D, n);
    *e = (mpfr_exp_t)e10;
    return 0;
  }
#endif
  return mpfr_get_str(out, e, 10, (size_t)n, x, MPFR_RNDN) ? 0 : -1;
}

int xiN_digits_arf(char *out, mpfr_exp_t *e, int n, const arf_t x) {
#if GMP_NUMB_BITS == 64 && GMP_NAIL_BITS == 0
  if (arf_is_special(x) || COEFF_IS_MPZ(ARF_EXP(x)))
    return -1;
  mp_srcptr L;
  mp_size_t nl;
  ARF_GET_MPN_READONLY(L, nl, x);
  uint64_t D;
  long e10;
  if (fast(&D, &e10, n, L, nl, (long)ARF_EXP(x)))
    return -1;
  put(out, ARF_SGNBIT(x), D, n);
  *e = (mpfr_exp_t)e10;
  return 0;
#else
  (void)out, (void)e, (void)n, (void)x;
  return -1;
#endif
}
