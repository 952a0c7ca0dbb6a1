/* pybuiltin.c: Python's builtins that read a value's truth or its numbers and
 * give one of Python's values, as CPython 3.11 does: all, any, bool,
 * math.isclose; and the list methods that read or change a list's items by
 * value or place: count, insert, remove, pop.
 *
 * A value's truth is Python's: a container's, a string's, None's by
 * xiG_py_truth; a number's (a NumPy scalar's, an array of one element's) is
 * that it is not 0 (NaN is true); an array of more than one element has none,
 * NumPy's ValueError, whose text an except reads (cmd/pytry.c).
 *
 * A change of a list is a new list, which the statement gives every holder of
 * the old one (S_MUTATE, xiR_mutate), as xs.append(v) is: these give the pair
 * (xs, the new list); xs.pop()'s value is the item, which the parser reads
 * from xs before the change (syntax/pylist.c). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "tape/graph.h"
#include "tape/pyval_int.h"

static int boolean(xiG_graph *g, int b, xi_pos pos, uint32_t *out, xi_err *err) {
  uint32_t word = xiS_intern(&g->sym, b ? "True" : "False", b ? 4 : 5);
  *out = word == XI_NONE ? XI_NONE : xiG_constant(g, word, pos);
  return *out == XI_NONE ? xiG_oom(g, pos, err) : 0;
}

int xiG_py_bool(xiG_graph *g, uint32_t c, const char *what, xi_pos pos, int *holds,
                xi_err *err) {
  if (xiG_kind(g, c) >= 0)
    return xiG_py_truth(g, c, pos, holds, err);
  xiG_node *n = &g->nodes[c];
  if (xiG_count(n) != 1)
    return xiX_fail(err, pos, "The truth value of an array with more than one element is "
                              "ambiguous. Use a.any() or a.all() (ValueError, NumPy's): %s, "
                              "and this is an array of %u", what, xiG_count(n));
  *holds = !mpfr_zero_p(xiG_el(n, 0)); /* NaN is true, as in Python */
  return 0;
}

/* all(xs), any(xs): each item's truth, in order, until one decides */
static int all_any(xiG_graph *g, int any, uint32_t c, xi_pos pos, uint32_t *out, xi_err *err) {
  uint32_t *items, n;
  if (xiG_walk_all(g, c, pos, &items, &n, err))
    return -1;
  int rc = 0, holds = !any;
  for (uint32_t k = 0; k < n && rc == 0 && holds == !any; k++)
    rc = xiG_py_bool(g, items[k], any ? "any() reads each item's truth"
                                      : "all() reads each item's truth", pos, &holds, err);
  free(items);
  return rc ? rc : boolean(g, n ? holds : !any, pos, out, err);
}

/* one of math.isclose's numbers: a float, an int, a bool, NumPy's scalar or an
   array of one element, as CPython converts them */
static int real(xiG_graph *g, uint32_t c, xi_pos pos, mpfr_srcptr *v, xi_err *err) {
  if (c == XI_NONE)
    return 0;
  if (xiG_kind(g, c) >= 0)
    return xiX_fail(err, pos, "TypeError: must be real number, not %s", xiG_type_of(g, c));
  if (xiG_count(&g->nodes[c]) != 1)
    return xiX_fail(err, pos, "TypeError: only size-1 arrays can be converted to Python "
                              "scalars");
  *v = xiG_el(&g->nodes[c], 0);
  return 0;
}

/* math.isclose(a, b, rel_tol=1e-09, abs_tol=0.0), as CPython's: equal is
   close, an infinity is close to itself only, else |b - a| <= |rel_tol·b|,
   |rel_tol·a| or abs_tol, each operation rounded as the numbers are (the
   nodes are built: binary64 rounds where Python's floats do) */
int xiG_math_isclose(xiG_graph *g, const uint32_t *v, xi_pos pos, uint32_t *out, xi_err *err) {
  mpfr_srcptr a = NULL, b = NULL, rel = NULL, abs_tol = NULL;
  if (real(g, v[0], pos, &a, err) || real(g, v[1], pos, &b, err) ||
      real(g, v[2], pos, &rel, err) || real(g, v[3], pos, &abs_tol, err))
    return -1;
  if ((rel && mpfr_sgn(rel) < 0) || (abs_tol && mpfr_sgn(abs_tol) < 0))
    return xiX_fail(err, pos, "ValueError: tolerances must be non-negative");
  if (mpfr_equal_p(a, b))
    return boolean(g, 1, pos, out, err);
  if (mpfr_inf_p(a) || mpfr_inf_p(b))
    return boolean(g, 0, pos, out, err);
  uint32_t r = v[2], d, t;
  if (r == XI_NONE) {
    uint32_t sym = xiS_intern(&g->sym, "1e-09", 5);
    if (sym == XI_NONE || (r = xiG_constant(g, sym, pos)) == XI_NONE)
      return xiG_oom(g, pos, err);
  }
  if (xiG_op(g, XI_SUB, v[1], v[0], NULL, pos, &d, err) ||
      xiG_op(g, XI_ABS, d, XI_NONE, NULL, pos, &d, err))
    return -1;
  int close = abs_tol && mpfr_lessequal_p(xiG_el(&g->nodes[d], 0), abs_tol);
  for (int k = 0; k < 2 && !close; k++) {
    if (xiG_op(g, XI_MUL, r, v[1 - k], NULL, pos, &t, err) ||
        xiG_op(g, XI_ABS, t, XI_NONE, NULL, pos, &t, err))
      return -1;
    close = mpfr_lessequal_p(xiG_el(&g->nodes[d], 0), xiG_el(&g->nodes[t], 0));
  }
  return boolean(g, close, pos, out, err);
}

/* ---- a list's items by value or place ---- */

/* xs's kind takes method (a list all four, a tuple count, a dict pop and del) */
static int need_kind(xiG_graph *g, uint32_t c, int which, xi_pos pos, xi_err *err) {
  static const char *const names[] = {"count", "insert", "remove", "pop", "__delitem__"};
  int kind = xiG_kind(g, c);
  if (kind == XI_C_LIST || (kind == XI_C_TUPLE && which == XI_PY_COUNT) ||
      (kind == XI_C_DICT && (which == XI_PY_POP || which == XI_PY_DELITEM)) ||
      (kind == XI_C_STR && which == XI_PY_COUNT))
    return 0;
  if (which == XI_PY_DELITEM && kind < 0 && xiG_is_tensor(&g->nodes[c]))
    return xiX_fail(err, pos, "ValueError: cannot delete array elements (NumPy's: np.delete "
                              "makes a new array)");
  if (which == XI_PY_DELITEM)
    return xiX_fail(err, pos, "TypeError: '%s' object doesn't support item deletion",
                    xiG_type_of(g, c));
  return xiX_fail(err, pos, "AttributeError: '%s' object has no attribute '%s'",
                  xiG_type_of(g, c), names[which - XI_PY_COUNT]);
}

/* d without key k (KeyError when it has none): the pair (d, the new dict) */
static int dict_without(xiG_graph *g, uint32_t d, uint32_t k, xi_pos pos, uint32_t *out,
                        xi_err *err) {
  int64_t s = xiG_dict_slot(g, d, k);
  if (s < 0)
    return xiG_key_error(g, d, k, s, pos, err);
  const xiG_ext *x = g->nodes[d].x;
  uint32_t n = x->nargs, pair[2] = {d, XI_NONE};
  uint32_t *kv = malloc((n > 2 ? n - 2 : 1) * sizeof *kv);
  if (!kv)
    return xiG_oom(g, pos, err);
  memcpy(kv, x->args, (size_t)s * sizeof *kv);
  memcpy(kv + s, x->args + s + 2, (n - (uint32_t)s - 2) * sizeof *kv);
  int rc = xiG_container(g, XI_C_DICT, kv, n - 2, pos, &pair[1], err);
  free(kv);
  return rc ? rc : xiG_tuple(g, pair, 2, pos, out, err);
}

/* s.count(sub): sub's occurrences that do not overlap, as Python counts them (in code
   points: the empty string is at each of the len + 1 places) */
static int str_count(xiG_graph *g, uint32_t s, uint32_t sub, xi_pos pos, uint32_t *out,
                     xi_err *err) {
  if (xiG_kind(g, sub) != XI_C_STR)
    return xiX_fail(err, pos, "TypeError: must be str, not %s", xiG_type_of(g, sub));
  const char *t = xiS_name(&g->sym, (uint32_t)g->nodes[s].x->p[XI_C_TEXT]);
  const char *w = xiS_name(&g->sym, (uint32_t)g->nodes[sub].x->p[XI_C_TEXT]);
  long count = 0;
  size_t len = strlen(w);
  if (len == 0)
    count = xiG_str_len(g, s) + 1;
  for (const char *q = t; len && (q = strstr(q, w)) != NULL; q += len)
    count++;
  *out = xiG_number(g, count, pos);
  return *out == XI_NONE ? xiG_oom(g, pos, err) : 0;
}

/* the index of a list's item as Python's insert, pop and del read it: from the end
   when negative; insert's clamped to the list (mode INSERT), pop's and del's out of
   range IndexError */
enum { POP, INSERT, DEL };
static int place(xiG_graph *g, uint32_t i, uint32_t n, int mode, xi_pos pos, uint32_t *at,
                 xi_err *err) {
  int32_t k = -1;
  if (i != XI_NONE && xiG_py_index(g, i, "list", pos, &k, err))
    return -1;
  int64_t q = k < 0 ? (int64_t)k + n : k;
  if (mode == INSERT) {
    *at = q < 0 ? 0 : q > (int64_t)n ? n : (uint32_t)q;
    return 0;
  }
  if (n == 0 && mode == POP)
    return xiX_fail(err, pos, "IndexError: pop from empty list");
  if (q < 0 || q >= (int64_t)n)
    return xiX_fail(err, pos, "IndexError: %s", mode == POP ? "pop index out of range"
                                                            : "list assignment index out of "
                                                              "range");
  *at = (uint32_t)q;
  return 0;
}

/* xs without item at, or with v before item at (v != XI_NONE): the pair (xs, the
   new list) */
static int respliced(xiG_graph *g, uint32_t xs, uint32_t at, uint32_t v, xi_pos pos,
                     uint32_t *out, xi_err *err) {
  const xiG_ext *x = g->nodes[xs].x;
  uint32_t n = x->nargs, m = v == XI_NONE ? n - 1 : n + 1, pair[2] = {xs, XI_NONE};
  uint32_t *items = malloc((m ? m : 1) * sizeof *items);
  if (!items)
    return xiG_oom(g, pos, err);
  memcpy(items, x->args, at * sizeof *items);
  if (v == XI_NONE)
    memcpy(items + at, x->args + at + 1, (n - at - 1) * sizeof *items);
  else {
    items[at] = v;
    memcpy(items + at + 1, x->args + at, (n - at) * sizeof *items);
  }
  int rc = xiG_container(g, XI_C_LIST, items, m, pos, &pair[1], err);
  free(items);
  return rc ? rc : xiG_tuple(g, pair, 2, pos, out, err);
}

/* the first item of xs equal to v (==, as Python's), or n */
static int find(xiG_graph *g, uint32_t xs, uint32_t v, xi_pos pos, uint32_t *at, xi_err *err) {
  int found = 0;
  uint32_t n = g->nodes[xs].x->nargs, k = 0;
  for (; k < n && !found; k++)
    if (xiG_py_equal(g, v, g->nodes[xs].x->args[k], pos, &found, err))
      return -1;
  *at = found ? k - 1 : n;
  return 0;
}

static int list_method(xiG_graph *g, int which, const uint32_t *args, uint32_t n, xi_pos pos,
                       uint32_t *out, xi_err *err) {
  uint32_t xs = args[0], at = 0, len;
  if (need_kind(g, xs, which, pos, err))
    return -1;
  int kind = xiG_kind(g, xs);
  if (which == XI_PY_POP && kind == XI_C_LIST && n > 2)
    return xiX_fail(err, pos, "TypeError: pop expected at most 1 argument, got %u", n - 1);
  if (kind == XI_C_DICT && n > 2 && xiG_dict_slot(g, xs, args[1]) == -1) /* d.pop(k, v) */
    return xiG_container(g, XI_C_DICT, g->nodes[xs].x->args, g->nodes[xs].x->nargs, pos,
                         &at, err) ||
           xiG_tuple(g, (uint32_t[]){xs, at}, 2, pos, out, err);
  if (kind == XI_C_DICT)
    return n < 2 ? xiX_fail(err, pos, "TypeError: pop expected at least 1 argument, got 0")
                 : dict_without(g, xs, args[1], pos, out, err);
  if (kind == XI_C_STR)
    return str_count(g, xs, args[1], pos, out, err);
  len = g->nodes[xs].x->nargs;
  switch (which) {
  case XI_PY_COUNT: {
    long count = 0;
    for (uint32_t k = 0; k < len; k++) {
      int eq = 0;
      if (xiG_py_equal(g, args[1], g->nodes[xs].x->args[k], pos, &eq, err))
        return -1;
      count += eq;
    }
    *out = xiG_number(g, count, pos);
    return *out == XI_NONE ? xiG_oom(g, pos, err) : 0;
  }
  case XI_PY_INSERT:
    return place(g, args[1], len, INSERT, pos, &at, err) ||
           respliced(g, xs, at, args[2], pos, out, err);
  case XI_PY_REMOVE:
    if (find(g, xs, args[1], pos, &at, err))
      return -1;
    if (at == len)
      return xiX_fail(err, pos, "ValueError: list.remove(x): x not in list");
    return respliced(g, xs, at, XI_NONE, pos, out, err);
  case XI_PY_DELITEM:
    return place(g, args[1], len, DEL, pos, &at, err) ||
           respliced(g, xs, at, XI_NONE, pos, out, err);
  default: /* XI_PY_POP: xs, then the index if given */
    return place(g, n > 1 ? args[1] : XI_NONE, len, POP, pos, &at, err) ||
           respliced(g, xs, at, XI_NONE, pos, out, err);
  }
}

int xiG_py_pop(xiG_graph *g, const uint32_t *args, uint32_t n, xi_pos pos, uint32_t *pair,
               uint32_t *item, xi_err *err) {
  if (list_method(g, XI_PY_POP, args, n, pos, pair, err))
    return -1;
  if (xiG_kind(g, args[0]) == XI_C_DICT) { /* (the key is there, or the default given) */
    int64_t s = xiG_dict_slot(g, args[0], args[1]);
    *item = s < 0 ? args[2] : g->nodes[args[0]].x->args[s + 1];
    return 0;
  }
  uint32_t at = 0;
  place(g, n > 1 ? args[1] : XI_NONE, g->nodes[args[0]].x->nargs, POP, pos, &at, err);
  *item = g->nodes[args[0]].x->args[at];
  return 0;
}

/* math.fsum(xs): xs's numbers (a list, a tuple, an array's elements, a generator's) as
   one vector, summed exactly and rounded once (ops' FSUM); CPython's errors where its
   sum of the partials overflows with finite numbers, or meets inf and -inf */
static int fsum(xiG_graph *g, uint32_t c, xi_pos pos, uint32_t *out, xi_err *err) {
  uint32_t *items, n, v;
  if (xiG_walk_all(g, c, pos, &items, &n, err))
    return -1;
  int rc = 0, pinf = 0, ninf = 0, finite = 1;
  for (uint32_t k = 0; k < n && rc == 0; k++) {
    rc = xiG_not_number(g, items[k], pos, "math.fsum()", err);
    if (rc == 0 && (xiG_is_tensor(&g->nodes[items[k]]) || g->nodes[items[k]].op == XI_TUPLE))
      rc = xiX_fail(err, pos, "TypeError: must be real number, not %s (math.fsum adds numbers)",
                    xiG_type_of(g, items[k]));
    if (rc == 0) {
      mpfr_srcptr x = xiG_el(&g->nodes[items[k]], 0);
      finite &= mpfr_number_p(x) != 0;
      pinf |= mpfr_inf_p(x) && mpfr_sgn(x) > 0, ninf |= mpfr_inf_p(x) && mpfr_sgn(x) < 0;
    }
  }
  if (rc == 0 && n == 0) { /* fsum([]) is 0.0 */
    v = xiG_number(g, 0, pos);
    rc = v == XI_NONE ? xiG_oom(g, pos, err) : xiG_op(g, XI_ASFLOAT, v, XI_NONE, NULL, pos, out, err);
  } else if (rc == 0) {
    rc = xiG_list(g, items, n, pos, &v, err) || xiG_op(g, XI_FSUM, v, XI_NONE, NULL, pos, out, err);
  }
  free(items);
  if (rc)
    return -1;
  if (pinf && ninf)
    return xiX_fail(err, pos, "ValueError: -inf + inf in fsum");
  if (finite && !mpfr_number_p(xiG_el(&g->nodes[*out], 0)))
    return xiX_fail(err, pos, "OverflowError: intermediate overflow in fsum");
  return 0;
}

int xiG_py_builtin(xiG_graph *g, int which, const uint32_t *args, uint32_t n, xi_pos pos,
                   uint32_t *out, xi_err *err) {
  int holds = 0;
  switch (which) {
  case XI_PY_ALL:
  case XI_PY_ANY:
    return all_any(g, which == XI_PY_ANY, args[0], pos, out, err);
  case XI_PY_BOOL:
    if (n && xiG_py_bool(g, args[0], "bool(x) is its truth", pos, &holds, err))
      return -1;
    return boolean(g, holds, pos, out, err);
  case XI_PY_COUNT:
  case XI_PY_INSERT:
  case XI_PY_REMOVE:
  case XI_PY_POP:
  case XI_PY_DELITEM:
    return list_method(g, which, args, n, pos, out, err);
  case XI_PY_FSUM:
    return fsum(g, args[0], pos, out, err);
  default:
    return xiX_fail(err, pos, "this is not part of xi");
  }
}
