/* npaxis.c: NumPy's functions along an axis, built of the ops of the table
 * in NumPy's own order of operations, so that each rounds where NumPy's
 * does and the derivative flows through the ops' own rules:
 *   np.prod      x0·x1·x2 ..., one product after another (NumPy's multiply
 *                reduce is a loop, not pairwise), along an axis or of all
 *   np.cumsum    the running sums s_k = s_(k-1) + x_k, as a list; np.cumprod
 *   np.diff      x[1:] - x[:-1] along an axis, n times (bools: !=)
 *   np.trace     the sum of the diagonal (a slice of the flattened matrix)
 *   np.count_nonzero   the sum of x != 0
 *   np.sort      GATHER of the order a stable sort finds; np.argsort that
 *                order as ints.  NumPy's default sort (quicksort, introsort)
 *                is not stable: where elements tie, the order of argsort is
 *                its own, so xi refuses ties there unless kind='stable'.
 * A line along the axis is an INDEX of x: an element of a vector, a row or a
 * column of a matrix. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tape/graph.h"
#include "tape/numpy.h"

static int op2(xiG_graph *g, int op, uint32_t a, uint32_t b, xi_pos pos, uint32_t *out,
               xi_err *err) {
  return xiG_op(g, op, a, b, NULL, pos, out, err);
}

static uint32_t axis_len(xi_shape sh, int k) {
  return sh.rank == 2 && k == 0 ? sh.rows : sh.cols;
}

/* line k of x along axis ax: x[k], x[k, :] or x[:, k] */
static int line(xiG_graph *g, uint32_t x, int ax, uint32_t k, xi_pos pos, uint32_t *out,
                xi_err *err) {
  int rank = xiG_shape(&g->nodes[x]).rank;
  int32_t p[XI_NPARAMS] = {(int32_t)k, rank == 2 ? XI_COLON : INT32_MAX, 0, 0, 0, 0, 0};
  if (rank == 2 && ax == 1)
    p[0] = XI_COLON, p[1] = (int32_t)k;
  return xiG_op(g, XI_INDEX, x, XI_NONE, p, pos, out, err);
}

/* x as NumPy's sums and products take it: bools and uint8 as ints */
static int widened(xiG_graph *g, uint32_t x, xi_pos pos, uint32_t *out, xi_err *err) {
  int dt = xiG_dtype_of_flags(g->nodes[x].flags);
  if (dt == XI_DT_BOOL || dt == XI_DT_UINT8)
    return xiG_attr(g, XI_ATTR_INT, x, pos, out, err);
  *out = x;
  return 0;
}

/* the axis of slot node (XI_NONE: dflt, -2 for all axes) */
static int axis_of(xiG_graph *g, uint32_t node, int rank, int dflt, xi_pos pos, int *ax,
                   xi_err *err) {
  if (node != XI_NONE)
    return xiG_np_axis(g, node, rank, pos, ax, err);
  if (dflt == -1 && rank == 0)
    return xiX_fail(err, pos, "axis -1 is out of bounds for array of dimension 0 (NumPy's "
                              "AxisError)");
  *ax = dflt == -1 ? rank - 1 : dflt;
  return 0;
}

static int flat(xiG_graph *g, uint32_t *x, xi_pos pos, xi_err *err) {
  xi_shape sh = xiG_shape(&g->nodes[*x]);
  return xiG_as_shape(g, XI_RESHAPE, *x, (xi_shape){1, 1, sh.rows * sh.cols}, pos, x, err);
}

/* ---- np.prod, np.cumsum, np.cumprod: one op after another along the lines ---- */

/* ints NumPy holds in int64: past 2^63 they wrap around (silently), which xi's do
   not; in a number format past 2^53, where binary64 may round what int64 keeps */
static int int64_ok(xiG_graph *g, uint32_t x, xi_pos pos, xi_err *err) {
  xiG_node *n = &g->nodes[x];
  if (xiG_dtype_of_flags(n->flags) != XI_DT_INT)
    return 0;
  for (uint32_t k = 0; k < xiG_count(n); k++) {
    mpfr_srcptr v = xiG_el(n, k);
    if (mpfr_zero_p(v) || !mpfr_number_p(v) || mpfr_get_exp(v) < 54)
      continue;
    if (mpfr_get_exp(v) >= 64)
      return xiX_fail(err, pos, "this product or sum of ints is past 2^63, where NumPy's int64 "
                                "wraps around (silently) and xi's does not: .astype(float) "
                                "first gives the floats both agree on");
    if (xiO_fmt)
      return xiX_fail(err, pos, "this product or sum of ints is past 2^53, where binary64 may "
                                "round what NumPy's int64 keeps exact: .astype(float) first, "
                                "or format mpfr");
  }
  return 0;
}

static int chain(xiG_graph *g, int which, const uint32_t *s, xi_pos pos, uint32_t *out,
                 xi_err *err) {
  uint32_t x, mark = g->n;
  int ax = 0, keep = 0, all = s[1] == XI_NONE;
  int op = which == XI_NP_CUMSUM ? XI_ADD : XI_MUL, cum = which != XI_NP_PROD;
  if (widened(g, s[0], pos, &x, err))
    return -1;
  xi_shape sh = xiG_shape(&g->nodes[x]);
  if (which == XI_NP_PROD && s[2] != XI_NONE && xiG_whole(g, s[2], pos, &keep, err))
    return -1;
  if (all ? flat(g, &x, pos, err) : axis_of(g, s[1], sh.rank, 0, pos, &ax, err))
    return -1;
  if (all)
    ax = 0;
  xi_shape xs = xiG_shape(&g->nodes[x]);
  uint32_t n = axis_len(xs, ax), *acc = malloc(n * sizeof *acc);
  if (!acc)
    return xiG_oom(g, pos, err);
  int rc = 0;
  for (uint32_t k = 0; k < n && rc == 0; k++) {
    if (g->interrupt && *g->interrupt) { /* a long line of scalar ops listens to ^C */
      rc = xiX_fail(err, pos, "interrupted");
      break;
    }
    rc = line(g, x, ax, k, pos, &acc[k], err);
    if (rc == 0 && k)
      rc = op2(g, op, acc[k - 1], acc[k], pos, &acc[k], err);
  }
  if (rc == 0 && cum)
    rc = xiG_list(g, acc, n, pos, out, err) ||
         (xs.rank == 2 && ax == 1 && xiG_op(g, XI_TRANSPOSE, *out, XI_NONE, NULL, pos, out, err));
  else if (rc == 0)
    *out = acc[n - 1];
  free(acc);
  if (rc == 0 && keep) { /* the axis kept with length 1 (all of them: every one) */
    xi_shape to = all ? (xi_shape){sh.rank, 1, 1}
                  : xs.rank == 1 ? (xi_shape){1, 1, 1}
                  : ax == 0 ? (xi_shape){2, 1, xs.cols} : (xi_shape){2, xs.rows, 1};
    rc = xiG_as_shape(g, XI_RESHAPE, *out, to, pos, out, err);
  }
  return rc || int64_ok(g, *out, pos, err) || xiG_np_copy(g, *out, mark, pos, out, err);
}

/* ---- np.diff(a, n=1, axis=-1) ---- */

static int diff(xiG_graph *g, const uint32_t *s, xi_pos pos, uint32_t *out, xi_err *err) {
  uint32_t x = s[0];
  xi_shape sh = xiG_shape(&g->nodes[x]);
  int32_t n = 1;
  int ax = 0;
  if (sh.rank == 0)
    return xiX_fail(err, pos, "diff requires input that is at least one dimensional (NumPy's "
                              "ValueError)");
  if ((s[1] != XI_NONE && xiG_whole(g, s[1], pos, &n, err)) ||
      axis_of(g, s[2], sh.rank, -1, pos, &ax, err))
    return -1;
  if (n < 0)
    return xiX_fail(err, pos, "order must be non-negative but got %d (NumPy's ValueError)", n);
  int op = xiG_dtype_of_flags(g->nodes[x].flags) == XI_DT_BOOL ? XI_NE : XI_SUB;
  for (int32_t k = 0; k < n; k++) {
    sh = xiG_shape(&g->nodes[x]);
    uint32_t len = axis_len(sh, ax), hi, lo;
    if (len < 2)
      return xiX_fail(err, pos, "np.diff would give an empty array here (an axis of %u, "
                                "differenced %d times), and xi has none", axis_len(
                                xiG_shape(&g->nodes[s[0]]), ax), n);
    xi_shape cut = sh;
    int32_t p[XI_NPARAMS] = {0, 1, 0, 0, 0, 0, 1};
    if (sh.rank == 2 && ax == 0)
      cut.rows--;
    else
      cut.cols--;
    xiO_shape_params(p, cut);
    if (xiG_op(g, XI_SLICE, x, XI_NONE, p, pos, &lo, err))
      return -1;
    p[sh.rank == 2 && ax == 0 ? 0 : 5] = 1;
    if (xiG_op(g, XI_SLICE, x, XI_NONE, p, pos, &hi, err) || op2(g, op, hi, lo, pos, &x, err))
      return -1;
  }
  *out = x; /* n = 0: x itself, as NumPy's */
  return 0;
}

/* ---- np.trace, np.count_nonzero ---- */

static int trace(xiG_graph *g, uint32_t a, xi_pos pos, uint32_t *out, xi_err *err) {
  uint32_t x;
  xi_shape sh = xiG_shape(&g->nodes[a]);
  if (sh.rank < 2)
    return xiX_fail(err, pos, "diag requires an array of at least two dimensions (NumPy's "
                              "ValueError)");
  uint32_t m = sh.rows < sh.cols ? sh.rows : sh.cols;
  int32_t p[XI_NPARAMS] = {0, 1, 0, 0, 0, 0, (int32_t)sh.cols + 1};
  xiO_shape_params(p, (xi_shape){1, 1, m});
  return widened(g, a, pos, &x, err) || flat(g, &x, pos, err) ||
         xiG_op(g, XI_SLICE, x, XI_NONE, p, pos, &x, err) ||
         xiG_op(g, XI_SUM, x, XI_NONE, NULL, pos, out, err);
}

static int count_nonzero(xiG_graph *g, const uint32_t *s, xi_pos pos, uint32_t *out,
                         xi_err *err) {
  xi_shape sh = xiG_shape(&g->nodes[s[0]]);
  int32_t p[XI_NPARAMS] = {XI_ALL_AXES, INT32_MAX, 0, 0, 0, 0, 0};
  int ax = 0;
  uint32_t zero = xiG_number(g, 0, pos), t;
  if (zero == XI_NONE)
    return xiG_oom(g, pos, err);
  if (s[1] != XI_NONE) {
    if (axis_of(g, s[1], sh.rank, 0, pos, &ax, err))
      return -1;
    p[0] = ax;
  }
  if (s[2] != XI_NONE && xiG_whole(g, s[2], pos, &p[1], err))
    return -1;
  if (op2(g, XI_NE, s[0], zero, pos, &t, err))
    return -1;
  if (sh.rank == 0) /* np.count_nonzero(3.0) is 1 */
    return xiG_attr(g, XI_ATTR_INT, t, pos, out, err);
  if (xiG_op(g, XI_SUM, t, XI_NONE, p, pos, out, err))
    return -1;
  if (s[1] != XI_NONE || (p[1] != INT32_MAX && p[1])) /* an axis, or keepdims: an array */
    return 0;
  int32_t q[XI_NPARAMS] = {0, 0, 0, 0, 0, 0, 0}; /* over all: Python's int, as NumPy's
                                                    count_nonzero returns (tape/pytype.c
                                                    reads the RESHAPE) */
  xiO_shape_params(q, (xi_shape){0, 1, 1});
  return xiG_op(g, XI_RESHAPE, *out, XI_NONE, q, pos, out, err);
}

/* ---- np.sort, np.argsort ---- */

/* a before b: NaN last, as NumPy's */
static int before(mpfr_srcptr a, mpfr_srcptr b) {
  if (mpfr_nan_p(a) || mpfr_nan_p(b))
    return !mpfr_nan_p(a) && mpfr_nan_p(b);
  return mpfr_less_p(a, b);
}

static int tie(mpfr_srcptr a, mpfr_srcptr b) {
  return mpfr_nan_p(a) ? mpfr_nan_p(b) : !mpfr_nan_p(b) && mpfr_equal_p(a, b);
}

/* the order of the n elements el[first + k·step]: a stable merge sort of the
   indices idx (tmp: scratch of n); -1 when ^C stopped it */
static int order(xiG_graph *g, xiG_node *x, uint32_t first, uint32_t step, uint32_t n,
                 int64_t *idx, int64_t *tmp) {
  for (uint32_t k = 0; k < n; k++)
    idx[k] = k;
  for (uint32_t w = 1; w < n; w *= 2) {
    if (g->interrupt && *g->interrupt)
      return -1;
    for (uint32_t lo = 0; lo < n; lo += 2 * w) {
      uint32_t mid = lo + w < n ? lo + w : n, hi = lo + 2 * w < n ? lo + 2 * w : n;
      uint32_t i = lo, j = mid, o = lo;
      while (i < mid && j < hi)
        tmp[o++] = before(xiG_el(x, first + (uint32_t)idx[j] * step),
                          xiG_el(x, first + (uint32_t)idx[i] * step))
                       ? idx[j++]
                       : idx[i++];
      while (i < mid)
        tmp[o++] = idx[i++];
      while (j < hi)
        tmp[o++] = idx[j++];
    }
    memcpy(idx, tmp, n * sizeof *idx);
  }
  return 0;
}

static int sort(xiG_graph *g, int which, const uint32_t *s, xi_pos pos, uint32_t *out,
                xi_err *err) {
  uint32_t x = s[0];
  xi_shape sh = xiG_shape(&g->nodes[x]);
  int ax, arg = which == XI_NP_ARGSORT || which == XI_NP_ARGSORT_STABLE;
  int stable = which == XI_NP_SORT_STABLE || which == XI_NP_ARGSORT_STABLE;
  if (axis_of(g, s[1], sh.rank, -1, pos, &ax, err))
    return -1;
  uint32_t len = axis_len(sh, ax), lines = sh.rows * sh.cols / len, count = sh.rows * sh.cols;
  int64_t *idx = malloc(count * sizeof *idx), *tmp = malloc(len * sizeof *tmp),
          *row = malloc(count * sizeof *row), *col = malloc(count * sizeof *col);
  int rc = idx && tmp && row && col ? 0 : xiG_oom(g, pos, err);
  xiG_node *xn = &g->nodes[x];
  for (uint32_t L = 0; rc == 0 && L < lines; L++) {
    /* line L: a row (the last axis) or a column (axis 0 of a matrix) */
    int down = sh.rank == 2 && ax == 0;
    uint32_t first = down ? L : L * len, step = down ? sh.cols : 1;
    int64_t *o = idx + (size_t)L * len;
    if ((g->interrupt && *g->interrupt) || order(g, xn, first, step, len, o, tmp)) {
      rc = xiX_fail(err, pos, "interrupted");
      break;
    }
    for (uint32_t k = 0; k + 1 < len && rc == 0 && !stable; k++) {
      mpfr_srcptr a = xiG_el(xn, first + (uint32_t)o[k] * step),
                  b = xiG_el(xn, first + (uint32_t)o[k + 1] * step);
      if (!tie(a, b) || (!arg && mpfr_signbit(a) == mpfr_signbit(b)))
        continue;
      rc = xiX_fail(err, pos, "%s: NumPy's default sort (kind='quicksort', an introsort) is "
                              "not stable, so the order it gives %s is its own; kind='stable' "
                              "keeps tied elements in their first order, which xi can print",
                    arg ? "elements tie here" : "-0.0 and 0.0 tie here",
                    arg ? "their indices" : "them");
    }
    for (uint32_t k = 0; k < len; k++) { /* where element k of line L comes from */
      uint32_t at = down ? k * sh.cols + L : L * len + k;
      row[at] = down ? o[k] : L;
      col[at] = down ? L : o[k];
    }
  }
  if (rc == 0 && arg) { /* the indices along the axis, as the result is laid out */
    xiO_view w = {xiM_block(count, g->prec), sh, count, NULL, XI_DT_INT};
    for (uint32_t q = 0; w.el && q < count; q++)
      mpfr_set_si(&w.el[q], (long)(sh.rank == 2 && ax == 0 ? row[q] : col[q]), MPFR_RNDN);
    *out = w.el ? xiG_leaf(g, &w, pos) : XI_NONE;
    xiM_unblock(w.el);
    rc = *out == XI_NONE ? xiG_oom(g, pos, err) : 0;
  } else if (rc == 0) {
    rc = xiG_np_gather(g, x, sh.rank == 2 ? row : NULL, col, sh, pos, out, err);
  }
  free(idx), free(tmp), free(row), free(col);
  return rc;
}

int xiG_npaxis(xiG_graph *g, int which, const uint32_t *s, xi_pos pos, uint32_t *out,
               xi_err *err) {
  xi_shape sh = xiG_shape(&g->nodes[s[0]]);
  switch (which) {
  case XI_NP_PROD:
  case XI_NP_CUMSUM:
  case XI_NP_CUMPROD:
    return chain(g, which, s, pos, out, err);
  case XI_NP_DIFF:
    return diff(g, s, pos, out, err);
  case XI_NP_TRACE:
    return trace(g, s[0], pos, out, err);
  case XI_NP_COUNT_NONZERO:
    return count_nonzero(g, s, pos, out, err);
  default:
    if (sh.rank == 0 && which >= XI_NP_ARGSORT) { /* np.argsort(5.0) is array([0]) */
      uint32_t zero = xiG_number(g, 0, pos);
      return zero == XI_NONE ? xiG_oom(g, pos, err)
                             : xiG_as_shape(g, XI_RESHAPE, zero, (xi_shape){1, 1, 1}, pos,
                                            out, err);
    }
    if (sh.rank == 0)
      return xiX_fail(err, pos, "axis -1 is out of bounds for array of dimension 0 (NumPy's "
                                "AxisError): np.sort of a number");
    return sort(g, which, s, pos, out, err);
  }
}
