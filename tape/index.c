/* index.c: indexing by arrays, NumPy's advanced indexing: integer arrays
 * (probs[np.arange(n), y] and np.eye(k)[y], GATHER of an index table),
 * boolean masks (x[x > 0], GATHER of NONZERO), their functional updates
 * (dz[np.arange(n), y] -= 1, dh[h <= 0] = 0: PUT, a new value; the old one is
 * unchanged), a tuple's item, and the dispatch to slice.c for the rest. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tape/index_int.h"

/* t[k]: a tuple's item, by a whole number (negative from the end) */
static int tuple_item(xiG_graph *g, uint32_t t, uint32_t k, xi_pos pos, uint32_t *out,
                      xi_err *err) {
  int32_t i;
  uint32_t n = g->nodes[t].x->nargs;
  if (xiG_whole(g, k, pos, &i, err))
    return -1;
  if (i < -(int32_t)n || i >= (int32_t)n)
    return xiX_fail(err, pos, "index %d is out of range for a tuple of %u", i, n);
  *out = g->nodes[t].x->args[i < 0 ? i + (int32_t)n : i];
  return 0;
}

/* One index array of integer-array indexing: each element whole and in
   range (negative from the end); *n its length (a scalar counts as 1). */
static int check_index(xiG_graph *g, uint32_t idx, uint32_t len, int axis, xi_pos pos,
                       uint32_t *n, xi_err *err) {
  xiG_node *nd = &g->nodes[idx];
  if (xiG_no_tuple(g, idx, pos, "an index", err))
    return -1;
  if (nd->x && nd->x->sh.rank == 2)
    return xiX_fail(err, pos, "an index array of two axes is not part of xi: index with vectors");
  xiO_view v = xiG_view(nd);
  for (uint32_t k = 0; k < v.n; k++) {
    mpfr_srcptr e = &v.el[k];
    if (!mpfr_integer_p(e))
      return xiX_fail(err, pos, "an index must be a whole number (element %u of the index "
                             "on axis %d is not)", k, axis);
    if (!mpfr_zero_p(e) && mpfr_get_exp(e) > (mpfr_exp_t)mpfr_get_prec(e)) /* (exact_whole) */
      return xiX_fail(err, pos, "element %u of the index on axis %d is past 2^%ld, where %ld "
                             "bits keep every whole number, so it may have been rounded (it "
                             "is held as %.0f): an index must be exact; raise prec (or format "
                             "mpfr)", k, axis, (long)mpfr_get_prec(e), (long)mpfr_get_prec(e),
                      mpfr_get_d(e, MPFR_RNDN));
    if (mpfr_cmp_si(e, -(long)len) < 0 || mpfr_cmp_ui(e, len) >= 0)
      return xiX_fail(err, pos, "index %ld is out of range for axis %d of size %u",
                   mpfr_get_si(e, MPFR_RNDZ), axis, len);
  }
  *n = v.n;
  return 0;
}

/* index array (or scalar) idx as a vector of n: broadcast, negatives wrapped */
static int index_vector(xiG_graph *g, uint32_t idx, uint32_t n, uint32_t len, xi_pos pos,
                        uint32_t *out, xi_err *err) {
  xiO_view v = xiG_view(&g->nodes[idx]);
  int negative = 0;
  for (uint32_t k = 0; k < v.n; k++)
    negative |= mpfr_sgn(&v.el[k]) < 0;
  if (negative) { /* i + len where i < 0: (i < 0)·len + i, as nodes */
    uint32_t zero = xiG_number(g, 0, pos), size = xiG_number(g, len, pos), lt, m;
    if (zero == XI_NONE || size == XI_NONE)
      return xiG_oom(g, pos, err);
    if (xiG_op(g, XI_LT, idx, zero, NULL, pos, &lt, err) ||
        xiG_op(g, XI_MUL, lt, size, NULL, pos, &m, err) ||
        xiG_op(g, XI_ADD, m, idx, NULL, pos, &idx, err))
      return -1;
  }
  xi_shape sh = xiG_shape(&g->nodes[idx]);
  if (sh.rank == 1 && sh.cols == n) {
    *out = idx;
    return 0;
  }
  int32_t p[XI_NPARAMS] = {0, 0, 0, 0, 0};
  xiO_shape_params(p, (xi_shape){1, 1, n});
  return xiG_op(g, XI_BROADCAST, idx, XI_NONE, p, pos, out, err);
}

/* no element picked twice: NumPy's x[i] -= v with i repeated changes it once
   (from the old value), which is rarely what was meant; x[i] = v with i
   repeated sets it more than once, in an order NumPy does not promise (its
   indexing guide: the final value cannot be predicted).  op: an update */
/* an index index_vector made (a whole number in range) */
static uint32_t whole(mpfr_srcptr x) {
  int64_t i = xiO_index_of(x, UINT32_MAX);
  return i >= 0 ? (uint32_t)i : (uint32_t)mpfr_get_ui(x, MPFR_RNDN);
}

static int distinct(xiG_graph *g, const uint32_t *vec, int argc, uint32_t n,
                    const xi_shape *sh, int op, xi_pos pos, xi_err *err) {
  const char *why = op ? "NumPy would update it once, from its old value"
                       : "NumPy would set it more than once, in an order it does not promise";
  uint8_t *seen = calloc((size_t)sh->rows * sh->cols, 1);
  if (!seen)
    return xiG_oom(g, pos, err);
  xiO_view v0 = xiG_view(&g->nodes[vec[0]]), v1 = argc > 1 ? xiG_view(&g->nodes[vec[1]]) : v0;
  int rc = 0;
  for (uint32_t k = 0; k < n && rc == 0; k++) {
    uint32_t i = whole(&v0.el[k]), j = argc > 1 ? whole(&v1.el[k]) : 0;
    uint32_t at = argc > 1 ? i * sh->cols + j : i;
    if (seen[at]++)
      rc = argc > 1 ? xiX_fail(err, pos, "the element [%u, %u] is picked twice: %s; xi refuses "
                                      "(pick each element once)", i, j, why)
                    : xiX_fail(err, pos, "the element [%u] is picked twice: %s; xi refuses "
                                      "(pick each element once)", i, why);
  }
  free(seen);
  return rc;
}

/* ---- integer arrays ---- */

/* the index table of base[x] when every axis has an integer array or a
   whole number: its vectors into vec (one per axis), n elements picked */
static int table_of(xiG_graph *g, uint32_t base, const xiG_ixs *x, xi_pos pos, uint32_t *vec,
                    uint32_t *n, xi_err *err) {
  xi_shape sh = xiG_shape(&g->nodes[base]);
  uint32_t len[2] = {1, 1}, node[2];
  *n = 1;
  for (int q = 0; q < sh.rank; q++) {
    node[q] = xiG_ix_on(x, q)->node;
    if (check_index(g, node[q], xiG_axis_len(sh, q), q, pos, &len[q], err))
      return -1;
    if (len[q] != 1 && *n != 1 && len[q] != *n)
      return xiX_fail(err, pos, "the index arrays have %u and %u elements: they must have one "
                                "length (or be one number)", *n, len[q]);
    if (len[q] != 1 || xiG_is_tensor(&g->nodes[node[q]]))
      *n = len[q] > *n ? len[q] : *n;
  }
  for (int q = 0; q < sh.rank; q++)
    if (index_vector(g, node[q], *n, xiG_axis_len(sh, q), pos, &vec[q], err))
      return -1;
  return 0;
}

/* a leaf vector of m ints: start, start + step, ... (a slice's indices) */
static int count_to(xiG_graph *g, int32_t start, int32_t step, uint32_t m, xi_pos pos,
                    uint32_t *out, xi_err *err) {
  xiO_view v = {xiM_block(m, g->prec), {1, 1, m}, m, NULL, XI_DT_INT};
  for (uint32_t k = 0; v.el && k < m; k++)
    mpfr_set_si(&v.el[k], (long)start + (long)k * step, MPFR_RNDN);
  *out = v.el ? xiG_leaf(g, &v, pos) : XI_NONE;
  xiM_unblock(v.el);
  return *out == XI_NONE ? xiG_oom(g, pos, err) : 0;
}

/* the index table of a matrix's rows (ax 0) or columns (ax 1) picked by the
   integer array idx, each beside the m indices start, start + step, ... of
   the other axis (NumPy's M[I], M[I, a:b], M[:, J]): two vectors of n·m into
   vec, row by row of the grid they pick, and the grid's shape */
static int grid_table(xiG_graph *g, xi_shape sh, uint32_t idx, int ax, int32_t start,
                      int32_t step, uint32_t m, xi_pos pos, uint32_t *vec, xi_shape *grid,
                      xi_err *err) {
  uint32_t n, iv, ar;
  if (check_index(g, idx, xiG_axis_len(sh, ax), ax, pos, &n, err) ||
      index_vector(g, idx, n, xiG_axis_len(sh, ax), pos, &iv, err) ||
      count_to(g, start, step, m, pos, &ar, err))
    return -1;
  *grid = ax == 0 ? (xi_shape){2, n, m} : (xi_shape){2, m, n};
  xi_shape line = {1, 1, n * m};
  if ((uint64_t)n * m > XI_MAX_ELEMENTS)
    return xiX_fail(err, pos, "a tensor of %llu elements is over the limit of %u",
                    (unsigned long long)n * m, XI_MAX_ELEMENTS);
  xi_shape col = ax == 0 ? (xi_shape){2, n, 1} : (xi_shape){2, 1, n};
  xi_shape row = ax == 0 ? (xi_shape){2, 1, m} : (xi_shape){2, m, 1};
  if (xiG_as_shape(g, XI_RESHAPE, iv, col, pos, &iv, err) ||
      xiG_as_shape(g, XI_BROADCAST, iv, *grid, pos, &iv, err) ||
      xiG_as_shape(g, XI_RESHAPE, iv, line, pos, &iv, err) ||
      xiG_as_shape(g, XI_RESHAPE, ar, row, pos, &ar, err) ||
      xiG_as_shape(g, XI_BROADCAST, ar, *grid, pos, &ar, err) ||
      xiG_as_shape(g, XI_RESHAPE, ar, line, pos, &ar, err))
    return -1;
  vec[ax] = iv, vec[!ax] = ar;
  return 0;
}

/* whole rows (ax 0) or columns (ax 1) of matrix base, picked by the integer
   array idx (NumPy's M[I], M[I, :], M[:, J]): GATHER with the table of each
   index of idx beside every index of the other axis, shaped back */
static int lines(xiG_graph *g, uint32_t base, uint32_t idx, int ax, xi_pos pos, uint32_t *out,
                 xi_err *err) {
  xi_shape sh = xiG_shape(&g->nodes[base]), grid;
  uint32_t vec[2], table, flat;
  if (grid_table(g, sh, idx, ax, 0, 1, xiG_axis_len(sh, !ax), pos, vec, &grid, err))
    return -1;
  return xiG_list(g, vec, 2, pos, &table, err) ||
         xiG_op(g, XI_GATHER, base, table, NULL, pos, &flat, err) ||
         xiG_as_shape(g, XI_RESHAPE, flat, grid, pos, out, err);
}

/* ---- masks ---- */

/* NONZERO of mask: its table (a row of indices for each of its axes) */
static int nonzero(xiG_graph *g, uint32_t mask, xi_pos pos, uint32_t *out, xi_err *err) {
  xiO_view v = xiG_view(&g->nodes[mask]);
  uint32_t count = 0;
  for (uint32_t k = 0; k < v.n; k++)
    count += !mpfr_zero_p(&v.el[k]);
  if (count == 0)
    return xiX_fail(err, pos, "the mask picks no element (NumPy would give an empty array; xi "
                              "has none)");
  int32_t p[XI_NPARAMS] = {0, 0, 0, 0, 0};
  xiO_shape_params(p, (xi_shape){2, v.sh.rank, count});
  return xiG_op(g, XI_NONZERO, mask, XI_NONE, p, pos, out, err);
}

/* row r of table t, a vector */
static int table_row(xiG_graph *g, uint32_t t, int r, xi_pos pos, uint32_t *out, xi_err *err) {
  int32_t p[XI_NPARAMS] = {r, XI_COLON, 0, 0, 0};
  return xiG_op(g, XI_INDEX, t, XI_NONE, p, pos, out, err);
}

/* the mask item of x, checked against the axes it covers; *whole: it covers
   every axis of base (else it is a vector on one axis of a matrix) */
static int mask_item(xiG_graph *g, uint32_t base, xiG_ixs *x, xi_pos pos, int *k, int *whole,
                     xi_err *err) {
  xi_shape sh = xiG_shape(&g->nodes[base]);
  for (*k = 0; x->it[*k].kind != IX_MASK; (*k)++)
    ;
  xi_shape ms = xiG_shape(&g->nodes[x->it[*k].node]);
  *whole = xiO_same_shape(&ms, &sh);
  if (x->masks > 1 || x->arrays || x->ints || x->news ||
      !(*whole || (ms.rank == 1 && ms.cols == xiG_axis_len(sh, x->axis[*k])))) {
    char a[48], b[48];
    xiO_shape_text(&ms, a, sizeof a);
    xiO_shape_text(&sh, b, sizeof b);
    return xiX_fail(err, pos, "a mask picks from a value of its own shape (or a matrix's rows "
                              "or columns), alone: here the mask is %s and the value %s", a, b);
  }
  return 0;
}

/* ---- reading ---- */

int xiG_index(xiG_graph *g, uint32_t base, const uint32_t *items, int argc, unsigned mask,
              uint32_t kinds, xi_pos pos, uint32_t *out, xi_err *err) {
  if (xiG_is_tuple(g, base)) {
    if (argc != 1 || mask || kinds)
      return xiX_fail(err, pos, "a tuple takes one index: t[0]");
    return tuple_item(g, base, items[0], pos, out, err);
  }
  xiG_ixs x;
  if (xiG_ix_read(g, base, items, argc, mask, kinds, pos, &x, err))
    return -1;
  if (x.masks) { /* a mask of base's shape, or one picking rows or columns */
    int k, whole;
    uint32_t t;
    if (mask_item(g, base, &x, pos, &k, &whole, err) || nonzero(g, x.it[k].node, pos, &t, err))
      return -1;
    if (whole)
      return xiG_op(g, XI_GATHER, base, t, NULL, pos, out, err);
    if (table_row(g, t, 0, pos, &x.it[k].node, err))
      return -1;
    x.it[k].kind = IX_ARRAY, x.masks = 0, x.arrays = 1;
  }
  if (!x.arrays)
    return xiG_ix_basic(g, base, &x, pos, out, err);
  if (x.news)
    return xiX_fail(err, pos, "None beside an index array is not part of xi: reshape the "
                              "result");
  uint32_t vec[2], n, table;
  if (!x.slices) { /* an array or a whole number on each axis: the elements they name */
    if (table_of(g, base, &x, pos, vec, &n, err) ||
        xiG_list(g, vec, (uint32_t)x.n, pos, &table, err))
      return -1;
    return xiG_op(g, XI_GATHER, base, table, NULL, pos, out, err);
  }
  /* an array on one axis of a matrix, a slice on the other: the slice, then the lines */
  int ax = x.it[0].kind == IX_ARRAY ? 0 : 1;
  const xiG_ix *s = &x.it[!ax];
  uint32_t cur = base;
  xi_shape sh = xiG_shape(&g->nodes[base]);
  if (!(s->start == 0 && s->step == 1 && s->len == xiG_axis_len(sh, !ax))) {
    int32_t p[XI_NPARAMS] = {0, 1, 0, 0, 0, 0, 1};
    xi_shape cut = sh;
    p[ax ? 0 : 5] = s->start, p[ax ? 1 : 6] = s->step;
    if (ax)
      cut.rows = s->len;
    else
      cut.cols = s->len;
    xiO_shape_params(p, cut);
    if (xiG_op(g, XI_SLICE, base, XI_NONE, p, pos, &cur, err))
      return -1;
  }
  return lines(g, cur, x.it[ax].node, ax, pos, out, err);
}

/* ---- writing ---- */

/* base with the elements the vectors vec (argc, n each) name made rhs, or
   (op) base there op rhs: PUT */
static int put_at(xiG_graph *g, uint32_t base, uint32_t *vec, int argc, uint32_t n, int op,
                  uint32_t rhs, xi_pos pos, uint32_t *out, xi_err *err) {
  xi_shape sh = xiG_shape(&g->nodes[base]);
  uint32_t table, now, v;
  if (distinct(g, vec, argc, n, &sh, op, pos, err) ||
      xiG_list(g, vec, (uint32_t)argc, pos, &table, err))
    return -1;
  v = rhs;
  if (op && (xiG_op(g, XI_GATHER, base, table, NULL, pos, &now, err) ||
             xiG_op(g, op, now, rhs, NULL, pos, &v, err)))
    return -1;
  xi_shape vs = xiG_shape(&g->nodes[v]);
  if (vs.rank == 0 || (vs.rank == 1 && vs.cols == 1 && n != 1)) {
    if (xiG_as_shape(g, XI_BROADCAST, v, (xi_shape){1, 1, n}, pos, &v, err))
      return -1;
  } else if (!(vs.rank == 1 && vs.cols == n)) {
    char a[48];
    xiO_shape_text(&vs, a, sizeof a);
    return xiX_fail(err, pos, "the new values have shape %s, and the index picks %u elements", a,
                    n);
  }
  if (xiG_dtype_of_flags(g->nodes[base].flags) != XI_DT_FLOAT &&
      xiG_dtype_of_flags(g->nodes[v].flags) == XI_DT_FLOAT)
    return xiX_fail(err, pos, "this array holds integers, and the new values are floats: NumPy "
                              "would cut them to integers; xi refuses (make it a float array: "
                              "x = x.astype(float))");
  vec[argc] = v;
  if (xiG_list(g, vec, (uint32_t)argc + 1, pos, &table, err))
    return -1;
  return xiG_op(g, XI_PUT, base, table, NULL, pos, out, err);
}

int xiG_index_set(xiG_graph *g, uint32_t base, const uint32_t *items, int argc, unsigned mask,
                  uint32_t kinds, int op, uint32_t rhs, xi_pos pos, uint32_t *out,
                  xi_err *err) {
  if (xiG_is_tuple(g, base))
    return xiX_fail(err, pos, "a tuple cannot be changed (in Python either)");
  int seq = xiG_kind(g, rhs) == XI_C_LIST || xiG_kind(g, rhs) == XI_C_TUPLE;
  if (seq && xiG_as_array(g, rhs, pos, &rhs, err)) /* X[i] = [a, b]: NumPy's np.array of it */
    return -1;
  if (xiG_no_tuple(g, rhs, pos, "an indexed assignment", err))
    return -1;
  xiG_ixs x;
  if (xiG_ix_read(g, base, items, argc, mask, kinds, pos, &x, err))
    return -1;
  uint32_t vec[3], n, t;
  if (x.masks) { /* dh[h <= 0] = 0: the elements the mask picks */
    int k, whole;
    if (mask_item(g, base, &x, pos, &k, &whole, err))
      return -1;
    if (!whole)
      return xiX_fail(err, pos, "M[rows] = v with a mask of rows is not part of xi: give a mask "
                                "of M's own shape");
    if (nonzero(g, x.it[k].node, pos, &t, err))
      return -1;
    xi_shape sh = xiG_shape(&g->nodes[base]);
    for (int r = 0; r < sh.rank; r++)
      if (table_row(g, t, r, pos, &vec[r], err))
        return -1;
    n = xiG_shape(&g->nodes[t]).cols;
    return put_at(g, base, vec, sh.rank, n, op, rhs, pos, out, err);
  }
  if (x.arrays && x.slices && x.news)
    return xiX_fail(err, pos, "None beside an index array is not part of xi");
  if (x.arrays && x.slices) { /* X[ix] = v, M[I, a:b] = v, M[:, J] += v: the grid they pick */
    int ax = x.it[0].kind == IX_ARRAY ? 0 : 1;
    const xiG_ix *s = &x.it[!ax];
    xi_shape grid, sh = xiG_shape(&g->nodes[base]), vs = xiG_shape(&g->nodes[rhs]);
    if (grid_table(g, sh, x.it[ax].node, ax, s->start, s->step, s->len, pos, vec, &grid, err))
      return -1;
    if ((vs.rank == 2 && vs.rows != 1 && vs.rows != grid.rows) ||
        (vs.rank >= 1 && vs.cols != 1 && vs.cols != grid.cols)) { /* NumPy's broadcasting */
      char a[48], b[48];
      xiO_shape_text(&vs, a, sizeof a);
      xiO_shape_text(&grid, b, sizeof b);
      return xiX_fail(err, pos, "shape mismatch: value array of shape %s could not be broadcast "
                                "to indexing result of shape %s (ValueError, as NumPy says)", a, b);
    }
    xi_shape flat = {1, 1, grid.rows * grid.cols};
    if (xiG_as_shape(g, XI_BROADCAST, rhs, grid, pos, &rhs, err) ||
        xiG_as_shape(g, XI_RESHAPE, rhs, flat, pos, &rhs, err))
      return -1;
    return put_at(g, base, vec, 2, grid.rows * grid.cols, op, rhs, pos, out, err);
  }
  if (x.slices || x.news)
    return xiG_ix_slice_set(g, base, &x, op, rhs, pos, out, err);
  if (table_of(g, base, &x, pos, vec, &n, err))
    return -1;
  return put_at(g, base, vec, x.n, n, op, rhs, pos, out, err);
}
