/* print.h: values as text, for the prompt, the commands and the trace. */
#ifndef XI_PRINT_H
#define XI_PRINT_H

#include <stddef.h>

#include "ops/ops.h"

/* a growing string */
typedef struct {
  char *s;
  size_t n, cap;
} xiW_buf;

void xiW_put(xiW_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* x with digits significant digits, as xiN_format writes it */
void xiW_number(xiW_buf *b, mpfr_srcptr x, int digits);

#define XI_SHOW_ROWS 8 /* past this many rows or columns a tensor is abbreviated */

/* v in NumPy's layout: a number; [a, b]; [[a, b],\n [c, d]] (indent: the
   column the first '[' is printed at, for the rows after it; -1: one line).
   whole: never abbreviate. */
void xiW_value(xiW_buf *b, const xiO_view *v, int digits, int indent, int whole);

#endif
