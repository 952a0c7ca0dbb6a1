/* print.h: values as text, for the prompt, the commands and the trace. */
#ifndef XI_PRINT_H
#define XI_PRINT_H

#include <stddef.h>

#include "ops/ops.h"

/* a growing string; failed: it could not grow (XI_W_MEMORY), or ^C stopped
   the print (XI_W_STOPPED), and it takes no more text */
enum { XI_W_MEMORY = 1, XI_W_STOPPED };
typedef struct {
  char *s;
  size_t n, cap;
  int failed;
} xiW_buf;

void xiW_put(xiW_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void xiW_str(xiW_buf *b, const char *s, size_t n); /* n bytes of s, as they are */

void xiW_free(xiW_buf *b); /* its text freed; it is empty again */
/* why a buffer failed, for an error message */
const char *xiW_why(const xiW_buf *b);
/* x with digits significant digits, as xiN_format writes it */
void xiW_number(xiW_buf *b, mpfr_srcptr x, int digits);

#define XI_SHOW_ROWS 8 /* past this many rows or columns a tensor is abbreviated */

/* v in NumPy's layout: a number; [a, b]; [[a, b],\n [c, d]] (indent: the
   column the first '[' is printed at, for the rows after it; -1: one line).
   whole: never abbreviate. */
void xiW_value(xiW_buf *b, const xiO_view *v, int digits, int indent, int whole);

/* The same, fitted to width columns from the column the buffer's last line
   has reached: on that line when it fits; else row by row under the first
   '[' (below, indented, when that is past half the width), a row going on to
   the next line between two numbers, never inside one. */
void xiW_value_fit(xiW_buf *b, const xiO_view *v, int digits, int width);
/* the column the buffer's last line has reached (colours take none) */
int xiW_column(const xiW_buf *b);
/* the terminal's width: COLUMNS, else the terminal's own when stdout is one,
   else 80 */
int xiW_terminal_width(void);

#endif
