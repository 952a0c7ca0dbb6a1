/* dops.c: the operations xi builds for derivatives (placing, spreading,
 * summing down, reshaping, one-hot labels), and every tensor row's
 * vector-Jacobian product built as nodes, so that a derivative can be
 * differentiated again.  Rows with a shape as their parameter take it in
 * p[2..4]. */
#include <stdlib.h>

#include "ops/tops.h"

int xiO_sh_param(xi_shape *out, const xi_shape *a, const xi_shape *b, int32_t *p, char *why,
                 size_t n) {
  (void)a, (void)b;
  if (p[2] < 0 || p[2] > 2 || p[3] < 1 || p[4] < 1) {
    snprintf(why, n, "a shape of rank %d, %d × %d", p[2], p[3], p[4]);
    return -1;
  }
  *out = (xi_shape){(uint8_t)p[2], (uint32_t)p[3], (uint32_t)p[4]};
  return xiO_size_ok(out, why, n);
}

static void zero_all(xiO_view *v) {
  for (uint32_t k = 0; k < v->n; k++)
    mpfr_set_zero(&v->el[k], 1);
}

/* place: a at the index p of zeros shaped like the node (indexing's transpose) */
int xiO_tf_scatter(xiO_view *out, const xiO_view *a, const xiO_view *b, mpfr_ptr tmp) {
  (void)b, (void)tmp;
  zero_all(out);
  for (uint32_t q = 0; q < a->n; q++)
    mpfr_set(&out->el[xiO_picked(out->p, out->sh.cols, q)], &a->el[q], MPFR_RNDN);
  return 0;
}

int xiO_tv_scatter(int k, xiO_view *da, const xiO_view *g, const xiO_view *out, const xiO_view *a,
                   const xiO_view *b, mpfr_ptr tmp) {
  (void)k, (void)b, (void)tmp;
  for (uint32_t q = 0; q < a->n; q++) {
    mpfr_ptr d = &da->el[q];
    mpfr_add(d, d, &g->el[xiO_picked(out->p, out->sh.cols, q)], MPFR_RNDN);
  }
  return 0;
}

/* spread: a broadcast to the node's shape */
int xiO_tf_broadcast(xiO_view *out, const xiO_view *a, const xiO_view *b, mpfr_ptr tmp) {
  (void)b, (void)tmp;
  for (uint32_t i = 0, q = 0; i < out->sh.rows; i++) {
    if (xiO_stopped())
      return XI_RULE_STOPPED;
    for (uint32_t j = 0; j < out->sh.cols; j++, q++)
      mpfr_set(&out->el[q], &a->el[xiO_bidx(&a->sh, i, j)], MPFR_RNDN);
  }
  return 0;
}

int xiO_tv_broadcast(int k, xiO_view *da, const xiO_view *g, const xiO_view *out, const xiO_view *a,
                     const xiO_view *b, mpfr_ptr tmp) {
  (void)k, (void)b, (void)tmp;
  for (uint32_t i = 0, q = 0; i < out->sh.rows; i++) {
    if (xiO_stopped())
      return XI_RULE_STOPPED;
    for (uint32_t j = 0; j < out->sh.cols; j++, q++) {
      mpfr_ptr d = &da->el[xiO_bidx(&a->sh, i, j)];
      mpfr_add(d, d, &g->el[q], MPFR_RNDN);
    }
  }
  return 0;
}

/* sum down to the node's shape: each output element is one correctly rounded
   sum of the elements that broadcasting would have spread it to */
int xiO_tf_sumto(xiO_view *out, const xiO_view *a, const xiO_view *b, mpfr_ptr tmp) {
  (void)b, (void)tmp;
  uint32_t rs = out->sh.rows == 1 ? a->sh.rows : 1, cs = out->sh.cols == 1 ? a->sh.cols : 1;
  mpfr_ptr *terms = malloc((size_t)rs * cs * sizeof *terms);
  if (!terms)
    return XI_RULE_STOPPED;
  for (uint32_t i = 0, q = 0; i < out->sh.rows; i++)
    for (uint32_t j = 0; j < out->sh.cols; j++, q++) {
      if (xiO_stopped()) {
        free(terms);
        return XI_RULE_STOPPED;
      }
      uint32_t t = 0;
      for (uint32_t r = 0; r < rs; r++)
        for (uint32_t c = 0; c < cs; c++)
          terms[t++] = &a->el[(rs > 1 ? r : i) * a->sh.cols + (cs > 1 ? c : j)];
      mpfr_sum(&out->el[q], terms, t, MPFR_RNDN);
    }
  free(terms);
  return 0;
}

int xiO_tv_sumto(int k, xiO_view *da, const xiO_view *g, const xiO_view *out, const xiO_view *a,
                 const xiO_view *b, mpfr_ptr tmp) {
  (void)k, (void)b, (void)tmp;
  for (uint32_t i = 0, q = 0; i < a->sh.rows; i++) {
    if (xiO_stopped())
      return XI_RULE_STOPPED;
    for (uint32_t j = 0; j < a->sh.cols; j++, q++)
      mpfr_add(&da->el[q], &da->el[q], &g->el[xiO_bidx(&out->sh, i, j)], MPFR_RNDN);
  }
  return 0;
}

int xiO_tf_reshape(xiO_view *out, const xiO_view *a, const xiO_view *b, mpfr_ptr tmp) {
  (void)b, (void)tmp;
  for (uint32_t q = 0; q < out->n; q++)
    mpfr_set(&out->el[q], &a->el[q], MPFR_RNDN);
  return 0;
}

int xiO_tv_reshape(int k, xiO_view *da, const xiO_view *g, const xiO_view *out, const xiO_view *a,
                   const xiO_view *b, mpfr_ptr tmp) {
  (void)k, (void)out, (void)b, (void)tmp;
  for (uint32_t q = 0; q < a->n; q++)
    mpfr_add(&da->el[q], &da->el[q], &g->el[q], MPFR_RNDN);
  return 0;
}

/* class labels a as rows of zeros with a 1 at the label (checked by cross_entropy) */
int xiO_tf_onehot(xiO_view *out, const xiO_view *a, const xiO_view *b, mpfr_ptr tmp) {
  (void)b, (void)tmp;
  zero_all(out);
  uint32_t classes = out->sh.cols;
  for (uint32_t i = 0; i < a->n; i++) {
    long y = mpfr_get_si(&a->el[i], MPFR_RNDN);
    if (y < 0 || (uint32_t)y >= classes)
      return XI_RULE_DOMAIN;
    mpfr_set_ui(&out->el[i * classes + (uint32_t)y], 1, MPFR_RNDN);
  }
  return 0;
}

int xiO_tv_none(int k, xiO_view *da, const xiO_view *g, const xiO_view *out, const xiO_view *a,
                const xiO_view *b, mpfr_ptr tmp) {
  (void)k, (void)da, (void)g, (void)out, (void)a, (void)b, (void)tmp;
  return 0;
}

/* ---- the same derivatives built as nodes (for derivatives of derivatives) ---- */

static uint32_t op1(xiO_build *bd, int op, uint32_t a) { return bd->op(bd, op, a, XI_NONE, NULL); }
static uint32_t op2(xiO_build *bd, int op, uint32_t a, uint32_t b) {
  return bd->op(bd, op, a, b, NULL);
}
/* a shaped op (BROADCAST, SUMTO, RESHAPE, SCATTER) with indices i, j */
static uint32_t shaped(xiO_build *bd, int op, uint32_t a, xi_shape sh, int32_t i, int32_t j) {
  int32_t p[XI_NPARAMS] = {i, j, 0, 0, 0};
  xiO_shape_params(p, sh);
  return bd->op(bd, op, a, XI_NONE, p);
}

uint32_t xiO_tg_none(xiO_build *bd, int k, uint32_t g, uint32_t out, uint32_t a, uint32_t b) {
  (void)bd, (void)k, (void)g, (void)out, (void)a, (void)b;
  return XI_NOTHING;
}

uint32_t xiO_tg_matmul(xiO_build *bd, int k, uint32_t g, uint32_t out, uint32_t a, uint32_t b) {
  (void)out;
  xi_shape sa = bd->shape(bd, a), sb = bd->shape(bd, b);
  if (sa.rank == 2 && sb.rank == 2) /* dA = G Bᵀ, dB = Aᵀ G */
    return k == 0 ? op2(bd, XI_MATMUL, g, op1(bd, XI_TRANSPOSE, b))
                  : op2(bd, XI_MATMUL, op1(bd, XI_TRANSPOSE, a), g);
  if (sa.rank == 2) /* A v: dA = outer(g, v), dv = Aᵀ g */
    return k == 0 ? op2(bd, XI_OUTER, g, b) : op2(bd, XI_MATMUL, op1(bd, XI_TRANSPOSE, a), g);
  if (sb.rank == 2) /* v B: dv = B g, dB = outer(v, g) */
    return k == 0 ? op2(bd, XI_MATMUL, b, g) : op2(bd, XI_OUTER, a, g);
  return op2(bd, XI_MUL, g, k == 0 ? b : a); /* u·v */
}

uint32_t xiO_tg_transpose(xiO_build *bd, int k, uint32_t g, uint32_t out, uint32_t a, uint32_t b) {
  (void)k, (void)out, (void)a, (void)b;
  return op1(bd, XI_TRANSPOSE, g);
}

/* diag's derivative is diag of the adjoint: a vector's from the matrix g's
   diagonal, a square matrix's the vector g on a diagonal */
uint32_t xiO_tg_diag(xiO_build *bd, int k, uint32_t g, uint32_t out, uint32_t a, uint32_t b) {
  (void)k, (void)out, (void)a, (void)b;
  return op1(bd, XI_DIAG, g);
}

/* g spread back over the elements a reduction gathered (kept dimensions or not) */
static uint32_t spread(xiO_build *bd, uint32_t g, uint32_t out, uint32_t a) {
  xi_shape sa = bd->shape(bd, a);
  if (bd->params(bd, out)[0] == 1) /* along the rows: g is one per row, made a column */
    g = shaped(bd, XI_RESHAPE, g, (xi_shape){2, sa.rows, 1}, 0, 0);
  return shaped(bd, XI_BROADCAST, g, sa, 0, 0);
}

uint32_t xiO_tg_sum(xiO_build *bd, int k, uint32_t g, uint32_t out, uint32_t a, uint32_t b) {
  (void)k, (void)b;
  return spread(bd, g, out, a);
}

uint32_t xiO_tg_mean(xiO_build *bd, int k, uint32_t g, uint32_t out, uint32_t a, uint32_t b) {
  (void)k, (void)b;
  xi_shape sa = bd->shape(bd, a);
  int32_t axis = bd->params(bd, out)[0];
  long len = axis == XI_ALL_AXES ? (long)sa.rows * sa.cols : axis == 0 ? sa.rows : sa.cols;
  return op2(bd, XI_DIV, spread(bd, g, out, a), bd->num(bd, len));
}

/* g spread back over each slice, times 1 at the slice's first largest */
uint32_t xiO_tg_max(xiO_build *bd, int k, uint32_t g, uint32_t out, uint32_t a, uint32_t b) {
  (void)k, (void)b;
  int32_t p[XI_NPARAMS] = {bd->params(bd, out)[0], 0, 0, 0, 0};
  uint32_t mask = bd->op(bd, XI_MAXMASK, a, XI_NONE, p);
  return op2(bd, XI_MUL, spread(bd, g, out, a), mask);
}

/* min: the same at the first largest of -a, which is the first smallest of a */
uint32_t xiO_tg_min(xiO_build *bd, int k, uint32_t g, uint32_t out, uint32_t a, uint32_t b) {
  (void)k, (void)b;
  int32_t p[XI_NPARAMS] = {bd->params(bd, out)[0], 0, 0, 0, 0};
  uint32_t mask = bd->op(bd, XI_MAXMASK, op1(bd, XI_NEG, a), XI_NONE, p);
  return op2(bd, XI_MUL, spread(bd, g, out, a), mask);
}

uint32_t xiO_tg_outer(xiO_build *bd, int k, uint32_t g, uint32_t out, uint32_t a, uint32_t b) {
  (void)out;
  return k == 0 ? op2(bd, XI_MATMUL, g, b) : op2(bd, XI_MATMUL, op1(bd, XI_TRANSPOSE, g), a);
}

/* Σ along the last axis, kept as a column so that it meets each row */
static uint32_t sum_last(xiO_build *bd, uint32_t x) {
  xi_shape sh = bd->shape(bd, x);
  if (sh.rank < 2)
    return op1(bd, XI_SUM, x);
  int32_t p[XI_NPARAMS] = {1, 0, 0, 0, 0};
  uint32_t rows = bd->op(bd, XI_SUM, x, XI_NONE, p);
  return shaped(bd, XI_RESHAPE, rows, (xi_shape){2, sh.rows, 1}, 0, 0);
}

uint32_t xiO_tg_softmax(xiO_build *bd, int k, uint32_t g, uint32_t out, uint32_t a, uint32_t b) {
  (void)k, (void)a, (void)b; /* s ⊙ (g - Σ g⊙s) */
  uint32_t gs = sum_last(bd, op2(bd, XI_MUL, g, out));
  return op2(bd, XI_MUL, out, op2(bd, XI_SUB, g, gs));
}

uint32_t xiO_tg_log_softmax(xiO_build *bd, int k, uint32_t g, uint32_t out, uint32_t a,
                            uint32_t b) {
  (void)k, (void)out, (void)b; /* g - softmax(z) Σ g */
  return op2(bd, XI_SUB, g, op2(bd, XI_MUL, op1(bd, XI_SOFTMAX, a), sum_last(bd, g)));
}

uint32_t xiO_tg_ce(xiO_build *bd, int k, uint32_t g, uint32_t out, uint32_t a, uint32_t b) {
  (void)out;
  if (k != 0)
    return XI_NOTHING; /* labels are not differentiable */
  xi_shape sa = bd->shape(bd, a); /* g·(softmax(z) - onehot(y))/batch */
  uint32_t onehot = shaped(bd, XI_ONEHOT, b, sa, 0, 0);
  uint32_t d = op2(bd, XI_SUB, op1(bd, XI_SOFTMAX, a), onehot);
  return op2(bd, XI_DIV, op2(bd, XI_MUL, d, g), bd->num(bd, sa.rank == 2 ? sa.rows : 1));
}

uint32_t xiO_tg_index(xiO_build *bd, int k, uint32_t g, uint32_t out, uint32_t a, uint32_t b) {
  (void)k, (void)b;
  const int32_t *p = bd->params(bd, out);
  return shaped(bd, XI_SCATTER, g, bd->shape(bd, a), p[0], p[1]);
}

uint32_t xiO_tg_scatter(xiO_build *bd, int k, uint32_t g, uint32_t out, uint32_t a, uint32_t b) {
  (void)k, (void)a, (void)b;
  const int32_t *p = bd->params(bd, out);
  int32_t q[XI_NPARAMS] = {p[0], p[1], 0, 0, 0};
  return bd->op(bd, XI_INDEX, g, XI_NONE, q);
}

uint32_t xiO_tg_broadcast(xiO_build *bd, int k, uint32_t g, uint32_t out, uint32_t a, uint32_t b) {
  (void)k, (void)out, (void)b;
  return shaped(bd, XI_SUMTO, g, bd->shape(bd, a), 0, 0);
}

uint32_t xiO_tg_sumto(xiO_build *bd, int k, uint32_t g, uint32_t out, uint32_t a, uint32_t b) {
  (void)k, (void)out, (void)b;
  return shaped(bd, XI_BROADCAST, g, bd->shape(bd, a), 0, 0);
}

uint32_t xiO_tg_reshape(xiO_build *bd, int k, uint32_t g, uint32_t out, uint32_t a, uint32_t b) {
  (void)k, (void)out, (void)b;
  return shaped(bd, XI_RESHAPE, g, bd->shape(bd, a), 0, 0);
}


/* ---- integer-array indexing (iops.c): each derivative is one of the four rows ---- */

/* op(g, table) with mode p[0] (and a result shape, for SCATTERADD) */
static uint32_t with_table(xiO_build *bd, int op, uint32_t g, uint32_t table, int32_t mode,
                           const xi_shape *sh) {
  int32_t p[XI_NPARAMS] = {mode, INT32_MAX, 0, 0, 0};
  if (sh)
    xiO_shape_params(p, *sh);
  return bd->op(bd, op, g, table, p);
}

uint32_t xiO_tg_gather(xiO_build *bd, int k, uint32_t g, uint32_t out, uint32_t a, uint32_t b) {
  if (k == 1)
    return XI_NOTHING; /* indices have no derivative */
  xi_shape sa = bd->shape(bd, a);
  return with_table(bd, XI_SCATTERADD, g, b, bd->params(bd, out)[0], &sa);
}

uint32_t xiO_tg_scatteradd(xiO_build *bd, int k, uint32_t g, uint32_t out, uint32_t a, uint32_t b) {
  (void)a;
  if (k == 1)
    return XI_NOTHING;
  return with_table(bd, XI_GATHER, g, b, bd->params(bd, out)[0], NULL);
}

uint32_t xiO_tg_put(xiO_build *bd, int k, uint32_t g, uint32_t out, uint32_t a, uint32_t b) {
  (void)out, (void)a; /* a: g but where values were put; the table: g there, at last writes */
  return k == 0 ? with_table(bd, XI_MASKOUT, g, b, 0, NULL)
                : with_table(bd, XI_GATHER, g, b, 1, NULL);
}

uint32_t xiO_tg_maskout(xiO_build *bd, int k, uint32_t g, uint32_t out, uint32_t a, uint32_t b) {
  (void)out, (void)a;
  return k == 0 ? with_table(bd, XI_MASKOUT, g, b, 0, NULL) : XI_NOTHING;
}
