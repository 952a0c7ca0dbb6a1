/* ops.c: the forward and local-partial rules named in ops.h.
 * Forward rules take the output first and the rounding mode last, as MPFR does.
 * The node's value is always finite when a partial is asked for: forward
 * evaluation turns NaN and infinities into errors first. */
#include "ops/ops.h"

#include <string.h>

mpfr_t xiO_one, xiO_minus_one, xiO_zero, xiO_half;
volatile sig_atomic_t *xiO_interrupt;

/* ---- forward rules ---- */
static int fw_id(mpfr_ptr r, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t rnd) {
  (void)b;
  return mpfr_set(r, a, rnd);
}
static int fw_neg(mpfr_ptr r, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t rnd) {
  (void)b;
  return mpfr_neg(r, a, rnd);
}
static int fw_add(mpfr_ptr r, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t rnd) {
  return mpfr_add(r, a, b, rnd);
}
static int fw_sub(mpfr_ptr r, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t rnd) {
  return mpfr_sub(r, a, b, rnd);
}
static int fw_mul(mpfr_ptr r, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t rnd) {
  return mpfr_mul(r, a, b, rnd);
}
static int fw_div(mpfr_ptr r, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t rnd) {
  return mpfr_div(r, a, b, rnd);
}
static int fw_pow(mpfr_ptr r, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t rnd) {
  return mpfr_pow(r, a, b, rnd);
}
static int fw_exp(mpfr_ptr r, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t rnd) {
  (void)b;
  return mpfr_exp(r, a, rnd);
}
static int fw_log(mpfr_ptr r, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t rnd) {
  (void)b;
  return mpfr_log(r, a, rnd);
}
/* a·log(b), and 0 where a = 0 for any b but NaN (SciPy's xlogy); the log
   with guard bits, so the product is rounded about once */
static int fw_xlogy(mpfr_ptr r, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t rnd) {
  if (mpfr_zero_p(a) && !mpfr_nan_p(b)) {
    mpfr_set_zero(r, 1);
    return 0;
  }
  mpfr_t t;
  mpfr_init2(t, mpfr_get_prec(r) + 32);
  mpfr_log(t, b, MPFR_RNDN);
  int inex = mpfr_mul(r, t, a, rnd);
  mpfr_clear(t);
  return inex;
}
static int fw_log1p(mpfr_ptr r, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t rnd) {
  (void)b;
  return mpfr_log1p(r, a, rnd);
}
static int fw_expm1(mpfr_ptr r, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t rnd) {
  (void)b;
  return mpfr_expm1(r, a, rnd);
}
static int fw_sqrt(mpfr_ptr r, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t rnd) {
  (void)b;
  return mpfr_sqrt(r, a, rnd);
}
/* An angle past 2^(2^XI_ANGLE_BITS): reducing it by 2π needs as many bits of π,
   a computation ^C cannot stop (a second at 2^22, minutes past 2^28): NaN,
   reported with the row's message, instead */
static int huge_angle(mpfr_ptr r, mpfr_srcptr a) {
  if (!mpfr_regular_p(a) || mpfr_get_exp(a) <= (mpfr_exp_t)1 << XI_ANGLE_BITS)
    return 0;
  mpfr_set_nan(r);
  return 1;
}
static int fw_sin(mpfr_ptr r, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t rnd) {
  (void)b;
  if (huge_angle(r, a))
    return 0;
  return mpfr_sin(r, a, rnd);
}
static int fw_cos(mpfr_ptr r, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t rnd) {
  (void)b;
  if (huge_angle(r, a))
    return 0;
  return mpfr_cos(r, a, rnd);
}
static int fw_tan(mpfr_ptr r, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t rnd) {
  (void)b;
  if (huge_angle(r, a))
    return 0;
  return mpfr_tan(r, a, rnd);
}
static int fw_tanh(mpfr_ptr r, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t rnd) {
  (void)b;
  return mpfr_tanh(r, a, rnd);
}
static int fw_sinh(mpfr_ptr r, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t rnd) {
  (void)b;
  return mpfr_sinh(r, a, rnd);
}
static int fw_cosh(mpfr_ptr r, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t rnd) {
  (void)b;
  return mpfr_cosh(r, a, rnd);
}
/* σ(a) = 1/(1 + e^-a), with guard bits so the two roundings inside stay
   below the final one; MPFR has no sigmoid of its own. */
static int fw_sigmoid(mpfr_ptr r, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t rnd) {
  (void)b;
  mpfr_t t;
  mpfr_init2(t, mpfr_get_prec(r) + 32);
  mpfr_neg(t, a, MPFR_RNDN);
  mpfr_exp(t, t, MPFR_RNDN);
  mpfr_add_ui(t, t, 1, MPFR_RNDN);
  int inex = mpfr_ui_div(r, 1, t, rnd);
  mpfr_clear(t);
  return inex;
}
/* softplus(a) = log(1 + e^a), as a + log1p(e^-a) for a > 0 (e^±a never
   overflows, and 1 + e^a is never rounded), with guard bits */
static int softplus(mpfr_ptr r, mpfr_srcptr a, int neg, mpfr_rnd_t rnd) {
  mpfr_t t, x;
  mpfr_inits2(mpfr_get_prec(r) + 32, t, x, (mpfr_ptr)0);
  mpfr_set(x, a, MPFR_RNDN); /* (exact: x has more bits than a's working precision) */
  if (neg)
    mpfr_neg(x, x, MPFR_RNDN);
  int inex;
  if (mpfr_sgn(x) > 0) {
    mpfr_neg(t, x, MPFR_RNDN);
    mpfr_exp(t, t, MPFR_RNDN);
    mpfr_log1p(t, t, MPFR_RNDN);
    mpfr_add(t, t, x, MPFR_RNDN);
  } else {
    mpfr_exp(t, x, MPFR_RNDN);
    mpfr_log1p(t, t, MPFR_RNDN);
  }
  inex = neg ? mpfr_neg(r, t, rnd) : mpfr_set(r, t, rnd);
  mpfr_clears(t, x, (mpfr_ptr)0);
  return inex;
}
static int fw_softplus(mpfr_ptr r, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t rnd) {
  (void)b;
  return softplus(r, a, 0, rnd);
}
/* log σ(a) = -softplus(-a) */
static int fw_log_sigmoid(mpfr_ptr r, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t rnd) {
  (void)b;
  return softplus(r, a, 1, rnd);
}
static int fw_relu(mpfr_ptr r, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t rnd) {
  (void)b;
  if (mpfr_sgn(a) > 0)
    return mpfr_set(r, a, rnd);
  mpfr_set_zero(r, 1);
  return 0;
}
static int fw_abs(mpfr_ptr r, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t rnd) {
  (void)b;
  return mpfr_abs(r, a, rnd);
}
static int fw_sign(mpfr_ptr r, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t rnd) {
  (void)b;
  if (mpfr_nan_p(a)) { /* np.sign(nan) is nan (mpfr_sgn would say 0) */
    mpfr_set_nan(r);
    return 0;
  }
  return mpfr_set_si(r, mpfr_sgn(a), rnd);
}
/* NumPy's rule: the first when a >= b, else the second, NaN staying NaN;
   either way an operand exactly, so -0 and +0 keep their sign */
/* equal operands give b, as NumPy 1.24's np.maximum and np.minimum do (their SIMD
   loops and their scalar ones): np.maximum(0, -0.0) is -0.0, np.maximum(-0.0, 0) 0.0 */
static int fw_maximum(mpfr_ptr r, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t rnd) {
  return mpfr_set(r, mpfr_nan_p(a) || mpfr_greater_p(a, b) ? a : b, rnd);
}
static int fw_minimum(mpfr_ptr r, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t rnd) {
  return mpfr_set(r, mpfr_nan_p(a) || mpfr_less_p(a, b) ? a : b, rnd);
}
/* floor(a/b) exactly: a quotient rounded down is never above the true one,
   and never below the integer under it (integers are representable there) */
static int fw_floordiv(mpfr_ptr r, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t rnd) {
  (void)rnd;
  if (!mpfr_zero_p(b) && (!mpfr_number_p(a) || !mpfr_number_p(b))) {
    /* Python's and NumPy's (a - fmod(a, b))/b, floored: nan where a is inf or
       either is nan; a finite a over ±inf is -1 where their signs differ
       (-5 // inf), else a zero of their product's sign (5 // inf is 0.0) */
    if (mpfr_nan_p(a) || mpfr_nan_p(b) || mpfr_inf_p(a))
      mpfr_set_nan(r);
    else if (!mpfr_zero_p(a) && mpfr_signbit(a) != mpfr_signbit(b))
      mpfr_set_si(r, -1, MPFR_RNDN);
    else
      mpfr_set_zero(r, mpfr_signbit(a) != mpfr_signbit(b) ? -1 : 1);
    return 0;
  }
  mpfr_div(r, a, b, MPFR_RNDD);
  return mpfr_floor(r, r);
}
/* Python's a % b: fmod's remainder (exact, with a's sign) moved to b's sign */
static int fw_mod(mpfr_ptr r, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t rnd) {
  int inex = mpfr_fmod(r, a, b, rnd);
  if (mpfr_nan_p(r))
    return inex; /* b = 0: reported as the domain error */
  if (mpfr_zero_p(r)) {
    mpfr_set_zero(r, mpfr_signbit(b) ? -1 : 1); /* Python: copysign(0, b) */
    return 0;
  }
  if (mpfr_signbit(r) != mpfr_signbit(b))
    inex = mpfr_add(r, r, b, rnd);
  return inex;
}
/* a where b holds, else -0: x + (-0) is x for every x, so where's sum is exact */
static int fw_keep(mpfr_ptr r, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t rnd) {
  if (mpfr_zero_p(b)) {
    mpfr_set_zero(r, -1);
    return 0;
  }
  return mpfr_set(r, a, rnd);
}
static int fw_trunc(mpfr_ptr r, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t rnd) {
  (void)b, (void)rnd;
  return mpfr_trunc(r, a);
}
static int fw_floor(mpfr_ptr r, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t rnd) {
  (void)b, (void)rnd;
  return mpfr_floor(r, a);
}
static int fw_ceil(mpfr_ptr r, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t rnd) {
  (void)b, (void)rnd;
  return mpfr_ceil(r, a);
}
static int fw_log2(mpfr_ptr r, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t rnd) {
  (void)b;
  return mpfr_log2(r, a, rnd);
}
static int fw_log10(mpfr_ptr r, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t rnd) {
  (void)b;
  return mpfr_log10(r, a, rnd);
}
/* comparisons give 1 or 0; one with NaN in it holds only as != (IEEE's rule) */
static int truth(mpfr_ptr r, int holds) {
  mpfr_set_ui(r, holds != 0, MPFR_RNDN);
  return 0;
}
static int fw_gt(mpfr_ptr r, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t rnd) {
  (void)rnd;
  return truth(r, mpfr_greater_p(a, b));
}
static int fw_ge(mpfr_ptr r, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t rnd) {
  (void)rnd;
  return truth(r, mpfr_greaterequal_p(a, b));
}
static int fw_lt(mpfr_ptr r, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t rnd) {
  (void)rnd;
  return truth(r, mpfr_less_p(a, b));
}
static int fw_le(mpfr_ptr r, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t rnd) {
  (void)rnd;
  return truth(r, mpfr_lessequal_p(a, b));
}
static int fw_eq(mpfr_ptr r, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t rnd) {
  (void)rnd;
  return truth(r, mpfr_equal_p(a, b));
}
static int fw_isfinite(mpfr_ptr r, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t rnd) {
  (void)b, (void)rnd;
  return truth(r, mpfr_number_p(a));
}
static int fw_ne(mpfr_ptr r, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t rnd) {
  (void)rnd;
  return truth(r, !mpfr_equal_p(a, b));
}

/* ---- local partials ∂out/∂(operand k) ---- */
static mpfr_srcptr sign_of(mpfr_srcptr a) {
  int s = mpfr_sgn(a);
  return s > 0 ? xiO_one : s < 0 ? xiO_minus_one : xiO_zero;
}
static mpfr_srcptr d_id(int k, mpfr_ptr t, mpfr_srcptr o, mpfr_srcptr a, mpfr_srcptr b) {
  (void)k, (void)t, (void)o, (void)a, (void)b;
  return xiO_one;
}
static mpfr_srcptr d_neg(int k, mpfr_ptr t, mpfr_srcptr o, mpfr_srcptr a, mpfr_srcptr b) {
  (void)k, (void)t, (void)o, (void)a, (void)b;
  return xiO_minus_one;
}
static mpfr_srcptr d_add(int k, mpfr_ptr t, mpfr_srcptr o, mpfr_srcptr a, mpfr_srcptr b) {
  (void)k, (void)t, (void)o, (void)a, (void)b;
  return xiO_one;
}
static mpfr_srcptr d_sub(int k, mpfr_ptr t, mpfr_srcptr o, mpfr_srcptr a, mpfr_srcptr b) {
  (void)t, (void)o, (void)a, (void)b;
  return k == 0 ? xiO_one : xiO_minus_one;
}
static mpfr_srcptr d_mul(int k, mpfr_ptr t, mpfr_srcptr o, mpfr_srcptr a, mpfr_srcptr b) {
  (void)t, (void)o;
  return k == 0 ? b : a;
}
static mpfr_srcptr d_div(int k, mpfr_ptr t, mpfr_srcptr o, mpfr_srcptr a, mpfr_srcptr b) {
  (void)a;
  if (k == 0) {
    mpfr_ui_div(t, 1, b, MPFR_RNDN);
  } else { /* -a/b² = -(a/b)/b, and a/b is the node's value */
    mpfr_div(t, o, b, MPFR_RNDN);
    mpfr_neg(t, t, MPFR_RNDN);
  }
  return t;
}
static mpfr_srcptr d_pow(int k, mpfr_ptr t, mpfr_srcptr o, mpfr_srcptr a, mpfr_srcptr b) {
  if (k == 0) {
    if (mpfr_zero_p(b))
      return xiO_zero;
    mpfr_sub_ui(t, b, 1, MPFR_RNDN);
    mpfr_pow(t, a, t, MPFR_RNDN);
    mpfr_mul(t, t, b, MPFR_RNDN);
    return t;
  }
  fw_xlogy(t, o, a, MPFR_RNDN); /* 0 where x^y = 0; NaN for a < 0: reported by the sweep */
  return t;
}
/* log(b); a/b, 0 where a = 0 as xlogy(0, b) is for every b but b = 0 (0/0) */
static mpfr_srcptr d_xlogy(int k, mpfr_ptr t, mpfr_srcptr o, mpfr_srcptr a, mpfr_srcptr b) {
  (void)o;
  if (k == 0)
    mpfr_log(t, b, MPFR_RNDN);
  else
    mpfr_div(t, a, b, MPFR_RNDN);
  return t;
}
static mpfr_srcptr d_exp(int k, mpfr_ptr t, mpfr_srcptr o, mpfr_srcptr a, mpfr_srcptr b) {
  (void)k, (void)t, (void)a, (void)b;
  return o;
}
static mpfr_srcptr d_log(int k, mpfr_ptr t, mpfr_srcptr o, mpfr_srcptr a, mpfr_srcptr b) {
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
static mpfr_srcptr d_log2(int k, mpfr_ptr t, mpfr_srcptr o, mpfr_srcptr a, mpfr_srcptr b) {
  (void)k, (void)o, (void)b;
  return d_log_base(t, a, 2);
}
static mpfr_srcptr d_log10(int k, mpfr_ptr t, mpfr_srcptr o, mpfr_srcptr a, mpfr_srcptr b) {
  (void)k, (void)o, (void)b;
  return d_log_base(t, a, 10);
}
static mpfr_srcptr d_log1p(int k, mpfr_ptr t, mpfr_srcptr o, mpfr_srcptr a, mpfr_srcptr b) {
  (void)k, (void)o, (void)b;
  mpfr_add_ui(t, a, 1, MPFR_RNDN);
  mpfr_ui_div(t, 1, t, MPFR_RNDN);
  return t;
}
static mpfr_srcptr d_expm1(int k, mpfr_ptr t, mpfr_srcptr o, mpfr_srcptr a, mpfr_srcptr b) {
  (void)k, (void)a, (void)b;
  mpfr_add_ui(t, o, 1, MPFR_RNDN);
  return t;
}
static mpfr_srcptr d_sqrt(int k, mpfr_ptr t, mpfr_srcptr o, mpfr_srcptr a, mpfr_srcptr b) {
  (void)k, (void)a, (void)b;
  mpfr_mul_2ui(t, o, 1, MPFR_RNDN);
  mpfr_ui_div(t, 1, t, MPFR_RNDN); /* +Inf at 0: reported by the sweep */
  return t;
}
static mpfr_srcptr d_sin(int k, mpfr_ptr t, mpfr_srcptr o, mpfr_srcptr a, mpfr_srcptr b) {
  (void)k, (void)o, (void)b;
  mpfr_cos(t, a, MPFR_RNDN);
  return t;
}
static mpfr_srcptr d_cos(int k, mpfr_ptr t, mpfr_srcptr o, mpfr_srcptr a, mpfr_srcptr b) {
  (void)k, (void)o, (void)b;
  mpfr_sin(t, a, MPFR_RNDN);
  mpfr_neg(t, t, MPFR_RNDN);
  return t;
}
static mpfr_srcptr d_tan(int k, mpfr_ptr t, mpfr_srcptr o, mpfr_srcptr a, mpfr_srcptr b) {
  (void)k, (void)a, (void)b;
  mpfr_sqr(t, o, MPFR_RNDN);
  mpfr_add_ui(t, t, 1, MPFR_RNDN);
  return t;
}
static mpfr_srcptr d_tanh(int k, mpfr_ptr t, mpfr_srcptr o, mpfr_srcptr a, mpfr_srcptr b) {
  (void)k, (void)a, (void)b;
  mpfr_sqr(t, o, MPFR_RNDN);
  mpfr_ui_sub(t, 1, t, MPFR_RNDN);
  return t;
}
static mpfr_srcptr d_sinh(int k, mpfr_ptr t, mpfr_srcptr o, mpfr_srcptr a, mpfr_srcptr b) {
  (void)k, (void)o, (void)b;
  mpfr_cosh(t, a, MPFR_RNDN);
  return t;
}
static mpfr_srcptr d_cosh(int k, mpfr_ptr t, mpfr_srcptr o, mpfr_srcptr a, mpfr_srcptr b) {
  (void)k, (void)o, (void)b;
  mpfr_sinh(t, a, MPFR_RNDN);
  return t;
}
static mpfr_srcptr d_sigmoid(int k, mpfr_ptr t, mpfr_srcptr o, mpfr_srcptr a,
                             mpfr_srcptr b) {
  (void)k, (void)a, (void)b;
  mpfr_ui_sub(t, 1, o, MPFR_RNDN);
  mpfr_mul(t, t, o, MPFR_RNDN);
  return t;
}
static mpfr_srcptr d_softplus(int k, mpfr_ptr t, mpfr_srcptr o, mpfr_srcptr a,
                              mpfr_srcptr b) {
  (void)k, (void)o;
  fw_sigmoid(t, a, b, MPFR_RNDN);
  return t;
}
static mpfr_srcptr d_log_sigmoid(int k, mpfr_ptr t, mpfr_srcptr o, mpfr_srcptr a,
                                 mpfr_srcptr b) {
  (void)k, (void)o;
  mpfr_neg(t, a, MPFR_RNDN); /* σ(-a), never 1 - σ(a) */
  fw_sigmoid(t, t, b, MPFR_RNDN);
  return t;
}
static mpfr_srcptr d_relu(int k, mpfr_ptr t, mpfr_srcptr o, mpfr_srcptr a, mpfr_srcptr b) {
  (void)k, (void)t, (void)o, (void)b;
  return mpfr_sgn(a) > 0 ? xiO_one : xiO_zero;
}
static mpfr_srcptr d_abs(int k, mpfr_ptr t, mpfr_srcptr o, mpfr_srcptr a, mpfr_srcptr b) {
  (void)k, (void)t, (void)o, (void)b;
  return sign_of(a);
}
/* 1 on the winning side, 1/2 each at a tie (PyTorch's and JAX's convention) */
static mpfr_srcptr pick(int win, int tie) { return tie ? xiO_half : win ? xiO_one : xiO_zero; }
static mpfr_srcptr d_maximum(int k, mpfr_ptr t, mpfr_srcptr o, mpfr_srcptr a, mpfr_srcptr b) {
  (void)t, (void)o;
  return pick(k == 0 ? mpfr_greater_p(a, b) : mpfr_less_p(a, b), mpfr_equal_p(a, b));
}
static mpfr_srcptr d_minimum(int k, mpfr_ptr t, mpfr_srcptr o, mpfr_srcptr a, mpfr_srcptr b) {
  (void)t, (void)o;
  return pick(k == 0 ? mpfr_less_p(a, b) : mpfr_greater_p(a, b), mpfr_equal_p(a, b));
}
static mpfr_srcptr d_mod(int k, mpfr_ptr t, mpfr_srcptr o, mpfr_srcptr a, mpfr_srcptr b) {
  (void)o;
  if (k == 0)
    return xiO_one;
  fw_floordiv(t, a, b, MPFR_RNDN); /* a % b = a - b·floor(a/b) */
  mpfr_neg(t, t, MPFR_RNDN);
  return t;
}
static mpfr_srcptr d_keep(int k, mpfr_ptr t, mpfr_srcptr o, mpfr_srcptr a, mpfr_srcptr b) {
  (void)t, (void)o, (void)a;
  return k == 0 && !mpfr_zero_p(b) ? xiO_one : xiO_zero;
}
static mpfr_srcptr d_zero(int k, mpfr_ptr t, mpfr_srcptr o, mpfr_srcptr a, mpfr_srcptr b) {
  (void)k, (void)t, (void)o, (void)a, (void)b;
  return xiO_zero;
}

#include "ops/tops.h"

const xiO_row xiO_table[XI_NOPS] = {
    [XI_LEAF] = {.name = "leaf", .form = "a"},
    [XI_CONST] = {.name = "constant", .form = "a"},
    [XI_GRAD] = {.name = "grad", .arity = 2, .form = "grad(a, b)"},
    [XI_LIST] = {.name = "list", .form = "[…]"},
    [XI_TUPLE] = {.name = "tuple", .form = "(…)"},
#define XI_OP_ROW(id, nm, ar, fw, dp, fm, d0, d1, nanm, polem, hlp)                        \
  [XI_##id] = {.name = nm, .arity = ar, .shape = xiO_sh_broadcast, .forward = fw,          \
               .partial = dp, .form = fm, .d = {d0, d1}, .nan_msg = nanm,                  \
               .pole_msg = polem, .help = hlp},
    XI_OPS(XI_OP_ROW)
#undef XI_OP_ROW
#define XI_TOP_ROW(id, nm, ar, np, sh, tf, tv, tg, fm, d0, d1, hlp)                        \
  [XI_##id] = {.name = nm, .arity = ar, .params = np, .shape = xiO_##sh,                  \
               .tforward = xiO_##tf, .vjp = xiO_##tv, .gvjp = xiO_##tg, .form = fm,        \
               .d = {d0, d1}, .help = hlp},
    XI_TOPS(XI_TOP_ROW)
#undef XI_TOP_ROW
};

static const struct {
  const char *alias;
  int op;
} aliases[] = {{"σ", XI_SIGMOID}};

int xiO_lookup_args(const char *name, size_t len, int argc) {
  for (int op = XI_FIRST_OP; op < XI_NOPS; op++) {
    const xiO_row *r = &xiO_table[op];
    const char *n = r->name;
    if (!n || n[0] != name[0] || strlen(n) != len || memcmp(n, name, len) != 0)
      continue;
    if (argc >= r->arity + xiO_params_lo(r) && argc <= r->arity + xiO_params_hi(r))
      return op;
  }
  for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
    if (strlen(aliases[i].alias) == len && memcmp(aliases[i].alias, name, len) == 0)
      return argc == xiO_table[aliases[i].op].arity ? aliases[i].op : -1;
  return -1;
}

void xiO_params_default(int op, int32_t p[XI_NPARAMS]) {
  /* round(x) is round(x, 0); the index rows' p[0] is a mode, plain by default;
     concatenate's axis is 0, as NumPy's */
  int zero = op == XI_ROUND || op == XI_GATHER || op == XI_SCATTERADD || op == XI_CONCAT;
  p[0] = zero ? 0 : XI_ALL_AXES;
  p[1] = INT32_MAX;
  for (int k = 2; k < XI_NPARAMS; k++)
    p[k] = 0; /* var's ddof 0 */
}

int xiO_lookup(const char *name, size_t len) {
  for (int op = 0; op < XI_NOPS; op++) {
    const char *n = xiO_table[op].name;
    if (op >= XI_FIRST_OP && n && n[0] == name[0] && strlen(n) == len && memcmp(n, name, len) == 0)
      return op;
  }
  for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
    if (strlen(aliases[i].alias) == len && memcmp(aliases[i].alias, name, len) == 0)
      return aliases[i].op;
  return -1;
}

/* Python's and NumPy's rules, as far as printing needs them: comparisons
   give bools; + - * // % @ of ints (bools counting as ints) give ints, & | ^
   of bools bools; sums
   of ints are ints; what only moves elements keeps the dtype; the rest
   (/, exp, mean, ...) gives floats.  uint8 with ints or bools is uint8 (the
   tape checks that its values are 0..255: NumPy's own type may be wider,
   never with other values there), but its sum and concatenation are ints. */
int xiO_dtype(int op, int da, int db) {
  int ints = da != XI_DT_FLOAT && db != XI_DT_FLOAT;
  int u8 = ints && (da == XI_DT_UINT8 || db == XI_DT_UINT8);
  switch (op) {
  case XI_GT: case XI_GE: case XI_LT: case XI_LE: case XI_EQ: case XI_NE: case XI_ISFINITE:
    return XI_DT_BOOL;
  case XI_ID: case XI_TRANSPOSE: case XI_INDEX: case XI_RESHAPE: case XI_BROADCAST:
  case XI_MAX: case XI_KEEP: case XI_ROUND: case XI_GATHER: case XI_PUT: case XI_MASKOUT:
  case XI_MIN: case XI_SLICE: case XI_SLICESET: case XI_DIAG:
    return da;
  case XI_CONCAT: /* (uint8 with bools stays uint8) */
    return da == db ? da : u8 && da != XI_DT_INT && db != XI_DT_INT ? XI_DT_UINT8
                         : ints ? XI_DT_INT : XI_DT_FLOAT;
  case XI_NEG: case XI_ABS: case XI_SIGN:
    return da == XI_DT_FLOAT ? XI_DT_FLOAT : da == XI_DT_UINT8 ? XI_DT_UINT8 : XI_DT_INT;
  case XI_ADD: case XI_SUB: case XI_MUL: case XI_MOD: case XI_FLOORDIV: case XI_MAXIMUM:
  case XI_MINIMUM: case XI_MATMUL: case XI_OUTER: case XI_POW:
    return u8 ? XI_DT_UINT8 : ints ? XI_DT_INT : XI_DT_FLOAT;
  case XI_BITAND: case XI_BITOR: case XI_BITXOR: /* of bools a bool (True & False) */
    return da == XI_DT_BOOL && db == XI_DT_BOOL ? XI_DT_BOOL : u8 ? XI_DT_UINT8 : XI_DT_INT;
  case XI_INVERT: case XI_LSHIFT: case XI_RSHIFT: /* ~True is -2, True << 1 is 2 (NumPy's
                                                     ~mask is the tape's) */
    return u8 ? XI_DT_UINT8 : XI_DT_INT;
  case XI_SUM:
    return da == XI_DT_FLOAT ? XI_DT_FLOAT : XI_DT_INT;
  case XI_TRUNC: case XI_ARGMAX: case XI_ARGMIN: case XI_NONZERO:
    return XI_DT_INT;
  default:
    return XI_DT_FLOAT;
  }
}

int xiO_float16_ufunc(int op) {
  switch (op) {
  case XI_EXP: case XI_LOG: case XI_LOG2: case XI_LOG10: case XI_SQRT: case XI_SIN:
  case XI_COS: case XI_TAN: case XI_TANH: case XI_SINH: case XI_COSH: case XI_LOG1P:
  case XI_EXPM1: case XI_FLOOR: case XI_CEIL:
    return 1;
  default:
    return 0;
  }
}

const char *xiO_function_name(int i) {

  for (int op = XI_FIRST_OP; op < XI_NOPS; op++)
    if (xiO_table[op].name && i-- == 0)
      return xiO_table[op].name;
  return NULL;
}

/* sessions may overlap (a test holds two): the constants live while any does */
static int users;

void xiO_init(void) {
  if (users++)
    return;
  mpfr_init2(xiO_one, 2);
  mpfr_init2(xiO_minus_one, 2);
  mpfr_init2(xiO_zero, 2);
  mpfr_init2(xiO_half, 2);
  mpfr_set_ui_2exp(xiO_half, 1, -1, MPFR_RNDN);
  mpfr_set_si(xiO_one, 1, MPFR_RNDN);
  mpfr_set_si(xiO_minus_one, -1, MPFR_RNDN);
  mpfr_set_zero(xiO_zero, 1);
}

void xiO_done(void) {
  if (--users)
    return;
  mpfr_clear(xiO_one);
  mpfr_clear(xiO_minus_one);
  mpfr_clear(xiO_zero);
  mpfr_clear(xiO_half);
  xiO_scratch_free();
  mpfr_free_cache();
}
