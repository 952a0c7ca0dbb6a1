/* numdigits.c: the digits xi prints, by its own integer conversion
 * (show/decimal.c) and its proven-digit shortcut (show/num.c), against MPFR.
 *
 * 1. xiN_digits and xiN_digits_arf against mpfr_get_str(RNDN), string and
 *    exponent, for 1 to 20 digits at 2 to 1100 bits: random numbers of every
 *    size from 1e-40 to 1e40, and the hard ones: exact ties (k + 1/2 units,
 *    with an even and an odd k), one ulp either side of a tie, 10^j and one
 *    ulp either side (where the decimal exponent changes), 9...95 (rounding up
 *    to a new decade), integers, powers of two.
 * 2. xiN_write_ball (and xiN_known) against the definition: the digits shown
 *    are every number's of the ball rounded to that many digits (both ends
 *    converted by mpfr_get_str, 2 conversions a candidate), and one more digit
 *    would not be (for a ball whose ends differ at it); random balls around
 *    random midpoints, with radii from 0 to wide, and balls whose ends sit one
 *    ulp inside or outside a halfway point.  A shortcut that claimed a digit
 *    the ends do not share fails here. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "show/num.h"

static uint64_t seed = 0x9e3779b97f4a7c15u;
static uint64_t next(void) {
  seed ^= seed << 13, seed ^= seed >> 7, seed ^= seed << 17;
  return seed;
}
static double unit(void) { return (double)(next() >> 11) / 9007199254740992.0; }

static long checks, failures;

static void fail(const char *what, mpfr_srcptr x, int n, const char *got, long ge,
                 const char *want, long we) {
  if (++failures <= 20)
    mpfr_fprintf(stderr, "%s: %Re (%ld bits), %d digits: got %s e%ld, MPFR %s e%ld\n", what, x,
                 (long)mpfr_get_prec(x), n, got, ge, want, we);
}

/* x's n digits both ways, against MPFR's */
static void compare(mpfr_srcptr x, int n) {
  char want[64], got[64];
  mpfr_exp_t we, ge;
  if (!mpfr_get_str(want, &we, 10, (size_t)n, x, MPFR_RNDN))
    return;
  checks++;
  if (xiN_digits(got, &ge, n, x) || strcmp(got, want) || ge != we)
    fail("xiN_digits", x, n, got, (long)ge, want, (long)we);
  arf_t a;
  arf_init(a);
  arf_set_mpfr(a, x);
  if (xiN_digits_arf(got, &ge, n, a) == 0 && (strcmp(got, want) || ge != we))
    fail("xiN_digits_arf", x, n, got, (long)ge, want, (long)we);
  arf_clear(a);
}

static gmp_randstate_t rs;

/* random x: sign, magnitude 10^(-40..40), every bit of its precision random */
static void random_number(mpfr_ptr x) {
  mpfr_urandomb(x, rs);
  if (mpfr_zero_p(x))
    mpfr_set_ui(x, 1, MPFR_RNDN);
  mpfr_t p;
  mpfr_init2(p, 64);
  mpfr_set_ui(p, 10, MPFR_RNDN);
  mpfr_pow_si(p, p, (long)(unit() * 81) - 40, MPFR_RNDN);
  mpfr_mul(x, x, p, MPFR_RNDN);
  if (next() & 1)
    mpfr_neg(x, x, MPFR_RNDN);
  mpfr_clear(p);
}

/* the hard cases around D·10^q (D an integer), for n digits at prec bits */
static void hard(mpfr_prec_t prec, int n) {
  mpfr_t x, t;
  mpfr_inits2(prec, x, t, (mpfr_ptr)0);
  long q = (long)(unit() * 30) - 20;
  unsigned long D = 1 + (unsigned long)(unit() * 1e6);
  /* a tie: (2D + 1)/2 · 2^q, exact in binary, at n = digits of D */
  mpfr_set_ui(x, 2 * D + 1, MPFR_RNDN);
  mpfr_mul_2si(x, x, q - 1, MPFR_RNDN);
  for (int k = 1; k <= 20; k++) {
    compare(x, k);
    mpfr_set(t, x, MPFR_RNDN);
    mpfr_nextabove(t);
    compare(t, k);
    mpfr_set(t, x, MPFR_RNDN);
    mpfr_nextbelow(t);
    compare(t, k);
  }
  /* 10^j and its neighbours; 9...95·10^j; integers; powers of two */
  long j = (long)(unit() * 60) - 30;
  mpfr_set_ui(x, 10, MPFR_RNDN);
  mpfr_pow_si(x, x, j, MPFR_RNDN);
  for (int k = 1; k <= 20; k++) {
    compare(x, k);
    mpfr_set(t, x, MPFR_RNDN);
    mpfr_nextabove(t);
    compare(t, k);
    mpfr_set(t, x, MPFR_RNDN);
    mpfr_nextbelow(t);
    compare(t, k);
  }
  mpfr_set_str(x, "99999999999999999995", 10, MPFR_RNDN);
  mpfr_div_ui(x, x, 1000, MPFR_RNDN);
  for (int k = 1; k <= 20; k++)
    compare(x, k);
  mpfr_set_ui(x, D, MPFR_RNDN);
  for (int k = 1; k <= 20; k++)
    compare(x, k);
  mpfr_set_ui_2exp(x, 1, (long)(unit() * 140) - 70, MPFR_RNDN);
  compare(x, n);
  mpfr_clears(x, t, (mpfr_ptr)0);
}

/* ---- 2: proven digits ---- */

/* the k-digit roundings of lo and hi agree */
static int ends_agree(mpfr_srcptr lo, mpfr_srcptr hi, int k) {
  char a[64], b[64];
  mpfr_exp_t e1, e2;
  mpfr_get_str(a, &e1, 10, (size_t)k, lo, MPFR_RNDN);
  mpfr_get_str(b, &e2, 10, (size_t)k, hi, MPFR_RNDN);
  return e1 == e2 && strcmp(a, b) == 0;
}

static void ball_check(const arb_t x, int digits) {
  char out[XI_FORMAT_ROOM(40)];
  int known;
  if (xiN_write_ball(out, x, digits, &known) == 0)
    return;
  checks++;
  if (arb_contains_zero(x) || arb_is_exact(x) || known == 0)
    return;
  mpfr_t lo, hi;
  mpfr_inits2(MPFR_PREC_MIN, lo, hi, (mpfr_ptr)0);
  xiN_ends(x, lo, hi);
  /* every number of the ball rounds to the k digits shown: the ends do (rounding
     is monotone), and those are the digits */
  int bad = !ends_agree(lo, hi, known);
  if (!bad) {
    char want[XI_FORMAT_ROOM(40)];
    xiN_write(want, lo, known);
    bad = strcmp(want, out) != 0;
  }
  /* and one more would not be (the count xiN_known's own search gives) */
  if (!bad && known < digits && ends_agree(lo, hi, known + 1))
    bad = 1;
  if (bad && ++failures <= 20)
    arb_fprintd(stderr, x, 40), fprintf(stderr, ": %d digits shown as %s\n", known, out);
  mpfr_clears(lo, hi, (mpfr_ptr)0);
}

static void random_ball(arb_t x, mpfr_prec_t prec) {
  mpfr_t m;
  mpfr_init2(m, prec);
  random_number(m);
  arf_set_mpfr(arb_midref(x), m);
  double r = unit();
  if (r < 0.1)
    mag_zero(arb_radref(x));
  else {
    /* |m|·2^-k: from a few bits to below the last */
    mag_set_ui_2exp_si(arb_radref(x), 1 + (next() & 0x3fffffff),
                       (slong)mpfr_get_exp(m) - 30 - (slong)(unit() * (double)(prec + 8)));
  }
  mpfr_clear(m);
}

/* a ball whose end lies one ulp (of 2^-200 relative) inside or outside the halfway
   point after the k-th digit of its midpoint */
static void edge_ball(arb_t x, int k) {
  mpfr_t m, h;
  mpfr_init2(m, 128);
  mpfr_init2(h, 300);
  random_number(m);
  char s[64];
  mpfr_exp_t e;
  mpfr_get_str(s, &e, 10, (size_t)k, m, MPFR_RNDN);
  /* h = the digits plus half a unit: a halfway point */
  char t[128];
  snprintf(t, sizeof t, "%s5e%ld", s, (long)e - k - 1);
  mpfr_set_str(h, t, 10, MPFR_RNDN);
  arf_set_mpfr(arb_midref(x), m);
  arf_t d;
  arf_init(d);
  arf_set_mpfr(d, h);
  arf_sub(d, d, arb_midref(x), 300, ARF_RND_NEAR);
  arf_abs(d, d);
  arf_get_mag(arb_radref(x), d);
  if (next() & 1) { /* a little inside */
    mag_t w;
    mag_init(w);
    mag_mul_2exp_si(w, arb_radref(x), -30);
    mag_sub_lower(arb_radref(x), arb_radref(x), w);
    mag_clear(w);
  }
  arf_clear(d);
  mpfr_clears(m, h, (mpfr_ptr)0);
}

int main(void) {
  gmp_randinit_default(rs);
  gmp_randseed_ui(rs, 20261206);
  static const mpfr_prec_t precs[] = {2, 11, 24, 53, 64, 65, 113, 128, 129, 192, 256, 1100};
  for (size_t p = 0; p < sizeof precs / sizeof *precs; p++) {
    mpfr_t x;
    mpfr_init2(x, precs[p]);
    for (int i = 0; i < 6000; i++) {
      random_number(x);
      compare(x, 1 + (int)(unit() * 20));
    }
    for (int i = 0; i < 60; i++)
      hard(precs[p], 1 + (int)(unit() * 20));
    mpfr_clear(x);
  }
  long part1 = checks;
  arb_t b;
  arb_init(b);
  for (int i = 0; i < 40000; i++) {
    random_ball(b, i % 3 ? 128 : 53 + (mpfr_prec_t)(unit() * 300));
    ball_check(b, 1 + (int)(unit() * 30));
  }
  for (int i = 0; i < 20000; i++) {
    int k = 1 + (int)(unit() * 16);
    edge_ball(b, k);
    ball_check(b, k + (int)(unit() * 3));
  }
  arb_clear(b);
  gmp_randclear(rs);
  flint_cleanup();
  if (failures) {
    printf("%ld of %ld failed\n", failures, checks);
    return 1;
  }
  printf("%ld conversions as MPFR's, %ld balls' digits proven and no more\n", part1,
         checks - part1);
  return 0;
}
