/* ball_int.h: what ball.c and sweep.c share (proof/ only). */
#ifndef XI_BALL_INT_H
#define XI_BALL_INT_H

#include "proof/ball.h"

enum {
  B_RADIUS = 1, /* rad[i] is node i's radius around its number */
  B_LITERAL = 2, /* node i is made of literals alone: its ball is Arb's */
  B_TENSOR = 4   /* tr[i] holds tensor node i's radii around its numbers (tball.c) */
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
  /* a tensor node's balls around the numbers MPFR computed: radii as doubles,
     tr[i][k]·2^-prec, upper bounds (btops.h), where fast[i] has B_TENSOR;
     tr[i] NULL there: its numbers are exact (an input) */
  double **tr;
  xiD_sweep *ps; /* a sweep of tball.c's own (the session's keeps its adjoints) */
  uint32_t lazy_from; /* nodes from here on were built lazily: no number to reuse */
  uint8_t *need;    /* ball_of's marks, all 0 between walks (kept: a print a statement
                       must not allocate and clear the whole tape's worth each time) */
  uint32_t need_cap;
  int walking;      /* a walk is using need (a code leaf's or a grad's walk inside it
                       gets a buffer of its own) */
  arb_struct brief; /* xiB_ball_brief's scratch ball */
};

/* node i's ball and those of its cone that are not there yet */
int xiB_ball_of(xiB_balls *b, uint32_t i, xi_pos at, xi_err *err);
/* node i's ball (made, scalar) as Arb's: ball[i], or its number and radius
   put in tmp */
const arb_struct *xiB_view1(xiB_balls *b, uint32_t i, arb_t tmp);
/* node i is among those a sweep wants */
int xiB_wanted(const xiG_graph *g, uint32_t i, xiD_want want, const uint32_t *list,
               uint32_t nlist);
/* node o's ball as Arb's (made from its radii when it has only those) */
int xiB_solid(xiB_balls *b, uint32_t o);
/* node o's radius around its scalar number, or NULL */
const mag_struct *xiB_radius(xiB_balls *b, uint32_t o);
/* forgets node i's balls */
void xiB_drop(xiB_balls *b, uint32_t i);
/* tensor balls around MPFR's numbers (tball.c): node i's radii from its
   operands' (0), or -1: no such rule here (Arb's is used) */
int xiB_tensor_ball(xiB_balls *b, uint32_t i);
/* GRAD node i's radii around its numbers, the sweep's: 0, 1 when no rule
   here applies, -1 an error */
int xiB_grad_ball(xiB_balls *b, uint32_t i, xi_pos at, xi_err *err);
/* frees tr[i] */
void xiB_tr_free(xiB_balls *b, uint32_t i);
/* forgets what the tape forgot */
void xiB_forget(xiB_balls *b);

/* the adjoints as balls by a reverse sweep run in balls (sweep.c): 0, -1 an
   error, 1 when the cone holds what it has no rule for (xiB_adjoints then
   builds the sweep as nodes) */
int xiB_sweep_balls(xiB_balls *b, uint32_t root, xiD_want want, const uint32_t *list,
                    uint32_t nlist, xiB_adj *a, xi_pos at, xi_err *err);

#endif
