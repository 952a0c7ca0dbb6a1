/* build.c: values that are not one operation of the table: the makers
 * (zeros, ones, eye, randn, rand, arange), what NumPy reads from a value
 * (shape, size, len, item, flatten, astype, reshape), and indexing: a tuple's
 * item, M[i, j] and its slices (INDEX), and integer-array indexing
 * (probs[np.arange(n), y]: GATHER) with its functional update
 * (dz[np.arange(n), y] -= 1: PUT, a new value; the old one is unchanged). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tape/graph.h"

/* the two lowest int32 values are XI_COLON and XI_ALL_AXES, INT32_MAX "not given" */
/* A whole number past 2^p is not known to be the one written at p bits (at
   11 bits, binary16's, 2049 is held as 2048), and an index or a size must
   be exact: a literal is read again from its text, and any other value past
   2^p is refused rather than taken as it was rounded. */
static int exact_whole(xiG_graph *g, const xiG_node *n, mpfr_t v, xi_pos pos, xi_err *err) {
  mpfr_set(v, n->v, MPFR_RNDN);
  if (n->op == XI_CONST && n->aux != XI_LIT_PI && n->aux != XI_LIT_E) {
    const char *t = xiS_name(&g->sym, n->aux);
    if (t[0] != 'T' && t[0] != 'F' && mpfr_strtofr(v, t, NULL, 10, MPFR_RNDN))
      mpfr_set_nan(v); /* not a whole number that fits (v has 64 bits) */
    return 0;
  }
  if (!mpfr_integer_p(v) || mpfr_cmpabs_ui(v, 1) < 0 ||
      mpfr_get_exp(v) <= (mpfr_exp_t)mpfr_get_prec(n->v))
    return 0;
  return xiX_fail(err, pos, "this whole number is past 2^%ld, where %ld bits keep every whole "
                            "number, so it may have been rounded (it is held as %.0f): a size "
                            "or an index must be exact; raise prec (or format mpfr)",
                  (long)mpfr_get_prec(n->v), (long)mpfr_get_prec(n->v),
                  mpfr_get_d(v, MPFR_RNDN));
}

int xiG_whole(xiG_graph *g, uint32_t i, xi_pos pos, int32_t *out, xi_err *err) {
  xiG_node *n = &g->nodes[i];
  if (n->op == XI_TUPLE || xiG_is_tensor(n))
    return xiX_fail(err, pos, "expected a whole number here");
  mpfr_t v;
  mpfr_init2(v, 64);
  int rc = exact_whole(g, n, v, pos, err);
  if (rc == 0 && (!mpfr_integer_p(v) || mpfr_cmp_si(v, INT32_MAX - 1) > 0 ||
                  mpfr_cmp_si(v, INT32_MIN + 2) < 0))
    rc = xiX_fail(err, pos, "expected a whole number here");
  if (rc == 0)
    *out = (int32_t)mpfr_get_si(v, MPFR_RNDN);
  mpfr_clear(v);
  return rc;
}

/* sizes given as numbers, or as one tuple of them: into d (at most max) */
static int sizes(xiG_graph *g, const uint32_t *args, uint32_t n, int32_t *d, uint32_t max,
                 uint32_t *count, xi_pos pos, xi_err *err) {
  if (n == 1 && xiG_is_tuple(g, args[0])) {
    xiG_ext *x = g->nodes[args[0]].x;
    args = x->args, n = x->nargs;
  }
  if (n > max)
    return xiX_fail(err, pos, "a shape of %u axes: xi's values have at most %u", n, max);
  for (uint32_t q = 0; q < n; q++)
    if (xiG_whole(g, args[q], pos, &d[q], err))
      return -1;
  *count = n;
  return 0;
}

/* ---- makers: values computed from no other value, so leaves ---- */

static int arange(xiG_graph *g, const uint32_t *args, uint32_t n, xi_pos pos, uint32_t *out,
                  xi_err *err) {
  mpfr_t v[3], len;
  mpfr_inits2(g->prec, v[0], v[1], v[2], len, (mpfr_ptr)0);
  mpfr_set_zero(v[0], 1);
  mpfr_set_ui(v[2], 1, MPFR_RNDN);
  int ints = 1, rc = 0;
  for (uint32_t q = 0; q < n; q++) {
    xiG_node *a = &g->nodes[args[q]];
    if (a->op == XI_TUPLE || xiG_is_tensor(a)) {
      rc = xiX_fail(err, pos, "np.arange takes numbers");
      goto done;
    }
    ints &= xiG_dtype_of_flags(a->flags) != XI_DT_FLOAT;
    mpfr_set(v[n == 1 ? 1 : q], a->v, MPFR_RNDN);
  }
  if (mpfr_zero_p(v[2])) {
    rc = xiX_fail(err, pos, "np.arange's step is 0");
    goto done;
  }
  mpfr_sub(len, v[1], v[0], MPFR_RNDU); /* ceil((stop - start) / step) elements */
  mpfr_div(len, len, v[2], MPFR_RNDU);
  mpfr_ceil(len, len);
  if (mpfr_cmp_ui(len, XI_MAX_ELEMENTS) > 0) {
    rc = xiX_fail(err, pos, "np.arange of more than %u elements", XI_MAX_ELEMENTS);
    goto done;
  }
  uint32_t count = mpfr_sgn(len) > 0 ? (uint32_t)mpfr_get_ui(len, MPFR_RNDN) : 0;
  if (count == 0) {
    rc = xiX_fail(err, pos, "np.arange gives no element here (xi has no empty arrays)");
    goto done;
  }
  *out = xiG_append(g, XI_LEAF, XI_NONE, XI_NONE, pos);
  if (*out == XI_NONE || xiG_shape_node(g, *out, (xi_shape){1, 1, count}, NULL)) {
    rc = xiG_oom(g, pos, err);
    goto done;
  }
  for (uint32_t k = 0; k < count; k++) { /* start + k·step, each rounded once */
    mpfr_mul_ui(len, v[2], k, MPFR_RNDN);
    mpfr_add(&g->nodes[*out].x->el[k], v[0], len, MPFR_RNDN);
  }
  if (ints)
    g->nodes[*out].flags |= XI_F_INT;
done:
  mpfr_clears(v[0], v[1], v[2], len, (mpfr_ptr)0);
  return rc;
}

int xiG_make(xiG_graph *g, int which, const uint32_t *args, uint32_t n, xi_pos pos,
             uint32_t *out, xi_err *err) {
  if (which == XI_MAKE_ARANGE)
    return arange(g, args, n, pos, out, err);
  int32_t d[2] = {1, 1};
  uint32_t count = 0;
  if (sizes(g, args, n, d, 2, &count, pos, err))
    return -1;
  for (uint32_t q = 0; q < count; q++)
    if (d[q] < 1)
      return xiX_fail(err, pos, "a size must be 1 or more, not %d", d[q]);
  if (which == XI_MAKE_EYE) {
    if (count != 1)
      return xiX_fail(err, pos, "eye takes one size: eye(n)");
    d[1] = d[0], count = 2;
  }
  xi_shape sh = {(uint8_t)count, 1, 1};
  if (sh.rank == 1)
    sh.cols = (uint32_t)d[0];
  else if (sh.rank == 2)
    sh.rows = (uint32_t)d[0], sh.cols = (uint32_t)d[1];
  if ((uint64_t)sh.rows * sh.cols > XI_MAX_ELEMENTS)
    return xiX_fail(err, pos, "a tensor of %llu elements is over the limit of %u",
                 (unsigned long long)sh.rows * sh.cols, XI_MAX_ELEMENTS);
  *out = xiG_append(g, XI_LEAF, XI_NONE, XI_NONE, pos);
  if (*out == XI_NONE || (sh.rank && xiG_shape_node(g, *out, sh, NULL)))
    return xiG_oom(g, pos, err);
  xiG_node *nd = &g->nodes[*out];
  if (which == XI_MAKE_RANDN || which == XI_MAKE_RAND)
    xiG_stmt_rng(g); /* a statement undone draws nothing */
  for (uint32_t k = 0; k < xiG_count(nd); k++) {
    if ((k & 1023) == 0 && xiO_stopped())
      return xiX_fail(err, pos, "interrupted");
    mpfr_ptr e = xiG_el(nd, k);
    int inex = 0;
    switch (which) {
    case XI_MAKE_ZEROS: mpfr_set_zero(e, 1); break;
    case XI_MAKE_ONES: mpfr_set_ui(e, 1, MPFR_RNDN); break;
    case XI_MAKE_EYE: mpfr_set_ui(e, k / sh.cols == k % sh.cols, MPFR_RNDN); break;
    case XI_MAKE_RANDN: inex = mpfr_set_d(e, xiO_gauss(&g->rng), MPFR_RNDN); break;
    default: inex = mpfr_set_d(e, xiO_uniform(&g->rng), MPFR_RNDN); break;
    }
    if (xiO_fmt) /* NumPy's randn(...).astype(float16): a double rounded once, into
                    the format's range too (a draw below 6.1e-5 is a subnormal) */
      xiO_fmt_round(e, inex);
  }
  return 0;
}

/* ---- reading a value's shape ---- */

static int number(xiG_graph *g, long v, xi_pos pos, uint32_t *out, xi_err *err) {
  *out = xiG_number(g, v, pos);
  return *out == XI_NONE ? xiG_oom(g, pos, err) : 0;
}

/* a new shape for x's elements (RESHAPE), or x itself when it has it */
static int shaped(xiG_graph *g, uint32_t x, xi_shape sh, xi_pos pos, uint32_t *out,
                  xi_err *err) {
  xi_shape now = xiG_shape(&g->nodes[x]);
  if (xiO_same_shape(&now, &sh)) {
    *out = x;
    return 0;
  }
  int32_t p[XI_NPARAMS] = {0, 0, 0, 0, 0};
  xiO_shape_params(p, sh);
  return xiG_op(g, XI_RESHAPE, x, XI_NONE, p, pos, out, err);
}

int xiG_attr(xiG_graph *g, int which, uint32_t x, xi_pos pos, uint32_t *out, xi_err *err) {
  xiG_node *n = &g->nodes[x];
  if (n->op == XI_TUPLE && which == XI_ATTR_LEN)
    return number(g, n->x->nargs, pos, out, err);
  if (xiG_no_tuple(g, x, pos, "this", err))
    return -1;
  xi_shape sh = xiG_shape(n);
  uint32_t count = xiG_count(n);
  switch (which) {
  case XI_ATTR_SHAPE: {
    uint32_t items[2];
    long dims[2] = {sh.rank == 2 ? sh.rows : sh.cols, sh.cols};
    for (int k = 0; k < sh.rank; k++)
      if (number(g, dims[k], pos, &items[k], err))
        return -1;
    return xiG_tuple(g, items, sh.rank, pos, out, err);
  }
  case XI_ATTR_SIZE:
    return number(g, count, pos, out, err);
  case XI_ATTR_NDIM:
    return number(g, sh.rank, pos, out, err);
  case XI_ATTR_LEN:
    if (sh.rank == 0)
      return xiX_fail(err, pos, "len() of a scalar (it has no length; NumPy says so too)");
    return number(g, sh.rank == 2 ? sh.rows : sh.cols, pos, out, err);
  case XI_ATTR_ITEM:
    if (count != 1)
      return xiX_fail(err, pos, ".item() takes the one element of a value of size 1; this one "
                             "has %u", count);
    return shaped(g, x, (xi_shape){0, 1, 1}, pos, out, err);
  case XI_ATTR_FLATTEN:
    return shaped(g, x, (xi_shape){1, 1, count}, pos, out, err);
  case XI_ATTR_FLOAT:
    if (xiG_dtype_of_flags(n->flags) == XI_DT_FLOAT && !sh.rank) {
      *out = x; /* float(x) of a float is x */
      return 0;
    }
    return xiG_op(g, XI_ASFLOAT, x, XI_NONE, NULL, pos, out, err);
  case XI_ATTR_INT:
    return xiG_op(g, XI_TRUNC, x, XI_NONE, NULL, pos, out, err);
  case XI_ATTR_ARRAY:
    return xiG_op(g, XI_ID, x, XI_NONE, NULL, pos, out, err); /* np.array(x) copies */
  default:
    return xiX_fail(err, pos, "np.random.seed(...) is a statement of its own");
  }
}

/* np.array((1, 2)): a tuple's items as a vector */
int xiG_array_of_tuple(xiG_graph *g, uint32_t t, xi_pos pos, uint32_t *out, xi_err *err) {
  xiG_ext *x = g->nodes[t].x;
  if (x->nargs == 0)
    return xiX_fail(err, pos, "np.array(()) is empty: xi has no empty arrays");
  return xiG_list(g, x->args, x->nargs, pos, out, err);
}

int xiG_reshape(xiG_graph *g, uint32_t x, const uint32_t *dims, uint32_t n, xi_pos pos,
                uint32_t *out, xi_err *err) {
  if (xiG_no_tuple(g, x, pos, "reshape", err))
    return -1;
  int32_t d[2] = {1, 1};
  uint32_t rank = 0, count = xiG_count(&g->nodes[x]);
  if (sizes(g, dims, n, d, 2, &rank, pos, err))
    return -1;
  int free_axis = -1;
  uint64_t known = 1;
  for (uint32_t q = 0; q < rank; q++) {
    if (d[q] == -1 && free_axis < 0)
      free_axis = (int)q;
    else if (d[q] < 1)
      return xiX_fail(err, pos, "a size in reshape must be 1 or more (or one -1), not %d", d[q]);
    else
      known *= (uint64_t)d[q];
  }
  if (free_axis >= 0) { /* -1: whatever the others leave */
    if (known == 0 || count % known)
      return xiX_fail(err, pos, "cannot reshape %u elements with these sizes", count);
    d[free_axis] = (int32_t)(count / known);
    known *= (uint64_t)d[free_axis];
  }
  if (known != count)
    return xiX_fail(err, pos, "cannot reshape %u elements into %llu", count,
                 (unsigned long long)known);
  xi_shape sh = {(uint8_t)rank, rank == 2 ? (uint32_t)d[0] : 1,
                 rank == 2 ? (uint32_t)d[1] : rank == 1 ? (uint32_t)d[0] : 1};
  return shaped(g, x, sh, pos, out, err);
}

/* ---- indexing ---- */

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

/* the sizes of base's axes, for checking indices */
static uint32_t axis_len(xi_shape sh, int axis) {
  return sh.rank == 2 && axis == 0 ? sh.rows : sh.cols;
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

/* The index table of base[items] (integer arrays, or scalars among them):
   its vectors into vec (one per axis), n elements picked */
static int index_table(xiG_graph *g, uint32_t base, const uint32_t *items, int argc,
                       xi_pos pos, uint32_t *vec, uint32_t *n, xi_err *err) {
  xi_shape sh = xiG_shape(&g->nodes[base]);
  if (sh.rank == 0)
    return xiX_fail(err, pos, "a scalar has no elements to index");
  if (argc != sh.rank)
    return xiX_fail(err, pos, sh.rank == 2 ? "index a matrix by rows and columns: M[rows, cols] "
                                          "(M[rows] with an array is not part of xi)"
                                        : "a vector takes one index");
  uint32_t len[2] = {1, 1};
  *n = 1;
  for (int q = 0; q < argc; q++) {
    if (check_index(g, items[q], axis_len(sh, q), q, pos, &len[q], err))
      return -1;
    if (len[q] != 1 && *n != 1 && len[q] != *n)
      return xiX_fail(err, pos, "the index arrays have %u and %u elements: they must have one "
                             "length (or be one number)", *n, len[q]);
    if (len[q] != 1 || xiG_is_tensor(&g->nodes[items[q]]))
      *n = len[q] > *n ? len[q] : *n;
  }
  for (int q = 0; q < argc; q++)
    if (index_vector(g, items[q], *n, axis_len(sh, q), pos, &vec[q], err))
      return -1;
  return 0;
}

int xiG_index(xiG_graph *g, uint32_t base, const uint32_t *items, int argc, int mask,
              xi_pos pos, uint32_t *out, xi_err *err) {
  if (xiG_is_tuple(g, base)) {
    if (argc != 1 || mask)
      return xiX_fail(err, pos, "a tuple takes one index: t[0]");
    return tuple_item(g, base, items[0], pos, out, err);
  }
  int arrays = 0;
  for (int q = 0, next = 0; q < argc; q++)
    if (!(mask & (1 << q)))
      arrays |= xiG_is_tensor(&g->nodes[items[next++]]);
  if (!arrays) { /* M[i, j], M[i, :], v[i]: the INDEX op */
    int32_t p[XI_NPARAMS] = {XI_COLON, argc > 1 ? XI_COLON : INT32_MAX, 0, 0, 0};
    for (int q = 0, next = 0; q < argc; q++)
      if (!(mask & (1 << q)) && xiG_whole(g, items[next++], pos, &p[q], err))
        return -1;
    return xiG_op(g, XI_INDEX, base, XI_NONE, p, pos, out, err);
  }
  if (mask)
    return xiX_fail(err, pos, "':' beside an index array is not part of xi: M[rows, cols] with "
                           "an array or a number for each");
  uint32_t vec[2], n, table;
  if (index_table(g, base, items, argc, pos, vec, &n, err) ||
      xiG_list(g, vec, (uint32_t)argc, pos, &table, err))
    return -1;
  return xiG_op(g, XI_GATHER, base, table, NULL, pos, out, err);
}

/* no element picked twice: NumPy's x[i] -= v with i repeated changes it once
   (from the old value), which is rarely what was meant */
static int distinct(xiG_graph *g, const uint32_t *vec, int argc, uint32_t n,
                    const xi_shape *sh, xi_pos pos, xi_err *err) {
  uint8_t *seen = calloc((size_t)sh->rows * sh->cols, 1);
  if (!seen)
    return xiG_oom(g, pos, err);
  xiO_view v0 = xiG_view(&g->nodes[vec[0]]), v1 = argc > 1 ? xiG_view(&g->nodes[vec[1]]) : v0;
  int rc = 0;
  for (uint32_t k = 0; k < n && rc == 0; k++) {
    uint32_t i = (uint32_t)mpfr_get_ui(&v0.el[k], MPFR_RNDN);
    uint32_t j = argc > 1 ? (uint32_t)mpfr_get_ui(&v1.el[k], MPFR_RNDN) : 0;
    uint32_t at = argc > 1 ? i * sh->cols + j : i;
    if (seen[at]++)
      rc = argc > 1 ? xiX_fail(err, pos, "the element [%u, %u] is picked twice: NumPy would update "
                                      "it once, from its old value; xi refuses (pick each "
                                      "element once)", i, j)
                    : xiX_fail(err, pos, "the element [%u] is picked twice: NumPy would update it "
                                      "once, from its old value; xi refuses (pick each element "
                                      "once)", i);
  }
  free(seen);
  return rc;
}

int xiG_index_set(xiG_graph *g, uint32_t base, const uint32_t *items, int argc, int mask,
                  int op, uint32_t rhs, xi_pos pos, uint32_t *out, xi_err *err) {
  if (xiG_is_tuple(g, base))
    return xiX_fail(err, pos, "a tuple cannot be changed (in Python either)");
  if (xiG_no_tuple(g, rhs, pos, "an indexed assignment", err))
    return -1;
  if (mask)
    return xiX_fail(err, pos, "x[i, :] = v (a slice) is not part of xi: give each element's "
                           "index, M[rows, cols] = v with arrays");
  xi_shape sh = xiG_shape(&g->nodes[base]);
  uint32_t vec[3], n, table, now, v;
  if (index_table(g, base, items, argc, pos, vec, &n, err) ||
      distinct(g, vec, argc, n, &sh, pos, err) ||
      xiG_list(g, vec, (uint32_t)argc, pos, &table, err))
    return -1;
  v = rhs;
  if (op && (xiG_op(g, XI_GATHER, base, table, NULL, pos, &now, err) ||
             xiG_op(g, op, now, rhs, NULL, pos, &v, err)))
    return -1;
  xi_shape vs = xiG_shape(&g->nodes[v]);
  if (vs.rank == 0 || (vs.rank == 1 && vs.cols == 1 && n != 1)) {
    int32_t p[XI_NPARAMS] = {0, 0, 0, 0, 0};
    xiO_shape_params(p, (xi_shape){1, 1, n});
    if (xiG_op(g, XI_BROADCAST, v, XI_NONE, p, pos, &v, err))
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
