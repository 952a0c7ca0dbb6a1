/* npmake.c: the makers NumPy's functions give, with their arguments by slot
 * (K_MAKE's mask): np.linspace, and np.random's randint, normal, uniform,
 * permutation and choice, each drawing from the session's generator exactly
 * as NumPy 1.24's legacy RandomState does (mtrand.pyx, distributions.c,
 * legacy-distributions.c), in the same order, so that a script mixing
 * randn, randint and normal stays in step with NumPy after np.random.seed(N).
 * A draw is a double, as NumPy's; in a number format it is rounded into it
 * once, as randn's is. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "tape/graph.h"
#include "tape/numpy.h"

/* the value of slot s (args holds the slots given, in order), or XI_NONE */
static uint32_t slot(const uint32_t *args, unsigned mask, int s) {
  if (!(mask & (1u << s)))
    return XI_NONE;
  int k = 0;
  for (int q = 0; q < s; q++)
    k += mask >> q & 1;
  return args[k];
}

/* a Python list or tuple where NumPy takes an array (p=[0.1, 0.9],
   np.random.choice([1, 2, 3])): the array of its numbers */
int xiG_draw_array(xiG_graph *g, uint32_t *node, xi_pos pos, xi_err *err) {
  if (*node == XI_NONE || xiG_kind(g, *node) < 0)
    return 0;
  return xiG_as_array(g, *node, pos, node, err);
}

/* a size: None (a scalar), a number (a vector) or a tuple of at most two */
int xiG_draw_size(xiG_graph *g, uint32_t node, xi_pos pos, xi_shape *sh, xi_err *err) {
  *sh = (xi_shape){0, 1, 1};
  if (node == XI_NONE)
    return 0;
  const xiG_node *n = &g->nodes[node];
  uint32_t count = n->op == XI_TUPLE ? n->x->nargs : 1;
  const uint32_t *items = n->op == XI_TUPLE ? n->x->args : &node;
  if (count > 2)
    return xiX_fail(err, pos, "a size of %u axes: xi's values have at most two", count);
  int32_t d[2] = {1, 1};
  for (uint32_t k = 0; k < count; k++) {
    if (xiG_whole(g, items[k], pos, &d[k], err))
      return -1;
    if (d[k] < 1)
      return xiX_fail(err, pos, "a size must be 1 or more, not %d (xi has no empty arrays)",
                      d[k]);
  }
  *sh = (xi_shape){(uint8_t)count, count == 2 ? (uint32_t)d[0] : 1,
                   count ? (uint32_t)d[count - 1] : 1};
  if ((uint64_t)sh->rows * sh->cols > XI_MAX_ELEMENTS)
    return xiX_fail(err, pos, "a tensor of %llu elements is over the limit of %u",
                    (unsigned long long)sh->rows * sh->cols, XI_MAX_ELEMENTS);
  return 0;
}

/* a number NumPy reads as a double (PyFloat_AsDouble): the value's nearest */
static int real(xiG_graph *g, uint32_t node, double dflt, xi_pos pos, double *v, xi_err *err) {
  if (node == XI_NONE) {
    *v = dflt;
    return 0;
  }
  if (xiG_no_tuple(g, node, pos, "this argument", err))
    return -1;
  if (xiG_is_tensor(&g->nodes[node]))
    return xiX_fail(err, pos, "an array here is not part of xi: give one number");
  *v = mpfr_get_d(g->nodes[node].v, MPFR_RNDN);
  return 0;
}

/* a new leaf of shape sh and dtype, its elements from f (k: the element) */
typedef struct {
  xiG_graph *g;
  double *d; /* the draws (NULL: v) */
  uint64_t *i;
  int64_t off;
} fill;

static int leaf_of(xiG_graph *g, xi_shape sh, const fill *f, int dtype, xi_pos pos,
                   uint32_t *out, xi_err *err) {
  *out = xiG_append(g, XI_LEAF, XI_NONE, XI_NONE, pos);
  if (*out == XI_NONE || (sh.rank && xiG_shape_node(g, *out, sh, NULL)))
    return xiG_oom(g, pos, err);
  xiG_node *nd = &g->nodes[*out];
  for (uint32_t k = 0; k < xiG_count(nd); k++) {
    int inex = f->d ? mpfr_set_d(xiG_el(nd, k), f->d[k], MPFR_RNDN)
                    : mpfr_set_si(xiG_el(nd, k), (long)((int64_t)f->i[k] + f->off), MPFR_RNDN);
    if (xiO_fmt)
      xiO_fmt_round(xiG_el(nd, k), inex);
  }
  nd->flags |= (uint8_t)xiG_dtype_flags(dtype);
  return 0;
}

int xiG_draw_leaf(xiG_graph *g, xi_shape sh, const double *d, const uint64_t *i, int64_t off,
                  int dtype, xi_pos pos, uint32_t *out, xi_err *err) {
  return leaf_of(g, sh, &(fill){g, (double *)d, (uint64_t *)i, off}, dtype, pos, out, err);
}

/* a bound of randint: a whole number of at most 53 bits, so that every int
   drawn is exact in binary64 too (NumPy's are int64) */
static int bound(xiG_graph *g, uint32_t node, xi_pos pos, int64_t *v, xi_err *err) {
  const xiG_node *n = &g->nodes[node];
  if (xiG_no_tuple(g, node, pos, "np.random.randint", err))
    return -1;
  if (xiG_is_tensor(n))
    return xiX_fail(err, pos, "np.random.randint with arrays of bounds is not part of xi: give "
                              "numbers");
  if (!mpfr_integer_p(n->v))
    return xiX_fail(err, pos, "expected a whole number here");
  if (!mpfr_zero_p(n->v) && mpfr_get_exp(n->v) > 53)
    return xiX_fail(err, pos, "a bound past 2^53 is not part of xi (its draws would not be "
                              "exact in binary64)");
  if (!mpfr_zero_p(n->v) && mpfr_get_exp(n->v) > (mpfr_exp_t)mpfr_get_prec(n->v))
    return xiX_fail(err, pos, "this whole number is past 2^%ld, where it may have been rounded: "
                              "a bound must be exact; raise prec", (long)mpfr_get_prec(n->v));
  *v = mpfr_get_si(n->v, MPFR_RNDN);
  return 0;
}

static uint32_t count_of(xi_shape sh) { return sh.rank ? sh.rows * sh.cols : 1; }

/* ---- np.linspace(start, stop, num=50, endpoint=True) ---- */

/* element k of NumPy's float64 computation in a format: y = k·step + start,
   step = (stop - start)/div, each step rounded into the format */
static void linspace_fmt(mpfr_ptr y, mpfr_srcptr start, mpfr_srcptr delta, long k, long div,
                         mpfr_ptr t) {
  if (div <= 0) { /* one element, endpoint: 0·delta + start */
    mpfr_mul_ui(t, delta, 0, MPFR_RNDN);
  } else {
    int inex = mpfr_div_si(t, delta, div, MPFR_RNDN); /* step */
    xiO_fmt_round(t, inex);
    if (mpfr_zero_p(t)) { /* step underflowed: y = k/div·delta (NumPy's gh-5437) */
      mpfr_set_si(t, k, MPFR_RNDN);
      xiO_fmt_round(t, mpfr_div_si(t, t, div, MPFR_RNDN));
      xiO_fmt_round(t, mpfr_mul(t, t, delta, MPFR_RNDN));
    } else {
      xiO_fmt_round(t, mpfr_mul_si(t, t, k, MPFR_RNDN));
    }
  }
  xiO_fmt_round(y, mpfr_add(y, t, start, MPFR_RNDN));
}

static int linspace(xiG_graph *g, const uint32_t *args, unsigned mask, xi_pos pos,
                    uint32_t *out, xi_err *err) {
  uint32_t nodes[2] = {slot(args, mask, 0), slot(args, mask, 1)};
  int32_t num = 50, endpoint = 1;
  for (int k = 0; k < 2; k++)
    if (xiG_no_tuple(g, nodes[k], pos, "np.linspace", err) ||
        (xiG_is_tensor(&g->nodes[nodes[k]]) &&
         xiX_fail(err, pos, "np.linspace between arrays is not part of xi: give numbers")))
      return -1;
  if ((slot(args, mask, 2) != XI_NONE && xiG_whole(g, slot(args, mask, 2), pos, &num, err)) ||
      (slot(args, mask, 3) != XI_NONE && xiG_whole(g, slot(args, mask, 3), pos, &endpoint, err)))
    return -1;
  if (num < 1 || (uint32_t)num > XI_MAX_ELEMENTS)
    return xiX_fail(err, pos, "np.linspace of %d numbers: xi's arrays have 1 to %u", num,
                    XI_MAX_ELEMENTS);
  mpfr_srcptr a = g->nodes[nodes[0]].v, b = g->nodes[nodes[1]].v;
  long div = endpoint ? num - 1 : num;
  *out = xiG_append(g, XI_LEAF, XI_NONE, XI_NONE, pos);
  if (*out == XI_NONE || xiG_shape_node(g, *out, (xi_shape){1, 1, (uint32_t)num}, NULL))
    return xiG_oom(g, pos, err);
  /* exactly: (k·(b - a) + div·a)/div, rounded once; b - a and the numerator
     exact at enough bits (capped: past that, rounded at 4 times the
     working precision) */
  long span = mpfr_regular_p(a) && mpfr_regular_p(b)
                  ? labs((long)(mpfr_get_exp(a) - mpfr_get_exp(b))) : 0;
  mpfr_prec_t wide = mpfr_get_prec(a) + mpfr_get_prec(b) + span + 128;
  if (wide > 4 * g->prec + 100000)
    wide = 4 * g->prec + 100000;
  mpfr_t d, t, u;
  mpfr_init2(d, xiO_fmt ? g->prec : wide);
  mpfr_inits2(xiO_fmt ? g->prec : wide + 64, t, u, (mpfr_ptr)0);
  int rc = 0, inex = mpfr_sub(d, b, a, MPFR_RNDN);
  if (xiO_fmt)
    xiO_fmt_round(d, inex);
  for (long k = 0; k < num && rc == 0; k++) {
    mpfr_ptr y = &g->nodes[*out].x->el[k];
    if ((k & 1023) == 0 && xiO_stopped())
      rc = xiX_fail(err, pos, "interrupted");
    else if (endpoint && k == num - 1 && num > 1)
      mpfr_set(y, b, MPFR_RNDN); /* NumPy puts stop itself last */
    else if (xiO_fmt)
      linspace_fmt(y, a, d, k, div, t);
    else if (div <= 0)
      mpfr_set(y, a, MPFR_RNDN);
    else {
      mpfr_mul_si(t, d, k, MPFR_RNDN); /* (exact: see wide) */
      mpfr_mul_si(u, a, div, MPFR_RNDN);
      mpfr_add(t, t, u, MPFR_RNDN);
      mpfr_div_si(y, t, div, MPFR_RNDN);
    }
  }
  mpfr_clears(d, t, u, (mpfr_ptr)0);
  return rc;
}

/* ---- np.random ---- */

/* shuffle's swaps on 0..n-1 (NumPy's _shuffle_raw, the same draws for any
   array of n): for i from n - 1 down to 1, i with random_interval(i) */
static int shuffled(xiG_graph *g, uint32_t n, uint64_t *idx) {
  for (uint32_t k = 0; k < n; k++)
    idx[k] = k;
  for (uint32_t i = n; i-- > 1;) {
    if ((i & 1023) == 0 && xiO_stopped())
      return -1;
    uint64_t j = xiO_interval(&g->rng, i), t = idx[i];
    idx[i] = idx[j], idx[j] = t;
  }
  return 0;
}

/* x[idx] for the drawn indices idx, a leaf of shape sh (rows of a matrix,
   elements of a vector): a value computed from x, whose derivative reaches x */
int xiG_draw_pick(xiG_graph *g, uint32_t x, const uint64_t *idx, xi_shape sh, xi_pos pos,
                uint32_t *out, xi_err *err) {
  fill f = {g, NULL, (uint64_t *)idx, 0};
  xi_shape flat = sh.rank ? (xi_shape){1, 1, count_of(sh)} : sh;
  uint32_t leaf, got;
  if (leaf_of(g, flat, &f, XI_DT_INT, pos, &leaf, err) ||
      xiG_index(g, x, &leaf, 1, 0, 0, pos, &got, err))
    return -1;
  if (sh.rank < 2) {
    *out = got;
    return 0;
  }
  xi_shape gs = xiG_shape(&g->nodes[got]); /* a matrix's rows: (n, cols) */
  uint32_t dims[3];
  int32_t d[3] = {(int32_t)sh.rows, (int32_t)sh.cols, gs.rank == 2 ? (int32_t)gs.cols : 1};
  if (gs.rank == 2)
    return xiX_fail(err, pos, "rows of a matrix drawn into a shape of two axes make three: "
                              "xi's values have at most two");
  for (int k = 0; k < 2; k++)
    if ((dims[k] = xiG_number(g, d[k], pos)) == XI_NONE)
      return xiG_oom(g, pos, err);
  return xiG_reshape(g, got, dims, 2, pos, out, err);
}

/* the population of permutation and choice: a whole number n, or the length
   of a vector (or of a matrix's rows, for permutation) */
int xiG_draw_population(xiG_graph *g, uint32_t a, int rows_ok, xi_pos pos, uint32_t *n,
                      xi_err *err) {
  if (xiG_no_tuple(g, a, pos, "np.random", err))
    return -1;
  xi_shape sh = xiG_shape(&g->nodes[a]);
  if (sh.rank == 2 && !rows_ok)
    return xiX_fail(err, pos, "a must be 1-dimensional (NumPy's ValueError)");
  if (sh.rank) {
    *n = sh.rank == 2 ? sh.rows : sh.cols;
    return 0;
  }
  int32_t v;
  if (xiG_whole(g, a, pos, &v, err))
    return -1;
  if (v < 1)
    return xiX_fail(err, pos, "a population of %d: it must be 1 or more", v);
  *n = (uint32_t)v;
  return 0;
}

/* searchsorted(cdf, u, side='right'): how many of cdf's n are at most u */
uint32_t xiG_draw_search(const double *cdf, uint32_t n, double u) {
  uint32_t lo = 0, hi = n;
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (cdf[mid] <= u)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

/* cdf = cumsum(p) / its last, in doubles, in order, as NumPy's */
void xiG_draw_cdf(const double *p, uint32_t n, double *cdf) {
  double s = 0;
  for (uint32_t k = 0; k < n; k++)
    cdf[k] = s += p[k];
  double last = cdf[n - 1];
  for (uint32_t k = 0; k < n; k++)
    cdf[k] /= last;
}

/* choice without replacement, with p: NumPy's loop, which draws as many
   uniforms as are still wanted (u, from draw), zeroes the p of what was found,
   and keeps the first of each index drawn, in the order drawn (the legacy
   generator's and the Generator's alike, npgen.c); -1: interrupted */
int xiG_draw_unique_p(double (*draw)(void *), void *rng, double *p, uint32_t pop,
                      uint32_t count, uint64_t *idx, double *cdf, double *u) {
  uint32_t found = 0;
  while (found < count) {
    if (xiO_stopped())
      return -1;
    uint32_t want = count - found, before = found;
    for (uint32_t k = 0; k < want; k++)
      u[k] = draw(rng);
    for (uint32_t k = 0; k < found; k++)
      p[idx[k]] = 0;
    xiG_draw_cdf(p, pop, cdf);
    for (uint32_t k = 0; k < want; k++) {
      uint64_t v = xiG_draw_search(cdf, pop, u[k]);
      int again = 0;
      for (uint32_t q = before; q < found && !again; q++)
        again = idx[q] == v;
      if (!again)
        idx[found++] = v;
    }
  }
  return 0;
}

static double mt_uniform(void *rng) { return xiO_uniform(rng); }

/* p as NumPy checks it: pop probabilities, none negative, summing to 1
   within sqrt(eps) by Kahan's sum (mtrand.pyx, _common.pyx) */
static int probabilities(xiG_graph *g, uint32_t node, uint32_t pop, xi_pos pos, double *p,
                         xi_err *err) {
  xi_shape sh = xiG_shape(&g->nodes[node]);
  if (xiG_no_tuple(g, node, pos, "p", err))
    return -1;
  if (sh.rank != 1 || sh.cols != pop)
    return xiX_fail(err, pos, "'a' and 'p' must have the same size (NumPy's ValueError): p "
                              "needs %u probabilities", pop);
  xiO_view v = xiG_view(&g->nodes[node]);
  for (uint32_t k = 0; k < pop; k++) {
    p[k] = mpfr_get_d(&v.el[k], MPFR_RNDN);
    if (p[k] < 0 || isnan(p[k]))
      return xiX_fail(err, pos, "probabilities are not non-negative (NumPy's ValueError)");
  }
  double sum = 0, c = 0; /* (0 + p[0] is p[0] exactly: kahan_sum's start) */
  for (uint32_t k = 0; k < pop; k++) {
    double y = p[k] - c, t = sum + y;
    c = (t - sum) - y;
    sum = t;
  }
  if (fabs(sum - 1.0) > sqrt(2.220446049250313e-16))
    return xiX_fail(err, pos, "probabilities do not sum to 1 (NumPy's ValueError)");
  return 0;
}

static int choice(xiG_graph *g, const uint32_t *args, unsigned mask, xi_pos pos,
                  uint32_t *out, xi_err *err) {
  uint32_t a = slot(args, mask, 0), pnode = slot(args, mask, 3), pop;
  int32_t replace = 1;
  xi_shape sh;
  if (xiG_draw_array(g, &a, pos, err) || xiG_draw_array(g, &pnode, pos, err) ||
      xiG_draw_population(g, a, 0, pos, &pop, err) ||
      xiG_draw_size(g, slot(args, mask, 1), pos, &sh, err) ||
      (slot(args, mask, 2) != XI_NONE && xiG_whole(g, slot(args, mask, 2), pos, &replace, err)))
    return -1;
  if (!xiG_is_tensor(&g->nodes[a]) && xiG_dtype_of_flags(g->nodes[a].flags) == XI_DT_FLOAT)
    return xiX_fail(err, pos, "a must be 1-dimensional or an integer (NumPy's ValueError)");
  uint32_t count = count_of(sh);
  if (!replace && count > pop)
    return xiX_fail(err, pos, "Cannot take a larger sample than population when "
                              "'replace=False' (NumPy's ValueError)");
  uint64_t *idx = malloc(((replace ? count : pop) + count) * sizeof *idx);
  double *p = pnode != XI_NONE ? malloc(3 * ((size_t)pop + count) * sizeof *p) : NULL;
  int rc = !idx || (pnode != XI_NONE && !p) ? xiG_oom(g, pos, err) : 0;
  if (rc == 0 && p)
    rc = probabilities(g, pnode, pop, pos, p, err);
  if (rc == 0 && p && !replace) {
    uint32_t nonzero = 0;
    for (uint32_t k = 0; k < pop; k++)
      nonzero += p[k] > 0;
    if (nonzero < count)
      rc = xiX_fail(err, pos, "Fewer non-zero entries in p than size (NumPy's ValueError)");
  }
  if (rc == 0) {
    double *cdf = p ? p + pop : NULL, *u = p ? p + 2 * (size_t)pop : NULL;
    if (replace && !p) { /* randint(0, pop, size) */
      for (uint32_t k = 0; k < count; k++)
        idx[k] = xiO_bounded(&g->rng, pop - 1u);
    } else if (replace) { /* random_sample(size), then searchsorted in the cdf */
      for (uint32_t k = 0; k < count; k++)
        u[k] = xiO_uniform(&g->rng);
      xiG_draw_cdf(p, pop, cdf);
      for (uint32_t k = 0; k < count; k++)
        idx[k] = xiG_draw_search(cdf, pop, u[k]);
    } else if (!p) { /* permutation(pop)[:size] */
      rc = shuffled(g, pop, idx) ? xiX_fail(err, pos, "interrupted") : 0;
    } else {
      rc = xiG_draw_unique_p(mt_uniform, &g->rng, p, pop, count, idx, cdf, u) ? xiX_fail(err, pos, "interrupted")
                                                          : 0;
    }
  }
  if (rc == 0 && xiG_is_tensor(&g->nodes[a]))
    rc = xiG_draw_pick(g, a, idx, sh, pos, out, err);
  else if (rc == 0)
    rc = leaf_of(g, sh, &(fill){g, NULL, idx, 0}, XI_DT_INT, pos, out, err);
  free(idx);
  free(p);
  return rc;
}

static int permutation(xiG_graph *g, uint32_t x, xi_pos pos, uint32_t *out, xi_err *err) {
  uint32_t n;
  if (xiG_draw_array(g, &x, pos, err) || xiG_draw_population(g, x, 1, pos, &n, err))
    return -1;
  if (!xiG_is_tensor(&g->nodes[x]) && xiG_dtype_of_flags(g->nodes[x].flags) == XI_DT_FLOAT)
    return xiX_fail(err, pos, "x must be an integer or at least 1-dimensional (NumPy's "
                              "IndexError)");
  uint64_t *idx = malloc(n * sizeof *idx);
  int rc = idx ? 0 : xiG_oom(g, pos, err);
  if (rc == 0 && shuffled(g, n, idx))
    rc = xiX_fail(err, pos, "interrupted");
  if (rc == 0 && xiG_is_tensor(&g->nodes[x]))
    rc = xiG_draw_pick(g, x, idx, (xi_shape){1, 1, n}, pos, out, err);
  else if (rc == 0)
    rc = leaf_of(g, (xi_shape){1, 1, n}, &(fill){g, NULL, idx, 0}, XI_DT_INT, pos, out, err);
  free(idx);
  return rc;
}

/* randint, normal, uniform: count draws of the same distribution */
static int draws(xiG_graph *g, int which, const uint32_t *args, unsigned mask, xi_pos pos,
                 uint32_t *out, xi_err *err) {
  xi_shape sh;
  if (xiG_draw_size(g, slot(args, mask, 2), pos, &sh, err))
    return -1;
  uint32_t count = count_of(sh);
  fill f = {g, NULL, NULL, 0};
  int rc = 0;
  if (which == XI_MAKE_RANDINT) {
    int64_t lo = 0, hi;
    uint32_t a = slot(args, mask, 0), b = slot(args, mask, 1);
    if (bound(g, a, pos, b == XI_NONE ? &hi : &lo, err) ||
        (b != XI_NONE && bound(g, b, pos, &hi, err)))
      return -1;
    if (lo >= hi)
      return xiX_fail(err, pos, "high <= low (NumPy's ValueError): randint draws from low up "
                                "to high - 1");
    f.i = malloc(count * sizeof *f.i);
    f.off = lo;
    for (uint32_t k = 0; f.i && k < count; k++) /* the masked rejection of randint */
      f.i[k] = xiO_bounded(&g->rng, (uint64_t)(hi - lo - 1));
    rc = f.i ? leaf_of(g, sh, &f, XI_DT_INT, pos, out, err) : xiG_oom(g, pos, err);
    free(f.i);
    return rc;
  }
  double a = 0, b = 1;
  int normal = which == XI_MAKE_NORMAL;
  if (real(g, slot(args, mask, 0), 0.0, pos, &a, err) ||
      real(g, slot(args, mask, 1), 1.0, pos, &b, err))
    return -1;
  if (normal && b < 0)
    return xiX_fail(err, pos, "scale < 0 (NumPy's ValueError)");
  double range = b - a;
  if (!normal && !isfinite(range))
    return xiX_fail(err, pos, "Range exceeds valid bounds (NumPy's OverflowError)");
  f.d = malloc(count * sizeof *f.d);
  for (uint32_t k = 0; f.d && k < count; k++) {
    if (normal) { /* legacy_normal: loc + scale·gauss, in doubles */
      double t = b * xiO_gauss(&g->rng);
      f.d[k] = a + t;
    } else { /* random_uniform: low + range·next_double */
      double t = range * xiO_uniform(&g->rng);
      f.d[k] = a + t;
    }
  }
  rc = f.d ? leaf_of(g, sh, &f, XI_DT_FLOAT, pos, out, err) : xiG_oom(g, pos, err);
  free(f.d);
  return rc;
}

int xiG_draw(xiG_graph *g, int which, const uint32_t *args, unsigned mask, xi_pos pos,
             uint32_t *out, xi_err *err) {
  switch (which) {
  case XI_MAKE_LINSPACE:
    return linspace(g, args, mask, pos, out, err);
  case XI_MAKE_PERMUTATION:
    return permutation(g, slot(args, mask, 0), pos, out, err);
  case XI_MAKE_CHOICE:
    return choice(g, args, mask, pos, out, err);
  default:
    return draws(g, which, args, mask, pos, out, err);
  }
}
