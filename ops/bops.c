/* bops.c: ball rules (bops.h): the elementwise ones, and the one table that
 * gives each op of ops.h its rule (the tensor rules are in btops.c).
 * An elementwise rule bounds one element: 0, or -1 when it cannot (the
 * element is then made indeterminate, and the others go on). */
#include "ops/bops.h"
#include "ops/btops.h"

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

static int be_ID(arb_t r, const arb_t a, const arb_t b, slong prec) {
  (void)b, (void)prec;
  arb_set(r, a); /* exact: a copy */
  return 0;
}
static int be_NEG(arb_t r, const arb_t a, const arb_t b, slong prec) {
  (void)b, (void)prec;
  arb_neg(r, a);
  return 0;
}
static int be_ADD(arb_t r, const arb_t a, const arb_t b, slong prec) {
  arb_add(r, a, b, prec);
  return 0;
}
static int be_SUB(arb_t r, const arb_t a, const arb_t b, slong prec) {
  arb_sub(r, a, b, prec);
  return 0;
}
static int be_MUL(arb_t r, const arb_t a, const arb_t b, slong prec) {
  arb_mul(r, a, b, prec);
  return 0;
}
/* a divisor ball holding 0 holds a pole (or 0/0) */
static int be_DIV(arb_t r, const arb_t a, const arb_t b, slong prec) {
  if (arb_contains_zero(b))
    return -1;
  arb_div(r, a, b, prec);
  return 0;
}
static int be_EXP(arb_t r, const arb_t a, const arb_t b, slong prec) {
  (void)b;
  increasing(r, a, arb_exp, prec);
  return 0;
}
static int be_LOG(arb_t r, const arb_t a, const arb_t b, slong prec) {
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
static int be_LOG2(arb_t r, const arb_t a, const arb_t b, slong prec) {
  (void)b;
  if (!arb_is_positive(a))
    return -1;
  increasing(r, a, arb_log2_, prec);
  return 0;
}
static int be_LOG10(arb_t r, const arb_t a, const arb_t b, slong prec) {
  (void)b;
  if (!arb_is_positive(a))
    return -1;
  increasing(r, a, arb_log10_, prec);
  return 0;
}
/* a·log(b), exactly 0 where a is exactly 0 (for any b); otherwise the log
   of b's ball, which must be positive */
static int be_XLOGY(arb_t r, const arb_t a, const arb_t b, slong prec) {
  if (arb_is_zero(a)) {
    arb_zero(r);
    return 0;
  }
  arb_t t;
  arb_init(t);
  int rc = be_LOG(t, b, b, prec);
  if (rc == 0)
    arb_mul(r, a, t, prec);
  arb_clear(t);
  return rc;
}
/* log1p and expm1 without the rounding of 1 + x (Arb's) */
static int be_LOG1P(arb_t r, const arb_t a, const arb_t b, slong prec) {
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
static int be_EXPM1(arb_t r, const arb_t a, const arb_t b, slong prec) {
  (void)b;
  increasing(r, a, arb_expm1, prec);
  return 0;
}
/* sqrtpos is sqrt of the ball's nonnegative part, which is all of it here,
   and handles a ball whose lower end is exactly 0 */
static int be_SQRT(arb_t r, const arb_t a, const arb_t b, slong prec) {
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
static int be_SIN(arb_t r, const arb_t a, const arb_t b, slong prec) {
  (void)b;
  if (huge_angle(a))
    return -1;
  arb_sin(r, a, prec);
  return 0;
}
static int be_COS(arb_t r, const arb_t a, const arb_t b, slong prec) {
  (void)b;
  if (huge_angle(a))
    return -1;
  arb_cos(r, a, prec);
  return 0;
}
/* a ball holding a pole gives a non-finite ball, refused by the caller */
static int be_TAN(arb_t r, const arb_t a, const arb_t b, slong prec) {
  (void)b;
  if (huge_angle(a))
    return -1;
  arb_tan(r, a, prec);
  return 0;
}
static int be_TANH(arb_t r, const arb_t a, const arb_t b, slong prec) {
  (void)b;
  increasing(r, a, arb_tanh, prec);
  return 0;
}
static int be_SINH(arb_t r, const arb_t a, const arb_t b, slong prec) {
  (void)b;
  increasing(r, a, arb_sinh, prec);
  return 0;
}
/* cosh, even and increasing in |a| */
static int be_COSH(arb_t r, const arb_t a, const arb_t b, slong prec) {
  (void)b;
  monotone(r, a, arb_cosh, 1, prec);
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
static int be_SIGMOID(arb_t r, const arb_t a, const arb_t b, slong prec) {
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
static int be_SOFTPLUS(arb_t r, const arb_t a, const arb_t b, slong prec) {
  (void)b;
  increasing(r, a, softplus, prec);
  return 0;
}
static void log_sigmoid(arb_t r, const arb_t a, slong prec) {
  arb_neg(r, a);
  softplus(r, r, prec);
  arb_neg(r, r);
}
static int be_LOG_SIGMOID(arb_t r, const arb_t a, const arb_t b, slong prec) {
  (void)b;
  increasing(r, a, log_sigmoid, prec);
  return 0;
}
/* relu, abs, maximum and minimum are continuous: the ball of every value */
static int be_RELU(arb_t r, const arb_t a, const arb_t b, slong prec) {
  (void)b, (void)prec;
  arb_nonnegative_part(r, a);
  return 0;
}
static int be_ABS(arb_t r, const arb_t a, const arb_t b, slong prec) {
  (void)b, (void)prec;
  arb_abs(r, a);
  return 0;
}
static int be_MAXIMUM(arb_t r, const arb_t a, const arb_t b, slong prec) {
  arb_max(r, a, b, prec);
  return 0;
}
static int be_MINIMUM(arb_t r, const arb_t a, const arb_t b, slong prec) {
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
static int be_POW(arb_t r, const arb_t a, const arb_t b, slong prec) {
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

/* ---- discontinuous ops: an answer only when the balls decide it ---- */

/* the ball's ends, rounded outward, with bits enough to keep an exact ball's */
static void ends(arf_t lo, arf_t hi, const arb_t x, slong prec) {
  slong bits = arf_bits(arb_midref(x));
  slong p = (bits > prec ? bits : prec) + 32;
  arb_get_lbound_arf(lo, x, p);
  arb_get_ubound_arf(hi, x, p);
}

static void floor_arf(arf_t r, const arf_t x) { arf_floor(r, x); }
static void trunc_arf(arf_t r, const arf_t x) {
  if (arf_sgn(x) < 0)
    arf_ceil(r, x);
  else
    arf_floor(r, x);
}
/* the nearest integer, ties to even (NumPy's round) */
static void round_even_arf(arf_t r, const arf_t x) {
  if (arf_is_int(x)) {
    arf_set(r, x);
    return;
  }
  arf_t h;
  arf_init(h);
  arf_set_si_2exp_si(h, 1, -1);
  arf_add(r, x, h, ARF_PREC_EXACT, ARF_RND_DOWN); /* x is not whole: |x| < 2^bits */
  int tie = arf_is_int(r);
  arf_floor(r, r);
  arf_mul_2exp_si(h, r, -1);
  if (tie && !arf_is_int(h)) /* halfway, and the integer above is odd */
    arf_sub_ui(r, r, 1, ARF_PREC_EXACT, ARF_RND_DOWN);
  arf_clear(h);
}

/* f of every point of x, for a nondecreasing whole-number-valued f: between
   f of its two ends.  0: they agree, so f is constant on the ball and r is
   exact; 1: r is the ball of [f(lo), f(hi)]; -1: x is not finite */
int xiO_ball_step(arb_t r, const arb_t x, void (*f)(arf_t, const arf_t), slong prec) {
  if (!arb_is_finite(x))
    return -1;
  arf_t lo, hi;
  arf_init(lo);
  arf_init(hi);
  ends(lo, hi, x, prec);
  f(lo, lo);
  f(hi, hi);
  int same = arf_equal(lo, hi);
  if (same)
    arb_set_arf(r, lo);
  else
    arb_set_interval_arf(r, lo, hi, prec);
  arf_clear(lo);
  arf_clear(hi);
  return !same;
}
int xiO_ball_round_even(arb_t r, const arb_t x, slong prec) {
  return xiO_ball_step(r, x, round_even_arf, prec);
}

static int be_TRUNC(arb_t r, const arb_t a, const arb_t b, slong prec) {
  (void)b;
  return xiO_ball_step(r, a, trunc_arf, prec) < 0 ? -1 : 0;
}
static void ceil_arf(arf_t r, const arf_t x) { arf_ceil(r, x); }
static int be_FLOOR(arb_t r, const arb_t a, const arb_t b, slong prec) {
  (void)b;
  return xiO_ball_step(r, a, floor_arf, prec) < 0 ? -1 : 0;
}
static int be_CEIL(arb_t r, const arb_t a, const arb_t b, slong prec) {
  (void)b;
  return xiO_ball_step(r, a, ceil_arf, prec) < 0 ? -1 : 0;
}
/* 1, 0 or -1 when the ball decides it; else Arb's ball of the signs it holds */
static int be_SIGN(arb_t r, const arb_t a, const arb_t b, slong prec) {
  (void)b, (void)prec;
  arb_sgn(r, a);
  return 0;
}
/* the bits that decide floor(a/b) for exact a and b: a = A·2^s and b =
   B·2^t (A, B odd) make a/b a fraction with denominator B·2^max(t - s, 0),
   so one that is not whole is that far from every integer; the quotient's
   own bits come on top.  0 when too many to be worth it. */
static slong quotient_bits(const arb_t a, const arb_t b) {
  const arf_struct *x = arb_midref(a), *y = arb_midref(b);
  if (!arb_is_exact(a) || !arb_is_exact(b) || arf_is_zero(x) || !arf_is_finite(x) ||
      !arf_is_finite(y))
    return 0;
  fmpz_t s, t;
  fmpz_init(s);
  fmpz_init(t);
  arf_bot(s, x);
  arf_bot(t, y);
  fmpz_sub(t, t, s);                              /* t - s: the power of 2 below */
  fmpz_sub(s, ARF_EXPREF(x), ARF_EXPREF(y));      /* about log2 |a/b| */
  slong need = 0, cap = (slong)1 << 20;
  if (fmpz_cmp_si(s, cap) < 0 && fmpz_cmp_si(t, cap) < 0)
    need = (fmpz_sgn(s) > 0 ? fmpz_get_si(s) : 0) + arf_bits(y) +
           (fmpz_sgn(t) > 0 ? fmpz_get_si(t) : 0) + 16;
  fmpz_clear(s);
  fmpz_clear(t);
  return need < cap ? need : 0;
}

/* floor(a/b): from the quotient's ball (a divisor holding 0 is a pole);
   for exact a and b, again with the bits that decide it, as xi's exact // */
static int be_FLOORDIV(arb_t r, const arb_t a, const arb_t b, slong prec) {
  if (be_DIV(r, a, b, prec))
    return -1;
  int rc = xiO_ball_step(r, r, floor_arf, prec);
  slong need = rc == 1 ? quotient_bits(a, b) : 0;
  if (need > prec) {
    arb_div(r, a, b, need);
    rc = xiO_ball_step(r, r, floor_arf, need);
  }
  return rc < 0 ? -1 : 0;
}
/* Python's a % b = a - b·floor(a/b): for every point of the balls floor(a/b)
   is in k's ball, so a - b·k holds the result (exactly a - b·k when the
   quotient's ball decides k) */
static int be_MOD(arb_t r, const arb_t a, const arb_t b, slong prec) {
  arb_t k;
  arb_init(k);
  int rc = be_FLOORDIV(k, a, b, prec);
  if (rc == 0) { /* b·k exactly when it can be: then a - b·k is one rounding */
    arb_mul(k, k, b, arb_is_exact(k) && arb_is_exact(b) ? ARF_PREC_EXACT : prec);
    arb_sub(r, a, k, prec);
  }
  arb_clear(k);
  return rc;
}
/* a where b is not 0, else 0 (the sign of a zero is no part of a ball);
   undecided: a or 0, so the ball of both */
static int be_KEEP(arb_t r, const arb_t a, const arb_t b, slong prec) {
  if (arb_is_zero(b)) {
    arb_zero(r);
  } else if (arb_is_nonzero(b)) {
    arb_set(r, a);
  } else {
    arb_zero(r);
    arb_union(r, r, a, prec);
  }
  return 0;
}
/* a comparison: 1 when it holds for every point of the balls, 0 when it
   fails for every point, else 0 or 1: the ball [0, 1] */
static int truth(arb_t r, int yes, int no) {
  if (yes || no) {
    arb_set_ui(r, yes ? 1 : 0);
  } else {
    arf_set_si_2exp_si(arb_midref(r), 1, -1);
    mag_set_ui_2exp_si(arb_radref(r), 1, -1);
  }
  return 0;
}
static int be_GT(arb_t r, const arb_t a, const arb_t b, slong prec) {
  (void)prec;
  return truth(r, arb_gt(a, b), arb_le(a, b));
}
static int be_GE(arb_t r, const arb_t a, const arb_t b, slong prec) {
  (void)prec;
  return truth(r, arb_ge(a, b), arb_lt(a, b));
}
static int be_LT(arb_t r, const arb_t a, const arb_t b, slong prec) {
  (void)prec;
  return truth(r, arb_lt(a, b), arb_ge(a, b));
}
static int be_LE(arb_t r, const arb_t a, const arb_t b, slong prec) {
  (void)prec;
  return truth(r, arb_le(a, b), arb_gt(a, b));
}
static int be_EQ(arb_t r, const arb_t a, const arb_t b, slong prec) {
  (void)prec;
  return truth(r, arb_eq(a, b), arb_ne(a, b));
}
static int be_NE(arb_t r, const arb_t a, const arb_t b, slong prec) {
  (void)prec;
  return truth(r, arb_ne(a, b), arb_eq(a, b));
}

/* a finite ball holds only finite numbers: 1; an infinite one proves nothing */
static int be_ISFINITE(arb_t r, const arb_t a, const arb_t b, slong prec) {
  (void)b, (void)prec;
  if (!arb_is_finite(a))
    return -1;
  arb_one(r);
  return 0;
}

/* the bitwise rows: exact whole numbers (ints, truth values a comparison
   decided) give their exact result, by FLINT's two's complement; a ball that
   is not one whole number decides nothing (its bits differ across it) */
static int bit_operand(fmpz_t z, const arb_t x) {
  const arf_struct *m = arb_midref(x);
  if (!arb_is_exact(x) || !arf_is_int(m) ||
      (!arf_is_zero(m) && arf_cmpabs_2exp_si(m, (slong)1 << 20) >= 0))
    return -1;
  arf_get_fmpz(z, m, ARF_RND_DOWN);
  return 0;
}
static int bitwise(arb_t r, const arb_t a, const arb_t b, int op) {
  fmpz_t x, y;
  fmpz_init(x);
  fmpz_init(y);
  int rc = bit_operand(x, a) || bit_operand(y, b) ? -1 : 0;
  slong n = rc == 0 && fmpz_sgn(y) >= 0 && fmpz_fits_si(y) ? fmpz_get_si(y) : -1;
  if (rc == 0 && op == XI_BITAND)
    fmpz_and(x, x, y);
  else if (rc == 0 && op == XI_BITOR)
    fmpz_or(x, x, y);
  else if (rc == 0 && op == XI_BITXOR)
    fmpz_xor(x, x, y);
  else if (rc == 0 && op == XI_INVERT)
    fmpz_complement(x, x);
  else if (rc == 0 && n < 0) /* a negative count (or past a long: never met) */
    rc = -1;
  else if (rc == 0 && op == XI_RSHIFT && (slong)fmpz_bits(x) <= n)
    fmpz_set_si(x, fmpz_sgn(x) < 0 ? -1 : 0);
  else if (rc == 0 && op == XI_RSHIFT)
    fmpz_fdiv_q_2exp(x, x, (ulong)n);
  if (rc == 0 && op == XI_LSHIFT) { /* a·2^n, exact without its bits written out */
    arb_set_fmpz(r, x);
    arb_mul_2exp_si(r, r, n);
  } else if (rc == 0) {
    arb_set_fmpz(r, x);
  }
  fmpz_clear(x);
  fmpz_clear(y);
  return rc;
}
static int be_BITAND(arb_t r, const arb_t a, const arb_t b, slong prec) {
  (void)prec;
  return bitwise(r, a, b, XI_BITAND);
}
static int be_BITOR(arb_t r, const arb_t a, const arb_t b, slong prec) {
  (void)prec;
  return bitwise(r, a, b, XI_BITOR);
}
static int be_BITXOR(arb_t r, const arb_t a, const arb_t b, slong prec) {
  (void)prec;
  return bitwise(r, a, b, XI_BITXOR);
}
static int be_INVERT(arb_t r, const arb_t a, const arb_t b, slong prec) {
  (void)b, (void)prec;
  return bitwise(r, a, a, XI_INVERT);
}
static int be_LSHIFT(arb_t r, const arb_t a, const arb_t b, slong prec) {
  (void)prec;
  return bitwise(r, a, b, XI_LSHIFT);
}
static int be_RSHIFT(arb_t r, const arb_t a, const arb_t b, slong prec) {
  (void)prec;
  return bitwise(r, a, b, XI_RSHIFT);
}

/* a float(x) is x */
static int be_ASFLOAT(arb_t r, const arb_t a, const arb_t b, slong prec) {
  return be_ID(r, a, b, prec);
}

/* ---- the table: one rule per op of ops.h, elementwise or whole-tensor ----
   made from ops.h's rows: an elementwise row ID's rule is be_ID above, a
   whole-tensor row's xiO_bt_ID (btops.c), so a row without its ball rule does
   not compile */

typedef int (*element_rule)(arb_t r, const arb_t a, const arb_t b, slong prec);

static const struct {
  element_rule el;
  xiO_tensor_rule t;
} rules[XI_NOPS] = {
#define XI_BALL_EROW(id, ...) [XI_##id] = {.el = be_##id},
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
