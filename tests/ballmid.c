/* ballmid.c: the ball rules that reuse MPFR's number (ops/bmid.c) against the
 * op at 1100 bits.
 *
 * For each op with such a rule, operands a, b drawn at random (and at 0, 1,
 * near the ends of the domains, large and tiny) at 24, 53 and 128 bits,
 * balls of random radii around them (2^-4 to 2^-140 of them, and 0), and v =
 * the op rounded to nearest as the tape computes it (with the exact flag
 * MPFR gives): wherever xiO_ball_mid gives a radius r, the op at 1100 bits
 * at the balls' ends, centres and random points inside must lie within
 * v ± r.  Where it gives none, Arb's rule is used: nothing to check, but the
 * cases it refuses are counted (a rule that refused everything would pass),
 * and a ball given where a point is outside the op's domain (log of a ball
 * reaching 0) is a failure.  Most balls take the rules in integer bounds
 * (bmid.c's fast_rule), the rest Arb's mag rules; tried by hand, a product
 * without its ra·rb term, and tanh's slope taken at |v| - h (not - h - ra),
 * fail. */
#include <stdio.h>
#include <stdlib.h>

#include "ops/bops.h"

#define REF 1100

static uint64_t seed = 0x2545f4914f6cdd1du;
static double rnd(void) {
  seed ^= seed << 13, seed ^= seed >> 7, seed ^= seed << 17;
  return (double)(seed >> 11) / 9007199254740992.0;
}

static const int unary_ops[] = {XI_ID, XI_NEG, XI_ASFLOAT, XI_EXP, XI_EXPM1, XI_LOG,
                                XI_SQRT, XI_TANH, XI_SIN, XI_COS};
static const int binary_ops[] = {XI_ADD, XI_SUB, XI_MUL, XI_DIV};

static int checks, failures, refused, given;

/* the op at REF bits on x, y */
static void exact(int op, mpfr_ptr r, mpfr_srcptr x, mpfr_srcptr y) {
  xiO_table[op].forward(r, x, y, MPFR_RNDN);
}

/* an operand: random, with a chosen size, at prec bits */
static void draw(mpfr_ptr x, int kind) {
  double d = kind == 0   ? 0
             : kind == 1 ? 1
             : kind == 2 ? (rnd() - 0.5) * 1e-12
             : kind == 3 ? (rnd() - 0.5) * 60
             : kind == 4 ? 1 + (rnd() - 0.5) * 1e-9
                         : (rnd() - 0.5) * 4;
  mpfr_set_d(x, d, MPFR_RNDN);
  if (kind == 6) { /* many bits: 1/3 rounded, scaled */
    mpfr_set_ui(x, 1, MPFR_RNDN);
    mpfr_div_ui(x, x, 3, MPFR_RNDN);
    mpfr_mul_d(x, x, (rnd() - 0.5) * 8, MPFR_RNDN);
  }
}

/* a radius: 0, or |x|·2^-k (2^-k when x is 0), rounded up into a mag */
static void radius(mag_t r, mpfr_srcptr x) {
  int k = (int)(rnd() * 137) + 4;
  if (rnd() < 0.15) {
    mag_zero(r);
    return;
  }
  mpfr_t t;
  mpfr_init2(t, 64);
  mpfr_set_ui_2exp(t, 1, -k, MPFR_RNDN);
  if (!mpfr_zero_p(x))
    mpfr_mul(t, t, x, MPFR_RNDN);
  mpfr_abs(t, t, MPFR_RNDN);
  mag_set_d(r, mpfr_get_d(t, MPFR_RNDU));
  mpfr_clear(t);
}

/* a point of the ball x ± r at REF bits: j = 0 its centre, 1 and 2 its ends,
   else inside at random */
static void point(mpfr_ptr p, mpfr_srcptr x, const mag_t r, int j) {
  mpfr_t m;
  mpfr_init2(m, 64);
  arf_t t;
  arf_init(t);
  arf_set_mag(t, r);
  arf_get_mpfr(m, t, MPFR_RNDN); /* (a mag's 30 bits: exact) */
  arf_clear(t);
  double f = j == 0 ? 0 : j == 1 ? -1 : j == 2 ? 1 : 2 * rnd() - 1;
  mpfr_mul_d(m, m, f, MPFR_RNDN);
  mpfr_add(p, x, m, MPFR_RNDN); /* exact at REF bits */
  mpfr_clear(m);
}

/* |f(points) - v| <= r at every point tried */
static void try_op(int op, int binary, mpfr_prec_t prec, int ka, int kb) {
  mpfr_t a, b, v, pa, pb, e, d, rr;
  mpfr_inits2(prec, a, b, v, (mpfr_ptr)0);
  mpfr_inits2(REF, pa, pb, e, d, rr, (mpfr_ptr)0);
  mag_t ra, rb, r;
  mag_init(ra);
  mag_init(rb);
  mag_init(r);
  draw(a, ka);
  draw(b, kb);
  if (op == XI_LOG || op == XI_SQRT)
    mpfr_abs(a, a, MPFR_RNDN);
  radius(ra, a);
  radius(rb, b);
  int inex = xiO_table[op].forward(v, a, binary ? b : NULL, MPFR_RNDN);
  if (!binary)
    mpfr_set(b, a, MPFR_RNDN);
  if (xiO_ball_mid(op, r, v, inex == 0, a, ra, binary ? b : NULL, binary ? rb : NULL)) {
    refused++;
  } else {
    given++;
    arf_t t;
    arf_init(t);
    arf_set_mag(t, r);
    arf_get_mpfr(rr, t, MPFR_RNDU);
    arf_clear(t);
    for (int j = 0; j < 12; j++) {
      point(pa, a, ra, j < 3 ? j : 3);
      point(pb, b, rb, j < 3 ? (j + 1) % 3 : 3);
      exact(op, e, pa, binary ? pb : NULL);
      mpfr_sub(d, e, v, MPFR_RNDA);
      mpfr_abs(d, d, MPFR_RNDN);
      checks++;
      if (!mpfr_number_p(e) || mpfr_cmp(d, rr) > 0) {
        failures++;
        if (failures <= 10)
          mpfr_printf("FAIL %s at %d bits: a = %.20Rg ± %.3g, b = %.20Rg ± %.3g: the op is %.30Rg "
                      "at a point, outside %.30Rg ± %.5Rg\n",
                      xiO_table[op].name ? xiO_table[op].name : "op", (int)prec, a,
                      mag_get_d(ra), b, mag_get_d(rb), e, v, rr);
      }
    }
  }
  mag_clear(ra);
  mag_clear(rb);
  mag_clear(r);
  mpfr_clears(a, b, v, pa, pb, e, d, rr, (mpfr_ptr)0);
}

int main(void) {
  static const mpfr_prec_t precs[] = {24, 53, 128};
  xiO_init();
  for (int rep = 0; rep < 300; rep++)
    for (size_t q = 0; q < sizeof precs / sizeof *precs; q++)
      for (int ka = 0; ka < 7; ka++) {
        for (size_t o = 0; o < sizeof unary_ops / sizeof *unary_ops; o++)
          try_op(unary_ops[o], 0, precs[q], ka, 0);
        for (size_t o = 0; o < sizeof binary_ops / sizeof *binary_ops; o++)
          for (int kb = 0; kb < 7; kb++)
            try_op(binary_ops[o], 1, precs[q], ka, kb);
      }
  if (given < refused)
    printf("FAIL the rules refused %d cases of %d\n", refused, given + refused), failures++;
  printf("%d points in %d balls (%d refused), %d outside\n", checks, given, refused, failures);
  return failures != 0;
}
