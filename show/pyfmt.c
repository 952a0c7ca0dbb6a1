/* pyfmt.c: Python's str() and format() of numbers, for pasted code, and the
 * interface (pyfmt.h) through which NumPy's str() of arrays (npfmt.c) is
 * printed (see pyfmt.h for what is printed from a float64 and what from the
 * value itself).
 *
 * Every number becomes a digit string and a decimal point position
 * (digits.c: xiQ_dig; the shortest that reads back as a double, n
 * significant digits, or n after the point), and is then laid out as
 * CPython's format_float_short lays out dtoa's digits (layout), padded and
 * grouped as its calc_number_widths and fill_number do (pyspec.c), or
 * placed in NumPy's columns and lines (npfmt.c). */
#include "show/pyfmt.h"
#include "ops/fmt.h"
#include "show/digits.h"
#include "show/npfmt.h"
#include "show/pyspec.h"

#include <gmp.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- Python's layout of digits (format_float_short in pystrtod.c) ---- */

/* code 'e' (precision: the digits wanted, one more than after the point),
   'f', 'g' or 'r' (repr); the sign is not written */
static void layout(xiW_buf *b, const xiQ_dig *g, int code, long precision, int add_dot_0, int alt,
                   int upper) {
  if (g->kind != XI_Q_FIN) {
    xiW_put(b, "%s", g->kind == XI_Q_NAN ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf"));
    return;
  }
  long decpt = g->decpt, dl = (long)g->len, vend = dl, exp = 0;
  int use_exp = 0;
  switch (code) {
  case 'e':
    use_exp = 1;
    vend = precision;
    break;
  case 'f':
    vend = decpt + precision;
    break;
  case 'g':
    if (decpt <= -4 || decpt > (add_dot_0 ? precision - 1 : precision))
      use_exp = 1;
    if (alt)
      vend = precision;
    break;
  default: /* 'r'; 'x' and 'p': repr's digits, in exponent form or not, as
               NumPy decides it for a float16 or float32 scalar (str_float) */
    if (code == 'x' || (code == 'r' && (decpt <= -4 || decpt > 16)))
      use_exp = 1;
  }
  if (use_exp)
    exp = decpt - 1, decpt = 1;
  long vstart = decpt <= 0 ? decpt - 1 : 0;
  if (!use_exp && add_dot_0)
    vend = vend > decpt ? vend : decpt + 1;
  else
    vend = vend > decpt ? vend : decpt;
  size_t start = b->n;
  if (decpt <= 0) {
    xiQ_zeros(b, decpt - vstart, '0');
    xiW_str(b, ".", 1);
    xiQ_zeros(b, -decpt, '0');
  }
  if (0 < decpt && decpt <= dl) {
    xiW_str(b, g->d, (size_t)decpt);
    xiW_str(b, ".", 1);
    xiW_str(b, g->d + decpt, (size_t)(dl - decpt));
  } else {
    xiW_str(b, g->d, (size_t)dl);
  }
  if (dl < decpt) {
    xiQ_zeros(b, decpt - dl, '0');
    xiW_str(b, ".", 1);
    xiQ_zeros(b, vend - decpt, '0');
  } else {
    xiQ_zeros(b, vend - dl, '0');
  }
  if (!b->failed && b->n > start && b->s[b->n - 1] == '.' && !alt)
    b->s[--b->n] = '\0';
  if (use_exp)
    xiW_put(b, "%c%+.02ld", upper ? 'E' : 'e', exp);
}

/* ---- what a view holds (the type it is printed as: xiQ_type_of) ---- */

/* the type's name in Python's messages, by XI_Q_FLOAT, XI_Q_INT, XI_Q_BOOL */
static const char *const tnames[] = {"float", "int", "bool"};

/* ---- format() ---- */

static int too_big(char *why, size_t n, const char *what, long v) {
  return xiO_fspec_fail(why, n, -2, "the %s %ld is more than xi writes (%d)", what, v, XI_PY_DIGITS_MAX);
}

/* h = x·100 for '%'.  In an IEEE format x is a Python float or a NumPy
   scalar (float32's too: __format__ makes it a double), and CPython's
   float.__format__ multiplies by 100 in double first (3/40 is 7.5 only after
   that rounding: 8%, where the exact 7.4999… gives 7%), past 1.8e306 inf;
   under format mpfr, exactly.  (h is initialized here.) */
static int percent_of(mpfr_ptr h, mpfr_srcptr x, char *why, size_t n) {
  if (xiO_fmt) {
    mpfr_init2(h, 53);
    xiO_fmt_round_to(h, mpfr_set(h, x, MPFR_RNDN), XI_FMT_BINARY64);
    xiO_fmt_round_to(h, mpfr_mul_ui(h, h, 100, MPFR_RNDN), XI_FMT_BINARY64);
    return 0;
  }
  mpfr_init2(h, mpfr_get_prec(x) + 8);
  mpfr_mul_ui(h, x, 100, MPFR_RNDN);
  if (mpfr_inf_p(h) && mpfr_number_p(x)) {
    mpfr_clear(h);
    return xiO_fspec_fail(why, n, -2, "the number times 100 is past MPFR's exponent range");
  }
  return 0;
}

static int format_float(xiW_buf *b, mpfr_srcptr x0, const xiO_fspec *f0, char *why, size_t n) {
  xiO_fspec f = *f0;
  if (f.prec > 2147483647L)
    return xiO_fspec_fail(why, n, -1, "ValueError: precision too big");
  if (f.prec > XI_PY_DIGITS_MAX)
    return too_big(why, n, "precision", f.prec);
  long type = f.type, prec = f.prec;
  int add_dot_0 = 0, pct = 0, upper = type == 'E' || type == 'F' || type == 'G', code;
  long dflt = 6;
  if (type == 0)
    add_dot_0 = 1, code = 'r', dflt = 0;
  else if (type == 'n' || type == 'G')
    code = 'g';
  else if (type == '%')
    code = 'f', pct = 1;
  else
    code = (int)(type | 0x20); /* e f g */
  if (prec < 0)
    prec = dflt;
  else if (code == 'r')
    code = 'g';
  mpfr_t h; /* x·100 for '%' */
  mpfr_srcptr x = x0;
  if (pct) {
    int rc = percent_of(h, x0, why, n);
    if (rc)
      return rc;
    x = h;
  }
  xiQ_dig g = {0};
  int rc = 0;
  xiQ_kind_of(&g, x);
  if (g.kind == XI_Q_FIN) {
    if (code == 'r')
      rc = xiQ_repr_digits(&g, x);
    else if (code == 'e')
      rc = xiQ_sig(&g, x, (size_t)prec + 1);
    else if (code == 'g')
      rc = xiQ_sig(&g, x, prec ? (size_t)prec : 1);
    else if (!mpfr_zero_p(x) && xiQ_decexp(x) > XI_PY_DIGITS_MAX)
      rc = xiO_fspec_fail(why, n, -2, "the number has %ld digits before the point, more than xi writes (%d)",
                xiQ_decexp(x), XI_PY_DIGITS_MAX);
    else
      rc = xiQ_fixed(&g, x, prec);
    if (rc == -1) {
      b->failed = XI_W_MEMORY;
      rc = xiO_fspec_fail(why, n, -2, "%s", xiW_why(b));
    }
    if (code != 'r')
      xiQ_strip(&g);
  }
  if (pct)
    mpfr_clear(h);
  if (rc) {
    xiQ_dig_free(&g);
    return rc;
  }
  if (code == 'e')
    prec++;
  if (code == 'g' && prec == 0)
    prec = 1;
  if (f.z && g.kind == XI_Q_FIN && g.len == 1 && g.d[0] == '0')
    g.neg = 0;
  xiW_buf body = {0};
  layout(&body, &g, code, prec, add_dot_0, f.alt, upper);
  if (pct)
    xiW_str(&body, "%", 1);
  if (type == 'n')
    f.sep = 0; /* the C locale groups nothing */
  if (!body.failed)
    xiW_py_spec_number(b, &f, g.neg, "", body.s, body.n, -1);
  else
    b->failed = body.failed;
  xiW_free(&body);
  xiQ_dig_free(&g);
  return 0;
}

static int format_int(xiW_buf *b, mpfr_srcptr x, const xiO_fspec *f0, char *why, size_t n) {
  xiO_fspec f = *f0;
  if (f.prec != -1)
    return xiO_fspec_fail(why, n, -1, "ValueError: Precision not allowed in integer format specifier");
  if (f.z)
    return xiO_fspec_fail(why, n, -1,
                "ValueError: Negative zero coercion (z) not allowed in integer format specifier");
  mpz_t z;
  mpz_init(z);
  mpfr_get_z(z, x, MPFR_RNDN); /* exact: x is whole */
  int rc = 0;
  if (f.type == 'c') {
    if (f.sign)
      rc = xiO_fspec_fail(why, n, -1, "ValueError: Sign not allowed with integer format specifier 'c'");
    else if (f.alt)
      rc = xiO_fspec_fail(why, n, -1,
                "ValueError: Alternate form (#) not allowed with integer format specifier 'c'");
    else if (mpz_sgn(z) < 0 || mpz_cmp_ui(z, 0x10ffff) > 0)
      rc = xiO_fspec_fail(why, n, -1, "OverflowError: %%c arg not in range(0x110000)");
    else if (mpz_get_ui(z) >= 0xd800 && mpz_get_ui(z) < 0xe000)
      rc = xiO_fspec_fail(why, n, -2, "U+%04lX is a lone surrogate, which UTF-8 cannot write",
                mpz_get_ui(z));
    if (!rc) {
      unsigned long c = mpz_get_ui(z);
      char u[4];
      size_t k;
      if (c < 0x80)
        u[0] = (char)c, k = 1;
      else if (c < 0x800)
        u[0] = (char)(0xC0 | c >> 6), u[1] = (char)(0x80 | (c & 0x3F)), k = 2;
      else if (c < 0x10000)
        u[0] = (char)(0xE0 | c >> 12), u[1] = (char)(0x80 | ((c >> 6) & 0x3F)),
        u[2] = (char)(0x80 | (c & 0x3F)), k = 3;
      else
        u[0] = (char)(0xF0 | c >> 18), u[1] = (char)(0x80 | ((c >> 12) & 0x3F)),
        u[2] = (char)(0x80 | ((c >> 6) & 0x3F)), u[3] = (char)(0x80 | (c & 0x3F)), k = 4;
      xiW_py_spec_number(b, &f, 0, "", u, k, 0); /* all rest, no digits */
    }
    mpz_clear(z);
    return rc;
  }
  if (xiQ_huge_int(x)) {
    mpz_clear(z);
    return xiO_fspec_fail(why, n, -2, "the int has more digits than xi writes (%d)", XI_PY_DIGITS_MAX);
  }
  int base = f.type == 'b' ? 2 : f.type == 'o' ? 8 : f.type == 'x' ? 16 : f.type == 'X' ? -16 : 10;
  const char *prefix = "";
  if (f.alt)
    prefix = base == 2 ? "0b" : base == 8 ? "0o" : base == 16 ? "0x" : base == -16 ? "0X" : "";
  if (f.type == 'n')
    f.sep = 0; /* the C locale groups nothing */
  int neg = mpz_sgn(z) < 0;
  mpz_abs(z, z);
  char *d = mpz_get_str(NULL, base, z);
  if (d)
    xiW_py_spec_number(b, &f, neg, prefix, d, strlen(d), (long)strlen(d));
  else
    b->failed = XI_W_MEMORY;
  void (*freef)(void *, size_t);
  mp_get_memory_functions(NULL, NULL, &freef);
  if (d)
    freef(d, strlen(d) + 1);
  mpz_clear(z);
  return 0;
}

/* ---- str() of a scalar ---- */

static void str_float(xiW_buf *b, mpfr_srcptr x) {
  xiQ_dig g = {0};
  if (xiQ_repr_digits(&g, x)) {
    b->failed = XI_W_MEMORY;
    return;
  }
  if (g.neg)
    xiW_str(b, "-", 1);
  int code = 'r'; /* Python's rule, from the digits; NumPy's for a float16 or float32,
                     from the value: exponent form below 1e-4 (float32 1e-4 is 1e-04) */
  if (xiO_fmt != XI_FMT_MPFR && mpfr_regular_p(x)) { /* (a format's number is a double) */
    double ax = fabs(mpfr_get_d(x, MPFR_RNDN));
    code = ax < 1e-4 || ax >= 1e16 ? 'x' : 'p';
  }
  layout(b, &g, code, 0, 1, 0, 0);
  xiQ_dig_free(&g);
}

static void str_int(xiW_buf *b, mpfr_srcptr x) {
  mpz_t z;
  mpz_init(z);
  mpfr_get_z(z, x, MPFR_RNDN);
  size_t k = mpz_sizeinbase(z, 10) + 2;
  char *d = malloc(k);
  if (d) {
    mpz_get_str(d, 10, z);
    xiW_str(b, d, strlen(d));
  } else {
    b->failed = XI_W_MEMORY;
  }
  free(d);
  mpz_clear(z);
}

static void str_scalar(xiW_buf *b, mpfr_srcptr x, int dtype) {
  switch (xiQ_type_of(x, dtype)) {
  case XI_Q_BOOL:
    xiW_put(b, "%s", mpfr_zero_p(x) ? "False" : "True");
    break;
  case XI_Q_INT:
    if (xiQ_huge_int(x))
      str_float(b, x); /* 17 digits and an exponent */
    else
      str_int(b, x);
    break;
  default:
    str_float(b, x);
  }
}

/* ---- the interface ---- */

void xiW_py_str(xiW_buf *b, const xiO_view *v) {
  if (b->failed)
    return;
  if (v->sh.rank == 0)
    str_scalar(b, v->el, v->dtype);
  else
    xiW_np_str(b, v);
}

int xiW_py_format(xiW_buf *b, const xiO_view *v, const char *spec, size_t len, char *why,
                  size_t n) {
  if (b->failed)
    return xiO_fspec_fail(why, n, -2, "%s", xiW_why(b));
  size_t n0 = b->n;
  int rc = 0;
  if (len == 0) {
    xiW_py_str(b, v);
  } else if (v->sh.rank != 0) {
    return xiO_fspec_fail(why, n, -1, "TypeError: unsupported format string passed to numpy.ndarray.__format__");
  } else {
    int t = xiQ_type_of(v->el, v->dtype);
    xiO_fspec f;
    if (xiO_fspec_parse(&f, spec, len, tnames[t], 0, INT64_MAX, why, n))
      return -1;
    if (t != XI_Q_FLOAT && f.type == 0)
      f.type = 'd';
    int intcode = f.type == 'b' || f.type == 'c' || f.type == 'd' || f.type == 'o' ||
                  f.type == 'x' || f.type == 'X' || f.type == 'n';
    int floatcode = f.type == 'e' || f.type == 'E' || f.type == 'f' || f.type == 'F' ||
                    f.type == 'g' || f.type == 'G' || f.type == '%';
    if (t == XI_Q_FLOAT ? !(floatcode || f.type == 0 || f.type == 'n') : !(intcode || floatcode)) {
      char c[16];
      xiO_fspec_code(c, sizeof c, f.type);
      return xiO_fspec_fail(why, n, -1, "ValueError: Unknown format code '%s' for object of type '%s'", c,
                  tnames[t]);
    }
    if (f.width > XI_PY_DIGITS_MAX)
      return too_big(why, n, "width", f.width);
    if (t == XI_Q_FLOAT || floatcode)
      rc = format_float(b, v->el, &f, why, n);
    else
      rc = format_int(b, v->el, &f, why, n);
  }
  if (!rc && b->failed)
    rc = xiO_fspec_fail(why, n, -2, "%s", xiW_why(b));
  if (rc && b->s && b->n >= n0) { /* nothing of it stays */
    b->n = n0;
    b->s[n0] = '\0';
  }
  return rc;
}

void xiW_py_repr(xiW_buf *b, const xiO_view *v) {
  if (b->failed)
    return;
  if (v->sh.rank == 0)
    str_scalar(b, v->el, v->dtype); /* repr is str for Python's numbers and NumPy 1.24's */
  else
    xiW_np_repr(b, v);
}

void xiW_py_tuple(xiW_buf *b, const long *items, size_t n) {
  xiW_str(b, "(", 1);
  for (size_t i = 0; i < n; i++)
    xiW_put(b, i ? ", %ld" : "%ld", items[i]);
  xiW_str(b, n == 1 ? ",)" : ")", n == 1 ? 2 : 1);
}
