/* ops.h: the one table of operations (an X-macro, as jq's opcode_list.h).
 *
 * A row holds everything xi knows about an operation: its enum name, the
 * name users type, its arity, the forward rule, the local-partial rule, the
 * printable forms used by `trace`, and the words for what can go wrong.
 * Adding an operation is one row here, its rules (an elementwise row's in
 * ops.c and partial.c; a whole-tensor row's in tops.c, rops.c, iops.c or dops.c, by kind)
 * and its ball rule (be_ID in bops.c for an elementwise row, xiO_bt_ID in
 * btops.c for a whole-tensor row: bops.c's table of ball rules is made from
 * these rows, so a row without its ball rule does not compile);
 * tests/opgrad.c tests every row's derivatives and tests/ballops.c every
 * ball rule without being told about them.
 *
 * X(ID, name, arity, forward, partial, form, d_first, d_second, nan_msg, pole_msg, help)
 *   name      what the user types (NULL for infix-only operators)
 *   form      how trace prints the node, in a and b (the operands)
 *   d_first   ∂node/∂a as an xi expression in a, b and o (the node itself):
 *             trace prints it with the operands' names, and a derivative of a
 *             derivative builds it as nodes.  "0" when there is none.
 *   d_second  ∂node/∂b likewise (NULL for one operand)
 *   nan_msg   why the result is not a number (the domain error)
 *   pole_msg  why the result is infinite although the operands are finite
 */
#ifndef XI_OPS_H
#define XI_OPS_H

#include <signal.h>
#include <stdio.h> /* before mpfr.h, which then declares its FILE functions */
#include <mpfr.h>
#include <stdint.h>

#ifndef XI_NONE
#define XI_NONE UINT32_MAX
#endif

/* sin, cos and tan refuse an angle past 2^(2^XI_ANGLE_BITS) (ops.c says why) */
#define XI_ANGLE_BITS 20
/* the bitwise rows' domain: whole numbers (their type, an int's or a bool's, is the
   tape's to check), and a shift's count not negative */
#define XI_BITS_MSG "a bitwise operation of a number that is not a whole number (or is past 2^1048576)"
#define XI_SHIFT_MSG "a shift by a negative count, or of a number that is not a whole number"
#define XI_ANGLE_MSG "an angle past 2^1048576 radians (reducing it by 2 pi would take more bits of pi than a computation Ctrl-C can stop)"

#define XI_OPS(X)                                                                         \
  X(ID, NULL, 1, fw_id, d_id, "a", "1", NULL, NULL, NULL, "a = b: b's value under a new name")  \
  X(NEG, NULL, 1, fw_neg, d_neg, "-a", "-1", NULL, NULL, NULL, "-a: negation")            \
  X(ADD, NULL, 2, fw_add, d_add, "a + b", "1", "1", NULL, NULL, "a + b")                 \
  X(SUB, NULL, 2, fw_sub, d_sub, "a - b", "1", "-1", NULL, NULL, "a - b")                \
  X(MUL, NULL, 2, fw_mul, d_mul, "a·b", "b", "a", NULL, NULL, "a * b")                   \
  X(DIV, NULL, 2, fw_div, d_div, "a/b", "1/b", "-a/b²", "0/0 is undefined",              \
    "division by zero", "a / b.  d/da = 1/b; d/db = -a/b²")                               \
  X(POW, "pow", 2, fw_pow, d_pow, "a^b", "b·a^(b - 1)", "xlogy(o, a)",                    \
    "a negative number to a non-integer power", "zero to a negative power",              \
    "pow(x, y) = x^y = x**y (right-associative: 2^3^2 = 2^9).\n"                         \
    "  d/dx = y·x^(y-1); d/dy = log(x)·x^y, which needs x > 0 (0 when x^y = 0).")        \
  X(EXP, "exp", 1, fw_exp, d_exp, "exp(a)", "o", NULL, NULL, NULL,                        \
    "exp(x): e to the x.  d/dx = exp(x)")                                                 \
  X(LOG, "log", 1, fw_log, d_log, "log(a)", "1/a", NULL, "log of a negative number",     \
    "log of zero", "log(x): natural logarithm, x > 0.  d/dx = 1/x")                       \
  X(XLOGY, "xlogy", 2, fw_xlogy, d_xlogy, "xlogy(a, b)", "log(b)", "a/b",                 \
    "log of a negative number", "log of zero",                                            \
    "xlogy(x, y) = x·log(y), and 0 where x = 0 whatever y is (SciPy's and PyTorch's\n"   \
    "  xlogy): y·log(p) of a cross-entropy where a label y is 0 and p may be, and\n"       \
    "  pow's derivative by its exponent, x^y·log(x), which is 0 at x = 0 < y.\n"           \
    "  d/dx = log(y); d/dy = x/y")                                                         \
  X(SQRT, "sqrt", 1, fw_sqrt, d_sqrt, "sqrt(a)", "1/(2·o)", NULL,                         \
    "square root of a negative number", NULL,                                             \
    "sqrt(x), x >= 0.  d/dx = 1/(2·sqrt(x)), infinite at 0 (an error in grad)")           \
  X(SIN, "sin", 1, fw_sin, d_sin, "sin(a)", "cos(a)", NULL, XI_ANGLE_MSG, NULL,                   \
    "sin(x), x in radians.  d/dx = cos(x)")                                               \
  X(COS, "cos", 1, fw_cos, d_cos, "cos(a)", "-sin(a)", NULL, XI_ANGLE_MSG, NULL,                  \
    "cos(x), x in radians.  d/dx = -sin(x)")                                              \
  X(TAN, "tan", 1, fw_tan, d_tan, "tan(a)", "1 + o²", NULL, XI_ANGLE_MSG, NULL,                   \
    "tan(x), x in radians.  d/dx = 1 + tan(x)^2")                                         \
  X(TANH, "tanh", 1, fw_tanh, d_tanh, "tanh(a)", "1 - o²", NULL, NULL, NULL,              \
    "tanh(x).  d/dx = 1 - tanh(x)^2")                                                     \
  X(SINH, "sinh", 1, fw_sinh, d_sinh, "sinh(a)", "cosh(a)", NULL, NULL, NULL,              \
    "sinh(x) = (exp(x) - exp(-x))/2.  d/dx = cosh(x)")                                   \
  X(COSH, "cosh", 1, fw_cosh, d_cosh, "cosh(a)", "sinh(a)", NULL, NULL, NULL,              \
    "cosh(x) = (exp(x) + exp(-x))/2.  d/dx = sinh(x); tanh's derivative is 1/cosh(x)^2")  \
  X(SIGMOID, "sigmoid", 1, fw_sigmoid, d_sigmoid, "σ(a)", "o·(1 - o)", NULL, NULL, NULL,  \
    "sigmoid(x) = σ(x) = 1/(1 + exp(-x)).  d/dx = σ(x)·(1 - σ(x))")                      \
  X(SOFTPLUS, "softplus", 1, fw_softplus, d_softplus, "softplus(a)", "σ(a)", NULL, NULL, NULL, \
    "softplus(x) = log(1 + exp(x)), computed without rounding 1 + exp(x) (x + log(1 +\n"   \
    "  exp(-x)) for x > 0).  d/dx = σ(x).  -softplus(x) is log(1 - σ(x)), which\n"          \
    "  1 - σ(x) cannot give once σ(x) rounds to 1")                                        \
  X(LOG_SIGMOID, "log_sigmoid", 1, fw_log_sigmoid, d_log_sigmoid, "log_sigmoid(a)",          \
    "σ(-a)", NULL, NULL, NULL,                                                             \
    "log_sigmoid(x) = log σ(x) = -softplus(-x), the log-likelihood of a sigmoid without\n"  \
    "  its rounding: log_sigmoid(-x) is log(1 - σ(x)).  d/dx = σ(-x) = 1 - σ(x)")          \
  X(RELU, "relu", 1, fw_relu, d_relu, "relu(a)", "(a > 0)", NULL, NULL, NULL,             \
    "relu(x) = max(x, 0).  d/dx = 1 if x > 0, else 0 (at 0 it is 0, as in PyTorch)")     \
  X(ABS, "abs", 1, fw_abs, d_abs, "|a|", "sign(a)", NULL, NULL, NULL,                     \
    "abs(x) = |x|.  d/dx = sign(x): 1, -1, and 0 at 0 (as in PyTorch)")                  \
  X(SIGN, "sign", 1, fw_sign, d_zero, "sign(a)", "0", NULL, NULL, NULL,                   \
    "sign(x): 1, 0 or -1.  Its derivative is 0 (where it has one)")                      \
  X(MAXIMUM, "maximum", 2, fw_maximum, d_maximum, "maximum(a, b)", "(a > b) + (a == b)/2", \
    "(a < b) + (a == b)/2", NULL, NULL,                                                  \
    "maximum(a, b): the larger, element by element (NumPy's np.maximum).\n"              \
    "  d/da = 1 where a > b, 0 where a < b, and 1/2 at a tie (as PyTorch and JAX)")      \
  X(MINIMUM, "minimum", 2, fw_minimum, d_minimum, "minimum(a, b)", "(a < b) + (a == b)/2", \
    "(a > b) + (a == b)/2", NULL, NULL,                                                  \
    "minimum(a, b): the smaller, element by element; 1/2 each at a tie")                 \
  X(MOD, NULL, 2, fw_mod, d_mod, "a % b", "1", "-(a // b)", "a modulo zero", NULL,        \
    "a % b: Python's remainder, with the sign of b (-7 % 3 = 2).\n"                       \
    "  d/da = 1; d/db = -(a // b) (between the jumps)")                                   \
  X(FLOORDIV, NULL, 2, fw_floordiv, d_zero, "a // b", "0", "0", "0 // 0 is undefined",    \
    "division by zero", "a // b: the floor of a/b, exactly (Python's //); derivative 0") \
  X(KEEP, NULL, 2, fw_keep, d_keep, "(a if b else -0)", "(b != 0)", "0", NULL, NULL,      \
    "a where b is not 0, else -0 (np.where(c, a, b) is keep(a, c) + keep(b, c == 0):\n" \
    "  -0 adds nothing, so the sum is exactly a or exactly b)")                          \
  X(ASFLOAT, NULL, 1, fw_id, d_id, "float(a)", "1", NULL, NULL, NULL,                     \
    "float(x), x.astype(float): the same numbers, which print as floats (7.0)")          \
  X(LOG1P, "log1p", 1, fw_log1p, d_log1p, "log1p(a)", "1/(1 + a)", NULL,                   \
    "log1p of a number below -1", "log1p of -1",                                          \
    "log1p(x) = log(1 + x), without the rounding of 1 + x.  d/dx = 1/(1 + x)")           \
  X(EXPM1, "expm1", 1, fw_expm1, d_expm1, "expm1(a)", "o + 1", NULL, NULL, NULL,          \
    "expm1(x) = exp(x) - 1, without the cancellation near 0.  d/dx = exp(x)")           \
  X(ISFINITE, "isfinite", 1, fw_isfinite, d_zero, "isfinite(a)", "0", NULL, NULL, NULL,   \
    "isfinite(x): True where x is a finite number, False at inf and nan (which only a\n" \
    "  number format has: xi's own values are always finite).  Derivative 0")          \
  X(TRUNC, "trunc", 1, fw_trunc, d_zero, "trunc(a)", "0", NULL, NULL, NULL,               \
    "trunc(x): x without its fraction (toward 0), as int(x) does; derivative 0")         \
  X(FLOOR, "floor", 1, fw_floor, d_zero, "floor(a)", "0", NULL, NULL, NULL,               \
    "floor(x): the greatest whole number <= x (np.floor: a float; math.floor: an int);\n"  \
    "  derivative 0")                                                                     \
  X(CEIL, "ceil", 1, fw_ceil, d_zero, "ceil(a)", "0", NULL, NULL, NULL,                   \
    "ceil(x): the least whole number >= x (np.ceil: a float; math.ceil: an int);\n"      \
    "  derivative 0")                                                                     \
  X(LOG2, "log2", 1, fw_log2, d_log2, "log2(a)", "1/(a·log(2))", NULL,                     \
    "log2 of a negative number", "log2 of 0",                                              \
    "log2(x): the base-2 logarithm, rounded once (not log(x)/log(2)).  d/dx = 1/(x·log 2)") \
  X(LOG10, "log10", 1, fw_log10, d_log10, "log10(a)", "1/(a·log(10))", NULL,               \
    "log10 of a negative number", "log10 of 0",                                            \
    "log10(x): the base-10 logarithm, rounded once.  d/dx = 1/(x·log 10)")               \
  X(ERF, "erf", 1, fw_erf, d_erf, "erf(a)", "2·exp(-a²)/sqrt(pi)", NULL, NULL, NULL,       \
    "erf(x) = (2/√π)·∫ exp(-t²) dt from 0 to x, the error function (math.erf; GELU\n"     \
    "  is x·(1 + erf(x/√2))/2).  d/dx = 2·exp(-x²)/√π")                                    \
  X(ERFC, "erfc", 1, fw_erfc, d_erfc, "erfc(a)", "-2·exp(-a²)/sqrt(pi)", NULL, NULL, NULL, \
    "erfc(x) = 1 - erf(x), without the cancellation where erf(x) is near 1 (math.erfc).\n" \
    "  d/dx = -2·exp(-x²)/√π")                                                             \
  X(ATAN, "atan", 1, fw_atan, d_atan, "atan(a)", "1/(1 + a²)", NULL, NULL, NULL,          \
    "atan(x): the angle in (-π/2, π/2) whose tangent is x (np.arctan, math.atan).\n"       \
    "  d/dx = 1/(1 + x²)")                                                                 \
  X(ASIN, "asin", 1, fw_asin, d_asin, "asin(a)", "1/sqrt(1 - a²)", NULL,                   \
    "asin of a number outside [-1, 1]", NULL,                                              \
    "asin(x), -1 <= x <= 1: the angle in [-π/2, π/2] whose sine is x (np.arcsin,\n"      \
    "  math.asin).  d/dx = 1/sqrt(1 - x²), infinite at ±1 (an error in grad)")            \
  X(ACOS, "acos", 1, fw_acos, d_acos, "acos(a)", "-1/sqrt(1 - a²)", NULL,                  \
    "acos of a number outside [-1, 1]", NULL,                                              \
    "acos(x), -1 <= x <= 1: the angle in [0, π] whose cosine is x (np.arccos,\n"         \
    "  math.acos).  d/dx = -1/sqrt(1 - x²), infinite at ±1 (an error in grad)")           \
  X(ATAN2, "atan2", 2, fw_atan2, d_atan2, "atan2(a, b)", "b/(a² + b²)", "-a/(a² + b²)",    \
    NULL, NULL,                                                                            \
    "atan2(y, x): the angle of the point (x, y), in [-π, π] (np.arctan2, math.atan2;\n"  \
    "  y first; atan2(0, -1) = π; in binary64 atan2(-0.0, -1) = -π, as Python's).\n"   \
    "  d/dy = x/(x² + y²); d/dx = -y/(x² + y²), which (0, 0) has not (an error in\n"     \
    "  grad)")                                                                             \
  X(HYPOT, "hypot", 2, fw_hypot, d_hypot, "hypot(a, b)", "a/o", "b/o", NULL, NULL,          \
    "hypot(x, y) = sqrt(x² + y²), correctly rounded without overflow in x² (math.hypot of\n" \
    "  two numbers).  d/dx = x/hypot(x, y), d/dy = y/hypot(x, y), which (0, 0) has not")  \
  X(GT, NULL, 2, fw_gt, d_zero, "(a > b)", "0", "0", NULL, NULL,                          \
    "a > b: 1 where it holds, 0 elsewhere; its derivative is 0")                          \
  X(GE, NULL, 2, fw_ge, d_zero, "(a >= b)", "0", "0", NULL, NULL, "a >= b: 1 or 0")       \
  X(LT, NULL, 2, fw_lt, d_zero, "(a < b)", "0", "0", NULL, NULL, "a < b: 1 or 0")         \
  X(LE, NULL, 2, fw_le, d_zero, "(a <= b)", "0", "0", NULL, NULL, "a <= b: 1 or 0")       \
  X(EQ, NULL, 2, fw_eq, d_zero, "(a == b)", "0", "0", NULL, NULL, "a == b: 1 or 0")       \
  X(NE, NULL, 2, fw_ne, d_zero, "(a != b)", "0", "0", NULL, NULL, "a != b: 1 or 0")       \
  X(BITAND, "bitwise_and", 2, fw_bitand, d_zero, "(a & b)", "0", "0", XI_BITS_MSG, NULL, \
    "bitwise_and(a, b), a & b in Python's code: the bits both whole numbers have, as\n"     \
    "  Python's ints and NumPy's int64 (two's complement: -1 & 6 = 6); of truth values,\n"  \
    "  both true (mask1 & mask2).  Not of floats (Python's TypeError).  Derivative 0")      \
  X(BITOR, "bitwise_or", 2, fw_bitor, d_zero, "(a | b)", "0", "0", XI_BITS_MSG, NULL,  \
    "bitwise_or(a, b), a | b in Python's code: the bits either has; of truth values,\n"     \
    "  either true.  Derivative 0")                                                        \
  X(BITXOR, "bitwise_xor", 2, fw_bitxor, d_zero, "bitwise_xor(a, b)", "0", "0",        \
    XI_BITS_MSG, NULL,                                                                     \
    "bitwise_xor(a, b), a ^ b in Python's code (in xi's own language ^ is a power): the\n" \
    "  bits one has and the other not; of truth values, one true.  Derivative 0")          \
  X(INVERT, "invert", 1, fw_invert, d_zero, "~a", "0", NULL, XI_BITS_MSG, NULL,         \
    "invert(a), ~a in Python's code: -a - 1, every bit flipped (~5 = -6, ~True = -2, as\n" \
    "  Python's); NumPy's bools flip (~mask: where mask is false).  Derivative 0")          \
  X(LSHIFT, "left_shift", 2, fw_lshift, d_zero, "(a << b)", "0", "0", XI_SHIFT_MSG,    \
    NULL, "left_shift(a, b), a << b in Python's code: a·2^b of whole numbers, b >= 0.\n"    \
    "  Derivative 0")                                                                      \
  X(RSHIFT, "right_shift", 2, fw_rshift, d_zero, "(a >> b)", "0", "0", XI_SHIFT_MSG,   \
    NULL, "right_shift(a, b), a >> b in Python's code: floor(a/2^b) of whole numbers,\n"   \
    "  b >= 0 (-5 >> 1 = -3).  Derivative 0")

/* Operations on whole tensors, in the same table.
 * T(ID, name, arity, params, shape, forward, vjp, gvjp, form, d_first, d_second, help)
 *   params    how many trailing arguments are whole numbers fixed when the
 *             node is built (p[0], p[1]); negative: up to -params of them,
 *             each optional (sum(M), sum(M, axis), sum(M, axis, keepdims): -2)
 *   shape     the result's shape from the operands' (or an error)
 *   vjp       adds the operand's share of the adjoint (vector-Jacobian product)
 *   gvjp      the same share built as nodes, for derivatives of derivatives
 *   d_*       the matrix form of the local partial, g the consumer's adjoint
 * shape, forward, vjp and gvjp name functions of ops/ (tops.c, rops.c,
 * iops.c, dops.c) without their prefix: sh_matmul is xiO_sh_matmul, and
 * tops.h and ops.c paste the prefix on, as bops.c does for xiO_bt_MATMUL.
 * Rows without a name are built by xi itself (the derivatives of the others,
 * and integer-array indexing, which the parser builds from M[I, J]).
 *
 * Integer-array indexing (GATHER, SCATTERADD, PUT, MASKOUT) takes an index
 * table b: a matrix whose first k rows are indices into the target (k = 1 for
 * a vector, 2 for a matrix: row indices, then column indices), one column per
 * element picked; PUT's table has one row more, the values to put. */
#define XI_TOPS(T)                                                                        \
  T(MATMUL, NULL, 2, 0, sh_matmul, tf_matmul, tv_matmul, tg_matmul, "a @ b", "g·bᵀ",      \
    "aᵀ·g",                                                                               \
    "A @ B: the matrix product (matrix @ matrix, matrix @ vector, vector @ matrix,\n"     \
    "  vector @ vector).  ∂L/∂A = ∂L/∂C · Bᵀ, ∂L/∂B = Aᵀ · ∂L/∂C")                        \
  T(TRANSPOSE, "T", 1, 0, sh_transpose, tf_transpose, tv_transpose, tg_transpose, "aᵀ",    \
    "gᵀ", NULL, "T(M) or M.T: the transpose (a vector stays as it is)")                  \
  T(SUM, "sum", 1, -2, sh_reduce, tf_sum, tv_sum, tg_sum, "sum(a)", "g (spread)", NULL,   \
    "sum(M): the sum of every element; sum(M, axis): along axis 0 (down the\n"          \
    "  columns) or 1 (along the rows), negative axes from the end, as NumPy;\n"         \
    "  sum(M, axis, 1) keeps the summed axis with length 1 (keepdims=True).\n"          \
    "  The derivative spreads ∂L/∂sum back over the elements summed")                   \
  T(MEAN, "mean", 1, -2, sh_reduce, tf_mean, tv_mean, tg_mean, "mean(a)", "g/n (spread)", \
    NULL, "mean(M), mean(M, axis), mean(M, axis, keepdims): the mean, as NumPy")         \
  T(MAX, "max", 1, -2, sh_reduce, tf_max, tv_max, tg_max, "max(a)", "g at the max", NULL, \
    "max(M): the largest element; max(M, axis), max(M, axis, keepdims): the largest\n"  \
    "  along an axis, as NumPy.  Its derivative goes to the first largest of each")     \
  T(ARGMAX, "argmax", 1, -2, sh_reduce, tf_argmax, tv_none, tg_none, "argmax(a)", "0",    \
    NULL,                                                                                 \
    "argmax(M): the index of the first largest element of M flattened (row by row);\n"  \
    "  argmax(M, axis), argmax(M, axis, keepdims): along an axis, as NumPy.  Whole\n"   \
    "  numbers; the derivative is 0")                                                     \
  T(MIN, "min", 1, -2, sh_reduce, tf_min, tv_min, tg_min, "min(a)", "g at the min", NULL, \
    "min(M): the smallest element; min(M, axis), min(M, axis, keepdims): the smallest\n" \
    "  along an axis, as NumPy.  Its derivative goes to the first smallest of each")    \
  T(ARGMIN, "argmin", 1, -2, sh_reduce, tf_argmin, tv_none, tg_none, "argmin(a)", "0",    \
    NULL,                                                                                 \
    "argmin(M), argmin(M, axis), argmin(M, axis, keepdims): the index of the first\n"   \
    "  smallest element, as NumPy's np.argmin.  Whole numbers; the derivative is 0")    \
  T(VAR, "var", 1, -3, sh_var, tf_var, tv_var, tg_var, "var(a)",                          \
    "2(a - mean(a))/(n - ddof) · g", NULL,                                                \
    "var(M), var(M, axis), var(M, axis, keepdims), var(M, axis, keepdims, ddof): the\n" \
    "  variance Σ(x - mean)²/(n - ddof), ddof 0 as NumPy's np.var (ddof=1: the\n"        \
    "  sample variance), correctly rounded.  d/dx = 2(x - mean)/(n - ddof)")            \
  T(STD, "std", 1, -3, sh_var, tf_std, tv_std, tg_std, "std(a)",                          \
    "(a - mean(a))/((n - ddof)·o) · g", NULL,                                             \
    "std(M, axis, keepdims, ddof): the standard deviation sqrt(var), as NumPy's\n"       \
    "  np.std, correctly rounded.  d/dx = (x - mean)/((n - ddof)·std), infinite\n"        \
    "  where std = 0 (an error in grad)")                                                 \
  T(NORM, "norm", 1, -2, sh_norm, tf_norm, tv_norm, tg_norm, "norm(a)",                 \
    "a/o · g (0 where o = 0)", NULL,                                                      \
    "norm(x): sqrt(Σ x²), a vector's 2-norm or a matrix's Frobenius norm, as NumPy's\n" \
    "  np.linalg.norm; norm(M, axis, keepdims) along an axis; correctly rounded.\n"     \
    "  d/dx = x/norm, and 0 at norm = 0 (as PyTorch)")                                   \
  T(CONCAT, "concatenate", 2, -1, sh_concat, tf_concat, tv_concat, tg_concat,             \
    "concatenate(a, b)", "g's first part", "g's last part",                              \
    "concatenate(a, b), concatenate(a, b, axis): b after a along axis 0 (a vector's\n"  \
    "  one axis, a matrix's rows) or 1 (a matrix's columns), as NumPy's\n"              \
    "  np.concatenate((a, b), axis).  Each part's derivative is its part of ∂L/∂out")   \
  T(ROUND, "round", 1, -1, sh_round, tf_round, tv_none, tg_none, "round(a)", "0", NULL,   \
    "round(x), round(x, decimals): x rounded to that many decimal places (negative:\n"  \
    "  to tens, hundreds, ...), ties to even, as NumPy's np.round of the exact value:\n" \
    "  round(2.5) = 2, round(0.125, 2) = 0.12, round(-0.5) = -0.  Derivative 0")         \
  T(OUTER, "outer", 2, 0, sh_outer, tf_outer, tv_outer, tg_outer, "outer(a, b)", "g·b",  \
    "gᵀ·a", "outer(a, b): the matrix a bᵀ of two vectors")                               \
  T(DIAG, "diag", 1, 0, sh_diag, tf_diag, tv_diag, tg_diag, "diag(a)", "diag(g)", NULL,   \
    "diag(v): the square matrix with the vector v on its diagonal, 0 elsewhere;\n"        \
    "  diag(M): the diagonal of a square matrix M, a vector (NumPy's np.diag; softmax's\n" \
    "  Jacobian is diag(s) - outer(s, s)).  d/dv = diag(g), d/dM = diag(g)")              \
  T(SOFTMAX, "softmax", 1, 0, sh_same, tf_softmax, tv_softmax, tg_softmax, "softmax(a)",  \
    "o ⊙ (g - Σ g⊙o)", NULL, "softmax(Z): exp(Z) / Σ exp(Z) along the last axis")        \
  T(LOG_SOFTMAX, "log_softmax", 1, 0, sh_same, tf_log_softmax, tv_log_softmax,            \
    tg_log_softmax, "log_softmax(a)", "g - softmax(a) Σ g", NULL,                         \
    "log_softmax(Z): Z - log Σ exp(Z) along the last axis")                               \
  T(CROSS_ENTROPY, "cross_entropy", 2, 0, sh_ce, tf_ce, tv_ce, tg_ce,                     \
    "cross_entropy(a, b)", "(softmax(a) - onehot(b))/batch", "0",                         \
    "cross_entropy(logits, labels): the mean over the batch of -log softmax(logits)\n"  \
    "  at each row's label; labels are class indices (0-based).  Its gradient is the\n" \
    "  softmax-plus-cross-entropy shortcut (p - y)/batch")                                \
  T(INDEX, NULL, 1, 2, sh_index, tf_index, tv_index, tg_index, "a[·]", "g (placed)",      \
    NULL, "v[i], M[i, j], M[i, :], M[:, j]: 0-based, negative from the end")             \
  T(SCATTER, NULL, 1, 0, sh_param, tf_scatter, tv_scatter, tg_scatter, "place(a)",        \
    "g[·]", NULL, "a value placed at an index of zeros (the derivative of indexing)")    \
  T(BROADCAST, NULL, 1, 0, sh_param, tf_broadcast, tv_broadcast, tg_broadcast,            \
    "spread(a)", "Σ g", NULL, "a value spread to a larger shape, as broadcasting does") \
  T(SUMTO, NULL, 1, 0, sh_param, tf_sumto, tv_sumto, tg_sumto, "Σ(a)", "g (spread)",      \
    NULL, "a value summed down to a smaller shape (the derivative of broadcasting)")    \
  T(RESHAPE, NULL, 1, 0, sh_param, tf_reshape, tv_reshape, tg_reshape, "reshape(a)",      \
    "g (reshaped)", NULL, "the same elements in another shape")                          \
  T(MAXMASK, NULL, 1, 0, sh_mask, tf_maxmask, tv_none, tg_none, "[a at its max]", "0",    \
    NULL, "1 at the first largest element (of each slice along axis p[0]), 0 elsewhere") \
  T(ONEHOT, NULL, 1, 0, sh_param, tf_onehot, tv_none, tg_none, "onehot(a)", "0", NULL,    \
    "class labels as rows of 0s with a 1 at the label")                                   \
  T(GATHER, NULL, 2, 0, sh_gather, tf_gather, tv_gather, tg_gather, "a[b]",               \
    "g added at b", "0",                                                                  \
    "M[I, J], v[I]: the elements at the index table b, a vector (NumPy's integer-array\n" \
    "  indexing); ∂L/∂M adds ∂L/∂(M[I, J]) at each index, repeated indices adding up.\n" \
    "  p[0] = 1: the values row of a table shaped like b, at the last of repeated\n"     \
    "  indices only (the derivative of PUT by its table)")                                \
  T(SCATTERADD, NULL, 2, 0, sh_scatteradd, tf_scatteradd, tv_scatteradd, tg_scatteradd,   \
    "(a added at b)", "g[b]", "0",                                                         \
    "zeros of the shape p[2..4] with a's elements added at the index table b (the\n"     \
    "  derivative of GATHER); p[0] = 1: a's last row, the last of repeated indices")     \
  T(PUT, NULL, 2, 0, sh_put, tf_put, tv_put, tg_put, "put(a, b)", "g with 0 at b",         \
    "g[b] as b's values row",                                                             \
    "M[I, J] = v as a value: M with the elements at the index table's first rows\n"      \
    "  replaced by its last row (the last of repeated indices wins, as NumPy)")          \
  T(MASKOUT, NULL, 2, 0, sh_maskout, tf_maskout, tv_maskout, tg_maskout, "(a with 0 at b)", \
    "g with 0 at b", "0", "a with zeros at the index table b (the derivative of PUT)")   \
  T(SLICE, NULL, 1, 0, sh_slice, tf_slice, tv_slice, tg_slice, "a[·:·]", "g in the slice", \
    NULL,                                                                                 \
    "X[a:b:c, d:e:f], v[a:b]: the elements of a slice, with bounds and steps, as\n"     \
    "  NumPy's basic indexing; ∂L/∂X is ∂L/∂(the slice) in its place, 0 elsewhere")      \
  T(SLICESET, NULL, 2, 0, sh_sliceset, tf_sliceset, tv_sliceset, tg_sliceset,             \
    "(a with b in [·:·])", "g with 0 in the slice", "g's slice",                          \
    "X[a:b, c:d] = v as a value: X with the slice replaced by v (of the slice's\n"       \
    "  shape); the old X is unchanged")                                                   \
  T(FSUM, NULL, 1, 0, sh_reduce, tf_fsum, tv_sum, tg_sum, "fsum(a)", "g (spread)", NULL,    \
    "math.fsum(xs): the exact sum of every element, rounded once, in a format too\n"    \
    "  (CPython's fsum is correctly rounded); its derivative spreads as sum's")          \
  T(NONZERO, NULL, 1, 0, sh_param, tf_nonzero, tv_none, tg_none, "nonzero(a)", "0", NULL, \
    "the index table of a's nonzero elements, row by row (NumPy's np.nonzero): what\n"  \
    "  x[mask] reads and x[mask] = v writes.  Whole numbers; derivative 0")

enum xiO_op {
  XI_LEAF,  /* a value computed from no other value: an input to differentiate by */
  XI_CONST, /* a literal or pi/e, shared, re-read when the precision changes */
  XI_GRAD,  /* grad(a, b): computed by a sweep; built as nodes when differentiated */
  XI_LIST,  /* [a, b, ...]: a tensor assembled from its operands (any number) */
  XI_TUPLE, /* (a, b, ...): its operands side by side, not a value: a shape, what a def
               returns; only unpacking, indexing, len, print and a few makers read it */
#define XI_OP_ENUM(id, ...) XI_##id,
  XI_OPS(XI_OP_ENUM)
  XI_TOPS(XI_OP_ENUM)
#undef XI_OP_ENUM
  XI_NOPS
};
#define XI_FIRST_OP XI_ID /* ops from here on are in the table with rules */

#define XI_COLON INT32_MIN /* an INDEX parameter that is ':' */
/* SUM, MEAN, MAX, ARGMAX: over every element (no axis given).  Not a number
   anyone types: -2 is an axis (the second from the end) */
#define XI_ALL_AXES (INT32_MIN + 1)
/* p[0], p[1]: the op's own; p[2..4]: a shape (rank, rows, cols), or var's
   ddof in p[2]; p[5], p[6]: SLICE's and SLICESET's column start and step
   (their row start and step are p[0] and p[1]) */
#define XI_NPARAMS 7
enum { XI_MAKE_ZEROS, XI_MAKE_ONES, XI_MAKE_EYE, XI_MAKE_RANDN, XI_MAKE_RAND, XI_MAKE_ARANGE,
       /* NumPy's only (np.linspace, np.random.*): their arguments by slot, a mask of
          those given (tape/npmake.c) */
       XI_MAKE_LINSPACE, XI_MAKE_RANDINT, XI_MAKE_NORMAL, XI_MAKE_UNIFORM,
       XI_MAKE_PERMUTATION, XI_MAKE_CHOICE };
/* K_MAKE's spare, for np.random.randn and rand in Python's code (tape/build.c):
   randn(*t), t's items the sizes; randn(...), sizes that are numbers, not a tuple */
enum { XI_MAKE_XI, XI_MAKE_STAR, XI_MAKE_NUMPY };
#define XI_MAX_ELEMENTS 10000000u

/* a shape: rank 0 is a scalar (1×1), rank 1 a vector (one row), rank 2 a matrix */
typedef struct {
  uint8_t rank;
  uint32_t rows, cols;
} xi_shape;

/* What kind of number a value holds, as Python and NumPy see it: it changes
   only how a value is printed for pasted code (7 and not 7.0, True).  The
   arithmetic is the same MPFR arithmetic for all four: uint8's values are
   kept to 0..255, where it agrees with NumPy's (tape/graph.c xiG_as_uint8). */
enum { XI_DT_FLOAT, XI_DT_INT, XI_DT_BOOL, XI_DT_UINT8 };

/* a value as the rules see it: elements row by row, p the node's parameters */
typedef struct {
  mpfr_ptr el;
  xi_shape sh;
  uint32_t n;
  const int32_t *p;
  uint8_t dtype; /* XI_DT_* */
} xiO_view;

/* What a graph-building rule (gvjp) builds with; the tape supplies it.  Each
   call makes a node and evaluates it; XI_NONE when that failed (the builder
   keeps the reason).  p: XI_NPARAMS parameters, or NULL. */
typedef struct xiO_build {
  void *ctx;
  uint32_t (*op)(struct xiO_build *bd, int op, uint32_t a, uint32_t b, const int32_t *p);
  uint32_t (*num)(struct xiO_build *bd, long v); /* the constant v */
  xi_shape (*shape)(struct xiO_build *bd, uint32_t x);
  const int32_t *(*params)(struct xiO_build *bd, uint32_t x); /* node x's parameters */
} xiO_build;
#define XI_NOTHING (UINT32_MAX - 1) /* a gvjp's answer for "no share: the derivative is 0" */

typedef struct {
  const char *name;
  int arity;
  int params; /* whole tensors only: see XI_TOPS */
  int (*shape)(xi_shape *out, const xi_shape *a, const xi_shape *b, int32_t *p, char *why,
               size_t n);
  int (*tforward)(xiO_view *out, const xiO_view *a, const xiO_view *b, mpfr_ptr tmp);
  int (*vjp)(int k, xiO_view *da, const xiO_view *g, const xiO_view *out, const xiO_view *a,
             const xiO_view *b, mpfr_ptr tmp);
  uint32_t (*gvjp)(xiO_build *bd, int k, uint32_t g, uint32_t out, uint32_t a, uint32_t b);
  int (*forward)(mpfr_ptr r, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t rnd);
  /* the local partial ∂node/∂operand k; returns tmp, an operand, the node's
     own value or one of the shared constants below */
  mpfr_srcptr (*partial)(int k, mpfr_ptr tmp, mpfr_srcptr out, mpfr_srcptr a,
                         mpfr_srcptr b);
  const char *form, *d[2], *nan_msg, *pole_msg, *help;
} xiO_row;

extern const xiO_row xiO_table[XI_NOPS];
/* how many whole numbers row r takes after its operands: from lo to hi */
static inline int xiO_params_lo(const xiO_row *r) { return r->params > 0 ? r->params : 0; }
static inline int xiO_params_hi(const xiO_row *r) { return r->params < 0 ? -r->params : r->params; }
/* the parameters of an op node when none are given: no axis (all of them),
   no second index; round's 0 decimals, indexing's plain mode */
void xiO_params_default(int op, int32_t p[XI_NPARAMS]);
/* round's p[1] when it rounds as NumPy's np.round does in a format (x·10^d,
   rint, /10^d, each rounded; rops.c); any other p[1]: the exact value
   rounded, as Python's round(x, d) of a float and as xi's round */
#define XI_ROUND_NUMPY 1
/* do NumPy's np.round(x, d) and the exact rounding differ for x, in the
   format in effect (0 outside one)? */
int xiO_round_differs(mpfr_srcptr x, int32_t d);
/* exact constants the partials may return; the sweep adds or subtracts
   instead of multiplying when it sees them */
extern mpfr_t xiO_one, xiO_minus_one, xiO_zero, xiO_half;

void xiO_init(void);
void xiO_done(void);
void xiO_scratch_free(void); /* the dot products' scratch (tops.c) */
/* the op a function name denotes (sigmoid, σ, pow, sum ...), or -1;
   xiO_lookup_args: the one taking argc arguments, or -1 */
int xiO_lookup(const char *name, size_t len);
int xiO_lookup_args(const char *name, size_t len, int argc);
/* elementwise ops broadcast their operands, NumPy's way */
int xiO_broadcast(xi_shape *out, const xi_shape *a, const xi_shape *b, char *why, size_t n);
void xiO_shape_text(const xi_shape *s, char *buf, size_t n); /* "(2, 3)" */
/* the dtype of op's result from its operands' (b's is a's for one operand) */
int xiO_dtype(int op, int da, int db);
/* 1 when NumPy computes op of uint8 or bool elements in float16 (np.log of a
   uint8 image is 1.099, not 1.0986122886681098): its float ufuncs of one
   operand.  xi's floats are binary64 (the tape refuses these) */
int xiO_float16_ufunc(int op);

/* op's value as CPython's libm computes it in binary64 (ops.c says which ops) */
int xiO_fw_libm(int op, mpfr_ptr r, mpfr_srcptr a, mpfr_srcptr b);
/* micrograd's Value.tanh() in binary64, (exp(2*x) - 1)/(exp(2*x) + 1) by C's exp */
int xiO_fw_vtanh(mpfr_ptr r, mpfr_srcptr a);

/* mpfr_number_p inline (MPFR's is a call, and the sweeps ask it of every
   partial and adjoint): not nan nor inf */
static inline int xiO_number_p(mpfr_srcptr x) { return mpfr_regular_p(x) || mpfr_zero_p(x); }
/* x when it is a whole number in [0, len), else -1: an index read from its significand's
   bits (mpfr_integer_p, mpfr_cmp_ui and mpfr_get_ui took ~700 instructions an index) */
_Static_assert(GMP_NUMB_BITS == 64 && GMP_NAIL_BITS == 0, "xiO_index_of reads 64-bit limbs");
static inline int64_t xiO_index_of(mpfr_srcptr x, uint64_t len) {
  if (mpfr_zero_p(x))
    return len > 0 ? 0 : -1;
  if (!mpfr_regular_p(x) || mpfr_sgn(x) < 0)
    return -1;
  mpfr_exp_t e = mpfr_get_exp(x); /* x = 0.1bbb… · 2^e */
  if (e < 1 || e > 62)
    return -1;
  const mp_limb_t *d = (const mp_limb_t *)mpfr_custom_get_significand(x);
  size_t top = (size_t)(mpfr_get_prec(x) - 1) / GMP_NUMB_BITS;
  for (size_t k = 0; k < top; k++)
    if (d[k])
      return -1; /* a fraction's bits (or bits past 2^62) below the top limb */
  uint64_t m = (uint64_t)d[top];
  if (m << e) /* bits after the point */
    return -1;
  uint64_t v = m >> (64 - e);
  return v < len ? (int64_t)v : -1;
}
static inline int xiO_elementwise(int op) { return op >= XI_FIRST_OP && op < XI_MATMUL; }
/* & | ^ ~ << >>: whole numbers and truth values only (ops/bitops.c) */
static inline int xiO_bitwise(int op) { return op >= XI_BITAND && op <= XI_RSHIFT; }
static inline int xiO_same_shape(const xi_shape *a, const xi_shape *b) {
  return a->rank == b->rank && a->rows == b->rows && a->cols == b->cols;
}
/* element (i, j) of an operand of shape in, broadcast to an output's (i, j) */
static inline uint32_t xiO_bidx(const xi_shape *in, uint32_t i, uint32_t j) {
  return (in->rows == 1 ? 0 : i) * in->cols + (in->cols == 1 ? 0 : j);
}
/* slice k of a reduction along axis (0, 1 or XI_ALL_AXES) of a value shaped
   a: len elements, step apart, from first (rops.c) */
typedef struct {
  uint32_t first, len, step;
} xiO_slice;
xiO_slice xiO_slice_of(int32_t axis, const xi_shape *a, uint32_t k);
/* out = the sum (mean: the mean) of len terms as NumPy 1.24's add.reduce gives it in
   the format in effect (xiO_fmt set): in_order, added in order (axis 0 of a matrix
   of several columns), else pairwise (rops.c) */
void xiO_numpy_sum(mpfr_ptr out, mpfr_ptr const *terms, uint32_t len, int in_order, int mean);
/* the parameters of an op whose result has shape sh (BROADCAST, SUMTO, ...) */
static inline void xiO_shape_params(int32_t *p, xi_shape sh) {
  p[2] = sh.rank, p[3] = (int32_t)sh.rows, p[4] = (int32_t)sh.cols;
}

/* What a tensor rule returns: 0, or why it stopped.  A long rule checks the
   session's interrupt flag (set by ^C) at every output element, and stops. */
enum { XI_RULE_OK = 0, XI_RULE_DOMAIN = -1, XI_RULE_STOPPED = -2 };
extern volatile sig_atomic_t *xiO_interrupt;
static inline int xiO_stopped(void) { return xiO_interrupt && *xiO_interrupt; }

/* NumPy's legacy generator: MT19937 and its polar Gaussian, bit for bit */
typedef struct {
  uint32_t key[624];
  int pos, has_gauss;
  double gauss;
  int seeded; /* Python's random module's: random.seed(n) ran (it starts from the OS's entropy) */
} xiO_rng;
void xiO_seed(xiO_rng *r, uint32_t seed);
double xiO_uniform(xiO_rng *r); /* np.random.random_sample */
double xiO_gauss(xiO_rng *r);   /* np.random.randn */
/* np.random.randint's draw in [0, rng] (rng = high - low - 1), NumPy's masked
   rejection; and random_interval, what shuffle and permutation draw with */
uint64_t xiO_bounded(xiO_rng *r, uint64_t rng);
uint64_t xiO_interval(xiO_rng *r, uint64_t max);
/* CPython's random module, on a generator of its own: random.seed(n)'s init_by_array of
   |n|'s 32-bit words (low first), getrandbits(k) for k <= 64, and _randbelow(n) */
void xiO_seed_array(xiO_rng *r, const uint32_t *key, int n);
uint64_t xiO_getrandbits(xiO_rng *r, int k);
uint64_t xiO_randbelow(xiO_rng *r, uint64_t n);
/* NumPy's Generator, np.random.default_rng(seed) (ops/pcg64.c): SeedSequence's
   hash of the seed's 32-bit words (low first) into PCG64's state; the 64- and
   buffered 32-bit draws, random() (53 bits), the ziggurat's standard normal,
   integers' Lemire draw in [0, rng] and random_interval(max), as NumPy 1.24 */
typedef struct {
  uint64_t state[2], inc[2]; /* 128 bits each, the high word first */
  int has32;                 /* the high half of the last draw is kept */
  uint32_t u32;
} xiO_pcg;
void xiO_pcg_seed(xiO_pcg *r, const uint32_t *words, int n);
uint64_t xiO_pcg_next64(xiO_pcg *r);
uint32_t xiO_pcg_next32(xiO_pcg *r);
double xiO_pcg_double(xiO_pcg *r);
double xiO_pcg_normal(xiO_pcg *r);
uint64_t xiO_pcg_bounded(xiO_pcg *r, uint64_t rng);
uint64_t xiO_pcg_interval(xiO_pcg *r, uint64_t max);
/* the ziggurat's tables, NumPy's ki_double, wi_double and fi_double (ops/zigtab.c) */
extern const uint64_t xiO_zig_ki[256];
extern const double xiO_zig_wi[256], xiO_zig_fi[256];
/* the nth user-visible function name, for completion and help (NULL at end) */
const char *xiO_function_name(int i);

#include "ops/fmt.h" /* the IEEE formats every rule rounds into when one is set */

#endif
