/* bops.h: each operation of the table in ball arithmetic (Arb).
 *
 * A ball is a midpoint and a radius; an op's ball rule takes balls that hold
 * its operands' exact values and returns balls that hold its exact result,
 * for every choice of the operands inside theirs (Arb's functions guarantee
 * it for each step).  proof/ball.c evaluates a graph with these rules to say
 * which printed digits are proven.
 *
 * A rule returns -1 when it cannot bound the result (a discrete op, such as
 * argmax, whose answer the balls do not decide; an op with no rule): the
 * caller then gives the node balls that prove nothing.  Elementwise ops
 * broadcast as the tape does (xiO_bidx). */
#ifndef XI_BOPS_H
#define XI_BOPS_H

#include "ops/ops.h"

#include <arb.h>

/* a value as balls: elements row by row, its shape, count and parameters */
typedef struct {
  arb_ptr el;
  xi_shape sh;
  uint32_t n;
  const int32_t *p;
} xiO_bview;

/* out (its el allocated, its shape the node's) from a and b (NULL for a
   unary op), at prec bits: 0, or -1 (no bound) */
int xiO_ball_forward(int op, xiO_bview *out, const xiO_bview *a, const xiO_bview *b, slong prec);
/* op has a ball rule (for some inputs at least) */
int xiO_has_ball_rule(int op);

#endif
