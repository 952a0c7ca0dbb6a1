/* trace.h: an expression's graph as the chain rule reads it: the forward list
 * (each node's operation and value) and the reverse list (each adjoint as the
 * sum over the node's consumers of their adjoint times the local partial). */
#ifndef XI_TRACE_H
#define XI_TRACE_H

#include "grad/grad.h"
#include "show/print.h"

typedef struct {
  int digits;
  int color; /* values green, adjoints red (ANSI) */
} xiT_style;

/* Prints the trace of root (label names it in ∂label/∂ξ) to stdout, and
   makes its ξ labels names the session can use (grad(L, ξ3)).  A root whose
   graph holds grad(...) values shows their graphs, built. */
int xiT_trace(xiG_graph *g, xiD_sweep *s, uint32_t root, const char *label, xiT_style st,
              xi_pos at, xi_err *err);
/* node i's operation with its operands' names, as `vars` shows it: "x·x" */
void xiT_formula(xiG_graph *g, uint32_t i, int digits, xiW_buf *b);

#endif
