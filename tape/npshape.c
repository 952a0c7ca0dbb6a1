/* npshape.c: NumPy's functions that move, repeat or fill elements, built of
 * the ops that already do (RESHAPE, BROADCAST, SLICE, GATHER, LIST), so that
 * their derivatives and balls are those ops' own: np.expand_dims and
 * np.squeeze (a reshape), np.stack (a list of the arrays), np.full and
 * np.full_like (the value broadcast), np.broadcast_to, np.tile and np.repeat
 * (GATHER of a table of where each element comes from), np.meshgrid (two
 * broadcasts, in a list), np.flip, np.fliplr, np.flipud (a slice of step -1).
 * Their arguments come by slot (s[k], XI_NONE when not given).  xi's values
 * have at most two axes: what would make a third is refused, saying so. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tape/graph.h"
#include "tape/numpy.h"

/* ---- shared with npaxis.c ---- */

int xiG_np_axis(xiG_graph *g, uint32_t node, int rank, xi_pos pos, int *axis, xi_err *err) {
  int32_t a;
  if (xiG_whole(g, node, pos, &a, err))
    return -1;
  if (a < -rank || a >= rank)
    return xiX_fail(err, pos, "axis %d is out of bounds for array of dimension %d (NumPy's "
                              "AxisError)", a, rank);
  *axis = a < 0 ? a + rank : a;
  return 0;
}

/* NumPy's basic index, slice, .T or reshape: memory shared with its operand */
static int view_op(const xiG_node *n) {
  return n->op == XI_SLICE || n->op == XI_INDEX || n->op == XI_TRANSPOSE ||
         n->op == XI_RESHAPE;
}

int xiG_np_copy(xiG_graph *g, uint32_t x, uint32_t mark, xi_pos pos, uint32_t *out,
                xi_err *err) {
  uint32_t n = x;
  while (n >= mark && view_op(&g->nodes[n]))
    n = g->nodes[n].a;
  if (n >= mark) {
    *out = x;
    return 0;
  }
  return xiG_op(g, XI_ID, x, XI_NONE, NULL, pos, out, err);
}

/* a leaf vector of the n whole numbers v (an index table's row) */
static int ints(xiG_graph *g, const int64_t *v, uint32_t n, xi_pos pos, uint32_t *out,
                xi_err *err) {
  xiO_view w = {xiM_block(n, g->prec), {1, 1, n}, n, NULL, XI_DT_INT};
  for (uint32_t k = 0; w.el && k < n; k++)
    mpfr_set_si(&w.el[k], (long)v[k], MPFR_RNDN);
  *out = w.el ? xiG_leaf(g, &w, pos) : XI_NONE;
  xiM_unblock(w.el);
  return *out == XI_NONE ? xiG_oom(g, pos, err) : 0;
}

int xiG_np_gather(xiG_graph *g, uint32_t x, const int64_t *row, const int64_t *col,
                  xi_shape sh, xi_pos pos, uint32_t *out, xi_err *err) {
  uint32_t n = sh.rank ? sh.rows * sh.cols : 1, vec[2], table, flat;
  int k = 0;
  if (row && ints(g, row, n, pos, &vec[k++], err))
    return -1;
  if (ints(g, col, n, pos, &vec[k++], err) || xiG_list(g, vec, (uint32_t)k, pos, &table, err) ||
      xiG_op(g, XI_GATHER, x, table, NULL, pos, &flat, err))
    return -1;
  return xiG_as_shape(g, XI_RESHAPE, flat, sh, pos, out, err);
}

/* ---- shapes given as a number or a tuple (an int vector by now) ---- */

static int whole_el(mpfr_srcptr v, int32_t *out) {
  if (!mpfr_integer_p(v) || mpfr_cmp_si(v, INT32_MAX) > 0 || mpfr_cmp_si(v, INT32_MIN) < 0)
    return -1;
  *out = (int32_t)mpfr_get_si(v, MPFR_RNDN);
  return 0;
}

/* the sizes of a shape or of reps: at most max, each >= 0 (>= 1: xi has no empty arrays) */
static int dims(xiG_graph *g, uint32_t node, int max, const char *what, xi_pos pos,
                int32_t *d, int *n, xi_err *err) {
  xiG_node *nd = &g->nodes[node];
  xi_shape sh = xiG_shape(nd);
  if (sh.rank > 1)
    return xiX_fail(err, pos, "%s is a number or a tuple of numbers", what);
  *n = sh.rank ? (int)sh.cols : 1;
  if (*n > max)
    return xiX_fail(err, pos, "%s of %d numbers makes an array of %d axes: xi's values have "
                              "at most two", what, *n, *n);
  for (int k = 0; k < *n; k++) {
    if (whole_el(xiG_el(nd, (uint32_t)k), &d[k]))
      return xiX_fail(err, pos, "%s takes whole numbers ('float' object cannot be interpreted "
                                "as an integer, as NumPy says)", what);
    if (d[k] < 0)
      return xiX_fail(err, pos, "negative dimensions are not allowed (NumPy's ValueError)");
    if (d[k] == 0)
      return xiX_fail(err, pos, "a size of 0 makes an empty array, and xi has none");
  }
  return 0;
}

static xi_shape shape_of(const int32_t *d, int n) {
  return n == 0   ? (xi_shape){0, 1, 1}
         : n == 1 ? (xi_shape){1, 1, (uint32_t)d[0]}
                  : (xi_shape){2, (uint32_t)d[0], (uint32_t)d[1]};
}

static int too_big(xi_shape sh, xi_pos pos, xi_err *err) {
  uint64_t n = (uint64_t)sh.rows * sh.cols;
  return n > XI_MAX_ELEMENTS ? xiX_fail(err, pos, "a tensor of %llu elements is over the "
                                                  "limit of %u", (unsigned long long)n,
                                        XI_MAX_ELEMENTS)
                             : 0;
}

/* "(3,)", "(2,4)": a shape as NumPy's messages write it */
static void np_text(xi_shape sh, char *buf, size_t n) {
  if (sh.rank == 0)
    snprintf(buf, n, "()");
  else if (sh.rank == 1)
    snprintf(buf, n, "(%u,)", sh.cols);
  else
    snprintf(buf, n, "(%u,%u)", sh.rows, sh.cols);
}

/* the size of axis k (0 first) of a value shaped sh */
static uint32_t axis_len(xi_shape sh, int k) {
  return sh.rank == 2 && k == 0 ? sh.rows : sh.cols;
}

/* ---- reshapes: np.expand_dims, np.squeeze ---- */

static int expand_dims(xiG_graph *g, uint32_t x, uint32_t axis, xi_pos pos, uint32_t *out,
                       xi_err *err) {
  xi_shape sh = xiG_shape(&g->nodes[x]);
  int ax = 0;
  if (sh.rank == 2)
    return xiX_fail(err, pos, "np.expand_dims of a matrix makes an array of 3 axes: xi's "
                              "values have at most two");
  if (xiG_np_axis(g, axis, sh.rank + 1, pos, &ax, err))
    return -1;
  xi_shape to = sh.rank == 0 ? (xi_shape){1, 1, 1}
                : ax == 0    ? (xi_shape){2, 1, sh.cols}
                             : (xi_shape){2, sh.cols, 1};
  return xiG_op(g, XI_RESHAPE, x, XI_NONE, (int32_t[XI_NPARAMS]){0, 0, to.rank,
                (int32_t)to.rows, (int32_t)to.cols, 0, 0}, pos, out, err);
}

static int squeeze(xiG_graph *g, uint32_t x, uint32_t axis, xi_pos pos, uint32_t *out,
                   xi_err *err) {
  xi_shape sh = xiG_shape(&g->nodes[x]);
  uint32_t len[2] = {axis_len(sh, 0), sh.rank == 2 ? sh.cols : 0}, keep[2];
  int n = 0;
  if (axis != XI_NONE) {
    int ax = 0;
    if (xiG_np_axis(g, axis, sh.rank, pos, &ax, err))
      return -1;
    if (len[ax] != 1)
      return xiX_fail(err, pos, "cannot select an axis to squeeze out which has size not "
                                "equal to one (NumPy's ValueError)");
    for (int k = 0; k < sh.rank; k++)
      if (k != ax)
        keep[n++] = len[k];
  } else {
    for (int k = 0; k < sh.rank; k++)
      if (len[k] != 1)
        keep[n++] = len[k];
  }
  if (n == sh.rank) {
    *out = x;
    return 0;
  }
  if (n == 0) /* the one element: a view of it */
    return xiG_op(g, XI_INDEX, x, XI_NONE,
                  (int32_t[XI_NPARAMS]){0, sh.rank == 2 ? 0 : INT32_MAX, 0, 0, 0, 0, 0}, pos,
                  out, err);
  return xiG_op(g, XI_RESHAPE, x, XI_NONE,
                (int32_t[XI_NPARAMS]){0, 0, 1, 1, (int32_t)keep[0], 0, 0}, pos, out, err);
}

/* ---- np.stack: the arrays as the rows of a list (axis 0), or its columns ---- */

static int stack(xiG_graph *g, uint32_t t, uint32_t axis, xi_pos pos, uint32_t *out,
                 xi_err *err) {
  if (!xiG_is_tuple(g, t) || (xiG_kind(g, t) != XI_C_TUPLE && xiG_kind(g, t) != XI_C_LIST))
    return xiX_fail(err, pos, "np.stack takes the arrays as a tuple or a list: "
                              "np.stack((a, b))");
  uint32_t n = g->nodes[t].x->nargs;
  if (n == 0)
    return xiX_fail(err, pos, "need at least one array to stack (NumPy's ValueError)");
  uint32_t *items = malloc(n * sizeof *items);
  if (!items)
    return xiG_oom(g, pos, err);
  int rc = 0, ax = 0;
  xi_shape first = {0, 1, 1};
  for (uint32_t k = 0; k < n && rc == 0; k++) {
    items[k] = g->nodes[t].x->args[k];
    if (xiG_kind(g, items[k]) >= 0 && xiG_as_array(g, items[k], pos, &items[k], err))
      rc = -1;
    else if (xiG_no_tuple(g, items[k], pos, "np.stack", err))
      rc = -1;
    xi_shape sh = rc ? first : xiG_shape(&g->nodes[items[k]]);
    if (k == 0)
      first = sh;
    if (rc == 0 && !xiO_same_shape(&sh, &first))
      rc = xiX_fail(err, pos, "all input arrays must have the same shape (NumPy's "
                              "ValueError)");
  }
  if (rc == 0 && first.rank == 2)
    rc = xiX_fail(err, pos, "np.stack of matrices makes an array of 3 axes: xi's values have "
                            "at most two");
  if (rc == 0 && axis != XI_NONE)
    rc = xiG_np_axis(g, axis, first.rank + 1, pos, &ax, err);
  if (rc == 0)
    rc = xiG_list(g, items, n, pos, out, err);
  free(items);
  if (rc == 0 && ax == 1) /* the arrays as columns: a copy, as NumPy's */
    rc = xiG_op(g, XI_TRANSPOSE, *out, XI_NONE, NULL, pos, out, err) ||
         xiG_op(g, XI_ID, *out, XI_NONE, NULL, pos, out, err);
  return rc;
}

/* ---- np.full, np.full_like, np.broadcast_to ---- */

/* v broadcast to sh, as NumPy's copyto into an array of that shape */
static int fill(xiG_graph *g, uint32_t v, xi_shape sh, xi_pos pos, uint32_t *out,
                xi_err *err) {
  xi_shape vs = xiG_shape(&g->nodes[v]), b;
  char why[8], a[32], c[32];
  if (xiO_broadcast(&b, &vs, &sh, why, sizeof why) || !xiO_same_shape(&b, &sh)) {
    np_text(vs, a, sizeof a), np_text(sh, c, sizeof c);
    return xiX_fail(err, pos, "could not broadcast input array from shape %s into shape %s "
                              "(NumPy's ValueError)", a, c);
  }
  return xiG_as_shape(g, XI_BROADCAST, v, sh, pos, out, err);
}

/* np.full_like(a, v): v's values in a's dtype (NumPy's unsafe cast: floats
   truncated into ints, nonzero True) */
static int as_dtype(xiG_graph *g, uint32_t x, int dt, xi_pos pos, uint32_t *out, xi_err *err) {
  if (xiG_dtype_of_flags(g->nodes[x].flags) == dt) {
    *out = x;
    return 0;
  }
  if (dt == XI_DT_BOOL) {
    uint32_t zero = xiG_number(g, 0, pos);
    return zero == XI_NONE ? xiG_oom(g, pos, err)
                           : xiG_op(g, XI_NE, x, zero, NULL, pos, out, err);
  }
  return xiG_attr(g, dt == XI_DT_FLOAT ? XI_ATTR_FLOAT : dt == XI_DT_INT ? XI_ATTR_INT
                                                                         : XI_ATTR_UINT8,
                  x, pos, out, err);
}

static int broadcast_to(xiG_graph *g, uint32_t x, xi_shape sh, xi_pos pos, uint32_t *out,
                        xi_err *err) {
  xi_shape xs = xiG_shape(&g->nodes[x]);
  char a[32], c[32];
  np_text(xs, a, sizeof a), np_text(sh, c, sizeof c);
  if (xs.rank > sh.rank)
    return xiX_fail(err, pos, "input operand has more dimensions than allowed by the axis "
                              "remapping (NumPy's ValueError)");
  uint32_t xl[2] = {xs.rank == 2 ? xs.rows : 1, xs.cols}, sl[2] = {sh.rows, sh.cols};
  for (int k = 0; k < 2; k++)
    if (xl[k] != sl[k] && xl[k] != 1)
      return xiX_fail(err, pos, "operands could not be broadcast together with remapped "
                                "shapes [original->remapped]: %s  and requested shape %s "
                                "(NumPy's ValueError)", a, c);
  if (too_big(sh, pos, err))
    return -1;
  if (xiO_same_shape(&xs, &sh)) /* a view of x */
    return xiG_op(g, XI_RESHAPE, x, XI_NONE, (int32_t[XI_NPARAMS]){0, 0, sh.rank,
                  (int32_t)sh.rows, (int32_t)sh.cols, 0, 0}, pos, out, err);
  return xiG_as_shape(g, XI_BROADCAST, x, sh, pos, out, err);
}

/* ---- np.tile, np.repeat: a table of where each element comes from ---- */

static int tile(xiG_graph *g, uint32_t x, uint32_t reps, xi_pos pos, uint32_t *out,
                xi_err *err) {
  xi_shape xs = xiG_shape(&g->nodes[x]);
  int32_t r[2];
  int n;
  if (dims(g, reps, 2, "reps", pos, r, &n, err))
    return -1;
  int rank = n > xs.rank ? n : xs.rank;
  if (rank > 2)
    return xiX_fail(err, pos, "np.tile makes an array of 3 axes: xi's values have at most "
                              "two");
  /* x as rank axes (1s before), reps as rank numbers (1s before) */
  uint32_t m = xs.rank == 2 ? xs.rows : 1, c = xs.cols;
  int32_t r0 = rank == 2 && n == 2 ? r[0] : 1, r1 = r[n - 1];
  uint64_t rows = (uint64_t)m * (uint64_t)r0, cols = (uint64_t)c * (uint64_t)r1;
  if (rows * cols > XI_MAX_ELEMENTS) /* (each under 2^32: their product fits) */
    return xiX_fail(err, pos, "a tensor of %llu elements is over the limit of %u",
                    (unsigned long long)(rows * cols), XI_MAX_ELEMENTS);
  xi_shape sh = rank == 1 ? (xi_shape){1, 1, (uint32_t)cols}
                          : (xi_shape){2, (uint32_t)rows, (uint32_t)cols};
  uint32_t count = sh.rows * sh.cols;
  int64_t *row = malloc(count * sizeof *row), *col = malloc(count * sizeof *col);
  int rc = row && col ? 0 : xiG_oom(g, pos, err);
  for (uint32_t k = 0; rc == 0 && k < count; k++) {
    row[k] = (k / sh.cols) % m;
    col[k] = (k % sh.cols) % c;
    if (xs.rank < 2) /* a vector's (or a number's as one) elements */
      col[k] = xs.rank ? col[k] : 0;
  }
  uint32_t base = x;
  if (rc == 0 && xs.rank == 0)
    rc = xiG_as_shape(g, XI_RESHAPE, x, (xi_shape){1, 1, 1}, pos, &base, err);
  if (rc == 0)
    rc = xiG_np_gather(g, base, xs.rank == 2 ? row : NULL, col, sh, pos, out, err);
  free(row), free(col);
  return rc;
}

static int repeat(xiG_graph *g, uint32_t x, uint32_t reps, uint32_t axis, xi_pos pos,
                  uint32_t *out, xi_err *err) {
  xi_shape xs = xiG_shape(&g->nodes[x]);
  int ax = 0;
  if (axis == XI_NONE) { /* the elements of x flattened */
    xs = (xi_shape){1, 1, xs.rows * xs.cols};
    if (xiG_as_shape(g, XI_RESHAPE, x, xs, pos, &x, err))
      return -1;
  } else if (xiG_np_axis(g, axis, xs.rank, pos, &ax, err)) {
    return -1;
  }
  uint32_t len = axis_len(xs, ax), other = xs.rank == 2 ? axis_len(xs, !ax) : 1;
  xiG_node *rn = &g->nodes[reps];
  xi_shape rs = xiG_shape(rn);
  if (rs.rank > 1 || (rs.rank == 1 && rs.cols != 1 && rs.cols != len)) {
    char a[32], b[32];
    np_text(rs, a, sizeof a), np_text((xi_shape){1, 1, len}, b, sizeof b);
    return xiX_fail(err, pos, "operands could not be broadcast together with shape %s %s "
                              "(NumPy's ValueError)", b, a);
  }
  uint64_t total = 0;
  for (uint32_t k = 0; k < len; k++) { /* (NumPy casts 2.7 to 2) */
    mpfr_srcptr v = xiG_el(rn, rs.rank && rs.cols > 1 ? k : 0);
    if (!mpfr_number_p(v) || mpfr_cmp_si(v, XI_MAX_ELEMENTS) > 0)
      return xiX_fail(err, pos, "np.repeat of more than %u copies is over xi's limit",
                      XI_MAX_ELEMENTS);
    if (mpfr_cmp_si(v, -1) <= 0)
      return xiX_fail(err, pos, "negative dimensions are not allowed (NumPy's ValueError)");
    total += (uint64_t)mpfr_get_si(v, MPFR_RNDZ);
  }
  if (total == 0)
    return xiX_fail(err, pos, "np.repeat would make an empty array, and xi has none");
  xi_shape sh = xs.rank == 1 ? (xi_shape){1, 1, (uint32_t)(total < UINT32_MAX ? total : 0)}
                : ax == 0    ? (xi_shape){2, (uint32_t)total, other}
                             : (xi_shape){2, other, (uint32_t)total};
  if (total * other > XI_MAX_ELEMENTS)
    return too_big((xi_shape){2, (uint32_t)(total > UINT32_MAX ? UINT32_MAX : total), other},
                   pos, err);
  uint32_t count = sh.rows * sh.cols;
  int64_t *src = malloc(total * sizeof *src), *row = malloc(count * sizeof *row),
          *col = malloc(count * sizeof *col);
  int rc = src && row && col ? 0 : xiG_oom(g, pos, err);
  for (uint32_t k = 0, at = 0; rc == 0 && k < len; k++) {
    long r = mpfr_get_si(xiG_el(&g->nodes[reps], rs.rank && rs.cols > 1 ? k : 0), MPFR_RNDZ);
    for (long q = 0; q < r; q++)
      src[at++] = k;
  }
  for (uint32_t k = 0; rc == 0 && k < count; k++) {
    uint32_t i = k / sh.cols, j = k % sh.cols;
    row[k] = xs.rank == 2 && ax == 0 ? src[i] : i;
    col[k] = xs.rank == 2 && ax == 0 ? j : src[j];
  }
  if (rc == 0)
    rc = xiG_np_gather(g, x, xs.rank == 2 ? row : NULL, col, sh, pos, out, err);
  free(src), free(row), free(col);
  return rc;
}

/* ---- np.meshgrid: x along the columns, y down the rows (indexing='ij': the other way) ---- */

static int meshgrid(xiG_graph *g, int ij, const uint32_t *s, int n, xi_pos pos, uint32_t *out,
                    xi_err *err) {
  uint32_t v[2], len[2], mark = g->n;
  for (int k = 0; k < n; k++) {
    xi_shape sh = xiG_shape(&g->nodes[s[k]]);
    len[k] = sh.rows * sh.cols;
    if (xiG_as_shape(g, XI_RESHAPE, s[k], (xi_shape){1, 1, len[k]}, pos, &v[k], err))
      return -1;
  }
  if (n == 2) {
    xi_shape grid = ij ? (xi_shape){2, len[0], len[1]} : (xi_shape){2, len[1], len[0]};
    if (too_big(grid, pos, err))
      return -1;
    for (int k = 0; k < 2; k++) { /* the one that runs along the rows is a column */
      int down = ij ? k == 0 : k == 1;
      xi_shape line = down ? (xi_shape){2, len[k], 1} : (xi_shape){2, 1, len[k]};
      if (xiG_as_shape(g, XI_RESHAPE, v[k], line, pos, &v[k], err) ||
          xiG_as_shape(g, XI_BROADCAST, v[k], grid, pos, &v[k], err))
        return -1;
    }
  }
  for (int k = 0; k < n; k++) /* every view of an array given is copied */
    if (xiG_np_copy(g, v[k], mark, pos, &v[k], err))
      return -1;
  return xiG_container(g, XI_C_LIST, v, (uint32_t)n, pos, out, err);
}

/* ---- np.flip, np.fliplr, np.flipud: a slice of step -1 along the axes ---- */

static int flip(xiG_graph *g, int which, uint32_t x, uint32_t axis, xi_pos pos, uint32_t *out,
                xi_err *err) {
  xi_shape sh = xiG_shape(&g->nodes[x]);
  int on[2] = {0, 0};
  if (which == XI_NP_FLIPLR && sh.rank < 2)
    return xiX_fail(err, pos, "Input must be >= 2-d. (NumPy's ValueError)");
  if (which == XI_NP_FLIPUD && sh.rank < 1)
    return xiX_fail(err, pos, "Input must be >= 1-d. (NumPy's ValueError)");
  if (which != XI_NP_FLIP)
    on[which == XI_NP_FLIPLR] = 1;
  else if (axis == XI_NONE)
    on[0] = on[1] = 1;
  else if (xiG_is_tensor(&g->nodes[axis])) { /* a tuple of axes */
    xiG_node *an = &g->nodes[axis];
    for (uint32_t k = 0; k < xiG_count(an); k++) {
      int32_t a;
      if (whole_el(xiG_el(an, k), &a))
        return xiX_fail(err, pos, "an axis is a whole number");
      if (a < -sh.rank || a >= sh.rank)
        return xiX_fail(err, pos, "axis %d is out of bounds for array of dimension %d "
                                  "(NumPy's AxisError)", a, sh.rank);
      a = a < 0 ? a + sh.rank : a;
      if (on[a])
        return xiX_fail(err, pos, "repeated axis (NumPy's ValueError)");
      on[a] = 1;
    }
  } else {
    int a = 0;
    if (xiG_np_axis(g, axis, sh.rank, pos, &a, err))
      return -1;
    on[a] = 1;
  }
  if (sh.rank == 0) {
    *out = x;
    return 0;
  }
  int rows = sh.rank == 2 && on[0], cols = sh.rank == 2 ? on[1] : on[0];
  int32_t p[XI_NPARAMS] = {rows ? (int32_t)sh.rows - 1 : 0, rows ? -1 : 1, 0, 0, 0,
                           cols ? (int32_t)sh.cols - 1 : 0, cols ? -1 : 1};
  xiO_shape_params(p, sh);
  return xiG_op(g, XI_SLICE, x, XI_NONE, p, pos, out, err);
}

int xiG_npshape(xiG_graph *g, int which, const uint32_t *s, xi_pos pos, uint32_t *out,
                xi_err *err) {
  uint32_t mark = g->n, a = s[0];
  int32_t d[2];
  int n, rc;
  switch (which) {
  case XI_NP_EXPAND_DIMS:
    return expand_dims(g, a, s[1], pos, out, err);
  case XI_NP_SQUEEZE:
    return squeeze(g, a, s[1], pos, out, err);
  case XI_NP_STACK:
    return stack(g, a, s[1], pos, out, err);
  case XI_NP_FULL:
    if (dims(g, a, 2, "the shape", pos, d, &n, err) || too_big(shape_of(d, n), pos, err))
      return -1;
    rc = fill(g, s[1], shape_of(d, n), pos, out, err);
    break;
  case XI_NP_FULL_LIKE:
  case XI_NP_FULL_AS:
    rc = fill(g, s[1], xiG_shape(&g->nodes[a]), pos, out, err) ||
         (which == XI_NP_FULL_LIKE &&
          as_dtype(g, *out, xiG_dtype_of_flags(g->nodes[a].flags), pos, out, err));
    break;
  case XI_NP_BROADCAST_TO:
    if (dims(g, s[1], 2, "the shape", pos, d, &n, err))
      return -1;
    return broadcast_to(g, a, shape_of(d, n), pos, out, err);
  case XI_NP_TILE:
    rc = tile(g, a, s[1], pos, out, err);
    break;
  case XI_NP_REPEAT:
    rc = repeat(g, a, s[1], s[2], pos, out, err);
    break;
  case XI_NP_MESHGRID:
  case XI_NP_MESHGRID_IJ:
    return meshgrid(g, which == XI_NP_MESHGRID_IJ, s, s[1] == XI_NONE ? 1 : 2, pos, out, err);
  default:
    return flip(g, which, a, s[1], pos, out, err);
  }
  return rc || xiG_np_copy(g, *out, mark, pos, out, err); /* a copy, as NumPy's */
}
