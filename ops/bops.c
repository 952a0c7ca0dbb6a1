/* bops.c: ball rules (bops.h): the continuous elementwise ones, and the one table that
 * gives each op of ops.h its rule (the discontinuous ones are bdisc.c's, the tensor
 * rules btops.c's).
 * An elementwise rule bounds one element: 0, or -1 when it cannot (the
 * element is then made indeterminate, and the others go on). */
#include "ops/bops.h"
#include "ops/btops.h"

#include <arb_hypgeom.h>

/* ---- continuous ops: Arb's functions, which bound every point of the balls ---- */

typedef void (*arb_fn)(arb_t r, const arb_t a, slong prec);

/* r = f(a) for an f increasing in a (even: in |a|): Arb's f of a wide ball
   can be far wider than f's values on it (exp of 0 ± 26 at 128 bits is
   1 ± 2e11, below 0 where exp is not; at 2 bits exp of 32 ± 16 holds
   negative numbers, and σ = 1/(1 + e^-a) of it nothing), so a ball that
   proves too little is replaced by f at its ends: [f(lo), f(hi)] holds every
   f(x) for x in it (its intersection with Arb's, when they meet).  For an
   even f the ends are those of |a|: min |a| is 0 where the ball holds 0. */
static void monotone(arb_t r, const arb_t a, arb_fn f, int even, slong prec) {
  f(r, a, prec);
  if (arb_is_exact(a) || !arb_is_finite(a) ||
      (arb_is_finite(r) && arb_rel_accuracy_bits(r) >= 8))
    return;
  arb_t lo, hi;
  arb_init(lo);
  arb_init(hi);
  slong p = prec < 64 ? 64 : prec; /* (at 2 bits Arb's e^48, and a union, are coarse) */
  if (even) { /* outward: lo <= every |x| of a <= hi */
    arb_get_abs_lbound_arf(arb_midref(lo), a, p);
    arb_get_abs_ubound_arf(arb_midref(hi), a, p);
  } else { /* outward: lo <= every point of a <= hi */
    arb_get_lbound_arf(arb_midref(lo), a, p);
    arb_get_ubound_arf(arb_midref(hi), a, p);
  }
  f(lo, lo, p);
  f(hi, hi, p);
  arb_union(lo, lo, hi, p);
  if (!arb_is_finite(r) || !arb_intersection(r, r, lo, p))
    arb_swap(r, lo);
  arb_clear(lo);
  arb_clear(hi);
}
static void increasing(arb_t r, const arb_t a, arb_fn f, slong prec) {
  monotone(r, a, f, 0, prec);
}

int xiO_be_ID(arb_t r, const arb_t a, const arb_t b, slong prec) {
  (void)b, (void)prec;
  arb_set(r, a); /* exact: a copy */
  return 0;
}
int xiO_be_NEG(arb_t r, const arb_t a, const arb_t b, slong prec) {
  (void)b, (void)prec;
  arb_neg(r, a);
  return 0;
}
int xiO_be_ADD(arb_t r, const arb_t a, const arb_t b, slong prec) {
  arb_add(r, a, b, prec);
  return 0;
}
int xiO_be_SUB(arb_t r, const arb_t a, const arb_t b, slong prec) {
  arb_sub(r, a, b, prec);
  return 0;
}
int xiO_be_MUL(arb_t r, const arb_t a, const arb_t b, slong prec) {
  arb_mul(r, a, b, prec);
  return 0;
}
/* a divisor ball holding 0 holds a pole (or 0/0) */
int xiO_be_DIV(arb_t r, const arb_t a, const arb_t b, slong prec) {
  if (arb_contains_zero(b))
    return -1;
  arb_div(r, a, b, prec);
  return 0;
}
int xiO_be_EXP(arb_t r, const arb_t a, const arb_t b, slong prec) {
  (void)b;
  increasing(r, a, arb_exp, prec);
  return 0;
}
int xiO_be_LOG(arb_t r, const arb_t a, const arb_t b, slong prec) {
  (void)b;
  if (!arb_is_positive(a)) /* log of 0 or of a negative number is in the ball */
    return -1;
  increasing(r, a, arb_log, prec);
  return 0;
}
/* log2 and log10: Arb's log of the ball over Arb's log 2 or log 10 */
static void arb_log_base(arb_t r, const arb_t a, unsigned long c, slong prec) {
  arb_t t;
  arb_init(t);
  if (c == 2)
    arb_const_log2(t, prec);
  else
    arb_const_log10(t, prec);
  arb_log(r, a, prec);
  arb_div(r, r, t, prec);
  arb_clear(t);
}
static void arb_log2_(arb_t r, const arb_t a, slong prec) { arb_log_base(r, a, 2, prec); }
static void arb_log10_(arb_t r, const arb_t a, slong prec) { arb_log_base(r, a, 10, prec); }
int xiO_be_LOG2(arb_t r, const arb_t a, const arb_t b, slong prec) {
  (void)b;
  if (!arb_is_positive(a))
    return -1;
  increasing(r, a, arb_log2_, prec);
  return 0;
}
int xiO_be_LOG10(arb_t r, const arb_t a, const arb_t b, slong prec) {
  (void)b;
  if (!arb_is_positive(a))
    return -1;
  increasing(r, a, arb_log10_, prec);
  return 0;
}
/* a·log(b), exactly 0 where a is exactly 0 (for any b); otherwise the log
   of b's ball, which must be positive */
int xiO_be_XLOGY(arb_t r, const arb_t a, const arb_t b, slong prec) {
  if (arb_is_zero(a)) {
    arb_zero(r);
    return 0;
  }
  arb_t t;
  arb_init(t);
  int rc = xiO_be_LOG(t, b, b, prec);
  if (rc == 0)
    arb_mul(r, a, t, prec);
  arb_clear(t);
  return rc;
}
/* log1p and expm1 without the rounding of 1 + x (Arb's) */
int xiO_be_LOG1P(arb_t r, const arb_t a, const arb_t b, slong prec) {
  (void)b;
  arb_t t;
  arb_init(t);
  arb_set_si(t, -1);
  int ok = arb_gt(a, t); /* above -1 at every point of the ball */
  arb_clear(t);
  if (!ok)
    return -1;
  increasing(r, a, arb_log1p, prec);
  return 0;
}
int xiO_be_EXPM1(arb_t r, const arb_t a, const arb_t b, slong prec) {
  (void)b;
  increasing(r, a, arb_expm1, prec);
  return 0;
}
/* sqrtpos is sqrt of the ball's nonnegative part, which is all of it here,
   and handles a ball whose lower end is exactly 0 */
int xiO_be_SQRT(arb_t r, const arb_t a, const arb_t b, slong prec) {
  (void)b;
  if (!arb_is_nonnegative(a))
    return -1;
  arb_sqrtpos(r, a, prec);
  return 0;
}
/* xi's sin, cos and tan refuse an angle past 2^(2^XI_ANGLE_BITS) (ops.c):
   reducing it takes as many bits of pi, and no ^C stops Arb either */
static int huge_angle(const arb_t a) {
  return !arb_is_finite(a) || arf_cmpabs_2exp_si(arb_midref(a), (slong)1 << XI_ANGLE_BITS) >= 0;
}
int xiO_be_SIN(arb_t r, const arb_t a, const arb_t b, slong prec) {
  (void)b;
  if (huge_angle(a))
    return -1;
  arb_sin(r, a, prec);
  return 0;
}
int xiO_be_COS(arb_t r, const arb_t a, const arb_t b, slong prec) {
  (void)b;
  if (huge_angle(a))
    return -1;
  arb_cos(r, a, prec);
  return 0;
}
/* a ball holding a pole gives a non-finite ball, refused by the caller */
int xiO_be_TAN(arb_t r, const arb_t a, const arb_t b, slong prec) {
  (void)b;
  if (huge_angle(a))
    return -1;
  arb_tan(r, a, prec);
  return 0;
}
int xiO_be_TANH(arb_t r, const arb_t a, const arb_t b, slong prec) {
  (void)b;
  increasing(r, a, arb_tanh, prec);
  return 0;
}
int xiO_be_SINH(arb_t r, const arb_t a, const arb_t b, slong prec) {
  (void)b;
  increasing(r, a, arb_sinh, prec);
  return 0;
}
/* cosh, even and increasing in |a| */
int xiO_be_COSH(arb_t r, const arb_t a, const arb_t b, slong prec) {
  (void)b;
  monotone(r, a, arb_cosh, 1, prec);
  return 0;
}
/* erf increasing, erfc decreasing: monotone's ends hold either way (the union of
   f(lo) and f(hi)) */
int xiO_be_ERF(arb_t r, const arb_t a, const arb_t b, slong prec) {
  (void)b;
  increasing(r, a, arb_hypgeom_erf, prec);
  return 0;
}
int xiO_be_ERFC(arb_t r, const arb_t a, const arb_t b, slong prec) {
  (void)b;
  increasing(r, a, arb_hypgeom_erfc, prec);
  return 0;
}
int xiO_be_ATAN(arb_t r, const arb_t a, const arb_t b, slong prec) {
  (void)b;
  increasing(r, a, arb_atan, prec);
  return 0;
}
/* asin and acos: a ball reaching past ±1 holds a domain error */
static int within_one(const arb_t a) {
  arb_t one;
  arb_init(one);
  arb_one(one);
  arb_t m;
  arb_init(m);
  arb_neg(m, one);
  int in = arb_ge(a, m) && arb_le(a, one); /* every point of a in [-1, 1] */
  arb_clear(one);
  arb_clear(m);
  return in;
}
int xiO_be_ASIN(arb_t r, const arb_t a, const arb_t b, slong prec) {
  (void)b;
  if (!within_one(a))
    return -1;
  increasing(r, a, arb_asin, prec);
  return 0;
}
int xiO_be_ACOS(arb_t r, const arb_t a, const arb_t b, slong prec) {
  (void)b;
  if (!within_one(a))
    return -1;
  increasing(r, a, arb_acos, prec);
  return 0;
}
/* atan2(y, x) is continuous but on the cut x <= 0, y = 0, where a ball of y holding 0
   with a ball of x not all positive proves nothing; on the real numbers, which have
   one zero, atan2(0, x) is 0 for x > 0 (Arb's), π for x < 0, and 0 at the origin (C's
   atan2(+0, +0), for want of a value there) */
int xiO_be_ATAN2(arb_t r, const arb_t a, const arb_t b, slong prec) {
  if (arb_is_zero(a) && arb_is_negative(b)) {
    arb_const_pi(r, prec);
    return 0;
  }
  if (arb_is_zero(a) && arb_is_zero(b)) {
    arb_zero(r);
    return 0;
  }
  if (arb_contains_zero(a) && !arb_is_positive(b))
    return -1;
  arb_atan2(r, a, b, prec);
  return 0;
}
int xiO_be_HYPOT(arb_t r, const arb_t a, const arb_t b, slong prec) {
  arb_hypot(r, a, b, prec);
  return 0;
}
/* σ(a) = 1/(1 + e^-a): both signs of a keep a small relative error (e^-a
   tiny: 1 + it is near 1; e^-a huge: its inverse is relative too) */
static void sigmoid(arb_t r, const arb_t a, slong prec) {
  arb_neg(r, a);
  arb_exp(r, r, prec);
  arb_add_ui(r, r, 1, prec);
  arb_inv(r, r, prec);
}
int xiO_be_SIGMOID(arb_t r, const arb_t a, const arb_t b, slong prec) {
  (void)b;
  increasing(r, a, sigmoid, prec);
  return 0;
}
/* softplus(a) = log1p(e^a): a ball's e^a is relative whatever a's size, and
   log1p keeps it so (for a large, log1p(e^a) is a + a small relative term) */
static void softplus(arb_t r, const arb_t a, slong prec) {
  arb_exp(r, a, prec);
  arb_log1p(r, r, prec);
}
int xiO_be_SOFTPLUS(arb_t r, const arb_t a, const arb_t b, slong prec) {
  (void)b;
  increasing(r, a, softplus, prec);
  return 0;
}
static void log_sigmoid(arb_t r, const arb_t a, slong prec) {
  arb_neg(r, a);
  softplus(r, r, prec);
  arb_neg(r, r);
}
int xiO_be_LOG_SIGMOID(arb_t r, const arb_t a, const arb_t b, slong prec) {
  (void)b;
  increasing(r, a, log_sigmoid, prec);
  return 0;
}
/* relu, abs, maximum and minimum are continuous: the ball of every value */
int xiO_be_RELU(arb_t r, const arb_t a, const arb_t b, slong prec) {
  (void)b, (void)prec;
  arb_nonnegative_part(r, a);
  return 0;
}
int xiO_be_ABS(arb_t r, const arb_t a, const arb_t b, slong prec) {
  (void)b, (void)prec;
  arb_abs(r, a);
  return 0;
}
int xiO_be_MAXIMUM(arb_t r, const arb_t a, const arb_t b, slong prec) {
  arb_max(r, a, b, prec);
  return 0;
}
int xiO_be_MINIMUM(arb_t r, const arb_t a, const arb_t b, slong prec) {
  arb_min(r, a, b, prec);
  return 0;
}

/* x^y for x in [0, hi], y > 0: between 0 and hi^y (x^y grows with x) */
static void pow_from_zero(arb_t r, const arb_t a, const arb_t b, slong prec) {
  arb_t hi;
  arb_init(hi);
  arb_get_ubound_arf(arb_midref(hi), a, prec);
  arb_pow(hi, hi, b, prec);
  arb_zero(r);
  arb_union(r, r, hi, prec);
  arb_clear(hi);
}

/* a^b as MPFR's pow: an exact integer exponent takes any base (a pole when
   it is negative and the base may be 0); otherwise the base must be positive,
   or nonnegative with a positive exponent (0^y = 0) */
int xiO_be_POW(arb_t r, const arb_t a, const arb_t b, slong prec) {
  if (arb_is_int(b) && arf_cmpabs_2exp_si(arb_midref(b), 62) < 0) {
    if (arf_sgn(arb_midref(b)) < 0 && arb_contains_zero(a))
      return -1;
    fmpz_t e;
    fmpz_init(e);
    arf_get_fmpz(e, arb_midref(b), ARF_RND_DOWN); /* exact: an integer under 2^62 */
    arb_pow_fmpz(r, a, e, prec);
    fmpz_clear(e);
  } else if (arb_is_positive(a)) {
    arb_pow(r, a, b, prec);
  } else if (arb_is_nonnegative(a) && arb_is_positive(b)) {
    pow_from_zero(r, a, b, prec);
  } else {
    return -1; /* a negative base and an exponent not surely an integer: NaN there */
  }
  return 0;
}

/* ---- the table: one rule per op of ops.h, elementwise or whole-tensor ----
   made from ops.h's rows: an elementwise row ID's rule is xiO_be_ID (above, or
   bdisc.c's for the discontinuous ones), a
   whole-tensor row's xiO_bt_ID (btops.c), so a row without its ball rule does
   not compile */

typedef int (*element_rule)(arb_t r, const arb_t a, const arb_t b, slong prec);

static const struct {
  element_rule el;
  xiO_tensor_rule t;
} rules[XI_NOPS] = {
#define XI_BALL_EROW(id, ...) [XI_##id] = {.el = xiO_be_##id},
    XI_OPS(XI_BALL_EROW)
#undef XI_BALL_EROW
#define XI_BALL_TROW(id, ...) [XI_##id] = {.t = xiO_bt_##id},
    XI_TOPS(XI_BALL_TROW)
#undef XI_BALL_TROW
};

int xiO_has_ball_rule(int op) {
  return op >= XI_FIRST_OP && op < XI_NOPS && (rules[op].el || rules[op].t);
}

/* element by element, broadcast as the tape does */
static void elementwise(element_rule f, xiO_bview *out, const xiO_bview *a, const xiO_bview *b,
                        slong prec) {
  const xiO_bview *bb = b ? b : a;
  for (uint32_t i = 0, k = 0; i < out->sh.rows; i++)
    for (uint32_t j = 0; j < out->sh.cols; j++, k++) {
      if (xiO_stopped()) {
        _arb_vec_indeterminate(out->el + k, out->n - k);
        return;
      }
      arb_ptr r = &out->el[k];
      if (f(r, &a->el[xiO_bidx(&a->sh, i, j)], &bb->el[xiO_bidx(&bb->sh, i, j)], prec))
        arb_indeterminate(r);
    }
}

int xiO_ball_forward(int op, xiO_bview *out, const xiO_bview *a, const xiO_bview *b, slong prec) {
  if (!xiO_has_ball_rule(op)) {
    _arb_vec_indeterminate(out->el, out->n);
    return -1;
  }
  int32_t p[XI_NPARAMS];
  xiO_bview o = *out;
  if (!o.p) { /* a node without parameters has the defaults (as xiO_params_default) */
    xiO_params_default(op, p);
    o.p = p;
  }
  if (rules[op].el)
    elementwise(rules[op].el, &o, a, b, prec);
  else if (rules[op].t(&o, a, b, prec) || xiO_stopped())
    _arb_vec_indeterminate(o.el, o.n);
  for (uint32_t k = 0; k < out->n; k++)
    if (!arb_is_finite(&out->el[k]))
      return -1;
  return 0;
}
