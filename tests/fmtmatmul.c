/* fmtmatmul.c: a matrix product in binary64 and binary32 computed in the
 * machine's doubles and floats (xiO_fmt_matmul) against the same product
 * emulated in MPFR element by element (xiO_fmt_dot, which tests/formats'
 * tables hold to NumPy 1.24's own answers bit for bit), on matrices drawn to
 * hit the format's edges: subnormals, the smallest normal, numbers near
 * overflow, ±0, ±inf and NaN, products that underflow or overflow, sums that
 * cancel.  Every element must be the same number, a zero with its sign, NaN
 * with NaN; both ways of use (written, and added into what is there). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "ops/ops.h"

static uint64_t state = 0x9E3779B97F4A7C15u;
static uint64_t next(void) { /* xorshift64*: deterministic draws */
  state ^= state >> 12, state ^= state << 25, state ^= state >> 27;
  return state * 0x2545F4914F6CDD1Du;
}

/* a number of format f, from the edges more often than not */
static void draw(mpfr_ptr x, int f) {
  const xiO_format *F = &xiO_formats[f];
  int kind = (int)(next() % 16);
  long e;
  switch (kind) {
  case 0: mpfr_set_zero(x, next() & 1 ? 1 : -1); return;
  case 1: mpfr_set_inf(x, next() & 1 ? 1 : -1); return;
  case 2: mpfr_set_nan(x); return;
  case 3: e = F->emin + (long)(next() % (unsigned long)F->prec); break;  /* subnormal */
  case 4: e = F->emin + F->prec - 2 + (long)(next() % 4); break;         /* near the smallest normal */
  case 5: e = F->emax - (long)(next() % 3); break;                       /* near overflow */
  case 6: e = (F->emin + F->prec) / 2 + (long)(next() % 8); break;       /* products underflow */
  case 7: e = F->emax / 2 + (long)(next() % 4); break;                   /* products overflow */
  default: e = (long)(next() % 21) - 10; break;                         /* ordinary */
  }
  mpfr_set_ui(x, (unsigned long)(next() | 1), MPFR_RNDN); /* 64 random bits */
  mpfr_set_exp(x, (mpfr_exp_t)e);
  if (next() & 1)
    mpfr_neg(x, x, MPFR_RNDN);
  if (kind > 7 && (next() % 4) == 0) /* a small integer: sums that cancel exactly */
    mpfr_set_si(x, (long)(next() % 7) - 3, MPFR_RNDN);
  xiO_fmt_round_to(x, mpfr_prec_round(x, F->prec, MPFR_RNDN), f);
}

static int same(mpfr_srcptr x, mpfr_srcptr y) {
  if (mpfr_nan_p(x) || mpfr_nan_p(y))
    return mpfr_nan_p(x) && mpfr_nan_p(y);
  return mpfr_equal_p(x, y) && mpfr_signbit(x) == mpfr_signbit(y);
}

int main(void) {
  xiO_init();
  int fails = 0, cases = 0, machine = 0;
  const int fmts[] = {XI_FMT_BINARY64, XI_FMT_BINARY32};
  enum { N = 7 };
  __mpfr_struct a[N * N], b[N * N], c[N * N], d[N * N];
  mpfr_t tmp;
  mpfr_init2(tmp, 128);
  for (int k = 0; k < N * N; k++) {
    mpfr_init2(&a[k], 53), mpfr_init2(&b[k], 53);
    mpfr_init2(&c[k], 128), mpfr_init2(&d[k], 128);
  }
  for (int fi = 0; fi < 2; fi++) {
    int f = fmts[fi];
    xiO_fmt = f;
    for (int trial = 0; trial < 20000; trial++) {
      uint32_t rows = (uint32_t)(next() % N), inner = (uint32_t)(next() % N),
               cols = (uint32_t)(next() % N);
      int add = (int)(next() & 1);
      for (int k = 0; k < N * N; k++) {
        mpfr_set_prec(&a[k], xiO_formats[f].prec), mpfr_set_prec(&b[k], xiO_formats[f].prec);
        draw(&a[k], f), draw(&b[k], f);
        mpfr_set_prec(&c[k], 128);
        draw(&c[k], f); /* (what an added product is added into, at the format's precision:
                           an adjoint in the format) */
        mpfr_set_prec(&d[k], mpfr_get_prec(&c[k]));
        mpfr_set(&d[k], &c[k], MPFR_RNDN);
      }
      int rc = xiO_fmt_matmul(c, cols, 1, add, a, inner, 1, b, cols, 1, rows, inner, cols, tmp);
      if (rc == 1)
        continue;
      machine++;
      for (uint32_t i = 0; i < rows; i++)
        for (uint32_t j = 0; j < cols; j++) {
          mpfr_ptr want = &d[i * cols + j];
          if (add) {
            xiO_fmt_dot(tmp, &a[i * inner], 1, &b[j], cols, inner);
            mpfr_add(want, want, tmp, MPFR_RNDN);
          } else
            xiO_fmt_dot(want, &a[i * inner], 1, &b[j], cols, inner);
          cases++;
          if (rc != 0 || !same(&c[i * cols + j], want)) {
            if (fails++ < 10)
              mpfr_fprintf(stderr, "fmtmatmul: %s %ux%ux%u (%u,%u)%s: %Ra, emulated %Ra\n",
                           xiO_formats[f].name, rows, inner, cols, i, j, add ? " added" : "",
                           &c[i * cols + j], want);
          }
        }
    }
  }
  for (int k = 0; k < N * N; k++)
    mpfr_clears(&a[k], &b[k], &c[k], &d[k], (mpfr_ptr)0);
  mpfr_clear(tmp);
  xiO_fmt = XI_FMT_MPFR;
  xiO_done();
  if (machine == 0) {
    fprintf(stderr, "fmtmatmul: the machine's arithmetic never stood in\n");
    return 1;
  }
  printf("fmtmatmul: %d elements of %d products, %d differ\n", cases, machine, fails);
  return fails != 0;
}
