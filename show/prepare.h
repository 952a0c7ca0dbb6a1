/* prepare.h: a graph made ready for a printer, once, before it prints:
 * swept, labelled, listed as steps (steps.h) and proven.  Printers take the
 * steps made here and only print them. */
#ifndef XI_PREPARE_H
#define XI_PREPARE_H

#include "show/steps.h"

/* The steps of root: its graph is swept (a root whose graph holds grad(...)
   values is replayed on their graphs first: *root is then the new root), its
   unnamed nodes get their ξ numbers, which the session learns as names
   (grad(L, ξ3)), and the list is made.  With nwrt nodes, only the nodes on a
   path from one of them to root are steps (the ξ numbers stay those of the
   whole graph).  label is how the root is called (a name, or "(x*x)");
   digits are for the constants written in formulas.  Errors point at `at`. */
int xiT_steps_make(xiT_steps *st, xiG_graph *g, xiD_sweep *s, uint32_t *root, const char *label,
                   const uint32_t *wrt, uint32_t nwrt, int dialect, int digits, xi_pos at,
                   xi_err *err);
void xiT_steps_free(xiT_steps *st);
/* The balls of every step's value and adjoint, and of each scalar term's
   partial, from balls (proof/ball.h), at the balls' precision: the printers
   then print only proven digits.  exact > 0 (digits N exact): the precision
   is doubled until every one printed has `exact` digits (or reaches
   XI_EXACT_PREC_MAX); st->prec says which it took, and the balls keep it. */
int xiT_steps_prove(xiT_steps *st, xiB_balls *balls, int exact, xi_pos at, xi_err *err);
/* the two above at once (no balls: not proven, as under an IEEE format);
   xiT_steps_free frees what it made */
int xiT_prepare(xiT_steps *st, xiG_graph *g, xiD_sweep *s, uint32_t *root, const char *label,
                const uint32_t *wrt, uint32_t nwrt, int dialect, int digits, xiB_balls *balls,
                int exact, xi_pos at, xi_err *err);

#endif
