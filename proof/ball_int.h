/* ball_int.h: what ball.c and sweep.c share (proof/ only). */
#ifndef XI_BALL_INT_H
#define XI_BALL_INT_H

#include "proof/ball.h"
#include "ops/bnd.h"

enum {
  B_RADIUS = 1, /* rad[i] is node i's radius around its number */
  B_LITERAL = 2, /* node i is made of literals alone: its ball is Arb's */
  B_TENSOR = 4,  /* tr[i] holds tensor node i's radii around its numbers (tball.c) */
  B_PLAIN = 8    /* with B_RADIUS: node i is a plain scalar (no x), a number: a consumer's
                    rule need not read its node to know */
};

/* a radius as kept, 8 bytes: a mag's mantissa and exponent (man·2^(exp - 30)),
   for the exponents that fit (a radius past them is not kept: Arb's rule) */
typedef struct {
  uint32_t man;
  int32_t exp;
} xiB_rad;

/* a node's balls as Arb's: its elements' */
typedef struct {
  arb_ptr el;
  uint32_t n; /* how many (a free entry's: the next free one, + 1) */
} xiB_arbs;

struct xiB_balls {
  xiG_graph *g;
  xiD_sweep *s;
  uint32_t cap;     /* nodes with room in slot, rad, fast */
  uint32_t epoch;   /* the graph's epoch when they were made */
  slong prec;       /* the balls' precision */
  slong want;       /* the precision asked for; 0: the graph's working precision */
  size_t bytes;     /* counted against the memory budget */
  /* by node: 1 + the index of its Arb balls in solid[], or 0 (few nodes have
     them: a scalar's ball is mostly its number and a radius) */
  uint32_t *slot;
  xiB_arbs *solid;
  uint32_t nsolid, solid_cap, free_solid; /* free_solid: a free entry + 1, or 0 */
  /* a scalar node's ball around the number MPFR computed (xiO_ball_mid):
     only its radius is kept, rad[i], where fast[i] has B_RADIUS (a node may have
     both this and Arb's balls: its ball then was made from it, or it from its
     ball, for an operand of either kind of rule) */
  xiB_rad *rad;
  uint8_t *fast;      /* B_RADIUS, B_LITERAL, B_TENSOR */
  /* a tensor node's balls around the numbers MPFR computed: radii as doubles,
     tr[i][k]·2^-prec, upper bounds (btops.h), where fast[i] has B_TENSOR;
     tr[i] NULL there: its numbers are exact (an input); tr is made (trcap
     entries) with the first tensor's radii (tball.c) */
  double **tr;
  uint32_t trcap;
  xiD_sweep *ps; /* a sweep of tball.c's own (the session's keeps its adjoints) */
  uint32_t lazy_from; /* nodes from here on were built lazily: no number to reuse */
  uint8_t *need;    /* ball_of's marks, all 0 between walks (kept: a print a statement
                       must not allocate and clear the whole tape's worth each time) */
  uint32_t need_cap;
  int walking;      /* a walk is using need (a code leaf's or a grad's walk inside it
                       gets a buffer of its own) */
  arb_struct brief; /* xiB_ball_brief's scratch ball */
  uint32_t mid_sweeps; /* adjoints' balls made around the sweep's numbers (adjmid.c): a count */
  uint8_t mid_off;      /* (tests: the sweep in Arb's balls always, to compare the two) */
};

/* ---- the storage, node by node (store.c) ---- */

/* the bytes n Arb balls at prec bits are counted as */
static inline size_t xiB_cost(uint32_t n, slong prec) {
  return (size_t)n * (sizeof(arb_struct) + 16 + (size_t)prec / 8);
}
/* node i's Arb balls (NULL: none) and how many */
static inline arb_ptr xiB_el(const xiB_balls *b, uint32_t i) {
  return i < b->cap && b->slot[i] ? b->solid[b->slot[i] - 1].el : NULL;
}
static inline uint32_t xiB_n(const xiB_balls *b, uint32_t i) {
  return i < b->cap && b->slot[i] ? b->solid[b->slot[i] - 1].n : 0;
}
/* node i has a ball of either kind */
static inline int xiB_have(const xiB_balls *b, uint32_t i) {
  return i < b->cap && (b->slot[i] || (b->fast[i] & (B_RADIUS | B_TENSOR)));
}
/* tensor node i's radii (B_TENSOR), NULL when exact */
static inline double *xiB_tr(const xiB_balls *b, uint32_t i) {
  return i < b->trcap ? b->tr[i] : NULL;
}
/* node i's radius (B_RADIUS) into z */
static inline void xiB_rad_get(const xiB_balls *b, uint32_t i, mag_t z) {
  MAG_MAN(z) = b->rad[i].man;
  if (COEFF_IS_MPZ(MAG_EXP(z)))
    fmpz_set_si(MAG_EXPREF(z), b->rad[i].exp);
  else
    MAG_EXP(z) = b->rad[i].exp;
}
/* keeps r as node i's radius, counted against the budget, and marks it
   B_RADIUS; -1: out of memory, or an exponent too far out to keep */
static inline int xiB_rad_set(xiB_balls *b, uint32_t i, const mag_t r) {
  if (COEFF_IS_MPZ(MAG_EXP(r)) || MAG_EXP(r) <= INT32_MIN || MAG_EXP(r) >= INT32_MAX ||
      xiM_account((ptrdiff_t)sizeof(xiB_rad)))
    return -1; /* (an infinite mag has an exponent past any int32's) */
  b->bytes += sizeof(xiB_rad);
  b->rad[i].man = (uint32_t)MAG_MAN(r);
  b->rad[i].exp = (int32_t)MAG_EXP(r);
  b->fast[i] |= (uint8_t)(B_RADIUS | (b->g->nodes[i].x ? 0 : B_PLAIN));
  return 0;
}
/* room for node i in the arrays by node; -1: out of memory */
int xiB_room(xiB_balls *b, uint32_t i);
/* node i's Arb balls, n of them (initialised), counted against the budget;
   NULL: out of memory */
arb_ptr xiB_place(xiB_balls *b, uint32_t i, uint32_t n);
/* forgets node i's balls of both kinds */
void xiB_drop(xiB_balls *b, uint32_t i);
/* frees the storage (xiB_close) */
void xiB_store_free(xiB_balls *b);

/* node i's ball and those of its cone that are not there yet */
int xiB_ball_of(xiB_balls *b, uint32_t i, xi_pos at, xi_err *err);
/* node i's ball (made, scalar) as Arb's: ball[i], or its number and radius
   put in tmp */
const arb_struct *xiB_view1(xiB_balls *b, uint32_t i, arb_t tmp);
/* node i is among those a sweep wants */
static inline int xiB_wanted(const xiG_graph *g, uint32_t i, xiD_want want,
                             const uint32_t *list, uint32_t nlist) {
  if (want == XID_ALL)
    return 1;
  if (want == XID_LEAVES)
    return g->nodes[i].op == XI_LEAF;
  for (uint32_t k = 0; k < nlist; k++)
    if (list[k] == i)
      return 1;
  return 0;
}
/* node o's ball as Arb's (made from its radii when it has only those) */
int xiB_solid(xiB_balls *b, uint32_t o);
/* node o's radius around its scalar number, into r (made and kept when it
   has only Arb's ball); -1: it has none */
int xiB_radius(xiB_balls *b, uint32_t o, mag_t r);
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
   v ± rv, a ± ra, b ± rb: |p̃| <= *P and |exact - p̃| <= *rho, from above.
   tmp (prec bits) is scratch.  0, or -1: no rule; *wide is set when a number
   is out of the bounds' range (they then mean nothing). */
int xiB_partial_mid(int op, int k, mpfr_srcptr v, xiO_bnd rv, mpfr_srcptr a, xiO_bnd ra,
                    mpfr_srcptr b, xiO_bnd rb, mpfr_prec_t prec, mpfr_ptr tmp, xiO_bnd *P, xiO_bnd *rho,
                    int *wide);

#endif
