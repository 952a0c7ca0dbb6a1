/* pyrandom.c: Python's random module, as far as it is drawn exactly as CPython 3.11
 * draws it: random.seed(n) for an int n, random.randrange(...) and random.randint(a, b)
 * (CS231n's grad_check_sparse: ix = tuple([randrange(m) for m in x.shape])).  The
 * generator is CPython's MT19937 on a state of its own (g->pyrng), apart from NumPy's, as
 * the two are in Python; the words come from ops/rng.c.  Python seeds it from the OS's
 * entropy when nothing seeds it, which no run repeats: drawing before random.seed(n) is
 * refused, as are the module's other functions (their numbers would not be CPython's). */
#include <stdint.h>

#include "tape/graph.h"
#include "tape/pyval_int.h"

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
    return xiX_fail(err, pos, "%s before random.seed(n): Python's generator starts from the "
                              "OS's entropy, which no run repeats; seed it first, "
                              "random.seed(0)", fn);
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

int xiG_py_random(xiG_graph *g, int which, const uint32_t *args, uint32_t n, xi_pos pos,
                  uint32_t *out, xi_err *err) {
  if (which == XI_PY_NPSEED)
    return np_seed(g, args[0], pos, out, err);
  if (which == XI_PY_RSEED)
    return seed(g, args, n, pos, out, err);
  return randrange(g, which, args, n, pos, out, err);
}
