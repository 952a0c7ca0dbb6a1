/* fspec.c: Python's format-spec mini-language read (fspec.h). */
#include "ops/fspec.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

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

static int is_align(char c) { return c == '<' || c == '>' || c == '=' || c == '^'; }

void xiO_fspec_code(char *out, size_t n, long type) {
  if (type > 32 && type < 128)
    snprintf(out, n, "%c", (int)type);
  else
    snprintf(out, n, "\\x%lx", type);
}

int xiO_fspec_fail(char *why, size_t n, int rc, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  if (why && n)
    vsnprintf(why, n, fmt, ap);
  va_end(ap);
  return rc;
}

/* digits of a width or precision: Python's get_integer; -1 on overflow, -2
   past most */
static int get_integer(const char *s, size_t len, size_t *pos, long most, long *out) {
  long acc = 0;
  int nd = 0;
  for (; *pos < len && s[*pos] >= '0' && s[*pos] <= '9'; ++*pos, nd++) {
    long dv = s[*pos] - '0';
    if (acc > (INT64_MAX - dv) / 10)
      return -1;
    acc = acc * 10 + dv;
    if (acc > most)
      return -2;
  }
  *out = acc;
  return nd;
}

int xiO_fspec_parse(xiO_fspec *f, const char *s, size_t len, const char *tname, long deftype,
                    long most, char *why, size_t n) {
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
    if (!align_given && deftype != 's')
      f->align = '=';
    pos++;
  }
  const char *toomany = "ValueError: Too many decimal digits in format string";
  int got = get_integer(s, len, &pos, most, &f->width);
  if (got < 0)
    return got == -2 ? -2 : xiO_fspec_fail(why, n, -1, "%s", toomany);
  if (got == 0)
    f->width = -1;
  if (pos < len && s[pos] == ',')
    f->sep = ',', pos++;
  if (pos < len && s[pos] == '_') {
    if (f->sep)
      return xiO_fspec_fail(why, n, -1, "ValueError: Cannot specify both ',' and '_'.");
    f->sep = '_', pos++;
  }
  if (pos < len && s[pos] == ',' && f->sep == '_')
    return xiO_fspec_fail(why, n, -1, "ValueError: Cannot specify both ',' and '_'.");
  if (pos < len && s[pos] == '.') {
    pos++;
    got = get_integer(s, len, &pos, most, &f->prec);
    if (got < 0)
      return got == -2 ? -2 : xiO_fspec_fail(why, n, -1, "%s", toomany);
    if (got == 0)
      return xiO_fspec_fail(why, n, -1, "ValueError: Format specifier missing precision");
  }
  f->type = deftype;
  if (pos < len) { /* one character left: the type */
    size_t tl = u8len((unsigned char)s[pos]);
    if (pos + tl != len)
      return xiO_fspec_fail(why, n, -1, "ValueError: Invalid format specifier '%.*s' for "
                            "object of type '%s'", (int)len, s, tname);
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
      xiO_fspec_code(t, sizeof t, f->type);
      return xiO_fspec_fail(why, n, -1, "ValueError: Cannot specify '%c' with '%s'.", f->sep, t);
    }
    }
  }
  return 0;
}
