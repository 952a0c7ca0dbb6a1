/* index_int.h: what the two files of indexing share (index.c, slice.c), and
 * no one else: an index's items, read and checked against the value they
 * index. */
#ifndef XI_INDEX_INT_H
#define XI_INDEX_INT_H

#include "tape/graph.h"

enum {
  IX_INT,   /* a whole number, wrapped into its axis */
  IX_ARRAY, /* an array of whole numbers (integer-array indexing) */
  IX_MASK,  /* an array of truth values (a boolean mask) */
  IX_SLICE, /* a:b:c or ':', made Python's start, step and length */
  IX_NEW    /* None, np.newaxis: a new axis of length 1 */
};

typedef struct {
  uint8_t kind;
  uint32_t node;       /* IX_ARRAY, IX_MASK: the value */
  int32_t start, step; /* IX_INT: start is the index */
  uint32_t len;        /* IX_SLICE: its length (never 0) */
} xiG_ix;

/* the items as written, then ':' for each axis left out; axis[k] is the
   axis item k indexes (-1 for IX_NEW) */
typedef struct {
  xiG_ix it[XI_IX_MAX + 2];
  int axis[XI_IX_MAX + 2];
  int n, ints, arrays, masks, slices, news;
} xiG_ixs;

/* reads base[items] into x (index.c's and slice.c's entry) */
int xiG_ix_read(xiG_graph *g, uint32_t base, const uint32_t *items, int argc, unsigned mask,
                uint32_t kinds, xi_pos pos, xiG_ixs *x, xi_err *err);
/* the item on axis k (ints and slices only) */
const xiG_ix *xiG_ix_on(const xiG_ixs *x, int axis);
/* base[x] for whole numbers, slices and Nones: INDEX, SLICE, RESHAPE (slice.c) */
int xiG_ix_basic(xiG_graph *g, uint32_t base, const xiG_ixs *x, xi_pos pos, uint32_t *out,
                 xi_err *err);
/* base[x] op= rhs for whole numbers and slices, a slice among them (SLICESET) */
int xiG_ix_slice_set(xiG_graph *g, uint32_t base, const xiG_ixs *x, int op, uint32_t rhs,
                     xi_pos pos, uint32_t *out, xi_err *err);
/* the sizes of a shape's axes, for checking indices */
static inline uint32_t xiG_axis_len(xi_shape sh, int axis) {
  return sh.rank == 2 && axis == 0 ? sh.rows : sh.cols;
}

#endif
