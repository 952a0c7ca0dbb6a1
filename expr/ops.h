/* ops.h: the one table of operations (an X-macro, as jq's opcode_list.h).
 *
 * A row holds everything xi knows about an operation: its enum name, the
 * name users type, its arity, the forward rule, the local-partial rule, the
 * printable forms used by `trace`, and the words for what can go wrong.
 * Adding an operation is adding one row here and its two rules in ops.c.
 *
 * X(ID, name, arity, forward, partial, form, d_first, d_second, nan_msg, pole_msg, help)
 *   name      what the user types (NULL for infix-only operators)
 *   form      how trace prints the node: %a, %b are the operands
 *   d_first   printable ∂node/∂a (%o is the node itself), d_second ∂node/∂b
 *   nan_msg   why the result is not a number (the domain error)
 *   pole_msg  why the result is infinite although the operands are finite
 */
#ifndef XI_OPS_H
#define XI_OPS_H

#include <stdio.h> /* before mpfr.h, which then declares its FILE functions */
#include <mpfr.h>

#define XI_OPS(X)                                                                         \
  X(ID, NULL, 1, fw_id, d_id, "%a", "1", NULL, NULL, NULL,                                \
    "a = b names b's value anew: the new node follows b")                                \
  X(NEG, NULL, 1, fw_neg, d_neg, "-%a", "-1", NULL, NULL, NULL,                          \
    "-a: negation")                                                                       \
  X(ADD, NULL, 2, fw_add, d_add, "%a + %b", "1", "1", NULL, NULL, "a + b")                \
  X(SUB, NULL, 2, fw_sub, d_sub, "%a - %b", "1", "-1", NULL, NULL, "a - b")               \
  X(MUL, NULL, 2, fw_mul, d_mul, "%a·%b", "%b", "%a", NULL, NULL, "a * b")                \
  X(DIV, NULL, 2, fw_div, d_div, "%a/%b", "1/%b", "-%a/%b²", "0/0 is undefined",         \
    "division by zero", "a / b")                                                          \
  X(POW, "pow", 2, fw_pow, d_pow, "%a^%b", "%b·%a^(%b-1)", "log(%a)·%o",                 \
    "a negative number to a non-integer power", "zero to a negative power",              \
    "pow(x, y) = x^y = x**y (right-associative: 2^3^2 = 2^9).\n"                         \
    "  d/dx = y·x^(y-1); d/dy = log(x)·x^y, which needs x > 0 (0 when x^y = 0).")        \
  X(EXP, "exp", 1, fw_exp, d_exp, "exp(%a)", "%o", NULL, NULL, NULL,                      \
    "exp(x): e to the x.  d/dx = exp(x)")                                                 \
  X(LOG, "log", 1, fw_log, d_log, "log(%a)", "1/%a", NULL, "log of a negative number",   \
    "log of zero", "log(x): natural logarithm, x > 0.  d/dx = 1/x")                       \
  X(SQRT, "sqrt", 1, fw_sqrt, d_sqrt, "sqrt(%a)", "1/(2·%o)", NULL,                       \
    "square root of a negative number", NULL,                                             \
    "sqrt(x), x >= 0.  d/dx = 1/(2·sqrt(x)), infinite at 0 (an error in grad)")           \
  X(SIN, "sin", 1, fw_sin, d_sin, "sin(%a)", "cos(%a)", NULL, NULL, NULL,                 \
    "sin(x), x in radians.  d/dx = cos(x)")                                               \
  X(COS, "cos", 1, fw_cos, d_cos, "cos(%a)", "-sin(%a)", NULL, NULL, NULL,                \
    "cos(x), x in radians.  d/dx = -sin(x)")                                              \
  X(TAN, "tan", 1, fw_tan, d_tan, "tan(%a)", "1 + %o²", NULL, NULL, NULL,                 \
    "tan(x), x in radians.  d/dx = 1 + tan(x)^2")                                         \
  X(TANH, "tanh", 1, fw_tanh, d_tanh, "tanh(%a)", "1 - %o²", NULL, NULL, NULL,            \
    "tanh(x).  d/dx = 1 - tanh(x)^2")                                                     \
  X(SIGMOID, "sigmoid", 1, fw_sigmoid, d_sigmoid, "σ(%a)", "%o·(1 - %o)", NULL, NULL,    \
    NULL, "sigmoid(x) = σ(x) = 1/(1 + exp(-x)).  d/dx = σ(x)·(1 - σ(x))")                \
  X(RELU, "relu", 1, fw_relu, d_relu, "relu(%a)", "[%a > 0]", NULL, NULL, NULL,           \
    "relu(x) = max(x, 0).  d/dx = 1 if x > 0, else 0 (at 0 it is 0, as in PyTorch)")     \
  X(ABS, "abs", 1, fw_abs, d_abs, "|%a|", "sign(%a)", NULL, NULL, NULL,                   \
    "abs(x) = |x|.  d/dx = sign(x): 1, -1, and 0 at 0 (as in PyTorch)")

enum xiO_op {
  XI_LEAF,  /* a knob: its value is set by assignment */
  XI_CONST, /* a literal or pi/e, re-read when the precision changes */
  XI_SNAP,  /* a number computed once (grad(...)): rounded on prec change */
#define XI_OP_ENUM(id, ...) XI_##id,
  XI_OPS(XI_OP_ENUM)
#undef XI_OP_ENUM
  XI_NOPS
};

typedef struct {
  const char *name;
  int arity;
  int (*forward)(mpfr_ptr r, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t rnd);
  /* the local partial ∂node/∂operand k; returns tmp, an operand, the node's
     own value or one of the shared constants below */
  mpfr_srcptr (*partial)(int k, mpfr_ptr tmp, mpfr_srcptr out, mpfr_srcptr a,
                         mpfr_srcptr b);
  const char *form, *d[2], *nan_msg, *pole_msg, *help;
} xiO_row;

extern const xiO_row xiO_table[XI_NOPS];
/* exact constants the partials may return; the sweep adds or subtracts
   instead of multiplying when it sees them */
extern mpfr_t xiO_one, xiO_minus_one, xiO_zero;

void xiO_init(void);
void xiO_done(void);
/* the op a function name denotes (sigmoid, σ, pow, ...), or -1 */
int xiO_lookup(const char *name, size_t len);
/* the nth user-visible function name, for completion and help (NULL at end) */
const char *xiO_function_name(int i);

#endif
