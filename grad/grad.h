/* grad.h: the reverse sweep in numbers, and what the derivative modules share.
 *
 * grad.c is the reverse sweep: adjoints live beside the tape, one per node,
 * and are reused from sweep to sweep; a sweep visits the nodes from the root
 * down and adds each node's adjoint times the local partial into its
 * operands, so an adjoint is the sum over the node's consumers.  Numbers
 * only: the fast path.  Derivatives as nodes are adjoint.h's, forward mode
 * tangent.h's, numbers computed again on a copy probe.h's. */
#ifndef XI_GRAD_H
#define XI_GRAD_H

#include "tape/graph.h"

typedef enum {
  XID_LEAVES, /* every leaf the root depends on */
  XID_LIST,   /* the nodes listed */
  XID_ALL     /* every node under the root (for trace) */
} xiD_want;

typedef struct {
  __mpfr_struct *adj; /* their significands live in the pool, slot i for node i */
  uint32_t n, cap;    /* adjoints placed, and room */
  xiM_pool limbs;
  __mpfr_struct **tel; /* a tensor node's adjoint: its elements (an xiM_block) */
  uint32_t *tn;        /* and how many; both made with the first tensor's */
  uint32_t telcap;
  mpfr_prec_t prec;
  uint8_t *need; /* does node i lie on a path from a wanted node to the root; and
                    XI_D_ROUNDED when a sum into its adjoint was rounded */
  uint32_t needcap;
  uint32_t lo, root; /* the range the last sweep filled */
  mpfr_t tmp;
  int tmp_ready;
  xiP_code formula[XI_NOPS][2]; /* the partials of the op table, compiled once */
  uint8_t compiled[XI_NOPS][2];
  uint32_t param[3];            /* the names a, b and o the formulas use */
  /* the last sweep that ran to its end, for proof/ to reuse its numbers as the
     midpoints of the adjoints' balls: from which root, the graph as it was
     then (epoch, cuts), and whether an op under- or overflowed in it (a
     rounding then is not within half an ulp) */
  struct {
    uint32_t root, epoch, cuts, serial;
    uint8_t valid, flows;
  } last;
} xiD_sweep;

#define XI_D_ROUNDED 4 /* (in need[]) */
#define XI_D_EXT 8     /* (in need[], once a sweep ran) node i has an ext (x): not a plain
                          scalar; read there, not from its node, by the consumers' rule */

void xiD_init(xiD_sweep *s);
void xiD_free(xiD_sweep *s);

/* Runs the sweep from *root for the nodes wanted.  Where a GRAD node stands on
   a path to a wanted node, its graph is built and the cone replayed on it
   first: *root and list[] then name the replayed nodes.  Errors (a derivative
   that is not a finite number, ^C) point at `at`. */
int xiD_sweep_from(xiD_sweep *s, xiG_graph *g, uint32_t *root, xiD_want want, uint32_t *list,
                   uint32_t nlist, xi_pos at, xi_err *err);
/* ∂root/∂node i after a sweep (0 when i does not lead to the root) */
mpfr_srcptr xiD_adj(const xiD_sweep *s, uint32_t i);
/* the same for any node: 0 and the view, or -1 when it is all zeros */
int xiD_adj_view(const xiD_sweep *s, xiG_graph *g, uint32_t i, xiO_view *v);
/* forgets every adjoint (node numbers changed) */
void xiD_forget(xiD_sweep *s);
int xiD_needed(const xiD_sweep *s, uint32_t i);
/* 1 when the numbers of the last sweep are those of root's sweep on g as it
   is now, in MPFR's arithmetic at g's precision with no under- or overflow */
int xiD_current(const xiD_sweep *s, const xiG_graph *g, uint32_t root);
/* the local partial ∂node/∂(operand k), as the sweep uses it */
mpfr_srcptr xiD_partial(xiD_sweep *s, const xiG_graph *g, uint32_t node, int k);
/* need[i] for lo <= i <= root: 1 when node i is wanted or on a path from a
   wanted node to root, 3 when it is also a GRAD node the sweep would have to
   go through (its graph not built), else 0.  Returns 1 when any is 3. */
int xiD_mark(const xiG_graph *g, uint32_t lo, uint32_t root, xiD_want want,
             const uint32_t *list, uint32_t nlist, uint8_t *need);
/* 1 when v is root or lies under it */
int xiD_depends(const xiG_graph *g, uint32_t root, uint32_t v);

#endif
