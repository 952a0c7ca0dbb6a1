/* sops.c: slices, joins and masks.  SLICE reads a slice with bounds and steps
 * (X[1:3, ::2], v[::-1]), SLICESET writes one (X[:2] = v, a new value);
 * CONCAT joins two values along an axis; NONZERO lists a mask's nonzero
 * elements as an index table (x[mask] is GATHER of it).  Their derivatives
 * are one of them again, so derivatives of derivatives close:
 *   SLICE(a)        ∂/∂a: SLICESET(zeros like a, g)
 *   SLICESET(a, b)  ∂/∂a: SLICESET(g, zeros like b); ∂/∂b: SLICE(g)
 *   CONCAT(a, b)    ∂/∂a, ∂/∂b: SLICE(g), each its part
 * A slice's parameters: p[0], p[1] its first row and row step, p[5], p[6]
 * its first column and column step (a vector's are its columns; its row is
 * 0, step 1); SLICE's p[2..4] the slice's shape, SLICESET's is b's. */
#include "ops/tops.h"

/* ---- where a slice is ---- */

static int64_t last_of(int32_t start, int32_t step, uint32_t len) {
  return (int64_t)start + (int64_t)(len - 1) * step;
}

/* the slice p of len elements in an axis of dim: every element inside */
static int axis_ok(int32_t start, int32_t step, uint32_t len, uint32_t dim, char *why,
                   size_t n) {
  int64_t last = last_of(start, step, len);
  if (step == 0 || len == 0 || start < 0 || (uint32_t)start >= dim || last < 0 ||
      last >= (int64_t)dim) {
    snprintf(why, n, "a slice of %u from %d in steps of %d is outside an axis of %u", len,
             start, step, dim);
    return -1;
  }
  return 0;
}

/* the slice p of shape s in a value of shape a; a vector's row is 0, step 1 */
static int slice_ok(const xi_shape *a, const int32_t *p, const xi_shape *s, char *why,
                    size_t n) {
  if (a->rank == 0 || s->rank != a->rank)
    return xiO_mismatch("a slice has its value's axes", a, s, why, n);
  if (a->rank == 1 && (p[0] != 0 || p[1] != 1)) {
    snprintf(why, n, "a vector's slice has no rows");
    return -1;
  }
  return axis_ok(p[0], p[1], s->rows, a->rows, why, n) ||
         axis_ok(p[5], p[6], s->cols, a->cols, why, n);
}

/* the element of a value with cols columns that element q of the slice p,
   scols columns wide, is */
static uint32_t at(const int32_t *p, uint32_t cols, uint32_t scols, uint32_t q) {
  uint32_t i = q / scols, j = q % scols;
  return (uint32_t)(p[0] + (int32_t)i * p[1]) * cols + (uint32_t)(p[5] + (int32_t)j * p[6]);
}

/* element e of a value with cols columns lies in the slice p of shape s */
static int inside(const int32_t *p, const xi_shape *s, uint32_t cols, uint32_t e) {
  int64_t i = (int64_t)(e / cols) - p[0], j = (int64_t)(e % cols) - p[5];
  return i % p[1] == 0 && j % p[6] == 0 && i / p[1] >= 0 && i / p[1] < s->rows &&
         j / p[6] >= 0 && j / p[6] < s->cols;
}

/* ---- SLICE ---- */

int xiO_sh_slice(xi_shape *out, const xi_shape *a, const xi_shape *b, int32_t *p, char *why,
             size_t n) {
  (void)b;
  *out = (xi_shape){(uint8_t)p[2], (uint32_t)p[3], (uint32_t)p[4]};
  if (p[2] < 1 || p[2] > 2 || p[3] < 1 || p[4] < 1 || (p[2] == 1 && p[3] != 1)) {
    snprintf(why, n, "slice: a shape of rank %d, %d × %d", p[2], p[3], p[4]);
    return -1;
  }
  return slice_ok(a, p, out, why, n);
}

int xiO_tf_slice(xiO_view *out, const xiO_view *a, const xiO_view *b, mpfr_ptr tmp) {
  (void)b, (void)tmp;
  for (uint32_t q = 0; q < out->n; q++) {
    if ((q & 1023) == 0 && xiO_stopped())
      return XI_RULE_STOPPED;
    mpfr_set(&out->el[q], &a->el[at(out->p, a->sh.cols, out->sh.cols, q)], MPFR_RNDN);
  }
  return 0;
}

int xiO_tv_slice(int k, xiO_view *da, const xiO_view *g, const xiO_view *out, const xiO_view *a,
             const xiO_view *b, mpfr_ptr tmp) {
  (void)k, (void)b, (void)tmp;
  for (uint32_t q = 0; q < out->n; q++) {
    if ((q & 1023) == 0 && xiO_stopped())
      return XI_RULE_STOPPED;
    mpfr_ptr d = &da->el[at(out->p, a->sh.cols, out->sh.cols, q)];
    mpfr_add(d, d, &g->el[q], MPFR_RNDN);
  }
  return 0;
}

/* ---- SLICESET: a with b in the slice ---- */

int xiO_sh_sliceset(xi_shape *out, const xi_shape *a, const xi_shape *b, int32_t *p, char *why,
                size_t n) {
  p[2] = p[3] = p[4] = 0; /* b's shape is the slice's */
  if (slice_ok(a, p, b, why, n))
    return -1;
  *out = *a;
  return 0;
}

int xiO_tf_sliceset(xiO_view *out, const xiO_view *a, const xiO_view *b, mpfr_ptr tmp) {
  (void)tmp;
  for (uint32_t e = 0; e < out->n; e++) {
    if ((e & 1023) == 0 && xiO_stopped())
      return XI_RULE_STOPPED;
    mpfr_set(&out->el[e], &a->el[e], MPFR_RNDN);
  }
  for (uint32_t q = 0; q < b->n; q++) /* exactly b's values */
    mpfr_set(&out->el[at(out->p, a->sh.cols, b->sh.cols, q)], &b->el[q], MPFR_RNDN);
  return 0;
}

int xiO_tv_sliceset(int k, xiO_view *da, const xiO_view *g, const xiO_view *out, const xiO_view *a,
                const xiO_view *b, mpfr_ptr tmp) {
  (void)tmp;
  if (k == 1) { /* b: g's slice */
    for (uint32_t q = 0; q < b->n; q++)
      mpfr_add(&da->el[q], &da->el[q], &g->el[at(out->p, a->sh.cols, b->sh.cols, q)],
               MPFR_RNDN);
    return 0;
  }
  for (uint32_t e = 0; e < a->n; e++) { /* a: g but in the slice, where b replaced it */
    if ((e & 1023) == 0 && xiO_stopped())
      return XI_RULE_STOPPED;
    if (!inside(out->p, &b->sh, a->sh.cols, e))
      mpfr_add(&da->el[e], &da->el[e], &g->el[e], MPFR_RNDN);
  }
  return 0;
}

/* ---- CONCAT: b after a, along p[0] ---- */

/* the axis joined is the rows (a matrix's axis 0), else the columns */
static int joins_rows(const xi_shape *a, const int32_t *p) { return a->rank == 2 && p[0] == 0; }

int xiO_sh_concat(xi_shape *out, const xi_shape *a, const xi_shape *b, int32_t *p, char *why,
              size_t n) {
  if (a->rank == 0 || b->rank == 0) {
    snprintf(why, n, "zero-dimensional arrays cannot be concatenated (NumPy says so too): "
                     "make them vectors, np.array([x])");
    return -1;
  }
  if (a->rank != b->rank)
    return xiO_mismatch("concatenate needs values of the same number of axes", a, b, why, n);
  int32_t axis = p[0] < 0 ? p[0] + a->rank : p[0];
  if (axis < 0 || axis >= a->rank) {
    snprintf(why, n, "axis %d does not exist for a value of rank %d", p[0], a->rank);
    return -1;
  }
  p[0] = axis;
  p[1] = INT32_MAX;
  *out = *a;
  if (joins_rows(a, p) ? a->cols != b->cols : a->rows != b->rows)
    return xiO_mismatch("concatenate needs the other axes to agree", a, b, why, n);
  if (joins_rows(a, p))
    out->rows = a->rows + b->rows;
  else
    out->cols = a->cols + b->cols;
  return xiO_size_ok(out, why, n);
}

/* where element q of x (a or b, k 0 or 1) is in the joined value */
static uint32_t joined(const xiO_view *out, const xiO_view *a, const xi_shape *x, int k,
                       uint32_t q) {
  if (joins_rows(&a->sh, out->p))
    return k ? a->n + q : q;
  uint32_t i = q / x->cols, j = q % x->cols;
  return i * out->sh.cols + (k ? a->sh.cols : 0) + j;
}

int xiO_tf_concat(xiO_view *out, const xiO_view *a, const xiO_view *b, mpfr_ptr tmp) {
  (void)tmp;
  for (int k = 0; k < 2; k++) {
    const xiO_view *x = k ? b : a;
    for (uint32_t q = 0; q < x->n; q++) {
      if ((q & 1023) == 0 && xiO_stopped())
        return XI_RULE_STOPPED;
      mpfr_set(&out->el[joined(out, a, &x->sh, k, q)], &x->el[q], MPFR_RNDN);
    }
  }
  return 0;
}

int xiO_tv_concat(int k, xiO_view *da, const xiO_view *g, const xiO_view *out, const xiO_view *a,
              const xiO_view *b, mpfr_ptr tmp) {
  (void)tmp;
  const xiO_view *x = k ? b : a;
  for (uint32_t q = 0; q < x->n; q++) {
    if ((q & 1023) == 0 && xiO_stopped())
      return XI_RULE_STOPPED;
    mpfr_add(&da->el[q], &da->el[q], &g->el[joined(out, a, &x->sh, k, q)], MPFR_RNDN);
  }
  return 0;
}

/* ---- NONZERO: the index table of a mask (p[2..4]: its shape, fixed when the
   node was built; a mask that now has another count is a domain error) ---- */

int xiO_tf_nonzero(xiO_view *out, const xiO_view *a, const xiO_view *b, mpfr_ptr tmp) {
  (void)b, (void)tmp;
  uint32_t count = 0, n = out->sh.cols;
  if (a->sh.rank == 0 || out->sh.rows != a->sh.rank)
    return XI_RULE_DOMAIN;
  for (uint32_t e = 0; e < a->n; e++) {
    if ((e & 1023) == 0 && xiO_stopped())
      return XI_RULE_STOPPED;
    if (mpfr_zero_p(&a->el[e])) /* NaN is true, as in NumPy */
      continue;
    if (count == n)
      return XI_RULE_DOMAIN;
    if (a->sh.rank == 2) {
      mpfr_set_ui(&out->el[count], e / a->sh.cols, MPFR_RNDN);
      mpfr_set_ui(&out->el[n + count], e % a->sh.cols, MPFR_RNDN);
    } else {
      mpfr_set_ui(&out->el[count], e, MPFR_RNDN);
    }
    count++;
  }
  return count == n ? 0 : XI_RULE_DOMAIN;
}

/* ---- the derivatives built as nodes ---- */

/* zeros of x's shape: the constant 0 spread */
static uint32_t zeros_like(xiO_build *bd, uint32_t x) {
  int32_t p[XI_NPARAMS] = {0, 0, 0, 0, 0, 0, 0};
  xiO_shape_params(p, bd->shape(bd, x));
  return bd->op(bd, XI_BROADCAST, bd->num(bd, 0), XI_NONE, p);
}

/* op with the slice of params p, and (SLICE) the shape sh */
static uint32_t sliced(xiO_build *bd, int op, uint32_t a, uint32_t b, const int32_t *s,
                       xi_shape sh) {
  int32_t p[XI_NPARAMS] = {s[0], s[1], 0, 0, 0, s[5], s[6]};
  if (op == XI_SLICE)
    xiO_shape_params(p, sh);
  return bd->op(bd, op, a, b, p);
}

uint32_t xiO_tg_slice(xiO_build *bd, int k, uint32_t g, uint32_t out, uint32_t a, uint32_t b) {
  (void)k, (void)b;
  return sliced(bd, XI_SLICESET, zeros_like(bd, a), g, bd->params(bd, out), bd->shape(bd, g));
}

uint32_t xiO_tg_sliceset(xiO_build *bd, int k, uint32_t g, uint32_t out, uint32_t a, uint32_t b) {
  (void)a;
  const int32_t *p = bd->params(bd, out);
  if (k == 0)
    return sliced(bd, XI_SLICESET, g, zeros_like(bd, b), p, bd->shape(bd, b));
  return sliced(bd, XI_SLICE, g, XI_NONE, p, bd->shape(bd, b));
}

uint32_t xiO_tg_concat(xiO_build *bd, int k, uint32_t g, uint32_t out, uint32_t a, uint32_t b) {
  xi_shape sa = bd->shape(bd, a), sx = bd->shape(bd, k ? b : a);
  const int32_t *p = bd->params(bd, out);
  int rows = sa.rank == 2 && p[0] == 0;
  int32_t s[XI_NPARAMS] = {rows && k ? (int32_t)sa.rows : 0, 1, 0, 0, 0,
                           !rows && k ? (int32_t)sa.cols : 0, 1};
  return sliced(bd, XI_SLICE, g, XI_NONE, s, sx);
}

/* ---- diag: a vector onto a square matrix's diagonal, or the diagonal back ---- */

/* NumPy's np.diag takes a matrix of any shape; xi takes square ones, whose
   diagonal's derivative is diag again (a 2×3's would need the zeros padded) */
int xiO_sh_diag(xi_shape *out, const xi_shape *a, const xi_shape *b, int32_t *p, char *why,
                size_t n) {
  (void)b, (void)p;
  if (a->rank == 1) {
    *out = (xi_shape){2, a->cols, a->cols};
    return xiO_size_ok(out, why, n);
  }
  if (a->rank == 2 && a->rows == a->cols) {
    *out = (xi_shape){1, 1, a->cols};
    return 0;
  }
  if (a->rank == 2)
    snprintf(why, n, "diag takes a vector or a square matrix, not a %u×%u matrix (M[i, i] for "
                     "i in range(%u) picks its diagonal)", a->rows, a->cols,
             a->rows < a->cols ? a->rows : a->cols);
  else
    snprintf(why, n, "diag takes a vector or a square matrix, not a number (np.diag: \"Input "
                     "must be 1- or 2-d.\")");
  return -1;
}

int xiO_tf_diag(xiO_view *out, const xiO_view *a, const xiO_view *b, mpfr_ptr tmp) {
  (void)b, (void)tmp;
  uint32_t n = a->sh.cols;
  if (a->sh.rank == 2) {
    for (uint32_t i = 0; i < n; i++)
      mpfr_set(&out->el[i], &a->el[i * n + i], MPFR_RNDN);
    return 0;
  }
  for (uint32_t i = 0; i < n; i++) {
    if (xiO_stopped())
      return XI_RULE_STOPPED;
    for (uint32_t j = 0; j < n; j++)
      if (i == j)
        mpfr_set(&out->el[i * n + j], &a->el[i], MPFR_RNDN);
      else
        mpfr_set_zero(&out->el[i * n + j], 1);
  }
  return 0;
}

int xiO_tv_diag(int k, xiO_view *da, const xiO_view *g, const xiO_view *out, const xiO_view *a,
                const xiO_view *b, mpfr_ptr tmp) {
  (void)k, (void)out, (void)b, (void)tmp;
  uint32_t n = a->sh.cols;
  for (uint32_t i = 0; i < n; i++)
    if (a->sh.rank == 2)
      mpfr_add(&da->el[i * n + i], &da->el[i * n + i], &g->el[i], MPFR_RNDN);
    else
      mpfr_add(&da->el[i], &da->el[i], &g->el[i * n + i], MPFR_RNDN);
  return 0;
}
