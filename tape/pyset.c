/* pyset.c: a string's characters (s[i], s[a:b], for ch in s), sep.join(xs), sorting
 * (sorted(), xs.sort()), and Python's sets, as min-char-rnn.py uses them:
 * chars = list(set(data)); chars.sort().
 *
 * A string is its text's code points, as Python counts them: the text is
 * UTF-8, so a character is a lead byte and its continuation bytes.
 *
 * A set of strings iterates in CPython's hash order, which PYTHONHASHSEED
 * randomises from run to run (and a set of ints in an order that depends on
 * the table's size and its history): xi cannot print that order, so a set
 * (XI_C_SET) and list(a set) (XI_C_ULIST) keep their items once each but show
 * no order.  What does not depend on it is read (len, in, truth, sorted(s),
 * set(s), xs.sort(), which makes a plain list); what does (print, a for,
 * an index, a slice, sum, list(...) read in order) is refused, with the
 * message to sort first.  So xi never prints a set's items in an order that
 * Python might not. */
#include <stdlib.h>
#include <string.h>

#include "tape/graph.h"
#include "tape/pyval_int.h"
#include "tape/pystrval.h"
#include "tape/numpy.h"

int xiG_unordered(const xiG_graph *g, uint32_t c, xi_pos pos, xi_err *err) {
  if (xiG_kind(g, c) == XI_C_SET)
    return xiX_fail(err, pos, "a set's items come in CPython's hash order, which changes from "
                              "run to run for strings and which xi does not reproduce: sort "
                              "them first, sorted(s) (a set cannot be indexed either: 'set' "
                              "object is not subscriptable)");
  return xiX_fail(err, pos, "this list was made of a set, so its items are in CPython's hash "
                            "order, which changes from run to run for strings and which xi "
                            "does not reproduce: sort it first (xs.sort(), or sorted(s))");
}

/* ---- a string's characters ---- */

static const char *text_of(const xiG_graph *g, uint32_t s) {
  return xiS_name(&g->sym, (uint32_t)g->nodes[s].x->p[XI_C_TEXT]);
}

/* the bytes of the code point at t */
static size_t char_len(const char *t) {
  size_t n = 1;
  while (t[n] && ((unsigned char)t[n] & 0xC0) == 0x80)
    n++;
  return n;
}

static uint32_t char_count(const char *t) {
  uint32_t n = 0;
  for (; *t; t++)
    n += ((unsigned char)*t & 0xC0) != 0x80;
  return n;
}

/* the byte where character k of string s starts (k < its count).  A walk
   over a string asks for 0, 1, 2 ...: the graph keeps the last one asked for,
   so that the walk is linear, not quadratic (the symbol table never changes a
   text, so the place stays true) */
static size_t char_at(xiG_graph *g, uint32_t s, uint32_t k) {
  uint32_t sym = (uint32_t)g->nodes[s].x->p[XI_C_TEXT];
  const char *t = xiS_name(&g->sym, sym);
  uint32_t at = 0;
  size_t off = 0;
  if (g->chsym == sym + 1 && g->chk <= k)
    at = g->chk, off = g->choff;
  for (; at < k; at++)
    off += char_len(t + off);
  g->chsym = sym + 1, g->chk = k, g->choff = (uint32_t)off;
  return off;
}

int xiG_substring(xiG_graph *g, const char *t, size_t n, xi_pos pos, uint32_t *out,
                  xi_err *err) {
  uint32_t id = xiS_intern(&g->sym, t, n);
  return id == XI_NONE ? xiG_oom(g, pos, err) : xiG_string(g, id, pos, out, err);
}

int xiG_str_len(const xiG_graph *g, uint32_t s) { return (int)char_count(text_of(g, s)); }

int xiG_str_char(xiG_graph *g, uint32_t s, uint32_t k, xi_pos pos, uint32_t *out,
                 xi_err *err) {
  size_t off = char_at(g, s, k);
  const char *t = text_of(g, s) + off;
  return xiG_substring(g, t, char_len(t), pos, out, err);
}

int xiG_str_item(xiG_graph *g, uint32_t s, uint32_t key, xi_pos pos, uint32_t *out,
                 xi_err *err) {
  int32_t i;
  if (xiG_py_index(g, key, "string", pos, &i, err))
    return -1;
  int64_t n = char_count(text_of(g, s));
  if (i < -n || i >= n)
    return xiX_fail(err, pos, "IndexError: string index out of range (index %d, a string of "
                              "%lld characters)", i, (long long)n);
  return xiG_str_char(g, s, (uint32_t)(i < 0 ? i + n : i), pos, out, err);
}

int xiG_str_slice(xiG_graph *g, uint32_t s, const uint32_t *bounds, xi_pos pos, uint32_t *out,
                  xi_err *err) {
  const char *t = text_of(g, s);
  int64_t n = char_count(t), lo, hi, step;
  if (xiG_slice_bounds(g, bounds, n, pos, &lo, &hi, &step, err))
    return -1;
  if (step == 1) { /* s[a:b]: one run of bytes */
    if (hi <= lo)
      return xiG_substring(g, "", 0, pos, out, err);
    size_t a = char_at(g, s, (uint32_t)lo), b = char_at(g, s, (uint32_t)hi - 1);
    return xiG_substring(g, t + a, b + char_len(t + b) - a, pos, out, err);
  }
  size_t len = strlen(t), m = 0;
  char *buf = malloc(len + 1);
  if (!buf)
    return xiG_oom(g, pos, err);
  for (int64_t i = lo; step > 0 ? i < hi : i > hi; i += step) {
    const char *c = t + char_at(g, s, (uint32_t)i); /* (backwards: each found from the start) */
    size_t cl = char_len(c);
    memcpy(buf + m, c, cl);
    m += cl;
  }
  int rc = xiG_substring(g, buf, m, pos, out, err);
  free(buf);
  return rc;
}

/* sep.join(xs): xs's strings with sep between, as Python's (its TypeError for an item
   that is not a str) */
static int str_join(xiG_graph *g, uint32_t sep, uint32_t c, xi_pos pos, uint32_t *out,
                 xi_err *err) {
  if (xiG_kind(g, sep) != XI_C_STR || xiG_is_dtype(g, sep))
    return xiX_fail(err, pos, "'%s' object has no attribute 'join' (a str has it: "
                              "' '.join(words))", xiG_type_of(g, sep));
  uint32_t n;
  if (xiG_walk_len(g, c, pos, &n, err))
    return -1;
  size_t cap = 64, m = 0;
  char *buf = malloc(cap);
  int rc = buf ? 0 : xiG_oom(g, pos, err);
  for (uint32_t k = 0; k < n && rc == 0; k++) {
    uint32_t item;
    if ((rc = xiG_walk_item(g, c, k, pos, &item, err)))
      break;
    if (xiG_kind(g, item) != XI_C_STR || xiG_is_dtype(g, item)) {
      rc = xiX_fail(err, pos, "TypeError: sequence item %u: expected str instance, %s found",
                    k, xiG_type_of(g, item));
      break;
    }
    const char *a = k ? text_of(g, sep) : "", *b = text_of(g, item);
    size_t la = strlen(a), lb = strlen(b);
    if (m + la + lb > XI_MAX_ELEMENTS) {
      rc = xiX_fail(err, pos, "a string of more than %u characters", XI_MAX_ELEMENTS);
      break;
    }
    if (m + la + lb + 1 > cap) {
      size_t want = 2 * (m + la + lb + 1);
      char *more = realloc(buf, want);
      if (!more) {
        rc = xiG_oom(g, pos, err);
        break;
      }
      buf = more, cap = want;
    }
    memcpy(buf + m, a, la);
    memcpy(buf + m + la, b, lb);
    m += la + lb;
  }
  if (rc == 0)
    rc = xiG_substring(g, buf, m, pos, out, err);
  free(buf);
  return rc;
}

/* ---- sets ---- */

static int make_set(xiG_graph *g, const uint32_t *args, uint32_t n, xi_pos pos, uint32_t *out,
            xi_err *err) {
  if (n == 0)
    return xiG_container(g, XI_C_SET, NULL, 0, pos, out, err);
  uint32_t c = args[0], m, *items = NULL, kept = 0;
  int kind = xiG_kind(g, c), rc = 0;
  int direct = kind == XI_C_SET || kind == XI_C_ULIST; /* (their items, in no order) */
  if (direct)
    m = g->nodes[c].x->nargs;
  else if (xiG_walk_len(g, c, pos, &m, err))
    return -1;
  items = malloc((m ? m : 1) * sizeof *items);
  if (!items)
    return xiG_oom(g, pos, err);
  /* kept as key-value pairs with no values, to find each with dict's equality */
  uint32_t *kv = malloc((2 * (size_t)m + 1) * sizeof *kv);
  if (!kv) {
    free(items);
    return xiG_oom(g, pos, err);
  }
  for (uint32_t k = 0; k < m && rc == 0; k++) {
    uint32_t item;
    if (g->interrupt && *g->interrupt) {
      rc = xiX_fail(err, pos, "interrupted");
      break;
    }
    if (direct)
      item = g->nodes[c].x->args[k];
    else if ((rc = xiG_walk_item(g, c, k, pos, &item, err)))
      break;
    int64_t s = xiG_find_key(g, kv, 2 * kept, item);
    if (s == -2 || (s == -1 && xiG_kind(g, item) >= 0 && xiG_kind(g, item) != XI_C_STR &&
                    xiG_kind(g, item) != XI_C_TUPLE && xiG_kind(g, item) != XI_C_OBJ))
      rc = xiX_fail(err, pos, "TypeError: unhashable type: '%s' (a set holds strings, numbers "
                              "or tuples of them)", xiG_type_of(g, item));
    else if (s == -1)
      kv[2 * kept] = item, kv[2 * kept + 1] = item, items[kept++] = item;
  }
  if (rc == 0)
    rc = xiG_container(g, XI_C_SET, items, kept, pos, out, err);
  free(kv);
  free(items);
  return rc;
}

int xiG_objects_only(const xiG_graph *g, uint32_t c) {
  const xiG_ext *x = g->nodes[c].x;
  for (uint32_t k = 0; k < x->nargs; k++)
    if (xiG_kind(g, x->args[k]) != XI_C_OBJ)
      return 0;
  return 1;
}

int xiG_set_add(xiG_graph *g, uint32_t s, uint32_t v, xi_pos pos, uint32_t *pair,
                xi_err *err) {
  if (xiG_kind(g, s) != XI_C_SET)
    return xiX_fail(err, pos, "'%s' object has no attribute 'add' (AttributeError: a set has "
                              "it)", xiG_type_of(g, s));
  uint32_t n = g->nodes[s].x->nargs, now = s;
  int64_t at = xiG_find_key(g, g->nodes[s].x->args, 0, v); /* (hashable?) */
  if (at == -2 || (xiG_kind(g, v) >= 0 && xiG_kind(g, v) != XI_C_STR &&
                   xiG_kind(g, v) != XI_C_TUPLE && xiG_kind(g, v) != XI_C_OBJ))
    return xiX_fail(err, pos, "TypeError: unhashable type: '%s' (a set holds strings, numbers, "
                              "tuples of them, or instances of a class)", xiG_type_of(g, v));
  int found = 0;
  if (xiG_unordered_has(g, s, v, pos, &found, err))
    return -1;
  if (!found) {
    uint32_t *items = malloc((n + 1) * sizeof *items);
    if (!items)
      return xiG_oom(g, pos, err);
    memcpy(items, g->nodes[s].x->args, n * sizeof *items);
    items[n] = v;
    int rc = xiG_container(g, XI_C_SET, items, n + 1, pos, &now, err);
    free(items);
    if (rc)
      return -1;
  }
  uint32_t two[2] = {s, now};
  return xiG_container(g, XI_C_TUPLE, two, 2, pos, pair, err);
}

/* 1 when x is among c's items (a set, or a list made of one), by Python's == */
int xiG_unordered_has(xiG_graph *g, uint32_t c, uint32_t x, xi_pos pos, int *found,
                      xi_err *err) {
  *found = 0;
  for (uint32_t k = 0; k < g->nodes[c].x->nargs && !*found; k++) {
    uint32_t item = g->nodes[c].x->args[k];
    if (xiG_is_dtype(g, x) != xiG_is_dtype(g, item))
      continue; /* (x.dtype == 'float64', but their hashes differ: a set tells them apart) */
    if (xiG_py_equal(g, x, item, pos, found, err))
      return -1;
  }
  return 0;
}

/* ---- sorting ---- */

/* what Python orders among itself: a number, a string, a list, a tuple (a list and a
   tuple are not ordered against each other, as in Python); -1: nothing (an array, None,
   a dict ...) */
static int order_kind(const xiG_graph *g, uint32_t a) {
  int k = xiG_kind(g, a);
  if (k < 0)
    return xiG_is_tensor(&g->nodes[a]) ? -1 : 0;
  if (k == XI_C_STR && xiG_is_dtype(g, a))
    return -1; /* (a dtype's order is NumPy's safe casts, not its name's) */
  return k == XI_C_STR ? 1 : k == XI_C_LIST ? 2 : k == XI_C_TUPLE ? 3 : -1;
}

static int py_equal_item(const xiG_graph *g, uint32_t a, uint32_t b) {
  int k = order_kind(g, a);
  if (k == 0)
    return mpfr_equal_p(g->nodes[a].v, g->nodes[b].v);
  if (k == 1)
    return !strcmp(xiS_name(&g->sym, (uint32_t)g->nodes[a].x->p[XI_C_TEXT]),
                   xiS_name(&g->sym, (uint32_t)g->nodes[b].x->p[XI_C_TEXT]));
  const xiG_ext *x = g->nodes[a].x, *y = g->nodes[b].x;
  if (x->nargs != y->nargs)
    return 0;
  for (uint32_t p = 0; p < x->nargs; p++)
    if (!py_equal_item(g, x->args[p], y->args[p]))
      return 0;
  return 1;
}

int xiG_py_less(const xiG_graph *g, uint32_t a, uint32_t b) {
  int k = order_kind(g, a);
  if (k == 1)
    return strcmp(xiS_name(&g->sym, (uint32_t)g->nodes[a].x->p[XI_C_TEXT]),
                  xiS_name(&g->sym, (uint32_t)g->nodes[b].x->p[XI_C_TEXT])) < 0;
  if (k >= 2) { /* a sequence: by its first item that differs, else the shorter first */
    const xiG_ext *x = g->nodes[a].x, *y = g->nodes[b].x;
    for (uint32_t p = 0; p < x->nargs && p < y->nargs; p++)
      if (!py_equal_item(g, x->args[p], y->args[p]))
        return xiG_py_less(g, x->args[p], y->args[p]);
    return x->nargs < y->nargs;
  }
  return mpfr_less_p(g->nodes[a].v, g->nodes[b].v);
}

/* can item a be ordered against rep, the template of its place: the same kind, and a
   sequence nested in a sequence (depth > 0) of rep's length, item by item (a template
   that any two keys are checked against alike: what xi accepts, Python orders, whichever
   pairs its sort happens to compare) */
static int orderable(const xiG_graph *g, uint32_t a, uint32_t rep, int depth) {
  int k = order_kind(g, a);
  if (k < 0 || k != order_kind(g, rep) || depth > 8)
    return 0;
  if (k < 2)
    return 1;
  const xiG_ext *x = g->nodes[a].x, *y = g->nodes[rep].x;
  if (depth > 0 && x->nargs != y->nargs)
    return 0;
  for (uint32_t p = 0; p < x->nargs && p < y->nargs; p++)
    if (!orderable(g, x->args[p], y->args[p], depth + 1))
      return 0;
  return 1;
}

int xiG_py_orderable(const xiG_graph *g, const uint32_t *keys, uint32_t n, const char *what,
                     int keyed, xi_pos pos, xi_err *err) {
  if (n == 0)
    return 0;
  int k0 = order_kind(g, keys[0]);
  uint32_t longest = 0; /* top level: each place's template is the longest key's item */
  for (uint32_t k = 0; k < n && k0 >= 2; k++)
    if (order_kind(g, keys[k]) == k0 && g->nodes[keys[k]].x->nargs >
                                            g->nodes[keys[longest]].x->nargs)
      longest = k;
  for (uint32_t k = 0; k < n; k++) {
    if (k0 >= 0 && orderable(g, keys[k], keys[longest], 0))
      continue;
    int kk = order_kind(g, keys[k]);
    char what_not[96];
    if (xiG_is_dtype(g, keys[k]) || xiG_is_dtype(g, keys[0]))
      return xiX_fail(err, pos, "%s() of dtypes (NumPy's order of safe casts) is not part of xi%s",
                      what, keyed ? " (from key=)" : "");
    if (k0 < 0 || kk < 0)
      snprintf(what_not, sizeof what_not, "a %s", xiG_type_of(g, keys[k0 < 0 ? 0 : k]));
    else if (kk != k0)
      snprintf(what_not, sizeof what_not, "%s and %s together", xiG_type_of(g, keys[k]),
               xiG_type_of(g, keys[0]));
    else
      snprintf(what_not, sizeof what_not, "%ss whose items differ in kind in one place, or "
                                          "hold None, an array or a dict", xiG_type_of(g, keys[k]));
    return xiX_fail(err, pos, "%s() orders numbers, strings, or lists or tuples of them alike, "
                              "place by place: not %s%s (Python's TypeError where its sort "
                              "compares them)", what, what_not, keyed ? ", from key=" : "");
  }
  return 0;
}

int xiG_sort_keyed(xiG_graph *g, uint32_t *items, const uint32_t *keys, uint32_t n, int reverse,
                   xi_pos pos, xi_err *err) {
  const uint32_t *key = keys ? keys : items;
  if (xiG_py_orderable(g, key, n, "sorted", keys != NULL, pos, err))
    return -1;
  uint32_t *at = malloc((n ? n : 1) * 2 * sizeof *at), *tmp = at + n; /* a merge sort of
                                                   the places: stable, n log n */
  if (!at)
    return xiG_oom(g, pos, err);
  for (uint32_t k = 0; k < n; k++)
    at[k] = k;
  for (uint32_t w = 1; w < n; w *= 2) {
    if ((g->interrupt && *g->interrupt)) {
      free(at);
      return xiX_fail(err, pos, "interrupted");
    }
    for (uint32_t lo = 0; lo < n; lo += 2 * w) {
      uint32_t mid = lo + w < n ? lo + w : n, hi = lo + 2 * w < n ? lo + 2 * w : n;
      uint32_t a = lo, b = mid, k = lo;
      while (a < mid || b < hi) /* a later one goes first only when it is less (greater,
                                   reversed: Python's reverse keeps equals in order) */
        tmp[k++] = b < hi && (a >= mid || (reverse ? xiG_py_less(g, key[at[a]], key[at[b]])
                                                   : xiG_py_less(g, key[at[b]], key[at[a]])))
                       ? at[b++] : at[a++];
    }
    memcpy(at, tmp, n * sizeof *at);
  }
  for (uint32_t k = 0; k < n; k++) /* (tmp is free now: the items in their new order) */
    tmp[k] = items[at[k]];
  memcpy(items, tmp, n * sizeof *items);
  free(at);
  return 0;
}

int xiG_set_convert(xiG_graph *g, int kind, uint32_t c, xi_pos pos, uint32_t *out,
                    xi_err *err) {
  const xiG_ext *x = g->nodes[c].x;
  uint32_t n = x->nargs;
  if (kind != XI_C_LIST && kind >= 0) /* tuple(s), dict(s): an order Python's would show */
    return xiG_unordered(g, c, pos, err);
  uint32_t *items = malloc((n ? n : 1) * sizeof *items);
  if (!items)
    return xiG_oom(g, pos, err);
  memcpy(items, x->args, n * sizeof *items);
  int rc = kind < 0 ? xiG_sort_keyed(g, items, NULL, n, 0, pos, err) : 0;
  if (rc == 0)
    rc = xiG_container(g, kind < 0 ? XI_C_LIST : XI_C_ULIST, items, n, pos, out, err);
  free(items);
  return rc;
}

/* xs.sort(): the pair (xs, xs sorted), which every holder of xs takes (S_MUTATE); an
   array's a.sort() too, sorted along its last axis as np.sort sorts it */
static int list_sort(xiG_graph *g, uint32_t c, xi_pos pos, uint32_t *out, xi_err *err) {
  int kind = xiG_kind(g, c);
  uint32_t pair[2] = {c, XI_NONE};
  if (kind < 0 && xiG_is_tensor(&g->nodes[c])) { /* NumPy's a.sort(): np.sort(a), in place */
    uint32_t s[8] = {c, XI_NONE, XI_NONE, XI_NONE, XI_NONE, XI_NONE, XI_NONE, XI_NONE};
    return xiG_npaxis(g, XI_NP_SORT, s, pos, &pair[1], err) ||
           xiG_container(g, XI_C_TUPLE, pair, 2, pos, out, err);
  }
  if (kind != XI_C_LIST && kind != XI_C_ULIST)
    return xiX_fail(err, pos, "'%s' object has no attribute 'sort' (a list has it; sorted(x) "
                              "makes a sorted list of anything walked)", xiG_type_of(g, c));
  if (xiG_set_convert(g, -1, c, pos, &pair[1], err))
    return -1;
  return xiG_container(g, XI_C_TUPLE, pair, 2, pos, out, err);
}

int xiG_py_call_set(xiG_graph *g, int which, const uint32_t *args, uint32_t n, xi_pos pos,
                    uint32_t *out, xi_err *err) {
  switch (which) {
  case XI_PY_SET:
    return make_set(g, args, n, pos, out, err);
  case XI_PY_SORT:
    return list_sort(g, args[0], pos, out, err);
  case XI_PY_JOIN:
    return str_join(g, args[0], args[1], pos, out, err);
  case XI_PY_ITERNEXT: /* (nditer.c) */
    return xiG_nditer_next(g, args[0], pos, out, err);
  case XI_PY_RSEED: /* (pyrandom.c) */
  case XI_PY_RANDRANGE:
  case XI_PY_RANDINT:
  case XI_PY_RRANDOM:
  case XI_PY_UNIFORM:
  case XI_PY_CHOICE:
  case XI_PY_SHUFFLE:
  case XI_PY_NPSHUFFLE:
  case XI_PY_GAUSS:
  case XI_PY_NORMALVARIATE:
  case XI_PY_SAMPLE:
  case XI_PY_NPSEED:
    return xiG_py_random(g, which, args, n, pos, out, err);
  case XI_PY_DEFAULT_RNG: /* (npgen.c) */
    return xiG_default_rng(g, args, n, pos, out, err);
  case XI_PY_UPPER:
  case XI_PY_LOWER:
  case XI_PY_STRIP:
  case XI_PY_LSTRIP:
  case XI_PY_RSTRIP:
  case XI_PY_SPLIT:
  case XI_PY_STARTSWITH:
  case XI_PY_ENDSWITH:
  case XI_PY_REPLACE:
    return xiG_str_method(g, which, args, n, pos, out, err);
  case XI_PY_STR: /* (pystrtmpl.c) */
  case XI_PY_REPR:
    return xiG_py_strcall(g, which == XI_PY_REPR, args, n, pos, out, err);
  case XI_PY_FORMAT:
  case XI_PY_FIELD:
    return xiG_py_strformat(g, which == XI_PY_FIELD, args, n, pos, out, err);
  default: /* all, any, bool, a list's count, insert, remove, pop (pybuiltin.c) */
    return xiG_py_builtin(g, which, args, n, pos, out, err);
  }
}

int xiG_unordered_among(const xiG_graph *g, uint32_t a, uint32_t b, xi_pos pos, xi_err *err) {
  int ka = xiG_kind(g, a), kb = xiG_kind(g, b);
  if (ka == XI_C_SET || ka == XI_C_ULIST)
    return xiG_unordered(g, a, pos, err);
  if (kb == XI_C_SET || kb == XI_C_ULIST)
    return xiG_unordered(g, b, pos, err);
  return 0;
}

int xiG_set_equal(xiG_graph *g, uint32_t a, uint32_t b, xi_pos pos, int *equal, xi_err *err) {
  *equal = g->nodes[a].x->nargs == g->nodes[b].x->nargs; /* (each holds its items once) */
  for (uint32_t k = 0; k < g->nodes[a].x->nargs && *equal; k++)
    if (xiG_unordered_has(g, b, g->nodes[a].x->args[k], pos, equal, err))
      return -1;
  return 0;
}
