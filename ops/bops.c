/* bops.c: ball rules (bops.h).  Elementwise ops use Arb's functions one
 * element at a time; ops that only move elements (transpose, indexing,
 * broadcasting, reshaping, gathering, putting) are run by their own MPFR rule
 * on tags (element k of a is the number k + 1), and the tags that come out
 * say which ball goes where, so no rule is written twice; sums, products,
 * softmax and the losses are written with Arb's sums and dot products.
 * Discrete ops (argmax, round, the masks) are decided only from exact
 * operands, by their MPFR rule, whose answer must then be exact. */
#include "ops/bops.h"

#include <stdlib.h>

/* ---- elementwise ---- */

static void sigmoid(arb_t r, const arb_t x, slong prec) {
  arb_neg(r, x);
  arb_exp(r, r, prec);
  arb_add_ui(r, r, 1, prec);
  arb_inv(r, r, prec);
}

/* a ** b: an exact integer exponent works for any base, as MPFR's pow does */
static void power(arb_t r, const arb_t a, const arb_t b, slong prec) {
  if (arb_is_exact(b) && arf_is_int(arb_midref(b)) && arf_cmpabs_2exp_si(arb_midref(b), 30) < 0) {
    fmpz_t e;
    fmpz_init(e);
    arf_get_fmpz(e, arb_midref(b), ARF_RND_DOWN);
    if (fmpz_sgn(e) < 0 && arb_contains_zero(a))
      arb_indeterminate(r);
    else
      arb_pow_fmpz(r, a, e, prec);
    fmpz_clear(e);
  } else {
    arb_pow(r, a, b, prec); /* a base not surely positive: indeterminate */
  }
}

/* comparisons: 1 or 0 when the balls decide, else the ball [0, 1] */
static void compare(arb_t r, int op, const arb_t a, const arb_t b) {
  int yes, no;
  switch (op) {
  case XI_GT: yes = arb_gt(a, b), no = arb_le(a, b); break;
  case XI_GE: yes = arb_ge(a, b), no = arb_lt(a, b); break;
  case XI_LT: yes = arb_lt(a, b), no = arb_ge(a, b); break;
  case XI_LE: yes = arb_le(a, b), no = arb_gt(a, b); break;
  case XI_EQ: yes = arb_eq(a, b), no = arb_ne(a, b); break;
  default: yes = arb_ne(a, b), no = arb_eq(a, b); break;
  }
  if (yes || no) {
    arb_set_ui(r, (ulong)yes);
  } else {
    arb_set_d(r, 0.5);
    mag_set_d(arb_radref(r), 0.5);
  }
}

/* floor(a/b) */
static void floordiv(arb_t r, const arb_t a, const arb_t b, slong prec) {
  arb_div(r, a, b, prec);
  arb_floor(r, r, prec);
}

/* trunc: toward 0 */
static void trunc_ball(arb_t r, const arb_t x, slong prec) {
  if (arb_is_nonnegative(x))
    arb_floor(r, x, prec);
  else if (arb_is_nonpositive(x))
    arb_ceil(r, x, prec);
  else
    arb_union(r, x, x, prec), arb_floor(r, r, prec), arb_union(r, r, r, prec);
}

/* one element: 0, or -1 for an op with no elementwise rule */
static int element(int op, arb_t r, const arb_t a, const arb_t b, slong prec) {
  switch (op) {
  case XI_ID: case XI_KEEP: case XI_ASFLOAT: arb_set(r, a); break;
  case XI_NEG: arb_neg(r, a); break;
  case XI_ADD: arb_add(r, a, b, prec); break;
  case XI_SUB: arb_sub(r, a, b, prec); break;
  case XI_MUL: arb_mul(r, a, b, prec); break;
  case XI_DIV: arb_div(r, a, b, prec); break;
  case XI_POW: power(r, a, b, prec); break;
  case XI_EXP: arb_exp(r, a, prec); break;
  case XI_LOG: arb_log(r, a, prec); break;
  case XI_SQRT: arb_sqrt(r, a, prec); break;
  case XI_SIN: arb_sin(r, a, prec); break;
  case XI_COS: arb_cos(r, a, prec); break;
  case XI_TAN: arb_tan(r, a, prec); break;
  case XI_TANH: arb_tanh(r, a, prec); break;
  case XI_SIGMOID: sigmoid(r, a, prec); break;
  case XI_RELU: arb_nonnegative_part(r, a); break; /* max(a, 0): continuous */
  case XI_ABS: arb_abs(r, a); break;
  case XI_SIGN: arb_sgn(r, a); break;
  case XI_MAXIMUM: arb_max(r, a, b, prec); break;
  case XI_MINIMUM: arb_min(r, a, b, prec); break;
  case XI_FLOORDIV: floordiv(r, a, b, prec); break;
  case XI_MOD: { /* a - b·floor(a/b), the sign of b's, as Python */
    arb_t q;
    arb_init(q);
    floordiv(q, a, b, prec);
    arb_mul(q, q, b, prec);
    arb_sub(r, a, q, prec);
    arb_clear(q);
    break;
  }
  case XI_TRUNC: trunc_ball(r, a, prec); break;
  case XI_GT: case XI_GE: case XI_LT: case XI_LE: case XI_EQ: case XI_NE:
    compare(r, op, a, b);
    break;
  default: return -1;
  }
  return 0;
}

static int elementwise(int op, xiO_bview *out, const xiO_bview *a, const xiO_bview *b, slong prec) {
  const xiO_bview *bb = b ? b : a;
  uint32_t rows = out->sh.rank == 2 ? out->sh.rows : 1, cols = out->n / (rows ? rows : 1);
  if (out->sh.rank == 0)
    rows = cols = 1;
  for (uint32_t i = 0, k = 0; i < rows; i++)
    for (uint32_t j = 0; j < cols; j++, k++) {
      if (xiO_stopped())
        return -1;
      uint32_t ka = a->n == 1 ? 0 : xiO_bidx(&a->sh, i, j), kb = bb->n == 1 ? 0 : xiO_bidx(&bb->sh, i, j);
      if (element(op, &out->el[k], &a->el[ka], &bb->el[kb], prec))
        return -1;
    }
  return 0;
}

/* ---- ops that move elements: their MPFR rule run on tags ---- */

static mpfr_ptr tags_new(uint32_t n) {
  mpfr_ptr t = malloc((n ? n : 1) * sizeof *t);
  for (uint32_t k = 0; t && k < n; k++)
    mpfr_init2(&t[k], 64);
  return t;
}

static void tags_free(mpfr_ptr t, uint32_t n) {
  for (uint32_t k = 0; t && k < n; k++)
    mpfr_clear(&t[k]);
  free(t);
}

/* b's values as numbers: they index (an index table), so they must be exact */
static int exact_values(mpfr_ptr t, const xiO_bview *b, uint32_t from, uint32_t to) {
  for (uint32_t k = from; k < to; k++) {
    if (!arb_is_exact(&b->el[k]) || arf_bits(arb_midref(&b->el[k])) > 64)
      return -1;
    arf_get_mpfr(&t[k], arb_midref(&b->el[k]), MPFR_RNDN);
  }
  return 0;
}

/* out's element k from its tag: 0 is zero; k + 1 is a's element k; -(k + 1) b's */
static int untag(arb_ptr r, mpfr_srcptr tag, const xiO_bview *a, const xiO_bview *b) {
  if (mpfr_zero_p(tag)) {
    arb_zero(r);
    return 0;
  }
  if (!mpfr_integer_p(tag))
    return -1;
  long t = mpfr_get_si(tag, MPFR_RNDN);
  if (t > 0 && (uint32_t)t <= a->n)
    arb_set(r, &a->el[t - 1]);
  else if (t < 0 && b && (uint32_t)-t <= b->n)
    arb_set(r, &b->el[-t - 1]);
  else
    return -1;
  return 0;
}

static int moved(int op, xiO_bview *out, const xiO_bview *a, const xiO_bview *b) {
  mpfr_ptr ta = tags_new(a->n), tb = b ? tags_new(b->n) : NULL, to = tags_new(out->n);
  mpfr_t tmp;
  mpfr_init2(tmp, 64);
  int rc = ta && to && (!b || tb) ? 0 : -1;
  for (uint32_t k = 0; rc == 0 && k < a->n; k++)
    mpfr_set_ui(&ta[k], k + 1, MPFR_RNDN);
  if (rc == 0 && b) {
    /* PUT: the last row of b holds the values put (tagged), the rows above
       the indices; GATHER, MASKOUT: b is all indices */
    uint32_t cols = b->sh.rank == 2 ? b->sh.cols : b->n, vals = op == XI_PUT ? cols : 0;
    rc = exact_values(tb, b, 0, b->n - vals);
    for (uint32_t k = b->n - vals; rc == 0 && k < b->n; k++)
      mpfr_set_si(&tb[k], -(long)k - 1, MPFR_RNDN);
  }
  if (rc == 0) {
    xiO_view va = {ta, a->sh, a->n, a->p, XI_DT_FLOAT}, vo = {to, out->sh, out->n, out->p, XI_DT_FLOAT};
    xiO_view vb = b ? (xiO_view){tb, b->sh, b->n, b->p, XI_DT_FLOAT} : va;
    rc = xiO_table[op].tforward(&vo, &va, &vb, tmp) ? -1 : 0;
  }
  for (uint32_t k = 0; rc == 0 && k < out->n; k++)
    rc = untag(&out->el[k], &to[k], a, b);
  mpfr_clear(tmp);
  tags_free(ta, a->n);
  tags_free(tb, b ? b->n : 0);
  tags_free(to, out->n);
  return rc;
}

/* ---- discrete ops: decided from exact operands only ---- */

static int decided(int op, xiO_bview *out, const xiO_bview *a, const xiO_bview *b) {
  uint32_t nb = b ? b->n : 0;
  mpfr_ptr ta = malloc((a->n ? a->n : 1) * sizeof *ta), tb = nb ? malloc(nb * sizeof *tb) : NULL;
  mpfr_ptr to = tags_new(out->n);
  int rc = ta && to && (!nb || tb) ? 0 : -1;
  uint32_t ia = 0, ib = 0;
  for (; rc == 0 && ia < a->n; ia++) { /* each as many bits as it has: exact */
    if (!arb_is_exact(&a->el[ia]) || !arb_is_finite(&a->el[ia])) {
      rc = -1;
      break;
    }
    slong bits = arf_bits(arb_midref(&a->el[ia]));
    mpfr_init2(&ta[ia], bits < 64 ? 64 : bits);
    arf_get_mpfr(&ta[ia], arb_midref(&a->el[ia]), MPFR_RNDN);
  }
  for (; rc == 0 && ib < nb; ib++) {
    if (!arb_is_exact(&b->el[ib])) {
      rc = -1;
      break;
    }
    slong bits = arf_bits(arb_midref(&b->el[ib]));
    mpfr_init2(&tb[ib], bits < 64 ? 64 : bits);
    arf_get_mpfr(&tb[ib], arb_midref(&b->el[ib]), MPFR_RNDN);
  }
  if (rc == 0) {
    mpfr_t tmp;
    mpfr_init2(tmp, 64);
    xiO_view va = {ta, a->sh, a->n, a->p, XI_DT_FLOAT}, vo = {to, out->sh, out->n, out->p, XI_DT_FLOAT};
    xiO_view vb = b ? (xiO_view){tb, b->sh, b->n, b->p, XI_DT_FLOAT} : va;
    mpfr_clear_flags();
    rc = xiO_table[op].tforward(&vo, &va, &vb, tmp) ? -1 : 0;
    mpfr_clear(tmp);
  }
  /* round's one rounding of the exact result is within an ulp of it; the
     others' answers are whole numbers, exact or wrong */
  int inexact = mpfr_inexflag_p();
  if (inexact && op != XI_ROUND)
    rc = -1;
  for (uint32_t k = 0; rc == 0 && k < out->n; k++) {
    arf_set_mpfr(arb_midref(&out->el[k]), &to[k]);
    mag_zero(arb_radref(&out->el[k]));
    if (inexact && !mpfr_zero_p(&to[k]))
      mag_set_ui_2exp_si(arb_radref(&out->el[k]), 1, mpfr_get_exp(&to[k]) - 63);
  }
  for (uint32_t k = 0; k < ia; k++)
    mpfr_clear(&ta[k]);
  for (uint32_t k = 0; k < ib; k++)
    mpfr_clear(&tb[k]);
  free(ta);
  free(tb);
  tags_free(to, out->n);
  return rc;
}

/* ---- sums and products ---- */

/* sum or mean along p[0], as rops.c's reduce */
static int reduce(xiO_bview *out, const xiO_bview *a, int mean, slong prec) {
  uint32_t len = xiO_slice_of(out->p[0], &a->sh, 0).len;
  for (uint32_t k = 0; k < out->n; k++) {
    if (xiO_stopped())
      return -1;
    xiO_slice sl = xiO_slice_of(out->p[0], &a->sh, k);
    arb_ptr r = &out->el[k];
    arb_zero(r);
    for (uint32_t t = 0; t < len; t++)
      arb_add(r, r, &a->el[sl.first + t * sl.step], prec);
    if (mean)
      arb_div_ui(r, r, len, prec);
  }
  return 0;
}

/* the largest along p[0]: continuous, so the ball of the maxima */
static int largest(xiO_bview *out, const xiO_bview *a, slong prec) {
  uint32_t len = xiO_slice_of(out->p[0], &a->sh, 0).len;
  for (uint32_t k = 0; k < out->n; k++) {
    xiO_slice sl = xiO_slice_of(out->p[0], &a->sh, k);
    arb_set(&out->el[k], &a->el[sl.first]);
    for (uint32_t t = 1; t < len; t++)
      arb_max(&out->el[k], &out->el[k], &a->el[sl.first + t * sl.step], prec);
  }
  return 0;
}

/* a summed down to out's shape (the tape's SUMTO): element (i, j) of a goes to
   out's (i, j) broadcast back */
static int sumto(xiO_bview *out, const xiO_bview *a, slong prec) {
  uint32_t rows = a->sh.rank == 2 ? a->sh.rows : 1, cols = a->sh.rank == 0 ? 1 : a->sh.cols;
  _arb_vec_zero(out->el, out->n);
  for (uint32_t i = 0, k = 0; i < rows; i++)
    for (uint32_t j = 0; j < cols; j++, k++) {
      uint32_t o = out->n == 1 ? 0 : xiO_bidx(&out->sh, i, j);
      arb_add(&out->el[o], &out->el[o], &a->el[k], prec);
    }
  return 0;
}

/* A @ B: a vector on the left is one row, on the right one column */
static int matmul(xiO_bview *out, const xiO_bview *a, const xiO_bview *b, slong prec) {
  uint32_t m = a->sh.rank == 2 ? a->sh.rows : 1, inner = a->sh.cols;
  uint32_t n = b->sh.rank == 2 ? b->sh.cols : 1;
  if (m * n != out->n)
    return -1;
  for (uint32_t i = 0; i < m; i++)
    for (uint32_t j = 0; j < n; j++) {
      if (xiO_stopped())
        return -1;
      arb_dot(&out->el[i * n + j], NULL, 0, &a->el[i * inner], 1, &b->el[j], (slong)n, inner,
              prec);
    }
  return 0;
}

static int outer(xiO_bview *out, const xiO_bview *a, const xiO_bview *b, slong prec) {
  if (a->n * b->n != out->n)
    return -1;
  for (uint32_t i = 0; i < a->n; i++)
    for (uint32_t j = 0; j < b->n; j++)
      arb_mul(&out->el[i * b->n + j], &a->el[i], &b->el[j], prec);
  return 0;
}

/* log Σ exp(z) over c elements */
static void log_sum_exp(arb_t r, arb_srcptr z, uint32_t c, slong prec) {
  arb_t e;
  arb_init(e);
  arb_zero(r);
  for (uint32_t k = 0; k < c; k++) {
    arb_exp(e, &z[k], prec);
    arb_add(r, r, e, prec);
  }
  arb_log(r, r, prec);
  arb_clear(e);
}

/* softmax or log_softmax along the last axis */
static int softmax(xiO_bview *out, const xiO_bview *a, int logs, slong prec) {
  uint32_t c = a->sh.rank == 0 ? 1 : a->sh.cols, rows = c ? a->n / c : 0;
  arb_t l;
  arb_init(l);
  for (uint32_t i = 0; i < rows; i++) {
    log_sum_exp(l, &a->el[i * c], c, prec);
    for (uint32_t k = 0; k < c; k++) {
      arb_sub(&out->el[i * c + k], &a->el[i * c + k], l, prec);
      if (!logs)
        arb_exp(&out->el[i * c + k], &out->el[i * c + k], prec);
    }
  }
  arb_clear(l);
  return 0;
}

/* the mean over the rows of -log softmax at each row's label */
static int cross_entropy(xiO_bview *out, const xiO_bview *z, const xiO_bview *y, slong prec) {
  uint32_t c = z->sh.cols, rows = z->sh.rank == 2 ? z->sh.rows : 1;
  if (y->n != rows || c == 0)
    return -1;
  arb_t l, t;
  arb_init(l);
  arb_init(t);
  arb_zero(&out->el[0]);
  int rc = 0;
  for (uint32_t i = 0; i < rows && rc == 0; i++) {
    const arb_struct *lab = &y->el[i];
    if (!arb_is_exact(lab) || !arf_is_int(arb_midref(lab)) || arf_sgn(arb_midref(lab)) < 0 ||
        arf_cmp_si(arb_midref(lab), (slong)c) >= 0) {
      rc = -1;
      break;
    }
    slong k = arf_get_si(arb_midref(lab), ARF_RND_DOWN);
    log_sum_exp(l, &z->el[i * c], c, prec);
    arb_sub(t, l, &z->el[i * c + (uint32_t)k], prec);
    arb_add(&out->el[0], &out->el[0], t, prec);
  }
  arb_div_ui(&out->el[0], &out->el[0], rows, prec);
  arb_clear(l);
  arb_clear(t);
  return rc;
}

/* ---- the table ---- */

int xiO_has_ball_rule(int op) {
  switch (op) {
  case XI_MATMUL: case XI_TRANSPOSE: case XI_SUM: case XI_MEAN: case XI_MAX: case XI_ARGMAX:
  case XI_ROUND: case XI_OUTER: case XI_SOFTMAX: case XI_LOG_SOFTMAX: case XI_CROSS_ENTROPY:
  case XI_INDEX: case XI_SCATTER: case XI_BROADCAST: case XI_SUMTO: case XI_RESHAPE:
  case XI_MAXMASK: case XI_ONEHOT: case XI_GATHER: case XI_PUT: case XI_MASKOUT:
  case XI_SCATTERADD:
    return 1;
  default: {
    arb_t r, a;
    arb_init(r);
    arb_init(a);
    int ok = op >= XI_FIRST_OP && op < XI_NOPS && element(op, r, a, a, 64) == 0;
    arb_clear(r);
    arb_clear(a);
    return ok;
  }
  }
}

int xiO_ball_forward(int op, xiO_bview *out, const xiO_bview *a, const xiO_bview *b, slong prec) {
  switch (op) {
  case XI_MATMUL: return matmul(out, a, b, prec);
  case XI_OUTER: return outer(out, a, b, prec);
  case XI_SUM: return reduce(out, a, 0, prec);
  case XI_MEAN: return reduce(out, a, 1, prec);
  case XI_MAX: return largest(out, a, prec);
  case XI_SUMTO: return sumto(out, a, prec);
  case XI_SOFTMAX: return softmax(out, a, 0, prec);
  case XI_LOG_SOFTMAX: return softmax(out, a, 1, prec);
  case XI_CROSS_ENTROPY: return cross_entropy(out, a, b, prec);
  case XI_TRANSPOSE: case XI_INDEX: case XI_SCATTER: case XI_BROADCAST: case XI_RESHAPE:
    return moved(op, out, a, NULL);
  case XI_GATHER: case XI_PUT: case XI_MASKOUT:
    return moved(op, out, a, b);
  case XI_ARGMAX: case XI_ROUND: case XI_MAXMASK: case XI_ONEHOT: case XI_SCATTERADD:
    return decided(op, out, a, b);
  default:
    return elementwise(op, out, a, b, prec);
  }
}
