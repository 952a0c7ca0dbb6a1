/* grad.h: derivatives.
 *
 * grad.c is the reverse sweep: adjoints live beside the tape, one per node,
 * and are reused from sweep to sweep; a sweep visits the nodes from the root
 * down and adds each node's adjoint times the local partial into its
 * operands, so an adjoint is the sum over the node's consumers.  Numbers
 * only: the fast path.
 *
 * adjoint.c builds the same derivative as nodes of the tape, so that it can be
 * differentiated again.  grad(E, v) in an expression makes a GRAD node whose
 * value the sweep computes; only when a later sweep must go through it is its
 * graph built (once), and the part of the tape above it replayed on that
 * graph.  hessian and jacobian are grads of grads, assembled with lists. */
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
  uint32_t *tn;        /* and how many */
  mpfr_prec_t prec;
  uint8_t *need; /* does node i lie on a path from a wanted node to the root */
  uint32_t needcap;
  uint32_t lo, root; /* the range the last sweep filled */
  mpfr_t tmp;
  int tmp_ready;
  xiP_code formula[XI_NOPS][2]; /* the partials of the op table, compiled once */
  uint8_t compiled[XI_NOPS][2];
  uint32_t param[3];            /* the names a, b and o the formulas use */
} xiD_sweep;

void xiD_init(xiD_sweep *s);
void xiD_free(xiD_sweep *s);

/* ---- grad.c ---- */
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
/* the local partial ∂node/∂(operand k), as the sweep uses it */
mpfr_srcptr xiD_partial(xiD_sweep *s, const xiG_graph *g, uint32_t node, int k);
/* need[i] for lo <= i <= root: 1 when node i is wanted or on a path from a
   wanted node to root, 3 when it is also a GRAD node the sweep would have to
   go through (its graph not built), else 0.  Returns 1 when any is 3. */
int xiD_mark(const xiG_graph *g, uint32_t lo, uint32_t root, xiD_want want,
             const uint32_t *list, uint32_t nlist, uint8_t *need);
/* 1 when v is root or lies under it */
int xiD_depends(const xiG_graph *g, uint32_t root, uint32_t v);

/* ---- adjoint.c ---- */
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

/* ---- tangent.c: forward mode, as nodes ---- */
/* The tangent ξ̇ = ∂ξ/∂v · dv of every node ξ on a path from v to *root,
   seeded with dv at v (dv has v's shape), built as nodes in one pass up the
   tape.  (*tan)[i - *v] for *v <= i <= *root: node i's tangent, or XI_NONE
   where it is 0 (i does not depend on v, or only through derivatives 0);
   NULL when v > *root.  GRAD nodes in the way are built and the cone replayed
   on them first, as the sweep does: *root and *v then name the replayed
   nodes.  *tan is malloc'd. */
int xiF_build(xiD_sweep *s, xiG_graph *g, uint32_t *root, uint32_t *v, uint32_t dv, xi_pos at,
              uint32_t **tan, xi_err *err);
/* jvp(E, v, dv): E's tangent, a node of E's shape (zeros when E's tangent is 0) */
int xiF_jvp(xiD_sweep *s, xiG_graph *g, uint32_t e, uint32_t v, uint32_t dv, xi_pos at,
            uint32_t *out, xi_err *err);
/* for the tangents command's text: how node i's tangent is built from its
   operands' (XIF_*) */
enum { XIF_NONE, XIF_ELEMENTWISE, XIF_LIST, XIF_LINEAR, XIF_BILINEAR, XIF_TRANSPOSED };
int xiF_rule(const xiG_graph *g, uint32_t i);

/* ---- probe.c: numbers computed again on a copy (gradcheck, equiv) ---- */
/* The GRAD nodes on paths to the wanted nodes built, and root's cone replayed
   on them (*root and list[] follow), until none is left in the way, as a sweep
   does: then every value under *root is an op of the table. */
int xiC_unfold(xiD_sweep *s, xiG_graph *g, uint32_t *root, xiD_want want, uint32_t *list,
               uint32_t nlist, xi_pos at, xi_err *err);
typedef struct {
  xiG_graph g;   /* the copy: a graph of its own, at its own precision */
  uint32_t *map; /* map[i]: the copy of the session's node i (XI_NONE outside the cones) */
  uint32_t n;    /* map's length */
} xiC_copy;
/* Copies the nodes under roots into c->g at precision prec: the same ops,
   literals read again at prec, leaves (and GRAD nodes, as constants) copied
   exactly.  c is freed by xiC_copy_free, even after an error. */
int xiC_copy_make(xiC_copy *c, xiG_graph *src, const uint32_t *roots, uint32_t nroots,
                  mpfr_prec_t prec, xi_pos at, xi_err *err);
void xiC_copy_free(xiC_copy *c);
/* dep[i] for the copy's nodes: 1 for those computed from its node x (x itself
   0: its value is the one moved); malloc'd, NULL when out of memory */
uint8_t *xiC_above(const xiC_copy *c, uint32_t x);
/* The copy's nodes from `from` on (those with dep[i], when dep is given)
   computed again from their operands, after leaves were moved.  0; 1 when a
   value is not a finite number there (err says which); -1 when interrupted or
   out of memory. */
int xiC_eval(xiC_copy *c, uint32_t from, const uint8_t *dep, xi_err *err);

#endif
