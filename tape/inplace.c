/* inplace.c: NumPy's in-place operators (W -= lr * dW) on values that never
 * change, and Python's rule for the others.
 *
 * In NumPy x op= v on an array changes the array object: every name, list,
 * dict and running def's parameter bound to it sees the new elements, which
 * keep the array's shape and dtype (a result of another shape, or floats
 * into an int array, is NumPy's error).  On anything else Python rebinds
 * the name alone: a float, an int and a tuple are values (x += 1 in a def
 * leaves the caller's x as it was), and micrograd's Value has no += of its
 * own.  A list's += extends it in place.  xi's nodes never change, so an
 * array's change makes a new node and every holder of the old takes it
 * (xiG_replace, pymut.c), where NumPy's view would share the memory it is
 * refused (xiG_no_view).  The session's name op= v keeps its own rules
 * (names.c, which shares the shape and dtype rule here); a def's goes here
 * (K_INPLACE, tape/exec.c), whose frames are followed through the change. */
#include <stdio.h>

#include "tape/graph.h"
#include "tape/pyval_int.h"

static const char *ufunc(int op) {
  switch (op) {
  case XI_ADD: return "add";
  case XI_SUB: return "subtract";
  case XI_MUL: return "multiply";
  case XI_DIV: return "divide";
  case XI_MOD: return "remainder";
  case XI_POW: return "power";
  case XI_FLOORDIV: return "floor_divide";
  default: return xiO_table[op].name; /* bitwise_and ... right_shift */
  }
}

static const char *dtype_text(int dt) {
  return dt == XI_DT_BOOL ? "bool" : dt == XI_DT_UINT8 ? "uint8" : dt == XI_DT_INT ? "int64"
                                                                                    : "float64";
}

const char *xiG_inplace_sign(int op) {
  switch (op) {
  case XI_ADD: return "+";
  case XI_SUB: return "-";
  case XI_MUL: return "*";
  case XI_DIV: return "/";
  case XI_MOD: return "%";
  case XI_POW: return "**";
  case XI_MATMUL: return "@";
  case XI_BITAND: return "&";
  case XI_BITOR: return "|";
  case XI_BITXOR: return "^";
  case XI_LSHIFT: return "<<";
  case XI_RSHIFT: return ">>";
  default: return "//";
  }
}

int xiG_inplace_fits(xiG_graph *g, uint32_t old, uint32_t r, int op, const char *name,
                     xi_pos pos, xi_err *err) {
  if (!xiG_is_tensor(&g->nodes[old]))
    return 0;
  if (xiG_kind(g, r) >= 0)
    return xiX_fail(err, pos, "an update in place keeps an array an array, and this gives a %s",
                    xiG_kind_name(xiG_kind(g, r)));
  xi_shape was = xiG_shape(&g->nodes[old]), now = xiG_shape(&g->nodes[r]);
  if (!xiO_same_shape(&was, &now)) {
    char a[48], b[48];
    xiO_shape_text(&was, a, sizeof a);
    xiO_shape_text(&now, b, sizeof b);
    if (!name)
      return xiX_fail(err, pos, "an update in place keeps the array's shape %s, and this "
                                "gives %s (NumPy refuses too)", a, b);
    return xiX_fail(err, pos, "an update step keeps %s's shape %s, and this gives %s (write "
                              "%s = %s %s ... for a new value of another shape)",
                    name, a, b, name, name, xiG_inplace_sign(op));
  }
  int from = xiG_dtype_of_flags(g->nodes[r].flags), to = xiG_dtype_of_flags(g->nodes[old].flags);
  if (from == to || to == XI_DT_FLOAT || (to == XI_DT_INT && from != XI_DT_FLOAT))
    return 0;
  if (to == XI_DT_UINT8 && from != XI_DT_FLOAT) /* (NumPy keeps uint8; xi only 0..255) */
    return xiG_as_uint8(g, r, pos, err);
  return xiX_fail(err, pos, "Cannot cast ufunc '%s' output from dtype('%s') to dtype('%s') "
                            "with casting rule 'same_kind' (NumPy's UFuncTypeError: an array's "
                            "change in place keeps its dtype): make it %s first "
                            "(.astype(%s)), or write %s = %s %s ... (a new array)",
                  ufunc(op), dtype_text(from), dtype_text(to),
                  from == XI_DT_FLOAT ? "float" : "int", from == XI_DT_FLOAT ? "float" : "int",
                  name ? name : "x", name ? name : "x", xiG_inplace_sign(op));
}

/* a list's += and *= change it in place; a tuple's and a string's make a new one */
static int container(xiG_graph *g, int op, uint32_t old, uint32_t v, uint32_t mark,
                     xi_pos pos, uint32_t *out, xi_err *err) {
  if (xiG_kind(g, old) != XI_C_LIST)
    return xiG_py_op(g, op, old, v, pos, out, err);
  uint32_t places;
  if (op == XI_ADD && xiG_kind(g, v) != XI_C_LIST && /* xs += any iterable */
      xiG_convert(g, XI_C_LIST, v, pos, &v, err))
    return -1;
  if (xiG_py_op(g, op, old, v, pos, out, err) || xiG_leafify(g, *out, mark, pos, out, err) ||
      xiG_replace(g, old, *out, pos, &places, err))
    return -1;
  g->keep = g->n; /* the names hold it now: the statement's truncation keeps it */
  return 0;
}

int xiG_inplace(xiG_graph *g, int op, uint32_t name, uint32_t old, uint32_t v, uint32_t mark,
                xi_pos pos, uint32_t *out, xi_err *err) {
  if (xiG_kind(g, old) >= 0 || xiG_kind(g, v) >= 0)
    return container(g, op, old, v, mark, pos, out, err);
  const xiG_agentry *e = g->ag.n ? xiG_ag_find(g, old) : NULL;
  if (e && e->kind == XI_AG_TENSOR) { /* PyTorch's W -= lr * W.grad, as the session's */
    if (!g->ag.no_grad)
      return xiX_fail(err, pos, "RuntimeError: a leaf Variable that requires grad is being "
                                "used in an in-place operation (as PyTorch says: an update "
                                "step goes inside with torch.no_grad():)");
    uint32_t r;
    if (xiG_op(g, op, old, v, NULL, pos, &r, err) || xiG_ag_replace(g, old, r, pos, out, err))
      return -1;
    g->keep = g->n;
    return 0;
  }
  if (!xiG_is_tensor(&g->nodes[old]) || e) /* a number, a Value: x = x op v, the name's own */
    return xiG_op(g, op, old, v, NULL, pos, out, err);
  uint32_t r, places;
  if (xiG_no_view(g, old, pos, err) || xiG_op(g, op, old, v, NULL, pos, &r, err) ||
      xiG_inplace_fits(g, old, r, op, xiS_name(&g->sym, name), pos, err))
    return -1;
  /* a leaf a name held before this statement: an update step, as W -= ... at the
     prompt (a new leaf; a graph computed from the old one stays as it was) */
  if (xiG_from_before(g, old) && xiG_leaf_of(g, r, 1, pos, &r, err))
    return -1;
  *out = r;
  if (xiG_replace(g, old, r, pos, &places, err))
    return -1;
  g->keep = g->n;
  return 0;
}
