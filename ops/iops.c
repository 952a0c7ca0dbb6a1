/* iops.c: indexing.  INDEX takes fixed indices (v[i], M[i, :]) as parameters. */
#include "ops/tops.h"

/* ---- indexing: p[0], p[1] are the indices (XI_COLON for ':') ---- */

static int norm_index(int32_t *i, uint32_t len, char *why, size_t n) {
  if (*i == XI_COLON)
    return 0;
  int64_t k = *i < 0 ? (int64_t)*i + len : *i;
  if (k < 0 || k >= (int64_t)len) {
    snprintf(why, n, "index %d is out of range for a length of %u", *i, len);
    return -1;
  }
  *i = (int32_t)k;
  return 0;
}

/* Index parameters are kept canonical, so that building an index again from
   a node's own parameters gives the same node: a vector's index is p[0] with
   p[1] = INT32_MAX; a matrix's are p[0], p[1], each a row or column or ':'. */
int sh_index(xi_shape *out, const xi_shape *a, const xi_shape *b, int32_t *p, char *why,
             size_t n) {
  (void)b;
  int given = p[1] == INT32_MAX ? 1 : 2; /* INT32_MAX: no second index */
  if (a->rank == 0 || given > a->rank) {
    snprintf(why, n, "%d ind%s for a value of rank %d", given, given == 1 ? "ex" : "ices",
             a->rank);
    return -1;
  }
  if (a->rank == 1) {
    if (norm_index(&p[0], a->cols, why, n))
      return -1;
    *out = p[0] == XI_COLON ? *a : (xi_shape){0, 1, 1};
    return 0;
  }
  if (given == 1)
    p[1] = XI_COLON; /* M[i] is M[i, :] */
  if (norm_index(&p[0], a->rows, why, n) || norm_index(&p[1], a->cols, why, n))
    return -1;
  if (p[0] == XI_COLON && p[1] == XI_COLON)
    *out = *a;
  else if (p[0] == XI_COLON)
    *out = (xi_shape){1, 1, a->rows};
  else if (p[1] == XI_COLON)
    *out = (xi_shape){1, 1, a->cols};
  else
    *out = (xi_shape){0, 1, 1};
  return 0;
}

/* the element of the indexed value (cols columns) that element k of the
   indexed part is */
uint32_t xiO_picked(const int32_t *p, uint32_t cols, uint32_t k) {
  int32_t i = p[0], j = p[1];
  if (j == INT32_MAX) /* a vector */
    return i == XI_COLON ? k : (uint32_t)i;
  if (i == XI_COLON && j == XI_COLON)
    return k;
  if (i == XI_COLON)
    return k * cols + (uint32_t)j;
  if (j == XI_COLON)
    return (uint32_t)i * cols + k;
  return (uint32_t)i * cols + (uint32_t)j;
}

int tf_index(xiO_view *out, const xiO_view *a, const xiO_view *b, mpfr_ptr tmp) {
  (void)b, (void)tmp;
  for (uint32_t k = 0; k < out->n; k++)
    mpfr_set(&out->el[k], &a->el[xiO_picked(out->p, a->sh.cols, k)], MPFR_RNDN);
  return 0;
}

int tv_index(int k, xiO_view *da, const xiO_view *g, const xiO_view *out, const xiO_view *a,
             const xiO_view *b, mpfr_ptr tmp) {
  (void)k, (void)b, (void)tmp;
  for (uint32_t q = 0; q < out->n; q++) {
    uint32_t e = xiO_picked(out->p, a->sh.cols, q);
    mpfr_add(&da->el[e], &da->el[e], &g->el[q], MPFR_RNDN);
  }
  return 0;
}

