/* fmt.c: IEEE 754 formats emulated with MPFR (fmt.h says how). */
#include <fenv.h>
#include <float.h>
#include <stdlib.h>
#include <string.h>

#include "ops/ops.h"

const xiO_format xiO_formats[XI_NFORMATS] = {
#define XI_FMT_ROW(id, nm, p, lo, hi, np, big) [XI_FMT_##id] = {nm, p, lo, hi, np, big},
    XI_FORMATS(XI_FMT_ROW)
#undef XI_FMT_ROW
};

int xiO_fmt = XI_FMT_MPFR;

int xiO_format_lookup(const char *name, size_t len) {
  for (int f = 0; f < XI_NFORMATS; f++)
    if (strlen(xiO_formats[f].name) == len && memcmp(xiO_formats[f].name, name, len) == 0)
      return f;
  return -1;
}

int xiO_fmt_round_far(mpfr_ptr x, int inex, int f) {
  const xiO_format *F = &xiO_formats[f];
  if (mpfr_get_prec(x) != F->prec) { /* another precision: to the format's first */
    int t = mpfr_prec_round(x, F->prec, MPFR_RNDN);
    inex = t ? t : inex;
  }
  mpfr_exp_t emin = mpfr_get_emin(), emax = mpfr_get_emax();
  mpfr_set_emin(F->emin);
  mpfr_set_emax(F->emax);
  inex = mpfr_check_range(x, inex, MPFR_RNDN);
  inex = mpfr_subnormalize(x, inex, MPFR_RNDN);
  mpfr_set_emin(emin);
  mpfr_set_emax(emax);
  return inex;
}

int xiO_fmt_round(mpfr_ptr x, int inex) { return xiO_fmt_round_to(x, inex, xiO_fmt); }

/* xiO_fmt_dot's running sum and product, made once (every format's precision fits) */
#define XI_FMT_PREC_MAX 53
static struct {
  mpfr_t s, t;
} sc;
static int ready;

int xiO_fmt_dot(mpfr_ptr r, mpfr_srcptr a, uint32_t astride, mpfr_srcptr b, uint32_t bstride,
                uint32_t len) {
  int f = xiO_fmt;
  /* binary16 and bfloat16: NumPy's HALF_matmul_inner_noblas, a float sum */
  int acc = f == XI_FMT_BINARY16 || f == XI_FMT_BFLOAT16 ? XI_FMT_BINARY32 : f;
  if (!ready) { /* kept: a matrix product calls this once an element */
    mpfr_inits2(XI_FMT_PREC_MAX, sc.s, sc.t, (mpfr_ptr)0);
    ready = 1;
  }
  mpfr_ptr s = sc.s, t = sc.t;
  mpfr_set_prec(s, xiO_formats[acc].prec); /* (within the room made: no allocation) */
  mpfr_set_prec(t, xiO_formats[acc].prec);
  mpfr_set_zero(s, 1); /* from +0: a sum of only -0 products is +0, as NumPy's */
  for (uint32_t k = 0; k < len; k++) {
    if (xiO_stopped())
      return XI_RULE_STOPPED;
    xiO_fmt_round_to(t, mpfr_mul(t, &a[k * astride], &b[k * bstride], MPFR_RNDN), acc);
    xiO_fmt_round_to(s, mpfr_add(s, s, t, MPFR_RNDN), acc);
  }
  xiO_fmt_round_to(r, mpfr_set(r, s, MPFR_RNDN), f);
  return 0;
}

void xiO_fmt_free(void) {
  if (ready)
    mpfr_clears(sc.s, sc.t, (mpfr_ptr)0);
  ready = 0;
}

/* ---- a matrix product in the machine's own arithmetic ----

   In binary64 and binary32 NumPy's element is a sum from +0, in order, of
   products, each product and each sum rounded to nearest in the format: the
   machine's IEEE double and float operations compute exactly that, with
   gradual underflow, where xiO_fmt_dot emulates each in MPFR (~200
   instructions a term).  They stand in only where they round as the format
   does: evaluated in their own type (FLT_EVAL_METHOD 0), to nearest, with
   subnormals kept (no flush to zero: checked once), never fused into a
   multiply-add (the Makefile's -ffp-contract=off), and on numbers that are
   the format's already (each converted exactly). */

#if defined(__STDC_IEC_559__) && FLT_EVAL_METHOD == 0 && DBL_MANT_DIG == 53 && FLT_MANT_DIG == 24
static int machine_ok(void) { /* asked each time: a library loaded later may change the mode */
  volatile double d = 0x1p-1022, dh = 0.5, s = 0x1p-1074, two = 2.0;
  volatile float f = 0x1p-126f, fh = 0.5f, fs = 0x1p-149f, ftwo = 2.0f;
  return d * dh == 0x1p-1023 && f * fh == 0x1p-127f /* subnormals not flushed to 0 */
         && s * two == 0x1p-1073 && fs * ftwo == 0x1p-148f /* nor read as 0 */
         && fegetround() == FE_TONEAREST;
}
#else
static int machine_ok(void) { return 0; }
#endif

/* n numbers x[i·st] as doubles, or NULL: one is not a number of format f */
static double *machine(mpfr_srcptr x, uint32_t n, uint32_t st, uint32_t rows, uint32_t rs,
                       const xiO_format *F, int single) {
  size_t cnt = (size_t)n * rows;
  double *d = malloc((cnt ? cnt : 1) * sizeof *d);
  for (uint32_t r = 0; d && r < rows; r++)
    for (uint32_t k = 0; k < n; k++) {
      mpfr_srcptr v = &x[(size_t)r * rs + (size_t)k * st];
      if (mpfr_get_prec(v) != F->prec ||
          (mpfr_regular_p(v) && (mpfr_get_exp(v) < F->emin || mpfr_get_exp(v) > F->emax))) {
        free(d);
        return NULL;
      }
      d[(size_t)r * n + k] = single ? (double)mpfr_get_flt(v, MPFR_RNDN) : mpfr_get_d(v, MPFR_RNDN);
      if (mpfr_regular_p(v) && mpfr_get_exp(v) < F->emin + F->prec - 1 &&
          mpfr_cmp_d(v, d[(size_t)r * n + k]) != 0) { /* a subnormal's bits past the format's */
        free(d);
        return NULL;
      }
    }
  return d;
}

int xiO_fmt_matmul(mpfr_ptr out, uint32_t ors, uint32_t ocs, int add, mpfr_srcptr a, uint32_t ars,
                   uint32_t aks, mpfr_srcptr b, uint32_t bks, uint32_t bcs, uint32_t rows,
                   uint32_t inner, uint32_t cols, mpfr_ptr tmp) {
  int f = xiO_fmt;
  if ((f != XI_FMT_BINARY64 && f != XI_FMT_BINARY32) || !machine_ok())
    return 1;
  const xiO_format *F = &xiO_formats[f];
  int single = f == XI_FMT_BINARY32;
  /* A's rows and B's columns, each contiguous */
  double *A = machine(a, inner, aks, rows, ars, F, single);
  double *B = A ? machine(b, inner, bks, cols, bcs, F, single) : NULL;
  int rc = B ? 0 : 1;
  for (uint32_t i = 0; rc == 0 && i < rows; i++) {
    if (xiO_stopped()) {
      rc = XI_RULE_STOPPED;
      break;
    }
    const double *ai = &A[(size_t)i * inner];
    for (uint32_t j = 0; j < cols; j++) {
      const double *bj = &B[(size_t)j * inner];
      double sum;
      if (single) {
        float s = 0.0f; /* from +0, as NumPy's */
        for (uint32_t k = 0; k < inner; k++) {
          float t = (float)ai[k] * (float)bj[k];
          s = s + t;
        }
        sum = s;
      } else {
        double s = 0.0;
        for (uint32_t k = 0; k < inner; k++) {
          double t = ai[k] * bj[k];
          s = s + t;
        }
        sum = s;
      }
      mpfr_ptr r = &out[(size_t)i * ors + (size_t)j * ocs];
      if (!add)
        xiO_fmt_round_to(r, mpfr_set_d(r, sum, MPFR_RNDN), f);
      else {
        xiO_fmt_round_to(tmp, mpfr_set_d(tmp, sum, MPFR_RNDN), f);
        mpfr_add(r, r, tmp, MPFR_RNDN);
      }
    }
  }
  free(A);
  free(B);
  return rc;
}
