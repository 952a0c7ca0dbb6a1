/* num.h: numbers as people read and write them. */
#ifndef XI_NUM_H
#define XI_NUM_H

#include <stdio.h> /* before mpfr.h, which then declares its FILE functions */
#include <mpfr.h>
#include <arb.h>
#include <stddef.h>

#define XI_DIGITS_MAX 30000

/* x with `digits` significant digits: plain decimal for moderate magnitudes,
   e notation otherwise; exact integers are written whole.  Plain ASCII.
   xiN_write writes it into out, which has XI_FORMAT_ROOM(digits) bytes, and
   returns its length (0 when out of memory); xiN_format returns a malloc'd
   string (NULL when out of memory). */
#define XI_FORMAT_ROOM(digits) ((size_t)(digits) + 40)
size_t xiN_write(char *out, mpfr_srcptr x, int digits);
char *xiN_format(mpfr_srcptr x, int digits);

/* x's first n significant decimal digits, rounded to nearest (ties to even),
   with a '-' first when x < 0, and *e with x ~ 0.DDD × 10^e: what
   mpfr_get_str(out, e, 10, n, x, MPFR_RNDN) writes (out has n + 2 bytes, 7
   at least), by exact integer arithmetic where n <= 18 and 10^(n-39) <= |x| <
   10^n, else by MPFR (decimal.c).  0; -1: x is 0, inf or nan, or out
   of memory.  xiN_digits_arf: the same of an arf, -1 also where the integer
   way does not apply (the caller then asks MPFR). */
int xiN_digits(char *out, mpfr_exp_t *e, int n, mpfr_srcptr x);
int xiN_digits_arf(char *out, mpfr_exp_t *e, int n, const arf_t x);

/* How many significant digits (at most max) the ball x proves: the largest k
   for which every number in x rounds to the same k-digit decimal (so that
   decimal is the exact value's, rounded).  An exact ball proves max; a ball
   holding 0 and other numbers, or not finite, proves none. */
int xiN_known(const arb_t x, int max);
/* x's lower and upper ends, exactly (lo and hi initialised; their precision
   is set here) */
void xiN_ends(const arb_t x, mpfr_ptr lo, mpfr_ptr hi);
/* x's proven digits (at most digits of them), as xiN_write writes a number,
   into out (XI_FORMAT_ROOM(digits) bytes).  A ball that proves not one digit
   is written as the bound it proves: "0 ± 2.6e-39" when it holds 0 (an exact
   0 is "0": every digit proven), "1.0 ± 0.12" otherwise (the midpoint to 2
   digits, and a bound of every number's distance from it, 2 digits rounded
   up); "?" only for a ball that bounds nothing (not finite).  *known: how
   many digits were written (0 for a bound or "?").  Returns the length, 0
   when out of memory. */
size_t xiN_write_ball(char *out, const arb_t x, int digits, int *known);

/* m (a bound) rounded up to 2 digits, as a bound is written ("2.6e-39",
   "0.51"), into out (48 bytes); returns the length */
size_t xiN_write_mag(char *out, const mag_t m);

typedef struct {
  int pass;      /* |value - claim| <= half a unit in the claim's last digit */
  int truncated; /* failed, but the claim is the value cut off there */
  int sig;       /* significant digits the claim wrote */
  int side;      /* 0: within half a unit of the claim's last digit; -1 below; 1 above */

  char *rounded; /* the value rounded at the claim's last digit, written alike */
} xiN_verdict;

/* Judges the claim `text` (digits, point, exponent; negated when neg) about
   v.  Returns -1 when the claim is too long or its exponent absurd. */
int xiN_judge(mpfr_srcptr v, const char *text, size_t len, int neg, xiN_verdict *out);

#endif
