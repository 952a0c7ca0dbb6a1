/* ball.h: the digits xi can prove.
 *
 * Values are MPFR numbers, each rounded when it was computed: the fast path.
 * To print or check a value, its graph is evaluated again in ball arithmetic
 * (Arb): a ball holds the exact value of the expression the graph stands
 * for, with a bound on the error.  From the leaves up:
 *   a literal is its decimal (0.1 is 1/10, not its binary rounding);
 *   pi and e are themselves;
 *   a leaf made from a constant expression (x = 1/3) is that expression again;
 *   any other leaf (randn's numbers, an update step's result, a value a
 *     function returned) is an input: the number it holds, exactly;
 *   a grad(...) value is the ball of its derivative's graph (built when needed).
 * Each operation's ball rule is in ops/bops.c (an op without one gives balls
 * that prove nothing).  The balls are computed at the working precision, so
 * they say how many digits that precision gives, or at a precision asked for
 * (digits N exact).
 *
 * A set of balls lives as long as the session, node by node: the tape says
 * what it forgot (nodes truncated, collected, renumbered; a new precision),
 * and those balls go. */
#ifndef XI_BALL_H
#define XI_BALL_H

#include <arb.h>

#include "grad/grad.h"
#include "ops/bops.h"

typedef struct xiB_balls xiB_balls;

/* a set of balls for graph g (s builds derivatives' graphs when needed) */
xiB_balls *xiB_open(xiG_graph *g, xiD_sweep *s);
void xiB_close(xiB_balls *b);
/* node i's ball (its elements'), computed with its cone as needed; the view
   lives until xiB_close.  Errors: out of memory, ^C. */
int xiB_ball(xiB_balls *b, uint32_t i, xiO_bview *out, xi_pos at, xi_err *err);
/* the same for a ball looked at once (printed, judged): a scalar whose ball is
   its number and a radius is put in a scratch ball of b's, which the next
   xiB_ball_brief overwrites (its own ball is never made, nor kept: 64 bytes a
   printed value) */
int xiB_ball_brief(xiB_balls *b, uint32_t i, xiO_bview *out, xi_pos at, xi_err *err);

/* the balls' precision: prec bits (0: the graph's working precision) */
void xiB_set_prec(xiB_balls *b, slong prec);
slong xiB_prec(const xiB_balls *b);

/* digits N exact: the balls' precision is doubled until every ball printed
   has N digits (xiB_enough), up to this; past it the digits asked for are
   given up on (a value that is exactly 0, but not as a ball, would raise it
   for ever) */
#define XI_EXACT_PREC_MAX 8192
/* 1 when n balls have `digits` digits (a sufficient test, cheap: the printer
   counts them for real) */
int xiB_enough(const arb_struct *ball, uint32_t n, int digits);
/* the precision to try after p: twice it, at most XI_EXACT_PREC_MAX; 0 when
   p was that already */
slong xiB_raise(slong p);

/* Adjoints as balls: ∂root/∂ξ for the wanted nodes (want, list: as a sweep
   takes them), built as nodes in one reverse sweep (xiA_build_all), their
   balls computed and kept here, and the built nodes dropped.  root must have
   been swept (no grad(...) value in the way) and be a scalar. */
typedef struct {
  uint32_t lo, n;    /* nodes lo .. lo + n - 1 */
  arb_ptr *ball;     /* ball[i - lo]: node i's adjoint, or NULL: 0 (or not wanted) */
  uint32_t *count;
  size_t bytes;      /* counted against the memory budget */
} xiB_adj;
int xiB_adjoints(xiB_balls *b, uint32_t root, xiD_want want, const uint32_t *list,
                 uint32_t nlist, xiB_adj *a, xi_pos at, xi_err *err);
/* node's adjoint balls, or NULL (exactly 0, or not asked for) */
const arb_struct *xiB_adj_of(const xiB_adj *a, uint32_t node);
void xiB_adj_free(xiB_adj *a);
/* 1 when every adjoint in a has `digits` digits (xiB_enough) */
int xiB_adj_enough(const xiB_adj *a, int digits);
/* the local partial ∂c/∂(operand k) of scalar node c, as a ball (built as
   nodes from the op table's formula, then dropped) */
int xiB_partial(xiB_balls *b, uint32_t c, int k, arb_t out, xi_pos at, xi_err *err);

#endif
