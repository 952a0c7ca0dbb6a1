/* print.c: numbers and tensors as text, into a growing buffer.  A buffer that
 * cannot grow, or a print that ^C stops, marks itself failed and takes no more
 * text: the caller says why, and writes nothing (a value is printed whole or
 * not at all). */
#include "show/print.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "ops/pool.h"
#include "show/num.h"

/* room for n more bytes and a NUL; 0, or -1 when the buffer failed */
static int room(xiW_buf *b, size_t n) {
  if (b->failed)
    return -1;
  if (b->s && b->n + n < b->cap)
    return 0;
  size_t cap = (b->cap + n + 64) * 2;
  /* text counts against the memory budget as values do: a print of
     gigabytes is an error, not the out-of-memory killer */
  if (xiM_account((ptrdiff_t)(cap - b->cap))) {
    b->failed = XI_W_MEMORY;
    return -1;
  }
  char *q = realloc(b->s, cap);
  if (!q) {
    xiM_account(-(ptrdiff_t)(cap - b->cap));
    b->failed = XI_W_MEMORY;
    return -1;
  }
  b->s = q, b->cap = cap;
  return 0;
}

void xiW_str(xiW_buf *b, const char *s, size_t n) {
  if (room(b, n))
    return;
  memcpy(b->s + b->n, s, n);
  b->n += n;
  b->s[b->n] = '\0';
}

void xiW_put(xiW_buf *b, const char *fmt, ...) {
  va_list ap;
  while (!b->failed) {
    va_start(ap, fmt);
    int need = vsnprintf(b->s ? b->s + b->n : NULL, b->s ? b->cap - b->n : 0, fmt, ap);
    va_end(ap);
    if (need < 0)
      return;
    if (b->s && b->n + (size_t)need < b->cap) {
      b->n += (size_t)need;
      return;
    }
    if (room(b, (size_t)need))
      return;
  }
}

void xiW_number(xiW_buf *b, mpfr_srcptr x, int digits) {
  if (b->failed)
    return;
  if (xiO_stopped()) { /* 30000 digits of each of 90000 numbers take a while */
    b->failed = XI_W_STOPPED;
    return;
  }
  if (room(b, XI_FORMAT_ROOM(digits)))
    return; /* formatted straight into the buffer: no malloc, no printf */
  size_t n = xiN_write(b->s + b->n, x, digits);
  if (n == 0)
    b->failed = XI_W_MEMORY;
  b->n += n;
}

void xiW_number_proven(xiW_buf *b, mpfr_srcptr x, const arb_struct *ball, int digits,
                       int *least) {
  if (!ball) {
    xiW_number(b, x, digits);
    return;
  }
  if (b->failed)
    return;
  if (xiO_stopped()) {
    b->failed = XI_W_STOPPED;
    return;
  }
  if (room(b, XI_FORMAT_ROOM(digits)))
    return;
  int known;
  size_t n = xiN_write_ball(b->s + b->n, ball, digits, &known);
  if (n == 0)
    b->failed = XI_W_MEMORY;
  b->n += n;
  if (known < *least)
    *least = known;
}

void xiW_proof_note(xiW_buf *b, const xiW_proof *pf, int digits, int scalar) {
  if (pf && pf->why)
    xiW_put(b, " (digits not proven: %s)", pf->why);
  if (!pf || !pf->ball)
    return;
  /* a scalar that proves no digit is printed as the bound it proves (one
     printed here: counted in bounds; by a caller: least 0, its ball finite) */
  int bounds = pf->bounds || (scalar && pf->least == 0 && arb_is_finite(pf->ball));
  if (scalar && bounds)
    xiW_put(b, " (bound at %ld bits)", pf->prec);
  else if (pf->least == 0 && scalar)
    xiW_put(b, " (no correct digit at %ld bits)", pf->prec);
  else if (pf->least == 0)
    xiW_put(b, " (?: no correct digit%s at %ld bits)", bounds ? ", ±: bounds" : "", pf->prec);
  else if (pf->least < digits)
    xiW_put(b, " (%s%d digit%s known%s at %ld bits)", scalar ? "" : "at least ", pf->least,
            pf->least == 1 ? "" : "s", bounds ? ", ± bounds" : "", pf->prec);
  else if (bounds)
    xiW_put(b, " (± bounds at %ld bits)", pf->prec);
  else if (pf->raised)
    xiW_put(b, " (proven at %ld bits)", pf->prec);
}

void xiW_free(xiW_buf *b) {
  xiM_account(-(ptrdiff_t)b->cap);
  free(b->s);
  b->s = NULL;
  b->n = b->cap = 0;
}

const char *xiW_why(const xiW_buf *b) {
  if (b->failed == XI_W_STOPPED || xiO_stopped()) /* (a block gives up at ^C too) */
    return "interrupted";
  return xiM_over() ? "the text would take the memory over its budget (xi --memory SIZE sets it)"
                    : "out of memory while printing";
}

/* indices 0..n-1, or the first and last few with a gap between */
static int shown(uint32_t k, uint32_t n, int whole) {
  return whole || n <= XI_SHOW_ROWS || k < 3 || k >= n - 3;
}

/* element k of v, proven when pf has balls: pf->least is the fewest digits
   an element printed with digits has, pf->bounds counts those printed as a
   bound (they prove no digit, but what they print is proven) */
static void element(xiW_buf *b, const xiO_view *v, uint32_t k, xiW_proof *pf, int digits) {
  if (!pf || !pf->ball) {
    xiW_number(b, &v->el[k], digits);
    return;
  }
  int known = digits;
  xiW_number_proven(b, &v->el[k], &pf->ball[k], digits, &known);
  if (known == 0 && arb_is_finite(&pf->ball[k]))
    pf->bounds++;
  else if (known < pf->least)
    pf->least = known;
}

static void row(xiW_buf *b, const xiO_view *v, uint32_t r, xiW_proof *pf, int digits,
                int whole) {
  uint32_t c = v->sh.cols;
  xiW_str(b, "[", 1);
  for (uint32_t j = 0; j < c && !b->failed; j++) {
    if (!shown(j, c, whole)) {
      if (j == 3)
        xiW_str(b, "..., ", 5);
      continue;
    }
    element(b, v, r * c + j, pf, digits);
    if (j + 1 < c)
      xiW_str(b, ", ", 2);
  }
  xiW_str(b, "]", 1);
}

void xiW_value(xiW_buf *b, const xiO_view *v, int digits, int indent, int whole) {
  xiW_value_proven(b, v, NULL, digits, indent, whole);
}

static void value(xiW_buf *b, const xiO_view *v, xiW_proof *pf, int digits, int indent,
                  int whole) {
  if (v->sh.rank == 0) {
    element(b, v, 0, pf, digits);
    return;
  }
  if (v->sh.rank == 1) {
    row(b, v, 0, pf, digits, whole);
    return;
  }
  uint32_t r = v->sh.rows;
  xiW_put(b, "[");
  for (uint32_t i = 0; i < r && !b->failed; i++) {
    if (!shown(i, r, whole)) {
      if (i == 3)
        xiW_put(b, indent < 0 ? "..., " : "...,\n%*s", indent + 1, "");
      continue;
    }
    row(b, v, i, pf, digits, whole);
    if (i + 1 < r)
      xiW_put(b, indent < 0 ? ", " : ",\n%*s", indent + 1, "");
  }
  xiW_put(b, "]");
}

void xiW_value_proven(xiW_buf *b, const xiO_view *v, xiW_proof *pf, int digits, int indent,
                      int whole) {
  if (pf)
    pf->least = digits, pf->bounds = 0;
  value(b, v, pf, digits, indent, whole);
  xiW_proof_note(b, pf, digits, v->sh.rank == 0);
}

/* ---- fitting a value to the width of a terminal ---- */

int xiW_column(const xiW_buf *b) {
  if (!b->s)
    return 0;
  size_t start = b->n;
  while (start > 0 && b->s[start - 1] != '\n')
    start--;
  int col = 0;
  for (size_t k = start; k < b->n; k++) {
    if (b->s[k] == '\033') { /* a colour: ESC [ ... m takes no room */
      while (k < b->n && b->s[k] != 'm')
        k++;
      continue;
    }
    col += (b->s[k] & 0xC0) != 0x80;
  }
  return col;
}

/* the pieces of one row: "1.5," "2," "...," "3" each set after a blank, a
   piece starting a new line (at indent) when the next would pass width */
static void fit_row(xiW_buf *b, const xiO_view *v, uint32_t r, xiW_proof *pf, int digits,
                    int *col, int indent, int width, int last) {
  uint32_t c = v->sh.cols;
  xiW_put(b, "[");
  (*col)++;
  int first = 1;
  for (uint32_t j = 0; j < c && !b->failed; j++) {
    if (!shown(j, c, 0) && j != 3)
      continue;
    xiW_buf piece = {0};
    if (shown(j, c, 0))
      element(&piece, v, r * c + j, pf, digits);
    else
      xiW_put(&piece, "...");
    int closing = j + 1 == c;
    xiW_put(&piece, closing ? "]%s" : ",", closing && !last ? "," : "");
    int len = piece.s ? (int)strlen(piece.s) : 0;
    if (!first && *col + 1 + len > width) {
      xiW_put(b, "\n%*s", indent, "");
      *col = indent;
    } else if (!first) {
      xiW_put(b, " ");
      (*col)++;
    }
    if (piece.failed)
      b->failed = piece.failed;
    else
      xiW_str(b, piece.s, (size_t)len);
    xiW_free(&piece);
    *col += len;
    first = 0;
  }
}

void xiW_value_fit(xiW_buf *b, const xiO_view *v, int digits, int width) {
  xiW_value_fit_proven(b, v, NULL, digits, width);
}

void xiW_value_fit_proven(xiW_buf *b, const xiO_view *v, xiW_proof *pf, int digits, int width) {
  xiW_buf line = {0};
  xiW_value_proven(&line, v, pf, digits, -1, 0);
  int col = xiW_column(b), len = 0;
  for (const char *p = line.s; p && *p; p++)
    len += (*p & 0xC0) != 0x80;
  if (v->sh.rank == 0 || line.failed || col + len <= width) {
    if (line.failed)
      b->failed = line.failed;
    else
      xiW_str(b, line.s, line.n);
    xiW_free(&line);
    return;
  }
  xiW_free(&line);
  if (col > width / 2) { /* little room left on this line: start the value below */
    while (b->n > 0 && b->s[b->n - 1] == ' ')
      b->s[--b->n] = '\0';
    xiW_put(b, "\n    ");
    col = 4;
  }
  int at = col; /* the column of the first '[' */
  if (v->sh.rank == 1) {
    if (pf)
      pf->least = digits, pf->bounds = 0;
    fit_row(b, v, 0, pf, digits, &col, at + 1, width, 1);
    xiW_proof_note(b, pf, digits, 0);
    return;
  }
  uint32_t r = v->sh.rows;
  if (pf)
    pf->least = digits, pf->bounds = 0;
  xiW_put(b, "[");
  col++;
  for (uint32_t i = 0; i < r && !b->failed; i++) {
    if (!shown(i, r, 0)) {
      if (i == 3)
        xiW_put(b, "...,\n%*s", at + 1, "");
      continue;
    }
    fit_row(b, v, i, pf, digits, &col, at + 2, width, i + 1 == r);
    if (i + 1 < r) {
      xiW_put(b, "\n%*s", at + 1, "");
      col = at + 1;
    }
  }
  xiW_put(b, "]");
  xiW_proof_note(b, pf, digits, 0);
}

int xiW_terminal_width(void) {
  const char *c = getenv("COLUMNS");
  char *end;
  long n = c ? strtol(c, &end, 10) : 0;
  if (c && *c && !*end && n >= 20 && n <= 10000)
    return (int)n;
  struct winsize ws;
  if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 20)
    return ws.ws_col;
  return 80;
}
