/* partial.c: the local partials ∂out/∂(operand k) of the elementwise rows of
 * the op table (ops.h), named there without their prefix: d_exp is xiO_d_exp.
 * A partial returns tmp, an operand, the node's own value or one of the
 * shared constants (xiO_one ...); the node's value is finite when it is
 * asked for (ops.c's forward rules, whose NaN and infinities are errors
 * first). */
#include "ops/ops.h"
#include "ops/tops.h"

static mpfr_srcptr sign_of(mpfr_srcptr a) {
  int s = mpfr_sgn(a);
  return s > 0 ? xiO_one : s < 0 ? xiO_minus_one : xiO_zero;
}
mpfr_srcptr xiO_d_id(int k, mpfr_ptr t, mpfr_srcptr o, mpfr_srcptr a, mpfr_srcptr b) {
  (void)k, (void)t, (void)o, (void)a, (void)b;
  return xiO_one;
}
mpfr_srcptr xiO_d_neg(int k, mpfr_ptr t, mpfr_srcptr o, mpfr_srcptr a, mpfr_srcptr b) {
  (void)k, (void)t, (void)o, (void)a, (void)b;
  return xiO_minus_one;
}
mpfr_srcptr xiO_d_add(int k, mpfr_ptr t, mpfr_srcptr o, mpfr_srcptr a, mpfr_srcptr b) {
  (void)k, (void)t, (void)o, (void)a, (void)b;
  return xiO_one;
}
mpfr_srcptr xiO_d_sub(int k, mpfr_ptr t, mpfr_srcptr o, mpfr_srcptr a, mpfr_srcptr b) {
  (void)t, (void)o, (void)a, (void)b;
  return k == 0 ? xiO_one : xiO_minus_one;
}
mpfr_srcptr xiO_d_mul(int k, mpfr_ptr t, mpfr_srcptr o, mpfr_srcptr a, mpfr_srcptr b) {
  (void)t, (void)o;
  return k == 0 ? b : a;
}
mpfr_srcptr xiO_d_div(int k, mpfr_ptr t, mpfr_srcptr o, mpfr_srcptr a, mpfr_srcptr b) {
  (void)a;
  if (k == 0) {
    mpfr_ui_div(t, 1, b, MPFR_RNDN);
  } else { /* -a/b² = -(a/b)/b, and a/b is the node's value */
    mpfr_div(t, o, b, MPFR_RNDN);
    mpfr_neg(t, t, MPFR_RNDN);
  }
  return t;
}
mpfr_srcptr xiO_d_pow(int k, mpfr_ptr t, mpfr_srcptr o, mpfr_srcptr a, mpfr_srcptr b) {
  if (k == 0) {
    if (mpfr_zero_p(b))
      return xiO_zero;
    mpfr_sub_ui(t, b, 1, MPFR_RNDN);
    mpfr_pow(t, a, t, MPFR_RNDN);
    mpfr_mul(t, t, b, MPFR_RNDN);
    return t;
  }
  xiO_fw_xlogy(t, o, a, MPFR_RNDN); /* 0 where x^y = 0; NaN for a < 0: reported by the sweep */
  return t;
}
/* log(b); a/b, 0 where a = 0 as xlogy(0, b) is for every b but b = 0 (0/0) */
mpfr_srcptr xiO_d_xlogy(int k, mpfr_ptr t, mpfr_srcptr o, mpfr_srcptr a, mpfr_srcptr b) {
  (void)o;
  if (k == 0)
    mpfr_log(t, b, MPFR_RNDN);
  else
    mpfr_div(t, a, b, MPFR_RNDN);
  return t;
}
mpfr_srcptr xiO_d_exp(int k, mpfr_ptr t, mpfr_srcptr o, mpfr_srcptr a, mpfr_srcptr b) {
  (void)k, (void)t, (void)a, (void)b;
  return o;
}
mpfr_srcptr xiO_d_log(int k, mpfr_ptr t, mpfr_srcptr o, mpfr_srcptr a, mpfr_srcptr b) {
  (void)k, (void)o, (void)b;
  mpfr_ui_div(t, 1, a, MPFR_RNDN);
  return t;
}
/* 1/(a·log c), c = 2 or 10: log c first, then one division (t's precision) */
static mpfr_srcptr d_log_base(mpfr_ptr t, mpfr_srcptr a, unsigned long c) {
  if (c == 2)
    mpfr_const_log2(t, MPFR_RNDN);
  else {
    mpfr_set_ui(t, c, MPFR_RNDN);
    mpfr_log(t, t, MPFR_RNDN);
  }
  mpfr_mul(t, t, a, MPFR_RNDN);
  mpfr_ui_div(t, 1, t, MPFR_RNDN);
  return t;
}
mpfr_srcptr xiO_d_log2(int k, mpfr_ptr t, mpfr_srcptr o, mpfr_srcptr a, mpfr_srcptr b) {
  (void)k, (void)o, (void)b;
  return d_log_base(t, a, 2);
}
mpfr_srcptr xiO_d_log10(int k, mpfr_ptr t, mpfr_srcptr o, mpfr_srcptr a, mpfr_srcptr b) {
  (void)k, (void)o, (void)b;
  return d_log_base(t, a, 10);
}
mpfr_srcptr xiO_d_log1p(int k, mpfr_ptr t, mpfr_srcptr o, mpfr_srcptr a, mpfr_srcptr b) {
  (void)k, (void)o, (void)b;
  mpfr_add_ui(t, a, 1, MPFR_RNDN);
  mpfr_ui_div(t, 1, t, MPFR_RNDN);
  return t;
}
mpfr_srcptr xiO_d_expm1(int k, mpfr_ptr t, mpfr_srcptr o, mpfr_srcptr a, mpfr_srcptr b) {
  (void)k, (void)a, (void)b;
  mpfr_add_ui(t, o, 1, MPFR_RNDN);
  return t;
}
mpfr_srcptr xiO_d_sqrt(int k, mpfr_ptr t, mpfr_srcptr o, mpfr_srcptr a, mpfr_srcptr b) {
  (void)k, (void)a, (void)b;
  mpfr_mul_2ui(t, o, 1, MPFR_RNDN);
  mpfr_ui_div(t, 1, t, MPFR_RNDN); /* +Inf at 0: reported by the sweep */
  return t;
}
mpfr_srcptr xiO_d_sin(int k, mpfr_ptr t, mpfr_srcptr o, mpfr_srcptr a, mpfr_srcptr b) {
  (void)k, (void)o, (void)b;
  mpfr_cos(t, a, MPFR_RNDN);
  return t;
}
mpfr_srcptr xiO_d_cos(int k, mpfr_ptr t, mpfr_srcptr o, mpfr_srcptr a, mpfr_srcptr b) {
  (void)k, (void)o, (void)b;
  mpfr_sin(t, a, MPFR_RNDN);
  mpfr_neg(t, t, MPFR_RNDN);
  return t;
}
mpfr_srcptr xiO_d_tan(int k, mpfr_ptr t, mpfr_srcptr o, mpfr_srcptr a, mpfr_srcptr b) {
  (void)k, (void)a, (void)b;
  mpfr_sqr(t, o, MPFR_RNDN);
  mpfr_add_ui(t, t, 1, MPFR_RNDN);
  return t;
}
mpfr_srcptr xiO_d_tanh(int k, mpfr_ptr t, mpfr_srcptr o, mpfr_srcptr a, mpfr_srcptr b) {
  (void)k, (void)a, (void)b;
  mpfr_sqr(t, o, MPFR_RNDN);
  mpfr_ui_sub(t, 1, t, MPFR_RNDN);
  return t;
}
mpfr_srcptr xiO_d_sinh(int k, mpfr_ptr t, mpfr_srcptr o, mpfr_srcptr a, mpfr_srcptr b) {
  (void)k, (void)o, (void)b;
  mpfr_cosh(t, a, MPFR_RNDN);
  return t;
}
mpfr_srcptr xiO_d_cosh(int k, mpfr_ptr t, mpfr_srcptr o, mpfr_srcptr a, mpfr_srcptr b) {
  (void)k, (void)o, (void)b;
  mpfr_sinh(t, a, MPFR_RNDN);
  return t;
}
/* ±2·exp(-a²)/√π, erf's and erfc's */
static mpfr_srcptr gauss(mpfr_ptr t, mpfr_srcptr a, int neg) {
  mpfr_t u;
  mpfr_init2(u, mpfr_get_prec(t));
  mpfr_sqr(t, a, MPFR_RNDN);
  mpfr_neg(t, t, MPFR_RNDN);
  mpfr_exp(t, t, MPFR_RNDN);
  mpfr_const_pi(u, MPFR_RNDN);
  mpfr_sqrt(u, u, MPFR_RNDN);
  mpfr_div(t, t, u, MPFR_RNDN);
  mpfr_mul_si(t, t, neg ? -2 : 2, MPFR_RNDN);
  mpfr_clear(u);
  return t;
}
mpfr_srcptr xiO_d_erf(int k, mpfr_ptr t, mpfr_srcptr o, mpfr_srcptr a, mpfr_srcptr b) {
  (void)k, (void)o, (void)b;
  return gauss(t, a, 0);
}
mpfr_srcptr xiO_d_erfc(int k, mpfr_ptr t, mpfr_srcptr o, mpfr_srcptr a, mpfr_srcptr b) {
  (void)k, (void)o, (void)b;
  return gauss(t, a, 1);
}
mpfr_srcptr xiO_d_atan(int k, mpfr_ptr t, mpfr_srcptr o, mpfr_srcptr a, mpfr_srcptr b) {
  (void)k, (void)o, (void)b;
  mpfr_sqr(t, a, MPFR_RNDN);
  mpfr_add_ui(t, t, 1, MPFR_RNDN);
  mpfr_ui_div(t, 1, t, MPFR_RNDN);
  return t;
}
/* ±1/sqrt(1 - a²), as 1/sqrt((1 - a)(1 + a)) (no cancellation near ±1); +inf at ±1:
   reported by the sweep */
static mpfr_srcptr arc_slope(mpfr_ptr t, mpfr_srcptr a, int neg) {
  mpfr_t u;
  mpfr_init2(u, mpfr_get_prec(t));
  mpfr_ui_sub(t, 1, a, MPFR_RNDN);
  mpfr_add_ui(u, a, 1, MPFR_RNDN);
  mpfr_mul(t, t, u, MPFR_RNDN);
  mpfr_rec_sqrt(t, t, MPFR_RNDN);
  if (neg)
    mpfr_neg(t, t, MPFR_RNDN);
  mpfr_clear(u);
  return t;
}
mpfr_srcptr xiO_d_asin(int k, mpfr_ptr t, mpfr_srcptr o, mpfr_srcptr a, mpfr_srcptr b) {
  (void)k, (void)o, (void)b;
  return arc_slope(t, a, 0);
}
mpfr_srcptr xiO_d_acos(int k, mpfr_ptr t, mpfr_srcptr o, mpfr_srcptr a, mpfr_srcptr b) {
  (void)k, (void)o, (void)b;
  return arc_slope(t, a, 1);
}
/* atan2(a, b) = atan2(y, x): b/(a² + b²) by y, -a/(a² + b²) by x; 0/0 (NaN) at the
   origin, reported by the sweep */
mpfr_srcptr xiO_d_atan2(int k, mpfr_ptr t, mpfr_srcptr o, mpfr_srcptr a, mpfr_srcptr b) {
  (void)o;
  mpfr_t u;
  mpfr_init2(u, mpfr_get_prec(t));
  mpfr_sqr(t, a, MPFR_RNDN);
  mpfr_sqr(u, b, MPFR_RNDN);
  mpfr_add(u, t, u, MPFR_RNDN);
  if (k == 0)
    mpfr_div(t, b, u, MPFR_RNDN);
  else {
    mpfr_div(t, a, u, MPFR_RNDN);
    mpfr_neg(t, t, MPFR_RNDN);
  }
  mpfr_clear(u);
  return t;
}
/* a/o and b/o, o = hypot(a, b); 0/0 (NaN) at the origin, reported by the sweep */
mpfr_srcptr xiO_d_hypot(int k, mpfr_ptr t, mpfr_srcptr o, mpfr_srcptr a, mpfr_srcptr b) {
  mpfr_div(t, k == 0 ? a : b, o, MPFR_RNDN);
  return t;
}
mpfr_srcptr xiO_d_sigmoid(int k, mpfr_ptr t, mpfr_srcptr o, mpfr_srcptr a,
                             mpfr_srcptr b) {
  (void)k, (void)a, (void)b;
  mpfr_ui_sub(t, 1, o, MPFR_RNDN);
  mpfr_mul(t, t, o, MPFR_RNDN);
  return t;
}
mpfr_srcptr xiO_d_softplus(int k, mpfr_ptr t, mpfr_srcptr o, mpfr_srcptr a,
                              mpfr_srcptr b) {
  (void)k, (void)o;
  xiO_fw_sigmoid(t, a, b, MPFR_RNDN);
  return t;
}
mpfr_srcptr xiO_d_log_sigmoid(int k, mpfr_ptr t, mpfr_srcptr o, mpfr_srcptr a,
                                 mpfr_srcptr b) {
  (void)k, (void)o;
  mpfr_neg(t, a, MPFR_RNDN); /* σ(-a), never 1 - σ(a) */
  xiO_fw_sigmoid(t, t, b, MPFR_RNDN);
  return t;
}
mpfr_srcptr xiO_d_relu(int k, mpfr_ptr t, mpfr_srcptr o, mpfr_srcptr a, mpfr_srcptr b) {
  (void)k, (void)t, (void)o, (void)b;
  return mpfr_sgn(a) > 0 ? xiO_one : xiO_zero;
}
mpfr_srcptr xiO_d_abs(int k, mpfr_ptr t, mpfr_srcptr o, mpfr_srcptr a, mpfr_srcptr b) {
  (void)k, (void)t, (void)o, (void)b;
  return sign_of(a);
}
/* 1 on the winning side, 1/2 each at a tie (PyTorch's and JAX's convention) */
static mpfr_srcptr pick(int win, int tie) { return tie ? xiO_half : win ? xiO_one : xiO_zero; }
mpfr_srcptr xiO_d_maximum(int k, mpfr_ptr t, mpfr_srcptr o, mpfr_srcptr a, mpfr_srcptr b) {
  (void)t, (void)o;
  return pick(k == 0 ? mpfr_greater_p(a, b) : mpfr_less_p(a, b), mpfr_equal_p(a, b));
}
mpfr_srcptr xiO_d_minimum(int k, mpfr_ptr t, mpfr_srcptr o, mpfr_srcptr a, mpfr_srcptr b) {
  (void)t, (void)o;
  return pick(k == 0 ? mpfr_less_p(a, b) : mpfr_greater_p(a, b), mpfr_equal_p(a, b));
}
mpfr_srcptr xiO_d_mod(int k, mpfr_ptr t, mpfr_srcptr o, mpfr_srcptr a, mpfr_srcptr b) {
  (void)o;
  if (k == 0)
    return xiO_one;
  xiO_fw_floordiv(t, a, b, MPFR_RNDN); /* a % b = a - b·floor(a/b) */
  mpfr_neg(t, t, MPFR_RNDN);
  return t;
}
mpfr_srcptr xiO_d_keep(int k, mpfr_ptr t, mpfr_srcptr o, mpfr_srcptr a, mpfr_srcptr b) {
  (void)t, (void)o, (void)a;
  return k == 0 && !mpfr_zero_p(b) ? xiO_one : xiO_zero;
}
mpfr_srcptr xiO_d_zero(int k, mpfr_ptr t, mpfr_srcptr o, mpfr_srcptr a, mpfr_srcptr b) {
  (void)k, (void)t, (void)o, (void)a, (void)b;
  return xiO_zero;
}
