/* ball_int.h: what ball.c and sweep.c share (proof/ only). */
#ifndef XI_BALL_INT_H
#define XI_BALL_INT_H

#include "proof/ball.h"

enum {
  B_RADIUS = 1, /* rad[i] is node i's radius around its number */
  B_LITERAL = 2 /* node i is made of literals alone: its ball is Arb's */
};

struct xiB_balls {
  xiG_graph *g;
  xiD_sweep *s;
  arb_ptr *ball;    /* by node: its elements' balls, or NULL */
  uint32_t *count;  /* how many */
  uint32_t cap;
  uint32_t epoch;   /* the graph's epoch when they were made */
  slong prec;       /* the balls' precision */
  slong want;       /* the precision asked for; 0: the graph's working precision */
  size_t bytes;     /* counted against the memory budget */
  /* a scalar node's ball around the number MPFR computed (xiO_ball_mid):
     only its radius is kept, rad[i], where fast[i] has B_RADIUS (a node may have
     both this and ball[i]: its ball then was made from it, or it from its
     ball, for an operand of either kind of rule) */
  mag_struct *rad;
  uint8_t *fast;      /* B_RADIUS, B_LITERAL */
  uint32_t lazy_from; /* nodes from here on were built lazily: no number to reuse */
  uint8_t *need;    /* ball_of's marks, all 0 between walks (kept: a print a statement
                       must not allocate and clear the whole tape's worth each time) */
  uint32_t need_cap;
  int walking;      /* a walk is using need (a code leaf's or a grad's walk inside it
                       gets a buffer of its own) */
  uint32_t mid_sweeps; /* adjoints' balls made around the sweep's numbers (adjmid.c): a count */
  uint8_t mid_off;      /* (tests: the sweep in Arb's balls always, to compare the two) */
};

/* node i's ball and those of its cone that are not there yet */
int xiB_ball_of(xiB_balls *b, uint32_t i, xi_pos at, xi_err *err);
/* node i's ball (made, scalar) as Arb's: ball[i], or its number and radius
   put in tmp */
const arb_struct *xiB_view1(xiB_balls *b, uint32_t i, arb_t tmp);
/* node i is among those a sweep wants */
int xiB_wanted(const xiG_graph *g, uint32_t i, xiD_want want, const uint32_t *list,
               uint32_t nlist);
/* forgets what the tape forgot */
void xiB_forget(xiB_balls *b);

/* the adjoints as balls by a reverse sweep run in balls (sweep.c): 0, -1 an
   error, 1 when the cone holds what it has no rule for (xiB_adjoints then
   builds the sweep as nodes) */
int xiB_sweep_balls(xiB_balls *b, uint32_t root, xiD_want want, const uint32_t *list,
                    uint32_t nlist, xiB_adj *a, xi_pos at, xi_err *err);

/* node o's radius around the number it holds (made from its ball if need be),
   or NULL: none */
const mag_struct *xiB_radius(xiB_balls *b, uint32_t o);

/* a's balls for the wanted nodes among in[] from a->lo to root, each made by
   fill(ball, node, ctx); a's arrays cover the wanted nodes' range alone */
int xiB_keep(xiB_balls *b, uint32_t root, xiD_want want, const uint32_t *list, uint32_t nlist,
             const uint8_t *in, void (*fill)(arb_t, uint32_t, void *), void *ctx, xiB_adj *a,
             xi_pos at, xi_err *err);

/* adjmid.c: the adjoints' balls around the numbers of the sweep in MPFR that
   just ran for root (grad.h), a radius a node; in[]: root's cone from lo.
   0, -1 an error, 1 when they cannot be (the sweep in Arb's balls then) */
int xiB_sweep_mid(xiB_balls *b, uint32_t root, uint32_t lo, const uint8_t *in, xiD_want want,
                  const uint32_t *list, uint32_t nlist, xiB_adj *a, xi_pos at, xi_err *err);

/* The partial ∂v/∂(operand k) of scalar op as the sweep computes it
   (xiD_partial: p̃, from the numbers v, a, b, rounded to nearest at u = 2^-prec
   of each result), against the exact partial at the exact values within
   v ± rv, a ± ra, b ± rb: |p̃| <= *P and |exact - p̃| <= *rho, as doubles
   from above.  tmp (prec bits) is scratch.  0, or -1: no rule; *wide is set
   when a number is out of the doubles' safe range (the bounds then mean
   nothing). */
int xiB_partial_mid(int op, int k, mpfr_srcptr v, double rv, mpfr_srcptr a, double ra,
                    mpfr_srcptr b, double rb, double u, mpfr_ptr tmp, double *P, double *rho,
                    int *wide);

#endif
