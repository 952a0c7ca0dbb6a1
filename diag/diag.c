/* diag.c: errors made, and reported with the source line and a caret. */
#include "diag/diag.h"

#include <stdio.h>
#include <string.h>

int xiX_utf8(const char *s, size_t n, uint32_t *cp) {
  const unsigned char *u = (const unsigned char *)s;
  if (n == 0)
    return 0;
  if (u[0] < 0x80) {
    *cp = u[0];
    return 1;
  }
  int len;
  uint32_t c, min;
  if ((u[0] & 0xE0) == 0xC0) {
    len = 2, c = u[0] & 0x1F, min = 0x80;
  } else if ((u[0] & 0xF0) == 0xE0) {
    len = 3, c = u[0] & 0x0F, min = 0x800;
  } else if ((u[0] & 0xF8) == 0xF0) {
    len = 4, c = u[0] & 0x07, min = 0x10000;
  } else {
    return 0;
  }
  if ((size_t)len > n)
    return 0;
  for (int i = 1; i < len; i++) {
    if ((u[i] & 0xC0) != 0x80)
      return 0;
    c = (c << 6) | (u[i] & 0x3F);
  }
  if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
    return 0; /* overlong, out of range, or a surrogate */
  *cp = c;
  return len;
}

int xiX_vfail(xi_err *err, xi_pos pos, const char *fmt, va_list ap) {
  err->pos = pos;
  vsnprintf(err->msg, sizeof err->msg, fmt, ap);
  return -1;
}

int xiX_fail(xi_err *err, xi_pos pos, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  xiX_vfail(err, pos, fmt, ap);
  va_end(ap);
  return -1;
}

const char *xiX_line(const xiX_source *s, uint32_t line, size_t *len) {
  if (!s->src || line < s->first_line)
    return NULL;
  const char *p = s->src, *end = s->src + s->len;
  for (uint32_t l = s->first_line; l < line; l++) {
    p = memchr(p, '\n', (size_t)(end - p));
    if (!p)
      return NULL;
    p++;
  }
  const char *nl = memchr(p, '\n', (size_t)(end - p));
  *len = (size_t)((nl ? nl : end) - p);
  if (*len && p[*len - 1] == '\r')
    (*len)--;
  return p;
}

void xiX_report(const xiX_source *s, const char *kind, xi_pos pos, const char *msg) {
  fflush(stdout); /* keep stdout and stderr in order when both go to one file */
  fprintf(stderr, "%s:%u:%u: %s: %s\n", s->file ? s->file : "xi", pos.line, pos.col, kind, msg);
  size_t len;
  const char *line = xiX_line(s, pos.line, &len);
  if (!line)
    return;
  fprintf(stderr, "    %.*s\n    ", (int)len, line);
  /* the caret goes under character `col`: count characters, keep tabs */
  uint32_t col = 1;
  for (size_t i = 0; i < len && col < pos.col; col++) {
    uint32_t cp;
    int n = xiX_utf8(line + i, len - i, &cp);
    fputc(line[i] == '\t' ? '\t' : ' ', stderr);
    i += n > 0 ? (size_t)n : 1;
  }
  fputs("^\n", stderr);
}
