/* pycall.c: Python's builtins called by name (xiG_py_call: type and isinstance,
 * list, tuple, dict, sorted, enumerate, zip, range, sum, min, max, reversed, a
 * dict's keys, values, items and get, a list's append, extend and index), and
 * `in`, `not in`, `is`, `is not` and a container's truth (xiG_py_truth); the
 * walking they share is pywalk.c's. */
#include <stdio.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "tape/graph.h"
#include "tape/pyval_int.h"
#include "tape/pystrval.h"

/* range(...)'s whole numbers, as Python wants them (ints) */
static int py_range(xiG_graph *g, const uint32_t *args, uint32_t n, xi_pos pos, uint32_t *out,
                    xi_err *err) {
  uint32_t v[3];
  int32_t w[3] = {0, 0, 1};
  for (uint32_t q = 0; q < n; q++)
    if (xiG_py_index(g, args[q], "range", pos, &w[n == 1 ? 1 : q], err))
      return -1;
  if (w[2] == 0)
    return xiX_fail(err, pos, "range() arg 3 must not be zero (ValueError)");
  for (int q = 0; q < 3; q++)
    if (xiG_number_at(g, w[q], pos, &v[q], err))
      return -1;
  return xiG_container(g, XI_C_RANGE, v, 3, pos, out, err);
}

static int need_dict(const xiG_graph *g, uint32_t d, const char *method, xi_pos pos,
                     xi_err *err) {
  if (xiG_kind(g, d) == XI_C_DICT)
    return 0;
  return xiX_fail(err, pos, "'%s' object has no attribute '%s': a dict has it",
                  xiG_type_of(g, d), method);
}

static int boolean(xiG_graph *g, int b, xi_pos pos, uint32_t *out, xi_err *err) {
  uint32_t word = xiS_intern(&g->sym, b ? "True" : "False", b ? 4 : 5);
  *out = word == XI_NONE ? XI_NONE : xiG_constant(g, word, pos);
  return *out == XI_NONE ? xiG_oom(g, pos, err) : 0;
}

/* x in c, as Python's: a dict's keys, a list's or a tuple's items (==), a
   string's substrings, an array's elements (NumPy's (c == x).any()) */
static int py_in(xiG_graph *g, uint32_t x, uint32_t c, int not, xi_pos pos, uint32_t *out,
                 xi_err *err) {
  int kind = xiG_kind(g, c), found = 0;
  if (kind == XI_C_DICT || kind == XI_C_KEYS) {
    uint32_t d = kind == XI_C_KEYS ? g->nodes[c].x->args[0] : c;
    int64_t s = xiG_dict_slot(g, d, x);
    if (s == -2)
      return xiG_key_error(g, d, x, s, pos, err);
    return boolean(g, (s >= 0) != not, pos, out, err);
  }
  if (xiG_is_dtype(g, c))
    return xiX_fail(err, pos, "TypeError: argument of type '%s' is not iterable",
                    xiG_type_of(g, c));
  if (kind == XI_C_STR) {
    if (xiG_kind(g, x) != XI_C_STR || xiG_is_dtype(g, x))
      return xiX_fail(err, pos, "'in <string>' requires string as left operand, not %s (as "
                                "Python says)", xiG_type_of(g, x));
    const char *a = xiS_name(&g->sym, (uint32_t)g->nodes[x].x->p[XI_C_TEXT]);
    const char *b = xiS_name(&g->sym, (uint32_t)g->nodes[c].x->p[XI_C_TEXT]);
    return boolean(g, (strstr(b, a) != NULL) != not, pos, out, err);
  }
  if (kind < 0 && xiG_is_tensor(&g->nodes[c])) {
    if (xiG_kind(g, x) >= 0 || xiG_is_tensor(&g->nodes[x]))
      return xiX_fail(err, pos, "x in an array takes a number here");
    xiO_view v = xiG_view(&g->nodes[c]);
    for (uint32_t k = 0; k < v.n && !found; k++)
      found = mpfr_equal_p(&v.el[k], g->nodes[x].v);
    return boolean(g, found != not, pos, out, err);
  }
  uint32_t n;
  if (kind == XI_C_SET || kind == XI_C_ULIST) { /* in any order */
    if (xiG_unordered_has(g, c, x, pos, &found, err))
      return -1;
    return boolean(g, found != not, pos, out, err);
  }
  if (xiG_walk_len(g, c, pos, &n, err))
    return -1;
  for (uint32_t k = 0; k < n && !found; k++) {
    uint32_t item;
    if ((g->interrupt && *g->interrupt))
      return xiX_fail(err, pos, "interrupted");
    if (xiG_walk_item(g, c, k, pos, &item, err) || xiG_py_equal(g, x, item, pos, &found, err))
      return -1;
  }
  return boolean(g, found != not, pos, out, err);
}

int xiG_py_truth(xiG_graph *g, uint32_t c, xi_pos pos, int *holds, xi_err *err) {
  int kind = xiG_kind(g, c);
  uint32_t n = 1;
  if (kind == XI_C_STR)
    n = xiS_name(&g->sym, (uint32_t)g->nodes[c].x->p[XI_C_TEXT])[0] != '\0';
  else if (kind == XI_C_NONE || kind == XI_C_OBJ || kind == XI_C_FUNC || kind == XI_C_GEN)
    n = kind != XI_C_NONE; /* None is false, an object and a function true */
  else if (kind == XI_C_SET || kind == XI_C_ULIST)
    n = g->nodes[c].x->nargs;
  else if (kind != XI_C_ENUMERATE && kind != XI_C_ZIP && xiG_walk_len(g, c, pos, &n, err))
    return -1; /* (an enumerate or a zip is an object, true as Python's are) */
  *holds = n > 0;
  return 0;
}

/* zip(*rows): zip given rows' items as its arguments, however many (Python's
   transposition: xs, ys = zip(*pairs)); each must be walkable, as zip's are */
static int zip_star(xiG_graph *g, uint32_t rows, xi_pos pos, uint32_t *out, xi_err *err) {
  uint32_t n, len;
  if (xiG_kind(g, rows) == XI_C_DICT || xiG_kind(g, rows) == XI_C_STR)
    return xiX_fail(err, pos, "zip(*%s) is not part of xi: zip(*rows) takes a list or a "
                              "tuple of rows", xiG_type_of(g, rows));
  if (xiG_walk_len(g, rows, pos, &n, err))
    return -1;
  uint32_t *item = malloc((n ? n : 1) * sizeof *item);
  if (!item)
    return xiG_oom(g, pos, err);
  int rc = 0;
  for (uint32_t k = 0; rc == 0 && k < n; k++)
    rc = xiG_walk_item(g, rows, k, pos, &item[k], err) || xiG_walk_len(g, item[k], pos, &len, err)
             ? -1
             : 0;
  if (rc == 0)
    rc = xiG_container(g, XI_C_ZIP, item, n, pos, out, err);
  free(item);
  return rc;
}

int xiG_py_call(xiG_graph *g, int which, const uint32_t *args, uint32_t n, xi_pos pos,
                uint32_t *out, xi_err *err) {
  uint32_t t, u, pair[2];
  if ((which == XI_PY_EXTEND || which == XI_PY_INDEX) && xiG_unordered_among(g, args[0], args[0], pos, err))
    return -1;
  switch (which) {
  case XI_PY_TYPE: /* (the query a whole number the parser wrote) */
    if (n > 2) /* (classes of the program's own after it) */
      return xiG_py_isclass(g, args, n, pos, out, err);
    t = (uint32_t)mpfr_get_ui(g->nodes[args[1]].v, MPFR_RNDN);
    return xiG_py_type(g, args[0], (int)(t & 7), t >> 3, pos, out, err);
  case XI_PY_LIST:
  case XI_PY_TUPLE:
  case XI_PY_DICT: {
    int kind = which == XI_PY_LIST ? XI_C_LIST : which == XI_PY_TUPLE ? XI_C_TUPLE : XI_C_DICT;
    if (n == 0)
      return xiG_container(g, kind, NULL, 0, pos, out, err);
    if (kind == XI_C_DICT && xiG_kind(g, args[0]) == XI_C_DICT) /* dict(d): a copy */
      return xiG_container(g, XI_C_DICT, g->nodes[args[0]].x->args, g->nodes[args[0]].x->nargs,
                           pos, out, err);
    return xiG_convert(g, kind, args[0], pos, out, err);
  }
  case XI_PY_SORTED:
    return xiG_convert(g, -1, args[0], pos, out, err);
  case XI_PY_ENUMERATE: {
    if (xiG_walk_len(g, args[0], pos, &t, err))
      return -1;
    pair[0] = args[0];
    if (n > 1)
      pair[1] = args[1];
    else if (xiG_number_at(g, 0, pos, &pair[1], err))
      return -1;
    int32_t start;
    if (n > 1 && xiG_py_index(g, args[1], "enumerate's start", pos, &start, err))
      return -1;
    return xiG_container(g, XI_C_ENUMERATE, pair, 2, pos, out, err);
  }
  case XI_PY_ZIP:
    for (uint32_t q = 0; q < n; q++)
      if (xiG_walk_len(g, args[q], pos, &t, err))
        return -1;
    return xiG_container(g, XI_C_ZIP, args, n, pos, out, err);
  case XI_PY_ZIPSTAR:
    return zip_star(g, args[0], pos, out, err);
  case XI_PY_RANGE:
    return py_range(g, args, n, pos, out, err);
  case XI_PY_SUM:
    return xiG_py_sum(g, args[0], n > 1 ? args[1] : XI_NONE, pos, out, err);
  case XI_PY_MIN:
  case XI_PY_MAX:
    return xiG_py_pick(g, which == XI_PY_MAX, args, n, pos, out, err);
  case XI_PY_KEYS:
  case XI_PY_VALUES:
  case XI_PY_ITEMS:
    if (need_dict(g, args[0], which == XI_PY_KEYS ? "keys" : which == XI_PY_VALUES ? "values"
                                                                                   : "items",
                  pos, err))
      return -1;
    return xiG_container(g, which == XI_PY_KEYS ? XI_C_KEYS : which == XI_PY_VALUES ? XI_C_VALUES
                                                                                 : XI_C_ITEMS,
                         args, 1, pos, out, err);
  case XI_PY_GET: {
    if (need_dict(g, args[0], "get", pos, err))
      return -1;
    int64_t s = xiG_dict_slot(g, args[0], args[1]);
    if (s == -2)
      return xiG_key_error(g, args[0], args[1], s, pos, err);
    if (s >= 0) {
      *out = g->nodes[args[0]].x->args[s + 1];
      return 0;
    }
    if (n < 3) /* a key the dict has not: None, as Python's */
      return xiG_container(g, XI_C_NONE, NULL, 0, pos, out, err);
    *out = args[2];
    return 0;
  }
  case XI_PY_APPEND:
  case XI_PY_EXTEND:
    t = args[1];
    if (which == XI_PY_EXTEND && xiG_kind(g, args[0]) != XI_C_LIST)
      return xiX_fail(err, pos, "'%s' object has no attribute 'extend': a list has it",
                      xiG_type_of(g, args[0]));
    if (which == XI_PY_EXTEND &&
        xiG_convert(g, XI_C_LIST, args[1], pos, &t, err))
      return -1;
    if (which == XI_PY_APPEND ? xiG_list_append(g, args[0], t, pos, &u, err)
                              : xiG_py_op(g, XI_ADD, args[0], t, pos, &u, err))
      return -1;
    pair[0] = args[0], pair[1] = u;
    return xiG_tuple(g, pair, 2, pos, out, err);
  case XI_PY_REVERSED: { /* a list, last first: Python's iterator walks the same items */
    uint32_t b[3] = {XI_NONE, XI_NONE, XI_NONE};
    if (xiG_convert(g, XI_C_LIST, args[0], pos, &t, err) || xiG_number_at(g, -1, pos, &b[2], err))
      return -1;
    return xiG_slice(g, t, b, pos, out, err);
  }
  case XI_PY_INDEX: { /* xs.index(v): where the first item equal to v is, as Python's */
    int kind = xiG_kind(g, args[0]), found = 0;
    if (kind != XI_C_LIST && kind != XI_C_TUPLE)
      return xiX_fail(err, pos, "'%s' object has no attribute 'index' (a list has it; for an "
                                "array, np.argmax(x == v))", xiG_type_of(g, args[0]));
    for (t = 0; t < g->nodes[args[0]].x->nargs && !found; t++)
      if (xiG_py_equal(g, args[1], g->nodes[args[0]].x->args[t], pos, &found, err))
        return -1;
    if (!found)
      return xiX_fail(err, pos, "ValueError: the value is not in the %s", xiG_kind_name(kind));
    return xiG_number_at(g, (int64_t)t - 1, pos, out, err);
  }
  case XI_PY_IN:
  case XI_PY_NOTIN:
    return py_in(g, args[0], args[1], which == XI_PY_NOTIN, pos, out, err);
  case XI_PY_IS:
  case XI_PY_ISNOT: {
    int a = xiG_kind(g, args[0]) == XI_C_NONE, b = xiG_kind(g, args[1]) == XI_C_NONE;
    if (!a && !b)
      return xiX_fail(err, pos, "'is' compares with None in xi (x is None, x is not None): "
                                "for values write ==, != (an object's identity is not kept)");
    return boolean(g, (a && b) != (which == XI_PY_ISNOT), pos, out, err);
  }
  default: /* set(), xs.sort(), sep.join(xs), it.iternext(), random's */
    return xiG_py_call_set(g, which, args, n, pos, out, err);
  }
}
