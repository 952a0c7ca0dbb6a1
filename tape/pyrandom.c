/* pyrandom.c: Python's random module, as far as it is drawn exactly as CPython 3.11
 * draws it: random.seed(n) for an int n, random.randrange(...) and random.randint(a, b)
 * (CS231n's grad_check_sparse: ix = tuple([randrange(m) for m in x.shape])).  The
 * generator is CPython's MT19937 on a state of its own (g->pyrng), apart from NumPy's, as
 * the two are in Python; the words come from ops/rng.c.  random.random() (genrand_res53),
 * random.uniform(a, b), random.choice(xs) and random.shuffle(xs) of a list draw as
 * random.py does too, and so do random.gauss, random.normalvariate and random.sample.
 * Python seeds it from the OS's entropy when nothing seeds it, which no run repeats:
 * drawing before random.seed(n) is refused, as are the module's other functions
 * (choices, betavariate ...: their numbers would not be CPython's). */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tape/graph.h"
#include "tape/pyval_int.h"
#include "tape/numpy.h"

/* an argument that Python reads with operator.index: an int (a bool, a NumPy int) */
static int py_int(xiG_graph *g, uint32_t x, const char *what, xi_pos pos, int64_t *v,
                  xi_err *err) {
  if (xiG_kind(g, x) >= 0 || xiG_is_tensor(&g->nodes[x]))
    return xiX_fail(err, pos, "%s takes ints, not a %s (TypeError)", what, xiG_type_of(g, x));
  mpfr_srcptr e = g->nodes[x].v;
  if (xiG_dtype_of_flags(g->nodes[x].flags) == XI_DT_FLOAT || !mpfr_integer_p(e))
    return xiX_fail(err, pos, "%s takes ints: a float is deprecated since Python 3.10 and an "
                              "error from 3.12, and xi refuses it (write int(x))", what);
  if (!mpfr_fits_slong_p(e, MPFR_RNDN) || mpfr_cmpabs_ui(e, 1ul << 62) > 0)
    return xiX_fail(err, pos, "%s of a number past 2^62 is not part of xi", what);
  *v = mpfr_get_si(e, MPFR_RNDN);
  return 0;
}

/* Python's a // b, which rounds toward minus infinity (C's / rounds toward 0) */
static int64_t floordiv(int64_t a, int64_t b) {
  int64_t q = a / b;
  return a % b != 0 && (a < 0) != (b < 0) ? q - 1 : q;
}

static int drawn(xiG_graph *g, int64_t v, xi_pos pos, uint32_t *out, xi_err *err) {
  *out = xiG_number(g, (long)v, pos);
  return *out == XI_NONE ? xiG_oom(g, pos, err) : 0;
}

/* a draw before random.seed(n): Python seeds from the OS's entropy (fn: "random.gauss") */
static int unseeded(const char *fn, xi_pos pos, xi_err *err) {
  return xiX_fail(err, pos, "%s before random.seed(n): Python's generator starts from the OS's "
                            "entropy, which no run repeats; seed it first, random.seed(0)", fn);
}

/* random.seed(n): init_by_array of |n|'s words, low word first (one word for 0) */
static int seed(xiG_graph *g, const uint32_t *args, uint32_t n, xi_pos pos, uint32_t *out,
                xi_err *err) {
  int64_t v = 0;
  if (n == 0 || xiG_kind(g, args[0]) == XI_C_NONE)
    return xiX_fail(err, pos, "random.seed() seeds from the OS's entropy, which no run "
                              "repeats: give it a number, random.seed(0)");
  if (xiG_kind(g, args[0]) == XI_C_STR)
    return xiX_fail(err, pos, "random.seed of a string (its SHA-512) is not part of xi: give "
                              "it an int, random.seed(0)");
  if (py_int(g, args[0], "random.seed", pos, &v, err))
    return -1;
  uint64_t a = (uint64_t)(v < 0 ? -v : v);
  uint32_t key[2] = {(uint32_t)a, (uint32_t)(a >> 32)};
  xiG_stmt_rng(g); /* (a line undone at the prompt seeds nothing) */
  xiO_seed_array(&g->pyrng, key, key[1] ? 2 : 1);
  g->pyrng.seeded = 1;
  return xiG_container(g, XI_C_NONE, NULL, 0, pos, out, err);
}

/* random.randrange(start, stop=None, step=1) as random.py's, and randint(a, b), which is
   randrange(a, b + 1) */
static int randrange(xiG_graph *g, int which, const uint32_t *args, uint32_t n, xi_pos pos,
                     uint32_t *out, xi_err *err) {
  const char *fn = which == XI_PY_RANDINT ? "random.randint" : "random.randrange";
  int64_t v[3] = {0, 0, 1};
  if (which == XI_PY_RANDINT && n != 2)
    return xiX_fail(err, pos, "random.randint(a, b) takes 2 arguments, not %u", n);
  if (n < 1 || n > 3)
    return xiX_fail(err, pos, "random.randrange takes 1 to 3 arguments, not %u", n);
  for (uint32_t k = 0; k < n; k++)
    if (py_int(g, args[k], fn, pos, &v[k], err))
      return -1;
  if (!g->pyrng.seeded)
    return unseeded(fn, pos, err);
  if (which == XI_PY_RANDINT)
    v[1] += 1;
  int64_t start = n == 1 ? 0 : v[0], width = n == 1 ? v[0] : v[1] - v[0], step = v[2], count;
  if (step == 0)
    return xiX_fail(err, pos, "zero step for randrange() (ValueError)");
  count = step == 1 ? width : floordiv(width + (step > 0 ? step - 1 : step + 1), step);
  if (count <= 0)
    return xiX_fail(err, pos, "empty range for randrange() (ValueError)");
  xiG_stmt_rng(g);
  return drawn(g, start + step * (int64_t)xiO_randbelow(&g->pyrng, (uint64_t)count), pos, out,
               err);
}

/* np.random.seed(n) in a def: NumPy's generator, an int from 0 to 2^32 - 1 as NumPy insists
   (at the top it is the seed command, cmd/settings.c) */
static int np_seed(xiG_graph *g, uint32_t x, xi_pos pos, uint32_t *out, xi_err *err) {
  const xiG_node *nd = &g->nodes[x];
  if (xiG_kind(g, x) >= 0 || nd->x || xiG_dtype_of_flags(nd->flags) == XI_DT_FLOAT ||
      !mpfr_integer_p(nd->v) || mpfr_sgn(nd->v) < 0 || mpfr_cmp_ui(nd->v, 4294967295ul) > 0)
    return xiX_fail(err, pos, "np.random.seed takes a whole number (an int) from 0 to "
                              "4294967295");
  xiG_stmt_rng(g);
  xiO_seed(&g->rng, (uint32_t)mpfr_get_ui(nd->v, MPFR_RNDN));
  return xiG_container(g, XI_C_NONE, NULL, 0, pos, out, err);
}

/* Python's float d, a constant whose text is d's exact decimal (at most 767 digits), so
   that it is d at any precision, as a literal is its text */
static int exact_float(xiG_graph *g, double d, xi_pos pos, uint32_t *out, xi_err *err) {
  mpfr_t x;
  mpfr_exp_t e;
  mpfr_init2(x, 53);
  mpfr_set_d(x, d, MPFR_RNDN);
  char *digits = mpfr_get_str(NULL, &e, 10, 800, x, MPFR_RNDN);
  int zero = mpfr_zero_p(x);
  mpfr_clear(x);
  if (!digits)
    return xiG_oom(g, pos, err);
  size_t len = strlen(digits), lead = digits[0] == '-';
  while (len > lead + 1 && digits[len - 1] == '0')
    len--;
  char text[840];
  int tl = snprintf(text, sizeof text, "%s0.%.*se%ld", lead ? "-" : "", (int)(len - lead),
                    digits + lead, zero ? 0L : (long)e);
  mpfr_free_str(digits);
  uint32_t sym = xiS_intern(&g->sym, text, (size_t)tl);
  *out = sym == XI_NONE ? XI_NONE : xiG_constant(g, sym, pos);
  return *out == XI_NONE ? xiG_oom(g, pos, err) : 0;
}

/* a Python number's value as a double, for random.uniform's arithmetic */
static int py_double(xiG_graph *g, uint32_t x, const char *what, xi_pos pos, double *v,
                     xi_err *err) {
  if (xiG_is_tensor(&g->nodes[x])) /* (Python takes it: one draw, the array's arithmetic) */
    return xiX_fail(err, pos, "%s of an array is not part of xi: give it numbers (an array "
                              "of draws is NumPy's: np.random.normal, np.random.uniform)", what);
  if (xiG_kind(g, x) >= 0)
    return xiX_fail(err, pos, "%s takes numbers, not a %s (TypeError)", what,
                    xiG_type_of(g, x));
  *v = mpfr_get_d(g->nodes[x].v, MPFR_RNDN);
  return 0;
}

/* random.random() (CPython's genrand_res53, NumPy's random_sample's too) and
   random.uniform(a, b), a + (b - a) * random(), each step rounded to a double */
static int real(xiG_graph *g, int which, const uint32_t *args, uint32_t n, xi_pos pos,
                uint32_t *out, xi_err *err) {
  double a = 0, b = 0;
  if (!g->pyrng.seeded)
    return unseeded(which == XI_PY_RRANDOM ? "random.random" : "random.uniform", pos, err);
  if (which == XI_PY_RRANDOM && n)
    return xiX_fail(err, pos, "random.random() takes no arguments (%u given) (TypeError)", n);
  if (which == XI_PY_UNIFORM &&
      (n != 2 || py_double(g, args[0], "random.uniform", pos, &a, err) ||
       py_double(g, args[1], "random.uniform", pos, &b, err)))
    return n != 2 ? xiX_fail(err, pos, "random.uniform(a, b) takes 2 arguments, not %u", n)
                  : -1;
  xiG_stmt_rng(g);
  volatile double r = xiO_uniform(&g->pyrng), width = b - a, scaled = width * r;
  return exact_float(g, which == XI_PY_RRANDOM ? r : a + scaled, pos, out, err);
}

/* random.gauss(mu=0.0, sigma=1.0) and random.normalvariate(mu=0.0, sigma=1.0), as
   random.py draws them (3.11): gauss by Box-Muller, the second number of each pair kept
   for the next call (in pyrng's gauss, which random.seed clears, as it clears
   gauss_next), normalvariate by Kinderman and Monahan's loop; each step a double, in
   libm's functions as CPython's are */
static double box_muller(xiO_rng *r) {
  if (r->has_gauss) {
    r->has_gauss = 0;
    return r->gauss;
  }
  volatile double x2pi = xiO_uniform(r) * (2.0 * M_PI);
  volatile double g2rad = sqrt(-2.0 * log(1.0 - xiO_uniform(r)));
  volatile double z = cos(x2pi) * g2rad;
  r->gauss = sin(x2pi) * g2rad;
  r->has_gauss = 1;
  return z;
}

static double kinderman_monahan(xiO_rng *r) {
  volatile double magic = 4 * exp(-0.5), z;
  magic = magic / sqrt(2.0); /* NV_MAGICCONST = 4 * _exp(-0.5) / _sqrt(2.0) */
  for (;;) {
    volatile double u1 = xiO_uniform(r);
    volatile double u2 = 1.0 - xiO_uniform(r), t = magic * (u1 - 0.5);
    z = t / u2;
    volatile double zz = z * z;
    zz = zz / 4.0;
    if (zz <= -log(u2))
      return z;
  }
}

static int normal(xiG_graph *g, int which, const uint32_t *args, uint32_t n, xi_pos pos,
                  uint32_t *out, xi_err *err) {
  const char *fn = which == XI_PY_GAUSS ? "random.gauss" : "random.normalvariate";
  double mu = 0, sigma = 1;
  if (!g->pyrng.seeded)
    return unseeded(fn, pos, err);
  if (n > 2)
    return xiX_fail(err, pos, "%s(mu=0.0, sigma=1.0) takes at most 2 arguments, not %u", fn, n);
  if ((n > 0 && py_double(g, args[0], fn, pos, &mu, err)) ||
      (n > 1 && py_double(g, args[1], fn, pos, &sigma, err)))
    return -1;
  xiG_stmt_rng(g);
  volatile double z = which == XI_PY_GAUSS ? box_muller(&g->pyrng)
                                           : kinderman_monahan(&g->pyrng);
  volatile double scaled = z * sigma;
  return exact_float(g, mu + scaled, pos, out, err);
}

/* random.sample(population, k) as random.py's (3.11): from a copy of the population, each
   pick's place filled by the last item, when that is smaller than a set of k (setsize);
   else picks again until one not picked yet.  The population a sequence: a list, a tuple,
   a string, a range */
static uint32_t setsize(uint32_t k) {
  uint32_t size = 21; /* size of a small set minus size of an empty list */
  if (k > 5) {
    volatile double e = log((double)k * 3); /* _log(k * 3, 4): log(x) / log(4) */
    e = e / log(4.0);
    double t = ceil(e);
    size += t >= 31 ? UINT32_MAX - 21 : 1u << (2 * (uint32_t)t); /* 4 ** ceil(...) */
  }
  return size;
}

/* is j in the set of picks (open addressing, j + 1 kept, 0 empty); add: put it there */
static int picked(uint32_t *set, uint32_t mask, uint32_t j, int add) {
  uint32_t h = (j * 2654435761u) & mask;
  while (set[h] && set[h] != j + 1)
    h = (h + 1) & mask;
  if (set[h])
    return 1;
  if (add)
    set[h] = j + 1;
  return 0;
}

static int sample(xiG_graph *g, const uint32_t *args, uint32_t n, xi_pos pos, uint32_t *out,
                  xi_err *err) {
  if (n != 2)
    return xiX_fail(err, pos, "random.sample(population, k) takes 2 arguments, not %u", n);
  int kind = xiG_kind(g, args[0]);
  if (kind != XI_C_LIST && kind != XI_C_TUPLE && kind != XI_C_STR && kind != XI_C_RANGE)
    return xiX_fail(err, pos, "Population must be a sequence.  For dicts or sets, use "
                              "sorted(d). (TypeError: random.sample of a %s; an array: "
                              "list(x), or np.random.choice(x, k, replace=False))",
                    xiG_type_of(g, args[0]));
  int64_t k;
  uint32_t len;
  if (xiG_kind(g, args[1]) < 0 && !g->nodes[args[1]].x &&
      (xiG_dtype_of_flags(g->nodes[args[1]].flags) == XI_DT_FLOAT ||
       !mpfr_integer_p(g->nodes[args[1]].v)))
    return xiX_fail(err, pos, "can't multiply sequence by non-int of type 'float' (TypeError: "
                              "random.sample's k is an int)");
  if (py_int(g, args[1], "random.sample", pos, &k, err) ||
      xiG_walk_len(g, args[0], pos, &len, err))
    return -1;
  if (k < 0 || k > len)
    return xiX_fail(err, pos, "Sample larger than population or is negative (ValueError)");
  if (!g->pyrng.seeded)
    return unseeded("random.sample", pos, err);
  uint32_t *idx = malloc(((size_t)k + 1) * sizeof *idx), *pool = NULL, *set = NULL, mask = 0;
  int big = len > setsize((uint32_t)k);
  if (idx && !big)
    pool = malloc(((size_t)len + 1) * sizeof *pool);
  if (idx && big) {
    for (mask = 1; mask < 2 * (uint32_t)k; mask *= 2)
      ;
    set = calloc(mask, sizeof *set), mask--;
  }
  if (!idx || (big ? !set : !pool)) {
    free(idx), free(pool), free(set);
    return xiG_oom(g, pos, err);
  }
  xiG_stmt_rng(g);
  for (uint32_t i = 0; !big && i < len; i++)
    pool[i] = i;
  for (uint32_t i = 0; i < (uint32_t)k; i++) {
    if (!big) {
      uint32_t j = (uint32_t)xiO_randbelow(&g->pyrng, len - i);
      idx[i] = pool[j];
      pool[j] = pool[len - i - 1]; /* the item not picked moves into the vacancy */
      continue;
    }
    uint32_t j = (uint32_t)xiO_randbelow(&g->pyrng, len);
    while (picked(set, mask, j, 0))
      j = (uint32_t)xiO_randbelow(&g->pyrng, len);
    picked(set, mask, j, 1);
    idx[i] = j;
  }
  int rc = 0;
  for (uint32_t i = 0; rc == 0 && i < (uint32_t)k; i++)
    rc = xiG_walk_item(g, args[0], idx[i], pos, &idx[i], err);
  if (rc == 0)
    rc = xiG_container(g, XI_C_LIST, idx, (uint32_t)k, pos, out, err);
  free(idx), free(pool), free(set);
  return rc;
}

/* random.choice(xs): xs[_randbelow(len(xs))]; random.shuffle(xs): Fisher-Yates from the
   end, j = _randbelow(i + 1), as random.py's, giving the pair (xs, xs shuffled) that every
   holder of the list takes (S_MUTATE) */
static int pick(xiG_graph *g, int which, const uint32_t *args, uint32_t n, xi_pos pos,
                uint32_t *out, xi_err *err) {
  const char *fn = which == XI_PY_CHOICE ? "random.choice" : "random.shuffle";
  if (n != 1)
    return xiX_fail(err, pos, "%s(x) takes 1 argument, not %u", fn, n);
  int kind = xiG_kind(g, args[0]);
  if (which == XI_PY_SHUFFLE && kind != XI_C_LIST)
    return xiX_fail(err, pos, "random.shuffle of a %s is not part of xi: it shuffles a list "
                              "(an array's rows: x = x[np.random.permutation(len(x))])",
                    xiG_type_of(g, args[0]));
  if (kind == XI_C_SET || kind == XI_C_ULIST || kind == XI_C_DICT)
    return kind == XI_C_DICT ? xiX_fail(err, pos, "random.choice of a dict looks up a random "
                                                  "int as a key (KeyError): give it a list")
                             : xiG_unordered(g, args[0], pos, err);
  uint32_t len;
  if (xiG_walk_len(g, args[0], pos, &len, err))
    return -1;
  if (!g->pyrng.seeded)
    return unseeded(fn, pos, err);
  if (which == XI_PY_CHOICE) {
    if (len == 0)
      return xiX_fail(err, pos, "Cannot choose from an empty sequence (IndexError)");
    xiG_stmt_rng(g);
    return xiG_walk_item(g, args[0], (uint32_t)xiO_randbelow(&g->pyrng, len), pos, out, err);
  }
  uint32_t *items = malloc((len ? len : 1) * sizeof *items), pair[2] = {args[0], XI_NONE};
  if (!items)
    return xiG_oom(g, pos, err);
  memcpy(items, g->nodes[args[0]].x->args, len * sizeof *items);
  xiG_stmt_rng(g);
  for (uint32_t i = len ? len - 1 : 0; i > 0; i--) {
    uint32_t j = (uint32_t)xiO_randbelow(&g->pyrng, (uint64_t)i + 1), t = items[i];
    items[i] = items[j], items[j] = t;
  }
  int rc = xiG_container(g, XI_C_LIST, items, len, pos, &pair[1], err);
  free(items);
  return rc ? rc : xiG_tuple(g, pair, 2, pos, out, err);
}

/* np.random.shuffle(x): NumPy's draws are permutation's (it shuffles a copy of
   x as shuffle does x), giving the pair (x, x shuffled) that every holder of
   the array takes (S_MUTATE) */
static int np_shuffle(xiG_graph *g, uint32_t x, xi_pos pos, uint32_t *out, xi_err *err) {
  if (xiG_kind(g, x) >= 0 || !xiG_is_tensor(&g->nodes[x]))
    return xiX_fail(err, pos, "np.random.shuffle of a %s is not part of xi: it shuffles an "
                              "array (random.shuffle(xs) shuffles a list as CPython does)",
                    xiG_type_of(g, x));
  uint32_t pair[2] = {x, XI_NONE};
  if (xiG_draw(g, XI_MAKE_PERMUTATION, &x, 1, pos, &pair[1], err))
    return -1;
  return xiG_container(g, XI_C_TUPLE, pair, 2, pos, out, err);
}

int xiG_py_random(xiG_graph *g, int which, const uint32_t *args, uint32_t n, xi_pos pos,
                  uint32_t *out, xi_err *err) {
  if (which == XI_PY_NPSHUFFLE)
    return np_shuffle(g, args[0], pos, out, err);
  if (which == XI_PY_NPSEED)
    return np_seed(g, args[0], pos, out, err);
  if (which == XI_PY_RSEED)
    return seed(g, args, n, pos, out, err);
  if (which == XI_PY_RRANDOM || which == XI_PY_UNIFORM)
    return real(g, which, args, n, pos, out, err);
  if (which == XI_PY_CHOICE || which == XI_PY_SHUFFLE)
    return pick(g, which, args, n, pos, out, err);
  if (which == XI_PY_SAMPLE)
    return sample(g, args, n, pos, out, err);
  if (which == XI_PY_GAUSS || which == XI_PY_NORMALVARIATE)
    return normal(g, which, args, n, pos, out, err);
  return randrange(g, which, args, n, pos, out, err);
}
