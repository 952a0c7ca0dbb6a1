/* num.h: numbers as people read and write them. */
#ifndef XI_NUM_H
#define XI_NUM_H

#include <stdio.h> /* before mpfr.h, which then declares its FILE functions */
#include <mpfr.h>
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

typedef struct {
  int pass;      /* |value - claim| <= half a unit in the claim's last digit */
  int truncated; /* failed, but the claim is the value cut off there */
  int sig;       /* significant digits the claim wrote */
  char *rounded; /* the value rounded at the claim's last digit, written alike */
} xiN_verdict;

/* Judges the claim `text` (digits, point, exponent; negated when neg) about
   v.  Returns -1 when the claim is too long or its exponent absurd. */
int xiN_judge(mpfr_srcptr v, const char *text, size_t len, int neg, xiN_verdict *out);

#endif
