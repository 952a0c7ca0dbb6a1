/* pytype.c: what Python's type(x) and isinstance(x, T) would say of a value,
 * and Python's ZeroDivisionError.  A container, an array, None and a class's
 * instance have one type.  A number is where Python and NumPy differ: 3.0 is
 * a float, np.sum(v) a numpy.float64 (a subclass of float), len(v) an int,
 * np.argmax(v) a numpy.int64 (not a subclass of int); and 1.0 / 0.0 raises
 * ZeroDivisionError where np.float64(1.0) / 0.0 is inf.  A node does not
 * record which it is, so its origin is read from how it was computed: a
 * literal (and arithmetic on literals) is Python's, anything read from an
 * array is NumPy's, and NumPy's wins in arithmetic, as it does in Python
 * (1.0 + np.float64(2) is a numpy.float64).  np.exp and math.exp build the
 * same node, so a function's value is of neither for certain: then an answer
 * that would differ between the two is an error that says so, never a guess. */
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "syntax/parse.h"
#include "tape/pystrval.h"
#include "tape/pyval_int.h"
#include "tape/names.h"

enum { OR_PY, OR_NP, OR_UNKNOWN };

/* is op Python's arithmetic or a comparison (the same rule in Python and NumPy)? */
static int arithmetic(int op) {
  switch (op) {
  case XI_NEG: case XI_ADD: case XI_SUB: case XI_MUL: case XI_DIV: case XI_POW:
  case XI_MOD: case XI_FLOORDIV: case XI_GT: case XI_GE: case XI_LT: case XI_LE:
  case XI_EQ: case XI_NE: case XI_BITAND: case XI_BITOR: case XI_BITXOR: case XI_INVERT:
  case XI_LSHIFT: case XI_RSHIFT:
    return 1;
  default:
    return 0;
  }
}

/* a leaf's constant expression (x = 2 * 3.0): Python's when it is only numbers
   and arithmetic; NumPy's when np.float64(...) is among them (a = np.float64(3.0):
   the same rule as origin's for XI_ID, NumPy's winning in arithmetic) */
static int code_origin(const xiP_code *c) {
  int np = 0, items = 0;
  for (uint32_t k = 0; k < c->n; k++) {
    const xiP_ins *in = &c->ins[k];
    if (in->kind == K_ATTR && in->op == XI_ATTR_FLOAT && k + 1 < c->n &&
        c->ins[k + 1].kind == K_OP && c->ins[k + 1].op == XI_ID) {
      np = 1, k++; /* np.float64(x) */
      continue;
    }
    if ((in->kind == K_TUPLE && (in->op == XI_C_TUPLE || in->op == XI_C_LIST)) ||
        in->kind == K_INDEX) {
      items = 1; /* a, b = 1, 2.5 (names.c: the tuple's code, then [k]): a Python tuple's
                    item, Python's when all of them are */
      continue;
    }
    if (in->kind != K_NUM && !(in->kind == K_OP && arithmetic(in->op) && !in->spare))
      return OR_UNKNOWN;
  }
  return np ? (items ? OR_UNKNOWN : OR_NP) : OR_PY; /* (which item np.float64 made is not
                                                        read here) */
}

static int origin(xiG_graph *g, uint32_t i, int depth) {
  const xiG_node *n = &g->nodes[i];
  if (xiG_is_tensor(n))
    return OR_NP;
  if (n->op == XI_TUPLE || depth > 48 || (g->ag.n && xiG_ag_find(g, i)))
    return OR_UNKNOWN; /* (a micrograd Value, a torch tensor: neither) */
  if (n->op == XI_CONST)
    return OR_PY; /* 3.0, True, np.pi (a Python float, as math.pi) */
  if (n->op == XI_LEAF)
    return n->flags & XI_F_LITERAL ? OR_PY
           : n->flags & XI_F_CODE  ? code_origin(&g->code[n->aux])
                                   : OR_UNKNOWN; /* (an update step's: its history is gone) */
  if (n->op == XI_ID)
    return OR_NP; /* np.float64(x), np.array(x), x.copy() */
  if (n->op == XI_RESHAPE)
    return OR_PY; /* x.item(): a scalar made of an array is Python's number */
  uint32_t na = xiG_nargs(n);
  int py = 1;
  for (uint32_t k = 0; k < na; k++) {
    uint32_t a = xiG_arg(n, k);
    if (xiG_is_tensor(&g->nodes[a]))
      return OR_NP; /* np.sum(v), v[0], np.argmax(v) */
  }
  if (n->op == XI_MAXIMUM || n->op == XI_MINIMUM)
    return OR_NP; /* np.maximum, np.clip, mask1 + mask2 (Python's max picks an item) */
  if (n->op == XI_TRUNC || n->op == XI_ASFLOAT)
    return OR_PY; /* int(x), float(x): Python's, whatever x is (x.astype(int) of a NumPy
                     scalar, NumPy's, builds the same TRUNC: not told apart) */
  if (!arithmetic(n->op))
    return OR_UNKNOWN; /* exp(x): np.exp's or math.exp's */
  for (uint32_t k = 0; k < na; k++) {
    int o = origin(g, xiG_arg(n, k), depth + 1);
    if (o == OR_NP)
      return OR_NP;
    py &= o == OR_PY;
  }
  return py ? OR_PY : OR_UNKNOWN;
}

/* a bool of NumPy's: an array's, or a scalar read from one (numpy.bool_) */
static int numpy_bool(xiG_graph *g, uint32_t i) {
  const xiG_node *n = &g->nodes[i];
  return n->op != XI_TUPLE && xiG_dtype_of_flags(n->flags) == XI_DT_BOOL &&
         (xiG_is_tensor(n) || origin(g, i, 0) == OR_NP);
}

int xiG_np_bool_op(xiG_graph *g, int *op, uint32_t a, uint32_t b, xi_pos pos, int *as_bool,
                   xi_err *err) {
  *as_bool = 0;
  if (b == XI_NONE) {
    if (!numpy_bool(g, a))
      return 0;
    if (*op == XI_NEG)
      return xiX_fail(err, pos, "TypeError: The numpy boolean negative, the `-` operator, is "
                                "not supported, use the `~` operator or the logical_not "
                                "function instead.");
    *as_bool = *op == XI_ABS;
    return 0;
  }
  if (b == XI_NONE || g->nodes[b].op == XI_TUPLE ||
      xiG_dtype_of_flags(g->nodes[a].flags) != XI_DT_BOOL ||
      xiG_dtype_of_flags(g->nodes[b].flags) != XI_DT_BOOL ||
      (!numpy_bool(g, a) && !numpy_bool(g, b)))
    return 0; /* (True + True is Python's 2) */
  switch (*op) {
  case XI_ADD: /* mask1 + mask2: either, as NumPy's logical or */
    *op = XI_MAXIMUM;
    *as_bool = 1;
    return 0;
  case XI_MUL: case XI_MAXIMUM: case XI_MINIMUM: case XI_OUTER:
    *as_bool = 1;
    return 0;
  case XI_SUB:
    return xiX_fail(err, pos, "TypeError: numpy boolean subtract, the `-` operator, is not "
                              "supported, use the bitwise_xor, the `^` operator, or the "
                              "logical_xor function instead.");
  case XI_MATMUL:
    return xiX_fail(err, pos, "@ (np.dot) of two bool arrays is a bool in NumPy, any of the "
                              "products true, where xi's counts them: .astype(int) first for "
                              "the count both agree on");
  default:
    return 0;
  }
}

/* ---- & | ^ ~ << >>: ints and bools only ---- */

static const char *bit_sign(int op) {
  static const char *const s[] = {"&", "|", "^", "~", "<<", ">>"};
  return s[op - XI_BITAND];
}

static const char *py_type_name(int dtype) {
  return dtype == XI_DT_FLOAT ? "float" : dtype == XI_DT_BOOL ? "bool" : "int";
}

int xiG_bit_types(xiG_graph *g, int *op, uint32_t a, uint32_t *b, xi_pos pos, xi_err *err) {
  uint32_t x[2] = {a, *b};
  int n = *b == XI_NONE ? 1 : 2, floats = 0, numpy = 0, unknown = 0, dt[2] = {0, 0};
  for (int k = 0; k < n; k++) {
    const xiG_node *v = &g->nodes[x[k]];
    if (v->op == XI_TUPLE)
      return 0; /* (the tape's message for a tuple) */
    dt[k] = xiG_dtype_of_flags(v->flags);
    floats |= dt[k] == XI_DT_FLOAT;
    int o = xiG_is_tensor(v) ? OR_NP : origin(g, x[k], 0);
    numpy |= o == OR_NP;
    unknown |= o == OR_UNKNOWN;
  }
  const char *ufunc = xiO_table[*op].name;
  if (floats && numpy) /* np.array([1.5]) & 1, np.float64(1.5) & 1, 1.5 & np.int64(1) */
    return xiX_fail(err, pos, "TypeError: ufunc '%s' not supported for the input types, and "
                              "the inputs could not be safely coerced to any supported types "
                              "according to the casting rule ''safe''", ufunc);
  if (floats && unknown)
    return xiX_fail(err, pos, "TypeError: %s of a float, which Python's float, NumPy's "
                              "float64, micrograd's Value and a float tensor all refuse, each "
                              "in its own words (Python's: unsupported operand type(s) for %s; "
                              "NumPy's: ufunc '%s' not supported for the input types): xi "
                              "cannot tell which this float is, so gives neither's",
                    bit_sign(*op), bit_sign(*op), ufunc);
  if (floats && n == 1)
    return xiX_fail(err, pos, "TypeError: bad operand type for unary ~: 'float'");
  if (floats)
    return xiX_fail(err, pos, "TypeError: unsupported operand type(s) for %s: '%s' and '%s'",
                    bit_sign(*op), py_type_name(dt[0]), py_type_name(dt[1]));
  if (*op == XI_LSHIFT || *op == XI_RSHIFT) {
    xiO_view c = xiG_view(&g->nodes[*b]);
    for (uint32_t k = 0; k < c.n; k++)
      if (mpfr_sgn(&c.el[k]) < 0)
        return numpy || unknown
                   ? xiX_fail(err, pos, "a shift by a negative count: NumPy's %s gives 0 "
                                        "there (or -1, a negative number shifted right), "
                                        "Python's int a ValueError, and xi copies neither: "
                                        "make the count 0 or more", ufunc)
                   : xiX_fail(err, pos, "ValueError: negative shift count");
  }
  if (*op == XI_INVERT && dt[0] == XI_DT_BOOL && (numpy || unknown)) {
    if (!numpy) /* ~True is -2, ~np.True_ False */
      return xiX_fail(err, pos, "~ of a bool xi cannot tell is Python's (~True is -2) or "
                                "NumPy's (~np.True_ is False): write not b for Python's bool, "
                                "or np.logical_not(b)");
    uint32_t zero = xiG_number(g, 0, pos); /* ~mask is mask == 0: NumPy's logical not */
    if (zero == XI_NONE)
      return xiG_oom(g, pos, err);
    *op = XI_EQ, *b = zero;
  }
  return 0;
}

int xiG_py_origin(xiG_graph *g, uint32_t i) {
  int o = origin(g, i, 0);
  return o == OR_PY ? XI_ORIGIN_PY : o == OR_NP ? XI_ORIGIN_NP : XI_ORIGIN_UNKNOWN;
}

/* the types a value may be: one, or two when its origin is not known (the
   Python number's and the NumPy scalar's) */
static int types_of(xiG_graph *g, uint32_t i, int t[2]) {
  int k = xiG_kind(g, i);
  t[1] = -1;
  if (k >= 0) {
    static const int of[] = {[XI_C_TUPLE] = XI_TY_TUPLE, [XI_C_LIST] = XI_TY_LIST,
                             [XI_C_DICT] = XI_TY_DICT,   [XI_C_STR] = XI_TY_STR,
                             [XI_C_NONE] = XI_TY_NONE,   [XI_C_SET] = XI_TY_SET,
                             [XI_C_ULIST] = XI_TY_LIST};
    t[0] = (size_t)k < sizeof of / sizeof *of && (of[k] || k == XI_C_TUPLE) ? of[k]
                                                                             : XI_TY_OTHER;
    if (k == XI_C_STR && (g->nodes[i].x->p[XI_C_EXC] || g->nodes[i].x->p[XI_C_DTYPE]))
      t[0] = XI_TY_OTHER; /* except ... as e: the exception; x.dtype: a numpy.dtype */
    return 1;
  }
  if (xiG_is_tensor(&g->nodes[i])) {
    t[0] = XI_TY_NDARRAY;
    return 1;
  }
  int dt = xiG_dtype_of_flags(g->nodes[i].flags), o = origin(g, i, 0);
  int py = dt == XI_DT_INT ? XI_TY_INT : dt == XI_DT_BOOL ? XI_TY_BOOL : XI_TY_FLOAT;
  int np = dt == XI_DT_INT ? XI_TY_I64 : dt == XI_DT_BOOL ? XI_TY_NPBOOL
           : dt == XI_DT_UINT8 ? XI_TY_U8 : XI_TY_F64;
  if (dt == XI_DT_UINT8)
    o = OR_NP;
  t[0] = o == OR_NP ? np : py;
  if (o == OR_UNKNOWN)
    t[1] = np;
  return o == OR_UNKNOWN ? 2 : 1;
}

static const char *const ty_names[XI_TY_COUNT] = {
    [XI_TY_INT] = "int",          [XI_TY_FLOAT] = "float",       [XI_TY_BOOL] = "bool",
    [XI_TY_STR] = "str",          [XI_TY_LIST] = "list",         [XI_TY_DICT] = "dict",
    [XI_TY_TUPLE] = "tuple",      [XI_TY_SET] = "set",           [XI_TY_NONE] = "NoneType",
    [XI_TY_NDARRAY] = "numpy.ndarray", [XI_TY_F64] = "numpy.float64",
    [XI_TY_I64] = "numpy.int64",  [XI_TY_NPBOOL] = "numpy.bool_", [XI_TY_U8] = "numpy.uint8",
    [XI_TY_OTHER] = "?"};

/* the answer for type t: 0 or 1 (a bool), or a string's text */
static int answer(const xiG_graph *g, uint32_t x, int t, int mode, uint32_t mask, char *text,
                  size_t n) {
  int exc = xiG_kind(g, x) == XI_C_STR ? g->nodes[x].x->p[XI_C_EXC] : 0;
  const char *name = exc ? xiP_exc_name(exc - 1) /* (x.dtype: OTHER, numpy.dtype[float64]) */
                     : t == XI_TY_OTHER ? xiG_type_of(g, x)
                                        : ty_names[t];
  const char *dot = strrchr(name, '.'); /* (numpy.random._generator.Generator: Generator) */
  switch (mode) {
  case XI_TYQ_NAME: /* type(x).__name__ */
    snprintf(text, n, "%s", dot ? dot + 1 : name);
    return 0;
  case XI_TYQ_CLASS: /* type(x) where it is printed: <class 'numpy.float64'> */
    snprintf(text, n, "<class '%s%s'>", t == XI_TY_OTHER && xiG_kind(g, x) == XI_C_OBJ
                                            ? "__main__." : "", name);
    return 0;
  default: /* isinstance(x, T), type(x) is T (or in (T1, T2)); object's mask has OTHER */
    return mask >> t & 1;
  }
}

int xiG_py_type(xiG_graph *g, uint32_t x, int query, uint32_t mask, xi_pos pos, uint32_t *out,
                xi_err *err) {
  int t[2], negate = query & 4;
  query &= 3;
  int n = types_of(g, x, t);
  char a[160], b[160];
  int r0 = answer(g, x, t[0], query, mask, a, sizeof a) ^ !!negate;
  int r1 = n == 2 ? answer(g, x, t[1], query, mask, b, sizeof b) ^ !!negate : r0;
  if (n == 2 && (r0 != r1 || (query <= XI_TYQ_CLASS && strcmp(a, b) != 0)))
    return xiX_fail(err, pos, "xi cannot tell whether this number is Python's %s or NumPy's "
                              "%s, and the answer depends on it: xi reads a number's origin from "
                              "how it is computed, not once a name holds it as a value of its "
                              "own after an update step (total += x) nor through a function "
                              "np. and math. spell alike (exp, sqrt ...): write %s(x) to have "
                              "Python's",
                    ty_names[t[0]], ty_names[t[1]] + 6, t[0] == XI_TY_INT ? "int" : "float");
  if (query <= XI_TYQ_CLASS) {
    uint32_t sym = xiS_intern(&g->sym, a, strlen(a));
    return sym == XI_NONE ? xiG_oom(g, pos, err) : xiG_string(g, sym, pos, out, err);
  }
  uint32_t sym = xiS_intern(&g->sym, r0 ? "True" : "False", r0 ? 4 : 5);
  if (sym == XI_NONE || (*out = xiG_constant(g, sym, pos)) == XI_NONE)
    return xiG_oom(g, pos, err);
  return 0;
}

int xiG_py_isclass(xiG_graph *g, const uint32_t *args, uint32_t n, xi_pos pos, uint32_t *out,
                   xi_err *err) {
  uint32_t x = args[0], t = (uint32_t)mpfr_get_ui(g->nodes[args[1]].v, MPFR_RNDN), r;
  int query = (int)(t & 3), negate = (t & 4) != 0, holds = 0;
  if ((t >> 3) && (xiG_py_type(g, x, query, t >> 3, pos, &r, err) ||
                   xiG_py_bool(g, r, "a type's answer", pos, &holds, err)))
    return -1;
  uint32_t cls = xiG_kind(g, x) == XI_C_OBJ ? (uint32_t)g->nodes[x].x->p[XI_C_TEXT] : XI_NONE;
  for (uint32_t k = 2; k < n; k++) {
    uint32_t want = (uint32_t)g->nodes[args[k]].x->p[XI_C_TEXT];
    if (!xiG_is_class(g, want))
      return xiX_fail(err, g->nodes[args[k]].pos,
                      "%s arg 2 must be a type, a tuple of types, or a union (TypeError): %s "
                      "is not a class", query == XI_TYQ_ISINSTANCE ? "isinstance()" : "type(x) ==",
                      xiS_name(&g->sym, want));
    /* its class, or (isinstance) a base of it: class Net(Layer) is a Layer */
    for (uint32_t c = cls, depth = 0; c != XI_NONE && depth < 64 && !holds; depth++) {
      const xiG_binding *b = xiG_binding_of(g, c);
      holds = c == want;
      c = query == XI_TYQ_ISINSTANCE && b && b->kind == B_FUNC ? xiG_func_of(g, b)->base
                                                               : XI_NONE;
    }
  }
  uint32_t sym = xiS_intern(&g->sym, holds != negate ? "True" : "False", holds != negate ? 4 : 5);
  if (sym == XI_NONE || (*out = xiG_constant(g, sym, pos)) == XI_NONE)
    return xiG_oom(g, pos, err);
  return 0;
}

int xiG_py_dtype(xiG_graph *g, uint32_t x, xi_pos pos, uint32_t *out, xi_err *err) {
  const xiG_node *n = &g->nodes[x];
  int t[2], k = types_of(g, x, t);
  if (n->op == XI_TUPLE || t[0] == XI_TY_OTHER)
    return xiX_fail(err, pos, "AttributeError: '%s' object has no attribute 'dtype'",
                    xiG_type_of(g, x));
  if (k == 2) /* (3.0 or np.float64(3.0): only NumPy's has a dtype) */
    return xiX_fail(err, pos, "xi cannot tell whether this number is Python's %s, which has no "
                              ".dtype, or NumPy's %s: xi reads a number's origin from how it is "
                              "computed, not through a function np. and math. spell alike (exp, "
                              "sqrt ...) nor once a name holds it as a value of its own",
                    ty_names[t[0]], ty_names[t[1]] + 6);
  if (t[0] <= XI_TY_BOOL) /* (Python's int, float, bool) */
    return xiX_fail(err, pos, "AttributeError: '%s' object has no attribute 'dtype'",
                    ty_names[t[0]]);
  int dt = xiG_dtype_of_flags(n->flags);
  const char *name = dt == XI_DT_UINT8  ? "uint8"
                     : dt == XI_DT_BOOL ? "bool"
                     : dt == XI_DT_INT  ? "int64"
                     : xiO_formats[xiO_fmt].numpy ? xiO_formats[xiO_fmt].numpy
                     : xiO_fmt == XI_FMT_MPFR ? "float64"
                                              : NULL;
  if (!name) /* (bfloat16: not one of NumPy's) */
    return xiX_fail(err, pos, "NumPy has no dtype for %s, the number format in effect",
                    xiO_formats[xiO_fmt].name);
  uint32_t sym = xiS_intern(&g->sym, name, strlen(name));
  if (sym == XI_NONE || xiG_string(g, sym, pos, out, err))
    return sym == XI_NONE ? xiG_oom(g, pos, err) : -1;
  g->nodes[*out].x->p[XI_C_DTYPE] = 1;
  return 0;
}

int xiG_py_zerodiv(xiG_graph *g, int op, const uint32_t *args, xi_pos pos, xi_err *err) {
  xiG_node *a = &g->nodes[args[0]], *b = &g->nodes[args[1]];
  if (xiG_is_tensor(a) || xiG_is_tensor(b) || a->op == XI_TUPLE || b->op == XI_TUPLE ||
      a->err || b->err)
    return 0; /* (an array: NumPy's inf; a container, a value not finite: their own rules) */
  if (op == XI_POW ? !(mpfr_zero_p(a->v) && mpfr_sgn(b->v) < 0) : !mpfr_zero_p(b->v))
    return 0; /* (0.0 ** -1: the base is the zero) */
  int oa = origin(g, args[0], 0), ob = origin(g, args[1], 0);
  if (oa == OR_NP || ob == OR_NP)
    return 0; /* NumPy's rule: inf or nan, with its RuntimeWarning */
  int ints = xiG_dtype_of_flags(g->nodes[args[0]].flags) != XI_DT_FLOAT &&
             xiG_dtype_of_flags(g->nodes[args[1]].flags) != XI_DT_FLOAT;
  const char *text = op == XI_POW       ? "0.0 cannot be raised to a negative power"
                     : op == XI_DIV     ? (ints ? "division by zero" : "float division by zero")
                     : op == XI_FLOORDIV ? (ints ? "integer division or modulo by zero"
                                                 : "float floor division by zero")
                                         : (ints ? "integer modulo by zero" : "float modulo");
  if (oa == OR_PY && ob == OR_PY)
    return xiX_fail(err, pos, "ZeroDivisionError: %s", text);
  return xiX_fail(err, pos, "a division by zero, where xi cannot tell whether these are "
                            "Python's numbers (ZeroDivisionError: %s) or NumPy's (inf or nan, "
                            "with a RuntimeWarning): one was computed by a function that np. "
                            "and math. spell alike, or by an update step; test the divisor "
                            "first (if b != 0:)", text);
}

/* Python's math module raises where a finite x gives nan (ValueError) or inf:
   OverflowError where the function grows past the largest float (exp, expm1,
   sinh, cosh, hypot, pow of a base not 0), ValueError at a pole (log(0), pow(0, -1)),
   as CPython's math_1 and math_pow decide */
static int math_error(int op, int nan, mpfr_srcptr base, xi_pos pos, xi_err *err) {
  int grows = op == XI_EXP || op == XI_EXPM1 || op == XI_SINH || op == XI_COSH ||
              op == XI_HYPOT ||
              (op == XI_POW && !mpfr_zero_p(base));
  return xiX_fail(err, pos, !nan && grows ? "OverflowError: math range error"
                                          : "ValueError: math domain error");
}

/* a ** b of numbers whose origin is Python's (both) or not known, not finite */
static int pow_error(xiG_graph *g, const uint32_t *args, int nan, xi_pos pos, xi_err *err) {
  int oa = origin(g, args[0], 0), ob = origin(g, args[1], 0);
  if (oa == OR_NP || ob == OR_NP)
    return 0; /* NumPy's rule: inf or nan (with its RuntimeWarning) */
  if (nan) /* (-8.0) ** (1/3): a negative base to a power not whole */
    return xiX_fail(err, pos, "a negative number to a power that is not whole is a complex "
                              "number in Python ((-8.0) ** (1/3) is "
                              "(1.0000000000000002+1.7320508075688772j)), and complex numbers "
                              "are not part of xi");
  if (xiG_dtype_of_flags(g->nodes[args[0]].flags) != XI_DT_FLOAT &&
      xiG_dtype_of_flags(g->nodes[args[1]].flags) != XI_DT_FLOAT)
    return 0; /* 10 ** 400: Python's int, exact, which xi's binary64 is not (left as it was) */
  if (oa == OR_PY && ob == OR_PY)
    return xiX_fail(err, pos, "OverflowError: (34, 'Numerical result out of range')");
  return xiX_fail(err, pos, "a ** b past the largest float, where xi cannot tell whether these "
                            "are Python's numbers (OverflowError: (34, 'Numerical result out "
                            "of range')) or NumPy's (inf, with a RuntimeWarning): one was "
                            "computed by a function that np. and math. spell alike, or by an "
                            "update step");
}

int xiG_py_vtanh(const xiG_graph *g, uint32_t x, xi_pos pos, xi_err *err) {
  const xiG_node *n = &g->nodes[x];
  if (xiO_fmt != XI_FMT_BINARY64 || xiG_is_tensor(n) || n->op == XI_TUPLE ||
      xiG_kind(g, x) >= 0)
    return 0;
  double twice = 2 * mpfr_get_d(n->v, MPFR_RNDN);
  if (!isfinite(twice) || isfinite(exp(twice)))
    return 0; /* (2*x past the largest float: math.exp(inf) is inf, and t nan, in Python) */
  xiG_sbuf b = {0};
  if (!xiG_sv_float_repr(g, x, &b) || b.full) { /* (Value(400): an int, exact) */
    char t[32];
    snprintf(t, sizeof t, "%.17g", twice / 2);
    free(b.s);
    b = (xiG_sbuf){0};
    xiG_sput(&b, t, strlen(t));
  }
  int rc = xiX_fail(err, pos, "OverflowError: math range error (micrograd's Value.tanh() "
                              "computes (math.exp(2*x) - 1)/(math.exp(2*x) + 1), and "
                              "math.exp(2*x) is past the largest float for x above 354.89: "
                              "here x is %s)", b.s && !b.full ? b.s : "larger");
  free(b.s);
  return rc;
}

int xiG_py_domain(xiG_graph *g, int op, int math, const uint32_t *args, uint32_t node,
                  xi_pos pos, xi_err *err) {
  for (int k = 0; k < xiO_table[op].arity; k++) {
    xiG_node *a = &g->nodes[args[k]];
    if (xiG_is_tensor(a) || a->op == XI_TUPLE || xiG_kind(g, args[k]) >= 0 ||
        !mpfr_number_p(xiG_el(a, 0)))
      return 0; /* (an array: NumPy's rule; an inf or a nan given: no error in Python) */
  }
  xiG_node *n = &g->nodes[node];
  if (xiG_is_tensor(n) || n->op == XI_TUPLE || mpfr_number_p(xiG_el(n, 0)))
    return 0;
  int nan = mpfr_nan_p(xiG_el(n, 0));
  if (math)
    return math_error(op, nan, xiG_el(&g->nodes[args[0]], 0), pos, err);
  return op == XI_POW ? pow_error(g, args, nan, pos, err) : 0;
}

int xiG_py_strcmp(const xiG_graph *g, uint32_t a, uint32_t b) {
  if (xiG_kind(g, a) != XI_C_STR || xiG_kind(g, b) != XI_C_STR)
    return INT_MIN;
  if (xiG_is_dtype(g, a) || xiG_is_dtype(g, b))
    return INT_MIN; /* (a dtype's < is NumPy's casting order, not its name's) */
  /* Python's order of strings: code point by code point, which is UTF-8's byte order */
  int c = strcmp(xiS_name(&g->sym, (uint32_t)g->nodes[a].x->p[XI_C_TEXT]),
                 xiS_name(&g->sym, (uint32_t)g->nodes[b].x->p[XI_C_TEXT]));
  return (c > 0) - (c < 0);
}

int xiG_py_order(xiG_graph *g, int op, uint32_t a, uint32_t b, xi_pos pos, uint32_t *out,
                 xi_err *err) {
  int c = xiG_py_strcmp(g, a, b);
  if ((op == XI_LT || op == XI_LE || op == XI_GT || op == XI_GE) &&
      (xiG_is_dtype(g, a) || xiG_is_dtype(g, b)))
    return xiX_fail(err, pos, "< and > of a dtype (NumPy's order of safe casts) are not part "
                              "of xi");
  if ((op != XI_LT && op != XI_LE && op != XI_GT && op != XI_GE) || c == INT_MIN)
    return 1;
  int holds = op == XI_LT ? c < 0 : op == XI_LE ? c <= 0 : op == XI_GT ? c > 0 : c >= 0;
  uint32_t sym = xiS_intern(&g->sym, holds ? "True" : "False", holds ? 4 : 5);
  if (sym == XI_NONE || (*out = xiG_constant(g, sym, pos)) == XI_NONE)
    return xiG_oom(g, pos, err);
  return 0;
}

const char *xiG_dtype_type(const char *name) {
  static const char *const types[] = {"numpy.dtype[float64]", "numpy.dtype[float32]",
                                      "numpy.dtype[float16]", "numpy.dtype[int64]",
                                      "numpy.dtype[bool]",    "numpy.dtype[uint8]"};
  size_t n = strlen(name);
  for (size_t k = 0; k < sizeof types / sizeof *types; k++)
    if (strncmp(types[k] + 12, name, n) == 0 && strcmp(types[k] + 12 + n, "]") == 0)
      return types[k];
  return NULL;
}

/* x.dtype beside a str: joined (Python's TypeError) or compared (eq) */
static int no_dtype(const xiG_graph *g, uint32_t a, uint32_t b, int eq, xi_pos pos,
                    xi_err *err) {
  for (int k = 0; k < 2; k++) {
    uint32_t i = k ? b : a, o = k ? a : b;
    if (xiG_kind(g, i) != XI_C_STR || !g->nodes[i].x->p[XI_C_DTYPE])
      continue;
    const char *t = xiS_name(&g->sym, (uint32_t)g->nodes[i].x->p[XI_C_TEXT]);
    if (!eq)
      return xiX_fail(err, pos, "TypeError: x.dtype is a numpy.dtype[%s], not a str: "
                                "str(x.dtype) in print's text, or an f-string, writes its name",
                      t);
    const char *ot = xiG_kind(g, o) == XI_C_STR
                         ? xiS_name(&g->sym, (uint32_t)g->nodes[o].x->p[XI_C_TEXT])
                         : NULL;
    if (!ot || !xiG_dtype_type(ot)) /* (== of two dtypes' names is == of the dtypes) */
      return xiX_fail(err, pos, "x.dtype == ... is part of xi with a dtype's own name, "
                                "x.dtype == 'float64' (NumPy also reads 'float', 'f8', np.float64 "
                                "... as dtypes: write the name)");
  }
  return 0;
}

int xiG_py_no_exc(const xiG_graph *g, uint32_t a, uint32_t b, int eq, xi_pos pos,
                  xi_err *err) {
  if (a != XI_NONE && b != XI_NONE && no_dtype(g, a, b, eq, pos, err))
    return -1;
  for (int k = 0; k < 2; k++) {
    uint32_t i = k ? b : a;
    if (i == XI_NONE || xiG_kind(g, i) != XI_C_STR || !g->nodes[i].x->p[XI_C_EXC])
      continue;
    const char *c = xiP_exc_name(g->nodes[i].x->p[XI_C_EXC] - 1);
    if (eq) /* (not Python's error, so never a class an except would catch) */
      return xiX_fail(err, pos, "e == ... of an except's e is not part of xi: Python compares "
                                "the %s object, which is never equal to a str, and xi keeps only "
                                "its text (print(e) writes it)", c);
    return xiX_fail(err, pos, "TypeError: e is a %s, an exception, not a str: \"...\" + str(e) "
                              "joins its text in print", c);
  }
  return 0;
}
