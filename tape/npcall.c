/* npcall.c: NumPy's functions that are several ops of the table, built as
 * nodes so that a trace shows their steps and gradients flow through them
 * (the ones that move elements are npshape.c's, those along an axis npaxis.c's):
 * np.concatenate, np.vstack, np.hstack and np.column_stack (np.c_) (CONCAT,
 * with RESHAPE for vstack's rows and column_stack's columns), np.isclose and np.allclose (NumPy's rule written out), and
 * np.all and np.any (min and max of x != 0).  Their arguments come by slot,
 * as K_NPCALL's mask says. */
#include <stdio.h>
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

/* a Python list or tuple where NumPy takes an array: the array of its numbers */
static int array_arg(xiG_graph *g, uint32_t *node, xi_pos pos, xi_err *err) {
  if (*node == XI_NONE || xiG_kind(g, *node) < 0)
    return 0;
  return xiG_as_array(g, *node, pos, node, err);
}

static int op2(xiG_graph *g, int op, uint32_t a, uint32_t b, xi_pos pos, uint32_t *out,
               xi_err *err) {
  return xiG_op(g, op, a, b, NULL, pos, out, err);
}

/* the constant whose text is t (1e-05, 0) */
static int constant(xiG_graph *g, const char *t, xi_pos pos, uint32_t *out, xi_err *err) {
  uint32_t aux = xiS_intern(&g->sym, t, strlen(t));
  *out = aux == XI_NONE ? XI_NONE : xiG_constant(g, aux, pos);
  return *out == XI_NONE ? xiG_oom(g, pos, err) : 0;
}

/* ---- joining ---- */

static int join(xiG_graph *g, int which, const uint32_t *args, unsigned mask, xi_pos pos,
                uint32_t *out, xi_err *err) {
  uint32_t t = slot(args, mask, 0);
  const char *fn = which == XI_NP_VSTACK ? "np.vstack" : which == XI_NP_HSTACK ? "np.hstack"
                   : which == XI_NP_COLUMN_STACK ? "np.column_stack (np.c_)" : "np.concatenate";
  if (!xiG_is_tuple(g, t))
    return xiX_fail(err, pos, "%s takes the arrays as a tuple or a list: %s((a, b))", fn, fn);
  uint32_t n = g->nodes[t].x->nargs;
  if (n == 0)
    return xiX_fail(err, pos, "need at least one array to concatenate (NumPy's ValueError)");
  int32_t axis = 0;
  if (slot(args, mask, 1) != XI_NONE && xiG_whole(g, slot(args, mask, 1), pos, &axis, err))
    return -1;
  uint32_t r = XI_NONE;
  int rows = 0; /* hstack: along axis 1 unless the first is a vector or a scalar */
  for (uint32_t k = 0; k < n; k++) {
    uint32_t x = g->nodes[t].x->args[k]; /* (the tuple's items stay: it is a node) */
    if (array_arg(g, &x, pos, err) || xiG_no_tuple(g, x, pos, fn, err))
      return -1;
    xi_shape sh = xiG_shape(&g->nodes[x]);
    if (which == XI_NP_VSTACK && sh.rank < 2) /* np.atleast_2d: a row */
      if (xiG_as_shape(g, XI_RESHAPE, x, (xi_shape){2, 1, sh.cols}, pos, &x, err))
        return -1;
    if (which == XI_NP_COLUMN_STACK && sh.rank < 2) /* a vector a column, a number 1×1 */
      if (xiG_as_shape(g, XI_RESHAPE, x, (xi_shape){2, sh.rank ? sh.cols : 1, 1}, pos, &x,
                       err))
        return -1;
    if (which == XI_NP_HSTACK && sh.rank == 0) /* np.atleast_1d */
      if (xiG_as_shape(g, XI_RESHAPE, x, (xi_shape){1, 1, 1}, pos, &x, err))
        return -1;
    if (which == XI_NP_HSTACK && k == 0)
      rows = sh.rank == 2;
    if (k == 0) {
      if (n == 1 && op2(g, XI_ID, x, XI_NONE, pos, &x, err)) /* a copy, as NumPy's */
        return -1;
      r = x;
      continue;
    }
    int32_t p[XI_NPARAMS] = {which == XI_NP_HSTACK ? rows : which == XI_NP_VSTACK ? 0
                             : which == XI_NP_COLUMN_STACK ? 1 : axis,
                             INT32_MAX, 0, 0, 0};
    if (xiG_op(g, XI_CONCAT, r, x, p, pos, &r, err))
      return -1;
  }
  *out = r;
  return 0;
}

/* ---- isclose, allclose, all, any ---- */

/* NumPy's isclose: |a - b| <= atol + rtol·|b| where b is finite, and a == b
   (infinities alike) everywhere: ((|a - b| <= atol + rtol·|b|)·isfinite(b)
   + (a == b)) > 0, a truth value.  (Where a is inf or nan and b finite, the
   first is False already.) */
static int isclose(xiG_graph *g, const uint32_t *args, unsigned mask, xi_pos pos,
                   uint32_t *out, xi_err *err) {
  uint32_t a = slot(args, mask, 0), b = slot(args, mask, 1), rtol = slot(args, mask, 2);
  uint32_t atol = slot(args, mask, 3), zero, d, t, within, fin, eq;
  if ((rtol == XI_NONE && constant(g, "1e-05", pos, &rtol, err)) ||
      (atol == XI_NONE && constant(g, "1e-08", pos, &atol, err)) ||
      constant(g, "0", pos, &zero, err))
    return -1;
  return op2(g, XI_SUB, a, b, pos, &d, err) || op2(g, XI_ABS, d, XI_NONE, pos, &d, err) ||
         op2(g, XI_ABS, b, XI_NONE, pos, &t, err) || op2(g, XI_MUL, rtol, t, pos, &t, err) ||
         op2(g, XI_ADD, atol, t, pos, &t, err) || op2(g, XI_LE, d, t, pos, &within, err) ||
         op2(g, XI_ISFINITE, b, XI_NONE, pos, &fin, err) ||
         op2(g, XI_MUL, within, fin, pos, &within, err) || op2(g, XI_EQ, a, b, pos, &eq, err) ||
         op2(g, XI_ADD, within, eq, pos, &eq, err) || op2(g, XI_GT, eq, zero, pos, out, err);
}

/* all: the least of x != 0, any: the largest (along an axis, or of all) */
static int truth(xiG_graph *g, int op, uint32_t x, uint32_t axis, uint32_t keep, xi_pos pos,
                 uint32_t *out, xi_err *err) {
  int32_t p[XI_NPARAMS] = {XI_ALL_AXES, INT32_MAX, 0, 0, 0};
  uint32_t zero, t;
  if ((axis != XI_NONE && xiG_whole(g, axis, pos, &p[0], err)) ||
      (keep != XI_NONE && xiG_whole(g, keep, pos, &p[1], err)) ||
      constant(g, "0", pos, &zero, err) || op2(g, XI_NE, x, zero, pos, &t, err))
    return -1;
  return xiG_op(g, op, t, XI_NONE, p, pos, out, err);
}

int xiG_npcall(xiG_graph *g, int which, const uint32_t *in, unsigned mask, xi_pos pos,
               uint32_t *out, xi_err *err) {
  uint32_t args[5];
  int n = 0;
  for (int s = 0; s < 5; s++)
    if (mask >> s & 1) {
      args[n] = in[n];
      n++;
    }
  if (which == XI_NP_MATH_ISCLOSE) { /* (Python's numbers, not arrays: pybuiltin.c) */
    uint32_t v[4];
    for (int q = 0; q < 4; q++)
      v[q] = slot(args, mask, q);
    return xiG_math_isclose(g, v, pos, out, err);
  }
  if (which == XI_NP_NDITER) /* (its flags are lists of strings, not arrays) */
    return xiG_nditer(g, args[0], slot(args, mask, 1), slot(args, mask, 2),
                      slot(args, mask, 3), pos, out, err);
  for (int k = 0; k < n; k++) /* a list or a tuple is an array, as NumPy takes it; but
                                 concatenate's first is the arrays themselves */
    if (!(k == 0 && which <= XI_NP_STACK) &&
        (array_arg(g, &args[k], pos, err) || xiG_no_tuple(g, args[k], pos, "this argument", err)))
      return -1;
  uint32_t close, s[8];
  for (int q = 0; q < 8; q++)
    s[q] = slot(args, mask, q);
  if (which >= XI_NP_PROD)
    return xiG_npaxis(g, which, s, pos, out, err);
  if (which >= XI_NP_EXPAND_DIMS || which == XI_NP_STACK)
    return xiG_npshape(g, which, s, pos, out, err);
  switch (which) {
  case XI_NP_CONCATENATE:
  case XI_NP_VSTACK:
  case XI_NP_HSTACK:
  case XI_NP_COLUMN_STACK:
    return join(g, which, args, mask, pos, out, err);
  case XI_NP_ISCLOSE:
    return isclose(g, args, mask, pos, out, err);
  case XI_NP_ALLCLOSE: /* bool(np.all(np.isclose(a, b))) */
    return isclose(g, args, mask, pos, &close, err) ||
           truth(g, XI_MIN, close, XI_NONE, XI_NONE, pos, out, err);
  default:
    if (xiG_no_tuple(g, args[0], pos, which == XI_NP_ALL ? "np.all" : "np.any", err))
      return -1;
    return truth(g, which == XI_NP_ALL ? XI_MIN : XI_MAX, args[0], slot(args, mask, 1),
                 slot(args, mask, 2), pos, out, err);
  }
}
