/* build.c: values that are not one operation of the table: the makers
 * (zeros, ones, eye, randn, rand, arange), what NumPy reads from a value
 * (shape, size, len, item, flatten, astype, reshape); indexing is index.c's. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tape/graph.h"
#include "tape/numpy.h"

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

/* the number of elements: ceil((stop - start)/step).  In a format NumPy's
   own count, each operation rounded into the format (PyArray_ArangeObj:
   len = ceil((stop - start)/step) in double), so arange(0, 3, 0.3) has 10
   elements, not the 11 of the exact quotient 9.99…; in MPFR an upper bound */
static void arange_len(mpfr_ptr len, mpfr_srcptr start, mpfr_srcptr stop, mpfr_srcptr step) {
  if (xiO_fmt) {
    xiO_fmt_round(len, mpfr_sub(len, stop, start, MPFR_RNDN));
    xiO_fmt_round(len, mpfr_div(len, len, step, MPFR_RNDN));
  } else {
    mpfr_sub(len, stop, start, MPFR_RNDU);
    mpfr_div(len, len, step, MPFR_RNDU);
  }
  mpfr_ceil(len, len);
}

/* the elements.  Exactly start + k·step, rounded once, for ints and in MPFR;
   in a format for floats NumPy's: el[0] = start, el[1] = start + step, then
   its fill (DOUBLE_fill) takes delta = el[1] - el[0] and el[k] = start +
   k·delta, each rounded, so arange(1.0, 1.5, 0.1)[2] is 1.2000000000000002 */
static void arange_fill(mpfr_ptr el, uint32_t count, mpfr_srcptr start, mpfr_srcptr step,
                        int ints, mpfr_ptr t) {
  if (xiO_fmt && !ints) {
    mpfr_set(&el[0], start, MPFR_RNDN);
    if (count > 1)
      xiO_fmt_round(&el[1], mpfr_add(&el[1], start, step, MPFR_RNDN));
    if (count > 2)
      xiO_fmt_round(t, mpfr_sub(t, &el[1], &el[0], MPFR_RNDN));
    for (uint32_t k = 2; k < count; k++) {
      mpfr_ptr e = &el[k];
      xiO_fmt_round(e, mpfr_mul_ui(e, t, k, MPFR_RNDN));
      xiO_fmt_round(e, mpfr_add(e, start, e, MPFR_RNDN));
    }
    return;
  }
  for (uint32_t k = 0; k < count; k++) {
    mpfr_mul_ui(t, step, k, MPFR_RNDN);
    mpfr_add(&el[k], start, t, MPFR_RNDN);
  }
}

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
  arange_len(len, v[0], v[1], v[2]);
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
  arange_fill(g->nodes[*out].x->el, count, v[0], v[2], ints, len);
  if (ints)
    g->nodes[*out].flags |= XI_F_INT;
done:
  mpfr_clears(v[0], v[1], v[2], len, (mpfr_ptr)0);
  return rc;
}

int xiG_make_sizes(xiG_graph *g, int which, int form, const uint32_t *args, uint32_t n,
                   xi_pos pos, xi_err *err) {
  const char *fn = which == XI_MAKE_RANDN ? "randn" : "rand";
  int kind = n ? xiG_kind(g, args[0]) : -1;
  if (form == XI_MAKE_STAR && kind != XI_C_TUPLE && kind != XI_C_LIST)
    return xiX_fail(err, pos, "TypeError: RandomState.%s() argument after * must be an "
                              "iterable, not %s (NumPy's): *t takes a tuple, x.shape", fn,
                    kind < 0 ? "a number" : "this value");
  for (uint32_t q = 0; form == XI_MAKE_NUMPY && q < n; q++)
    if (xiG_kind(g, args[q]) == XI_C_TUPLE || xiG_kind(g, args[q]) == XI_C_LIST)
      return xiX_fail(err, pos, "TypeError: '%s' object cannot be interpreted as an integer "
                                "(NumPy's): np.random.%s takes the sizes, %s(2, 3), or a "
                                "shape's, %s(*x.shape)",
                      xiG_kind(g, args[q]) == XI_C_TUPLE ? "tuple" : "list", fn, fn, fn);
  return 0;
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

/* np.nonzero(x): the indices of x's true elements, one vector for each axis, in a tuple */
static int nonzero_tuple(xiG_graph *g, uint32_t x, xi_pos pos, uint32_t *out, xi_err *err) {
  xiO_view v = xiG_view(&g->nodes[x]);
  uint32_t count = 0, items[2], t;
  for (uint32_t k = 0; k < v.n; k++)
    count += !mpfr_zero_p(&v.el[k]); /* NaN is true, as in NumPy */
  if (v.sh.rank == 0)
    return xiX_fail(err, pos, "np.nonzero of a scalar: NumPy refuses it too (index an array)");
  if (count == 0)
    return xiX_fail(err, pos, "no element is true: NumPy would give empty arrays, and xi has "
                              "none (test np.any(x) first)");
  int32_t p[XI_NPARAMS] = {0, 0, 0, 0, 0};
  xiO_shape_params(p, (xi_shape){2, v.sh.rank, count});
  if (xiG_op(g, XI_NONZERO, x, XI_NONE, p, pos, &t, err))
    return -1;
  for (int r = 0; r < v.sh.rank; r++) {
    int32_t q[XI_NPARAMS] = {r, XI_COLON, 0, 0, 0};
    if (xiG_op(g, XI_INDEX, t, XI_NONE, q, pos, &items[r], err))
      return -1;
    g->nodes[items[r]].flags = (uint8_t)((g->nodes[items[r]].flags & ~XI_F_DTYPE) | XI_F_INT);
  }
  return xiG_container(g, XI_C_TUPLE, items, (uint32_t)v.sh.rank, pos, out, err);
}

/* np.bincount(x): for each k from 0 to max(x), how many times k occurs in x (ints, NumPy's
   rule).  Its derivative is 0 everywhere: a leaf of ints, as a count is */
static int bincount(xiG_graph *g, uint32_t x, xi_pos pos, uint32_t *out, xi_err *err) {
  xiO_view v = xiG_view(&g->nodes[x]);
  if (v.sh.rank != 1)
    return xiX_fail(err, pos, "np.bincount takes a vector (object too deep for desired array, "
                              "NumPy says of a matrix)");
  if (v.dtype == XI_DT_FLOAT)
    return xiX_fail(err, pos, "np.bincount takes integers: Cannot cast array data from "
                              "dtype('float64') to dtype('int64') (NumPy's TypeError); "
                              "x.astype(int) first");
  long top = -1;
  for (uint32_t k = 0; k < v.n; k++) {
    if (mpfr_sgn(&v.el[k]) < 0)
      return xiX_fail(err, pos, "'list' argument must have no negative elements (NumPy's "
                                "ValueError)");
    if (mpfr_cmp_si(&v.el[k], XI_MAX_ELEMENTS) >= 0)
      return xiX_fail(err, pos, "np.bincount of %s would make more than %u counts",
                      "a number this large", (unsigned)XI_MAX_ELEMENTS);
    long e = mpfr_get_si(&v.el[k], MPFR_RNDZ);
    top = e > top ? e : top;
  }
  uint32_t size;
  if (xiG_number_at(g, top + 1, pos, &size, err) || xiG_make(g, XI_MAKE_ZEROS, &size, 1, pos, out, err))
    return -1;
  xiG_node *c = &g->nodes[*out];
  for (uint32_t k = 0; k < v.n; k++) {
    mpfr_ptr e = xiG_el(c, (uint32_t)mpfr_get_si(&xiG_view(&g->nodes[x]).el[k], MPFR_RNDZ));
    mpfr_add_ui(e, e, 1, MPFR_RNDN);
  }
  c->flags = (uint8_t)((c->flags & ~XI_F_DTYPE) | XI_F_INT);
  return 0;
}

/* NumPy's uint8 keeps whole numbers 0 to 255 and wraps the others modulo 256
   (y - 1 of a 0 is 255), or gives a wider type, by casting rules that depend
   on the other operand (an int64 array, a Python int that fits or not).
   Where every element is in 0..255 all of these agree with the exact value,
   which xi keeps; elsewhere it says so. */
int xiG_as_uint8(xiG_graph *g, uint32_t i, xi_pos pos, xi_err *err) {
  xiO_view v = xiG_view(&g->nodes[i]);
  for (uint32_t k = 0; k < v.n; k++)
    if (!mpfr_integer_p(&v.el[k]) || mpfr_sgn(&v.el[k]) < 0 || mpfr_cmp_ui(&v.el[k], 255) > 0)
      return xiX_fail(err, pos, "a uint8 value (dtype='uint8') would be %s here, where NumPy "
                                "wraps it modulo 256 or widens its type by its casting rules; "
                                "xi follows uint8 only for the whole numbers 0 to 255: make it "
                                "an int array (dtype=int, or .astype(int))",
                      mpfr_nan_p(&v.el[k])   ? "nan"
                      : mpfr_inf_p(&v.el[k]) ? "inf (a division by zero?)"
                      : mpfr_integer_p(&v.el[k]) ? "out of 0..255"
                                                                                 : "a fraction");
  g->nodes[i].flags = (uint8_t)((g->nodes[i].flags & ~XI_F_DTYPE) | XI_F_DTYPE);
  return 0;
}

/* int(x), round(x), math.floor(x), x.astype(int): x without its fraction, where
   an inf or a nan has no int.  Python raises for a number (its OverflowError and
   ValueError, with its words, which cmd/pytry.c's except reads); NumPy's cast
   of an array gives an integer its C compiler chose (-9223372036854775808 on
   x86-64) with a RuntimeWarning, which xi does not make up */
static int whole(xiG_graph *g, uint32_t x, xi_pos pos, uint32_t *out, xi_err *err) {
  int rank = xiG_shape(&g->nodes[x]).rank;
  if (xiG_op(g, XI_TRUNC, x, XI_NONE, NULL, pos, out, err))
    return -1;
  xiO_view v = xiG_view(&g->nodes[*out]);
  for (uint32_t k = 0; k < v.n; k++) {
    if (mpfr_number_p(&v.el[k]))
      continue;
    int nan = mpfr_nan_p(&v.el[k]);
    if (rank)
      return xiX_fail(err, pos, "%s has no int64: NumPy's cast (.astype(int), dtype=int) gives "
                                "an integer its compiler chose there (-9223372036854775808 on "
                                "x86-64), with RuntimeWarning: invalid value encountered in cast; "
                                "xi refuses rather than make one up (np.isfinite(x) tells where)",
                      nan ? "nan" : "inf");
    return nan ? xiX_fail(err, pos, "ValueError: cannot convert float NaN to integer")
               : xiX_fail(err, pos, "OverflowError: cannot convert float infinity to integer");
  }
  return 0;
}

/* x.tolist(): a scalar is itself (a Python number), a vector a list of its
   elements, a matrix a list of its rows, each a list; uint8's numbers become
   Python's ints, which do not wrap */
/* Python's number of a NumPy scalar, as .item() makes it (type(x.tolist()[0]) is float,
   not numpy.float64: tape/pytype.c reads the RESHAPE) */
static int python_number(xiG_graph *g, uint32_t x, xi_pos pos, uint32_t *out, xi_err *err) {
  int32_t p[XI_NPARAMS] = {0, 0, 0, 0, 0};
  xiO_shape_params(p, (xi_shape){0, 1, 1}); /* (a RESHAPE even of a scalar: its origin) */
  return xiG_op(g, XI_RESHAPE, x, XI_NONE, p, pos, out, err);
}

/* a vector's elements as a list of Python's numbers */
static int number_list(xiG_graph *g, uint32_t v, xi_pos pos, uint32_t *out, xi_err *err) {
  if (xiG_convert(g, XI_C_LIST, v, pos, out, err))
    return -1;
  uint32_t n = g->nodes[*out].x->nargs, *items = malloc((n ? n : 1) * sizeof *items);
  if (!items)
    return xiG_oom(g, pos, err);
  memcpy(items, g->nodes[*out].x->args, n * sizeof *items); /* (nodes move as they grow) */
  int rc = 0;
  for (uint32_t k = 0; k < n && rc == 0; k++)
    rc = python_number(g, items[k], pos, &items[k], err);
  if (rc == 0)
    rc = xiG_container(g, XI_C_LIST, items, n, pos, out, err);
  free(items);
  return rc;
}

static int tolist(xiG_graph *g, uint32_t x, int rank, xi_pos pos, uint32_t *out, xi_err *err) {
  if (xiG_dtype_of_flags(g->nodes[x].flags) == XI_DT_UINT8 &&
      xiG_op(g, XI_TRUNC, x, XI_NONE, NULL, pos, &x, err))
    return -1;
  if (rank == 0)
    return python_number(g, x, pos, out, err);
  if (rank == 1)
    return number_list(g, x, pos, out, err);
  if (xiG_convert(g, XI_C_LIST, x, pos, out, err))
    return -1;
  uint32_t n = g->nodes[*out].x->nargs, *rows = malloc(n * sizeof *rows);
  if (!rows)
    return xiG_oom(g, pos, err);
  memcpy(rows, g->nodes[*out].x->args, n * sizeof *rows); /* (nodes move as they grow) */
  int rc = 0;
  for (uint32_t k = 0; k < n && rc == 0; k++)
    rc = number_list(g, rows[k], pos, &rows[k], err);
  if (rc == 0)
    rc = xiG_container(g, XI_C_LIST, rows, n, pos, out, err);
  free(rows);
  return rc;
}

int xiG_attr(xiG_graph *g, int which, uint32_t x, xi_pos pos, uint32_t *out, xi_err *err) {
  xiG_node *n = &g->nodes[x];
  if (which == XI_ATTR_NOVIEW) { /* r += 1 in a def, r a local: not a view of a held array */
    *out = x;
    return xiG_no_view(g, x, pos, err);
  }
  if (which == XI_ATTR_DTYPE) /* (a Python number has none: Python's or NumPy's) */
    return xiG_py_dtype(g, x, pos, out, err);
  if (which == XI_ATTR_PRINTOPTS) /* (its options are a tuple) */
    return xiX_fail(err, pos, "np.set_printoptions(...) is a statement of its own");
  if (n->op == XI_TUPLE && which == XI_ATTR_LEN)
    return xiG_number_at(g, n->x->nargs, pos, out, err);
  if (xiG_no_tuple(g, x, pos, "this", err))
    return -1;
  xi_shape sh = xiG_shape(n);
  uint32_t count = xiG_count(n);
  switch (which) {
  case XI_ATTR_NONZERO:
    return nonzero_tuple(g, x, pos, out, err);
  case XI_ATTR_BINCOUNT:
    return bincount(g, x, pos, out, err);
  case XI_ATTR_SHAPE: {
    uint32_t items[2];
    long dims[2] = {sh.rank == 2 ? sh.rows : sh.cols, sh.cols};
    for (int k = 0; k < sh.rank; k++)
      if (xiG_number_at(g, dims[k], pos, &items[k], err))
        return -1;
    if (xiG_tuple(g, items, sh.rank, pos, out, err))
      return -1;
    unsigned cone = g->ag.n ? xiG_ag_cone(g, x) : 0;
    if ((cone & XI_AGM_TORCH) && !(cone & XI_AGM_VALUE))
      g->nodes[*out].x->p[XI_C_TSIZE] = 1; /* a tensor's: torch.Size([2, 3]) */
    return 0;
  }
  case XI_ATTR_SIZE:
    return xiG_number_at(g, count, pos, out, err);
  case XI_ATTR_NDIM:
    return xiG_number_at(g, sh.rank, pos, out, err);
  case XI_ATTR_LEN:
    if (sh.rank == 0)
      return xiX_fail(err, pos, "len() of a scalar (it has no length; NumPy says so too)");
    return xiG_number_at(g, sh.rank == 2 ? sh.rows : sh.cols, pos, out, err);
  case XI_ATTR_ITEM:
    if (count != 1)
      return xiX_fail(err, pos, ".item() takes the one element of a value of size 1; this one "
                             "has %u", count);
    return python_number(g, x, pos, out, err); /* x[0].item(): Python's float */
  case XI_ATTR_FLATTEN:
    return xiG_as_shape(g, XI_RESHAPE, x, (xi_shape){1, 1, count}, pos, out, err);
  case XI_ATTR_FLOAT:
    if (xiG_dtype_of_flags(n->flags) == XI_DT_FLOAT && !sh.rank && !g->numpy) {
      *out = x; /* float(x) of a float is x (in Python's code a node of its own: Python's
                   float, which type(x) tells from NumPy's, tape/pytype.c) */
      return 0;
    }
    return xiG_op(g, XI_ASFLOAT, x, XI_NONE, NULL, pos, out, err);
  case XI_ATTR_ROUNDINT: /* (its value is whole already: the int of it is exact) */
    if (sh.rank || xiG_dtype_of_flags(n->flags) != XI_DT_FLOAT) {
      *out = x;
      return 0;
    }
    return whole(g, x, pos, out, err);
  case XI_ATTR_INT:
    return whole(g, x, pos, out, err);
  case XI_ATTR_UINT8: /* dtype='uint8', .astype(np.uint8): the whole numbers 0 to 255 */
    return whole(g, x, pos, out, err) ||
                   xiG_as_uint8(g, *out, pos, err)
               ? -1
               : 0;
  case XI_ATTR_ARRAY:
    return xiG_op(g, XI_ID, x, XI_NONE, NULL, pos, out, err); /* np.array(x) copies */
  case XI_ATTR_TOLIST:
    return tolist(g, x, sh.rank, pos, out, err);
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
  return xiG_as_shape(g, XI_RESHAPE, x, sh, pos, out, err);
}
