/* pyfmt.c: show/pyfmt.c against what Python 3.11 and NumPy 1.24 print.
 *
 * Reads tests/pyfmt/cases.tsv (made by tests/pyfmt/gen.py from Python and
 * NumPy; see there for the columns) and tests/pyfmt/own.tsv (xi's own cases,
 * written by hand: values past float64, 200-bit values that are not doubles,
 * xi's limits).  Each value is built with MPFR, at 53 and at 200 bits for the
 * cases that say so, and printed with xiW_py_str, xiW_py_format or
 * xiW_py_tuple; the text must be the expected one, byte for byte.
 *
 *   prec column  both   values are float64 (strtod reads them exactly) and
 *                       ints, printed alike at 53 and 200 bits
 *                mpfr   values read by MPFR at 53 and at 200 bits (decimal,
 *                       0x hex, p/q: correctly rounded there), printed alike
 *                53, 200  read by MPFR at that precision only
 *                binary16, binary32  float64s (strtod) printed at 53 bits with
 *                       xi's format set to it: NumPy's float16 and float32
 *
 *   tests/pyfmt.bin [FILE...]   (default: the two tables) */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ops/fmt.h"
#include "show/pyfmt.h"

#define SHOW_FAILS 25

static int fails, cases;

/* \\, \n, \t back to what they stand for, in place */
static void unesc(char *s) {
  char *o = s;
  for (; *s; s++) {
    if (*s == '\\' && s[1]) {
      s++;
      *o++ = *s == 'n' ? '\n' : *s == 't' ? '\t' : *s;
    } else {
      *o++ = *s;
    }
  }
  *o = '\0';
}

/* the value p/q, decimal or 0x hex, correctly rounded at x's precision */
static int read_mpfr(mpfr_ptr x, const char *t) {
  const char *slash = strchr(t, '/');
  if (!slash)
    return mpfr_set_str(x, t, 0, MPFR_RNDN);
  char num[256];
  size_t k = (size_t)(slash - t);
  if (k >= sizeof num)
    return -1;
  memcpy(num, t, k);
  num[k] = '\0';
  mpz_t p, q;
  mpq_t r;
  mpz_inits(p, q, NULL);
  mpq_init(r);
  int rc = mpz_set_str(p, num, 10) | mpz_set_str(q, slash + 1, 10);
  if (!rc) {
    mpq_set_num(r, p);
    mpq_set_den(r, q);
    mpq_canonicalize(r);
    mpfr_set_q(x, r, MPFR_RNDN);
  }
  mpz_clears(p, q, NULL);
  mpq_clear(r);
  return rc;
}

static int read_value(mpfr_ptr x, const char *t, int dtype, int by_mpfr) {
  if (by_mpfr || dtype != XI_DT_FLOAT)
    return read_mpfr(x, t);
  char *end;
  errno = 0;
  double d = strtod(t, &end);
  if (*end || end == t)
    return -1;
  mpfr_set_d(x, d, MPFR_RNDN);
  return 0;
}

typedef struct {
  const char *file;
  int line;
  char *kind, *prec, *dtype, *shape, *values, *spec, *want;
} row;

static void failed(const row *r, mpfr_prec_t prec, const char *got) {
  fails++;
  if (fails > SHOW_FAILS)
    return;
  printf("FAIL %s:%d at %ld bits: %s %s [%s] spec '%s'\n  want: %s\n  got:  %s\n", r->file, r->line,
         (long)prec, r->kind, r->dtype, r->shape, r->spec, r->want, got);
}

static void run(const row *r, mpfr_prec_t prec, int by_mpfr) {
  xiO_view v = {0};
  v.dtype = !strcmp(r->dtype, "int") ? XI_DT_INT : !strcmp(r->dtype, "bool") ? XI_DT_BOOL : XI_DT_FLOAT;
  unsigned long a = 0, c = 0;
  if (!*r->shape)
    v.sh.rank = 0, v.sh.rows = v.sh.cols = 1;
  else if (sscanf(r->shape, "%lux%lu", &a, &c) == 2)
    v.sh.rank = 2, v.sh.rows = (uint32_t)a, v.sh.cols = (uint32_t)c;
  else
    v.sh.rank = 1, v.sh.rows = 1, v.sh.cols = (uint32_t)strtoul(r->shape, NULL, 10);
  v.n = v.sh.rows * v.sh.cols;

  /* the values, X*N standing for N copies */
  size_t cap = 16, nv = 0;
  char **items = malloc(cap * sizeof *items);
  char *vals = strdup(r->values), *save = NULL;
  for (char *t = strtok_r(vals, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
    char *star = strchr(t, '*');
    unsigned long k = 1;
    if (star)
      *star = '\0', k = strtoul(star + 1, NULL, 10);
    while (k--) {
      if (nv == cap)
        items = realloc(items, (cap *= 2) * sizeof *items);
      items[nv++] = t;
    }
  }

  xiW_buf b = {0};
  char why[512] = "";
  int rc = 0;
  if (!strcmp(r->kind, "tuple")) {
    long *it = malloc((nv + 1) * sizeof *it);
    for (size_t i = 0; i < nv; i++)
      it[i] = strtol(items[i], NULL, 10);
    xiW_py_tuple(&b, it, nv);
    free(it);
  } else {
    if (nv != v.n) {
      printf("FAIL %s:%d: %zu values for shape [%s]\n", r->file, r->line, nv, r->shape);
      fails++;
      goto out;
    }
    v.el = malloc(v.n * sizeof *v.el);
    for (uint32_t i = 0; i < v.n; i++) {
      mpfr_init2(&v.el[i], prec);
      if (read_value(&v.el[i], items[i], v.dtype, by_mpfr)) {
        printf("FAIL %s:%d: cannot read the value '%s'\n", r->file, r->line, items[i]);
        fails++;
        v.n = i + 1;
        goto out;
      }
    }
    if (!strcmp(r->kind, "str"))
      xiW_py_str(&b, &v);
    else
      rc = xiW_py_format(&b, &v, r->spec, strlen(r->spec), why, sizeof why);
  }
  cases++;
  char got[600];
  const char *text = b.s ? b.s : "";
  if (rc == -1 || rc == -2) {
    snprintf(got, sizeof got, "%c%s%s", rc == -1 ? '!' : '?', why,
             b.n ? " (and text was written)" : "");
    text = got;
  } else if (b.failed) {
    snprintf(got, sizeof got, "(the buffer failed: %s)", xiW_why(&b));
    text = got;
  }
  if (strcmp(text, r->want))
    failed(r, prec, text);
out:
  if (v.el)
    for (uint32_t i = 0; i < v.n; i++)
      mpfr_clear(&v.el[i]);
  free(v.el);
  xiW_free(&b);
  free(items);
  free(vals);
}

static int table(const char *file) {
  FILE *f = fopen(file, "r");
  if (!f) {
    printf("FAIL cannot open %s\n", file);
    return 1;
  }
  char *line = NULL;
  size_t cap = 0;
  ssize_t len;
  int ln = 0;
  while ((len = getline(&line, &cap, f)) > 0) {
    ln++;
    if (line[len - 1] == '\n')
      line[--len] = '\0';
    if (!len || line[0] == '#')
      continue;
    char *field[7];
    int k = 0;
    for (char *p = line; k < 7; k++) {
      field[k] = p;
      char *tab = strchr(p, '\t');
      if (!tab) {
        k++;
        break;
      }
      *tab = '\0';
      p = tab + 1;
    }
    if (k != 7) {
      printf("FAIL %s:%d: %d fields, not 7\n", file, ln, k);
      fails++;
      continue;
    }
    row r = {file, ln, field[0], field[1], field[2], field[3], field[4], field[5], field[6]};
    unesc(r.spec);
    unesc(r.want);
    if (!strcmp(r.prec, "both") || !strcmp(r.prec, "mpfr")) {
      int by = !strcmp(r.prec, "mpfr");
      run(&r, 53, by);
      run(&r, 200, by);
    } else if (xiO_format_lookup(r.prec, strlen(r.prec)) > 0) { /* NumPy's float16, float32 */
      xiO_fmt = xiO_format_lookup(r.prec, strlen(r.prec));
      run(&r, 53, 0);
      xiO_fmt = XI_FMT_MPFR;
    } else {
      run(&r, (mpfr_prec_t)strtol(r.prec, NULL, 10), 1);
    }
  }
  free(line);
  fclose(f);
  return 0;
}

int main(int argc, char **argv) {
  const char *def[] = {"tests/pyfmt/cases.tsv", "tests/pyfmt/own.tsv"};
  int nf = argc > 1 ? argc - 1 : 2;
  for (int i = 0; i < nf; i++)
    fails += table(argc > 1 ? argv[i + 1] : def[i]);
  if (fails > SHOW_FAILS)
    printf("... and %d more\n", fails - SHOW_FAILS);
  mpfr_free_cache();
  printf("%d of %d printed as Python and NumPy print them (53 and 200 bits)\n", cases - fails, cases);
  return fails != 0;
}
