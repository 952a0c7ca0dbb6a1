/* fmt.c: IEEE 754 formats emulated with MPFR (fmt.h says how). */
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
