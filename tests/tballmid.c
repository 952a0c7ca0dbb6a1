/* tballmid.c: the tensor ball rules that reuse MPFR's numbers (ops/btmid.c)
 * against the exact extremes of each op over the operands' balls.
 *
 * For matrix products (P M×T times Q T×N, read through strides as proof/
 * reads a product, its transpose's and its other operand's vjp), sums along
 * each axis, and the elementwise ops (+ − × relu abs −a, and exp, tanh, log
 * by bmid.c's rules, broadcast), operands drawn at random (0, ±1, tiny, large,
 * many bits, small whole numbers, and for some products whole numbers of half
 * the precision's bits, whose sums may or may not fit it) at 24, 53, 128 and 300 bits, radii 0 or |x|·2^-k (k from 4 to
 * 140; from -2 for the elementwise ops but log, so that a ball may hold 0) as doubles at the scale the proofs use (2^prec), and v the op on the
 * numbers rounded once to nearest, as the tape computes it: the largest and
 * smallest value the op takes over the balls is computed at 3000 bits,
 * rounded outwards (a product's term is bilinear, so its extremes are at the
 * corners; the elementwise ops here are monotone, or |a| and relu whose
 * extremes are at the ends or 0), and must lie within v ± r.  A rule that
 * refused most cases would pass, so refusals are counted and must be few;
 * likewise a product of exact operands said exact (radius 0) must be so,
 * and such cases must be met.
 * Halving any radius makes this fail (tried by hand). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "ops/bops.h"

#define REF 3000

static uint64_t seed = 0x9e3779b97f4a7c15u;
static double rnd(void) {
  seed ^= seed << 13, seed ^= seed >> 7, seed ^= seed << 17;
  return (double)(seed >> 11) / 9007199254740992.0;
}

static int checks, failures, refused, given, exact_products;

static int ints; /* draw whole numbers of about half the precision */
static void draw(mpfr_ptr x) {
  int kind = ints && rnd() < 0.95 ? 8 : (int)(rnd() * 9);
  if (kind == 8 && !ints) { /* a small whole number */
    mpfr_set_si(x, (long)(rnd() * 21) - 10, MPFR_RNDN);
    return;
  }
  if (kind == 8) { /* a whole number of about half the precision's bits: sums of their
                      products fit the precision, or just do not */
    static gmp_randstate_t st;
    static int ready;
    if (!ready)
      gmp_randinit_default(st), gmp_randseed_ui(st, 7), ready = 1;
    long b = (long)mpfr_get_prec(x) / 2 - 3 + (long)(rnd() * 5);
    mpfr_urandomb(x, st);
    mpfr_mul_2si(x, x, b < 1 ? 1 : b, MPFR_RNDN);
    mpfr_floor(x, x);
    if (rnd() < 0.5)
      mpfr_neg(x, x, MPFR_RNDN);
    return;
  }
  double d = kind == 0   ? 0
             : kind == 1 ? (rnd() < 0.5 ? 1 : -1)
             : kind == 2 ? (rnd() - 0.5) * 1e-12
             : kind == 3 ? (rnd() - 0.5) * 1e6
                         : (rnd() - 0.5) * 4;
  mpfr_set_d(x, d, MPFR_RNDN);
  if (kind == 7) { /* many bits */
    mpfr_set_ui(x, 1, MPFR_RNDN);
    mpfr_div_ui(x, x, 3, MPFR_RNDN);
    mpfr_mul_d(x, x, (rnd() - 0.5) * 8, MPFR_RNDN);
  }
}

/* a radius at scale s: 0, or about |x|·2^-k (2^-k when x is 0), times 2^s */
static int kmin = 4; /* (below 1, a ball may hold 0) */
static double radius(mpfr_srcptr x, slong s, double p0) {
  if (rnd() < p0)
    return 0;
  int k = (int)(rnd() * (141 - kmin)) + kmin;
  double m = mpfr_zero_p(x) ? 1 : fabs(mpfr_get_d(x, MPFR_RNDA));
  return ldexp(m, (int)(s - k)) * (0.5 + rnd());
}

/* x ± r·2^-s at REF bits (exact: r is a double) */
static void end(mpfr_ptr e, mpfr_srcptr x, double r, slong s, int sign) {
  mpfr_set_d(e, r, MPFR_RNDN);
  mpfr_mul_2si(e, e, -s, MPFR_RNDN);
  if (sign < 0)
    mpfr_neg(e, e, MPFR_RNDN);
  mpfr_add(e, e, x, MPFR_RNDN);
}

/* v ± out·2^-s holds [lo, hi] */
static void judge(const char *what, mpfr_srcptr v, double out, slong s, mpfr_srcptr lo,
                  mpfr_srcptr hi) {
  mpfr_t a, b;
  mpfr_inits2(REF, a, b, (mpfr_ptr)0);
  end(a, v, out, s, -1);
  end(b, v, out, s, 1);
  checks++;
  if (mpfr_cmp(a, lo) > 0 || mpfr_cmp(b, hi) < 0) {
    failures++;
    if (failures <= 10)
      mpfr_printf("FAIL %s at %d bits: %.30Rg ± %.6g·2^-%ld does not hold [%.30Rg, %.30Rg]\n",
                  what, (int)mpfr_get_prec(v), v, out, (long)s, lo, hi);
  }
  mpfr_clears(a, b, (mpfr_ptr)0);
}

static mpfr_ptr vec(uint32_t n, mpfr_prec_t p) {
  mpfr_ptr x = malloc(n * sizeof *x);
  for (uint32_t k = 0; k < n; k++)
    mpfr_init2(&x[k], p);
  return x;
}
static void vec_free(mpfr_ptr x, uint32_t n) {
  for (uint32_t k = 0; k < n; k++)
    mpfr_clear(&x[k]);
  free(x);
}

/* the largest and smallest of (a ± ra)(b ± rb) over the corners, added into
   hi (rounded up) and lo (down) */
static void corners(mpfr_ptr lo, mpfr_ptr hi, mpfr_srcptr a, double ra, mpfr_srcptr b, double rb,
                    slong s) {
  mpfr_t x, y, t, mx, mn;
  mpfr_inits2(REF, x, y, t, mx, mn, (mpfr_ptr)0);
  for (int c = 0; c < 4; c++) {
    end(x, a, ra, s, c & 1 ? 1 : -1);
    end(y, b, rb, s, c & 2 ? 1 : -1);
    mpfr_mul(t, x, y, MPFR_RNDU);
    if (c == 0 || mpfr_cmp(t, mx) > 0)
      mpfr_set(mx, t, MPFR_RNDU);
    mpfr_mul(t, x, y, MPFR_RNDD);
    if (c == 0 || mpfr_cmp(t, mn) < 0)
      mpfr_set(mn, t, MPFR_RNDD);
  }
  mpfr_add(hi, hi, mx, MPFR_RNDU);
  mpfr_add(lo, lo, mn, MPFR_RNDD);
  mpfr_clears(x, y, t, mx, mn, (mpfr_ptr)0);
}

/* a product P·Q, P M×T read through strides (transposed or not) */
static void try_product(mpfr_prec_t prec) {
  uint32_t M = 1 + (uint32_t)(rnd() * 5), T = 1 + (uint32_t)(rnd() * 9), N = 1 + (uint32_t)(rnd() * 5);
  int tp = rnd() < 0.5, tq = rnd() < 0.5; /* stored transposed */
  slong s = prec;
  mpfr_ptr P = vec(M * T, prec), Q = vec(T * N, prec), v = vec(M * N, prec);
  double *rP = malloc(M * T * sizeof *rP), *rQ = malloc(T * N * sizeof *rQ), *out = malloc(M * N * sizeof *out);
  double p0 = rnd() < 0.3 ? 1 : 0.2; /* all exact, sometimes */
  ints = p0 == 1 && rnd() < 0.5;
  for (uint32_t k = 0; k < M * T; k++)
    draw(&P[k]), rP[k] = radius(&P[k], s, p0);
  for (uint32_t k = 0; k < T * N; k++)
    draw(&Q[k]), rQ[k] = radius(&Q[k], s, rnd() < 0.5 ? 0.2 : 1);
  ints = 0;
  xiO_rmat A = {P, p0 == 1 || rnd() < 0.2 ? NULL : rP, tp ? 1 : T, tp ? M : 1};
  xiO_rmat B = {Q, rQ, tq ? 1 : N, tq ? T : 1};
  if (p0 == 1 || rnd() < 0.2)
    B.r = NULL;
  mpfr_t lo, hi, t, sum;
  mpfr_inits2(REF, lo, hi, t, sum, (mpfr_ptr)0);
  for (uint32_t i = 0; i < M; i++)
    for (uint32_t j = 0; j < N; j++) { /* v: the exact sum rounded once */
      mpfr_set_zero(sum, 1);
      for (uint32_t k = 0; k < T; k++) {
        mpfr_mul(t, &P[i * A.s0 + k * A.s1], &Q[k * B.s0 + j * B.s1], MPFR_RNDN); /* exact */
        mpfr_add(sum, sum, t, MPFR_RNDN); /* exact at REF bits for these numbers */
      }
      mpfr_set(&v[i * N + j], sum, MPFR_RNDN);
    }
  if (xiO_rad_product(out, v, &A, &B, M, T, N, s)) {
    refused++;
  } else {
    given++;
    for (uint32_t i = 0; i < M; i++)
      for (uint32_t j = 0; j < N; j++) {
        mpfr_set_zero(lo, 1);
        mpfr_set_zero(hi, 1);
        for (uint32_t k = 0; k < T; k++) {
          uint32_t ia = i * A.s0 + k * A.s1, ib = k * B.s0 + j * B.s1;
          corners(lo, hi, &P[ia], A.r ? rP[ia] : 0, &Q[ib], B.r ? rQ[ib] : 0, s);
        }
        judge("product", &v[i * N + j], out[i * N + j], s, lo, hi);
        exact_products += out[i * N + j] == 0 && !mpfr_zero_p(&v[i * N + j]);
      }
  }
  mpfr_clears(lo, hi, t, sum, (mpfr_ptr)0);
  vec_free(P, M * T);
  vec_free(Q, T * N);
  vec_free(v, M * N);
  free(rP);
  free(rQ);
  free(out);
}

/* sums along an axis (or all) */
static void try_sum(mpfr_prec_t prec) {
  uint32_t R = 1 + (uint32_t)(rnd() * 6), C = 1 + (uint32_t)(rnd() * 6);
  int32_t axis = rnd() < 0.33 ? XI_ALL_AXES : rnd() < 0.5 ? 0 : 1;
  xi_shape sh = {2, R, C};
  uint32_t nout = axis == XI_ALL_AXES ? 1 : axis == 0 ? C : R;
  slong s = prec;
  mpfr_ptr a = vec(R * C, prec), v = vec(nout, prec);
  double *r = malloc(R * C * sizeof *r), out[8];
  for (uint32_t k = 0; k < R * C; k++)
    draw(&a[k]), r[k] = radius(&a[k], s, 0.3);
  xiO_rview va = {a, rnd() < 0.2 ? NULL : r, sh, R * C};
  mpfr_t lo, hi, e;
  mpfr_inits2(REF, lo, hi, e, (mpfr_ptr)0);
  for (uint32_t k = 0; k < nout; k++) {
    xiO_slice sl = xiO_slice_of(axis, &sh, k);
    mpfr_set_zero(e, 1);
    for (uint32_t t = 0; t < sl.len; t++)
      mpfr_add(e, e, &a[sl.first + t * sl.step], MPFR_RNDN); /* exact */
    mpfr_set(&v[k], e, MPFR_RNDN);
  }
  if (xiO_rad_sum(out, v, &va, axis, nout, s)) {
    refused++;
  } else {
    given++;
    for (uint32_t k = 0; k < nout; k++) {
      xiO_slice sl = xiO_slice_of(axis, &sh, k);
      mpfr_set_zero(lo, 1);
      mpfr_set_zero(hi, 1);
      for (uint32_t t = 0; t < sl.len; t++) {
        uint32_t q = sl.first + t * sl.step;
        end(e, &a[q], va.r ? r[q] : 0, s, -1);
        mpfr_add(lo, lo, e, MPFR_RNDD);
        end(e, &a[q], va.r ? r[q] : 0, s, 1);
        mpfr_add(hi, hi, e, MPFR_RNDU);
      }
      judge("sum", &v[k], out[k], s, lo, hi);
    }
  }
  mpfr_clears(lo, hi, e, (mpfr_ptr)0);
  vec_free(a, R * C);
  vec_free(v, nout);
  free(r);
}

static const int ops[] = {XI_ADD, XI_SUB, XI_MUL, XI_RELU, XI_ABS, XI_NEG, XI_EXP, XI_TANH, XI_LOG};

/* f over [x - r, x + r] (y likewise for + − ×): [lo, hi] at REF bits */
static void extremes(int op, mpfr_ptr lo, mpfr_ptr hi, mpfr_srcptr x, double rx, mpfr_srcptr y,
                     double ry, slong s) {
  mpfr_t a, b, c, d;
  mpfr_inits2(REF, a, b, c, d, (mpfr_ptr)0);
  end(a, x, rx, s, -1);
  end(b, x, rx, s, 1);
  if (op == XI_MUL) {
    mpfr_set_zero(lo, 1);
    mpfr_set_zero(hi, 1);
    corners(lo, hi, x, rx, y, ry, s);
  } else if (op == XI_ADD || op == XI_SUB) {
    end(c, y, ry, s, op == XI_ADD ? -1 : 1);
    end(d, y, ry, s, op == XI_ADD ? 1 : -1);
    xiO_table[op].forward(lo, a, c, MPFR_RNDD);
    xiO_table[op].forward(hi, b, d, MPFR_RNDU);
  } else if (op == XI_NEG) {
    mpfr_neg(lo, b, MPFR_RNDD);
    mpfr_neg(hi, a, MPFR_RNDU);
  } else if (op == XI_ABS || op == XI_RELU) {
    int zero = mpfr_sgn(a) <= 0 && mpfr_sgn(b) >= 0;
    if (op == XI_RELU) {
      mpfr_set_ui(lo, 0, MPFR_RNDN);
      mpfr_max(lo, lo, a, MPFR_RNDD);
      mpfr_set_ui(hi, 0, MPFR_RNDN);
      mpfr_max(hi, hi, b, MPFR_RNDU);
    } else {
      mpfr_abs(c, a, MPFR_RNDN);
      mpfr_abs(d, b, MPFR_RNDN);
      mpfr_max(hi, c, d, MPFR_RNDU);
      if (zero)
        mpfr_set_ui(lo, 0, MPFR_RNDN);
      else
        mpfr_min(lo, c, d, MPFR_RNDD);
    }
  } else { /* increasing */
    xiO_table[op].forward(lo, a, NULL, MPFR_RNDD);
    xiO_table[op].forward(hi, b, NULL, MPFR_RNDU);
  }
  mpfr_clears(a, b, c, d, (mpfr_ptr)0);
}

static void try_elementwise(int op, mpfr_prec_t prec) {
  uint32_t R = 1 + (uint32_t)(rnd() * 4), C = 1 + (uint32_t)(rnd() * 4);
  int binary = op == XI_ADD || op == XI_SUB || op == XI_MUL;
  /* b broadcast: a row, a column, a scalar, or the whole shape */
  int bk = (int)(rnd() * 4);
  xi_shape so = {2, R, C}, sb = bk == 0 ? (xi_shape){2, 1, C} : bk == 1 ? (xi_shape){2, R, 1}
                                        : bk == 2 ? (xi_shape){0, 1, 1} : so;
  uint32_t n = R * C, nb = sb.rows * sb.cols;
  slong s = prec;
  kmin = op == XI_LOG ? 4 : -2;
  mpfr_ptr a = vec(n, prec), b = vec(nb, prec), v = vec(n, prec);
  double *ra = malloc(n * sizeof *ra), *rb = malloc(nb * sizeof *rb), *out = malloc(n * sizeof *out);
  for (uint32_t k = 0; k < n; k++) {
    draw(&a[k]);
    if (op == XI_LOG)
      mpfr_abs(&a[k], &a[k], MPFR_RNDN);
    ra[k] = radius(&a[k], s, 0.2);
  }
  for (uint32_t k = 0; k < nb; k++)
    draw(&b[k]), rb[k] = radius(&b[k], s, 0.2);
  for (uint32_t i = 0, k = 0; i < R; i++)
    for (uint32_t j = 0; j < C; j++, k++)
      xiO_table[op].forward(&v[k], &a[k], binary ? &b[xiO_bidx(&sb, i, j)] : NULL, MPFR_RNDN);
  xiO_rview vo = {v, NULL, so, n}, va = {a, ra, so, n}, vb = {b, rb, sb, nb};
  if (xiO_rad_elementwise(op, out, &vo, &va, binary ? &vb : NULL, s)) {
    refused++;
  } else {
    given++;
    mpfr_t lo, hi;
    mpfr_inits2(REF, lo, hi, (mpfr_ptr)0);
    for (uint32_t i = 0, k = 0; i < R; i++)
      for (uint32_t j = 0; j < C; j++, k++) {
        uint32_t q = xiO_bidx(&sb, i, j);
        extremes(op, lo, hi, &a[k], ra[k], &b[q], rb[q], s);
        judge(xiO_table[op].name ? xiO_table[op].name : "+ - * -a", &v[k], out[k], s, lo, hi);
      }
    mpfr_clears(lo, hi, (mpfr_ptr)0);
  }
  kmin = 4;
  vec_free(a, n);
  vec_free(b, nb);
  vec_free(v, n);
  free(ra);
  free(rb);
  free(out);
}

int main(void) {
  static const mpfr_prec_t precs[] = {24, 53, 128, 300};
  xiO_init();
  for (int rep = 0; rep < 150; rep++)
    for (size_t q = 0; q < sizeof precs / sizeof *precs; q++) {
      try_product(precs[q]);
      try_sum(precs[q]);
      for (size_t o = 0; o < sizeof ops / sizeof *ops; o++)
        try_elementwise(ops[o], precs[q]);
    }
  if (exact_products < 100)
    printf("FAIL only %d nonzero products were found exact\n", exact_products), failures++;
  if (refused * 5 > given)
    printf("FAIL the rules refused %d cases of %d\n", refused, given + refused), failures++;
  printf("%d elements in %d tensors (%d refused; %d products exact), %d outside\n", checks, given,
         refused, exact_products, failures);
  return failures != 0;
}
