/* adjmid.c: the adjoints' balls around the sweep's numbers (proof/adjmid.c)
 * against references computed otherwise.
 *
 * 0. The bounds' arithmetic (its file is included here, to reach its static
 *    functions; the library's copy is then not linked): products, sums,
 *    differences, quotients and renormalisations of random bounds, and |x|
 *    and 1 - |x| read from random MPFR numbers of 2 to 401 bits (near 1, or
 *    in [0, 3)), each against MPFR at 1024 bits (exact for these operands):
 *    every result normalised and on its side (from above, or below for
 *    sub_down and a lower |x|), products and sums within 2^-30 of the exact.
 * 1. Each partial's rule (xiB_partial_mid) against the op's derivative at
 *    1100 bits, written here from calculus (d/da tanh a = 1 - tanh² a, d/db
 *    a/b = -a/b², ...), not from the op table: operands a, b drawn as
 *    tests/ballmid.c draws them at 24, 53, 128 and 300 bits, balls of random
 *    radii around them, the node's number v = the op rounded to nearest as the
 *    tape computes it and its radius by the values' rule (xiO_ball_mid, which
 *    tests/ballmid.c checks), p̃ = the partial as the sweep computes it (the op
 *    table's partial at the same precision).  Then |p̃| <= P, and the
 *    derivative at the balls' centres, ends and random points inside lies
 *    within ρ of p̃.
 * 2. Whole sweeps: random DAGs of scalar statements (each a new name from the
 *    one before it and an earlier one, as bench/whole.c makes them, and random
 *    expressions over three leaves), swept in MPFR at 128 and 53 bits; the
 *    adjoints' balls made around the sweep's numbers (the count of such sweeps
 *    must rise: the rule applied) must each contain the ball of the same
 *    adjoint computed by Arb's sweep at 1000 bits.  Their radii are set beside
 *    those of Arb's sweep on the same balls of the values (the way before):
 *    the largest ratio is printed, and one over 2 fails (digits lost).  Most
 *    DAGs must take the new way (some under- or overflow: Arb's then).
 * Tried by hand: a product's or a sum's 1 not added, a sum's halving rounded
 * down, or 1 - |x| read a unit low, fails part 0; every partial's ρ halved
 * fails part 1, and the pass without its term for the sweep's roundings
 * fails part 2 (the adjoints' radii halved do not: those bounds are not that
 * tight, the ratio to Arb's is the check). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/session.h"
#include "tape/names.h"
#include "ops/bops.h"
#include "proof/adjmid.c"

#define REF 1100

static uint64_t seed = 0x2545f4914f6cdd1du;
static double rnd(void) {
  seed ^= seed << 13, seed ^= seed >> 7, seed ^= seed << 17;
  return (double)(seed >> 11) / 9007199254740992.0;
}

static const int unary_ops[] = {XI_ID, XI_NEG, XI_ASFLOAT, XI_EXP, XI_EXPM1, XI_LOG,
                                XI_SQRT, XI_TANH, XI_SIN, XI_COS};
static const int binary_ops[] = {XI_ADD, XI_SUB, XI_MUL, XI_DIV};

static long checks, failures, refused, given;

/* ---- 0. the bounds' arithmetic ---- */

static long arith_n; /* operations checked */

static xb arith_draw(void) {
  uint64_t r = (uint64_t)(rnd() * 0x1p32), kind = (uint64_t)(rnd() * 16);
  if (kind == 0)
    return XI_BZERO;
  uint64_t m = kind < 4 ? XI_BTOP + kind - 1 : kind < 6 ? 0xffffffffu - (kind - 4) : XI_BTOP | r;
  return (xb){m, (int64_t)(rnd() * 140) - 70};
}

static int normal(xb x) { return x.m ? x.m >= XI_BTOP && x.m < (1ull << 32) : x.e == 0; }

/* x against the exact t: side 1 from above, -1 from below; within 2^-30 of t
   when tight; the largest excess so far in *worst */
static void arith_check(const char *what, xb x, mpfr_srcptr t, int side, int tight, double *worst) {
  mpfr_t c;
  mpfr_init2(c, 64);
  mpfr_set_ui_2exp(c, x.m, x.e, MPFR_RNDN); /* (exact) */
  int cmp = mpfr_cmp(c, t);
  arith_n++;
  if (!normal(x) || (side > 0 ? cmp < 0 : cmp > 0) ||
      (side > 0 && mpfr_zero_p(t) != mpfr_zero_p(c))) {
    if (++failures <= 10)
      mpfr_printf("FAIL %s: %lx·2^%ld against %.20Rg\n", what, (unsigned long)x.m, (long)x.e, t);
  } else if (tight && !mpfr_zero_p(t)) {
    mpfr_div(c, c, t, MPFR_RNDU);
    double e = mpfr_get_d(c, MPFR_RNDU) - 1;
    if (e > 0x1p-30 && ++failures <= 10)
      printf("FAIL %s widened by %.3g\n", what, e);
    if (e > *worst)
      *worst = e;
  }
  mpfr_clear(c);
}

static double arith(void) {
  mpfr_t a, b, t, w;
  mpfr_inits2(1024, a, b, t, w, (mpfr_ptr)0);
  double worst = 0;
  for (int i = 0; i < 300000; i++) {
    xb x = arith_draw(), y = arith_draw();
    mpfr_set_ui_2exp(a, x.m, x.e, MPFR_RNDN);
    mpfr_set_ui_2exp(b, y.m, y.e, MPFR_RNDN);
    mpfr_mul(t, a, b, MPFR_RNDN);
    arith_check("mul_up", xiO_bmul(x, y), t, 1, 1, &worst);
    mpfr_add(t, a, b, MPFR_RNDN);
    arith_check("add_up", xiO_badd(x, y), t, 1, 1, &worst);
    mpfr_sub(t, a, b, MPFR_RNDN);
    if (mpfr_sgn(t) < 0)
      mpfr_set_zero(t, 1);
    arith_check("sub_down", xiO_bsub_down(x, y), t, -1, 0, &worst);
    if (x.m && y.m && y.e <= x.e && mpfr_cmp(b, a) <= 0)
      arith_check("sub_up", xiO_bsub_up(x, y), t, 1, 0, &worst);
    if (y.m) {
      mpfr_div(t, a, b, MPFR_RNDN);
      arith_check("div_up", xiO_bdiv(x, y), t, 1, 0, &worst);
    }
    arith_n++;
    if (xiO_bless(x, y) != (mpfr_cmp(a, b) < 0) && ++failures <= 10)
      printf("FAIL less\n");
    uint64_t m = (uint64_t)(rnd() * 0x1p64) >> (int)(rnd() * 64);
    mpfr_set_ui_2exp(t, m, x.e, MPFR_RNDN);
    arith_check("norm up", xiO_bnorm(m, x.e, 1), t, 1, 0, &worst);
    arith_check("norm down", xiO_bnorm(m, x.e, 0), t, -1, 0, &worst);
  }
  for (int i = 0; i < 100000; i++) { /* |x| and 1 - |x| */
    mpfr_t v;
    mpfr_init2(v, 2 + (mpfr_prec_t)(rnd() * 400));
    mpfr_set_ui_2exp(w, 1, -(long)(rnd() * (double)(mpfr_get_prec(v) + 5)), MPFR_RNDN);
    mpfr_mul_d(w, w, rnd(), MPFR_RNDN);
    if (rnd() < 0.5)
      mpfr_ui_sub(v, 1, w, MPFR_RNDN);
    else
      mpfr_set_d(v, rnd() * 3, MPFR_RNDN);
    if (rnd() < 0.5)
      mpfr_neg(v, v, MPFR_RNDN);
    int wide = 0;
    mpfr_abs(t, v, MPFR_RNDN);
    arith_check("|x| from above", xiO_bof_mpfr(v, 1, &wide), t, 1, 0, &worst);
    arith_check("|x| from below", xiO_bof_mpfr(v, 0, &wide), t, -1, 0, &worst);
    mpfr_ui_sub(t, 1, t, MPFR_RNDN);
    if (mpfr_sgn(t) < 0)
      mpfr_set_zero(t, 1);
    arith_check("1 - |x|", xiO_bone_minus(v, &wide), t, 1, 0, &worst);
    if (wide && ++failures <= 10)
      printf("FAIL |x| out of range\n");
    mpfr_clear(v);
  }
  mpfr_clears(a, b, t, w, (mpfr_ptr)0);
  return worst;
}

/* ---- 1. the rules ---- */

/* an operand of a chosen kind (as tests/ballmid.c) */
static void draw(mpfr_ptr x, int kind) {
  double d = kind == 0   ? 0
             : kind == 1 ? 1
             : kind == 2 ? (rnd() - 0.5) * 1e-12
             : kind == 3 ? (rnd() - 0.5) * 60
             : kind == 4 ? 1 + (rnd() - 0.5) * 1e-9
             : kind == 5 ? (rnd() - 0.5) * 4
                         : 0;
  mpfr_set_d(x, d, MPFR_RNDN);
  if (kind == 6) { /* many bits: 1/3 rounded, scaled */
    mpfr_set_ui(x, 1, MPFR_RNDN);
    mpfr_div_ui(x, x, 3, MPFR_RNDN);
    mpfr_mul_d(x, x, (rnd() - 0.5) * 8, MPFR_RNDN);
  }
  if (kind == 7) /* tanh's and expm1's saturation: 1 - |x| tiny */
    mpfr_set_d(x, (rnd() < 0.5 ? -1 : 1) * (20 + rnd() * 40), MPFR_RNDN);
}

/* a radius: 0, or |x|·2^-k (2^-k when x is 0) */
static void radius(mag_t r, mpfr_srcptr x) {
  if (rnd() < 0.15) {
    mag_zero(r);
    return;
  }
  int k = (int)(rnd() * 137) + 4;
  mpfr_t t;
  mpfr_init2(t, 64);
  mpfr_set_ui_2exp(t, 1, -k, MPFR_RNDN);
  if (!mpfr_zero_p(x))
    mpfr_mul(t, t, x, MPFR_RNDN);
  mpfr_abs(t, t, MPFR_RNDN);
  mag_set_d(r, mpfr_get_d(t, MPFR_RNDU));
  mpfr_clear(t);
}

static double mag_up(const mag_t r) {
  arf_t t;
  arf_init(t);
  arf_set_mag(t, r);
  double d = arf_get_d(t, ARF_RND_UP);
  arf_clear(t);
  return d;
}

/* r as adjmid.c's bound (exact: a mag is man·2^(exp - 30), man of 30 bits) */
static xiO_bnd bnd_of(const mag_t r) {
  if (mag_is_zero(r))
    return (xiO_bnd){0, 0};
  return (xiO_bnd){(uint64_t)MAG_MAN(r) << 2, MAG_EXP(r) - 32};
}

/* |d| > the bound x */
static int above(mpfr_srcptr d, xiO_bnd x) {
  mpfr_t t;
  mpfr_init2(t, 64);
  mpfr_set_ui_2exp(t, x.m, x.e, MPFR_RNDN); /* (exact) */
  int r = mpfr_cmpabs(d, t) > 0;
  mpfr_clear(t);
  return r;
}
static double bnd_d(xiO_bnd x) { return ldexp((double)x.m, (int)x.e); }

/* a point of x ± r at REF bits: j = 0 its centre, 1 and 2 its ends, else inside */
static void point(mpfr_ptr p, mpfr_srcptr x, const mag_t r, int j) {
  mpfr_t m;
  mpfr_init2(m, 64);
  mpfr_set_d(m, mag_up(r), MPFR_RNDN);
  double f = j == 0 ? 0 : j == 1 ? -1 : j == 2 ? 1 : 2 * rnd() - 1;
  mpfr_mul_d(m, m, f, MPFR_RNDN);
  mpfr_add(p, x, m, MPFR_RNDN); /* exact at REF bits */
  mpfr_clear(m);
}

/* the derivative of op by operand k at (a, b), at REF bits, from calculus */
static void derivative(int op, int k, mpfr_ptr d, mpfr_srcptr a, mpfr_srcptr b) {
  mpfr_t t;
  mpfr_init2(t, REF);
  switch (op) {
  case XI_ID: case XI_ASFLOAT: case XI_ADD: mpfr_set_ui(d, 1, MPFR_RNDN); break;
  case XI_NEG: mpfr_set_si(d, -1, MPFR_RNDN); break;
  case XI_SUB: mpfr_set_si(d, k ? -1 : 1, MPFR_RNDN); break;
  case XI_MUL: mpfr_set(d, k ? a : b, MPFR_RNDN); break;
  case XI_DIV:
    if (k) {
      mpfr_sqr(t, b, MPFR_RNDN);
      mpfr_div(d, a, t, MPFR_RNDN);
      mpfr_neg(d, d, MPFR_RNDN);
    } else {
      mpfr_ui_div(d, 1, b, MPFR_RNDN);
    }
    break;
  case XI_EXP: case XI_EXPM1: mpfr_exp(d, a, MPFR_RNDN); break;
  case XI_LOG: mpfr_ui_div(d, 1, a, MPFR_RNDN); break;
  case XI_SQRT:
    mpfr_sqrt(t, a, MPFR_RNDN);
    mpfr_mul_2ui(t, t, 1, MPFR_RNDN);
    mpfr_ui_div(d, 1, t, MPFR_RNDN);
    break;
  case XI_TANH: /* sech² a, as 1/cosh² */
    mpfr_cosh(t, a, MPFR_RNDN);
    mpfr_sqr(t, t, MPFR_RNDN);
    mpfr_ui_div(d, 1, t, MPFR_RNDN);
    break;
  case XI_SIN: mpfr_cos(d, a, MPFR_RNDN); break;
  case XI_COS: mpfr_sin(d, a, MPFR_RNDN), mpfr_neg(d, d, MPFR_RNDN); break;
  default: mpfr_set_nan(d);
  }
  mpfr_clear(t);
}

static void fail(const char *what, int op, int k, mpfr_prec_t prec, mpfr_srcptr a,
                 mpfr_srcptr b, mpfr_srcptr p, double lim) {
  if (++failures <= 10)
    mpfr_printf("FAIL %s of %s by operand %d at %d bits: a = %.20Rg, b = %.20Rg: p = %.25Rg, "
                "bound %.5g\n",
                what, xiO_table[op].name ? xiO_table[op].name : xiO_table[op].form, k, (int)prec,
                a, b, p, lim);
}

static void try_rule(int op, int binary, int k, mpfr_prec_t prec, int ka, int kb) {
  mpfr_t a, b, v, p, pa, pb, e, dist;
  mpfr_inits2(prec, a, b, v, p, (mpfr_ptr)0);
  mpfr_inits2(REF, pa, pb, e, dist, (mpfr_ptr)0);
  mag_t ra, rb, rv;
  mag_init(ra), mag_init(rb), mag_init(rv);
  draw(a, ka);
  draw(b, kb);
  if (op == XI_LOG || op == XI_SQRT)
    mpfr_abs(a, a, MPFR_RNDN);
  radius(ra, a);
  radius(rb, b);
  int inex = xiO_table[op].forward(v, a, binary ? b : NULL, MPFR_RNDN);
  if (!binary)
    mpfr_set(b, a, MPFR_RNDN), mag_zero(rb);
  xiO_bnd P, rho;
  int wide = 0;
  if (!mpfr_number_p(v) ||
      xiO_ball_mid(op, rv, v, inex == 0, a, ra, binary ? b : NULL, binary ? rb : NULL)) {
    refused++; /* no value ball this way: the sweep in Arb's balls is used */
  } else {
    mpfr_srcptr q = xiO_table[op].partial(k, p, v, a, b); /* as xiD_partial */
    if (!mpfr_number_p(q) ||
        xiB_partial_mid(op, k, v, bnd_of(rv), a, bnd_of(ra), b, bnd_of(rb),
                        prec, p, &P, &rho, &wide) ||
        wide) {
      refused++;
    } else {
      given++;
      mpfr_abs(dist, q, MPFR_RNDN);
      checks++;
      if (above(dist, P))
        fail("|p| above P", op, k, prec, a, b, q, bnd_d(P));
      for (int j = 0; j < 12; j++) {
        point(pa, a, ra, j < 3 ? j : 3);
        point(pb, b, rb, j < 3 ? (j + 1) % 3 : 3);
        if (!binary)
          mpfr_set(pb, pa, MPFR_RNDN);
        if ((op == XI_LOG || op == XI_SQRT) && mpfr_sgn(pa) <= 0)
          continue; /* (the value's rule refuses such balls: not reached) */
        derivative(op, k, e, pa, pb);
        mpfr_sub(dist, e, q, MPFR_RNDA);
        mpfr_abs(dist, dist, MPFR_RNDN);
        checks++;
        if (!mpfr_number_p(e) || above(dist, rho))
          fail("the derivative outside p ± rho", op, k, prec, pa, pb, q, bnd_d(rho));
      }
    }
  }
  mag_clear(ra), mag_clear(rb), mag_clear(rv);
  mpfr_clears(a, b, v, p, pa, pb, e, dist, (mpfr_ptr)0);
}

static void rules(void) {
  static const mpfr_prec_t precs[] = {24, 53, 128, 300};
  for (int rep = 0; rep < 120; rep++)
    for (size_t q = 0; q < sizeof precs / sizeof *precs; q++)
      for (int ka = 0; ka < 8; ka++) {
        for (size_t o = 0; o < sizeof unary_ops / sizeof *unary_ops; o++)
          try_rule(unary_ops[o], 0, 0, precs[q], ka, 0);
        for (size_t o = 0; o < sizeof binary_ops / sizeof *binary_ops; o++)
          for (int kb = 0; kb < 8; kb++)
            for (int k = 0; k < 2; k++)
              try_rule(binary_ops[o], 1, k, precs[q], ka, kb);
      }
}

/* ---- 2. whole sweeps ---- */

static unsigned long long state = 88172645463325252ull;
static unsigned pick(unsigned n) {
  state ^= state << 13, state ^= state >> 7, state ^= state << 17;
  return (unsigned)(state % n);
}

static double worst = 0; /* the largest radius against Arb's at the working precision */
static long swept, contained, mids;

/* the adjoints of root by the nodes in list, three ways */
static int compare(xiR_session *s, uint32_t root, uint32_t *list, uint32_t n, const char *what) {
  xi_err err;
  xi_pos at = {1, 1};
  uint32_t r = root;
  if (xiD_sweep_from(&s->sweep, &s->g, &r, XID_LIST, list, n, at, &err)) {
    printf("FAIL sweep of %s: %s\n", what, err.msg);
    return 1;
  }
  xiB_adj mid, arb, ref;
  memset(&arb, 0, sizeof arb), memset(&ref, 0, sizeof ref);
  xiB_balls *hi = xiB_open(&s->g, &s->sweep);
  xiB_set_prec(hi, 1000);
  uint32_t before = s->balls->mid_sweeps;
  int bad = xiB_adjoints(s->balls, r, XID_LIST, list, n, &mid, at, &err) != 0;
  if (bad)
    printf("FAIL %s: %s\n", what, err.msg);
  if (s->balls->mid_sweeps != before + 1)
    return xiB_adj_free(&mid), xiB_close(hi), 0; /* (an under- or overflow: Arb's) */
  mids++;
  s->balls->mid_off = 1; /* Arb's sweep, on the same balls of the values */
  int arb_rc = bad ? 0 : xiB_adjoints(s->balls, r, XID_LIST, list, n, &arb, at, &err);
  s->balls->mid_off = 0;
  if (!bad && (xiB_adjoints(hi, r, XID_LIST, list, n, &ref, at, &err) || arb_rc)) {
    printf("FAIL %s: Arb's sweep: %s\n", what, err.msg);
    bad = 1;
  }
  for (uint32_t k = 0; !bad && k < n; k++) {
    const arb_struct *m = xiB_adj_of(&mid, list[k]), *x = xiB_adj_of(&ref, list[k]),
                     *y = xiB_adj_of(&arb, list[k]);
    swept++;
    if (!m || !x || !y)
      continue;
    if (!arb_contains(m, x)) {
      bad = 1;
      printf("FAIL %s: d/d(node %u): around the sweep's number ", what, list[k]);
      arb_printd(m, 40);
      printf(", at 1000 bits ");
      arb_printd(x, 40);
      printf("\n");
      continue;
    }
    contained++;
    if (!mag_is_zero(arb_radref(y))) {
      double ratio = mag_get_d(arb_radref(m)) / mag_get_d(arb_radref(y));
      if (ratio > worst)
        worst = ratio;
    }
  }
  xiB_adj_free(&mid);
  xiB_adj_free(&ref);
  xiB_adj_free(&arb);
  xiB_close(hi);
  return bad;
}

/* bench/whole.c's DAG: n statements, each from the one before and an earlier one */
static int dag(xiR_session *s, int n, int printed) {
  static const char *forms[] = {
      "n%d = n%d + n%d;\n",          "n%d = n%d - n%d;\n",
      "n%d = tanh(n%d * n%d);\n",    "n%d = n%d / (2 + tanh(n%d));\n",
      "n%d = exp(tanh(n%d)) - n%d;\n", "n%d = log(2 + tanh(n%d)) * n%d;\n",
      "n%d = sqrt(2 + tanh(n%d * n%d));\n", "n%d = sin(n%d) * cos(n%d);\n",
      "n%d = expm1(tanh(n%d)) - n%d;\n", "n%d = -(n%d) + 0.5 * n%d;\n",
  };
  size_t cap = (size_t)n * 64 + 1024, len = 0;
  char *text = malloc(cap);
  for (int i = 0; i < 8; i++)
    len += (size_t)snprintf(text + len, cap - len, "n%d = 0.%d%d;\n", i, 1 + i, 3 + i);
  for (int i = 8; i < n; i++)
    len += (size_t)snprintf(text + len, cap - len, forms[pick(10)], i, i - 1, (int)pick((unsigned)i));
  int bad = xiR_run(s, "dag", text, len, 1) != 0;
  free(text);
  if (bad)
    return printf("FAIL the DAG did not run\n"), 1;
  uint32_t list[8];
  for (int i = 0; i < 8; i++) {
    char name[16];
    snprintf(name, sizeof name, "n%d", i);
    list[i] = xiG_binding_of(&s->g, xiS_intern(&s->g.sym, name, strlen(name)))->node;
  }
  char last[16];
  snprintf(last, sizeof last, "n%d", n - 1);
  uint32_t root = xiG_binding_of(&s->g, xiS_intern(&s->g.sym, last, strlen(last)))->node;
  char what[64];
  snprintf(what, sizeof what, "a DAG of %d statements (%d)", n, printed);
  return compare(s, root, list, 8, what);
}

static int sweeps(void) {
  int bad = 0;
  static const int precs[] = {128, 53, 200};
  for (size_t q = 0; q < 3 && !bad; q++)
    for (int rep = 0; rep < 40 && !bad; rep++) {
      xiR_session s;
      xiR_init(&s, precs[q], 10);
      bad |= dag(&s, 20 + (int)pick(400), rep);
      xiR_free(&s);
    }
  return bad;
}

int main(void) {
  xiO_init();
  double widest = arith();
  rules();
  if (given < refused)
    printf("FAIL the rules refused %ld cases of %ld\n", refused, given + refused), failures++;
  int bad = sweeps();
  if (mids < 100)
    printf("FAIL only %ld of 120 DAGs' adjoints made around the sweep's numbers\n", mids),
        bad = 1;
  if (!bad && worst > 2)
    printf("FAIL a radius %.3g times that of Arb's sweep on the same values' balls\n", worst),
        bad = 1;
  printf("%s: %ld operations of the bounds on their side (widened by at most %.3g); %ld points in "
         "%ld partials' balls (%ld refused), %ld failures; %ld adjoints of %ld DAGs of 120 swept "
         "this way, %ld within their balls at 1000 bits, radii at most %.3g times Arb's\n",
         failures || bad ? "FAIL" : "ok", arith_n, widest, checks, given, refused, failures, swept,
         mids, contained, worst);
  return failures || bad;
}
