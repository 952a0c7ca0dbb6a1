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

/* One character of s (n bytes) as a report prints it, into out: itself, or
   escaped when a terminal would act on it instead of showing it (terminal
   injection: ESC starts a sequence that recolours, moves or retitles): a C0
   control but the tab (\x1b, \x07), DEL (\x7f), a C1 control (\u009b) and a
   byte that is not UTF-8 (\xff, which a terminal not in UTF-8 reads as C1).
   Returns the bytes of s it took. */
static size_t shown(const char *s, size_t n, char out[16]) {
  uint32_t cp;
  int len = xiX_utf8(s, n, &cp);
  if (len == 0)
    snprintf(out, 16, "\\x%02x", (unsigned char)s[0]);
  else if ((cp < 0x20 && cp != '\t') || cp == 0x7F)
    snprintf(out, 16, "\\x%02x", (unsigned)cp);
  else if (cp >= 0x80 && cp < 0xA0)
    snprintf(out, 16, "\\u%04x", (unsigned)cp);
  else
    snprintf(out, 16, "%.*s", len, s);
  return len > 0 ? (size_t)len : 1;
}

void xiX_put_shown(const char *s, size_t n) {
  char c[16];
  for (size_t i = 0; i < n;) {
    i += shown(s + i, n - i, c);
    fputs(c, stderr);
  }
}

void xiX_report(const xiX_source *s, const char *kind, xi_pos pos, const char *msg) {
  fflush(stdout); /* keep stdout and stderr in order when both go to one file */
  const char *file = s->file ? s->file : "xi"; /* (a file's name, a message: any bytes) */
  xiX_put_shown(file, strlen(file));
  fprintf(stderr, ":%u:%u: %s: ", pos.line, pos.col, kind);
  xiX_put_shown(msg, strlen(msg));
  fputc('\n', stderr);
  size_t len;
  const char *line = xiX_line(s, pos.line, &len);
  if (!line)
    return;
  fputs("    ", stderr);
  xiX_put_shown(line, len);
  fputs("\n    ", stderr);
  /* the caret goes under character `col`: a space for each character before
     it (as many as its escape is wide), tabs kept */
  uint32_t col = 1;
  char c[16];
  for (size_t i = 0; i < len && col < pos.col; col++) {
    size_t used = shown(line + i, len - i, c);
    if (line[i] == '\t')
      fputc('\t', stderr);
    else
      fprintf(stderr, "%*s", c[0] == '\\' && c[1] ? (int)strlen(c) : 1, ""); /* \x1b: 4 */
    i += used;
  }
  fputs("^\n", stderr);
}
