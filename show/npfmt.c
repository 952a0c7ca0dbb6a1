/* npfmt.c: NumPy's str() of an array (arrayprint.py, default options), for
 * pasted code: each element's digits (digits.c) placed in NumPy's columns and
 * lines, summarized past 1000 elements.  Apart from pyfmt.c, which prints
 * the scalars (Python's str() and format()) and calls xiW_np_str for a
 * tensor. */
#include "show/npfmt.h"
#include "ops/fmt.h"
#include "show/digits.h"

#include <gmp.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

xiW_np_opts xiW_np_options = XI_NP_OPTS_DEFAULT;

#define NP_LINEWIDTH (xiW_np_options.linewidth)
#define NP_THRESHOLD (xiW_np_options.threshold)
#define NP_EDGE ((uint32_t)xiW_np_options.edgeitems)
#define NP_PRECISION (xiW_np_options.precision)

typedef struct {
  const xiO_view *v;
  int type;                 /* XI_Q_FLOAT, _INT or _BOOL, for the whole array */
  uint32_t nr, nc;          /* rows and columns shown */
  uint32_t *rows, *cols;    /* which */
  int rsum, csum;           /* '...' between rows, between columns */
  xiQ_dig *g;               /* floats: each shown element's digits */
  char **ints;              /* ints: each shown element's digits */
  int exp;                  /* floats in exponent form */
  long pad_left, pad_right, prec, exp_size;
  long w;                   /* every element's width */
} npfmt;

static mpfr_srcptr np_at(const npfmt *f, uint32_t i, uint32_t j) {
  return &f->v->el[(size_t)f->rows[i] * f->v->sh.cols + f->cols[j]];
}

static long ndigits(long v) {
  long k = 1;
  for (v = v < 0 ? -v : v; v >= 10; v /= 10)
    k++;
  return k;
}

/* NumPy's FloatingFormat.fillFormat: the mode, the digits and the widths */
static int np_floats(npfmt *f) {
  size_t k = (size_t)f->nr * f->nc;
  double maxv = 0, minv = INFINITY;
  int nonzero = 0, finite = 0, nonfinite = 0, neginf = 0, own = 0;
  char *fromd = calloc(k, 1); /* printed from the double */
  double *d = calloc(k, sizeof *d);
  if (!fromd || !d) {
    free(fromd), free(d);
    return -1;
  }
  for (uint32_t i = 0; i < f->nr; i++)
    for (uint32_t j = 0; j < f->nc; j++) {
      size_t e = (size_t)i * f->nc + j;
      mpfr_srcptr x = np_at(f, i, j);
      xiQ_kind_of(&f->g[e], x);
      if (f->g[e].kind != XI_Q_FIN) {
        nonfinite = 1;
        neginf |= f->g[e].kind == XI_Q_INF && f->g[e].neg;
        continue;
      }
      finite = 1;
      fromd[e] = (char)xiQ_as_double(x, &d[e]);
      if (!fromd[e])
        own = 1;
      else if (d[e] != 0) {
        double a = fabs(d[e]);
        nonzero = 1;
        maxv = a > maxv ? a : maxv;
        minv = a < minv ? a : minv;
      }
    }
  /* (suppress=True keeps the fixed form for small numbers, not for large ones) */
  f->exp = own || (nonzero && (maxv >= 1e8 || (!xiW_np_options.suppress &&
                                                (minv < 0.0001 || maxv / minv > 1000.))));
  mpfr_t m;
  mpfr_init2(m, 53);
  int rc = 0;
  f->pad_left = f->pad_right = f->prec = 0;
  f->exp_size = -1;
  for (size_t e = 0; e < k && !rc; e++) {
    xiQ_dig *g = &f->g[e];
    if (g->kind != XI_Q_FIN)
      continue;
    mpfr_srcptr x = np_at(f, (uint32_t)(e / f->nc), (uint32_t)(e % f->nc));
    if (xiO_stopped()) {
      rc = -2;
      break;
    }
    int neg = g->neg;
    if (!fromd[e]) {
      rc = xiQ_sig(g, x, NP_PRECISION + 1);
      xiQ_strip(g);
    } else if (d[e] == 0) {
      rc = xiQ_dig_zero(g, signbit(d[e]) != 0);
    } else {
      xiQ_shortest(g, d[e]);
      mpfr_set_d(m, d[e], MPFR_RNDN);
      if (f->exp && (long)g->len - 1 > NP_PRECISION)
        rc = xiQ_sig(g, m, NP_PRECISION + 1), xiQ_strip(g);
      else if (!f->exp && (long)g->len - g->decpt > NP_PRECISION)
        rc = xiQ_fixed(g, m, NP_PRECISION), xiQ_strip(g);
    }
    g->neg = neg;
    if (rc)
      break;
    if (f->exp) {
      long x10 = g->decpt - 1, es = ndigits(x10) < 2 ? 2 : ndigits(x10);
      f->exp_size = es > f->exp_size ? es : f->exp_size;
      f->prec = (long)g->len - 1 > f->prec ? (long)g->len - 1 : f->prec;
      f->pad_left = 1 + neg > f->pad_left ? 1 + neg : f->pad_left;
    } else {
      long il = neg + (g->decpt > 1 ? g->decpt : 1), fl = (long)g->len - g->decpt;
      f->pad_left = il > f->pad_left ? il : f->pad_left;
      f->pad_right = fl > f->pad_right ? fl : f->pad_right;
    }
  }
  /* NumPy's exponent form prints every element with the longest one's digits
     (min_digits): past a float64's shortest digits they are zeros, but past a
     float16's they are the value's own (float16 0.1 beside 1/3 is 9.998e-02) */
  for (size_t e = 0; e < k && !rc && f->exp && xiO_fmt != XI_FMT_MPFR; e++)
    if (f->g[e].kind == XI_Q_FIN && fromd[e] && d[e] != 0 && (long)f->g[e].len - 1 < f->prec) {
      int neg = f->g[e].neg;
      mpfr_set_d(m, d[e], MPFR_RNDN);
      rc = xiQ_sig(&f->g[e], m, f->prec + 1);
      f->g[e].neg = neg;
    }
  mpfr_clear(m);
  free(fromd), free(d);
  if (rc)
    return rc;
  if (finite && f->exp)
    f->pad_right = f->exp_size + 2 + f->prec;
  if (!finite)
    f->pad_left = f->pad_right = 0;
  if (nonfinite) {
    long off = f->pad_right + 1;
    f->pad_left = 3 - off > f->pad_left ? 3 - off : f->pad_left;
    f->pad_left = 3 + neginf - off > f->pad_left ? 3 + neginf - off : f->pad_left;
  }
  f->w = f->pad_left + 1 + f->pad_right;
  return 0;
}

static void np_float(xiW_buf *b, const npfmt *f, const xiQ_dig *g) {
  if (g->kind != XI_Q_FIN) {
    const char *t = g->kind == XI_Q_NAN ? "nan" : g->neg ? "-inf" : "inf";
    xiQ_zeros(b, f->w - (long)strlen(t), ' ');
    xiW_str(b, t, strlen(t));
    return;
  }
  long len = (long)g->len, dp = g->decpt;
  if (f->exp) {
    xiQ_zeros(b, f->pad_left - 1 - g->neg, ' ');
    if (g->neg)
      xiW_str(b, "-", 1);
    xiW_str(b, g->d, 1);
    xiW_str(b, ".", 1);
    xiW_str(b, g->d + 1, (size_t)len - 1);
    xiQ_zeros(b, f->prec - (len - 1), '0');
    long x10 = dp - 1;
    xiW_put(b, "e%c", x10 < 0 ? '-' : '+');
    xiQ_zeros(b, f->exp_size - ndigits(x10), '0');
    xiW_put(b, "%ld", x10 < 0 ? -x10 : x10);
    return;
  }
  long il = g->neg + (dp > 1 ? dp : 1), fl = len - dp > 0 ? len - dp : 0;
  xiQ_zeros(b, f->pad_left - il, ' ');
  if (g->neg)
    xiW_str(b, "-", 1);
  if (dp <= 0) {
    xiW_str(b, "0.", 2);
    xiQ_zeros(b, -dp, '0');
    xiW_str(b, g->d, (size_t)len);
  } else if (dp >= len) {
    xiW_str(b, g->d, (size_t)len);
    xiQ_zeros(b, dp - len, '0');
    xiW_str(b, ".", 1);
  } else {
    xiW_str(b, g->d, (size_t)dp);
    xiW_str(b, ".", 1);
    xiW_str(b, g->d + dp, (size_t)(len - dp));
  }
  xiQ_zeros(b, f->pad_right - fl, ' ');
}

static void np_elem(xiW_buf *b, const npfmt *f, uint32_t i, uint32_t j) {
  size_t e = (size_t)i * f->nc + j;
  if (f->type == XI_Q_FLOAT) {
    np_float(b, f, &f->g[e]);
  } else if (f->type == XI_Q_INT) {
    long len = (long)strlen(f->ints[e]);
    xiQ_zeros(b, f->w - len, ' ');
    xiW_str(b, f->ints[e], (size_t)len);
  } else {
    xiW_put(b, "%s", mpfr_zero_p(np_at(f, i, j)) ? "False" : " True");
  }
}

/* _extendLine: a new line when the word would pass the width, unless the
   line holds nothing yet */
static void np_word(xiW_buf *b, long *line, long len, long hang, long width) {
  if (*line + len > width && *line > hang) {
    while (!b->failed && b->n && b->s[b->n - 1] == ' ')
      b->s[--b->n] = '\0';
    xiW_str(b, "\n", 1);
    xiQ_zeros(b, hang, ' ');
    *line = hang;
  }
  *line += len;
}

/* one row: hang is its hanging indent, width the line's width less the ']';
   the elements apart by sep (" " in str, ", " in repr) */
static void np_row(xiW_buf *b, const npfmt *f, uint32_t i, long hang, long width,
                   const char *sep) {
  long line = hang, ew = width - 1, sl = (long)strlen(sep);
  xiW_str(b, "[", 1);
  for (uint32_t j = 0; j < f->nc && !b->failed; j++) {
    if (f->csum && j == NP_EDGE) {
      np_word(b, &line, 3, hang, ew);
      xiW_str(b, "...", 3);
      xiW_str(b, sep, (size_t)sl);
      line += sl;
    }
    if (xiO_stopped()) {
      b->failed = XI_W_STOPPED;
      return;
    }
    np_word(b, &line, f->w, hang, ew);
    np_elem(b, f, i, j);
    if (j + 1 < f->nc)
      xiW_str(b, sep, (size_t)sl), line += sl;
  }
  xiW_str(b, "]", 1);
}

/* the shown indices along an axis of n: all, or the first and last 3 */
static uint32_t np_axis(uint32_t *out, uint32_t n, int sum) {
  if (!sum) {
    for (uint32_t i = 0; i < n; i++)
      out[i] = i;
    return n;
  }
  for (uint32_t i = 0; i < NP_EDGE; i++)
    out[i] = i, out[NP_EDGE + i] = n - NP_EDGE + i;
  return 2 * NP_EDGE;
}

/* str(x), or repr(x): array([...]), its rows apart by ',' and hung under the
   '(' (NumPy's array_repr: the prefix "array(", the separator ", ", and the
   line one shorter for the ')') */
static void np_text(xiW_buf *b, const xiO_view *v, int repr) {
  size_t start = b->n;
  uint32_t R = v->sh.rank == 2 ? v->sh.rows : 1, C = v->sh.cols;
  if ((size_t)R * C == 0 || v->n == 0) {
    xiW_str(b, repr ? "array([], dtype=float64)" : "[]", repr ? 24 : 2);
    return;
  }
  npfmt f = {.v = v};
  int sum = (size_t)R * C > (size_t)NP_THRESHOLD;
  f.rsum = sum && R > 2 * NP_EDGE, f.csum = sum && C > 2 * NP_EDGE;
  f.rows = malloc(sizeof *f.rows * (f.rsum ? 2 * NP_EDGE : R));
  f.cols = malloc(sizeof *f.cols * (f.csum ? 2 * NP_EDGE : C));
  if (!f.rows || !f.cols) {
    b->failed = XI_W_MEMORY;
    goto out;
  }
  f.nr = np_axis(f.rows, R, f.rsum);
  f.nc = np_axis(f.cols, C, f.csum);
  size_t k = (size_t)f.nr * f.nc;
  /* the type of the shown elements (NumPy formats from them alone) */
  int dt = v->dtype == XI_DT_BOOL ? XI_Q_BOOL : v->dtype != XI_DT_FLOAT ? XI_Q_INT : XI_Q_FLOAT;
  for (uint32_t i = 0; i < f.nr; i++)
    for (uint32_t j = 0; j < f.nc; j++) {
      int t = xiQ_type_of(np_at(&f, i, j), v->dtype);
      if (t == XI_Q_INT && xiQ_huge_int(np_at(&f, i, j)))
        t = XI_Q_FLOAT; /* printed in the float style, as str() prints it */
      dt = t < dt ? t : dt; /* float < int < bool */
    }
  f.type = dt;
  if (dt == XI_Q_FLOAT) {
    f.g = calloc(k, sizeof *f.g);
    int rc = f.g ? np_floats(&f) : -1;
    if (rc) {
      b->failed = rc == -2 ? XI_W_STOPPED : XI_W_MEMORY;
      goto out;
    }
  } else if (dt == XI_Q_INT) {
    f.ints = calloc(k, sizeof *f.ints);
    if (!f.ints) {
      b->failed = XI_W_MEMORY;
      goto out;
    }
    mpz_t z;
    mpz_init(z);
    for (size_t e = 0; e < k; e++) {
      mpfr_get_z(z, np_at(&f, (uint32_t)(e / f.nc), (uint32_t)(e % f.nc)), MPFR_RNDN);
      f.ints[e] = malloc(mpz_sizeinbase(z, 10) + 2);
      if (!f.ints[e]) {
        b->failed = XI_W_MEMORY;
        break;
      }
      mpz_get_str(f.ints[e], 10, z);
      long len = (long)strlen(f.ints[e]);
      f.w = len > f.w ? len : f.w;
    }
    mpz_clear(z);
    if (b->failed)
      goto out;
  } else {
    f.w = 5;
  }
  const char *sep = repr ? ", " : " ", *hang = repr ? "       " : " ";
  long h = (long)strlen(hang), width = NP_LINEWIDTH - repr;
  if (repr)
    xiW_str(b, "array(", 6);
  if (v->sh.rank != 2) {
    np_row(b, &f, 0, h, width, sep);
  } else {
    xiW_str(b, "[", 1);
    for (uint32_t i = 0; i < f.nr && !b->failed; i++) {
      if (i)
        xiW_str(b, hang, (size_t)h);
      np_row(b, &f, i, h + 1, width - 1, sep);
      if (i + 1 < f.nr)
        xiW_str(b, repr ? ",\n" : "\n", repr ? 2 : 1);
      if (f.rsum && i + 1 == NP_EDGE) {
        xiW_str(b, hang, (size_t)h);
        xiW_str(b, repr ? "...,\n" : "...\n", repr ? 5 : 4);
      }
    }
    xiW_str(b, "]", 1);
  }
  if (repr && v->dtype == XI_DT_UINT8 && !b->failed) { /* NumPy's array_repr: a dtype that
                                                          it would not infer is named */
    size_t from = b->n;
    while (from > start && b->s[from - 1] != '\n')
      from--;
    int wrap = (long)(b->n - from) + 1 + 1 + 12 > NP_LINEWIDTH; /* ',' ' ' "dtype=uint8)" */
    xiW_str(b, wrap ? ",\n      " : ", ", wrap ? 8 : 2);
    xiW_str(b, "dtype=uint8", 11);
  }
  if (repr)
    xiW_str(b, ")", 1);
out:
  if (f.g)
    for (size_t e = 0; e < (size_t)f.nr * f.nc; e++)
      xiQ_dig_free(&f.g[e]);
  if (f.ints)
    for (size_t e = 0; e < (size_t)f.nr * f.nc; e++)
      free(f.ints[e]);
  free(f.g), free(f.ints), free(f.rows), free(f.cols);
}

void xiW_np_str(xiW_buf *b, const xiO_view *v) { np_text(b, v, 0); }

void xiW_np_repr(xiW_buf *b, const xiO_view *v) { np_text(b, v, 1); }
