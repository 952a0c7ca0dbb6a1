/* warn.c: where NumPy would warn.  In a number format inf and nan are
 * values, and NumPy says so on stderr (RuntimeWarning: overflow encountered
 * in exp); the tape notes each place, and the session prints the warning as
 * Python does (cmd/session.c).  xi's own numbers make these errors instead. */
#include "tape/graph.h"

/* NumPy's name for op's ufunc where it warns as IEEE's flags say (a format
   gives inf and nan; xi's own numbers are errors there), or NULL: exp, log,
   log2, log10, sqrt, log1p, expm1, sinh, cosh, arcsin, arccos always (np.exp(1000)); + - * / ** only with an array
   among the operands (numpy_scalars: or a NumPy scalar), as a Python float's arithmetic
   does not warn */
static const char *ufunc_of(int op, int arrays) {
  switch (op) {
  case XI_EXP: case XI_LOG: case XI_LOG2: case XI_LOG10: case XI_SQRT: case XI_LOG1P:
  case XI_EXPM1: case XI_SINH: case XI_COSH:
    return xiO_table[op].name;
  case XI_ASIN: return "arcsin"; /* (NumPy's names) */
  case XI_ACOS: return "arccos";
  case XI_ADD: return arrays ? "add" : NULL;
  case XI_SUB: return arrays ? "subtract" : NULL;
  case XI_MUL: return arrays ? "multiply" : NULL;
  case XI_DIV: return arrays ? "divide" : NULL;
  case XI_POW: return arrays ? "power" : NULL;
  default: return NULL;
  }
}

const char *xiG_ufunc(int op) { return ufunc_of(op, 1); }

/* IEEE's flag for one element: invalid (a NaN from no NaN), divide by zero
   (an exact infinity from finite operands: x/0, log(0), 0**-1), overflow
   (an infinity from finite operands otherwise); -1: none */
static int flag(int op, mpfr_srcptr y, mpfr_srcptr x, mpfr_srcptr z) {
  if (mpfr_nan_p(x) || (z && mpfr_nan_p(z)) || mpfr_number_p(y))
    return -1;
  if (mpfr_nan_p(y))
    return XI_W_INVALID;
  if (!mpfr_number_p(x) || (z && !mpfr_number_p(z)))
    return -1;
  int pole = op == XI_LOG || op == XI_LOG2 || op == XI_LOG10 || op == XI_LOG1P ||
             (op == XI_DIV && mpfr_zero_p(z)) ||
             (op == XI_POW && mpfr_zero_p(x));
  return pole ? XI_W_DIVIDE : XI_W_OVERFLOW;
}

/* + - * / ** of two numbers, one a NumPy scalar (np.float64(x), v[0], np.sum(v)):
   NumPy's scalar arithmetic, which warns as its ufuncs do ("overflow encountered in
   scalar multiply"); Python's floats do not (1e308 * 10 is inf, silently).  One whose
   origin xi cannot tell (np.exp's and math.exp's are one node) is taken as Python's:
   its value is the same, only the warning is not given */
static int numpy_scalars(xiG_graph *g, const xiG_node *n) {
  return xiG_py_origin(g, n->a) == XI_ORIGIN_NP ||
         (n->b != XI_NONE && xiG_py_origin(g, n->b) == XI_ORIGIN_NP);
}

/* In a format, where NumPy would warn (np.exp(1000) is inf: "overflow
   encountered in exp"): noted for the session, which prints the warning as
   Python does, once a line */
void xiG_note_warning(xiG_graph *g, uint32_t i, xi_pos pos) {
  xiG_node *n = &g->nodes[i];
  if (!xiO_fmt || g->nwarn == XI_WARNINGS || !xiO_elementwise(n->op))
    return;
  xiG_node *na = &g->nodes[n->a], *nb = n->b == XI_NONE ? NULL : &g->nodes[n->b];
  int arrays = xiG_is_tensor(na) || (nb && xiG_is_tensor(nb));
  int scalar = !ufunc_of(n->op, arrays); /* a + b of two numbers: NumPy's scalars' only */
  if (scalar && (arrays || !ufunc_of(n->op, 1)))
    return;
  xiO_view out = xiG_view(n), a = xiG_view(na), b = nb ? xiG_view(nb) : a;
  for (uint32_t r = 0, k = 0; r < out.sh.rows; r++)
    for (uint32_t c = 0; c < out.sh.cols; c++, k++) {
      int kind = flag(n->op, &out.el[k], &a.el[xiO_bidx(&a.sh, r, c)],
                      nb ? &b.el[xiO_bidx(&b.sh, r, c)] : NULL);
      if (kind < 0)
        continue;
      if (scalar && !numpy_scalars(g, n)) /* (np.float64(1e308) * 10 warns, 1e308 * 10 not) */
        return;
      for (uint8_t w = 0; w < g->nwarn; w++)
        if (g->warn[w].pos.line == pos.line && g->warn[w].op == n->op && g->warn[w].kind == kind)
          return;
      g->warn[g->nwarn++] = (xiG_warning){pos, n->op, (uint8_t)kind, (uint8_t)scalar};
      return;
    }
}

