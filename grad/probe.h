/* probe.h: numbers computed again on a copy of the nodes (probe.c), at a
 * precision of its own: what gradcheck, equiv and compare hold the session's
 * numbers against, without changing them. */
#ifndef XI_PROBE_H
#define XI_PROBE_H

#include "grad/grad.h"

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
