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
} xiT_style;

/* Prints the trace of root (label names it in ∂label/∂ξ) to stdout, and
   makes its ξ labels names the session can use (grad(L, ξ3)).  A root whose
   graph holds grad(...) values shows their graphs, built.  With nwrt nodes,
   only the nodes on a path from one of them to root. */
int xiT_trace(xiG_graph *g, xiD_sweep *s, uint32_t root, const char *label, const uint32_t *wrt,
              uint32_t nwrt, xiT_style st, xi_pos at, xi_err *err);

#endif
