/* print.h: values as text, for the prompt, the commands and the trace. */
#ifndef XI_PRINT_H
#define XI_PRINT_H

#include <stddef.h>

#include "ops/ops.h"

#include <arb.h>


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

/* What a value's printed digits are proven by: a ball for each element
   (proof/ball.h), computed at prec bits.  A printer given one prints only
   the digits its ball proves (an element with none as the bound its ball
   proves, "0 ± 2.6e-39"; "?" only where the ball bounds nothing), and notes
   after the value how many are known when that is fewer than asked:
   "0.4999999 (7 digits known at 53 bits)", "(bound at 128 bits)". */
typedef struct {
  const arb_struct *ball; /* ball[k] for element k; NULL: nothing is proven (plain MPFR) */
  long prec;
  int least;              /* (out) the fewest digits known of the elements printed with
                             digits (0: one printed "?") */
  int raised;             /* digits N exact raised the precision: the note says to what */
  const char *why;        /* no balls could be made, and why: the value is said unproven */
  int bounds;             /* (out) elements printed as a bound ("0 ± 2.6e-39") */
} xiW_proof;
/* x (digits), or with pf its ball's proven digits */
void xiW_number_proven(xiW_buf *b, mpfr_srcptr x, const arb_struct *ball, int digits, int *least);
/* the note after a value whose elements pf->least digits are known of */
void xiW_proof_note(xiW_buf *b, const xiW_proof *pf, int digits, int scalar);

#define XI_SHOW_ROWS 8 /* past this many rows or columns a tensor is abbreviated */

/* v in NumPy's layout: a number; [a, b]; [[a, b],\n [c, d]] (indent: the
   column the first '[' is printed at, for the rows after it; -1: one line).
   whole: never abbreviate. */
void xiW_value(xiW_buf *b, const xiO_view *v, int digits, int indent, int whole);
/* the same, printing the digits pf proves and the note (pf NULL: as xiW_value) */
void xiW_value_proven(xiW_buf *b, const xiO_view *v, xiW_proof *pf, int digits, int indent,
                      int whole);

/* The same, fitted to width columns from the column the buffer's last line
   has reached: on that line when it fits; else row by row under the first
   '[' (below, indented, when that is past half the width), a row going on to
   the next line between two numbers, never inside one. */
void xiW_value_fit(xiW_buf *b, const xiO_view *v, int digits, int width);
void xiW_value_fit_proven(xiW_buf *b, const xiO_view *v, xiW_proof *pf, int digits, int width);
/* the column the buffer's last line has reached (colours take none) */
int xiW_column(const xiW_buf *b);
/* the terminal's width: COLUMNS, else the terminal's own when stdout is one,
   else 80 */
int xiW_terminal_width(void);

#endif
