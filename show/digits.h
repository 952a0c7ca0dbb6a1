/* digits.h: a number's decimal digits, for Python's and NumPy's printing
 * (pyfmt.c, npfmt.c) only.
 *
 * Every number becomes a digit string and a decimal point position (xiQ_dig):
 *   xiQ_shortest  the shortest digits that read back as a given double
 *                 (Python's repr, NumPy's unique mode)
 *   xiQ_sig       n significant digits of an exact value, correctly rounded
 *   xiQ_fixed     the digits up to n places after the point, correctly rounded
 * and is then laid out as Python lays it out (pyfmt.c) or placed in NumPy's
 * columns (npfmt.c).  Both printers also share here whether a value is
 * printed from its float64 or from its own digits (pyfmt.h), and the type a
 * value is printed as.  Apart from pyfmt.c because it is what both layouts
 * are made from, and knows nothing of either. */
#ifndef XI_DIGITS_H
#define XI_DIGITS_H

#include <stddef.h>

#include <mpfr.h>

#include "show/print.h"

enum { XI_Q_FIN, XI_Q_INF, XI_Q_NAN }; /* kinds */

typedef struct {
  char *d;    /* the digits, no sign, no point, NUL-terminated (in, or malloc'd) */
  size_t len;
  long decpt; /* the value is 0.d × 10^decpt (for 0: "0", decpt 1) */
  int neg, kind;
  char in[32];
} xiQ_dig;

/* The functions that make digits return 0, or -1 when memory ran out. */
void xiQ_dig_free(xiQ_dig *g);
int xiQ_dig_zero(xiQ_dig *g, int neg); /* 0, its sign neg */
void xiQ_strip(xiQ_dig *g);            /* trailing zeros off */
int xiQ_sig(xiQ_dig *g, mpfr_srcptr x, size_t n);
/* the position of x's first digit (x = 0.d × 10^e, d not rounded up) */
long xiQ_decexp(mpfr_srcptr x);
int xiQ_fixed(xiQ_dig *g, mpfr_srcptr x, long n);
void xiQ_shortest(xiQ_dig *g, double x); /* x finite and nonzero */
/* the double nearest x, when it stands for x as well as any float64 can: 1,
   and *d; 0 when x must be printed from its own digits */
int xiQ_as_double(mpfr_srcptr x, double *d);
void xiQ_kind_of(xiQ_dig *g, mpfr_srcptr x); /* only the kind and the sign */
/* repr's digits: the double's shortest, or 17 of x's own */
int xiQ_repr_digits(xiQ_dig *g, mpfr_srcptr x);

/* n copies of c (the zeros a layout adds, its padding) */
void xiQ_zeros(xiW_buf *b, long n, char c);

/* the type a value is printed as (XI_Q_FLOAT < XI_Q_INT < XI_Q_BOOL: an
   array's is the lowest of its elements') */
enum { XI_Q_FLOAT, XI_Q_INT, XI_Q_BOOL };
/* its view's dtype, unless it cannot hold the value */
int xiQ_type_of(mpfr_srcptr x, int dtype);
/* a whole number of more than XI_PY_DIGITS_MAX digits */
int xiQ_huge_int(mpfr_srcptr x);

#endif
