/* tops.c: shapes, forward rules and vector-Jacobian products of the
 * operations on whole tensors, with NumPy's conventions (reductions and
 * rounding are in rops.c, indexing in iops.c).  Values are row by
 * row; a vector is one row; a scalar is 1×1 with rank 0.  Every rule takes
 * the output first; a vjp adds into da (adjoints add up over consumers). */
#include <stdlib.h>
#include <string.h>

#include "ops/tops.h"
#include "ops/pool.h"

void xiO_shape_text(const xi_shape *s, char *buf, size_t n) {
  if (s->rank == 0)
    snprintf(buf, n, "() (a scalar)");
  else if (s->rank == 1)
    snprintf(buf, n, "(%u,)", s->cols);
  else
    snprintf(buf, n, "(%u, %u)", s->rows, s->cols);
}

int xiO_mismatch(const char *what, const xi_shape *a, const xi_shape *b, char *why,
                 size_t n) {
  char x[48], y[48];
  xiO_shape_text(a, x, sizeof x);
  xiO_shape_text(b, y, sizeof y);
  snprintf(why, n, "%s: shapes %s and %s", what, x, y);
  return -1;
}

int xiO_size_ok(const xi_shape *s, char *why, size_t n) {
  if ((uint64_t)s->rows * s->cols > XI_MAX_ELEMENTS) {
    snprintf(why, n, "a tensor of %llu elements is over the limit of %u",
             (unsigned long long)s->rows * s->cols, XI_MAX_ELEMENTS);
    return -1;
  }
  return 0;
}

int xiO_broadcast(xi_shape *out, const xi_shape *a, const xi_shape *b, char *why, size_t n) {
  out->rank = a->rank > b->rank ? a->rank : b->rank;
  /* a vector is one row, so it meets a matrix's rows, as NumPy aligns the last axis */
  if (a->rows != b->rows && a->rows != 1 && b->rows != 1)
    return xiO_mismatch("these shapes do not broadcast", a, b, why, n);
  if (a->cols != b->cols && a->cols != 1 && b->cols != 1)
    return xiO_mismatch("these shapes do not broadcast", a, b, why, n);
  out->rows = a->rows > b->rows ? a->rows : b->rows;
  out->cols = a->cols > b->cols ? a->cols : b->cols;
  if (out->rank < 2 && out->rows != 1) /* two vectors never make rows */
    return xiO_mismatch("these shapes do not broadcast", a, b, why, n);
  return xiO_size_ok(out, why, n);
}

int xiO_sh_broadcast(xi_shape *out, const xi_shape *a, const xi_shape *b, int32_t *p, char *why,
                     size_t n) {
  (void)p;
  return xiO_broadcast(out, a, b ? b : a, why, n);
}

/* ---- matrix product ---- */

/* A as rows×inner: a vector on the left is one row, on the right one column */
static void as_left(const xi_shape *s, uint32_t *r, uint32_t *c) {
  *r = s->rank == 2 ? s->rows : 1;
  *c = s->cols;
}
static void as_right(const xi_shape *s, uint32_t *r, uint32_t *c) {
  *r = s->rank == 2 ? s->rows : s->cols;
  *c = s->rank == 2 ? s->cols : 1;
}

int xiO_sh_matmul(xi_shape *out, const xi_shape *a, const xi_shape *b, int32_t *p, char *why,
                  size_t n) {
  (void)p;
  uint32_t ar, ac, br, bc;
  if (a->rank == 0 || b->rank == 0)
    return xiO_mismatch("@ needs vectors or matrices (use * for a scalar)", a, b, why, n);
  as_left(a, &ar, &ac);
  as_right(b, &br, &bc);
  if (ac != br)
    return xiO_mismatch("@ needs the inner dimensions to agree", a, b, why, n);
  out->rows = a->rank == 2 ? ar : 1;
  out->cols = b->rank == 2 ? bc : (a->rank == 2 ? ar : 1);
  if (a->rank == 2 && b->rank == 2)
    out->rank = 2;
  else if (a->rank == 1 && b->rank == 1)
    out->rank = 0, out->rows = out->cols = 1;
  else
    out->rank = 1, out->rows = 1, out->cols = a->rank == 2 ? ar : bc;
  return xiO_size_ok(out, why, n);
}

/* Scratch for dot products: the exact products, at the sum of the operands'
   precisions (a p-bit by q-bit product is exact in p + q bits), reused from
   call to call instead of an mpfr_init2/mpfr_clear per term as mpfr_dot does.
   One mpfr_sum of them is the correctly rounded dot product, bit for bit
   mpfr_dot's. */
static struct {
  __mpfr_struct *el;
  mpfr_ptr *ptr;
  uint32_t cap;
  mpfr_prec_t prec;
} scratch;

static int reserve(uint32_t len, mpfr_prec_t prec) {
  if (len <= scratch.cap && prec == scratch.prec)
    return 0;
  uint32_t cap = len > scratch.cap ? len : scratch.cap;
  __mpfr_struct *el = xiM_block(cap, prec);
  mpfr_ptr *ptr = malloc(cap * sizeof *ptr);
  if (!el || !ptr) {
    xiM_unblock(el);
    free(ptr);
    return -1;
  }
  xiM_unblock(scratch.el);
  free(scratch.ptr);
  for (uint32_t k = 0; k < cap; k++)
    ptr[k] = &el[k];
  scratch.el = el, scratch.ptr = ptr, scratch.cap = cap, scratch.prec = prec;
  return 0;
}

void xiO_scratch_free(void) {
  xiM_unblock(scratch.el);
  free(scratch.ptr);
  memset(&scratch, 0, sizeof scratch);
}

/* r = Σ a[k·as]·b[k·bs], correctly rounded; XI_RULE_STOPPED when out of memory */
static int dot(mpfr_ptr r, mpfr_ptr a, uint32_t astride, mpfr_ptr b, uint32_t bstride,
               uint32_t len) {
  if (len == 0) {
    mpfr_set_zero(r, 1);
    return 0;
  }
  if (xiO_fmt) /* an IEEE format: NumPy's order and accumulator */
    return xiO_fmt_dot(r, a, astride, b, bstride, len);
  if (reserve(len, mpfr_get_prec(a) + mpfr_get_prec(b)))
    return XI_RULE_STOPPED;
  for (uint32_t k = 0; k < len; k++)
    mpfr_mul(&scratch.el[k], &a[k * astride], &b[k * bstride], MPFR_RNDN); /* exact */
  mpfr_sum(r, scratch.ptr, len, MPFR_RNDN);
  return 0;
}

int xiO_tf_matmul(xiO_view *out, const xiO_view *a, const xiO_view *b, mpfr_ptr tmp) {
  uint32_t ar, ac, br, bc;
  as_left(&a->sh, &ar, &ac);
  as_right(&b->sh, &br, &bc);
  int rc = xiO_fmt ? xiO_fmt_matmul(out->el, bc, 1, 0, a->el, ac, 1, b->el, bc, 1, ar, ac, bc, tmp)
                   : 1; /* (the machine's numbers, in binary64 and binary32) */
  if (rc != 1)
    return rc;
  for (uint32_t i = 0; i < ar; i++)
    for (uint32_t j = 0; j < bc; j++)
      if (xiO_stopped() || dot(&out->el[i * bc + j], &a->el[i * ac], 1, &b->el[j], bc, ac))
        return XI_RULE_STOPPED;
  return 0;
}

int xiO_tv_matmul(int k, xiO_view *da, const xiO_view *g, const xiO_view *out, const xiO_view *a,
                  const xiO_view *b, mpfr_ptr tmp) {
  (void)out;
  uint32_t ar, ac, br, bc;
  as_left(&a->sh, &ar, &ac);
  as_right(&b->sh, &br, &bc);
  int rc = !xiO_fmt ? 1 /* (the machine's numbers, in binary64 and binary32) */
           : k == 0 ? xiO_fmt_matmul(da->el, ac, 1, 1, g->el, bc, 1, b->el, 1, bc, ar, bc, ac, tmp)
                    : xiO_fmt_matmul(da->el, bc, 1, 1, a->el, 1, ac, g->el, bc, 1, br, ar, bc, tmp);
  if (rc != 1)
    return rc;
  if (k == 0) { /* dA[i][m] += Σ_j G[i][j] B[m][j] */
    for (uint32_t i = 0; i < ar; i++)
      for (uint32_t m = 0; m < ac; m++) {
        if (xiO_stopped() || dot(tmp, &g->el[i * bc], 1, &b->el[m * bc], 1, bc))
          return XI_RULE_STOPPED;
        mpfr_add(&da->el[i * ac + m], &da->el[i * ac + m], tmp, MPFR_RNDN);
      }
  } else { /* dB[m][j] += Σ_i A[i][m] G[i][j] */
    for (uint32_t m = 0; m < br; m++)
      for (uint32_t j = 0; j < bc; j++) {
        if (xiO_stopped() || dot(tmp, &a->el[m], ac, &g->el[j], bc, ar))
          return XI_RULE_STOPPED;
        mpfr_add(&da->el[m * bc + j], &da->el[m * bc + j], tmp, MPFR_RNDN);
      }
  }
  return 0;
}

/* ---- transpose ---- */

int xiO_sh_transpose(xi_shape *out, const xi_shape *a, const xi_shape *b, int32_t *p, char *why,
                     size_t n) {
  (void)b, (void)p, (void)why, (void)n;
  *out = *a;
  if (a->rank == 2)
    out->rows = a->cols, out->cols = a->rows;
  return 0;
}

int xiO_tf_transpose(xiO_view *out, const xiO_view *a, const xiO_view *b, mpfr_ptr tmp) {
  (void)b, (void)tmp;
  uint32_t r = a->sh.rank == 2 ? a->sh.rows : 1, c = a->sh.cols;
  for (uint32_t i = 0; i < r; i++) {
    if (xiO_stopped())
      return XI_RULE_STOPPED;
    for (uint32_t j = 0; j < c; j++)
      mpfr_set(&out->el[j * r + i], &a->el[i * c + j], MPFR_RNDN);
  }
  return 0;
}

int xiO_tv_transpose(int k, xiO_view *da, const xiO_view *g, const xiO_view *out, const xiO_view *a,
                     const xiO_view *b, mpfr_ptr tmp) {
  (void)k, (void)out, (void)b, (void)tmp;
  uint32_t r = a->sh.rank == 2 ? a->sh.rows : 1, c = a->sh.cols;
  for (uint32_t i = 0; i < r; i++) {
    if (xiO_stopped())
      return XI_RULE_STOPPED;
    for (uint32_t j = 0; j < c; j++)
      mpfr_add(&da->el[i * c + j], &da->el[i * c + j], &g->el[j * r + i], MPFR_RNDN);
  }
  return 0;
}

/* ---- outer product ---- */

int xiO_sh_outer(xi_shape *out, const xi_shape *a, const xi_shape *b, int32_t *p, char *why,
                 size_t n) {
  (void)p;
  if (a->rank != 1 || b->rank != 1)
    return xiO_mismatch("outer needs two vectors", a, b, why, n);
  *out = (xi_shape){2, a->cols, b->cols};
  return xiO_size_ok(out, why, n);
}

int xiO_tf_outer(xiO_view *out, const xiO_view *a, const xiO_view *b, mpfr_ptr tmp) {
  (void)tmp;
  for (uint32_t i = 0; i < a->n; i++) {
    if (xiO_stopped())
      return XI_RULE_STOPPED;
    for (uint32_t j = 0; j < b->n; j++)
      mpfr_mul(&out->el[i * b->n + j], &a->el[i], &b->el[j], MPFR_RNDN);
  }
  return 0;
}

int xiO_tv_outer(int k, xiO_view *da, const xiO_view *g, const xiO_view *out, const xiO_view *a,
                 const xiO_view *b, mpfr_ptr tmp) {
  (void)out;
  uint32_t m = a->n, n = b->n;
  for (uint32_t i = 0; i < (k == 0 ? m : n); i++) {
    if (xiO_stopped() || (k == 0 ? dot(tmp, &g->el[i * n], 1, b->el, 1, n)
                                 : dot(tmp, &g->el[i], n, a->el, 1, m)))
      return XI_RULE_STOPPED;
    mpfr_add(&da->el[i], &da->el[i], tmp, MPFR_RNDN);
  }
  return 0;
}

/* ---- softmax family: along the last axis, row by row ---- */

int xiO_sh_same(xi_shape *out, const xi_shape *a, const xi_shape *b, int32_t *p, char *why,
                size_t n) {
  (void)b, (void)p, (void)why, (void)n;
  *out = *a;
  return 0;
}

/* out = z - max - log Σ exp(z - max) for one row of length c (log-sum-exp) */
static void log_softmax_row(mpfr_ptr out, mpfr_ptr z, uint32_t c, mpfr_ptr tmp) {
  uint32_t m = 0;
  for (uint32_t j = 1; j < c; j++)
    if (mpfr_greater_p(&z[j], &z[m]))
      m = j;
  mpfr_t s, t;
  mpfr_init2(s, mpfr_get_prec(tmp) + 32);
  mpfr_init2(t, mpfr_get_prec(tmp) + 32);
  mpfr_set_zero(s, 1);
  for (uint32_t j = 0; j < c; j++) {
    mpfr_sub(t, &z[j], &z[m], MPFR_RNDN);
    mpfr_exp(t, t, MPFR_RNDN);
    mpfr_add(s, s, t, MPFR_RNDN);
  }
  mpfr_log(s, s, MPFR_RNDN);
  mpfr_add(s, s, &z[m], MPFR_RNDN); /* log Σ exp(z) */
  for (uint32_t j = 0; j < c; j++)
    mpfr_sub(&out[j], &z[j], s, MPFR_RNDN);
  mpfr_clears(s, t, (mpfr_ptr)0);
}

static uint32_t nrows(const xiO_view *v) { return v->sh.rank == 2 ? v->sh.rows : 1; }

int xiO_tf_log_softmax(xiO_view *out, const xiO_view *a, const xiO_view *b, mpfr_ptr tmp) {
  (void)b;
  for (uint32_t i = 0; i < nrows(a); i++) {
    if (xiO_stopped())
      return XI_RULE_STOPPED;
    log_softmax_row(&out->el[i * a->sh.cols], &a->el[i * a->sh.cols], a->sh.cols, tmp);
  }
  return 0;
}

int xiO_tf_softmax(xiO_view *out, const xiO_view *a, const xiO_view *b, mpfr_ptr tmp) {
  int rc = xiO_tf_log_softmax(out, a, b, tmp);
  for (uint32_t k = 0; k < out->n && rc == 0; k++)
    mpfr_exp(&out->el[k], &out->el[k], MPFR_RNDN);
  return rc;
}

/* dz = s ⊙ (g - Σ g⊙s), row by row */
int xiO_tv_softmax(int k, xiO_view *da, const xiO_view *g, const xiO_view *out, const xiO_view *a,
                   const xiO_view *b, mpfr_ptr tmp) {
  (void)k, (void)b;
  uint32_t c = a->sh.cols;
  int rc = 0;
  mpfr_t t;
  mpfr_init2(t, mpfr_get_prec(tmp));
  for (uint32_t i = 0; i < nrows(a) && rc == 0; i++) {
    mpfr_ptr s = &out->el[i * c], gg = &g->el[i * c];
    if (xiO_stopped() || dot(tmp, gg, 1, s, 1, c)) {
      rc = XI_RULE_STOPPED;
      break;
    }
    for (uint32_t j = 0; j < c; j++) {
      mpfr_sub(t, &gg[j], tmp, MPFR_RNDN);
      mpfr_fma(&da->el[i * c + j], t, &s[j], &da->el[i * c + j], MPFR_RNDN);
    }
  }
  mpfr_clear(t);
  return rc;
}

/* dz = g - softmax(z) Σ g, row by row */
int xiO_tv_log_softmax(int k, xiO_view *da, const xiO_view *g, const xiO_view *out,
                       const xiO_view *a, const xiO_view *b, mpfr_ptr tmp) {
  (void)k, (void)b;
  uint32_t c = a->sh.cols;
  mpfr_t p;
  mpfr_init2(p, mpfr_get_prec(tmp));
  for (uint32_t i = 0; i < nrows(a) && !xiO_stopped(); i++) {
    mpfr_ptr gg = &g->el[i * c];
    mpfr_set_zero(tmp, 1);
    for (uint32_t j = 0; j < c; j++)
      mpfr_add(tmp, tmp, &gg[j], MPFR_RNDN);
    for (uint32_t j = 0; j < c; j++) {
      mpfr_exp(p, &out->el[i * c + j], MPFR_RNDN);
      mpfr_mul(p, p, tmp, MPFR_RNDN);
      mpfr_sub(p, &gg[j], p, MPFR_RNDN);
      mpfr_add(&da->el[i * c + j], &da->el[i * c + j], p, MPFR_RNDN);
    }
  }
  mpfr_clear(p);
  return xiO_stopped() ? XI_RULE_STOPPED : 0;
}

/* ---- cross-entropy with class-index labels ---- */

int xiO_sh_ce(xi_shape *out, const xi_shape *a, const xi_shape *b, int32_t *p, char *why,
              size_t n) {
  (void)p;
  uint32_t batch = a->rank == 2 ? a->rows : 1;
  uint32_t labels = b->rank == 0 ? 1 : b->cols;
  if (a->rank == 0 || b->rank == 2 || labels != batch)
    return xiO_mismatch("cross_entropy needs logits (batch, classes) and one label per row", a,
                    b, why, n);
  *out = (xi_shape){0, 1, 1};
  return 0;
}

static long label_of(const xiO_view *b, uint32_t i, uint32_t classes) {
  mpfr_srcptr y = b->sh.rank == 0 ? b->el : &b->el[i];
  if (!mpfr_integer_p(y) || mpfr_sgn(y) < 0 || mpfr_cmp_ui(y, classes) >= 0)
    return -1;
  return mpfr_get_si(y, MPFR_RNDN);
}

int xiO_tf_ce(xiO_view *out, const xiO_view *a, const xiO_view *b, mpfr_ptr tmp) {
  uint32_t c = a->sh.cols, rows = nrows(a);
  mpfr_ptr row = malloc(c * sizeof *row);
  if (!row)
    return XI_RULE_STOPPED;
  for (uint32_t j = 0; j < c; j++)
    mpfr_init2(&row[j], mpfr_get_prec(tmp));
  mpfr_set_zero(out->el, 1);
  int rc = 0;
  for (uint32_t i = 0; i < rows; i++) {
    long y = label_of(b, i, c);
    if (y < 0 || xiO_stopped()) { /* a label that is not a class: the node reports it */
      mpfr_set_nan(out->el);
      rc = y < 0 ? XI_RULE_DOMAIN : XI_RULE_STOPPED;
      break;
    }
    log_softmax_row(row, &a->el[i * c], c, tmp);
    mpfr_sub(out->el, out->el, &row[y], MPFR_RNDN);
  }
  if (rc == 0)
    mpfr_div_ui(out->el, out->el, rows, MPFR_RNDN);
  for (uint32_t j = 0; j < c; j++)
    mpfr_clear(&row[j]);
  free(row);
  return rc;
}

/* dz = g·(softmax(z) - onehot(y))/batch: the shortcut δ = p - y */
int xiO_tv_ce(int k, xiO_view *da, const xiO_view *g, const xiO_view *out, const xiO_view *a,
              const xiO_view *b, mpfr_ptr tmp) {
  (void)out;
  if (k != 0)
    return 0; /* labels are not differentiable */
  uint32_t c = a->sh.cols, rows = nrows(a);
  mpfr_ptr row = malloc(c * sizeof *row);
  if (!row)
    return XI_RULE_STOPPED;
  for (uint32_t j = 0; j < c; j++)
    mpfr_init2(&row[j], mpfr_get_prec(tmp));
  for (uint32_t i = 0; i < rows && !xiO_stopped(); i++) {
    long y = label_of(b, i, c);
    log_softmax_row(row, &a->el[i * c], c, tmp);
    for (uint32_t j = 0; j < c; j++) {
      mpfr_exp(tmp, &row[j], MPFR_RNDN); /* p_j */
      if ((long)j == y)
        mpfr_sub_ui(tmp, tmp, 1, MPFR_RNDN);
      mpfr_mul(tmp, tmp, g->el, MPFR_RNDN);
      mpfr_div_ui(tmp, tmp, rows, MPFR_RNDN);
      mpfr_add(&da->el[i * c + j], &da->el[i * c + j], tmp, MPFR_RNDN);
    }
  }
  for (uint32_t j = 0; j < c; j++)
    mpfr_clear(&row[j]);
  free(row);
  return xiO_stopped() ? XI_RULE_STOPPED : 0;
}

