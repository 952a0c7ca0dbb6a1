/* ballops.c: every ball rule (ops/bops.c, ops/btops.c) against the op's own
 * MPFR rule at 1100 bits.
 *
 * For each op, inputs that are small integers, exact binary fractions,
 * values at kinks and ties (0, 2.5, -0.5 ...) and random numbers:
 *   - as exact balls, at 53 and 200 bits: the MPFR value (exact inputs, 1100
 *     bits, far below the balls' radii) must lie in the ball; a finite MPFR
 *     value must get a finite ball and a NaN or infinite one none; the ball
 *     must be tight (radius under 2^-(prec-20) of the value), and exact for
 *     the ops that only move, pick or decide (radius 0);
 *   - as balls of a small radius: the MPFR value at random points inside
 *     them, and at their ends, must lie in the ball (or the ball be
 *     indeterminate, which claims nothing).  This is where the hulls of the
 *     discontinuous ops (floor of a ball holding an integer, a comparison of
 *     overlapping balls, argmax of near ties) are tested.
 * Elementwise binary ops take every pair of the values at once, by
 * broadcasting a column against a row; tensor ops take the shapes and
 * parameters of each case below.  Every op of the table must have a rule or
 * be in no_rule[] (with why), and must have been tested here. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ops/bops.h"
#include "ops/tops.h"

#define REF_BITS 1100

static int checks, failures, tested[XI_NOPS];
static uint64_t seed = 0x9e3779b97f4a7c15u;

static double rnd(void) { /* uniform in [0, 1), xorshift */
  seed ^= seed << 13, seed ^= seed >> 7, seed ^= seed << 17;
  return (double)(seed >> 11) / 9007199254740992.0;
}

/* ops left without a ball rule, each with why (none at present) */
static const int no_rule[] = {-1};

/* the ops that only move, pick, count or decide: exact from exact balls */
static int exact_op(int op) {
  switch (op) {
  case XI_ID: case XI_NEG: case XI_ASFLOAT: case XI_ABS: case XI_RELU: case XI_SIGN:
  case XI_MAXIMUM: case XI_MINIMUM: case XI_FLOORDIV: case XI_KEEP: case XI_TRUNC:
  case XI_GT: case XI_GE: case XI_LT: case XI_LE: case XI_EQ: case XI_NE: case XI_ISFINITE:
  case XI_TRANSPOSE: case XI_MAX: case XI_ARGMAX: case XI_INDEX: case XI_SCATTER:
  case XI_BROADCAST: case XI_RESHAPE: case XI_MAXMASK: case XI_ONEHOT: case XI_GATHER:
  case XI_PUT: case XI_MASKOUT: case XI_MIN: case XI_ARGMIN: case XI_CONCAT: case XI_SLICE:
  case XI_SLICESET: case XI_NONZERO: case XI_DIAG: case XI_BITAND: case XI_BITOR:
  case XI_BITXOR: case XI_INVERT: case XI_LSHIFT: case XI_RSHIFT:
    return 1;
  default:
    return 0;
  }
}

/* a tensor of n numbers in both forms */
typedef struct {
  xi_shape sh;
  uint32_t n;
  mpfr_ptr m;
  arb_ptr b;
} val;

static void val_init(val *v, xi_shape sh) {
  v->sh = sh;
  v->n = sh.rows * sh.cols;
  v->m = malloc(v->n * sizeof *v->m);
  for (uint32_t k = 0; k < v->n; k++)
    mpfr_init2(&v->m[k], REF_BITS);
  v->b = _arb_vec_init(v->n);
}

static void val_clear(val *v) {
  for (uint32_t k = 0; k < v->n; k++)
    mpfr_clear(&v->m[k]);
  free(v->m);
  _arb_vec_clear(v->b, v->n);
}

static xiO_view mview(const val *v, const int32_t *p) {
  return (xiO_view){v->m, v->sh, v->n, p, XI_DT_FLOAT};
}
static xiO_bview bview(const val *v, const int32_t *p) { return (xiO_bview){v->b, v->sh, v->n, p}; }

/* out = op(a, b) by the MPFR rules, as the tape runs them (graph.c) */
static int reference(int op, val *out, const val *a, const val *b, const int32_t *p) {
  const xiO_row *row = &xiO_table[op];
  const val *bb = b ? b : a;
  mpfr_clear_flags();
  if (row->forward) {
    for (uint32_t i = 0, k = 0; i < out->sh.rows; i++)
      for (uint32_t j = 0; j < out->sh.cols; j++, k++)
        row->forward(&out->m[k], &a->m[xiO_bidx(&a->sh, i, j)], &bb->m[xiO_bidx(&bb->sh, i, j)],
                     MPFR_RNDN);
    return 0;
  }
  mpfr_t tmp;
  mpfr_init2(tmp, REF_BITS);
  xiO_view vo = mview(out, p), va = mview(a, p), vb = mview(bb, p);
  int rc = row->tforward(&vo, &va, &vb, tmp);
  mpfr_clear(tmp);
  return rc;
}

static void fail(int op, const char *what, uint32_t k, slong prec, const arb_t got, mpfr_srcptr want) {
  failures++;
  if (failures > 40)
    return;
  char *s = arb_get_str(got, 20, 0);
  mpfr_printf("FAIL %s (op %d) element %u at %ld bits: %s: ball %s, value %.25Rg\n",
              xiO_table[op].name ? xiO_table[op].name : xiO_table[op].form, op, k, (long)prec,
              what, s, want);
  flint_free(s);
}

/* x in ball r, with x a 1100-bit rounding of the exact value (far inside
   any radius the balls have; an exact ball's value is exact there too) */
static int holds(const arb_t r, mpfr_srcptr x) {
  arf_t f;
  arf_init(f);
  arf_set_mpfr(f, x);
  int in = arb_contains_arf(r, f);
  arf_clear(f);
  return in;
}

/* the ball is within 2^-(prec-20) of the value (relative; absolute at 0) */
static int tight(const arb_t r, mpfr_srcptr x, slong prec) {
  mag_t bound;
  mag_init(bound);
  if (mpfr_zero_p(x)) {
    mag_set_ui_2exp_si(bound, 1, -(prec - 20));
  } else {
    arf_t f; /* (not by a double: erfc(100) is 6.4e-4346) */
    arf_init(f);
    arf_set_mpfr(f, x);
    arf_get_mag(bound, f);
    arf_clear(f);
    mag_mul_2exp_si(bound, bound, -(prec - 20));
  }
  int ok = mag_cmp(arb_radref(r), bound) <= 0;
  mag_clear(bound);
  return ok;
}

/* exact balls of a and b at 53 and 200 bits: each element against the
   MPFR value; domain errors (a NaN or infinite value) must be refused */
static void exact_balls(int op, val *out, val *a, val *b, const int32_t *p, int ref_rc) {
  for (int side = 0; side < 2; side++) {
    val *v = side ? b : a;
    for (uint32_t k = 0; v && k < v->n; k++) {
      arf_set_mpfr(arb_midref(&v->b[k]), &v->m[k]);
      mag_zero(arb_radref(&v->b[k]));
    }
  }
  static const slong precs[] = {53, 200};
  for (int q = 0; q < 2; q++) {
    slong prec = precs[q];
    xiO_bview vo = bview(out, p), va = bview(a, p), vb = b ? bview(b, p) : va;
    int rc = xiO_ball_forward(op, &vo, &va, b ? &vb : NULL, prec);
    for (uint32_t k = 0; k < out->n; k++) {
      checks++;
      arb_srcptr r = &out->b[k];
      int finite = ref_rc == 0 && mpfr_number_p(&out->m[k]);
      if (!finite && arb_is_finite(r))
        fail(op, "a ball for a value that is not a number", k, prec, r, &out->m[k]);
      else if (finite && !arb_is_finite(r))
        fail(op, "no ball for a finite value", k, prec, r, &out->m[k]);
      else if (finite && !holds(r, &out->m[k]))
        fail(op, "the value is outside the ball", k, prec, r, &out->m[k]);
      else if (finite && exact_op(op) && !arb_is_exact(r))
        fail(op, "not exact", k, prec, r, &out->m[k]);
      else if (finite && !tight(r, &out->m[k], prec))
        fail(op, "too wide", k, prec, r, &out->m[k]);
    }
    if ((rc == 0) != (ref_rc == 0 && mpfr_number_p(&out->m[0])) && out->n == 1) {
      checks++;
      fail(op, "return code", 0, prec, &out->b[0], &out->m[0]);
    }
  }
}

/* balls of radius 2^-rexp·|x| (2^-rexp at 0) about a's (and b's, unless
   they index) values; the MPFR value at points inside them must lie in
   the ball out gets */
static void wide_balls(int op, val *out, val *a, val *b, const int32_t *p, int perturb_b,
                       slong rexp) {
  val pa, pb, po;
  val_init(&pa, a->sh);
  val_init(&po, out->sh);
  if (b)
    val_init(&pb, b->sh);
  for (int side = 0; side < 2; side++) {
    val *src = side ? b : a;
    if (!src || (side && !perturb_b))
      continue;
    for (uint32_t k = 0; k < src->n; k++) {
      arb_ptr x = &src->b[k];
      arf_set_mpfr(arb_midref(x), &src->m[k]);
      slong e = mpfr_zero_p(&src->m[k]) ? 0 : mpfr_get_exp(&src->m[k]);
      mag_set_ui_2exp_si(arb_radref(x), 1, e - rexp);
    }
  }
  xiO_bview vo = bview(out, p), va = bview(a, p), vb = b ? bview(b, p) : va;
  xiO_ball_forward(op, &vo, &va, b ? &vb : NULL, 53);
  for (int trial = 0; trial < 12; trial++) { /* ends first, then random points */
    for (int side = 0; side < 2; side++) {
      val *src = side ? b : a, *dst = side ? &pb : &pa;
      if (!src)
        continue;
      for (uint32_t k = 0; k < src->n; k++) {
        double t = trial == 0 ? -1 : trial == 1 ? 1 : trial == 2 ? 0 : 2 * rnd() - 1;
        if (side && !perturb_b)
          t = 0;
        arf_t e, ft;
        arf_init(e);
        arf_init(ft);
        arf_set_d(ft, t);
        arf_set_mag(e, arb_radref(&src->b[k]));
        arf_mul(e, e, ft, ARF_PREC_EXACT, ARF_RND_DOWN);
        arf_clear(ft);
        arf_add(e, e, arb_midref(&src->b[k]), ARF_PREC_EXACT, ARF_RND_DOWN);
        arf_get_mpfr(&dst->m[k], e, MPFR_RNDN); /* exact: few bits */
        arf_clear(e);
      }
    }
    int rc = reference(op, &po, &pa, b ? &pb : NULL, p);
    for (uint32_t k = 0; rc == 0 && k < out->n; k++) {
      checks++;
      arb_srcptr r = &out->b[k];
      if (mpfr_number_p(&po.m[k]) && arb_is_finite(r) && !holds(r, &po.m[k]))
        fail(op, "a point of the input balls goes outside the ball", k, 53, r, &po.m[k]);
      if (!mpfr_number_p(&po.m[k]) && arb_is_finite(r))
        fail(op, "a point of the input balls is a domain error", k, 53, r, &po.m[k]);
    }
  }
  val_clear(&pa);
  val_clear(&po);
  if (b)
    val_clear(&pb);
}

/* one case: op on a (and b) with parameters p, both ways */
static void run(int op, xi_shape sa, const double *av, const xi_shape *sb, const double *bv,
                const int32_t *p0, int perturb_b) {
  int32_t p[XI_NPARAMS];
  xiO_params_default(op, p);
  if (p0)
    memcpy(p, p0, sizeof p);
  xi_shape so;
  char why[200];
  if (xiO_table[op].shape(&so, &sa, sb ? sb : &sa, p, why, sizeof why)) {
    printf("FAIL test case of op %d: %s\n", op, why);
    failures++;
    return;
  }
  tested[op] = 1;
  val a, b, out;
  val_init(&a, sa);
  val_init(&out, so);
  for (uint32_t k = 0; k < a.n; k++)
    mpfr_set_d(&a.m[k], av[k], MPFR_RNDN);
  if (sb) {
    val_init(&b, *sb);
    for (uint32_t k = 0; k < b.n; k++)
      mpfr_set_d(&b.m[k], bv[k], MPFR_RNDN);
  }
  int rc = reference(op, &out, &a, sb ? &b : NULL, p);
  exact_balls(op, &out, &a, sb ? &b : NULL, p, rc);
  if (rc == 0) {
    wide_balls(op, &out, &a, sb ? &b : NULL, p, perturb_b, 40);
    wide_balls(op, &out, &a, sb ? &b : NULL, p, perturb_b, 3); /* wide: across kinks */
  }
  val_clear(&a);
  val_clear(&out);
  if (sb)
    val_clear(&b);
}

/* ---- elementwise: every value, and every pair of values ---- */

static const double special[] = {0,   1,     -1,   2,    -2,    0.5,  -0.5, 2.5,  3,   -7,
                                 0.125, 1e-3, 100, 1.5, -3.25, 7,    -2.5, 0.75, 10,  -0.125};
#define NSPECIAL (sizeof special / sizeof special[0])
#define NVALUES (NSPECIAL + 12)

static void elementwise(void) {
  double v[NVALUES];
  memcpy(v, special, sizeof special);
  for (uint32_t k = NSPECIAL; k < NVALUES; k++)
    v[k] = (double)(int64_t)((8 * rnd() - 4) * 1048576) / 1048576; /* 20 bits after the point */
  xi_shape row = {1, 1, NVALUES}, col = {2, NVALUES, 1};
  for (int op = XI_FIRST_OP; op < XI_MATMUL; op++) {
    if (xiO_table[op].arity == 1)
      run(op, row, v, NULL, NULL, NULL, 0);
    else
      run(op, col, v, &row, v, NULL, 1);
  }
  /* a scalar with a matrix, and near-ties that only wide balls straddle */
  double m[6] = {1, 1 + 1.0 / 1024, 3, -3, 0.5, 2.5}, s = 1;
  xi_shape sm = {2, 2, 3}, ss = {0, 1, 1};
  for (int op = XI_FIRST_OP; op < XI_MATMUL; op++)
    if (xiO_table[op].arity == 2)
      run(op, sm, m, &ss, &s, NULL, 1);
}

/* ---- tensor ops: shapes, axes, keepdims, index tables ---- */

#define SH(r, n, m) ((xi_shape){r, n, m})
#define P(...) ((const int32_t[XI_NPARAMS]){__VA_ARGS__})

static void tensors(void) {
  const double A[6] = {1, -2.5, 3, 0.5, 7, -1}, B[6] = {2, 0.25, -1, 4, 3, -0.5};
  const double T[6] = {1, 3, 3, -2, 3, 0}, V[3] = {0.5, -1, 2};
  xi_shape m23 = SH(2, 2, 3), m32 = SH(2, 3, 2), v3 = SH(1, 1, 3), v2 = SH(1, 1, 2);
  run(XI_MATMUL, m23, A, &m32, B, NULL, 1);
  run(XI_MATMUL, m23, A, &v3, V, NULL, 1);
  run(XI_MATMUL, v2, V, &m23, A, NULL, 1);
  run(XI_MATMUL, v3, V, &v3, B, NULL, 1);
  run(XI_TRANSPOSE, m23, A, NULL, NULL, NULL, 0);
  run(XI_TRANSPOSE, v3, V, NULL, NULL, NULL, 0);
  run(XI_OUTER, v3, V, &v2, B, NULL, 1);
  run(XI_DIAG, v3, V, NULL, NULL, NULL, 0);
  run(XI_DIAG, SH(2, 2, 2), T, NULL, NULL, NULL, 0);
  int ops[] = {XI_SUM, XI_MEAN, XI_MAX, XI_ARGMAX, XI_MIN, XI_ARGMIN, XI_VAR, XI_STD, XI_NORM};
  int32_t axes[] = {XI_ALL_AXES, 0, 1, -1};
  for (int o = 0; o < 9; o++)
    for (int x = 0; x < 4; x++)
      for (int keep = 0; keep < 2; keep++) {
        run(ops[o], m23, A, NULL, NULL, P(axes[x], keep, 0, 0, 0), 0);
        run(ops[o], m23, T, NULL, NULL, P(axes[x], keep, 0, 0, 0), 0); /* ties */
        if (x == 0)
          run(ops[o], v3, V, NULL, NULL, P(axes[x], keep, 0, 0, 0), 0);
      }
  for (int x = 0; x < 3; x++) /* ddof 1: the sample variance */
    run(XI_VAR, m23, A, NULL, NULL, P(axes[x], 0, 1, 0, 0), 0);
  run(XI_STD, v3, V, NULL, NULL, P(XI_ALL_AXES, 0, 2, 0, 0), 0);
  run(XI_FSUM, v3, V, NULL, NULL, NULL, 0); /* math.fsum: every element */
  run(XI_FSUM, m23, A, NULL, NULL, NULL, 0);
  const double Z[3] = {0, 0, 0}; /* std and norm 0: exact */
  run(XI_STD, v3, Z, NULL, NULL, P(XI_ALL_AXES, 0, 0, 0, 0), 0);
  run(XI_NORM, v3, Z, NULL, NULL, P(XI_ALL_AXES, 0, 0, 0, 0), 0);
  for (int x = 0; x < 3; x++)
    run(XI_MAXMASK, m23, T, NULL, NULL, P(axes[x], 0, 0, 0, 0), 0);
  const double R[6] = {2.5, 0.125, 1250, -2.5, 2.675, 3.5};
  for (int32_t d = -2; d <= 3; d++)
    run(XI_ROUND, m23, R, NULL, NULL, P(d, INT32_MAX, 0, 0, 0), 0);
  /* 3·2^-61·10^60 = 1.5·5^60 is a tie of 141 bits: decided only exactly */
  const double R60[3] = {3 * 0x1p-61, 5 * 0x1p-61, 0x1p-61};
  run(XI_ROUND, v3, R60, NULL, NULL, P(60, INT32_MAX, 0, 0, 0), 0);
  run(XI_SOFTMAX, m23, A, NULL, NULL, NULL, 0);
  run(XI_SOFTMAX, v3, V, NULL, NULL, NULL, 0);
  run(XI_LOG_SOFTMAX, m23, A, NULL, NULL, NULL, 0);
  run(XI_LOG_SOFTMAX, v3, V, NULL, NULL, NULL, 0);
  const double L[2] = {2, 0}, Lbad[2] = {2, 3};
  run(XI_CROSS_ENTROPY, m23, A, &v2, L, NULL, 0);
  run(XI_CROSS_ENTROPY, m23, A, &v2, Lbad, NULL, 0); /* not a class: refused both ways */
  run(XI_ONEHOT, v2, L, NULL, NULL, P(0, 0, 2, 2, 3), 0);
  run(XI_INDEX, m23, A, NULL, NULL, P(1, XI_COLON, 0, 0, 0), 0);
  run(XI_INDEX, m23, A, NULL, NULL, P(XI_COLON, 2, 0, 0, 0), 0);
  run(XI_INDEX, m23, A, NULL, NULL, P(0, 1, 0, 0, 0), 0);
  run(XI_INDEX, v3, V, NULL, NULL, P(-1, INT32_MAX, 0, 0, 0), 0);
  run(XI_SCATTER, v3, V, NULL, NULL, P(1, XI_COLON, 2, 2, 3), 0);
  run(XI_SCATTER, SH(0, 1, 1), V, NULL, NULL, P(0, 2, 2, 2, 3), 0);
  run(XI_BROADCAST, v3, V, NULL, NULL, P(0, 0, 2, 2, 3), 0);
  run(XI_BROADCAST, SH(2, 2, 1), B, NULL, NULL, P(0, 0, 2, 2, 3), 0);
  run(XI_SUMTO, m23, A, NULL, NULL, P(0, 0, 1, 1, 3), 0);
  run(XI_SUMTO, m23, A, NULL, NULL, P(0, 0, 2, 2, 1), 0);
  run(XI_SUMTO, m23, A, NULL, NULL, P(0, 0, 0, 1, 1), 0);
  run(XI_RESHAPE, m23, A, NULL, NULL, P(0, 0, 2, 3, 2), 0);
  /* index tables: rows then columns; repeated (1, 2) and (0, 0) */
  const double I2[8] = {1, 0, 1, 0, 2, 0, 2, 0}, I3[12] = {1, 0, 1, 0, 2, 0, 2, 0, 9, -4, 5, 6};
  const double I1[3] = {2, 0, 2}, W4[4] = {0.5, -1, 3, 2};
  xi_shape t24 = SH(2, 2, 4), t34 = SH(2, 3, 4), t13 = SH(2, 1, 3);
  run(XI_GATHER, m23, A, &t24, I2, P(0, INT32_MAX, 0, 0, 0), 0);
  run(XI_GATHER, m23, A, &t34, I3, P(1, INT32_MAX, 0, 0, 0), 0);
  run(XI_GATHER, v3, V, &t13, I1, P(0, INT32_MAX, 0, 0, 0), 0);
  run(XI_SCATTERADD, SH(1, 1, 4), W4, &t24, I2, P(0, INT32_MAX, 2, 2, 3), 0);
  run(XI_SCATTERADD, t34, I3, &t34, I3, P(1, INT32_MAX, 2, 2, 3), 0);
  run(XI_PUT, m23, A, &t34, I3, NULL, 0);
  run(XI_MASKOUT, m23, A, &t24, I2, NULL, 0);
  /* slices (rows from 1 in steps of -1, columns from 2 in steps of -2), joins, masks */
  run(XI_SLICE, m23, A, NULL, NULL, P(1, -1, 2, 2, 2, 2, -2), 0);
  run(XI_SLICE, v3, V, NULL, NULL, P(0, 1, 1, 1, 2, 1, 1), 0);
  run(XI_SLICESET, m23, A, &SH(2, 1, 2), B, P(1, 1, 0, 0, 0, 0, 2), 0);
  run(XI_SLICESET, v3, V, &SH(1, 1, 2), B, P(0, 1, 0, 0, 0, 2, -2), 0);
  run(XI_CONCAT, m23, A, &m23, B, P(0, INT32_MAX, 0, 0, 0), 0);
  run(XI_CONCAT, m23, A, &SH(2, 2, 1), B, P(1, INT32_MAX, 0, 0, 0), 0);
  run(XI_CONCAT, v3, V, &v2, B, P(0, INT32_MAX, 0, 0, 0), 0);
  run(XI_NONZERO, m23, T, NULL, NULL, P(0, 0, 2, 2, 5), 0);
  run(XI_NONZERO, v3, V, NULL, NULL, P(0, 0, 2, 1, 3), 0);
  const double Ibad[8] = {1, 0, 5, 0, 2, 0, 2, 0};
  run(XI_GATHER, m23, A, &t24, Ibad, P(0, INT32_MAX, 0, 0, 0), 0); /* out of range */
}

/* ---- rules that must refuse or decide, by hand ---- */

/* a radius exactly r (mag_set_d rounds up: 0.25 ± 0.25 would reach below 0) */
static void set_rad(arb_t x, double r) {
  int e;
  double f = frexp(r, &e);
  mag_set_ui_2exp_si(arb_radref(x), (ulong)ldexp(f, 30), e - 30);
}

/* wide balls of monotone ops, at 2 bits: near the image of the ends, not
   Arb's wider ball (Arb's cosh of 0 ± 26 at 2 bits is 3.4e10 ± 6.6e10, half
   of it below cosh's least value 1; at 53 bits Arb's is near the image).  A ball's radius has 30 bits, so the bound on the
   low side is the least value less a part in 1e8 of the greatest.  Values by
   hand: cosh(26) = e^26/2 + e^-26/2 = 9.78648047e10, e^26 = 1.95729609e11,
   cosh(15) = 1.63440e6, cosh(25) = 3.60024e10. */
static void wide(void) {
  static const struct {
    int op;
    double x, xr, least, most;
  } cases[] = {
      {XI_COSH, 0, 26, 1, 9.78648047e10},     /* even: min |x| is 0 */
      {XI_COSH, -20, 5, 1.63440e6, 3.60024e10}, /* [cosh 15, cosh 25] */
      {XI_EXP, 0, 26, 0, 1.95729609e11},
  };
  arb_t x, r;
  arb_init(x), arb_init(r);
  xi_shape s = {0, 1, 1};
  xiO_bview vx = {x, s, 1, NULL}, vr = {r, s, 1, NULL};
  for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
    checks++;
    arb_set_d(x, cases[c].x), set_rad(x, cases[c].xr);
    arf_t lo, hi;
    arf_init(lo), arf_init(hi);
    int rc = xiO_ball_forward(cases[c].op, &vr, &vx, NULL, 2);
    arb_get_lbound_arf(lo, r, 53);
    arb_get_ubound_arf(hi, r, 53);
    double m = cases[c].most;
    if (rc != 0 || arf_cmp_d(lo, cases[c].least - 1e-8 * m) < 0 || arf_cmp_d(hi, m * (1 + 1e-5)) > 0) {
      failures++;
      char *sr = arb_get_str(r, 10, 0);
      printf("FAIL wide %zu (op %d): rc %d, ball %s, not within [%g, %g]\n", c, cases[c].op, rc,
             sr, cases[c].least, m);
      flint_free(sr);
    }
    arf_clear(lo), arf_clear(hi);
  }
  arb_clear(x), arb_clear(r);
}

static void decisions(void) {
  arb_t x, y, r;
  arb_init(x), arb_init(y), arb_init(r);
  xi_shape s = {0, 1, 1};
  xiO_bview vx = {x, s, 1, NULL}, vy = {y, s, 1, NULL}, vr = {r, s, 1, NULL};
  struct {
    int op;
    double x, xr, y, yr;
    int rc;       /* 0 or -1 */
    double lo, hi; /* rc 0: the ball must hold [lo, hi] */
  } cases[] = {
      {XI_LOG, 0.5, 1, 0, 0, -1, 0, 0},         /* log of a ball reaching 0 */
      {XI_SQRT, 0.5, 1, 0, 0, -1, 0, 0},        /* sqrt of one reaching below 0 */
      {XI_DIV, 1, 0, 0.5, 1, -1, 0, 0},         /* a divisor holding 0 */
      {XI_POW, -2, 0.1, 0.5, 0, -1, 0, 0},      /* a negative base, non-integer power */
      {XI_POW, 0, 0, -1, 0, -1, 0, 0},          /* 0 to a negative power */
      {XI_POW, 0, 0, 0.5, 0, 0, 0, 0},          /* 0^0.5 = 0 exactly */
      {XI_POW, 0.25, 0.25, 2.5, 0, 0, 0, 0.125}, /* a base from 0 to 1/2 */
      {XI_XLOGY, 0, 0, 0, 0, 0, 0, 0},          /* xlogy(0, 0) = 0 exactly */
      {XI_XLOGY, 0, 0, -1, 0.5, 0, 0, 0},       /* xlogy(0, y) = 0 for any y */
      {XI_XLOGY, 0, 0.5, 0, 0, -1, 0, 0},       /* x near 0, y = 0: log of zero */
      {XI_XLOGY, 2, 0, 0.5, 0.25, 0, -2.77, -0.58}, /* 2·log([0.25, 0.75]) */
      {XI_TRUNC, 2.5, 1, 0, 0, 0, 1, 3},        /* the ball of 1, 2, 3 */
      {XI_FLOORDIV, 3, 0.5, 1, 0, 0, 2, 3},
      {XI_GT, 1, 0.5, 1.25, 0, 0, 0, 1},        /* overlapping: [0, 1] */
      {XI_SIGN, 0, 1, 0, 0, 0, -1, 1},
      {XI_KEEP, 5, 0, 0, 1, 0, 0, 5},           /* 5 or 0 */
      {XI_BITAND, 1, 0.5, 1, 0, -1, 0, 0},      /* (a truth value undecided) & True */
      {XI_BITXOR, -1, 0, 6, 0, 0, -7, -7},      /* two's complement: -1 ^ 6 = -7 */
      {XI_RSHIFT, -5, 0, 1, 0, 0, -3, -3},      /* floor(-5/2) */
      {XI_LSHIFT, 3, 0, -1, 0, -1, 0, 0},       /* a negative count */
      {XI_RELU, 0, 1, 0, 0, 0, 0, 1},
      {XI_TAN, 1.5707963267948966, 0.01, 0, 0, -1, 0, 0}, /* a pole */
  };
  for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
    checks++;
    arb_set_d(x, cases[c].x), set_rad(x, cases[c].xr);
    arb_set_d(y, cases[c].y), set_rad(y, cases[c].yr);
    int arity = xiO_table[cases[c].op].arity;
    int rc = xiO_ball_forward(cases[c].op, &vr, &vx, arity == 2 ? &vy : NULL, 53);
    arf_t lo, hi;
    arf_init(lo), arf_init(hi);
    arf_set_d(lo, cases[c].lo), arf_set_d(hi, cases[c].hi);
    if (rc != cases[c].rc ||
        (rc == 0 && !(arb_contains_arf(r, lo) && arb_contains_arf(r, hi)))) {
      failures++;
      char *sr = arb_get_str(r, 10, 0);
      printf("FAIL decision %zu (op %d): rc %d, ball %s\n", c, cases[c].op, rc, sr);
      flint_free(sr);
    }
    arf_clear(lo), arf_clear(hi);
  }
  arb_clear(x), arb_clear(y), arb_clear(r);
}

/* every op has a rule (or says why not) and was tested above */
static void coverage(void) {
  for (int op = XI_FIRST_OP; op < XI_NOPS; op++) {
    int listed = 0;
    for (size_t k = 0; k < sizeof no_rule / sizeof no_rule[0]; k++)
      listed |= no_rule[k] == op;
    checks++;
    if (!xiO_has_ball_rule(op) && !listed) {
      failures++;
      printf("FAIL op %d (%s) has no ball rule and is not in no_rule[]\n", op,
             xiO_table[op].form);
    } else if (xiO_has_ball_rule(op) && !tested[op]) {
      failures++;
      printf("FAIL op %d (%s) has a ball rule that no case here tests\n", op,
             xiO_table[op].form);
    }
  }
}

int main(void) {
  xiO_init();
  elementwise();
  tensors();
  decisions();
  wide();
  coverage();
  xiO_done();
  flint_cleanup();
  printf("ballops: %d checks, %d failed\n", checks, failures);
  return failures != 0;
}
