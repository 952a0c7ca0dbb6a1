/* rops.c: reductions (sum, mean, max) with NumPy's conventions. */
#include <stdlib.h>

#include "ops/tops.h"

/* ---- sums and means: p[0] is the axis, or -2 for all ---- */

#define ALL_AXES XI_ALL_AXES

int sh_reduce(xi_shape *out, const xi_shape *a, const xi_shape *b, int32_t *p, char *why,
              size_t n) {
  (void)b;
  int32_t axis = p[0];
  if (axis == ALL_AXES || a->rank == 0) {
    p[0] = ALL_AXES;
    *out = (xi_shape){0, 1, 1};
    return 0;
  }
  if (axis < 0)
    axis += a->rank;
  if (axis < 0 || axis >= a->rank) {
    snprintf(why, n, "axis %d does not exist for a value of rank %d", p[0], a->rank);
    return -1;
  }
  if (a->rank == 1) { /* the one axis of a vector: all of it */
    p[0] = ALL_AXES;
    *out = (xi_shape){0, 1, 1};
    return 0;
  }
  p[0] = axis;
  *out = (xi_shape){1, 1, axis == 0 ? a->cols : a->rows};
  return 0;
}

/* which output element element (i, j) of the input adds into */
static uint32_t reduce_slot(int32_t axis, uint32_t i, uint32_t j) {
  return axis == ALL_AXES ? 0 : axis == 0 ? j : i;
}

static int reduce(xiO_view *out, const xiO_view *a, int mean) {
  int32_t axis = out->p[0];
  uint32_t r = a->sh.rank == 2 ? a->sh.rows : 1, c = a->sh.cols;
  /* output k sums len terms, step apart from first: all of them, a column, or a row */
  uint32_t len = axis == ALL_AXES ? r * c : axis == 0 ? r : c;
  uint32_t step = axis == 0 ? c : 1;
  mpfr_ptr *terms = malloc((len ? len : 1) * sizeof *terms);
  if (!terms)
    return XI_RULE_STOPPED;
  for (uint32_t k = 0; k < out->n; k++) {
    if (xiO_stopped()) {
      free(terms);
      return XI_RULE_STOPPED;
    }
    uint32_t first = axis == ALL_AXES ? 0 : axis == 0 ? k : k * c;
    for (uint32_t t = 0; t < len; t++)
      terms[t] = &a->el[first + t * step];
    mpfr_sum(&out->el[k], terms, len, MPFR_RNDN); /* one rounding per output element */
    if (mean)
      mpfr_div_ui(&out->el[k], &out->el[k], len, MPFR_RNDN);
  }
  free(terms);
  return 0;
}

int tf_sum(xiO_view *out, const xiO_view *a, const xiO_view *b, mpfr_ptr tmp) {
  (void)b, (void)tmp;
  return reduce(out, a, 0);
}
int tf_mean(xiO_view *out, const xiO_view *a, const xiO_view *b, mpfr_ptr tmp) {
  (void)b, (void)tmp;
  return reduce(out, a, 1);
}

static int reduce_back(xiO_view *da, const xiO_view *g, const xiO_view *out,
                       const xiO_view *a, int mean, mpfr_ptr tmp) {
  int32_t axis = out->p[0];
  uint32_t r = a->sh.rank == 2 ? a->sh.rows : 1, c = a->sh.cols;
  uint32_t len = axis == ALL_AXES ? r * c : axis == 0 ? r : c;
  for (uint32_t i = 0; i < r; i++)
    for (uint32_t j = 0; j < c; j++) {
      if (xiO_stopped())
        return XI_RULE_STOPPED;
      mpfr_srcptr gk = &g->el[reduce_slot(axis, i, j)];
      if (mean) {
        mpfr_div_ui(tmp, gk, len, MPFR_RNDN);
        gk = tmp;
      }
      mpfr_add(&da->el[i * c + j], &da->el[i * c + j], gk, MPFR_RNDN);
    }
  return 0;
}

int tv_sum(int k, xiO_view *da, const xiO_view *g, const xiO_view *out, const xiO_view *a,
           const xiO_view *b, mpfr_ptr tmp) {
  (void)k, (void)b;
  return reduce_back(da, g, out, a, 0, tmp);
}
int tv_mean(int k, xiO_view *da, const xiO_view *g, const xiO_view *out, const xiO_view *a,
            const xiO_view *b, mpfr_ptr tmp) {
  (void)k, (void)b;
  return reduce_back(da, g, out, a, 1, tmp);
}

/* ---- max ---- */

int sh_scalar(xi_shape *out, const xi_shape *a, const xi_shape *b, int32_t *p, char *why,
              size_t n) {
  (void)a, (void)b, (void)p, (void)why, (void)n;
  *out = (xi_shape){0, 1, 1};
  return 0;
}

uint32_t xiO_argmax(const xiO_view *a) {
  uint32_t best = 0;
  for (uint32_t k = 1; k < a->n; k++)
    if (mpfr_greater_p(&a->el[k], &a->el[best]))
      best = k;
  return best;
}

int tf_max(xiO_view *out, const xiO_view *a, const xiO_view *b, mpfr_ptr tmp) {
  (void)b, (void)tmp;
  mpfr_set(out->el, &a->el[xiO_argmax(a)], MPFR_RNDN);
  return 0;
}

int tv_max(int k, xiO_view *da, const xiO_view *g, const xiO_view *out, const xiO_view *a,
           const xiO_view *b, mpfr_ptr tmp) {
  (void)k, (void)out, (void)b, (void)tmp;
  uint32_t m = xiO_argmax(a);
  mpfr_add(&da->el[m], &da->el[m], g->el, MPFR_RNDN);
  return 0;
}
