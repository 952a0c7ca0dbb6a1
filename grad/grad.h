/* grad.h: the reverse sweep.  Adjoints live beside the tape, one per node,
 * and are reused from sweep to sweep; a sweep visits the nodes from the root
 * down and adds each node's adjoint times the local partial into its
 * operands, so an adjoint is the sum over the node's consumers. */
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
  __mpfr_struct **tel; /* a tensor node's adjoint: its elements (xiG_elements) */
  uint32_t *tn;        /* and how many */
  mpfr_prec_t prec;
  uint8_t *need; /* does node i lie on a path from a wanted node to the root */
  uint32_t needcap;
  uint32_t lo, root; /* the range the last sweep filled */
  mpfr_t tmp;
  int tmp_ready;
} xiD_sweep;

void xiD_init(xiD_sweep *s);
void xiD_free(xiD_sweep *s);
/* Runs the sweep from root.  Errors (a derivative that is not a finite
   number, ^C) point at `at`. */
int xiD_run(xiD_sweep *s, xiG_graph *g, uint32_t root, xiD_want want,
            const uint32_t *list, uint32_t nlist, xi_pos at, xi_err *err);
/* ∂root/∂node i after xiD_run (0 when i does not lead to the root) */
mpfr_srcptr xiD_adj(const xiD_sweep *s, uint32_t i);
/* the same for any node: 0 and the view, or -1 when it is all zeros */
int xiD_adj_view(const xiD_sweep *s, xiG_graph *g, uint32_t i, xiO_view *v);
/* forgets every adjoint (node numbers changed) */
void xiD_forget(xiD_sweep *s);
int xiD_needed(const xiD_sweep *s, uint32_t i);
/* grad(E, v) as the graph builder calls it (ctx is an xiD_sweep) */
int xiD_grad(void *ctx, xiG_graph *g, uint32_t root, uint32_t v, uint32_t *out, xi_err *err);
/* the local partial ∂node/∂(operand k), as the sweep uses it */
mpfr_srcptr xiD_partial(xiD_sweep *s, const xiG_graph *g, uint32_t node, int k);

#endif
