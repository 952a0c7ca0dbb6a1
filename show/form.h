/* form.h: the steps' formulas written out (form.c), for steps.c and the
 * printers only.  A writer knows the graph, the ξ numbers, the dialect and
 * the root's label; it writes a node's name, its operation, a partial from
 * the op table's forms with the names put in, an adjoint's name, numbers. */
#ifndef XI_FORM_H
#define XI_FORM_H

#include "show/steps.h"

typedef struct {
  xiG_graph *g;
  const uint32_t *xi; /* ξ numbers (see xiT_steps), or NULL: names only */
  uint32_t top;       /* xi has this many */
  int digits, dialect;
  const char *label;  /* the root's label, already in the dialect */
  /* forward mode (tangents): A and B in a form are the operands' tangents,
     written with a dot (ȧ), and so is node `dotted` (XI_NONE: none) */
  int tangents;
  uint32_t dotted;
} xiT_writer;

/* node i as formulas name it: ξ3, W, a constant as typed */
void xiT_w_name(const xiT_writer *w, xiW_buf *b, uint32_t i);
/* node i's tangent: its name with a dot over the first letter (ξ̇3, Ẇ) */
void xiT_w_dotted(const xiT_writer *w, xiW_buf *b, uint32_t i);
/* node i's operation, its operands named: ξ2·x, sum(ξ1, axis 0) */
void xiT_w_op(const xiT_writer *w, xiW_buf *b, uint32_t i);
/* an op table form ("a·b", "1 - o²") with node's operands (a, b), the node
   (o) and its adjoint (g) named */
void xiT_w_form(const xiT_writer *w, xiW_buf *b, const char *form, uint32_t node);
/* ∂L/∂(node i) */
void xiT_w_dadj(const xiT_writer *w, xiW_buf *b, uint32_t i);
void xiT_w_number(int dialect, xiW_buf *b, mpfr_srcptr x, const arb_struct *ball, int digits,
                  int paren);
void xiT_w_tensor(int dialect, xiW_buf *b, const xiO_view *v, xiW_proof *pf, int digits);
void xiT_w_words(int dialect, xiW_buf *b, const char *s);
/* a label or name (ξ3, W1, ŷ, "W (before the update at 7:1)") in the dialect */
void xiT_name_text(int dialect, xiW_buf *b, const char *name);

#endif
