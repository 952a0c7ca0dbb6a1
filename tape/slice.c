/* slice.c: an index's items read (whole numbers, slices a:b:c with Python's
 * rules for their bounds, arrays, masks, None), and NumPy's basic indexing:
 * M[1:3, ::2], v[-3:], M[1, :], x[:, None] read (INDEX, SLICE, RESHAPE),
 * and M[:2] = v, M[1:3, 0] -= v written (SLICESET, a new value). */
#include <stdio.h>
#include <string.h>

#include "tape/index_int.h"

/* ---- reading the items ---- */

/* Python's slice.indices(len): a:b:c, each part given or not (INT64_MIN),
   made a start, a step and a length (PySlice_AdjustIndices) */
static int slice_of(int64_t a, int64_t b, int64_t c, uint32_t len, xi_pos pos, xiG_ix *it,
                    xi_err *err) {
  int64_t n = len, step = c == INT64_MIN ? 1 : c;
  if (step == 0)
    return xiX_fail(err, pos, "slice step cannot be zero (Python's ValueError)");
  int64_t lo = step < 0 ? -1 : 0, hi = step < 0 ? n - 1 : n;
  int64_t start = a == INT64_MIN ? (step < 0 ? hi : lo) : a < 0 ? a + n : a;
  int64_t stop = b == INT64_MIN ? (step < 0 ? lo : hi) : b < 0 ? b + n : b;
  start = start < lo ? lo : start > hi ? hi : start;
  stop = stop < lo ? lo : stop > hi ? hi : stop;
  int64_t count = step > 0 ? (start < stop ? (stop - start - 1) / step + 1 : 0)
                           : (stop < start ? (start - stop - 1) / -step + 1 : 0);
  if (count == 0)
    return xiX_fail(err, pos, "this slice has no element (NumPy would give an empty array; xi "
                              "has none)");
  *it = (xiG_ix){IX_SLICE, XI_NONE, (int32_t)start, (int32_t)step, (uint32_t)count};
  return 0;
}

/* a part of a:b:c: a whole number (an index, so exact: xiG_whole) */
static int part(xiG_graph *g, uint32_t node, xi_pos pos, int64_t *v, xi_err *err) {
  int32_t w;
  if (xiG_whole(g, node, pos, &w, err))
    return -1;
  *v = w;
  return 0;
}

/* one item written as an expression: a whole number, an integer array or a mask */
static int value_item(xiG_graph *g, uint32_t node, uint32_t len, int axis, xi_pos pos,
                      xiG_ix *it, xi_err *err) {
  int kind = xiG_kind(g, node);
  /* a list, a tuple or a range is an index array to NumPy: probs[range(N), y] (CS231n) */
  if ((kind == XI_C_LIST || kind == XI_C_RANGE) && xiG_as_array(g, node, pos, &node, err))
    return -1;
  xiG_node *n = &g->nodes[node];
  if (xiG_no_tuple(g, node, pos, "an index", err))
    return -1;
  if (xiG_is_tensor(n)) {
    *it = (xiG_ix){xiG_dtype_of_flags(n->flags) == XI_DT_BOOL ? IX_MASK : IX_ARRAY, node, 0,
                   0, 0};
    return 0;
  }
  if (xiG_dtype_of_flags(n->flags) == XI_DT_BOOL)
    return xiX_fail(err, pos, "a single True or False as an index is not part of xi: index "
                              "with a whole number, a slice or an array");
  int32_t i;
  if (xiG_whole(g, node, pos, &i, err))
    return -1;
  if (i < -(int64_t)len || i >= (int64_t)len)
    return xiX_fail(err, pos, "index %d is out of range for axis %d of size %u", i, axis, len);
  *it = (xiG_ix){IX_INT, node, i < 0 ? i + (int32_t)len : i, 1, 1};
  return 0;
}

int xiG_ix_read(xiG_graph *g, uint32_t base, const uint32_t *items, int argc, unsigned mask,
                uint32_t kinds, xi_pos pos, xiG_ixs *x, xi_err *err) {
  xi_shape sh = xiG_shape(&g->nodes[base]);
  memset(x, 0, sizeof *x);
  int axis = 0;
  for (int q = 0, next = 0; q < argc; q++) {
    unsigned k = xiP_ix_kind(kinds, q);
    xiG_ix *it = &x->it[x->n];
    if (k & XI_IX_NEWAXIS) {
      *it = (xiG_ix){IX_NEW, XI_NONE, 0, 1, 1};
      x->axis[x->n++] = -1;
      x->news++;
      continue;
    }
    if (axis >= sh.rank)
      return xiX_fail(err, pos, sh.rank ? "too many indices: a value of rank %d takes at most %d"
                                        : "a scalar has no elements to index",
                      sh.rank, sh.rank);
    uint32_t len = xiG_axis_len(sh, axis);
    int rc;
    if (k & XI_IX_SLICE) { /* a:b:c, the parts written on the stack in order */
      int64_t v[3] = {INT64_MIN, INT64_MIN, INT64_MIN};
      rc = 0;
      for (int j = 0; j < 3 && rc == 0; j++)
        if (k & (1u << j))
          rc = part(g, items[next++], pos, &v[j], err);
      rc = rc ? rc : slice_of(v[0], v[1], v[2], len, pos, it, err);
    } else if (mask & (1u << q)) {
      rc = slice_of(INT64_MIN, INT64_MIN, INT64_MIN, len, pos, it, err);
    } else {
      rc = value_item(g, items[next++], len, axis, pos, it, err);
    }
    if (rc)
      return -1;
    x->axis[x->n++] = axis;
    /* a mask covers as many axes as it has (a matrix's mask, both) */
    axis += it->kind == IX_MASK ? xiG_shape(&g->nodes[it->node]).rank : 1;
    if (axis > sh.rank)
      return xiX_fail(err, pos, "this mask has more axes than the value has left to index");
  }
  for (; axis < sh.rank; axis++) { /* the axes left out: ':' */
    if (slice_of(INT64_MIN, INT64_MIN, INT64_MIN, xiG_axis_len(sh, axis), pos, &x->it[x->n],
                 err))
      return -1;
    x->axis[x->n++] = axis;
  }
  for (int k = 0; k < x->n; k++) {
    int kind = x->it[k].kind;
    x->ints += kind == IX_INT, x->arrays += kind == IX_ARRAY, x->masks += kind == IX_MASK;
    x->slices += kind == IX_SLICE;
  }
  return 0;
}

const xiG_ix *xiG_ix_on(const xiG_ixs *x, int axis) {
  for (int k = 0; k < x->n; k++)
    if (x->axis[k] == axis)
      return &x->it[k];
  return NULL;
}

static int full(const xiG_ix *it, uint32_t len) {
  return it->kind == IX_SLICE && it->start == 0 && it->step == 1 && it->len == len;
}

/* the shape NumPy gives base[x]: an axis for each slice and None, none for
   a whole number; more than two is refused */
static int view_shape(const xiG_ixs *x, xi_pos pos, xi_shape *sh, xi_err *err) {
  uint32_t d[XI_IX_MAX + 2];
  int rank = 0;
  for (int k = 0; k < x->n; k++)
    if (x->it[k].kind != IX_INT)
      d[rank++] = x->it[k].len;
  if (rank > 2)
    return xiX_fail(err, pos, "this index makes a value of %d axes: xi's values have at most "
                              "two", rank);
  *sh = (xi_shape){(uint8_t)rank, rank == 2 ? d[0] : 1, rank ? d[rank - 1] : 1};
  return 0;
}

/* the slice parameters of the slice items on a value's axes (whole numbers
   as slices of 1): the row's in p[0], p[1], the column's in p[5], p[6] */
static void slice_params(const xiG_ixs *x, int rank, int32_t *p, xi_shape *sh) {
  p[0] = 0, p[1] = 1, p[5] = 0, p[6] = 1;
  *sh = (xi_shape){(uint8_t)rank, 1, 1};
  for (int axis = 0; axis < rank; axis++) {
    const xiG_ix *it = xiG_ix_on(x, axis);
    int col = axis == rank - 1;
    p[col ? 5 : 0] = it->start, p[col ? 6 : 1] = it->step;
    if (col)
      sh->cols = it->len;
    else
      sh->rows = it->len;
  }
}

/* ---- reading: INDEX for the whole numbers, then SLICE, then the new axes ---- */

int xiG_ix_basic(xiG_graph *g, uint32_t base, const xiG_ixs *x, xi_pos pos, uint32_t *out,
                 xi_err *err) {
  xi_shape sh = xiG_shape(&g->nodes[base]), view;
  if (view_shape(x, pos, &view, err))
    return -1;
  uint32_t cur = base;
  int sliced = 0;
  for (int axis = 0; axis < sh.rank; axis++)
    sliced |= !full(xiG_ix_on(x, axis), xiG_axis_len(sh, axis)) &&
              xiG_ix_on(x, axis)->kind == IX_SLICE;
  if (x->ints || (!sliced && !x->news)) { /* M[i, :], v[i], M[:]: INDEX */
    int32_t p[XI_NPARAMS] = {XI_COLON, sh.rank > 1 ? XI_COLON : INT32_MAX, 0, 0, 0};
    for (int axis = 0; axis < sh.rank; axis++)
      if (xiG_ix_on(x, axis)->kind == IX_INT)
        p[axis] = xiG_ix_on(x, axis)->start;
    if (sh.rank && xiG_op(g, XI_INDEX, base, XI_NONE, p, pos, &cur, err))
      return -1;
  }
  if (sliced) { /* the slices, on the axes the whole numbers left */
    xiG_ixs rest = {.n = 0};
    for (int k = 0; k < x->n; k++)
      if (x->it[k].kind == IX_SLICE) {
        rest.it[rest.n] = x->it[k];
        rest.axis[rest.n] = rest.n;
        rest.n++;
      }
    int32_t p[XI_NPARAMS] = {0, 0, 0, 0, 0, 0, 0};
    xi_shape s;
    slice_params(&rest, rest.n, p, &s);
    xiO_shape_params(p, s);
    if (xiG_op(g, XI_SLICE, cur, XI_NONE, p, pos, &cur, err))
      return -1;
  }
  return xiG_as_shape(g, XI_RESHAPE, cur, view, pos, out, err);
}

/* ---- writing: base with the slice replaced, a new value ---- */

int xiG_ix_slice_set(xiG_graph *g, uint32_t base, const xiG_ixs *x, int op, uint32_t rhs,
                     xi_pos pos, uint32_t *out, xi_err *err) {
  xi_shape sh = xiG_shape(&g->nodes[base]), view, slice, vs;
  if (x->news)
    return xiX_fail(err, pos, "None in the index of an assignment is not part of xi: assign "
                              "to the slice itself");
  if (view_shape(x, pos, &view, err))
    return -1;
  int32_t p[XI_NPARAMS] = {0, 0, 0, 0, 0, 0, 0};
  slice_params(x, sh.rank, p, &slice);
  uint32_t v = rhs;
  if (op) { /* x[s] op= rhs: the slice read, then op */
    uint32_t now;
    int32_t q[XI_NPARAMS];
    memcpy(q, p, sizeof q);
    xiO_shape_params(q, slice);
    if (xiG_op(g, XI_SLICE, base, XI_NONE, q, pos, &now, err) ||
        xiG_as_shape(g, XI_RESHAPE, now, view, pos, &now, err) ||
        xiG_op(g, op, now, rhs, NULL, pos, &v, err))
      return -1;
  }
  vs = xiG_shape(&g->nodes[v]);
  xi_shape to;
  char why[200], a[48], b[48];
  if (!xiO_same_shape(&vs, &view)) { /* the new values broadcast to the slice's shape */
    if (xiO_broadcast(&to, &view, &vs, why, sizeof why) || !xiO_same_shape(&to, &view)) {
      xiO_shape_text(&vs, a, sizeof a);
      xiO_shape_text(&view, b, sizeof b);
      return xiX_fail(err, pos, "the new values have shape %s, which does not broadcast to "
                                "the slice's %s", a, b);
    }
    int32_t q[XI_NPARAMS] = {0, 0, 0, 0, 0};
    xiO_shape_params(q, view);
    if (xiG_op(g, XI_BROADCAST, v, XI_NONE, q, pos, &v, err))
      return -1;
  }
  if (xiG_dtype_of_flags(g->nodes[base].flags) != XI_DT_FLOAT &&
      xiG_dtype_of_flags(g->nodes[v].flags) == XI_DT_FLOAT)
    return xiX_fail(err, pos, "this array holds integers, and the new values are floats: NumPy "
                              "would cut them to integers; xi refuses (make it a float array: "
                              "x = x.astype(float))");
  if (xiG_as_shape(g, XI_RESHAPE, v, slice, pos, &v, err))
    return -1;
  return xiG_op(g, XI_SLICESET, base, v, p, pos, out, err);
}
