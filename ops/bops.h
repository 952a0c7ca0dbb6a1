/* bops.h: each operation of the table in ball arithmetic (Arb).
 *
 * A ball is a midpoint and a radius; an op's ball rule takes balls that hold
 * its operands' exact values and returns balls that hold its exact result,
 * for every choice of the operands inside theirs (Arb's functions guarantee
 * it for each step).  proof/ball.c evaluates a graph with these rules to say
 * which printed digits are proven.
 *
 * The exact result is the op on real numbers, not MPFR's rounding of it:
 * exp(x) is e^x, sum is the exact sum, round(x, 2) rounds the exact x.
 * Each rule mirrors its MPFR rule's semantics otherwise (broadcasting,
 * axes and keepdims, first largest for argmax, Python's // and %, NumPy's
 * ties to even for round, the last of repeated indices for PUT).
 *
 * Continuous ops (relu, abs, maximum, minimum, max) give the ball of every
 * value they can take; an increasing one (exp, log, σ, tanh, softplus, log σ,
 * log1p, expm1) of a ball too wide for Arb's rule to prove a digit is bounded
 * by its values at the ball's ends.  Discontinuous ones (comparisons, sign, trunc, //, %,
 * argmax, max's mask, round, keep's test) give an exact answer when the
 * operands' balls decide it, and otherwise the ball of the answers they
 * allow (a comparison [0, 1], floor of [2.5, 3.5] the ball of [2, 3], keep
 * a's ball with 0): still every value the op can take there.  What no ball
 * can hold is indeterminate (arb_indeterminate: infinite radius, proving
 * nothing): a domain error in the ball (log of a ball reaching 0, a divisor
 * ball holding 0, sqrt of a ball reaching below 0, a pole of tan or pow), an
 * index table or label that is not an exact whole number.
 *
 * Elementwise ops broadcast as the tape does (xiO_bidx).  Every op of the
 * table has a rule: bops.c's table of them is made from ops.h's rows (be_ID
 * for an elementwise row, xiO_bt_ID for a whole-tensor one), so a row without
 * one does not compile; tests/ballops.c tests each. */
#ifndef XI_BOPS_H
#define XI_BOPS_H

#include "ops/ops.h"

#include <arb.h>

#include "ops/bnd.h"

/* mag_clear, whose exponent is a bignum only past 2^62: Arb's own test
   (fmpz_clear's), inline, for a temporary is cleared per node in the proofs'
   passes and mag_clear is not inline in Arb */
static inline void xiO_mag_clear(mag_t x) {
  if (COEFF_IS_MPZ(*MAG_EXPREF(x)))
    mag_clear(x);
}

/* a value as balls: elements row by row, its shape, count and parameters */
typedef struct {
  arb_ptr el;
  xi_shape sh;
  uint32_t n;
  const int32_t *p;
} xiO_bview;

/* out (its el allocated and initialised, its shape the node's) from a and b
   (NULL for a unary op), at prec bits.  0: every element of out is a finite
   ball holding its exact value.  -1: some are not (a domain error, an index
   that is not exact, an op with no rule, ^C: xiO_stopped() says which);
   those are indeterminate, and the finite ones still hold their exact
   values. */
int xiO_ball_forward(int op, xiO_bview *out, const xiO_bview *a, const xiO_bview *b, slong prec);
/* the ball rule that reuses MPFR's value (bmid.c): v, a scalar op's value as
   the tape computed it from the numbers a and b (b NULL for a unary op),
   rounded once to nearest (exact: it was not rounded); ra and rb radii of balls around a and b that hold
   their exact values.  0: r is a radius around v that holds the op's exact
   value.  -1: the op has no such rule, or these numbers are outside it (a
   divisor's ball holding 0, an underflow): Arb's rule must be used. */
int xiO_ball_mid(int op, mag_t r, mpfr_srcptr v, int exact, mpfr_srcptr a, const mag_t ra,
                 mpfr_srcptr b, const mag_t rb);
/* the same rule in integer bounds (bnd.h), for the common ops, a and b
   numbers (not checked: an operand far back on the tape is not read where the
   op's rule needs only its radius): 0 and *r, or 1 where it gives way
   (xiO_ball_mid then) */
int xiO_ball_mid_bnd(int op, xiO_bnd *r, mpfr_srcptr v, int exact, mpfr_srcptr a, xiO_bnd ra,
                     mpfr_srcptr b, xiO_bnd rb);
/* op has a ball rule (for some inputs at least) */
int xiO_has_ball_rule(int op);

/* ---- rules around MPFR's numbers (btmid.c, for proof/'s tensors) ----
   A tensor's radii as doubles: element k's ball is its number ± r[k]·2^-s,
   each r[k] an upper bound (NULL: the numbers are exact). */
typedef struct {
  mpfr_srcptr el;  /* numbers, row by row */
  const double *r; /* radii (·2^-s), or NULL: exact */
  xi_shape sh;
  uint32_t n;
} xiO_rview;
/* a matrix operand of a product: element (i, t) is el[i·s0 + t·s1], its
   radius r[i·s0 + t·s1] (r NULL: exact) */
typedef struct {
  mpfr_srcptr el;
  const double *r;
  uint32_t s0, s1;
} xiO_rmat;
/* |x|·2^s from above (INFINITY beyond 2^1000: no rule; 2^-1000 below it) */
double xiO_rad_abs(mpfr_srcptr x, slong s);
/* a mag as a radius at scale s, from above, and back */
double xiO_rad_of_mag(const mag_t m, slong s);
void xiO_rad_to_mag(mag_t m, double r, slong s);
/* out[p·N + q]: a radius around v[p·N + q], which is Σ_t P(p, t)·Q(t, q) on
   the numbers, rounded once to nearest (tops.c's dot), holding the product
   for every choice of P and Q inside their balls (P M×T, Q T×N).  0, or -1:
   a number out of range, out of memory (out then undefined) */
int xiO_rad_product(double *out, mpfr_srcptr v, const xiO_rmat *P, const xiO_rmat *Q,
                    uint32_t M, uint32_t T, uint32_t N, slong s);
/* sums along axis (rops.c's reduce at MPFR: one mpfr_sum each) of a: nout
   radii around v */
int xiO_rad_sum(double *out, mpfr_srcptr v, const xiO_rview *a, int32_t axis, uint32_t nout,
                slong s);
/* an elementwise op (broadcast as the tape does): radii around o's numbers;
   b NULL for a unary op */
int xiO_rad_elementwise(int op, double *out, const xiO_rview *o, const xiO_rview *a,
                        const xiO_rview *b, slong s);
/* op has a rule here */
int xiO_has_rad_rule(int op);

#endif
