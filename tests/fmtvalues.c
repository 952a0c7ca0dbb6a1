/* fmtvalues.c: xi in the IEEE formats against NumPy 1.24's own answers, the
 * tables of tests/formats (made by gen.py; README.md there says how).  Every
 * row is computed by xi's tape (xiG_leaf, xiG_op: the rounding of compute()
 * and the matrix product's rule) under `format binary16/32/64`:
 *   add sub mul div sqrt   bit for bit
 *   matmul                 every element bit for bit
 *   exp log tanh           within 1 ulp (xi is correctly rounded, NumPy is
 *                          not), or exactly as far as numpy-over-1ulp.tsv says
 * NaN meets NaN; zeros and infinities with their signs.  Run from the top
 * directory (tests/run does). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/session.h"

static xiR_session S;
static int failures, rows, within;

static const char *dir = "tests/formats/";

static void read_num(mpfr_ptr x, const char *t) {
  if (mpfr_strtofr(x, t, NULL, 0, MPFR_RNDN) != 0 && !mpfr_nan_p(x)) {
    fprintf(stderr, "fmtvalues: %s is not exact at %ld bits\n", t, (long)mpfr_get_prec(x));
    failures++;
  }
}

static int same(mpfr_srcptr x, mpfr_srcptr y) {
  if (mpfr_nan_p(x) || mpfr_nan_p(y))
    return mpfr_nan_p(x) && mpfr_nan_p(y);
  return mpfr_equal_p(x, y) && mpfr_signbit(x) == mpfr_signbit(y);
}

/* representable values from x up to y (x <= y, both finite values of the format) */
static int ulps(mpfr_srcptr lo, mpfr_srcptr hi, int limit) {
  mpfr_t t;
  mpfr_init2(t, mpfr_get_prec(lo));
  mpfr_set(t, lo, MPFR_RNDN);
  int n = 0;
  const xiO_format *f = &xiO_formats[xiO_fmt];
  mpfr_exp_t emin = mpfr_get_emin(), emax = mpfr_get_emax();
  mpfr_set_emin(f->emin);
  mpfr_set_emax(f->emax);
  while (mpfr_less_p(t, hi) && n <= limit) {
    mpfr_nextabove(t);
    mpfr_subnormalize(t, -1, MPFR_RNDU); /* (a subnormal's own spacing) */
    n++;
  }
  mpfr_set_emin(emin);
  mpfr_set_emax(emax);
  mpfr_clear(t);
  return n;
}

/* the distance NumPy's row is allowed from the correctly rounded result */
static int allowed(const char *fmt, const char *op, const char *a) {
  char path[256], line[512];
  snprintf(path, sizeof path, "%snumpy-over-1ulp.tsv", dir);
  FILE *f = fopen(path, "r");
  int n = 1;
  while (f && fgets(line, sizeof line, f)) {
    char F[32], O[32], A[64];
    int d;
    if (line[0] != '#' && sscanf(line, "%31s %31s %63s %*s %d", F, O, A, &d) == 4 &&
        !strcmp(F, fmt) && !strcmp(O, op) && !strcmp(A, a))
      n = d < 0 ? -d : d;
  }
  if (f)
    fclose(f);
  return n;
}

static uint32_t leaf(const char *text, xi_shape sh, uint32_t n) {
  __mpfr_struct el[16];
  char buf[1024], *save = NULL;
  snprintf(buf, sizeof buf, "%s", text);
  char *w = strtok_r(buf, " ", &save);
  for (uint32_t k = 0; k < n; k++, w = strtok_r(NULL, " ", &save)) {
    mpfr_init2(&el[k], S.g.prec);
    read_num(&el[k], w ? w : "nan");
  }
  xiO_view v = {el, sh, n, NULL, XI_DT_FLOAT};
  uint32_t i = xiG_leaf(&S.g, &v, (xi_pos){0, 0});
  for (uint32_t k = 0; k < n; k++)
    mpfr_clear(&el[k]);
  return i;
}

static void set_format(const char *name) {
  int f = xiO_format_lookup(name, strlen(name));
  xi_err err;
  xiO_fmt = f;
  if (xiG_set_prec(&S.g, xiO_formats[f].prec, &err))
    printf("FAIL format %s: %s\n", name, err.msg), failures++;
}

/* tests/formats/FMT(suffix).tsv opened, and the session put in format fmt;
   NULL (a failure counted) when it cannot be read */
static FILE *open_table(const char *fmt, const char *suffix) {
  char path[256];
  snprintf(path, sizeof path, "%s%s%s.tsv", dir, fmt, suffix);
  FILE *f = fopen(path, "r");
  if (!f) {
    printf("FAIL cannot read %s\n", path);
    failures++;
    return NULL;
  }
  set_format(fmt);
  return f;
}

static void ops_table(const char *fmt) {
  char line[1024];
  FILE *f = open_table(fmt, "");
  if (!f)
    return;
  static const struct {
    const char *name;
    int op;
  } ops[] = {{"add", XI_ADD}, {"sub", XI_SUB}, {"mul", XI_MUL}, {"div", XI_DIV},
             {"sqrt", XI_SQRT}, {"exp", XI_EXP}, {"log", XI_LOG}, {"tanh", XI_TANH}};
  while (fgets(line, sizeof line, f)) {
    if (line[0] == '#')
      continue;
    line[strcspn(line, "\n")] = 0;
    char *cols[4] = {0}, *p = line;
    for (int c = 0; c < 4; c++)
      cols[c] = strsep(&p, "\t");
    if (!cols[3])
      continue;
    int op = -1;
    for (size_t k = 0; k < sizeof ops / sizeof ops[0]; k++)
      if (!strcmp(ops[k].name, cols[0]))
        op = ops[k].op;
    uint32_t mark = S.g.n, out;
    xi_shape sc = {0, 1, 1};
    uint32_t a = leaf(cols[1], sc, 1), b = *cols[2] ? leaf(cols[2], sc, 1) : XI_NONE;
    xi_err err;
    rows++;
    if (op < 0 || xiG_op(&S.g, op, a, b, NULL, (xi_pos){0, 0}, &out, &err)) {
      printf("FAIL %s %s %s %s: %s\n", fmt, cols[0], cols[1], cols[2], op < 0 ? "op?" : err.msg);
      failures++;
      xiG_truncate(&S.g, mark);
      continue;
    }
    mpfr_t want;
    mpfr_init2(want, S.g.prec);
    read_num(want, cols[3]);
    mpfr_ptr got = S.g.nodes[out].v;
    int exact = op != XI_EXP && op != XI_LOG && op != XI_TANH;
    if (!same(got, want)) {
      int ok = !exact && mpfr_number_p(got) && mpfr_number_p(want);
      if (ok) {
        int lim = allowed(fmt, cols[0], cols[1]);
        int d = mpfr_less_p(got, want) ? ulps(got, want, lim) : ulps(want, got, lim);
        ok = d <= lim;
        within += ok;
      }
      if (!ok) {
        mpfr_printf("FAIL %s %s %s %s: xi %Ra, NumPy %s\n", fmt, cols[0], cols[1], cols[2],
                    got, cols[3]);
        failures++;
      }
    }
    mpfr_clear(want);
    xiG_truncate(&S.g, mark);
  }
  fclose(f);
}

static void matmul_table(const char *fmt) {
  char line[4096];
  FILE *f = open_table(fmt, "-matmul");
  if (!f)
    return;
  while (fgets(line, sizeof line, f)) {
    if (line[0] == '#')
      continue;
    line[strcspn(line, "\n")] = 0;
    char *cols[6] = {0}, *p = line;
    for (int c = 0; c < 6; c++)
      cols[c] = strsep(&p, "\t");
    if (!cols[5])
      continue;
    uint32_t m = (uint32_t)atoi(cols[0]), k = (uint32_t)atoi(cols[1]), n = (uint32_t)atoi(cols[2]);
    uint32_t mark = S.g.n, out;
    uint32_t a = leaf(cols[3], (xi_shape){2, m, k}, m * k);
    uint32_t b = leaf(cols[4], (xi_shape){2, k, n}, k * n);
    xi_err err;
    rows++;
    if (xiG_op(&S.g, XI_MATMUL, a, b, NULL, (xi_pos){0, 0}, &out, &err)) {
      printf("FAIL %s matmul %s: %s\n", fmt, line, err.msg);
      failures++;
      xiG_truncate(&S.g, mark);
      continue;
    }
    uint32_t c = leaf(cols[5], (xi_shape){2, m, n}, m * n);
    for (uint32_t e = 0; e < m * n; e++)
      if (!same(xiG_el(&S.g.nodes[out], e), xiG_el(&S.g.nodes[c], e))) {
        mpfr_printf("FAIL %s matmul %ux%ux%u element %u: xi %Ra, NumPy's C = %s\n", fmt, m, k,
                    n, e, xiG_el(&S.g.nodes[out], e), cols[5]);
        failures++;
        break;
      }
    xiG_truncate(&S.g, mark);
  }
  fclose(f);
}

int main(void) {
  xiR_init(&S, 53, 17);
  static const char *fmts[] = {"binary16", "binary32", "binary64"};
  for (int k = 0; k < 3; k++) {
    ops_table(fmts[k]);
    matmul_table(fmts[k]);
  }
  xiR_free(&S);
  printf("%d rows of NumPy's tables: %d bit for bit, %d exp/log/tanh within NumPy's error, "
         "%d differ\n",
         rows, rows - within - failures, within, failures);
  return failures != 0;
}
