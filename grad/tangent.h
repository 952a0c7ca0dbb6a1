/* tangent.h: forward mode, as nodes (tangent.c). */
#ifndef XI_TANGENT_H
#define XI_TANGENT_H

#include "grad/grad.h"

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

#endif
