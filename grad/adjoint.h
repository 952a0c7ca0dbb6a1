/* adjoint.h: derivatives built as nodes of the tape (adjoint.c), so that
 * they can be differentiated again.  grad(E, v) in an expression makes a
 * GRAD node whose value the sweep computes; only when a later sweep must go
 * through it is its graph built (once), and the part of the tape above it
 * replayed on that graph.  hessian and jacobian are grads of grads,
 * assembled with lists. */
#ifndef XI_ADJOINT_H
#define XI_ADJOINT_H

#include "grad/grad.h"

/* the GRAD nodes on paths to the wanted nodes built as graphs, and root's
   cone replayed on them; *root and list[] are mapped to the replayed nodes */
int xiA_prepare(xiD_sweep *s, xiG_graph *g, uint32_t *root, xiD_want want, uint32_t *list,
                uint32_t nlist, xi_pos at, xi_err *err);
/* The adjoint of every node from *lo to root that root depends on, built as
   nodes in one reverse sweep: (*adj)[i - *lo] is ∂root/∂(node i), or XI_NONE
   where it is 0 or i is off the wanted paths.  *lo is the lowest listed node
   (0 unless want is XID_LIST).  No grad(...) value may be in the way: the
   caller has swept root already (xiA_prepare replayed it).  *adj is malloc'd. */
int xiA_build_all(xiD_sweep *s, xiG_graph *g, uint32_t root, xiD_want want,
                  const uint32_t *list, uint32_t nlist, xi_pos at, uint32_t *lo, uint32_t **adj,
                  xi_err *err);
/* ∂root/∂v built as nodes (v's shape) */
int xiA_build(xiD_sweep *s, xiG_graph *g, uint32_t root, uint32_t v, xi_pos at, uint32_t *out,
              xi_err *err);
/* GRAD node i's derivative as nodes (built once, and kept while i is): *root */
int xiA_graph(xiD_sweep *s, xiG_graph *g, uint32_t i, xi_pos at, uint32_t *root, xi_err *err);
/* the graph layer's callbacks (ctx is an xiD_sweep): grad, hessian, jacobian
   and jvp in expressions, and a GRAD node's value again at a new precision */
int xiA_derive(void *ctx, xiG_graph *g, int kind, uint32_t e, uint32_t v, uint32_t vname,
               uint32_t dir, xi_pos at, uint32_t *out, xi_err *err);
int xiA_redo(void *ctx, xiG_graph *g, uint32_t i, xi_err *err);
/* elementwise node i's local partial by operand k, built as nodes from the op
   table's formula (tangent.c builds forward mode from the same) */
int xiA_partial(xiD_sweep *s, xiG_graph *g, uint32_t i, int k, uint32_t *out, xi_err *err);
/* operand k's share of node i's adjoint adj, as nodes: the vector-Jacobian
   product (XI_NOTHING when it is 0) */
int xiA_share(xiD_sweep *s, xiG_graph *g, uint32_t i, uint32_t k, uint32_t adj, xi_pos at,
              uint32_t *out, xi_err *err);

/* the same with node self standing for node i's value where the rule's
   formula reads it (o: σ's o·(1 - o)): a student's value of it, for grade's
   follow-through */
int xiA_share_on(xiD_sweep *s, xiG_graph *g, uint32_t i, uint32_t k, uint32_t adj,
                 uint32_t self, xi_pos at, uint32_t *out, xi_err *err);

#endif
