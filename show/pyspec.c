/* pyspec.c: Python's format-spec mini-language (pyspec.h), and the strings
 * pasted code prints: a string's repr() and format() (pyfmt.h).  Numbers
 * are pyfmt.c's, which reads their specs here. */
#include "show/pyspec.h"
#include "show/digits.h"
#include "show/pyfmt.h"
#include "ops/group.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- Python's format-spec mini-language ---- */


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

size_t xiW_py_u8count(const char *s, size_t n) {
  size_t c = 0;
  for (size_t i = 0; i < n; i++)
    c += ((unsigned char)s[i] & 0xC0) != 0x80;
  return c;
}

static int is_align(char c) { return c == '<' || c == '>' || c == '=' || c == '^'; }

/* Python's message for a type code: 'd', or '\xe9' past ASCII */
void xiW_py_spec_code(char *out, size_t n, long type) {
  if (type > 32 && type < 128)
    snprintf(out, n, "%c", (int)type);
  else
    snprintf(out, n, "\\x%lx", type);
}

int xiW_py_spec_fail(char *why, size_t n, int rc, const char *fmt, ...) {
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
int xiW_py_spec_parse(xiW_fspec *f, const char *s, size_t len, const char *tname, char *why, size_t n) {
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
    return xiW_py_spec_fail(why, n, -1, "%s", toomany);
  if (got == 0)
    f->width = -1;
  if (pos < len && s[pos] == ',')
    f->sep = ',', pos++;
  if (pos < len && s[pos] == '_') {
    if (f->sep)
      return xiW_py_spec_fail(why, n, -1, "ValueError: Cannot specify both ',' and '_'.");
    f->sep = '_', pos++;
  }
  if (pos < len && s[pos] == ',' && f->sep == '_')
    return xiW_py_spec_fail(why, n, -1, "ValueError: Cannot specify both ',' and '_'.");
  if (pos < len && s[pos] == '.') {
    pos++;
    got = get_integer(s, len, &pos, &f->prec);
    if (got < 0)
      return xiW_py_spec_fail(why, n, -1, "%s", toomany);
    if (got == 0)
      return xiW_py_spec_fail(why, n, -1, "ValueError: Format specifier missing precision");
  }
  if (pos < len) { /* one character left: the type */
    size_t tl = u8len((unsigned char)s[pos]);
    if (pos + tl != len)
      return xiW_py_spec_fail(why, n, -1, "ValueError: Invalid format specifier '%.*s' for object of type '%s'",
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
      xiW_py_spec_code(t, sizeof t, f->type);
      return xiW_py_spec_fail(why, n, -1, "ValueError: Cannot specify '%c' with '%s'.", f->sep, t);
    }
    }
  }
  return 0;
}

void xiW_py_spec_fill(xiW_buf *b, const xiW_fspec *f, long k) {
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
void xiW_py_spec_number(xiW_buf *b, const xiW_fspec *f, int neg, const char *prefix, const char *body,
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
  xiW_fspec f;
  if (xiW_py_spec_parse(&f, spec, len, "str", why, n))
    return -1;
  if (f.type && f.type != 's') {
    char c[16];
    xiW_py_spec_code(c, sizeof c, f.type);
    return xiW_py_spec_fail(why, n, -1, "ValueError: Unknown format code '%s' for object of type 'str'", c);
  }
  if (f.sign)
    return xiW_py_spec_fail(why, n, -1, "ValueError: Sign not allowed in string format specifier");
  if (f.alt)
    return xiW_py_spec_fail(why, n, -1, "ValueError: Alternate form (#) not allowed in string format "
                            "specifier");
  if (f.sep)
    return xiW_py_spec_fail(why, n, -1, "ValueError: Cannot specify '%c' with 's'.", f.sep);
  if (f.align == '=')
    return xiW_py_spec_fail(why, n, -1, "ValueError: '=' alignment not allowed in string format specifier");
  if (f.width > XI_PY_DIGITS_MAX || f.prec > XI_PY_DIGITS_MAX)
    return xiW_py_spec_fail(why, n, -2, "a width or precision over %d is not printed", XI_PY_DIGITS_MAX);
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
  return b->failed ? xiW_py_spec_fail(why, n, -2, "%s", xiW_why(b)) : 0;
}

