/* bdisc.c: the ball rules of the discontinuous elementwise ops (bops.h says what a
 * rule promises): an exact answer where the operands' balls decide it, else the
 * ball of every answer they allow.  bops.c's table names them (xiO_be_ID). */
#include "ops/bops.h"
#include "ops/btops.h"

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

int xiO_be_TRUNC(arb_t r, const arb_t a, const arb_t b, slong prec) {
  (void)b;
  return xiO_ball_step(r, a, trunc_arf, prec) < 0 ? -1 : 0;
}
static void ceil_arf(arf_t r, const arf_t x) { arf_ceil(r, x); }
int xiO_be_FLOOR(arb_t r, const arb_t a, const arb_t b, slong prec) {
  (void)b;
  return xiO_ball_step(r, a, floor_arf, prec) < 0 ? -1 : 0;
}
int xiO_be_CEIL(arb_t r, const arb_t a, const arb_t b, slong prec) {
  (void)b;
  return xiO_ball_step(r, a, ceil_arf, prec) < 0 ? -1 : 0;
}
/* 1, 0 or -1 when the ball decides it; else Arb's ball of the signs it holds */
int xiO_be_SIGN(arb_t r, const arb_t a, const arb_t b, slong prec) {
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
int xiO_be_FLOORDIV(arb_t r, const arb_t a, const arb_t b, slong prec) {
  if (xiO_be_DIV(r, a, b, prec))
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
int xiO_be_MOD(arb_t r, const arb_t a, const arb_t b, slong prec) {
  arb_t k;
  arb_init(k);
  int rc = xiO_be_FLOORDIV(k, a, b, prec);
  if (rc == 0) { /* b·k exactly when it can be: then a - b·k is one rounding */
    arb_mul(k, k, b, arb_is_exact(k) && arb_is_exact(b) ? ARF_PREC_EXACT : prec);
    arb_sub(r, a, k, prec);
  }
  arb_clear(k);
  return rc;
}
/* a where b is not 0, else 0 (the sign of a zero is no part of a ball);
   undecided: a or 0, so the ball of both */
int xiO_be_KEEP(arb_t r, const arb_t a, const arb_t b, slong prec) {
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
int xiO_be_GT(arb_t r, const arb_t a, const arb_t b, slong prec) {
  (void)prec;
  return truth(r, arb_gt(a, b), arb_le(a, b));
}
int xiO_be_GE(arb_t r, const arb_t a, const arb_t b, slong prec) {
  (void)prec;
  return truth(r, arb_ge(a, b), arb_lt(a, b));
}
int xiO_be_LT(arb_t r, const arb_t a, const arb_t b, slong prec) {
  (void)prec;
  return truth(r, arb_lt(a, b), arb_ge(a, b));
}
int xiO_be_LE(arb_t r, const arb_t a, const arb_t b, slong prec) {
  (void)prec;
  return truth(r, arb_le(a, b), arb_gt(a, b));
}
int xiO_be_EQ(arb_t r, const arb_t a, const arb_t b, slong prec) {
  (void)prec;
  return truth(r, arb_eq(a, b), arb_ne(a, b));
}
int xiO_be_NE(arb_t r, const arb_t a, const arb_t b, slong prec) {
  (void)prec;
  return truth(r, arb_ne(a, b), arb_eq(a, b));
}

/* a finite ball holds only finite numbers: 1; an infinite one proves nothing */
int xiO_be_ISFINITE(arb_t r, const arb_t a, const arb_t b, slong prec) {
  (void)b, (void)prec;
  if (!arb_is_finite(a))
    return -1;
  arb_one(r);
  return 0;
}

/* a float(x) is x */
int xiO_be_ASFLOAT(arb_t r, const arb_t a, const arb_t b, slong prec) {
  return xiO_be_ID(r, a, b, prec);
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
/* each row's rule (INVERT, of one operand, reads a twice) */
#define XI_BITWISE_RULE(ID, B)                                                             \
  int xiO_be_##ID(arb_t r, const arb_t a, const arb_t b, slong prec) {                     \
    (void)b, (void)prec;                                                                   \
    return bitwise(r, a, B, XI_##ID);                                                      \
  }
XI_BITWISE_RULE(BITAND, b)
XI_BITWISE_RULE(BITOR, b)
XI_BITWISE_RULE(BITXOR, b)
XI_BITWISE_RULE(INVERT, a)
XI_BITWISE_RULE(LSHIFT, b)
XI_BITWISE_RULE(RSHIFT, b)
#undef XI_BITWISE_RULE
