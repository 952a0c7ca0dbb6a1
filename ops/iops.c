/* iops.c: indexing.  INDEX takes fixed indices (v[i], M[i, :]) as parameters;
 * the integer-array rows (GATHER, SCATTERADD, PUT, MASKOUT) take their
 * indices as a value, an index table: a matrix whose first k rows index the
 * target (k = 1 for a vector; 2 for a matrix, row indices then column
 * indices), one column per element picked.  PUT's table has one more row, the
 * values to put.  Each derivative of these rows is one of them again, so
 * derivatives of derivatives close:
 *   GATHER(a, T)      ∂/∂a: SCATTERADD(g, T) (repeated indices add up)
 *   SCATTERADD(v, T)  ∂/∂v: GATHER(g, T)
 *   PUT(a, T)         ∂/∂a: MASKOUT(g, T); ∂/∂T: GATHER(g, T) in mode 1
 *   MASKOUT(a, T)     ∂/∂a: MASKOUT(g, T)
 * GATHER and SCATTERADD have a mode p[0]: 0 plain; 1 the values row of a
 * table (k+1 rows, the index rows zero), where only the last of repeated
 * indices counts, as only the last write of a PUT stays. */
#include <stdlib.h>
#include <string.h>

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
int xiO_sh_index(xi_shape *out, const xi_shape *a, const xi_shape *b, int32_t *p, char *why,
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

int xiO_tf_index(xiO_view *out, const xiO_view *a, const xiO_view *b, mpfr_ptr tmp) {
  (void)b, (void)tmp;
  for (uint32_t k = 0; k < out->n; k++)
    mpfr_set(&out->el[k], &a->el[xiO_picked(out->p, a->sh.cols, k)], MPFR_RNDN);
  return 0;
}

int xiO_tv_index(int k, xiO_view *da, const xiO_view *g, const xiO_view *out, const xiO_view *a,
                 const xiO_view *b, mpfr_ptr tmp) {
  (void)k, (void)b, (void)tmp;
  for (uint32_t q = 0; q < out->n; q++) {
    uint32_t e = xiO_picked(out->p, a->sh.cols, q);
    mpfr_add(&da->el[e], &da->el[e], &g->el[q], MPFR_RNDN);
  }
  return 0;
}

/* ---- integer-array indexing ---- */

/* the shape of a table's target checked against the table: k index rows
   (k = the target's rank), or k + 1 when values may follow (more: 1) */
static int table_ok(const char *what, const xi_shape *target, const xi_shape *t, int more,
                    int must, char *why, size_t n) {
  if (!t) {
    snprintf(why, n, "integer-array indexing needs an index table");
    return -1;
  }
  if (target->rank == 0) {
    snprintf(why, n, "a scalar has no elements to index");
    return -1;
  }
  uint32_t k = target->rank;
  int values = t->rows == k + 1; /* a row of values after the indices */
  if (t->rank != 2 || (must ? !values : t->rows != k && !(more && values)))
    return xiO_mismatch(what, target, t, why, n);
  return 0;
}

/* the element of a value shaped s that column q of table t names, or -1 when
   the column holds something other than indices into s (the caller
   guarantees whole numbers in range; a rule never reads outside) */
static int64_t element_at(const xiO_view *t, const xi_shape *s, uint32_t q) {
  uint64_t e = 0;
  for (uint32_t r = 0; r < s->rank; r++) {
    uint32_t len = s->rank == 2 && r == 0 ? s->rows : s->cols;
    int64_t i = xiO_index_of(&t->el[r * t->sh.cols + q], len);
    if (i < 0)
      return -1;
    e = e * len + (uint64_t)i;
  }
  return (int64_t)e;
}

/* What a rule needs of its table: at[q], the element column q names in a
   value shaped s; when win is asked for, win[q] = 1 when column q is the
   last to name its element; when hit is asked for, hit[e] = 1 for each
   element named.  0, XI_RULE_DOMAIN (not an index) or XI_RULE_STOPPED. */
typedef struct {
  uint32_t *at;
  uint8_t *win, *hit;
} picks;

static void picks_free(picks *pk) {
  free(pk->at);
  free(pk->win);
  free(pk->hit);
  memset(pk, 0, sizeof *pk);
}

static int picks_of(const xiO_view *t, const xi_shape *s, int want_win, int want_hit,
                    picks *pk) {
  uint32_t n = t->sh.cols, size = s->rows * s->cols;
  memset(pk, 0, sizeof *pk);
  pk->at = malloc(n * sizeof *pk->at);
  pk->hit = want_win || want_hit ? calloc(size, 1) : NULL; /* a byte per element of s */
  pk->win = want_win ? malloc(n) : NULL;
  if (!pk->at || ((want_win || want_hit) && !pk->hit) || (want_win && !pk->win)) {
    picks_free(pk);
    return XI_RULE_STOPPED;
  }
  for (uint32_t q = 0; q < n; q++) {
    int64_t e = element_at(t, s, q);
    if (e < 0) {
      picks_free(pk);
      return XI_RULE_DOMAIN;
    }
    pk->at[q] = (uint32_t)e;
  }
  if (want_win) /* backwards: the first seen is the last written */
    for (uint32_t q = n; q-- > 0;) {
      pk->win[q] = !pk->hit[pk->at[q]];
      pk->hit[pk->at[q]] = 1;
    }
  else if (want_hit)
    for (uint32_t q = 0; q < n; q++)
      pk->hit[pk->at[q]] = 1;
  return 0;
}

/* GATHER: mode 0 a vector of the picked elements; mode 1 a table-shaped
   matrix, zero but for its last row, the picked elements at last writes */
int xiO_sh_gather(xi_shape *out, const xi_shape *a, const xi_shape *b, int32_t *p, char *why,
                  size_t n) {
  if (p[0] != 0 && p[0] != 1) {
    snprintf(why, n, "gather: mode %d is not 0 or 1", p[0]);
    return -1;
  }
  if (table_ok("integer-array indexing needs a table with a row of indices for each axis",
               a, b, 1, 0, why, n))
    return -1;
  *out = p[0] ? (xi_shape){2, a->rank + 1u, b->cols} : (xi_shape){1, 1, b->cols};
  return xiO_size_ok(out, why, n);
}

int xiO_tf_gather(xiO_view *out, const xiO_view *a, const xiO_view *b, mpfr_ptr tmp) {
  (void)tmp;
  picks pk;
  int mode = out->p[0], rc = picks_of(b, &a->sh, mode, 0, &pk);
  if (rc)
    return rc;
  uint32_t n = b->sh.cols, last = mode ? a->sh.rank * n : 0;
  for (uint32_t e = 0; mode && e < out->n; e++)
    mpfr_set_zero(&out->el[e], 1);
  for (uint32_t q = 0; q < n && rc == 0; q++) {
    if (xiO_stopped())
      rc = XI_RULE_STOPPED;
    else if (!mode || pk.win[q])
      mpfr_set(&out->el[last + q], &a->el[pk.at[q]], MPFR_RNDN);
  }
  picks_free(&pk);
  return rc;
}

/* dst[at[q]] += src[from + q] (scatter: to the elements), or dst[from + q] +=
   src[at[q]] (gather: from them), for every column or at last writes only */
static int add_picked(mpfr_ptr dst, mpfr_ptr src, const picks *pk, uint32_t n, uint32_t from,
                      int scatter, int last_only) {
  for (uint32_t q = 0; q < n; q++) {
    if (xiO_stopped())
      return XI_RULE_STOPPED;
    if (last_only && !pk->win[q])
      continue;
    mpfr_ptr d = scatter ? &dst[pk->at[q]] : &dst[from + q];
    mpfr_add(d, d, scatter ? &src[from + q] : &src[pk->at[q]], MPFR_RNDN);
  }
  return 0;
}

int xiO_tv_gather(int k, xiO_view *da, const xiO_view *g, const xiO_view *out, const xiO_view *a,
                  const xiO_view *b, mpfr_ptr tmp) {
  (void)tmp;
  if (k == 1)
    return 0; /* indices have no derivative */
  picks pk;
  int mode = out->p[0], rc = picks_of(b, &a->sh, mode, 0, &pk);
  if (rc == 0)
    rc = add_picked(da->el, g->el, &pk, b->sh.cols, mode ? a->sh.rank * b->sh.cols : 0, 1, mode);
  picks_free(&pk);
  return rc;
}

/* SCATTERADD: zeros shaped p[2..4], a's elements added at the table's indices
   (mode 0: a is a vector, one per column; mode 1: a is table-shaped and its
   last row is put at last writes) */
int xiO_sh_scatteradd(xi_shape *out, const xi_shape *a, const xi_shape *b, int32_t *p, char *why,
                      size_t n) {
  if (p[0] != 0 && p[0] != 1) {
    snprintf(why, n, "scatter: mode %d is not 0 or 1", p[0]);
    return -1;
  }
  if (p[2] < 1 || p[2] > 2 || p[3] < 1 || p[4] < 1 || (p[2] == 1 && p[3] != 1)) {
    snprintf(why, n, "scatter: a shape of rank %d, %d × %d", p[2], p[3], p[4]);
    return -1;
  }
  *out = (xi_shape){(uint8_t)p[2], (uint32_t)p[3], (uint32_t)p[4]};
  if (xiO_size_ok(out, why, n) ||
      table_ok("scatter needs a table with a row of indices for each axis", out, b, 1, 0, why,
               n))
    return -1;
  int fits = p[0] ? a->rank == 2 && a->rows == out->rank + 1u && a->cols == b->cols
                  : a->rank == 1 && a->cols == b->cols;
  if (!fits)
    return xiO_mismatch("scatter needs one value for each column of the table", a, b, why, n);
  return 0;
}

int xiO_tf_scatteradd(xiO_view *out, const xiO_view *a, const xiO_view *b, mpfr_ptr tmp) {
  (void)tmp;
  picks pk;
  int mode = out->p[0], rc = picks_of(b, &out->sh, mode, 0, &pk);
  if (rc)
    return rc;
  for (uint32_t e = 0; e < out->n; e++)
    mpfr_set_zero(&out->el[e], 1);
  /* +0 + v is v exactly; a repeated index adds its values up, as np.add.at */
  rc = add_picked(out->el, a->el, &pk, b->sh.cols, mode ? out->sh.rank * b->sh.cols : 0, 1,
                  mode);
  picks_free(&pk);
  return rc;
}

int xiO_tv_scatteradd(int k, xiO_view *da, const xiO_view *g, const xiO_view *out,
                      const xiO_view *a, const xiO_view *b, mpfr_ptr tmp) {
  (void)a, (void)tmp;
  if (k == 1)
    return 0;
  picks pk;
  int mode = out->p[0], rc = picks_of(b, &out->sh, mode, 0, &pk);
  if (rc == 0)
    rc = add_picked(da->el, g->el, &pk, b->sh.cols, mode ? out->sh.rank * b->sh.cols : 0, 0,
                    mode);
  picks_free(&pk);
  return rc;
}

/* PUT: a with the table's last row put at its indices (M[I, J] = v) */
int xiO_sh_put(xi_shape *out, const xi_shape *a, const xi_shape *b, int32_t *p, char *why,
               size_t n) {
  (void)p;
  if (table_ok("M[I, J] = v needs a table of a row of indices for each axis and a row of "
               "values", a, b, 0, 1, why, n))
    return -1;
  *out = *a;
  return 0;
}

static int copy_all(xiO_view *out, const xiO_view *a) {
  for (uint32_t e = 0; e < out->n; e++) {
    if ((e & 1023) == 0 && xiO_stopped())
      return XI_RULE_STOPPED;
    mpfr_set(&out->el[e], &a->el[e], MPFR_RNDN);
  }
  return 0;
}

int xiO_tf_put(xiO_view *out, const xiO_view *a, const xiO_view *b, mpfr_ptr tmp) {
  (void)tmp;
  picks pk;
  int rc = picks_of(b, &a->sh, 0, 0, &pk);
  if (rc == 0)
    rc = copy_all(out, a);
  uint32_t n = b->sh.cols, values = a->sh.rank * n;
  for (uint32_t q = 0; q < n && rc == 0; q++) { /* in order: the last write stays, as NumPy */
    if (xiO_stopped())
      rc = XI_RULE_STOPPED;
    else
      mpfr_set(&out->el[pk.at[q]], &b->el[values + q], MPFR_RNDN); /* exactly the value */
  }
  picks_free(&pk);
  return rc;
}

/* da += g except at the elements the table names (which PUT and MASKOUT
   replace, so nothing of a reaches the result there) */
static int add_unpicked(xiO_view *da, const xiO_view *g, const xiO_view *b) {
  picks pk;
  int rc = picks_of(b, &da->sh, 0, 1, &pk);
  for (uint32_t e = 0; e < da->n && rc == 0; e++) {
    if ((e & 1023) == 0 && xiO_stopped())
      rc = XI_RULE_STOPPED;
    else if (!pk.hit[e])
      mpfr_add(&da->el[e], &da->el[e], &g->el[e], MPFR_RNDN);
  }
  picks_free(&pk);
  return rc;
}

int xiO_tv_put(int k, xiO_view *da, const xiO_view *g, const xiO_view *out, const xiO_view *a,
               const xiO_view *b, mpfr_ptr tmp) {
  (void)out, (void)tmp;
  if (k == 0)
    return add_unpicked(da, g, b);
  picks pk; /* the values row: the adjoint at each last write, 0 where overwritten */
  int rc = picks_of(b, &a->sh, 1, 0, &pk);
  if (rc == 0)
    rc = add_picked(da->el, g->el, &pk, b->sh.cols, a->sh.rank * b->sh.cols, 0, 1);
  picks_free(&pk);
  return rc;
}

/* MASKOUT: a with +0 at the elements the table names */
int xiO_sh_maskout(xi_shape *out, const xi_shape *a, const xi_shape *b, int32_t *p, char *why,
                   size_t n) {
  (void)p;
  if (table_ok("maskout needs a table with a row of indices for each axis", a, b, 1, 0, why,
               n))
    return -1;
  *out = *a;
  return 0;
}

int xiO_tf_maskout(xiO_view *out, const xiO_view *a, const xiO_view *b, mpfr_ptr tmp) {
  (void)tmp;
  picks pk;
  int rc = picks_of(b, &a->sh, 0, 0, &pk);
  if (rc == 0)
    rc = copy_all(out, a);
  for (uint32_t q = 0; q < b->sh.cols && rc == 0; q++) {
    if ((q & 1023) == 0 && xiO_stopped())
      rc = XI_RULE_STOPPED;
    else
      mpfr_set_zero(&out->el[pk.at[q]], 1);
  }
  picks_free(&pk);
  return rc;
}

int xiO_tv_maskout(int k, xiO_view *da, const xiO_view *g, const xiO_view *out, const xiO_view *a,
                   const xiO_view *b, mpfr_ptr tmp) {
  (void)out, (void)a, (void)tmp;
  return k == 0 ? add_unpicked(da, g, b) : 0;
}
