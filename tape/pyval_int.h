/* pyval_int.h: internal to the tape's files on Python's containers (pyval.c,
 * pywalk.c, pymut.c): what they share.  The rest of xi sees graph.h. */
#ifndef XI_PYVAL_INT_H
#define XI_PYVAL_INT_H

#include "tape/graph.h"

/* what a value is, as Python's messages name its type: "list", "float", "numpy.ndarray" */
const char *xiG_type_of(const xiG_graph *g, uint32_t i);
/* "numpy.dtype[float64]" for a dtype's name xi's x.dtype gives ("float64", "int64",
   "bool", "uint8", "float32", "float16"); NULL for any other text (pytype.c) */
const char *xiG_dtype_type(const char *name);
/* node k as an index, as Python takes one: an int or a bool, not a float (of: "list") */
int xiG_py_index(xiG_graph *g, uint32_t k, const char *of, xi_pos pos, int32_t *i,
                 xi_err *err);
/* the slot of key among m keys and values kv (its key at kv[2k]): -1 when
   absent, -2 when Python cannot hash it; xiG_dict_slot: in dict d */
int64_t xiG_find_key(const xiG_graph *g, const uint32_t *kv, uint32_t m, uint32_t key);
int64_t xiG_dict_slot(const xiG_graph *g, uint32_t d, uint32_t key);
/* the message for key, not in dict d (slot -1) or unhashable (slot -2) */
int xiG_key_error(const xiG_graph *g, uint32_t d, uint32_t key, int64_t slot, xi_pos pos,
                  xi_err *err);
/* range r's start, stop and step, and its length */
int xiG_range_of(xiG_graph *g, uint32_t r, int64_t v[3], uint32_t *len, xi_pos pos,
                 xi_err *err);

/* "a" + "b" and "ab" * 3 (3 * "ab"): a new string; 1 when a and b are not that
   (pyval.c) */
int xiG_str_op(xiG_graph *g, int op, uint32_t a, uint32_t b, xi_pos pos, uint32_t *out,
               xi_err *err);

/* the list c with v after its items, sharing c's block when it can (graph.h) */
int xiG_list_grown(xiG_graph *g, uint32_t c, uint32_t v, xi_pos pos, uint32_t *out,
                   xi_err *err);

/* a leaf holding node i's value (an update step's when update: no history) */
int xiG_leaf_of(xiG_graph *g, uint32_t i, int update, xi_pos pos, uint32_t *out,
                xi_err *err);

/* n is a variable, whose change in place is an update step (a new leaf, as W
   -= ... at the prompt makes): a leaf that a name held before the statement
   running, or that an update step made.  A leaf a def made in this statement
   (s = np.zeros(2); s += x) changes as a value computed from it, keeping the
   graph, as any value made in the def does */
static inline int xiG_from_before(const xiG_graph *g, uint32_t n) {
  return g->nodes[n].op == XI_LEAF &&
         ((g->nodes[n].flags & XI_F_UPDATE) || (n < g->mark && g->mark <= g->n));
}

/* (inplace.c) old op= v's result r, an array's change in place: it keeps the
   array's shape and dtype, as NumPy's in-place operator does, or the error
   (name: the name changed, for the message; NULL: "the array") */
int xiG_inplace_fits(xiG_graph *g, uint32_t old, uint32_t r, int op, const char *name,
                     xi_pos pos, xi_err *err);
/* (inplace.c) the operator of op= by its op: "+" for XI_ADD, "**", "&", "<<" ... */
const char *xiG_inplace_sign(int op);

/* a slice's bounds over n items as Python's PySlice_AdjustIndices makes them (pyval.c) */
int xiG_slice_bounds(xiG_graph *g, const uint32_t *bounds, int64_t n, xi_pos pos, int64_t *lo,
                     int64_t *hi, int64_t *step, xi_err *err);
/* items sorted by their keys (keys NULL: by themselves), numbers or strings in
   Python's order, stably; reverse as Python's reverse=True (pyset.c) */
int xiG_sort_keyed(xiG_graph *g, uint32_t *items, const uint32_t *keys, uint32_t n, int reverse,
                   xi_pos pos, xi_err *err);
/* a < b: numbers by value, strings by text, lists and tuples item by item, as
   Python orders them (pyset.c); for keys that xiG_py_orderable accepted */
int xiG_py_less(const xiG_graph *g, uint32_t a, uint32_t b);
/* the error when keys are not all numbers, all strings, or all lists (tuples) whose
   items are ordered alike place by place (what: sorted, min, max; keyed: they came
   from key=) */
int xiG_py_orderable(const xiG_graph *g, const uint32_t *keys, uint32_t n, const char *what,
                     int keyed, xi_pos pos, xi_err *err);
/* every item a walk over c takes, into a malloc'd array (pywalk.c) */
int xiG_walk_all(xiG_graph *g, uint32_t c, xi_pos pos, uint32_t **items, uint32_t *n,
                 xi_err *err);

/* pyset.c: a string's characters, sets, xs.sort(), sep.join(xs) */
/* the message for what would read a set's order (a set, or list(a set)) */
int xiG_unordered(const xiG_graph *g, uint32_t c, xi_pos pos, xi_err *err);
/* the message when a or b is a set or list(a set), where an operation reads their order */
int xiG_unordered_among(const xiG_graph *g, uint32_t a, uint32_t b, xi_pos pos, xi_err *err);
/* == of two sets */
int xiG_set_equal(xiG_graph *g, uint32_t a, uint32_t b, xi_pos pos, int *equal, xi_err *err);
/* x among a set's items (or list(a set)'s), by == */
int xiG_unordered_has(xiG_graph *g, uint32_t c, uint32_t x, xi_pos pos, int *found,
                      xi_err *err);
/* sorted(c) (kind < 0), list(c) of a set or list(a set) */
int xiG_set_convert(xiG_graph *g, int kind, uint32_t c, xi_pos pos, uint32_t *out,
                    xi_err *err);
/* string s's characters as Python counts them, its kth, s[key], s[a:b:k] */
int xiG_str_len(const xiG_graph *g, uint32_t s);
int xiG_str_char(xiG_graph *g, uint32_t s, uint32_t k, xi_pos pos, uint32_t *out, xi_err *err);
int xiG_str_item(xiG_graph *g, uint32_t s, uint32_t key, xi_pos pos, uint32_t *out,
                 xi_err *err);
int xiG_str_slice(xiG_graph *g, uint32_t s, const uint32_t *bounds, xi_pos pos, uint32_t *out,
                  xi_err *err);
/* a new string of t's first n bytes (pyset.c) */
int xiG_substring(xiG_graph *g, const char *t, size_t n, xi_pos pos, uint32_t *out,
                  xi_err *err);
/* pystring.c: a string's methods (XI_PY_UPPER ... XI_PY_REPLACE: xiG_py_call's) */
int xiG_str_method(xiG_graph *g, int which, const uint32_t *args, uint32_t n, xi_pos pos,
                   uint32_t *out, xi_err *err);
/* float(s), int(s) (want_int) of string s, as Python reads its text: a literal's
   node (negated for a '-'), or Python's ValueError */
int xiG_str_number(xiG_graph *g, int want_int, uint32_t s, xi_pos pos, uint32_t *out,
                   xi_err *err);
/* pybuiltin.c: all, any, bool (xiG_py_call's), a list's count, insert, remove, pop */
int xiG_py_builtin(xiG_graph *g, int which, const uint32_t *args, uint32_t n, xi_pos pos,
                   uint32_t *out, xi_err *err);
/* XI_PY_SET, XI_PY_SORT, XI_PY_JOIN (xiG_py_call's) */
int xiG_py_call_set(xiG_graph *g, int which, const uint32_t *args, uint32_t n, xi_pos pos,
                    uint32_t *out, xi_err *err);

#endif
