/* vops.c: var, std and norm, reductions along an axis as rops.c's (p[0] the
 * axis, p[1] keepdims; var's and std's ddof in p[2]).  Their values are
 * computed in balls (Arb), which hold the exact statistic, at more bits
 * until the ball decides its rounding: so each element is the exact value
 * correctly rounded, as sum's is, although a mean and a square root come
 * between.  The same functions are the ops' ball rules. */
#include <stdlib.h>

#include "ops/btops.h"
#include "ops/tops.h"

enum { V_VAR, V_STD, V_NORM };

/* ---- the statistic of one slice, in balls ---- */

/* r = Σ x[t·step] for t < len, one rounding (a dot product with 1) */
static void ball_sum(arb_t r, arb_srcptr x, uint32_t step, uint32_t len, slong prec) {
  arb_t one;
  arb_init(one);
  arb_one(one);
  arb_dot(r, NULL, 0, x, (slong)step, one, 0, len, prec);
  arb_clear(one);
}

/* r = var, std or norm of x[t·step], t < len; d: len balls of scratch */
static void statistic(arb_t r, arb_srcptr x, uint32_t step, uint32_t len, int kind,
                      int32_t ddof, arb_ptr d, slong prec) {
  if (kind == V_NORM) {
    arb_dot(r, NULL, 0, x, (slong)step, x, (slong)step, len, prec);
    arb_sqrtpos(r, r, prec);
    return;
  }
  arb_t m; /* the mean; every x - m is a ball holding x - (the exact mean) */
  arb_init(m);
  ball_sum(m, x, step, len, prec);
  arb_div_ui(m, m, len, prec);
  for (uint32_t t = 0; t < len; t++)
    arb_sub(&d[t], &x[t * step], m, prec);
  arb_dot(r, NULL, 0, d, 1, d, 1, len, prec);
  arb_div_ui(r, r, len - (uint32_t)ddof, prec);
  if (kind == V_STD)
    arb_sqrtpos(r, r, prec);
  arb_clear(m);
}

/* ---- shape: a reduction's, with ddof from 0 to the count - 1 ---- */

int xiO_sh_var(xi_shape *out, const xi_shape *a, const xi_shape *b, int32_t *p, char *why,
           size_t n) {
  if (xiO_sh_reduce(out, a, b, p, why, n))
    return -1;
  uint32_t len = xiO_slice_of(p[0], a, 0).len;
  if (p[2] < 0 || (uint32_t)p[2] >= len) {
    snprintf(why, n, "ddof is %d, and must be from 0 to %u, one less than the %u elements "
                     "of each slice (NumPy divides by 0 or less there and warns)",
             p[2], len - 1, len);
    return -1;
  }
  return 0;
}

/* norm's p[2] is the ord NumPy's np.linalg.norm was given: 0 none, 2 the
   2-norm (of vectors only: a matrix's is its largest singular value), 1
   'fro' (of a matrix only) */
int xiO_sh_norm(xi_shape *out, const xi_shape *a, const xi_shape *b, int32_t *p, char *why,
                size_t n) {
  if (xiO_sh_reduce(out, a, b, p, why, n))
    return -1;
  int whole_matrix = a->rank == 2 && p[0] == XI_ALL_AXES;
  if (p[2] == 2 && whole_matrix) {
    snprintf(why, n, "ord=2 of a matrix is its largest singular value, which is not part of "
                     "xi: np.linalg.norm(M) is the Frobenius norm");
    return -1;
  }
  if (p[2] == 1 && !whole_matrix) {
    snprintf(why, n, "Invalid norm order 'fro' for vectors (NumPy's ValueError)");
    return -1;
  }
  if (p[2] != 0 && p[2] != 1 && p[2] != 2) {
    snprintf(why, n, "norm: ord code %d", p[2]);
    return -1;
  }
  return 0;
}

/* ---- forward in a format: NumPy's own steps ----
   NumPy 1.24's _var (numpy/core/_methods.py): the mean by add.reduce, then
   true_divide; x - mean; x * x; add.reduce; / (n - ddof); np.std its sqrt.
   np.linalg.norm: sqrt(dot(x, x)) of the whole array raveled, sqrt(add.reduce(x
   * x)) along an axis.  Each operation rounded in the format, as NumPy's float64
   (so np.std(np.arange(12)) is NumPy's 3.452052529534663, not the correctly
   rounded ...633); the sums in NumPy's order (xiO_numpy_sum). */
static int numpy_forward(xiO_view *out, const xiO_view *a, int kind) {
  uint32_t len = xiO_slice_of(out->p[0], &a->sh, 0).len;
  int in_order = out->p[0] == 0 && a->sh.cols > 1;
  mpfr_prec_t prec = mpfr_get_prec(&out->el[0]);
  __mpfr_struct *d = malloc(len * sizeof *d);
  mpfr_ptr *terms = malloc(len * sizeof *terms);
  if (!d || !terms) {
    free(d), free(terms);
    return XI_RULE_STOPPED;
  }
  for (uint32_t t = 0; t < len; t++)
    mpfr_init2(&d[t], prec), terms[t] = &d[t];
  mpfr_t m;
  mpfr_init2(m, prec);
  int rc = 0;
  for (uint32_t k = 0; k < out->n && rc == 0; k++) {
    if (xiO_stopped()) {
      rc = XI_RULE_STOPPED;
      break;
    }
    xiO_slice s = xiO_slice_of(out->p[0], &a->sh, k);
    mpfr_ptr r = &out->el[k];
    if (kind == V_NORM && out->p[0] == XI_ALL_AXES) {
      rc = xiO_fmt_dot(r, &a->el[s.first], s.step, &a->el[s.first], s.step, len);
      xiO_fmt_round(r, mpfr_sqrt(r, r, MPFR_RNDN));
      continue;
    }
    if (kind != V_NORM) {
      for (uint32_t t = 0; t < len; t++)
        terms[t] = &a->el[s.first + t * s.step];
      xiO_numpy_sum(m, terms, len, in_order, 0);
      xiO_fmt_round(m, mpfr_div_ui(m, m, len, MPFR_RNDN));
    }
    for (uint32_t t = 0; t < len; t++) {
      mpfr_srcptr x = &a->el[s.first + t * s.step];
      if (kind == V_NORM)
        mpfr_set(&d[t], x, MPFR_RNDN);
      else
        xiO_fmt_round(&d[t], mpfr_sub(&d[t], x, m, MPFR_RNDN));
      xiO_fmt_round(&d[t], mpfr_sqr(&d[t], &d[t], MPFR_RNDN));
      terms[t] = &d[t];
    }
    xiO_numpy_sum(r, terms, len, in_order, 0);
    if (kind != V_NORM)
      xiO_fmt_round(r, mpfr_div_ui(r, r, len - (uint32_t)out->p[2], MPFR_RNDN));
    if (kind != V_VAR)
      xiO_fmt_round(r, mpfr_sqrt(r, r, MPFR_RNDN));
  }
  for (uint32_t t = 0; t < len; t++)
    mpfr_clear(&d[t]);
  mpfr_clear(m);
  free(d), free(terms);
  return rc;
}

/* ---- forward: balls at more bits until the rounding is decided ---- */

static int forward(xiO_view *out, const xiO_view *a, int kind) {
  if (xiO_fmt != XI_FMT_MPFR)
    return numpy_forward(out, a, kind);
  uint32_t len = xiO_slice_of(out->p[0], &a->sh, 0).len;
  arb_ptr x = _arb_vec_init(len), d = _arb_vec_init(len);
  arb_t r;
  arb_init(r);
  slong prec = mpfr_get_prec(&out->el[0]);
  int rc = 0;
  for (uint32_t k = 0; k < out->n && rc == 0; k++) {
    xiO_slice s = xiO_slice_of(out->p[0], &a->sh, k);
    for (uint32_t t = 0; t < len; t++) { /* exact balls */
      arf_set_mpfr(arb_midref(&x[t]), &a->el[s.first + t * s.step]);
      mag_zero(arb_radref(&x[t]));
    }
    /* exact inputs: at enough bits the ball is exact, or decides; 256 times
       the working precision is a bound past any case met, where the nearest
       midpoint is taken */
    for (slong p = prec + 32;; p *= 2) {
      if (xiO_stopped()) {
        rc = XI_RULE_STOPPED;
        break;
      }
      statistic(r, x, 1, len, kind, out->p[2], d, p);
      if (!arb_is_finite(r) || arb_can_round_mpfr(r, prec, MPFR_RNDN) || p > 256 * prec) {
        arf_get_mpfr(&out->el[k], arb_midref(r), MPFR_RNDN);
        break;
      }
    }
  }
  arb_clear(r);
  _arb_vec_clear(x, len);
  _arb_vec_clear(d, len);
  return rc;
}

int xiO_tf_var(xiO_view *out, const xiO_view *a, const xiO_view *b, mpfr_ptr tmp) {
  (void)b, (void)tmp;
  return forward(out, a, V_VAR);
}
int xiO_tf_std(xiO_view *out, const xiO_view *a, const xiO_view *b, mpfr_ptr tmp) {
  (void)b, (void)tmp;
  return forward(out, a, V_STD);
}
int xiO_tf_norm(xiO_view *out, const xiO_view *a, const xiO_view *b, mpfr_ptr tmp) {
  (void)b, (void)tmp;
  return forward(out, a, V_NORM);
}

/* ---- vector-Jacobian products: ∂/∂x of slice k, times g[k] ---- */

/* da[x] += g[k]·c(x) for each element x of slice k: var 2(x - m)/(n - ddof),
   std (x - m)/((n - ddof)·o), norm x/o (0 where o = 0, as PyTorch) */
static int back(xiO_view *da, const xiO_view *g, const xiO_view *out, const xiO_view *a,
                int kind, mpfr_ptr tmp) {
  uint32_t len = xiO_slice_of(out->p[0], &a->sh, 0).len;
  mpfr_t m, f;
  mpfr_inits2(mpfr_get_prec(tmp), m, f, (mpfr_ptr)0);
  mpfr_ptr *terms = malloc(len * sizeof *terms);
  int rc = terms ? 0 : XI_RULE_STOPPED;
  for (uint32_t k = 0; k < out->n && rc == 0; k++) {
    if (xiO_stopped()) {
      rc = XI_RULE_STOPPED;
      break;
    }
    xiO_slice s = xiO_slice_of(out->p[0], &a->sh, k);
    mpfr_srcptr o = &out->el[k];
    if (kind == V_NORM && mpfr_zero_p(o))
      continue;
    for (uint32_t t = 0; t < len; t++)
      terms[t] = &a->el[s.first + t * s.step];
    mpfr_sum(m, terms, len, MPFR_RNDN);
    mpfr_div_ui(m, m, len, MPFR_RNDN);
    /* f: the factor of (x - m), or of x for norm */
    if (kind == V_NORM) {
      mpfr_div(f, &g->el[k], o, MPFR_RNDN);
      mpfr_set_zero(m, 1);
    } else {
      mpfr_div_ui(f, &g->el[k], len - (uint32_t)out->p[2], MPFR_RNDN);
      if (kind == V_VAR)
        mpfr_mul_2ui(f, f, 1, MPFR_RNDN);
      else
        mpfr_div(f, f, o, MPFR_RNDN); /* +-Inf or NaN at std = 0: reported by the sweep */
    }
    for (uint32_t t = 0; t < len; t++) {
      mpfr_ptr e = &da->el[s.first + t * s.step];
      mpfr_sub(tmp, &a->el[s.first + t * s.step], m, MPFR_RNDN);
      mpfr_mul(tmp, tmp, f, MPFR_RNDN);
      mpfr_add(e, e, tmp, MPFR_RNDN);
    }
  }
  free(terms);
  mpfr_clears(m, f, (mpfr_ptr)0);
  return rc;
}

int xiO_tv_var(int k, xiO_view *da, const xiO_view *g, const xiO_view *out, const xiO_view *a,
           const xiO_view *b, mpfr_ptr tmp) {
  (void)k, (void)b;
  return back(da, g, out, a, V_VAR, tmp);
}
int xiO_tv_std(int k, xiO_view *da, const xiO_view *g, const xiO_view *out, const xiO_view *a,
           const xiO_view *b, mpfr_ptr tmp) {
  (void)k, (void)b;
  return back(da, g, out, a, V_STD, tmp);
}
int xiO_tv_norm(int k, xiO_view *da, const xiO_view *g, const xiO_view *out, const xiO_view *a,
            const xiO_view *b, mpfr_ptr tmp) {
  (void)k, (void)b;
  return back(da, g, out, a, V_NORM, tmp);
}

/* ---- the same built as nodes ---- */

static uint32_t op2(xiO_build *bd, int op, uint32_t a, uint32_t b) {
  return bd->op(bd, op, a, b, NULL);
}

/* v (one per slice) spread back over the elements of a, as g is */
static uint32_t spread(xiO_build *bd, uint32_t v, uint32_t out, uint32_t a) {
  xi_shape sa = bd->shape(bd, a);
  int32_t p[XI_NPARAMS] = {0, 0, 0, 0, 0, 0, 0};
  if (bd->params(bd, out)[0] == 1) { /* along the rows: one per row, made a column */
    xiO_shape_params(p, (xi_shape){2, sa.rows, 1});
    v = bd->op(bd, XI_RESHAPE, v, XI_NONE, p);
  }
  xiO_shape_params(p, sa);
  return bd->op(bd, XI_BROADCAST, v, XI_NONE, p);
}

/* a - mean(a) along the axis, the mean kept as a row or column that meets a */
static uint32_t centred(xiO_build *bd, uint32_t out, uint32_t a) {
  int32_t p[XI_NPARAMS] = {bd->params(bd, out)[0], 1, 0, 0, 0, 0, 0};
  return op2(bd, XI_SUB, a, bd->op(bd, XI_MEAN, a, XI_NONE, p));
}

static uint32_t build(xiO_build *bd, int kind, uint32_t g, uint32_t out, uint32_t a) {
  const int32_t *p = bd->params(bd, out);
  xi_shape sa = bd->shape(bd, a);
  long n = (long)xiO_slice_of(p[0], &sa, 0).len - p[2];
  uint32_t gs = spread(bd, g, out, a);
  if (kind == V_NORM) { /* g·a/o, o made 1 where it is 0 (a is 0 there) */
    uint32_t o = op2(bd, XI_ADD, out, op2(bd, XI_EQ, out, bd->num(bd, 0)));
    return op2(bd, XI_DIV, op2(bd, XI_MUL, gs, a), spread(bd, o, out, a));
  }
  uint32_t d = op2(bd, XI_MUL, gs, centred(bd, out, a));
  if (kind == V_VAR)
    return op2(bd, XI_DIV, op2(bd, XI_MUL, d, bd->num(bd, 2)), bd->num(bd, n));
  return op2(bd, XI_DIV, d, op2(bd, XI_MUL, spread(bd, out, out, a), bd->num(bd, n)));
}

uint32_t xiO_tg_var(xiO_build *bd, int k, uint32_t g, uint32_t out, uint32_t a, uint32_t b) {
  (void)k, (void)b;
  return build(bd, V_VAR, g, out, a);
}
uint32_t xiO_tg_std(xiO_build *bd, int k, uint32_t g, uint32_t out, uint32_t a, uint32_t b) {
  (void)k, (void)b;
  return build(bd, V_STD, g, out, a);
}
uint32_t xiO_tg_norm(xiO_build *bd, int k, uint32_t g, uint32_t out, uint32_t a, uint32_t b) {
  (void)k, (void)b;
  return build(bd, V_NORM, g, out, a);
}

/* ---- the ball rules: the statistic of each slice ---- */

static int ball(xiO_bview *out, const xiO_bview *a, int kind, slong prec) {
  uint32_t len = xiO_slice_of(out->p[0], &a->sh, 0).len;
  arb_ptr d = _arb_vec_init(len);
  for (uint32_t k = 0; k < out->n && !xiO_stopped(); k++) {
    xiO_slice s = xiO_slice_of(out->p[0], &a->sh, k);
    statistic(&out->el[k], &a->el[s.first], s.step, len, kind, out->p[2], d, prec);
  }
  _arb_vec_clear(d, len);
  return xiO_stopped() ? -1 : 0;
}

int xiO_bt_VAR(xiO_bview *out, const xiO_bview *a, const xiO_bview *b, slong prec) {
  (void)b;
  return ball(out, a, V_VAR, prec);
}
int xiO_bt_STD(xiO_bview *out, const xiO_bview *a, const xiO_bview *b, slong prec) {
  (void)b;
  return ball(out, a, V_STD, prec);
}
int xiO_bt_NORM(xiO_bview *out, const xiO_bview *a, const xiO_bview *b, slong prec) {
  (void)b;
  return ball(out, a, V_NORM, prec);
}
