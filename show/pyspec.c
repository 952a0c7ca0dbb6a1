/* pyspec.c: Python's format-spec mini-language (pyspec.h: a spec read by
 * ops/fspec.c, its field laid out here), and the strings pasted code prints:
 * a string's repr() and format() (pyfmt.h).  Numbers are pyfmt.c's, which
 * lays out their fields here. */
#include "show/pyspec.h"
#include "show/digits.h"
#include "show/pyfmt.h"
#include "ops/group.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- Python's format-spec mini-language (read in ops/fspec.c) ---- */

size_t xiW_py_u8count(const char *s, size_t n) {
  size_t c = 0;
  for (size_t i = 0; i < n; i++)
    c += ((unsigned char)s[i] & 0xC0) != 0x80;
  return c;
}

void xiW_py_spec_fill(xiW_buf *b, const xiO_fspec *f, long k) {
  if (f->fill_len == 1) {
    xiQ_zeros(b, k, f->fill[0]);
    return;
  }
  for (; k > 0 && !b->failed; k--)
    xiW_str(b, f->fill, f->fill_len);
}

/* digits d[0..nd) grouped as Python's spec groups them (ops/group.h) */
static void group(xiW_buf *b, const char *d, long nd, long min_width, int sep, int g) {
  const char *p;
  size_t n;
  char *tmp = xiO_grouped(d, nd, min_width, sep, g, &p, &n);
  if (!tmp) {
    b->failed = XI_W_MEMORY;
    return;
  }
  xiW_str(b, p, n);
  free(tmp);
}

/* calc_number_widths and fill_number: the body is ndigits digits (-1: its
   leading decimal digits) then the rest (point, fraction, exponent, '%') */
void xiW_py_spec_number(xiW_buf *b, const xiO_fspec *f, int neg, const char *prefix, const char *body,
                        size_t blen, long ndigits) {
  size_t nd = ndigits >= 0 ? (size_t)ndigits : 0;
  while (ndigits < 0 && nd < blen && body[nd] >= '0' && body[nd] <= '9')
    nd++;
  const char *rest = body + nd;
  size_t rest_bytes = blen - nd;
  char sign = neg ? '-' : f->sign == '+' ? '+' : f->sign == ' ' ? ' ' : 0;
  long n_prefix = (long)strlen(prefix);
  long nondigit = (sign != 0) + n_prefix + (long)xiW_py_u8count(rest, rest_bytes);
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
  xiW_py_spec_fill(b, f, lpad);
  if (sign)
    xiW_str(b, &sign, 1);
  xiW_str(b, prefix, (size_t)n_prefix);
  xiW_py_spec_fill(b, f, spad);
  if (dg.n)
    xiW_str(b, dg.s, dg.n);
  xiW_str(b, rest, rest_bytes);
  xiW_py_spec_fill(b, f, rpad);
  xiW_free(&dg);
}

/* ---- strings ---- */

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
  xiO_fspec f;
  if (xiO_fspec_parse(&f, spec, len, "str", 's', INT64_MAX, why, n))
    return -1; /* ('s' as CPython's: f"{'ab':05}" fills with 0 to the left's side, no '=') */
  if (f.type && f.type != 's') {
    char c[16];
    xiO_fspec_code(c, sizeof c, f.type);
    return xiO_fspec_fail(why, n, -1, "ValueError: Unknown format code '%s' for object of type 'str'", c);
  }
  if (f.sign)
    return xiO_fspec_fail(why, n, -1, "ValueError: %s not allowed in string format specifier",
                          f.sign == ' ' ? "Space" : "Sign");
  if (f.z)
    return xiO_fspec_fail(why, n, -1, "ValueError: Negative zero coercion (z) not allowed in "
                                      "string format specifier");
  if (f.alt)
    return xiO_fspec_fail(why, n, -1, "ValueError: Alternate form (#) not allowed in string format "
                            "specifier");
  if (f.sep)
    return xiO_fspec_fail(why, n, -1, "ValueError: Cannot specify '%c' with 's'.", f.sep);
  if (f.align == '=')
    return xiO_fspec_fail(why, n, -1, "ValueError: '=' alignment not allowed in string format specifier");
  if (f.width > XI_PY_DIGITS_MAX || f.prec > XI_PY_DIGITS_MAX)
    return xiO_fspec_fail(why, n, -2, "a width or precision over %d is not printed", XI_PY_DIGITS_MAX);
  size_t bytes = strlen(s), chars = xiW_py_u8count(s, bytes);
  if (f.prec >= 0 && (size_t)f.prec < chars) { /* .3: the first 3 characters */
    size_t k = 0;
    for (long c = 0; k < bytes && c <= f.prec; k++)
      c += ((unsigned char)s[k] & 0xC0) != 0x80;
    bytes = k - 1, chars = (size_t)f.prec;
  }
  int align = f.aligned ? f.align : '<'; /* a string's default is to the left */
  long pad = f.width > (long)chars ? f.width - (long)chars : 0;
  long left = align == '>' ? pad : align == '^' ? pad / 2 : 0;
  xiW_py_spec_fill(b, &f, left);
  xiW_str(b, s, bytes);
  xiW_py_spec_fill(b, &f, pad - left);
  return b->failed ? xiO_fspec_fail(why, n, -2, "%s", xiW_why(b)) : 0;
}

