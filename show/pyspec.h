/* pyspec.h: Python's format-spec mini-language, internal to show/'s Python
 * printers (pyfmt.c formats numbers with it, pyspec.c strings): a spec read
 * as CPython's parse_internal_render_format_spec reads it, and a field padded,
 * aligned and grouped as its fill_number lays one out. */
#ifndef XI_PYSPEC_H
#define XI_PYSPEC_H

#include <stddef.h>

#include "show/print.h"

typedef struct {
  const char *fill;
  size_t fill_len; /* the fill character's bytes */
  int align, sign, z, alt, sep, group;
  int aligned;      /* the alignment was given (a string's default is '<', a number's '>') */
  long width, prec; /* -1: not given */
  long type;        /* 0, or the character (a code point) */
} xiW_fspec;

/* parse_internal_render_format_spec: 0, or -1 with Python's message in why
   (tname: the type's name in it, "float") */
int xiW_py_spec_parse(xiW_fspec *f, const char *s, size_t len, const char *tname, char *why,
                   size_t n);
/* k fill characters */
void xiW_py_spec_fill(xiW_buf *b, const xiW_fspec *f, long k);
/* calc_number_widths and fill_number: the body is ndigits digits (-1: its
   leading decimal digits) then the rest (point, fraction, exponent, '%') */
void xiW_py_spec_number(xiW_buf *b, const xiW_fspec *f, int neg, const char *prefix,
                     const char *body, size_t blen, long ndigits);
/* why's message (printf's format), and rc */
int xiW_py_spec_fail(char *why, size_t n, int rc, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* Python's message for a type code: 'd', or '\xe9' past ASCII */
void xiW_py_spec_code(char *out, size_t n, long type);
/* the characters (not bytes) of UTF-8 text */
size_t xiW_py_u8count(const char *s, size_t n);

#endif
