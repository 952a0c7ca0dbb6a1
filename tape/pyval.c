/* pyval.c: Python's values that are not numbers, as pasted code uses them:
 * tuples, lists, dicts, strings, a dict's views, enumerate, zip and range
 * (graph.h says how they are held).  Here they are made and read: an item, a
 * slice, a walk (for loops, comprehensions, list(...)), np.array(list),
 * Python's sum, min and max, and the operators Python gives lists (+ joins,
 * * repeats).  Changing them in place is pymut.c's.
 *
 * An item keeps its graph: losses[-1] is the very node that was appended, so
 * trace and grad read it as they read the name it came from. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tape/graph.h"
#include "tape/pyval_int.h"

static const char *const kind_names[] = {"tuple",      "list",      "dict",
                                         "str",        "dict_keys", "dict_values",
                                         "dict_items", "enumerate", "zip",
                                         "range",      "object",    "NoneType",
                                         "set",        "list",      "numpy.nditer", "function",
                                         "numpy.random._generator.Generator"};

const char *xiG_kind_name(int kind) {
  return kind >= 0 && kind <= XI_C_GEN ? kind_names[kind] : "number";
}

/* what a value is, as Python's messages name its type */
const char *xiG_type_of(const xiG_graph *g, uint32_t i) {
  int k = xiG_kind(g, i);
  if (k == XI_C_OBJ) /* its class's name, as Python's messages give it */
    return xiG_class_of(g, i);
  if (xiG_is_dtype(g, i)) { /* x.dtype: numpy.dtype[float64], by its name (pytype.c) */
    const char *t = xiG_dtype_type(xiS_name(&g->sym, (uint32_t)g->nodes[i].x->p[XI_C_TEXT]));
    return t ? t : "numpy.dtype";
  }
  if (k >= 0)
    return xiG_kind_name(k);
  if (xiG_is_tensor(&g->nodes[i]))
    return "numpy.ndarray";
  int dt = xiG_dtype_of_flags(g->nodes[i].flags);
  return dt == XI_DT_INT ? "int" : dt == XI_DT_UINT8 ? "numpy.uint8" : dt == XI_DT_BOOL ? "bool"
                                                                                  : "float";
}

/* an item that a change in place may reach: an array, a list, a dict, an
   np.nditer (it.iternext() moves it: nditer.c), a micrograd Value or a tensor that keeps a .grad (autograd.c: p.data -= ...),
   or a container holding one (XI_F_NESTED) */
static int reachable(const xiG_graph *g, uint32_t i) {
  int k = xiG_kind(g, i);
  if (k < 0)
    return xiG_is_tensor(&g->nodes[i]) || xiG_ag_keeps(g, i);
  return k == XI_C_LIST || k == XI_C_DICT || k == XI_C_NDITER ||
         (g->nodes[i].flags & XI_F_NESTED);
}

/* a block for cap items, the first n of them items */
static uint32_t *block(const uint32_t *items, uint32_t n, uint32_t cap) {
  xiG_items *it = malloc(sizeof *it + (cap ? cap : 1) * sizeof *it->item);
  if (!it)
    return NULL;
  it->cap = cap, it->used = n, it->refs = 1, it->stamp = 0;
  if (n)
    memcpy(it->item, items, n * sizeof *items);
  return it->item;
}

void xiG_items_release(uint32_t *args) {
  xiG_items *it = xiG_items_of(args);
  if (--it->refs == 0)
    free(it);
}

/* a container node of kind on args (a block, which it now holds), its first
   n the items; depth and nested as xiG_container works them out */
static int node_of(xiG_graph *g, int kind, uint32_t *args, uint32_t n, int32_t depth,
                   int nested, xi_pos pos, uint32_t *out, xi_err *err) {
  if (depth >= XI_C_NEST) {
    xiG_items_release(args);
    return xiX_fail(err, pos, "containers nested more than %d deep", XI_C_NEST);
  }
  uint32_t i = xiG_append(g, XI_TUPLE, n ? args[0] : XI_NONE, XI_NONE, pos);
  int32_t p[XI_NPARAMS] = {kind, 0, depth + 1, 0, 0};
  if (i == XI_NONE || xiG_shape_node(g, i, (xi_shape){0, 1, 1}, p)) {
    xiG_items_release(args);
    if (i != XI_NONE)
      xiG_truncate(g, i);
    return xiG_oom(g, pos, err);
  }
  g->nodes[i].x->args = args;
  g->nodes[i].x->nargs = n;
  g->nodes[i].flags = nested ? XI_F_NESTED : 0;
  mpfr_set_zero(g->nodes[i].v, 1);
  *out = i;
  return 0;
}

static int32_t depth_of(const xiG_graph *g, uint32_t i) {
  return xiG_kind(g, i) >= 0 ? g->nodes[i].x->p[XI_C_DEPTH] : 0;
}

int xiG_container(xiG_graph *g, int kind, const uint32_t *items, uint32_t n, xi_pos pos,
                  uint32_t *out, xi_err *err) {
  int32_t depth = 0;
  int nested = 0;
  for (uint32_t k = 0; k < n; k++) {
    depth = depth_of(g, items[k]) > depth ? depth_of(g, items[k]) : depth;
    nested |= reachable(g, items[k]);
  }
  uint32_t *args = block(items, n, n);
  if (!args)
    return xiG_oom(g, pos, err);
  return node_of(g, kind, args, n, depth, nested, pos, out, err);
}

int xiG_list_grown(xiG_graph *g, uint32_t c, uint32_t v, xi_pos pos, uint32_t *out,
                   xi_err *err) {
  const xiG_node *l = &g->nodes[c];
  uint32_t n = l->x->nargs, *args = l->x->args;
  xiG_items *it = xiG_items_of(args);
  int32_t depth = l->x->p[XI_C_DEPTH] - 1;
  depth = depth_of(g, v) > depth ? depth_of(g, v) : depth;
  int nested = (l->flags & XI_F_NESTED) || reachable(g, v);
  if (it->used == n && it->cap > n) { /* no list has grown from this one yet: share */
    it->item[n] = v;
    it->used++, it->refs++;
  } else {
    uint64_t cap = 2 * (uint64_t)n + 4;
    if (cap > XI_MAX_ELEMENTS)
      cap = n + 1;
    if (n + 1 > XI_MAX_ELEMENTS)
      return xiX_fail(err, pos, "a list of more than %u items", XI_MAX_ELEMENTS);
    if (!(args = block(args, n, (uint32_t)cap)))
      return xiG_oom(g, pos, err);
    args[n] = v;
    xiG_items_of(args)->used = n + 1;
  }
  return node_of(g, XI_C_LIST, args, n + 1, depth, nested, pos, out, err);
}

int xiG_tuple(xiG_graph *g, const uint32_t *items, uint32_t n, xi_pos pos, uint32_t *out,
              xi_err *err) {
  return xiG_container(g, XI_C_TUPLE, items, n, pos, out, err);
}

int xiG_string(xiG_graph *g, uint32_t text, xi_pos pos, uint32_t *out, xi_err *err) {
  if (xiG_container(g, XI_C_STR, NULL, 0, pos, out, err))
    return -1;
  g->nodes[*out].x->p[XI_C_TEXT] = (int32_t)text;
  return 0;
}

int xiG_str_op(xiG_graph *g, int op, uint32_t a, uint32_t b, xi_pos pos, uint32_t *out,
               xi_err *err) {
  int ka = xiG_kind(g, a), kb = xiG_kind(g, b);
  uint32_t s = ka == XI_C_STR ? a : b, times = s == a ? b : a;
  int kt = xiG_kind(g, times);
  if (!(op == XI_ADD && ka == XI_C_STR && kb == XI_C_STR) &&
      !(op == XI_MUL && (ka == XI_C_STR) != (kb == XI_C_STR) && kt < 0))
    return 1;
  if (xiG_py_no_exc(g, a, b, 0, pos, err)) /* e + "x": e is an exception (pytype.c) */
    return -1;
  const char *t = xiS_name(&g->sym, (uint32_t)g->nodes[s].x->p[XI_C_TEXT]);
  size_t n = strlen(t), m = 0;
  int32_t k = 1;
  if (op == XI_MUL) { /* "-" * 40: an int (or a bool) times, none for k <= 0 */
    if (xiG_is_tensor(&g->nodes[times]) || xiG_dtype_of_flags(g->nodes[times].flags) == XI_DT_FLOAT)
      return xiX_fail(err, pos, "TypeError: can't multiply sequence by non-int of type '%s'",
                      xiG_is_tensor(&g->nodes[times]) ? "numpy.ndarray" : "float");
    if (xiG_whole(g, times, pos, &k, err))
      return -1;
    m = k > 0 ? (size_t)k * n : 0;
  } else {
    m = n + strlen(xiS_name(&g->sym, (uint32_t)g->nodes[b].x->p[XI_C_TEXT]));
  }
  if (m > XI_MAX_ELEMENTS)
    return xiX_fail(err, pos, "a string of more than %u characters", XI_MAX_ELEMENTS);
  char *text = malloc(m + 1);
  if (!text)
    return xiG_oom(g, pos, err);
  if (op == XI_MUL) {
    for (int32_t i = 0; i < k; i++)
      memcpy(text + (size_t)i * n, t, n);
  } else {
    memcpy(text, t, n);
    memcpy(text + n, xiS_name(&g->sym, (uint32_t)g->nodes[b].x->p[XI_C_TEXT]), m - n);
  }
  uint32_t id = xiS_intern(&g->sym, text, m);
  free(text);
  return id == XI_NONE ? xiG_oom(g, pos, err) : xiG_string(g, id, pos, out, err);
}

/* the message (kept out of xiG_not_number, which every op's operands pass
   through: its usual case stays a few instructions) */
__attribute__((noinline, cold)) static int not_number(const xiG_graph *g, uint32_t i, xi_pos pos,
                                                     const char *what, xi_err *err) {
  switch (xiG_kind(g, i)) {
  case XI_C_TUPLE:
    return xiX_fail(err, pos, "a tuple (%s) is not a number: %s takes a value (a tuple is read "
                              "by unpacking, a, b = t, or by an index, t[0])",
                    g->nodes[i].x->nargs ? "several values" : "empty", what);
  case XI_C_LIST:
    return xiX_fail(err, pos, "a list is not a number: %s takes a value (np.array(xs) makes "
                              "an array of a list, xs[-1] reads its last item)", what);
  case XI_C_DICT:
    return xiX_fail(err, pos, "a dict is not a number: %s takes a value (d['key'] reads one)",
                    what);
  case XI_C_STR:
    return xiX_fail(err, pos, "a string is not a number: %s takes a value", what);
  case XI_C_FUNC:
    return xiX_fail(err, pos, "%s is a function, not a number: %s takes a value (call the "
                              "function, %s(...), for one)", xiG_func_name(g, i), what,
                    xiG_func_name(g, i));
  default:
    return xiX_fail(err, pos, "a %s object is not a number: %s takes a value",
                    xiG_kind_name(xiG_kind(g, i)), what);
  }
}

int xiG_not_number(const xiG_graph *g, uint32_t i, xi_pos pos, const char *what, xi_err *err) {
  return g->nodes[i].op == XI_TUPLE ? not_number(g, i, pos, what, err) : 0;
}

/* ---- reading ---- */

/* a whole number, as Python's index: from an int or a bool, not a float */
int xiG_py_index(xiG_graph *g, uint32_t k, const char *of, xi_pos pos, int32_t *i,
                    xi_err *err) {
  const xiG_node *n = &g->nodes[k];
  if (xiG_kind(g, k) >= 0 || xiG_is_tensor(n) ||
      xiG_dtype_of_flags(n->flags) == XI_DT_FLOAT)
    return xiX_fail(err, pos, "%s indices must be integers, not %s (as in Python)", of,
                    xiG_type_of(g, k));
  return xiG_whole(g, k, pos, i, err);
}

/* Python's equality of two keys (str, numbers, tuples of them); 1, 0, or -1
   for a key Python cannot hash (a list, a dict, an array) */
static int same_key(const xiG_graph *g, uint32_t a, uint32_t b) {
  int ka = xiG_kind(g, a), kb = xiG_kind(g, b);
  if (ka == XI_C_LIST || ka == XI_C_DICT || kb == XI_C_LIST || kb == XI_C_DICT ||
      xiG_is_tensor(&g->nodes[a]) || xiG_is_tensor(&g->nodes[b]))
    return -1;
  if (ka != kb)
    return 0;
  if (ka == XI_C_OBJ) /* an instance of a class of the program's own: by identity, as
                         Python's object.__hash__ and __eq__ */
    return g->nodes[a].x->p[XI_C_ID] == g->nodes[b].x->p[XI_C_ID];
  if (ka == XI_C_STR) /* (x.dtype == 'float64', but their hashes differ: not one key) */
    return g->nodes[a].x->p[XI_C_TEXT] == g->nodes[b].x->p[XI_C_TEXT] &&
           xiG_is_dtype(g, a) == xiG_is_dtype(g, b);
  if (ka < 0) /* 1 == 1.0 == True, as Python's dict keys */
    return mpfr_equal_p(g->nodes[a].v, g->nodes[b].v);
  const xiG_ext *x = g->nodes[a].x, *y = g->nodes[b].x;
  if (ka != XI_C_TUPLE || x->nargs != y->nargs)
    return ka == XI_C_TUPLE ? 0 : -1;
  for (uint32_t k = 0; k < x->nargs; k++) {
    int s = same_key(g, x->args[k], y->args[k]);
    if (s != 1)
      return s;
  }
  return 1;
}

static int unhashable(const xiG_graph *g, uint32_t key) {
  int k = xiG_kind(g, key);
  return k == XI_C_LIST || k == XI_C_DICT || xiG_is_tensor(&g->nodes[key]);
}

/* the slot of key among m keys and values kv (its key at kv[2k]): -1 when
   absent, -2 when Python cannot hash it */
int64_t xiG_find_key(const xiG_graph *g, const uint32_t *kv, uint32_t m, uint32_t key) {
  for (uint32_t k = 0; k + 1 < m; k += 2) {
    int s = same_key(g, kv[k], key);
    if (s)
      return s < 0 ? -2 : (int64_t)k;
  }
  return unhashable(g, key) ? -2 : -1;
}

int64_t xiG_dict_slot(const xiG_graph *g, uint32_t d, uint32_t key) {
  return xiG_find_key(g, g->nodes[d].x->args, g->nodes[d].x->nargs, key);
}

/* a key as Python writes it in a KeyError: 'W3', 3, 0.5 */
static void key_text(const xiG_graph *g, uint32_t key, char *buf, size_t n) {
  if (xiG_kind(g, key) == XI_C_STR)
    snprintf(buf, n, "'%s'", xiS_name(&g->sym, (uint32_t)g->nodes[key].x->p[XI_C_TEXT]));
  else if (xiG_kind(g, key) < 0 && !xiG_is_tensor(&g->nodes[key]))
    mpfr_snprintf(buf, n, xiG_dtype_of_flags(g->nodes[key].flags) == XI_DT_FLOAT ? "%.17Rg"
                                                                                : "%.0Rf",
                  g->nodes[key].v);
  else
    snprintf(buf, n, "this %s", xiG_type_of(g, key));
}

int xiG_key_error(const xiG_graph *g, uint32_t d, uint32_t key, int64_t slot, xi_pos pos,
                     xi_err *err) {
  char k[80];
  key_text(g, key, k, sizeof k);
  if (slot == -2)
    return xiX_fail(err, pos, "a %s cannot be a dict's key (unhashable type, as Python says): "
                              "keys are strings, numbers or tuples of them", xiG_type_of(g, key));
  const xiG_ext *x = g->nodes[d].x;
  char keys[160] = "";
  size_t len = 0;
  for (uint32_t q = 0; q + 1 < x->nargs && len + 40 < sizeof keys; q += 2) {
    char t[80];
    key_text(g, x->args[q], t, sizeof t);
    len += (size_t)snprintf(keys + len, sizeof keys - len, "%s%s", q ? ", " : "", t);
  }
  if (x->nargs && len + 40 >= sizeof keys)
    snprintf(keys + len, sizeof keys - len, ", ...");
  return xiX_fail(err, pos, "KeyError: %s (the dict's keys are %s)", k, x->nargs ? keys : "none: it is empty");
}

/* a range's three numbers, and its length */
int xiG_range_of(xiG_graph *g, uint32_t r, int64_t v[3], uint32_t *len, xi_pos pos,
                    xi_err *err) {
  const xiG_ext *x = g->nodes[r].x;
  for (int q = 0; q < 3; q++) {
    int32_t w;
    if (xiG_whole(g, x->args[q], pos, &w, err))
      return -1;
    v[q] = w;
  }
  int64_t n = v[2] > 0 ? (v[1] - v[0] + v[2] - 1) / v[2] : (v[0] - v[1] - v[2] - 1) / -v[2];
  *len = n > 0 ? (uint32_t)n : 0;
  return 0;
}

int xiG_item(xiG_graph *g, uint32_t c, uint32_t key, xi_pos pos, uint32_t *out, xi_err *err) {
  int kind = xiG_kind(g, c);
  const xiG_ext *x = g->nodes[c].x;
  if (kind == XI_C_DICT) {
    int64_t s = xiG_dict_slot(g, c, key);
    if (s < 0)
      return xiG_key_error(g, c, key, s, pos, err);
    *out = x->args[s + 1];
    return 0;
  }
  if (xiG_is_dtype(g, c))
    return xiX_fail(err, pos, "indexing x.dtype (its fields: NumPy's KeyError, there are none in "
                              "%s) is not part of xi", xiG_type_of(g, c));
  if (kind == XI_C_STR)
    return xiG_str_item(g, c, key, pos, out, err);
  if (kind == XI_C_SET || kind == XI_C_ULIST)
    return xiG_unordered(g, c, pos, err);
  if (kind == XI_C_GEN)
    return xiX_fail(err, pos, "'%s' object is not subscriptable (TypeError): draw from it, "
                              "rng.random(n)[i]", xiG_kind_name(kind));
  if (kind != XI_C_TUPLE && kind != XI_C_LIST && kind != XI_C_RANGE)
    return xiX_fail(err, pos, "a %s object cannot be indexed (in Python either): list(...) of "
                              "it can", xiG_kind_name(kind));
  int32_t i;
  if (xiG_py_index(g, key, xiG_kind_name(kind), pos, &i, err))
    return -1;
  int64_t v[3];
  uint32_t n = x->nargs;
  if (kind == XI_C_RANGE && xiG_range_of(g, c, v, &n, pos, err))
    return -1;
  if (i < -(int64_t)n || i >= (int64_t)n)
    return xiX_fail(err, pos, "index %d is out of range for a %s of %u (IndexError)", i,
                    xiG_kind_name(kind), n);
  int64_t at = i < 0 ? i + (int64_t)n : i;
  if (kind == XI_C_RANGE)
    return xiG_number_at(g, v[0] + at * v[2], pos, out, err);
  *out = x->args[at];
  return 0;
}

/* a slice's bound as Python's PySlice_AdjustIndices clamps it */
static int64_t adjust(int64_t i, int64_t n, int64_t step) {
  if (i < 0) {
    i += n;
    if (i < 0)
      i = step < 0 ? -1 : 0;
  } else if (i >= n) {
    i = step < 0 ? n - 1 : n;
  }
  return i;
}

int xiG_slice_bounds(xiG_graph *g, const uint32_t *bounds, int64_t n, xi_pos pos, int64_t *lo,
                     int64_t *hi, int64_t *step, xi_err *err) {
  int64_t b[3] = {0, 0, 1};
  int given[3];
  for (int q = 0; q < 3; q++) {
    given[q] = bounds[q] != XI_NONE;
    int32_t v;
    if (given[q] && xiG_py_index(g, bounds[q], "slice", pos, &v, err))
      return -1;
    if (given[q])
      b[q] = v;
  }
  if (b[2] == 0)
    return xiX_fail(err, pos, "slice step cannot be zero (ValueError)");
  *step = b[2];
  *lo = given[0] ? adjust(b[0], n, *step) : *step < 0 ? n - 1 : 0;
  *hi = given[1] ? adjust(b[1], n, *step) : *step < 0 ? -1 : n;
  return 0;
}

int xiG_slice(xiG_graph *g, uint32_t c, const uint32_t *bounds, xi_pos pos, uint32_t *out,
              xi_err *err) {
  int kind = xiG_kind(g, c);
  if (xiG_is_dtype(g, c))
    return xiX_fail(err, pos, "slicing x.dtype is not part of xi (it is not a str)");
  if (kind == XI_C_STR)
    return xiG_str_slice(g, c, bounds, pos, out, err);
  if (kind == XI_C_SET || kind == XI_C_ULIST)
    return xiG_unordered(g, c, pos, err);
  if (kind != XI_C_LIST && kind != XI_C_TUPLE)
    return xiX_fail(err, pos, "a slice of a %s is not part of xi", xiG_kind_name(kind));
  const xiG_ext *x = g->nodes[c].x;
  int64_t lo, hi, step;
  if (xiG_slice_bounds(g, bounds, x->nargs, pos, &lo, &hi, &step, err))
    return -1;
  uint32_t *items = malloc((x->nargs ? x->nargs : 1) * sizeof *items), m = 0;
  if (!items)
    return xiG_oom(g, pos, err);
  for (int64_t i = lo; step > 0 ? i < hi : i > hi; i += step)
    items[m++] = g->nodes[c].x->args[i];
  int rc = xiG_container(g, kind, items, m, pos, out, err);
  free(items);
  return rc;
}


int xiG_unpackable(xiG_graph *g, uint32_t t, uint32_t n, xi_pos pos, uint32_t *out,
                   xi_err *err) {
  uint32_t m;
  int kind = xiG_kind(g, t);
  if ((kind < 0 && !xiG_is_tensor(&g->nodes[t])) || kind == XI_C_OBJ || kind == XI_C_NONE)
    return xiX_fail(err, pos, "cannot unpack non-iterable %s object (TypeError): a, b = t takes "
                              "a tuple, a list or an array", xiG_type_of(g, t));
  if (xiG_walk_len(g, t, pos, &m, err))
    return -1;
  if (m != n)
    return xiX_fail(err, pos, "%s values to unpack (expected %u, got %u) (ValueError)",
                    m > n ? "too many" : "not enough", n, m);
  if (kind == XI_C_TUPLE || kind == XI_C_LIST) { /* (a range, a dict: their own items) */
    *out = t;
    return 0;
  }
  uint32_t *items = malloc((n ? n : 1) * sizeof *items);
  if (!items)
    return xiG_oom(g, pos, err);
  int rc = 0;
  for (uint32_t k = 0; k < n && rc == 0; k++)
    rc = xiG_walk_item(g, t, k, pos, &items[k], err);
  if (rc == 0)
    rc = xiG_tuple(g, items, n, pos, out, err);
  free(items);
  return rc;
}

int xiG_targets(xiG_graph *g, uint32_t item, uint32_t n, const uint8_t *slot, uint32_t nslots,
                xi_pos pos, uint32_t *vals, xi_err *err) {
  uint32_t top = nslots ? nslots : n, t;
  if (xiG_unpackable(g, item, top, pos, &t, err))
    return -1;
  for (uint32_t k = 0, q = 0; q < top && k < n; q++) {
    uint32_t m = 1, sub = g->nodes[t].x->args[q];
    while (nslots && k + m < n && slot[k + m] == q)
      m++;
    if (m == 1) { /* x, or (x): the place's item whole */
      vals[k++] = sub;
      continue;
    }
    if (xiG_unpackable(g, sub, m, pos, &sub, err))
      return -1;
    for (uint32_t j = 0; j < m; j++)
      vals[k++] = g->nodes[sub].x->args[j];
  }
  return 0;
}
