/* torchfmt.c: a tensor as PyTorch prints it (torchfmt.h): torch's _Formatter
 * (one width and one style for every element), _vector_str (rows wrapped at
 * 80 columns), _tensor_str_with_formatter (a matrix's rows) and
 * _add_suffixes (dtype, grad_fn, requires_grad), in that order. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "show/pyfmt.h"
#include "show/torchfmt.h"

#define LINEWIDTH 80
#define THRESHOLD 1000

typedef struct {
  int dtype;   /* the view's XI_DT_* */
  int int_mode, sci_mode;
  size_t width;
} formatter;

/* element x formatted with spec into t (NUL-terminated; t holds 64 bytes) */
static size_t one(const xiO_view *v, mpfr_srcptr x, const char *spec, char *t) {
  xiO_view e = *v;
  e.sh = (xi_shape){0, 1, 1};
  e.n = 1;
  e.el = (mpfr_ptr)x;
  xiW_buf b = {0};
  char why[128];
  size_t len = 0;
  t[0] = '\0';
  if (xiW_py_format(&b, &e, spec, strlen(spec), why, sizeof why) == 0 && !b.failed && b.s) {
    len = b.n < 63 ? b.n : 63;
    memcpy(t, b.s, len);
    t[len] = '\0';
  }
  xiW_free(&b);
  return len;
}

/* torch's _Formatter.__init__ */
static void prepare(formatter *f, const xiO_view *v) {
  f->dtype = v->dtype, f->int_mode = 1, f->sci_mode = 0, f->width = 1;
  char t[64];
  if (v->dtype != XI_DT_FLOAT) {
    for (uint32_t k = 0; k < v->n; k++) {
      size_t w = v->dtype == XI_DT_BOOL ? (mpfr_zero_p(&v->el[k]) ? 5 : 4)
                                        : one(v, &v->el[k], "d", t);
      f->width = w > f->width ? w : f->width;
    }
    return;
  }
  double lo = INFINITY, hi = 0;
  int any = 0;
  for (uint32_t k = 0; k < v->n; k++) {
    mpfr_srcptr x = &v->el[k];
    if (!mpfr_number_p(x) || mpfr_zero_p(x))
      continue;
    double a = fabs(mpfr_get_d(x, MPFR_RNDN));
    lo = a < lo ? a : lo, hi = a > hi ? a : hi, any = 1;
    if (!mpfr_integer_p(x))
      f->int_mode = 0;
  }
  if (!any)
    return; /* (zeros, inf, nan only: width 1, whole numbers) */
  f->sci_mode = hi / lo > 1000.0 || hi > 1.0e8 || (!f->int_mode && lo < 1.0e-4);
  for (uint32_t k = 0; k < v->n; k++) {
    mpfr_srcptr x = &v->el[k];
    if (!mpfr_number_p(x) || mpfr_zero_p(x))
      continue;
    size_t w = one(v, x, f->sci_mode ? ".4e" : f->int_mode ? ".0f" : ".4f", t) +
               (!f->sci_mode && f->int_mode);
    f->width = w > f->width ? w : f->width;
  }
}

/* torch's _Formatter.format: element x, right-aligned to the width */
static void format(xiW_buf *b, const formatter *f, const xiO_view *v, mpfr_srcptr x) {
  char t[64];
  size_t len;
  if (f->dtype == XI_DT_BOOL) {
    len = (size_t)snprintf(t, sizeof t, "%s", mpfr_zero_p(x) ? "False" : "True");
  } else if (f->dtype == XI_DT_INT) {
    len = one(v, x, "d", t);
  } else if (f->sci_mode) {
    len = one(v, x, ".4e", t);
  } else if (f->int_mode) {
    len = one(v, x, ".0f", t);
    if (mpfr_number_p(x))
      t[len++] = '.', t[len] = '\0';
  } else {
    len = one(v, x, ".4f", t);
  }
  for (size_t k = len; k < f->width; k++)
    xiW_str(b, " ", 1);
  xiW_str(b, t, len);
}

/* torch's _vector_str: elements from..from+count, indent the column it starts at */
static void vector(xiW_buf *b, const formatter *f, const xiO_view *v, uint32_t from,
                   uint32_t count, size_t indent) {
  size_t per = (LINEWIDTH - indent) / (f->width + 2);
  per = per ? per : 1;
  xiW_str(b, "[", 1);
  for (uint32_t k = 0; k < count; k++) {
    if (k && k % per == 0) {
      xiW_str(b, ",\n", 2);
      for (size_t q = 0; q < indent + 1; q++)
        xiW_str(b, " ", 1);
    } else if (k) {
      xiW_str(b, ", ", 2);
    }
    format(b, f, v, &v->el[from + k]);
  }
  xiW_str(b, "]", 1);
}

int xiW_torch_str(xiW_buf *b, const xiO_view *v, const xiW_torch_suffix *sfx, char *why,
                  size_t n) {
  if (v->n > THRESHOLD) {
    snprintf(why, n, "a tensor of more than %d elements is printed by PyTorch as a summary "
                     "with '...', which xi does not write: print(W.detach().numpy())",
             THRESHOLD);
    return -2;
  }
  xiW_buf t = {0};
  formatter f;
  prepare(&f, v);
  const size_t indent = 7; /* "tensor(" */
  xiW_str(&t, "tensor(", 7);
  if (v->sh.rank == 0) {
    format(&t, &f, v, &v->el[0]);
  } else if (v->sh.rank == 1) {
    vector(&t, &f, v, 0, v->n, indent);
  } else {
    xiW_str(&t, "[", 1);
    for (uint32_t r = 0; r < v->sh.rows; r++) {
      if (r) {
        xiW_str(&t, ",\n", 2);
        for (size_t q = 0; q < indent + 1; q++)
          xiW_str(&t, " ", 1);
      }
      vector(&t, &f, v, r * v->sh.cols, v->sh.cols, indent + 1);
    }
    xiW_str(&t, "]", 1);
  }
  /* _add_suffixes: each after ", " on the last line, or on a line of its own */
  char s[3][96];
  int ns = 0;
  if (sfx->dtype)
    snprintf(s[ns++], sizeof s[0], "dtype=%s", sfx->dtype);
  if (sfx->grad_fn)
    snprintf(s[ns++], sizeof s[0], "grad_fn=<%s>", sfx->grad_fn);
  else if (sfx->requires_grad)
    snprintf(s[ns++], sizeof s[0], "requires_grad=True");
  const char *nl = t.s ? memrchr(t.s, '\n', t.n) : NULL;
  size_t last = nl ? (size_t)(t.s + t.n - nl) + 1 : t.n + 1; /* torch's len - rfind + 1 */
  for (int k = 0; k < ns; k++) {
    size_t len = strlen(s[k]);
    if (last + len + 2 > LINEWIDTH) {
      xiW_str(&t, ",\n       ", 2 + indent);
      last = indent + len;
    } else {
      xiW_str(&t, ", ", 2);
      last += len + 2;
    }
    xiW_str(&t, s[k], len);
  }
  xiW_str(&t, ")", 1);
  if (t.failed) {
    snprintf(why, n, "%s", xiW_why(&t));
    xiW_free(&t);
    return -2;
  }
  xiW_str(b, t.s, t.n);
  xiW_free(&t);
  return 0;
}
