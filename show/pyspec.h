/* pyspec.h: Python's format-spec mini-language, internal to show/'s Python
 * printers (pyfmt.c formats numbers with it, pyspec.c strings): a spec read
 * (ops/fspec.h, the one reading, which the tape's strings share), and a field
 * padded, aligned and grouped as CPython's fill_number lays one out. */
#ifndef XI_PYSPEC_H
#define XI_PYSPEC_H

#include <stddef.h>

#include "ops/fspec.h"
#include "show/print.h"

/* k fill characters */
void xiW_py_spec_fill(xiW_buf *b, const xiO_fspec *f, long k);
/* calc_number_widths and fill_number: the body is ndigits digits (-1: its
   leading decimal digits) then the rest (point, fraction, exponent, '%') */
void xiW_py_spec_number(xiW_buf *b, const xiO_fspec *f, int neg, const char *prefix,
                     const char *body, size_t blen, long ndigits);
/* the characters (not bytes) of UTF-8 text */
size_t xiW_py_u8count(const char *s, size_t n);

#endif
