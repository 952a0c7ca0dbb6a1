/* digits.c: a number's decimal digits (see digits.h), which Python's layout
 * (pyfmt.c) and NumPy's (npfmt.c) are both made from.  The shortest digits
 * that read back as a double are found with exact integer comparisons
 * against the double's rounding interval; n significant digits, or n after
 * the point, are MPFR's, correctly rounded. */
#include "show/digits.h"
#include "ops/fmt.h"
#include "show/pyfmt.h"

#include <float.h>
#include <gmp.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* ---- digits ---- */

void xiQ_dig_free(xiQ_dig *g) {
  if (g->d != g->in)
    free(g->d);
  g->d = NULL;
}

/* room for n digits with a sign and a NUL (what mpfr_get_str needs) */
static char *dig_room(xiQ_dig *g, size_t n) {
  xiQ_dig_free(g);
  g->d = n + 2 <= sizeof g->in ? g->in : malloc(n + 2);
  return g->d;
}

int xiQ_dig_zero(xiQ_dig *g, int neg) {
  if (!dig_room(g, 1))
    return -1;
  strcpy(g->d, "0");
  g->len = 1, g->decpt = 1, g->neg = neg, g->kind = XI_Q_FIN;
  return 0;
}

/* trailing zeros off (dtoa returns none); at least one digit stays */
void xiQ_strip(xiQ_dig *g) {
  while (g->len > 1 && g->d[g->len - 1] == '0')
    g->d[--g->len] = '\0';
}

/* n >= 1 significant digits of x (finite), to nearest with ties to even */
int xiQ_sig(xiQ_dig *g, mpfr_srcptr x, size_t n) {
  if (mpfr_zero_p(x))
    return xiQ_dig_zero(g, mpfr_signbit(x));
  char *s = dig_room(g, n);
  mpfr_exp_t e;
  if (!s || !mpfr_get_str(s, &e, 10, n, x, MPFR_RNDN))
    return -1;
  if (s[0] == '-')
    memmove(s, s + 1, n + 1);
  g->len = n, g->decpt = (long)e, g->neg = mpfr_signbit(x), g->kind = XI_Q_FIN;
  return 0;
}

/* the position of x's first digit (x = 0.d × 10^e, d not rounded up) */
long xiQ_decexp(mpfr_srcptr x) {
  char s[8];
  mpfr_exp_t e;
  mpfr_get_str(s, &e, 10, 2, x, MPFR_RNDZ); /* toward zero: never carries into a new digit */
  return (long)e;
}

/* x (finite) rounded to n digits after the point, to nearest with ties to
   even: xiQ_sig with as many digits as the point leaves; when none are left, the
   value is compared with half a unit exactly */
int xiQ_fixed(xiQ_dig *g, mpfr_srcptr x, long n) {
  if (mpfr_zero_p(x))
    return xiQ_dig_zero(g, mpfr_signbit(x));
  long s = xiQ_decexp(x) + n;
  if (s > 0)
    return xiQ_sig(g, x, (size_t)s);
  int up = 0;
  if (s == 0) { /* 10^-(n+1) <= |x| < 10^-n: up when |x| > 10^-n / 2 */
    mpfr_t p, t;
    mpfr_init2(p, (mpfr_prec_t)(n * 2.33) + 64); /* 10^n = 2^n 5^n, exactly */
    mpfr_ui_pow_ui(p, 10, (unsigned long)n, MPFR_RNDN);
    mpfr_init2(t, mpfr_get_prec(x) + mpfr_get_prec(p));
    mpfr_mul(t, x, p, MPFR_RNDN);
    mpfr_abs(t, t, MPFR_RNDN);
    up = mpfr_cmp_ui_2exp(t, 1, -1) > 0;
    mpfr_clears(p, t, (mpfr_ptr)0);
  }
  if (xiQ_dig_zero(g, mpfr_signbit(x)))
    return -1;
  if (up) {
    g->d[0] = '1';
    g->decpt = 1 - n;
  }
  return 0;
}

static void mpz_set_u64(mpz_t z, uint64_t v) {
  mpz_set_ui(z, (unsigned long)(v >> 32));
  mpz_mul_2exp(z, z, 32);
  mpz_add_ui(z, z, (unsigned long)(v & 0xffffffffu));
}

/* the sign of D·10^q - N·2^k, exactly */
static int cmp_dec_bin(const mpz_t D, long q, const mpz_t N, long k, mpz_t L, mpz_t R) {
  mpz_set(L, D);
  mpz_set(R, N);
  mpz_t p;
  mpz_init(p);
  mpz_ui_pow_ui(p, 10, (unsigned long)(q < 0 ? -q : q));
  mpz_mul(q < 0 ? R : L, q < 0 ? R : L, p);
  mpz_clear(p);
  if (k >= 0)
    mpz_mul_2exp(R, R, (mp_bitcnt_t)k);
  else
    mpz_mul_2exp(L, L, (mp_bitcnt_t)-k);
  return mpz_cmp(L, R);
}

/* the double's rounding interval: lo·2^lk .. hi·2^hk, its ends included when
   the significand is even (a read at an end rounds to the even neighbour) */
typedef struct {
  mpz_t lo, hi, mid, D, L, R;
  long lk, hk, mk;
  int incl;
} interval;

static int inside(interval *iv, long q) {
  int a = cmp_dec_bin(iv->D, q, iv->lo, iv->lk, iv->L, iv->R);
  int b = cmp_dec_bin(iv->D, q, iv->hi, iv->hk, iv->L, iv->R);
  return iv->incl ? a >= 0 && b <= 0 : a > 0 && b < 0;
}

/* is there a decimal of at most p significant digits that reads back as the
   double m?  The nearest one (correctly rounded), or else the next one on the
   far side of m (the interval is wider above a power of two), is in the
   interval if any is; found: its digits in g */
static int probe(interval *iv, mpfr_srcptr m, int p, xiQ_dig *g) {
  char s[24];
  mpfr_exp_t e;
  mpfr_get_str(s, &e, 10, (size_t)p, m, MPFR_RNDN);
  mpz_set_str(iv->D, s, 10);
  long q = (long)e - p;
  if (!inside(iv, q)) {
    if (cmp_dec_bin(iv->D, q, iv->mid, iv->mk, iv->L, iv->R) < 0)
      mpz_add_ui(iv->D, iv->D, 1);
    else {
      mpz_ui_pow_ui(iv->L, 10, (unsigned long)p - 1);
      if (mpz_cmp(iv->D, iv->L) == 0) { /* 10..0: the grid below is finer */
        mpz_mul_ui(iv->D, iv->L, 10);
        q--;
      }
      mpz_sub_ui(iv->D, iv->D, 1);
    }
    if (!inside(iv, q))
      return 0;
  }
  mpz_get_str(g->in, 10, iv->D);
  g->d = g->in;
  g->len = strlen(g->in);
  g->decpt = q + (long)g->len;
  return 1;
}

/* x = M·2^E, M a whole number below 2^prec and E at least emin (the
   exponent of the smallest subnormal's unit): 1 when x is a number of that
   binary format, with *m the significand and *e the exponent */
static int split(double a, int prec, long emin, uint64_t *m, long *e) {
  int be;
  frexp(a, &be); /* a = f·2^be, 1/2 <= f < 1 */
  long E = (long)be - prec < emin ? emin : (long)be - prec;
  double M = ldexp(a, (int)-E);
  if (M != floor(M) || M >= ldexp(1, prec))
    return 0;
  *m = (uint64_t)M, *e = E;
  return 1;
}

/* the shortest digits that read back as x (finite, nonzero), the nearest of
   them to x: Python's repr (David Gay's dtoa, mode 0).  In an IEEE format
   (format binary16, ...), read back in that format, as NumPy's repr of a
   float16 or float32 is: 0.1 in binary32 prints 0.1, not 0.10000000149011612. */
void xiQ_shortest(xiQ_dig *g, double x) {
  double a = fabs(x);
  int prec = 53;
  long emin = -1074, E = 0;
  uint64_t M = 0;
  if (xiO_fmt != XI_FMT_MPFR && xiO_formats[xiO_fmt].prec < 53 &&
      split(a, (int)xiO_formats[xiO_fmt].prec, xiO_formats[xiO_fmt].emin - 1, &M, &E))
    prec = (int)xiO_formats[xiO_fmt].prec, emin = xiO_formats[xiO_fmt].emin - 1;
  else
    split(a, 53, -1074, &M, &E); /* (every double is a binary64 number) */
  interval iv;
  mpz_inits(iv.lo, iv.hi, iv.mid, iv.D, iv.L, iv.R, NULL);
  mpz_set_u64(iv.mid, M);
  mpz_mul_2exp(iv.mid, iv.mid, 1);
  iv.mk = E - 1;
  mpz_add_ui(iv.hi, iv.mid, 1);
  iv.hk = E - 1;
  if (M == UINT64_C(1) << (prec - 1) && E > emin) { /* the number below is twice as close */
    mpz_mul_2exp(iv.lo, iv.mid, 1);
    mpz_sub_ui(iv.lo, iv.lo, 1);
    iv.lk = E - 2;
  } else {
    mpz_sub_ui(iv.lo, iv.mid, 1);
    iv.lk = E - 1;
  }
  iv.incl = (M & 1) == 0;
  mpfr_t m;
  mpfr_init2(m, 53);
  mpfr_set_d(m, a, MPFR_RNDN);
  /* a decimal of p digits that reads back exists for every p past the
     shortest: search for the first */
  int lo = 1, hi = 17, found = 0;
  xiQ_dig best = {0};
  while (lo < hi) {
    int mid = (lo + hi) / 2;
    if (probe(&iv, m, mid, &best))
      hi = mid, found = mid;
    else
      lo = mid + 1;
  }
  while (found != lo && !probe(&iv, m, lo, &best) && lo < 40)
    lo++; /* 17 digits always read back (Matula) */
  dig_room(g, best.len);
  memcpy(g->d, best.d, best.len + 1);
  g->len = best.len, g->decpt = best.decpt, g->neg = signbit(x) != 0, g->kind = XI_Q_FIN;
  xiQ_strip(g);
  mpfr_clear(m);
  mpz_clears(iv.lo, iv.hi, iv.mid, iv.D, iv.L, iv.R, NULL);
}

/* the double nearest x, when it stands for x as well as any float64 can
   (pyfmt.h): 1, and *d; 0 when x must be printed from its own digits */
int xiQ_as_double(mpfr_srcptr x, double *d) {
  *d = mpfr_get_d(x, MPFR_RNDN);
  if (!mpfr_number_p(x) || mpfr_zero_p(x))
    return 1;
  if (isinf(*d))
    return 0;
  if (fabs(*d) < DBL_MIN)
    return mpfr_cmp_d(x, *d) == 0;
  return 1;
}

void xiQ_kind_of(xiQ_dig *g, mpfr_srcptr x) {
  g->kind = mpfr_nan_p(x) ? XI_Q_NAN : mpfr_inf_p(x) ? XI_Q_INF : XI_Q_FIN;
  g->neg = mpfr_signbit(x) && !mpfr_nan_p(x);
}

/* repr's digits: the double's shortest, or 17 of x's own (kept whole) */
int xiQ_repr_digits(xiQ_dig *g, mpfr_srcptr x) {
  xiQ_kind_of(g, x);
  if (g->kind != XI_Q_FIN)
    return 0;
  double d;
  if (!xiQ_as_double(x, &d))
    return xiQ_sig(g, x, 17);
  if (d == 0)
    return xiQ_dig_zero(g, signbit(d) != 0);
  xiQ_shortest(g, d);
  return g->d ? 0 : -1;
}

/* ---- what both layouts share ---- */

/* n copies of c: the zeros a layout adds, and its padding */
void xiQ_zeros(xiW_buf *b, long n, char c) {
  char z[64];
  memset(z, c, sizeof z);
  for (; n > 0 && !b->failed; n -= (long)sizeof z)
    xiW_str(b, z, n < (long)sizeof z ? (size_t)n : sizeof z);
}

/* a whole number of more than XI_PY_DIGITS_MAX digits */
int xiQ_huge_int(mpfr_srcptr x) {
  return !mpfr_zero_p(x) && mpfr_get_exp(x) > (mpfr_exp_t)(XI_PY_DIGITS_MAX * 3.33);
}

/* the type a value is printed as: its dtype, unless it cannot hold it (an int
   that is not whole is printed as a float, a bool not 0 or 1 as an int) */
int xiQ_type_of(mpfr_srcptr x, int dtype) {
  if (dtype == XI_DT_BOOL && (mpfr_zero_p(x) || mpfr_cmp_ui(x, 1) == 0))
    return XI_Q_BOOL;
  if (dtype != XI_DT_FLOAT && mpfr_integer_p(x))
    return XI_Q_INT;
  return XI_Q_FLOAT;
}
