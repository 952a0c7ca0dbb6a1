/* pywalk.c: walking over Python's containers (graph.h's xiG_walk_len and
 * xiG_walk_item: for loops, comprehensions, list(...)), and what is computed
 * from a whole container: list(), dict(), sorted(), np.array(list), Python's
 * sum, min and max, + and * of lists, ==.  Made and read in pyval.c; the builtins
 * are called by name from pycall.c. */
#include <stdio.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "tape/graph.h"
#include "tape/pyval_int.h"
#include "tape/pystrval.h"

/* ---- walking ---- */

int xiG_walk_len(xiG_graph *g, uint32_t c, xi_pos pos, uint32_t *n, xi_err *err) {
  int kind = xiG_kind(g, c);
  const xiG_node *nd = &g->nodes[c];
  if (kind < 0) {
    if (!xiG_is_tensor(nd))
      return xiX_fail(err, pos, "a %s is not something to walk over ('%s' object is not "
                                "iterable)", xiG_type_of(g, c), xiG_type_of(g, c));
    *n = nd->x->sh.rank == 2 ? nd->x->sh.rows : nd->x->sh.cols;
    return 0;
  }
  const xiG_ext *x = nd->x;
  int64_t v[3];
  switch (kind) {
  case XI_C_TUPLE:
  case XI_C_LIST:
    *n = x->nargs;
    return 0;
  case XI_C_DICT:
    *n = x->nargs / 2;
    return 0;
  case XI_C_KEYS:
  case XI_C_VALUES:
  case XI_C_ITEMS:
    *n = g->nodes[x->args[0]].x->nargs / 2;
    return 0;
  case XI_C_ENUMERATE:
    return xiG_walk_len(g, x->args[0], pos, n, err);
  case XI_C_ZIP:
    *n = UINT32_MAX;
    for (uint32_t q = 0; q < x->nargs; q++) {
      uint32_t m;
      if (xiG_walk_len(g, x->args[q], pos, &m, err))
        return -1;
      *n = m < *n ? m : *n;
    }
    if (!x->nargs)
      *n = 0;
    return 0;
  case XI_C_RANGE:
    return xiG_range_of(g, c, v, n, pos, err);
  case XI_C_STR:
    if (xiG_is_dtype(g, c))
      return xiX_fail(err, pos, "TypeError: '%s' object is not iterable", xiG_type_of(g, c));
    *n = (uint32_t)xiG_str_len(g, c);
    return 0;
  case XI_C_SET:
  case XI_C_ULIST: /* (one item or none: in the one order there is; instances of classes:
                      in the order they were added, xiG_objects_only) */
    *n = x->nargs;
    if (x->nargs <= 1)
      return 0;
    if (!xiG_objects_only(g, c))
      return xiG_unordered(g, c, pos, err);
    if (!g->set_walked) /* (the session's note says so, once: cmd/pytorch.c) */
      g->set_walked = 1, g->set_walked_pos = pos;
    return 0;
  case XI_C_NDITER:
    return xiX_fail(err, pos, "walking an np.nditer (its elements as 0-d arrays) is not part "
                              "of xi: while not it.finished: with x[it.multi_index], or for v "
                              "in x.flatten()");
  default:
    return xiX_fail(err, pos, "'%s' object is not iterable (TypeError)", xiG_type_of(g, c));
  }
}

int xiG_walk_item(xiG_graph *g, uint32_t c, uint32_t k, xi_pos pos, uint32_t *out,
                  xi_err *err) {
  int kind = xiG_kind(g, c);
  if (kind < 0) { /* an array's rows, a vector's elements */
    uint32_t i;
    if (xiG_number_at(g, k, pos, &i, err))
      return -1;
    return xiG_index(g, c, &i, 1, 0, 0, pos, out, err);
  }
  const xiG_ext *x = g->nodes[c].x;
  switch (kind) {
  case XI_C_TUPLE:
  case XI_C_LIST:
    *out = x->args[k];
    return 0;
  case XI_C_DICT:
    *out = x->args[2 * k];
    return 0;
  case XI_C_KEYS:
  case XI_C_VALUES: {
    const xiG_ext *d = g->nodes[x->args[0]].x;
    *out = d->args[2 * k + (kind == XI_C_VALUES)];
    return 0;
  }
  case XI_C_ITEMS: {
    const xiG_ext *d = g->nodes[x->args[0]].x;
    uint32_t pair[2] = {d->args[2 * k], d->args[2 * k + 1]};
    return xiG_tuple(g, pair, 2, pos, out, err);
  }
  case XI_C_ENUMERATE: {
    uint32_t pair[2];
    int32_t start;
    if (xiG_whole(g, x->args[1], pos, &start, err) ||
        xiG_number_at(g, (int64_t)start + k, pos, &pair[0], err) ||
        xiG_walk_item(g, x->args[0], k, pos, &pair[1], err))
      return -1;
    return xiG_tuple(g, pair, 2, pos, out, err);
  }
  case XI_C_ZIP: {
    uint32_t items[16];
    if (x->nargs > 16)
      return xiX_fail(err, pos, "zip of more than 16 things");
    for (uint32_t q = 0; q < x->nargs; q++)
      if (xiG_walk_item(g, x->args[q], k, pos, &items[q], err))
        return -1;
    return xiG_tuple(g, items, x->nargs, pos, out, err);
  }
  case XI_C_RANGE: {
    int64_t v[3];
    uint32_t n;
    return xiG_range_of(g, c, v, &n, pos, err) ? -1 : xiG_number_at(g, v[0] + (int64_t)k * v[2], pos, out, err);
  }
  case XI_C_STR:
    return xiG_str_char(g, c, k, pos, out, err);
  default: /* a set of one item (xiG_walk_len) */
    *out = x->args[k];
    return 0;
  }
}

/* ^C: a long walk gives up */
static int stopped(const xiG_graph *g) { return g->interrupt && *g->interrupt; }

int xiG_walk_all(xiG_graph *g, uint32_t c, xi_pos pos, uint32_t **items, uint32_t *n,
                    xi_err *err) {
  if (xiG_walk_len(g, c, pos, n, err))
    return -1;
  if (*n > XI_MAX_ELEMENTS)
    return xiX_fail(err, pos, "a walk of more than %u items", XI_MAX_ELEMENTS);
  *items = malloc((*n ? *n : 1) * sizeof **items);
  if (!*items)
    return xiG_oom(g, pos, err);
  for (uint32_t k = 0; k < *n; k++)
    if ((stopped(g) && xiX_fail(err, pos, "interrupted")) ||
        xiG_walk_item(g, c, k, pos, &(*items)[k], err)) {
      free(*items);
      *items = NULL;
      return -1;
    }
  return 0;
}

int xiG_convert(xiG_graph *g, int kind, uint32_t c, xi_pos pos, uint32_t *out, xi_err *err) {
  uint32_t *items, n;
  int sorted = kind < 0, ck = xiG_kind(g, c);
  if (ck == XI_C_SET || ck == XI_C_ULIST) /* sorted(s), list(s): their items in no order */
    return xiG_set_convert(g, kind, c, pos, out, err);
  if (xiG_walk_all(g, c, pos, &items, &n, err))
    return -1;
  int rc = sorted ? xiG_sort_keyed(g, items, NULL, n, 0, pos, err) : 0;
  if (rc == 0 && kind == XI_C_DICT) { /* dict(pairs): each a (key, value) */
    uint32_t *kv = malloc((2 * n + 1) * sizeof *kv), m = 0;
    for (uint32_t k = 0; kv && k < n && rc == 0; k++) {
      int ik = xiG_kind(g, items[k]);
      if (stopped(g)) {
        rc = xiX_fail(err, pos, "interrupted");
        break;
      }
      if ((ik != XI_C_TUPLE && ik != XI_C_LIST) || g->nodes[items[k]].x->nargs != 2) {
        rc = xiX_fail(err, pos, "dict(...) takes (key, value) pairs");
        break;
      }
      uint32_t key = g->nodes[items[k]].x->args[0], v = g->nodes[items[k]].x->args[1];
      int64_t s = xiG_find_key(g, kv, m, key);
      if (s == -2)
        rc = xiX_fail(err, pos, "a %s cannot be a dict's key (unhashable, as Python says)",
                      xiG_type_of(g, key));
      else if (s >= 0)
        kv[s + 1] = v; /* a later pair wins, in the first one's place */
      else
        kv[m++] = key, kv[m++] = v;
    }
    rc = rc ? rc : !kv ? xiG_oom(g, pos, err) : xiG_container(g, XI_C_DICT, kv, m, pos, out, err);
    free(kv);
  } else if (rc == 0) {
    rc = xiG_container(g, sorted ? XI_C_LIST : kind, items, n, pos, out, err);
  }
  free(items);
  return rc;
}

int xiG_as_array(xiG_graph *g, uint32_t c, xi_pos pos, uint32_t *out, xi_err *err) {
  int kind = xiG_kind(g, c);
  if (kind < 0)
    return xiG_op(g, XI_ID, c, XI_NONE, NULL, pos, out, err); /* np.array(x) copies */
  if (kind == XI_C_DICT || kind == XI_C_STR || kind == XI_C_KEYS || kind == XI_C_ITEMS)
    return xiX_fail(err, pos, "an array of a %s is not part of xi: arrays hold numbers",
                    xiG_kind_name(kind));
  uint32_t *items, n;
  if (xiG_walk_all(g, c, pos, &items, &n, err))
    return -1;
  int rc = n ? 0 : xiX_fail(err, pos, "an empty array: xi has no empty arrays");
  for (uint32_t k = 0; k < n && rc == 0; k++)
    if (xiG_kind(g, items[k]) == XI_C_STR)
      rc = xiX_fail(err, pos, "an array of strings is not part of xi: arrays hold numbers");
    else if (xiG_kind(g, items[k]) >= 0)
      rc = xiG_as_array(g, items[k], pos, &items[k], err);
  if (rc == 0)
    rc = xiG_list(g, items, n, pos, out, err);
  free(items);
  return rc;
}

/* ---- Python's builtins and operators ---- */

int xiG_py_sum(xiG_graph *g, uint32_t c, uint32_t start, xi_pos pos, uint32_t *out,
               xi_err *err) {
  uint32_t *items, n;
  if (xiG_walk_all(g, c, pos, &items, &n, err))
    return -1;
  /* Python's sum starts from the int 0: 0 + x is x, but for -0.0, which it makes 0.0,
     and a bool, which it makes an int (sum(p == y) counts, as NumPy's bools' + would not);
     sum(xs, start) from start, start + x for each (micrograd's sum(..., self.b), a list's
     sum(rows, [])) */
  uint32_t acc = start != XI_NONE ? start : xiG_number(g, 0, pos);
  int rc = acc == XI_NONE ? xiG_oom(g, pos, err) : 0;
  for (uint32_t k = 0; k < n && rc == 0; k++) {
    int seq = xiG_kind(g, acc) >= 0 || xiG_kind(g, items[k]) >= 0;
    int obj = xiG_kind(g, acc) == XI_C_OBJ || xiG_kind(g, items[k]) == XI_C_OBJ;
    if (obj) { /* 0 + v: the instance's __radd__ (micrograd's Values), acc + v its __add__ */
      rc = xiG_py_op(g, XI_ADD, acc, items[k], pos, &acc, err);
      continue;
    }
    if (!seq || start == XI_NONE)
      rc = xiG_not_number(g, items[k], pos, "sum()", err);
    if (rc == 0 && start == XI_NONE && k == 0 && !mpfr_zero_p(xiG_el(&g->nodes[items[0]], 0)) &&
        !xiG_is_tensor(&g->nodes[items[0]]) &&
        xiG_dtype_of_flags(g->nodes[items[0]].flags) != XI_DT_BOOL)
      acc = items[0];
    else if (rc == 0)
      rc = seq ? xiG_py_op(g, XI_ADD, acc, items[k], pos, &acc, err)
               : xiG_op(g, XI_ADD, acc, items[k], NULL, pos, &acc, err);
  }
  free(items);
  *out = acc;
  return rc;
}

int xiG_py_pick(xiG_graph *g, int max, const uint32_t *items, uint32_t n, xi_pos pos,
                uint32_t *out, xi_err *err) {
  uint32_t *all = NULL;
  const char *name = max ? "max" : "min";
  if (n == 1) { /* max(xs): over its items */
    if (xiG_walk_all(g, items[0], pos, &all, &n, err))
      return -1;
    items = all;
  }
  int rc = n ? 0 : xiX_fail(err, pos, "%s() of an empty sequence (ValueError)", name);
  uint32_t best = n ? items[0] : XI_NONE;
  int seq = 0; /* min(results) of (loss, lr) pairs: Python's order of sequences (pyset.c) */
  for (uint32_t k = 0; k < n; k++)
    seq |= xiG_kind(g, items[k]) == XI_C_TUPLE || xiG_kind(g, items[k]) == XI_C_LIST;
  if (seq && rc == 0) {
    rc = xiG_py_orderable(g, items, n, name, 0, pos, err);
    for (uint32_t k = 1; k < n && rc == 0; k++)
      if (max ? xiG_py_less(g, best, items[k]) : xiG_py_less(g, items[k], best))
        best = items[k]; /* Python's rule: a later one replaces only when greater (less) */
    free(all);
    *out = best;
    return rc;
  }
  for (uint32_t k = 0; k < n && rc == 0; k++) {
    const xiG_node *it = &g->nodes[items[k]];
    int c = xiG_py_strcmp(g, items[k], best); /* min(words): Python's order of strings */
    if (c != INT_MIN)
      best = k && (max ? c > 0 : c < 0) ? items[k] : best;
    else if (xiG_kind(g, items[k]) >= 0 || xiG_count(it) != 1 || xiG_kind(g, best) >= 0)
      rc = xiX_fail(err, pos, "%s() here compares numbers, one at a time: not a %s (np.%s "
                              "takes an array's)", name,
                    xiG_type_of(g, xiG_kind(g, best) >= 0 ? best : items[k]), name);
    else if (k && (max ? mpfr_greater_p(xiG_el((xiG_node *)it, 0), xiG_el(&g->nodes[best], 0))
                       : mpfr_less_p(xiG_el((xiG_node *)it, 0), xiG_el(&g->nodes[best], 0))))
      best = items[k]; /* Python's rule: a later one replaces only when greater (less) */
  }
  free(all);
  *out = best;
  return rc;
}

static int is_seq(const xiG_graph *g, uint32_t i) {
  int k = xiG_kind(g, i);
  return k == XI_C_LIST || k == XI_C_TUPLE;
}

/* c * n: c's items n times over (none for n <= 0) */
static int repeat(xiG_graph *g, uint32_t c, uint32_t times, xi_pos pos, uint32_t *out,
                  xi_err *err) {
  int32_t t;
  if (xiG_py_index(g, times, "a list's repetition", pos, &t, err))
    return -1;
  const xiG_ext *x = g->nodes[c].x;
  uint64_t m = t > 0 ? (uint64_t)t * x->nargs : 0;
  if (m > XI_MAX_ELEMENTS)
    return xiX_fail(err, pos, "a list of more than %u items", XI_MAX_ELEMENTS);
  uint32_t *items = malloc((m ? m : 1) * sizeof *items);
  if (!items)
    return xiG_oom(g, pos, err);
  for (uint64_t k = 0; k < m; k++)
    items[k] = g->nodes[c].x->args[k % x->nargs];
  int rc = xiG_container(g, xiG_kind(g, c), items, (uint32_t)m, pos, out, err);
  free(items);
  return rc;
}

int xiG_py_op(xiG_graph *g, int op, uint32_t a, uint32_t b, xi_pos pos, uint32_t *out,
              xi_err *err) {
  if (xiG_kind(g, a) == XI_C_OBJ || xiG_kind(g, b) == XI_C_OBJ) { /* __add__, __radd__ ... */
    uint32_t ab[2] = {a, b};
    return xiG_dunder(g, op, ab, 2, pos, out, err);
  }
  if (xiG_unordered_among(g, a, b, pos, err))
    return -1;
  int ka = xiG_kind(g, a), kb = xiG_kind(g, b), rs = xiG_str_op(g, op, a, b, pos, out, err);
  if (rs <= 0)
    return rs;
  if ((ka == XI_C_TUPLE && g->nodes[a].x->p[XI_C_TSIZE]) ||
      (kb == XI_C_TUPLE && g->nodes[b].x->p[XI_C_TSIZE]))
    return xiX_fail(err, pos, "an operator on a tensor's x.shape, PyTorch's torch.Size (a "
                              "tuple of its own class, which xi makes only as x.shape), is not "
                              "part of xi: write tuple(x.shape) first");
  if (op == XI_ADD && is_seq(g, a) && ka == kb) {
    const xiG_ext *x = g->nodes[a].x, *y = g->nodes[b].x;
    uint32_t n = x->nargs + y->nargs;
    uint32_t *items = malloc((n ? n : 1) * sizeof *items);
    if (!items)
      return xiG_oom(g, pos, err);
    memcpy(items, x->args, x->nargs * sizeof *items);
    memcpy(items + x->nargs, y->args, y->nargs * sizeof *items);
    int rc = xiG_container(g, ka, items, n, pos, out, err);
    free(items);
    return rc;
  }
  if (op == XI_MUL && (is_seq(g, a) || is_seq(g, b)) && (ka < 0 || kb < 0) &&
      !xiG_is_tensor(&g->nodes[ka < 0 ? a : b]) &&
      xiG_dtype_of_flags(g->nodes[ka < 0 ? a : b].flags) != XI_DT_FLOAT)
    return repeat(g, ka < 0 ? b : a, ka < 0 ? a : b, pos, out, err);
  if ((rs = xiG_py_str_values(g, op, a, b, pos, out, err)) <= 0) /* "W%d" % i, "W" + i */
    return rs;
  const char *sym = op == XI_ADD ? "+" : op == XI_SUB ? "-" : op == XI_MUL ? "*"
                  : op == XI_DIV ? "/" : op == XI_POW ? "**" : NULL;
  uint32_t c = ka >= 0 ? a : b;
  int kc = xiG_kind(g, c);
  if (!sym || (kc != XI_C_LIST && kc != XI_C_TUPLE))
    return xiG_not_number(g, c, pos, sym ? sym : "this operator", err);
  const char *ta = xiG_type_of(g, a), *tb = xiG_type_of(g, b);
  return xiX_fail(err, pos, "%s %s %s: Python's %s has no arithmetic (TypeError%s); for "
                            "numbers make an array: np.array(xs) %s ...",
                  ta, sym, tb, xiG_kind_name(kc),
                  op == XI_ADD ? ", or + joins two lists" : op == XI_MUL ? ", or * by an int "
                                                                           "repeats a list" : "",
                  sym);
}

int xiG_py_equal(xiG_graph *g, uint32_t a, uint32_t b, xi_pos pos, int *equal, xi_err *err) {
  int ka = xiG_kind(g, a), kb = xiG_kind(g, b);
  if (ka == XI_C_SET && kb == XI_C_SET) /* equal whatever their order */
    return xiG_set_equal(g, a, b, pos, equal, err);
  if (xiG_unordered_among(g, a, b, pos, err))
    return -1;
  if (ka != kb || ka < 0) {
    if ((ka < 0 && xiG_is_tensor(&g->nodes[a])) || (kb < 0 && xiG_is_tensor(&g->nodes[b])))
      return xiX_fail(err, pos, "== of an array and a %s is not part of xi",
                      xiG_kind_name(ka < 0 ? kb : ka));
    *equal = ka < 0 && kb < 0 ? mpfr_equal_p(g->nodes[a].v, g->nodes[b].v) : 0;
    return 0;
  }
  if (ka == XI_C_STR) {
    *equal = g->nodes[a].x->p[XI_C_TEXT] == g->nodes[b].x->p[XI_C_TEXT];
    return 0;
  }
  if (ka == XI_C_OBJ) { /* (no __eq__ in xi: Python's object.__eq__, identity) */
    *equal = g->nodes[a].x->p[XI_C_ID] == g->nodes[b].x->p[XI_C_ID];
    return 0;
  }
  if (ka != XI_C_LIST && ka != XI_C_TUPLE && ka != XI_C_DICT)
    return xiX_fail(err, pos, "== of %s objects is not part of xi", xiG_kind_name(ka));
  const xiG_ext *x = g->nodes[a].x, *y = g->nodes[b].x;
  *equal = x->nargs == y->nargs;
  for (uint32_t k = 0; k < x->nargs && *equal; k++) {
    uint32_t other = y->args[k];
    if (ka == XI_C_DICT) { /* dicts are equal whatever the order of their keys */
      int64_t s = xiG_dict_slot(g, b, x->args[k - k % 2]);
      if (s < 0) {
        *equal = 0;
        break;
      }
      other = y->args[s + k % 2];
    }
    if (xiG_py_equal(g, x->args[k], other, pos, equal, err))
      return -1;
  }
  return 0;
}

int xiG_dict(xiG_graph *g, const uint32_t *kv, uint32_t n, xi_pos pos, uint32_t *out,
             xi_err *err) {
  uint32_t *d = malloc((n ? n : 1) * sizeof *d), m = 0;
  if (!d)
    return xiG_oom(g, pos, err);
  int rc = 0;
  for (uint32_t k = 0; k + 1 < n && rc == 0; k += 2) {
    if (stopped(g)) {
      rc = xiX_fail(err, pos, "interrupted");
      break;
    }
    int64_t s = xiG_find_key(g, d, m, kv[k]);
    if (s == -2)
      rc = xiX_fail(err, pos, "a %s cannot be a dict's key (unhashable, as Python says): keys "
                              "are strings, numbers or tuples of them", xiG_type_of(g, kv[k]));
    else if (s >= 0)
      d[s + 1] = kv[k + 1];
    else
      d[m++] = kv[k], d[m++] = kv[k + 1];
  }
  if (rc == 0)
    rc = xiG_container(g, XI_C_DICT, d, m, pos, out, err);
  free(d);
  return rc;
}
