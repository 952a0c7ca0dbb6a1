/* pyfmt.c: Python's str() and format() of numbers, for pasted code, and the
 * interface (pyfmt.h) through which NumPy's str() of arrays (npfmt.c) is
 * printed (see pyfmt.h for what is printed from a float64 and what from the
 * value itself).
 *
 * Every number becomes a digit string and a decimal point position
 * (digits.c: xiQ_dig; the shortest that reads back as a double, n
 * significant digits, or n after the point), and is then laid out as
 * CPython's format_float_short lays out dtoa's digits (layout), padded and
 * grouped as its calc_number_widths and fill_number do (fill_number), or
 * placed in NumPy's columns and lines (npfmt.c). */
#include "show/pyfmt.h"
#include "ops/fmt.h"
#include "show/digits.h"
#include "show/npfmt.h"

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

/* ---- Python's format-spec mini-language ---- */

typedef struct {
  const char *fill;
  size_t fill_len; /* the fill character's bytes */
  int align, sign, z, alt, sep, group;
  int aligned;      /* the alignment was given (a string's default is '<', a number's '>') */
  long width, prec; /* -1: not given */
  long type;        /* 0, or the character (a code point) */
} fspec;

/* the length of the UTF-8 character starting with byte c */
static size_t u8len(unsigned char c) {
  return c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

static long u8code(const char *s, size_t n) {
  const unsigned char *u = (const unsigned char *)s;
  if (n == 1)
    return u[0];
  long c = u[0] & (0x7F >> n);
  for (size_t i = 1; i < n; i++)
    c = (c << 6) | (u[i] & 0x3F);
  return c;
}

static size_t u8count(const char *s, size_t n) {
  size_t c = 0;
  for (size_t i = 0; i < n; i++)
    c += ((unsigned char)s[i] & 0xC0) != 0x80;
  return c;
}

static int is_align(char c) { return c == '<' || c == '>' || c == '=' || c == '^'; }

/* Python's message for a type code: 'd', or '\xe9' past ASCII */
static void code_text(char *out, size_t n, long type) {
  if (type > 32 && type < 128)
    snprintf(out, n, "%c", (int)type);
  else
    snprintf(out, n, "\\x%lx", type);
}

static int fail(char *why, size_t n, int rc, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static int fail(char *why, size_t n, int rc, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  if (why && n)
    vsnprintf(why, n, fmt, ap);
  va_end(ap);
  return rc;
}

/* digits of a width or precision: Python's get_integer; -1 on overflow */
static int get_integer(const char *s, size_t len, size_t *pos, long *out) {
  long acc = 0;
  int nd = 0;
  for (; *pos < len && s[*pos] >= '0' && s[*pos] <= '9'; ++*pos, nd++) {
    long dv = s[*pos] - '0';
    if (acc > (INT64_MAX - dv) / 10)
      return -1;
    acc = acc * 10 + dv;
  }
  *out = acc;
  return nd;
}

/* parse_internal_render_format_spec: 0, or -1 with Python's message */
static int parse_spec(fspec *f, const char *s, size_t len, const char *tname, char *why, size_t n) {
  size_t pos = 0;
  int align_given = 0, fill_given = 0;
  memset(f, 0, sizeof *f);
  f->fill = " ", f->fill_len = 1, f->align = '>', f->width = f->prec = -1;
  size_t fl = len ? u8len((unsigned char)s[0]) : 0;
  if (fl && fl < len && is_align(s[fl])) {
    f->fill = s, f->fill_len = fl, f->align = s[fl];
    fill_given = align_given = 1;
    pos = fl + 1;
  } else if (len && is_align(s[0])) {
    f->align = s[0], align_given = 1, pos = 1;
  }
  f->aligned = align_given;
  if (pos < len && (s[pos] == ' ' || s[pos] == '+' || s[pos] == '-'))
    f->sign = s[pos++];
  if (pos < len && s[pos] == 'z')
    f->z = 1, pos++;
  if (pos < len && s[pos] == '#')
    f->alt = 1, pos++;
  if (!fill_given && pos < len && s[pos] == '0') {
    f->fill = "0", f->fill_len = 1;
    if (!align_given)
      f->align = '=';
    pos++;
  }
  const char *toomany = "ValueError: Too many decimal digits in format string";
  int got = get_integer(s, len, &pos, &f->width);
  if (got < 0)
    return fail(why, n, -1, "%s", toomany);
  if (got == 0)
    f->width = -1;
  if (pos < len && s[pos] == ',')
    f->sep = ',', pos++;
  if (pos < len && s[pos] == '_') {
    if (f->sep)
      return fail(why, n, -1, "ValueError: Cannot specify both ',' and '_'.");
    f->sep = '_', pos++;
  }
  if (pos < len && s[pos] == ',' && f->sep == '_')
    return fail(why, n, -1, "ValueError: Cannot specify both ',' and '_'.");
  if (pos < len && s[pos] == '.') {
    pos++;
    got = get_integer(s, len, &pos, &f->prec);
    if (got < 0)
      return fail(why, n, -1, "%s", toomany);
    if (got == 0)
      return fail(why, n, -1, "ValueError: Format specifier missing precision");
  }
  if (pos < len) { /* one character left: the type */
    size_t tl = u8len((unsigned char)s[pos]);
    if (pos + tl != len)
      return fail(why, n, -1, "ValueError: Invalid format specifier '%.*s' for object of type '%s'",
                  (int)len, s, tname);
    f->type = u8code(s + pos, tl);
  }
  f->group = 3;
  if (f->sep) {
    switch (f->type) {
    case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case 0:
      break;
    case 'b': case 'o': case 'x': case 'X':
      if (f->sep == '_') {
        f->group = 4;
        break;
      }
      /* fall through */
    default: {
      char t[16];
      code_text(t, sizeof t, f->type);
      return fail(why, n, -1, "ValueError: Cannot specify '%c' with '%s'.", f->sep, t);
    }
    }
  }
  return 0;
}

static void put_fill(xiW_buf *b, const fspec *f, long k) {
  if (f->fill_len == 1) {
    xiQ_zeros(b, k, f->fill[0]);
    return;
  }
  for (; k > 0 && !b->failed; k--)
    xiW_str(b, f->fill, f->fill_len);
}

/* digits d[0..nd) grouped from the right (Python's
   _PyUnicode_InsertThousandsGrouping), with the zeros that '0' padding to
   min_width adds, grouped too */
static void group(xiW_buf *b, const char *d, long nd, long min_width, int sep, int g) {
  if (min_width < 0)
    min_width = 0;
  size_t cap = (size_t)(nd + min_width) * 2 + 8;
  char *tmp = malloc(cap);
  if (!tmp) {
    b->failed = XI_W_MEMORY;
    return;
  }
  char *p = tmp + cap;
  long remaining = nd, len, nz, nc;
  int use_sep = 0;
  for (;;) {
    len = remaining > min_width ? remaining : min_width;
    if (len < 1)
      len = 1;
    if (sep && len > g)
      len = g;
    nz = len - remaining > 0 ? len - remaining : 0;
    nc = remaining < len ? remaining : len;
    if (nc < 0)
      nc = 0;
    if (use_sep)
      *--p = (char)sep;
    p -= nc;
    memcpy(p, d + remaining - nc, (size_t)nc);
    p -= nz;
    memset(p, '0', (size_t)nz);
    if (!sep)
      break; /* no grouping: one piece */
    use_sep = 1;
    remaining -= nc;
    min_width -= len;
    if (remaining <= 0 && min_width <= 0)
      break;
    min_width -= 1;
  }
  xiW_str(b, p, (size_t)(tmp + cap - p));
  free(tmp);
}

/* calc_number_widths and fill_number: the body is ndigits digits (-1: its
   leading decimal digits) then the rest (point, fraction, exponent, '%') */
static void fill_number(xiW_buf *b, const fspec *f, int neg, const char *prefix, const char *body,
                        size_t blen, long ndigits) {
  size_t nd = ndigits >= 0 ? (size_t)ndigits : 0;
  while (ndigits < 0 && nd < blen && body[nd] >= '0' && body[nd] <= '9')
    nd++;
  const char *rest = body + nd;
  size_t rest_bytes = blen - nd;
  char sign = neg ? '-' : f->sign == '+' ? '+' : f->sign == ' ' ? ' ' : 0;
  long n_prefix = (long)strlen(prefix);
  long nondigit = (sign != 0) + n_prefix + (long)u8count(rest, rest_bytes);
  long min_width = f->fill_len == 1 && f->fill[0] == '0' && f->align == '=' ? f->width - nondigit : 0;
  xiW_buf dg = {0};
  if (nd)
    group(&dg, body, (long)nd, min_width, f->sep, f->group);
  if (dg.failed) {
    b->failed = dg.failed;
    xiW_free(&dg);
    return;
  }
  long pad = f->width - (nondigit + (long)dg.n), lpad = 0, spad = 0, rpad = 0;
  if (pad > 0) {
    switch (f->align) {
    case '<': rpad = pad; break;
    case '^': lpad = pad / 2, rpad = pad - lpad; break;
    case '=': spad = pad; break;
    default: lpad = pad;
    }
  }
  put_fill(b, f, lpad);
  if (sign)
    xiW_str(b, &sign, 1);
  xiW_str(b, prefix, (size_t)n_prefix);
  put_fill(b, f, spad);
  if (dg.n)
    xiW_str(b, dg.s, dg.n);
  xiW_str(b, rest, rest_bytes);
  put_fill(b, f, rpad);
  xiW_free(&dg);
}

/* ---- what a view holds (the type it is printed as: xiQ_type_of) ---- */

/* the type's name in Python's messages, by XI_Q_FLOAT, XI_Q_INT, XI_Q_BOOL */
static const char *const tnames[] = {"float", "int", "bool"};

/* ---- format() ---- */

static int too_big(char *why, size_t n, const char *what, long v) {
  return fail(why, n, -2, "the %s %ld is more than xi writes (%d)", what, v, XI_PY_DIGITS_MAX);
}

static int format_float(xiW_buf *b, mpfr_srcptr x0, const fspec *f0, char *why, size_t n) {
  fspec f = *f0;
  if (f.prec > 2147483647L)
    return fail(why, n, -1, "ValueError: precision too big");
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
  mpfr_t h; /* x·100 for '%', exactly */
  mpfr_srcptr x = x0;
  if (pct) {
    mpfr_init2(h, mpfr_get_prec(x0) + 8);
    mpfr_mul_ui(h, x0, 100, MPFR_RNDN);
    x = h;
    if (mpfr_inf_p(h) && mpfr_number_p(x0)) {
      mpfr_clear(h);
      return fail(why, n, -2, "the number times 100 is past MPFR's exponent range");
    }
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
      rc = fail(why, n, -2, "the number has %ld digits before the point, more than xi writes (%d)",
                xiQ_decexp(x), XI_PY_DIGITS_MAX);
    else
      rc = xiQ_fixed(&g, x, prec);
    if (rc == -1) {
      b->failed = XI_W_MEMORY;
      rc = fail(why, n, -2, "%s", xiW_why(b));
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
    fill_number(b, &f, g.neg, "", body.s, body.n, -1);
  else
    b->failed = body.failed;
  xiW_free(&body);
  xiQ_dig_free(&g);
  return 0;
}

static int format_int(xiW_buf *b, mpfr_srcptr x, const fspec *f0, char *why, size_t n) {
  fspec f = *f0;
  if (f.prec != -1)
    return fail(why, n, -1, "ValueError: Precision not allowed in integer format specifier");
  if (f.z)
    return fail(why, n, -1,
                "ValueError: Negative zero coercion (z) not allowed in integer format specifier");
  mpz_t z;
  mpz_init(z);
  mpfr_get_z(z, x, MPFR_RNDN); /* exact: x is whole */
  int rc = 0;
  if (f.type == 'c') {
    if (f.sign)
      rc = fail(why, n, -1, "ValueError: Sign not allowed with integer format specifier 'c'");
    else if (f.alt)
      rc = fail(why, n, -1,
                "ValueError: Alternate form (#) not allowed with integer format specifier 'c'");
    else if (mpz_sgn(z) < 0 || mpz_cmp_ui(z, 0x10ffff) > 0)
      rc = fail(why, n, -1, "OverflowError: %%c arg not in range(0x110000)");
    else if (mpz_get_ui(z) >= 0xd800 && mpz_get_ui(z) < 0xe000)
      rc = fail(why, n, -2, "U+%04lX is a lone surrogate, which UTF-8 cannot write",
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
      fill_number(b, &f, 0, "", u, k, 0); /* all rest, no digits */
    }
    mpz_clear(z);
    return rc;
  }
  if (xiQ_huge_int(x)) {
    mpz_clear(z);
    return fail(why, n, -2, "the int has more digits than xi writes (%d)", XI_PY_DIGITS_MAX);
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
    fill_number(b, &f, neg, prefix, d, strlen(d), (long)strlen(d));
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
    return fail(why, n, -2, "%s", xiW_why(b));
  size_t n0 = b->n;
  int rc = 0;
  if (len == 0) {
    xiW_py_str(b, v);
  } else if (v->sh.rank != 0) {
    return fail(why, n, -1, "TypeError: unsupported format string passed to numpy.ndarray.__format__");
  } else {
    int t = xiQ_type_of(v->el, v->dtype);
    fspec f;
    if (parse_spec(&f, spec, len, tnames[t], why, n))
      return -1;
    if (t != XI_Q_FLOAT && f.type == 0)
      f.type = 'd';
    int intcode = f.type == 'b' || f.type == 'c' || f.type == 'd' || f.type == 'o' ||
                  f.type == 'x' || f.type == 'X' || f.type == 'n';
    int floatcode = f.type == 'e' || f.type == 'E' || f.type == 'f' || f.type == 'F' ||
                    f.type == 'g' || f.type == 'G' || f.type == '%';
    if (t == XI_Q_FLOAT ? !(floatcode || f.type == 0 || f.type == 'n') : !(intcode || floatcode)) {
      char c[16];
      code_text(c, sizeof c, f.type);
      return fail(why, n, -1, "ValueError: Unknown format code '%s' for object of type '%s'", c,
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
    rc = fail(why, n, -2, "%s", xiW_why(b));
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

void xiW_py_str_repr(xiW_buf *b, const char *s) {
  int dq = strchr(s, '\'') && !strchr(s, '"'); /* Python's choice of quotes */
  char q = dq ? '"' : '\'';
  xiW_str(b, &q, 1);
  for (; *s && !b->failed; s++) {
    unsigned char c = (unsigned char)*s;
    if (c == (unsigned char)q || c == '\\')
      xiW_put(b, "\\%c", c);
    else if (c == '\n' || c == '\t' || c == '\r')
      xiW_put(b, "\\%c", c == '\n' ? 'n' : c == '\t' ? 't' : 'r');
    else if (c < 0x20 || c == 0x7f)
      xiW_put(b, "\\x%02x", c);
    else
      xiW_str(b, (const char *)&c, 1);
  }
  xiW_str(b, &q, 1);
}

int xiW_py_format_str(xiW_buf *b, const char *s, const char *spec, size_t len, char *why,
                      size_t n) {
  fspec f;
  if (parse_spec(&f, spec, len, "str", why, n))
    return -1;
  if (f.type && f.type != 's') {
    char c[16];
    code_text(c, sizeof c, f.type);
    return fail(why, n, -1, "ValueError: Unknown format code '%s' for object of type 'str'", c);
  }
  if (f.sign)
    return fail(why, n, -1, "ValueError: Sign not allowed in string format specifier");
  if (f.alt)
    return fail(why, n, -1, "ValueError: Alternate form (#) not allowed in string format "
                            "specifier");
  if (f.sep)
    return fail(why, n, -1, "ValueError: Cannot specify '%c' with 's'.", f.sep);
  if (f.align == '=')
    return fail(why, n, -1, "ValueError: '=' alignment not allowed in string format specifier");
  if (f.width > XI_PY_DIGITS_MAX || f.prec > XI_PY_DIGITS_MAX)
    return fail(why, n, -2, "a width or precision over %d is not printed", XI_PY_DIGITS_MAX);
  size_t bytes = strlen(s), chars = u8count(s, bytes);
  if (f.prec >= 0 && (size_t)f.prec < chars) { /* .3: the first 3 characters */
    size_t k = 0;
    for (long c = 0; k < bytes && c <= f.prec; k++)
      c += ((unsigned char)s[k] & 0xC0) != 0x80;
    bytes = k - 1, chars = (size_t)f.prec;
  }
  int align = f.aligned ? f.align : '<'; /* a string's default is to the left */
  long pad = f.width > (long)chars ? f.width - (long)chars : 0;
  long left = align == '>' ? pad : align == '^' ? pad / 2 : 0;
  put_fill(b, &f, left);
  xiW_str(b, s, bytes);
  put_fill(b, &f, pad - left);
  return b->failed ? fail(why, n, -2, "%s", xiW_why(b)) : 0;
}

void xiW_py_tuple(xiW_buf *b, const long *items, size_t n) {
  xiW_str(b, "(", 1);
  for (size_t i = 0; i < n; i++)
    xiW_put(b, i ? ", %ld" : "%ld", items[i]);
  xiW_str(b, n == 1 ? ",)" : ")", n == 1 ? 2 : 1);
}
