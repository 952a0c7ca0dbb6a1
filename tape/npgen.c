/* npgen.c: NumPy's Generator, as modern tutorials and NumPy's own documents
 * make it: rng = np.random.default_rng(42), then rng.random(size),
 * rng.standard_normal(size), rng.normal(loc, scale, size), rng.uniform(low,
 * high, size), rng.integers(low, high, size, endpoint=False),
 * rng.permutation(x) and rng.choice(a, size, replace, p), each drawn bit for
 * bit as NumPy 1.24's _generator.pyx draws them from PCG64 (ops/pcg64.c), in
 * the same order, so a script that mixes them stays in step with NumPy.
 *
 * A Generator is an XI_C_GEN container (no items) whose x->p[XI_C_ID] is the
 * place of its state in g->gens: its draws change the state, not the node,
 * so every name, attribute or list that holds the generator draws from the
 * same stream, as Python's references do.  A statement undone at the prompt
 * puts the states back (undo.c keeps them with the legacy generator's).
 * default_rng() without a seed starts from the OS's entropy, which no run
 * repeats: refused, as unseeded draws of np.random and random are. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "tape/graph.h"
#include "tape/pyval_int.h"
#include "tape/numpy.h"

#define MAX_GENS (1u << 20)
#define MAX_WORDS 64 /* a seed of up to 2048 bits */

static xiO_pcg *state_of(xiG_graph *g, uint32_t x) {
  return &g->gens[g->nodes[x].x->p[XI_C_ID]];
}

/* ---- np.random.default_rng(seed) ---- */

static int no_seed(xi_pos pos, xi_err *err) {
  return xiX_fail(err, pos, "np.random.default_rng() without a seed starts from the OS's "
                            "entropy, which no run repeats, so xi cannot print what NumPy "
                            "would: give it a seed, np.random.default_rng(42)");
}

/* the 32-bit words of the int x, low word first, appended to w (NumPy's
   _int_to_uint32_array: one word 0 for 0) */
static int seed_words(xiG_graph *g, uint32_t x, xi_pos pos, uint32_t *w, int *n, xi_err *err) {
  const xiG_node *nd = &g->nodes[x];
  if (xiG_kind(g, x) == XI_C_NONE)
    return no_seed(pos, err);
  if (xiG_kind(g, x) >= 0 || xiG_is_tensor(nd))
    return xiX_fail(err, pos, "np.random.default_rng takes an int seed (or a list of ints), "
                              "not a %s (NumPy's SeedSequence raises TypeError)",
                    xiG_type_of(g, x));
  if (xiG_dtype_of_flags(nd->flags) == XI_DT_FLOAT || !mpfr_integer_p(nd->v))
    return xiX_fail(err, pos, "np.random.default_rng takes an int seed, not a float "
                              "(NumPy's SeedSequence raises TypeError: SeedSequence expects "
                              "int or sequence of ints for entropy)");
  if (mpfr_sgn(nd->v) < 0)
    return xiX_fail(err, pos, "expected non-negative integer (NumPy's ValueError): a seed "
                              "is 0 or more");
  if (!mpfr_zero_p(nd->v) && mpfr_get_exp(nd->v) > (mpfr_exp_t)mpfr_get_prec(nd->v))
    return xiX_fail(err, pos, "this seed is past 2^%ld, where it may have been rounded: a "
                              "seed must be exact; raise prec", (long)mpfr_get_prec(nd->v));
  mpz_t z;
  mpz_init(z);
  mpfr_get_z(z, nd->v, MPFR_RNDN);
  int rc = 0;
  do {
    if (*n == MAX_WORDS) {
      rc = xiX_fail(err, pos, "a seed of more than %d bits is not part of xi", 32 * MAX_WORDS);
      break;
    }
    w[(*n)++] = (uint32_t)mpz_get_ui(z);
    mpz_fdiv_q_2exp(z, z, 32);
  } while (mpz_sgn(z) > 0);
  mpz_clear(z);
  return rc;
}

int xiG_default_rng(xiG_graph *g, const uint32_t *args, uint32_t n, xi_pos pos, uint32_t *out,
                    xi_err *err) {
  if (n > 1)
    return xiX_fail(err, pos, "np.random.default_rng takes one seed, not %u arguments", n);
  if (n == 0)
    return no_seed(pos, err);
  if (xiG_kind(g, args[0]) == XI_C_GEN) { /* default_rng(rng) is rng itself */
    *out = args[0];
    return 0;
  }
  uint32_t w[MAX_WORDS];
  int nw = 0, kind = xiG_kind(g, args[0]);
  if (kind == XI_C_LIST || kind == XI_C_TUPLE) { /* default_rng([1, 2]): the words joined */
    const xiG_ext *x = g->nodes[args[0]].x;
    for (uint32_t k = 0; k < x->nargs; k++)
      if (xiG_kind(g, x->args[k]) == XI_C_NONE
              ? xiX_fail(err, pos, "a seed's list holds ints, not None (NumPy's TypeError)")
              : seed_words(g, x->args[k], pos, w, &nw, err))
        return -1;
  } else if (seed_words(g, args[0], pos, w, &nw, err)) {
    return -1;
  }
  if (g->ngens == MAX_GENS)
    return xiX_fail(err, pos, "more than %u generators made by np.random.default_rng",
                    MAX_GENS);
  xiG_stmt_rng(g); /* (a line undone at the prompt makes none) */
  if (g->ngens == g->capgens) {
    uint32_t cap = g->capgens ? 2 * g->capgens : 8;
    xiO_pcg *q = realloc(g->gens, cap * sizeof *q);
    if (!q)
      return xiG_oom(g, pos, err);
    g->gens = q, g->capgens = cap;
  }
  if (xiG_container(g, XI_C_GEN, NULL, 0, pos, out, err))
    return -1;
  xiO_pcg_seed(&g->gens[g->ngens], w, nw);
  g->nodes[*out].x->p[XI_C_ID] = (int32_t)g->ngens++;
  return 0;
}

/* ---- a method's arguments ---- */

enum { MAX_SLOTS = 6 };

/* the arguments of rng.name(...) in the slots of its parameters (params:
   their names, space-separated), XI_NONE for those not given or given None */
static int arrange(xiG_graph *g, const xiP_ins *in, const char *name, const char *params,
                   const uint32_t *args, uint32_t *slot, xi_err *err) {
  char words[MAX_SLOTS][16];
  int np = 0;
  for (const char *s = params; *s && np < MAX_SLOTS;) {
    size_t len = strcspn(s, " ");
    memcpy(words[np], s, len);
    words[np++][len] = '\0';
    s += len + (s[len] == ' ');
  }
  uint32_t nkw = in->op, npos = in->argc - nkw;
  if (npos > (uint32_t)np)
    return xiX_fail(err, in->pos, "Generator.%s() takes at most %d positional arguments (%u "
                                  "given)", name, np, npos);
  for (int k = 0; k < np; k++)
    slot[k] = (uint32_t)k < npos ? args[k] : XI_NONE;
  for (uint32_t j = 0; j < nkw; j++) {
    const char *kw = xiS_name(&g->sym, in[(int)j - (int)nkw].arg);
    int k = 0;
    while (k < np && strcmp(words[k], kw) != 0)
      k++;
    if (k == np)
      return xiX_fail(err, in->pos, "Generator.%s() got an unexpected keyword argument '%s' "
                                    "(it takes %s)", name, kw, params);
    if (slot[k] != XI_NONE)
      return xiX_fail(err, in->pos, "Generator.%s() got multiple values for argument '%s'",
                      name, kw);
    slot[k] = args[npos + j];
  }
  for (int k = 0; k < np; k++)
    if (slot[k] != XI_NONE && xiG_kind(g, slot[k]) == XI_C_NONE)
      slot[k] = XI_NONE; /* None: the default */
  return 0;
}

/* a parameter xi does not take (dtype, out, axis), when given */
static int unsupported(xiG_graph *g, uint32_t v, const char *name, const char *param,
                       xi_pos pos, xi_err *err) {
  if (v == XI_NONE)
    return 0;
  if (strcmp(param, "dtype") == 0 && xiG_kind(g, v) < 0) /* rng.random(3, 4) */
    return xiX_fail(err, pos, "rng.%s's second argument is its dtype, and NumPy cannot read "
                              "a number as one (TypeError): a shape of two axes is one tuple, "
                              "rng.%s((3, 4))", name, name);
  return xiX_fail(err, pos, "rng.%s(..., %s=...) is not part of xi: %s", name, param,
                  param[0] == 'd'   ? "xi draws NumPy's default dtype, float64 (int64 for "
                                      "integers)"
                  : param[0] == 'o' ? "xi makes a new array, x = rng.standard_normal(shape)"
                                    : "xi takes axis 0, the default (a matrix's rows)");
}

/* a number NumPy reads as a double (PyFloat_AsDouble) */
static int real(xiG_graph *g, uint32_t node, double dflt, const char *name, xi_pos pos,
                double *v, xi_err *err) {
  if (node == XI_NONE) {
    *v = dflt;
    return 0;
  }
  if (xiG_no_tuple(g, node, pos, "this argument", err))
    return -1;
  if (xiG_is_tensor(&g->nodes[node]))
    return xiX_fail(err, pos, "rng.%s of arrays of parameters is not part of xi: give one "
                              "number for each", name);
  *v = mpfr_get_d(g->nodes[node].v, MPFR_RNDN);
  return 0;
}

/* a flag's truth (endpoint=True, replace=False): a number's */
static int flag(xiG_graph *g, uint32_t node, const char *what, xi_pos pos, int *v,
                xi_err *err) {
  if (node == XI_NONE)
    return 0;
  if (xiG_kind(g, node) >= 0 || xiG_is_tensor(&g->nodes[node]))
    return xiX_fail(err, pos, "%s= takes True or False here", what);
  *v = !mpfr_zero_p(g->nodes[node].v);
  return 0;
}

static uint32_t count_of(xi_shape sh) { return sh.rank ? sh.rows * sh.cols : 1; }

/* ---- the draws ---- */

/* random, standard_normal, normal, uniform: count doubles, a + b·draw */
static int doubles(xiG_graph *g, uint32_t x, int normal, double a, double b, int affine,
                   uint32_t size, xi_pos pos, uint32_t *out, xi_err *err) {
  xi_shape sh;
  if (xiG_draw_size(g, size, pos, &sh, err))
    return -1;
  uint32_t count = count_of(sh);
  double *d = malloc(count * sizeof *d);
  if (!d)
    return xiG_oom(g, pos, err);
  xiG_stmt_rng(g);
  xiO_pcg *r = state_of(g, x);
  for (uint32_t k = 0; k < count; k++) {
    double v = normal ? xiO_pcg_normal(r) : xiO_pcg_double(r);
    if (affine) { /* random_normal: loc + scale·z; random_uniform: low + range·u */
      double t = b * v;
      v = a + t;
    }
    d[k] = v;
  }
  int rc = xiG_draw_leaf(g, sh, d, NULL, 0, XI_DT_FLOAT, pos, out, err);
  free(d);
  return rc;
}

/* int(v) of a bound of integers, exact and within 2^53 */
static int bound(xiG_graph *g, uint32_t node, xi_pos pos, int64_t *v, xi_err *err) {
  const xiG_node *n = &g->nodes[node];
  if (xiG_no_tuple(g, node, pos, "rng.integers", err))
    return -1;
  if (xiG_is_tensor(n))
    return xiX_fail(err, pos, "rng.integers with arrays of bounds is not part of xi: give "
                              "numbers");
  if (!mpfr_number_p(n->v))
    return xiX_fail(err, pos, "rng.integers takes whole numbers as bounds, not %s",
                    mpfr_nan_p(n->v) ? "nan" : "inf");
  mpfr_t t;
  mpfr_init2(t, mpfr_get_prec(n->v));
  mpfr_trunc(t, n->v); /* int(1.5) is 1, as NumPy's int(low) */
  int rc = 0;
  /* 2^53 itself is binary64's, and Python's ints past it are refused where made (pyint.c) */
  int edge = !mpfr_zero_p(t) && mpfr_cmp_si_2exp(t, mpfr_sgn(t), 53) == 0;
  if (!edge && !mpfr_zero_p(t) && mpfr_get_exp(t) > 53)
    rc = xiX_fail(err, pos, "a bound past 2^53 is not part of xi (its draws would not be "
                            "exact in binary64)");
  else if (!edge && !mpfr_zero_p(t) && mpfr_get_exp(t) > (mpfr_exp_t)mpfr_get_prec(t))
    rc = xiX_fail(err, pos, "this whole number is past 2^%ld, where it may have been "
                            "rounded: a bound must be exact; raise prec",
                  (long)mpfr_get_prec(t));
  else
    *v = mpfr_get_si(t, MPFR_RNDN);
  mpfr_clear(t);
  return rc;
}

/* integers(low, high=None, size=None, dtype=np.int64, endpoint=False) */
static int integers(xiG_graph *g, uint32_t x, const uint32_t *s, xi_pos pos, uint32_t *out,
                    xi_err *err) {
  int64_t lo = 0, hi;
  int closed = 0;
  if (s[0] == XI_NONE)
    return xiX_fail(err, pos, "Generator.integers() missing its bound: rng.integers(high) or "
                              "rng.integers(low, high)");
  if (unsupported(g, s[3], "integers", "dtype", pos, err))
    return -1;
  if (bound(g, s[0], pos, s[1] == XI_NONE ? &hi : &lo, err) ||
      (s[1] != XI_NONE && bound(g, s[1], pos, &hi, err)) ||
      flag(g, s[4], "endpoint", pos, &closed, err))
    return -1;
  if (!closed)
    hi -= 1; /* the closed interval [low, high - 1] */
  if (lo > hi)
    return xiX_fail(err, pos, "%s (NumPy's ValueError)",
                    lo == 0 ? (closed ? "high < 0" : "high <= 0")
                            : (closed ? "low > high" : "low >= high"));
  xi_shape sh;
  if (xiG_draw_size(g, s[2], pos, &sh, err))
    return -1;
  uint32_t count = count_of(sh);
  uint64_t *v = malloc(count * sizeof *v);
  if (!v)
    return xiG_oom(g, pos, err);
  xiG_stmt_rng(g);
  xiO_pcg *r = state_of(g, x);
  for (uint32_t k = 0; k < count; k++) /* random_bounded_uint64_fill, Lemire's */
    v[k] = xiO_pcg_bounded(r, (uint64_t)(hi - lo));
  int rc = xiG_draw_leaf(g, sh, NULL, v, lo, XI_DT_INT, pos, out, err);
  free(v);
  return rc;
}

/* permutation(x, axis=0): arange(x) shuffled, or x's elements (a matrix's rows)
   in the order of an index array shuffled (_shuffle_raw: random_interval(i)
   for i from n - 1 down to 1) */
static int permutation(xiG_graph *g, uint32_t gen, const uint32_t *s, xi_pos pos,
                       uint32_t *out, xi_err *err) {
  uint32_t x = s[0], n;
  if (x == XI_NONE)
    return xiX_fail(err, pos, "Generator.permutation() missing its argument x");
  if (unsupported(g, s[1], "permutation", "axis", pos, err) || xiG_draw_array(g, &x, pos, err) ||
      xiG_draw_population(g, x, 1, pos, &n, err))
    return -1;
  if (!xiG_is_tensor(&g->nodes[x]) && xiG_dtype_of_flags(g->nodes[x].flags) == XI_DT_FLOAT)
    return xiX_fail(err, pos, "rng.permutation of a float: NumPy's AxisError (axis 0 is out "
                              "of bounds for array of dimension 0); give an int or an array");
  uint64_t *idx = malloc(n * sizeof *idx);
  if (!idx)
    return xiG_oom(g, pos, err);
  xiG_stmt_rng(g);
  xiO_pcg *r = state_of(g, gen);
  for (uint32_t k = 0; k < n; k++)
    idx[k] = k;
  int rc = 0;
  for (uint32_t i = n; i-- > 1 && rc == 0;) {
    if ((i & 1023) == 0 && xiO_stopped())
      rc = xiX_fail(err, pos, "interrupted");
    uint64_t j = xiO_pcg_interval(r, i), t = idx[i];
    idx[i] = idx[j], idx[j] = t;
  }
  if (rc == 0 && xiG_is_tensor(&g->nodes[x]))
    rc = xiG_draw_pick(g, x, idx, (xi_shape){1, 1, n}, pos, out, err);
  else if (rc == 0)
    rc = xiG_draw_leaf(g, (xi_shape){1, 1, n}, NULL, idx, 0, XI_DT_INT, pos, out, err);
  free(idx);
  return rc;
}

/* ---- choice(a, size=None, replace=True, p=None, axis=0, shuffle=True) ---- */

/* p as Generator.choice checks it: 1-dimensional, pop of them, their Kahan
   sum not NaN, none negative, the sum 1 within sqrt(eps) */
static int probabilities(xiG_graph *g, uint32_t node, uint32_t pop, xi_pos pos, double *p,
                         xi_err *err) {
  if (xiG_no_tuple(g, node, pos, "p", err))
    return -1;
  xi_shape sh = xiG_shape(&g->nodes[node]);
  if (sh.rank != 1)
    return xiX_fail(err, pos, "p must be 1-dimensional (NumPy's ValueError)");
  if (sh.cols != pop)
    return xiX_fail(err, pos, "a and p must have same size (NumPy's ValueError)");
  xiO_view v = xiG_view(&g->nodes[node]);
  int negative = 0;
  double sum = 0, c = 0;
  for (uint32_t k = 0; k < pop; k++) {
    p[k] = mpfr_get_d(&v.el[k], MPFR_RNDN);
    negative |= p[k] < 0;
    double y = p[k] - c, t = sum + y; /* kahan_sum */
    c = (t - sum) - y;
    sum = t;
  }
  if (isnan(sum))
    return xiX_fail(err, pos, "probabilities contain NaN (NumPy's ValueError)");
  if (negative)
    return xiX_fail(err, pos, "probabilities are not non-negative (NumPy's ValueError)");
  if (fabs(sum - 1.0) > sqrt(2.220446049250313e-16))
    return xiX_fail(err, pos, "probabilities do not sum to 1 (NumPy's ValueError)");
  return 0;
}

/* _shuffle_int(n, first): for i from n - 1 down to first, i with a draw in [0, i] */
static void shuffle_int(xiO_pcg *r, uint64_t *idx, uint32_t n, uint32_t first) {
  for (uint32_t i = n; i-- > first;) {
    uint64_t j = xiO_pcg_bounded(r, i), t = idx[j];
    idx[j] = idx[i], idx[i] = t;
  }
}

/* without replacement, without p: a shuffle's tail when many of a large
   population are taken, else Floyd's method on NumPy's open-addressed set of
   1.2·count, shuffled after when shuffle is true */
static int unique(xiO_pcg *r, uint32_t pop, uint32_t count, int shuffle, uint64_t *idx) {
  if (pop > 10000 && count > pop / (shuffle ? 50 : 20)) {
    uint64_t *all = malloc(pop * sizeof *all);
    if (!all)
      return -1;
    for (uint32_t k = 0; k < pop; k++)
      all[k] = k;
    shuffle_int(r, all, pop, pop - count > 1 ? pop - count : 1);
    memcpy(idx, all + (pop - count), count * sizeof *idx);
    free(all);
    return 0;
  }
  uint64_t mask = (uint64_t)(1.2 * count);
  mask |= mask >> 1, mask |= mask >> 2, mask |= mask >> 4, mask |= mask >> 8;
  mask |= mask >> 16, mask |= mask >> 32;
  uint64_t *set = malloc((mask + 1) * sizeof *set);
  if (!set)
    return -1;
  memset(set, 0xff, (mask + 1) * sizeof *set);
  for (uint32_t j = pop - count; j < pop; j++) {
    uint64_t val = xiO_pcg_bounded(r, j), loc = val & mask;
    while (set[loc] != UINT64_MAX && set[loc] != val)
      loc = (loc + 1) & mask;
    if (set[loc] == UINT64_MAX) { /* val not taken yet */
      set[loc] = val;
      idx[j - pop + count] = val;
    } else { /* j instead */
      loc = j & mask;
      while (set[loc] != UINT64_MAX)
        loc = (loc + 1) & mask;
      set[loc] = j;
      idx[j - pop + count] = j;
    }
  }
  free(set);
  if (shuffle)
    shuffle_int(r, idx, count, 1);
  return 0;
}

static double pcg_uniform(void *r) { return xiO_pcg_double(r); }

static int choice(xiG_graph *g, uint32_t gen, const uint32_t *s, xi_pos pos, uint32_t *out,
                  xi_err *err) {
  uint32_t a = s[0], pnode = s[3], pop;
  int replace = 1, shuffle = 1;
  xi_shape sh;
  if (a == XI_NONE)
    return xiX_fail(err, pos, "Generator.choice() missing its argument a");
  if (unsupported(g, s[4], "choice", "axis", pos, err) || xiG_draw_array(g, &a, pos, err) ||
      xiG_draw_array(g, &pnode, pos, err))
    return -1;
  if (!xiG_is_tensor(&g->nodes[a]) && xiG_kind(g, a) < 0 &&
      xiG_dtype_of_flags(g->nodes[a].flags) == XI_DT_FLOAT)
    return xiX_fail(err, pos, "a must be a sequence or an integer, not <class 'float'> "
                              "(NumPy's ValueError)");
  if (xiG_draw_population(g, a, 1, pos, &pop, err) ||
      xiG_draw_size(g, s[1], pos, &sh, err) ||
      flag(g, s[2], "replace", pos, &replace, err) ||
      flag(g, s[5], "shuffle", pos, &shuffle, err))
    return -1;
  uint32_t count = count_of(sh);
  double *p = pnode != XI_NONE ? malloc(3 * ((size_t)pop + count) * sizeof *p) : NULL;
  if (pnode != XI_NONE && !p)
    return xiG_oom(g, pos, err);
  if (p && probabilities(g, pnode, pop, pos, p, err)) {
    free(p);
    return -1;
  }
  int rc = 0;
  if (!replace && count > pop)
    rc = xiX_fail(err, pos, "Cannot take a larger sample than population when replace is "
                            "False (NumPy's ValueError)");
  if (rc == 0 && p && !replace) {
    uint32_t nonzero = 0;
    for (uint32_t k = 0; k < pop; k++)
      nonzero += p[k] > 0;
    if (nonzero < count)
      rc = xiX_fail(err, pos, "Fewer non-zero entries in p than size (NumPy's ValueError)");
  }
  uint64_t *idx = rc == 0 ? malloc(count * sizeof *idx) : NULL;
  if (rc == 0 && !idx)
    rc = xiG_oom(g, pos, err);
  if (rc == 0) {
    xiG_stmt_rng(g);
    xiO_pcg *r = state_of(g, gen);
    double *cdf = p ? p + pop : NULL, *u = p ? p + 2 * (size_t)pop : NULL;
    if (replace && !p) { /* integers(0, pop, size) */
      for (uint32_t k = 0; k < count; k++)
        idx[k] = xiO_pcg_bounded(r, pop - 1u);
    } else if (replace) { /* random(size), then searchsorted in the cdf */
      for (uint32_t k = 0; k < count; k++)
        u[k] = xiO_pcg_double(r);
      xiG_draw_cdf(p, pop, cdf);
      for (uint32_t k = 0; k < count; k++)
        idx[k] = xiG_draw_search(cdf, pop, u[k]);
    } else if (!p) {
      rc = unique(r, pop, count, shuffle, idx) ? xiG_oom(g, pos, err) : 0;
    } else {
      rc = xiG_draw_unique_p(pcg_uniform, r, p, pop, count, idx, cdf, u) ? xiX_fail(err, pos, "interrupted") : 0;
    }
  }
  if (rc == 0 && xiG_is_tensor(&g->nodes[a]))
    rc = xiG_draw_pick(g, a, idx, sh, pos, out, err);
  else if (rc == 0)
    rc = xiG_draw_leaf(g, sh, NULL, idx, 0, XI_DT_INT, pos, out, err);
  free(idx);
  free(p);
  return rc;
}

/* the methods, and what each takes */
static const struct {
  const char *name, *params;
} methods[] = {
    {"random", "size dtype out"},
    {"standard_normal", "size dtype out"},
    {"normal", "loc scale size"},
    {"uniform", "low high size"},
    {"integers", "low high size dtype endpoint"},
    {"permutation", "x axis"},
    {"choice", "a size replace p axis shuffle"},
};

int xiG_gen_method(xiG_graph *g, const xiP_ins *in, uint32_t x, const uint32_t *args,
                   uint32_t *out, xi_err *err) {
  const char *name = xiS_name(&g->sym, in->arg);
  int m = 0, nm = (int)(sizeof methods / sizeof *methods);
  while (m < nm && strcmp(methods[m].name, name) != 0)
    m++;
  if (strcmp(name, "shuffle") == 0)
    return xiX_fail(err, in->pos, "rng.shuffle(x) changes x in place, which xi does not do: x "
                                  "= rng.permutation(x) takes the same draws and gives the "
                                  "same order");
  if (m == nm)
    return xiX_fail(err, in->pos, "rng.%s is not part of xi: xi draws NumPy's Generator's "
                                  "random, standard_normal, normal, uniform, integers, "
                                  "permutation and choice bit for bit, and no other method",
                    name);
  uint32_t s[MAX_SLOTS];
  if (arrange(g, in, name, methods[m].params, args, s, err))
    return -1;
  if (in->spare) { /* dtype=, a word (syntax/pyclass.c): NumPy's default only */
    int dt = in->spare - 1, wants = m == 4 ? XI_DT_INT : XI_DT_FLOAT;
    if (m > 4 || (m > 1 && m < 4))
      return xiX_fail(err, in->pos, "Generator.%s() got an unexpected keyword argument "
                                    "'dtype' (NumPy's TypeError)", name);
    if (dt != wants)
      return xiX_fail(err, in->pos, "rng.%s(..., dtype=...) draws another way for each dtype: "
                                    "xi draws NumPy's default, %s", name,
                      m == 4 ? "int64" : "float64");
  }
  double a = 0, b = 1;
  switch (m) {
  case 0:
  case 1:
    if (unsupported(g, s[1], name, "dtype", in->pos, err) ||
        unsupported(g, s[2], name, "out", in->pos, err))
      return -1;
    return doubles(g, x, m == 1, 0, 1, 0, s[0], in->pos, out, err);
  case 2:
    if (real(g, s[0], 0.0, name, in->pos, &a, err) ||
        real(g, s[1], 1.0, name, in->pos, &b, err))
      return -1;
    if (!isnan(b) && signbit(b))
      return xiX_fail(err, in->pos, "scale < 0 (NumPy's ValueError)");
    return doubles(g, x, 1, a, b, 1, s[2], in->pos, out, err);
  case 3: {
    if (real(g, s[0], 0.0, name, in->pos, &a, err) ||
        real(g, s[1], 1.0, name, in->pos, &b, err))
      return -1;
    double range = b - a;
    if (!isfinite(range))
      return xiX_fail(err, in->pos, "high - low range exceeds valid bounds (NumPy's "
                                    "OverflowError)");
    if (signbit(range))
      return xiX_fail(err, in->pos, "high - low < 0 (NumPy's ValueError)");
    return doubles(g, x, 0, a, range, 1, s[2], in->pos, out, err);
  }
  case 4:
    return integers(g, x, s, in->pos, out, err);
  case 5:
    return permutation(g, x, s, in->pos, out, err);
  default:
    return choice(g, x, s, in->pos, out, err);
  }
}
