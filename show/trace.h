/* trace.h: an expression's graph as the chain rule reads it: the forward list
 * (each node's operation and value) and the reverse list (each adjoint as the
 * sum over the node's consumers of their adjoint times the local partial). */
#ifndef XI_TRACE_H
#define XI_TRACE_H

#include "show/steps.h"

typedef struct {
  int digits;
  int color; /* values green, adjoints red (ANSI) */
  int width; /* the terminal's columns: wide tensors wrap to it */
} xiT_style;

/* how the lines of a trace are printed: the steps, the style and its colours
   (trace prints every line; step, cmd/step.c, one at a time) */
typedef struct {
  const xiT_steps *st;
  xiT_style style;
  const char *val_on, *adj_on, *off;
} xiT_printer;
void xiT_printer_init(xiT_printer *pr, const xiT_steps *st, xiT_style style);
/* step p's line of the forward list (ξ3 = ξ2·x = -9) and of the reverse list
   (∂L/∂ξ3 = ∂L/∂ξ4 · ξ4 = 0.99 · 0.00012 = 0.00012); with hide, the value it
   comes to is written ? (a quiz asks for it) */
void xiT_forward_line(const xiT_printer *pr, xiW_buf *b, const xiT_step *p, int hide);
void xiT_reverse_line(const xiT_printer *pr, xiW_buf *b, const xiT_step *p, int hide);

/* Prints the trace of the steps st (prepared: show/prepare.h) to stdout:
   label names the root in ∂label/∂ξ, and the nwrt wrt nodes the steps were
   made for, when there are any, are named in its first line. */
int xiT_trace(const xiT_steps *st, const char *label, const uint32_t *wrt, uint32_t nwrt,
              xiT_style style, xi_pos at, xi_err *err);

#endif
