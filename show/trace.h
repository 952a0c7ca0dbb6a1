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
  xiB_balls *balls; /* the balls that prove what is printed (NULL: none) */
  int exact;        /* digits N exact: N (their precision is raised until N digits
                       are proven, xiT_steps_prove), or 0 */
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

/* Prints the trace of root (label names it in ∂label/∂ξ) to stdout, and
   makes its ξ labels names the session can use (grad(L, ξ3)).  A root whose
   graph holds grad(...) values shows their graphs, built.  With nwrt nodes,
   only the nodes on a path from one of them to root. */
int xiT_trace(xiG_graph *g, xiD_sweep *s, uint32_t root, const char *label, const uint32_t *wrt,
              uint32_t nwrt, xiT_style st, xi_pos at, xi_err *err);

#endif
