/* ops.c: the forward rules named in ops.h (the local partials are
 * partial.c's), the table made from its rows, and looking names up in it.
 * Forward rules take the output first and the rounding mode last, as MPFR
 * does; they are named in ops.h without their prefix (fw_exp is xiO_fw_exp). */
#include "ops/ops.h"
#include "ops/tops.h"

#include <math.h>
#include <string.h>

mpfr_t xiO_one, xiO_minus_one, xiO_zero, xiO_half;
volatile sig_atomic_t *xiO_interrupt;

/* ---- forward rules ---- */
int xiO_fw_id(mpfr_ptr r, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t rnd) {
  (void)b;
  return mpfr_set(r, a, rnd);
}
int xiO_fw_neg(mpfr_ptr r, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t rnd) {
  (void)b;
  return mpfr_neg(r, a, rnd);
}
int xiO_fw_add(mpfr_ptr r, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t rnd) {
  return mpfr_add(r, a, b, rnd);
}
int xiO_fw_sub(mpfr_ptr r, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t rnd) {
  return mpfr_sub(r, a, b, rnd);
}
int xiO_fw_mul(mpfr_ptr r, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t rnd) {
  return mpfr_mul(r, a, b, rnd);
}
int xiO_fw_div(mpfr_ptr r, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t rnd) {
  return mpfr_div(r, a, b, rnd);
}
int xiO_fw_pow(mpfr_ptr r, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t rnd) {
  return mpfr_pow(r, a, b, rnd);
}
int xiO_fw_exp(mpfr_ptr r, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t rnd) {
  (void)b;
  return mpfr_exp(r, a, rnd);
}
int xiO_fw_log(mpfr_ptr r, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t rnd) {
  (void)b;
  return mpfr_log(r, a, rnd);
}
/* a·log(b), and 0 where a = 0 for any b but NaN (SciPy's xlogy); the log
   with guard bits, so the product is rounded about once */
int xiO_fw_xlogy(mpfr_ptr r, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t rnd) {
  if (mpfr_zero_p(a) && !mpfr_nan_p(b)) {
    mpfr_set_zero(r, 1);
    return 0;
  }
  mpfr_t t;
  mpfr_init2(t, mpfr_get_prec(r) + 32);
  mpfr_log(t, b, MPFR_RNDN);
  int inex = mpfr_mul(r, t, a, rnd);
  mpfr_clear(t);
  return inex;
}
int xiO_fw_log1p(mpfr_ptr r, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t rnd) {
  (void)b;
  return mpfr_log1p(r, a, rnd);
}
int xiO_fw_expm1(mpfr_ptr r, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t rnd) {
  (void)b;
  return mpfr_expm1(r, a, rnd);
}
int xiO_fw_sqrt(mpfr_ptr r, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t rnd) {
  (void)b;
  return mpfr_sqrt(r, a, rnd);
}
/* An angle past 2^(2^XI_ANGLE_BITS): reducing it by 2π needs as many bits of π,
   a computation ^C cannot stop (a second at 2^22, minutes past 2^28): NaN,
   reported with the row's message, instead */
static int huge_angle(mpfr_ptr r, mpfr_srcptr a) {
  if (!mpfr_regular_p(a) || mpfr_get_exp(a) <= (mpfr_exp_t)1 << XI_ANGLE_BITS)
    return 0;
  mpfr_set_nan(r);
  return 1;
}
int xiO_fw_sin(mpfr_ptr r, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t rnd) {
  (void)b;
  if (huge_angle(r, a))
    return 0;
  return mpfr_sin(r, a, rnd);
}
int xiO_fw_cos(mpfr_ptr r, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t rnd) {
  (void)b;
  if (huge_angle(r, a))
    return 0;
  return mpfr_cos(r, a, rnd);
}
int xiO_fw_tan(mpfr_ptr r, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t rnd) {
  (void)b;
  if (huge_angle(r, a))
    return 0;
  return mpfr_tan(r, a, rnd);
}
int xiO_fw_tanh(mpfr_ptr r, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t rnd) {
  (void)b;
  return mpfr_tanh(r, a, rnd);
}
int xiO_fw_sinh(mpfr_ptr r, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t rnd) {
  (void)b;
  return mpfr_sinh(r, a, rnd);
}
int xiO_fw_cosh(mpfr_ptr r, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t rnd) {
  (void)b;
  return mpfr_cosh(r, a, rnd);
}
/* σ(a) = 1/(1 + e^-a), with guard bits so the two roundings inside stay
   below the final one; MPFR has no sigmoid of its own. */
int xiO_fw_sigmoid(mpfr_ptr r, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t rnd) {
  (void)b;
  mpfr_t t;
  mpfr_init2(t, mpfr_get_prec(r) + 32);
  mpfr_neg(t, a, MPFR_RNDN);
  mpfr_exp(t, t, MPFR_RNDN);
  mpfr_add_ui(t, t, 1, MPFR_RNDN);
  int inex = mpfr_ui_div(r, 1, t, rnd);
  mpfr_clear(t);
  return inex;
}
/* softplus(a) = log(1 + e^a), as a + log1p(e^-a) for a > 0 (e^±a never
   overflows, and 1 + e^a is never rounded), with guard bits */
static int softplus(mpfr_ptr r, mpfr_srcptr a, int neg, mpfr_rnd_t rnd) {
  mpfr_t t, x;
  mpfr_inits2(mpfr_get_prec(r) + 32, t, x, (mpfr_ptr)0);
  mpfr_set(x, a, MPFR_RNDN); /* (exact: x has more bits than a's working precision) */
  if (neg)
    mpfr_neg(x, x, MPFR_RNDN);
  int inex;
  if (mpfr_sgn(x) > 0) {
    mpfr_neg(t, x, MPFR_RNDN);
    mpfr_exp(t, t, MPFR_RNDN);
    mpfr_log1p(t, t, MPFR_RNDN);
    mpfr_add(t, t, x, MPFR_RNDN);
  } else {
    mpfr_exp(t, x, MPFR_RNDN);
    mpfr_log1p(t, t, MPFR_RNDN);
  }
  inex = neg ? mpfr_neg(r, t, rnd) : mpfr_set(r, t, rnd);
  mpfr_clears(t, x, (mpfr_ptr)0);
  return inex;
}
int xiO_fw_softplus(mpfr_ptr r, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t rnd) {
  (void)b;
  return softplus(r, a, 0, rnd);
}
/* log σ(a) = -softplus(-a) */
int xiO_fw_log_sigmoid(mpfr_ptr r, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t rnd) {
  (void)b;
  return softplus(r, a, 1, rnd);
}
int xiO_fw_relu(mpfr_ptr r, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t rnd) {
  (void)b;
  if (mpfr_sgn(a) > 0)
    return mpfr_set(r, a, rnd);
  mpfr_set_zero(r, 1);
  return 0;
}
int xiO_fw_abs(mpfr_ptr r, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t rnd) {
  (void)b;
  return mpfr_abs(r, a, rnd);
}
int xiO_fw_sign(mpfr_ptr r, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t rnd) {
  (void)b;
  if (mpfr_nan_p(a)) { /* np.sign(nan) is nan (mpfr_sgn would say 0) */
    mpfr_set_nan(r);
    return 0;
  }
  return mpfr_set_si(r, mpfr_sgn(a), rnd);
}
/* NumPy's rule: the first when a >= b, else the second, NaN staying NaN;
   either way an operand exactly, so -0 and +0 keep their sign */
/* equal operands give b, as NumPy 1.24's np.maximum and np.minimum do (their SIMD
   loops and their scalar ones): np.maximum(0, -0.0) is -0.0, np.maximum(-0.0, 0) 0.0 */
int xiO_fw_maximum(mpfr_ptr r, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t rnd) {
  return mpfr_set(r, mpfr_nan_p(a) || mpfr_greater_p(a, b) ? a : b, rnd);
}
int xiO_fw_minimum(mpfr_ptr r, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t rnd) {
  return mpfr_set(r, mpfr_nan_p(a) || mpfr_less_p(a, b) ? a : b, rnd);
}
/* floor(a/b) exactly: a quotient rounded down is never above the true one,
   and never below the integer under it (integers are representable there) */
int xiO_fw_floordiv(mpfr_ptr r, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t rnd) {
  (void)rnd;
  if (!mpfr_zero_p(b) && (!mpfr_number_p(a) || !mpfr_number_p(b))) {
    /* Python's and NumPy's (a - fmod(a, b))/b, floored: nan where a is inf or
       either is nan; a finite a over ±inf is -1 where their signs differ
       (-5 // inf), else a zero of their product's sign (5 // inf is 0.0) */
    if (mpfr_nan_p(a) || mpfr_nan_p(b) || mpfr_inf_p(a))
      mpfr_set_nan(r);
    else if (!mpfr_zero_p(a) && mpfr_signbit(a) != mpfr_signbit(b))
      mpfr_set_si(r, -1, MPFR_RNDN);
    else
      mpfr_set_zero(r, mpfr_signbit(a) != mpfr_signbit(b) ? -1 : 1);
    return 0;
  }
  mpfr_div(r, a, b, MPFR_RNDD);
  return mpfr_floor(r, r);
}
/* Python's a % b: fmod's remainder (exact, with a's sign) moved to b's sign */
int xiO_fw_mod(mpfr_ptr r, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t rnd) {
  int inex = mpfr_fmod(r, a, b, rnd);
  if (mpfr_nan_p(r))
    return inex; /* b = 0: reported as the domain error */
  if (mpfr_zero_p(r)) {
    mpfr_set_zero(r, mpfr_signbit(b) ? -1 : 1); /* Python: copysign(0, b) */
    return 0;
  }
  if (mpfr_signbit(r) != mpfr_signbit(b))
    inex = mpfr_add(r, r, b, rnd);
  return inex;
}
/* a where b holds, else -0: x + (-0) is x for every x, so where's sum is exact */
int xiO_fw_keep(mpfr_ptr r, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t rnd) {
  if (mpfr_zero_p(b)) {
    mpfr_set_zero(r, -1);
    return 0;
  }
  return mpfr_set(r, a, rnd);
}
int xiO_fw_trunc(mpfr_ptr r, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t rnd) {
  (void)b, (void)rnd;
  return mpfr_trunc(r, a);
}
int xiO_fw_floor(mpfr_ptr r, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t rnd) {
  (void)b, (void)rnd;
  return mpfr_floor(r, a);
}
int xiO_fw_ceil(mpfr_ptr r, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t rnd) {
  (void)b, (void)rnd;
  return mpfr_ceil(r, a);
}
int xiO_fw_log2(mpfr_ptr r, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t rnd) {
  (void)b;
  return mpfr_log2(r, a, rnd);
}
int xiO_fw_log10(mpfr_ptr r, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t rnd) {
  (void)b;
  return mpfr_log10(r, a, rnd);
}
/* erf, erfc, atan, asin, acos and atan2 in binary64, the format Python's code runs
   in, are C's own functions of doubles, as CPython's math module computes them (and
   NumPy's loops without AVX512, np.arctan2 ...): glibc's are within an ulp but not
   correctly rounded everywhere (across [-4, 4], erf in about 1 argument of 40, erfc
   in 1 of 5, atan and atan2 in 1 of 1000), and pasted code must print Python's
   numbers.  In every other format, and in MPFR, MPFR's, correctly rounded.  (exp, tanh
   and the others NumPy computes by loops of its own are C's only for a call of math's:
   xiO_fw_libm, below, by the node's mark.) */
static int libm(void) { return xiO_fmt == XI_FMT_BINARY64; }
static double dbl(mpfr_srcptr a) { return mpfr_get_d(a, MPFR_RNDN); }
int xiO_fw_erf(mpfr_ptr r, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t rnd) {
  (void)b;
  return libm() ? mpfr_set_d(r, erf(dbl(a)), rnd) : mpfr_erf(r, a, rnd);
}
int xiO_fw_erfc(mpfr_ptr r, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t rnd) {
  (void)b;
  return libm() ? mpfr_set_d(r, erfc(dbl(a)), rnd) : mpfr_erfc(r, a, rnd);
}
int xiO_fw_atan(mpfr_ptr r, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t rnd) {
  (void)b;
  return libm() ? mpfr_set_d(r, atan(dbl(a)), rnd) : mpfr_atan(r, a, rnd);
}
int xiO_fw_asin(mpfr_ptr r, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t rnd) {
  (void)b;
  return libm() ? mpfr_set_d(r, asin(dbl(a)), rnd) : mpfr_asin(r, a, rnd);
}
int xiO_fw_acos(mpfr_ptr r, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t rnd) {
  (void)b;
  return libm() ? mpfr_set_d(r, acos(dbl(a)), rnd) : mpfr_acos(r, a, rnd);
}
/* atan2(y, x), y first as C's and Python's: the signs of zeros count, as theirs */
int xiO_fw_atan2(mpfr_ptr r, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t rnd) {
  return libm() ? mpfr_set_d(r, atan2(dbl(a), dbl(b)), rnd) : mpfr_atan2(r, a, b, rnd);
}
/* Python's math module and a float's ** are C's libm in CPython, and glibc's exp, log,
   log1p, expm1, log2, log10, sin, cos, tan, tanh, sinh, cosh and pow are not correctly
   rounded everywhere (on glibc 2.36, of 200 000 arguments each: tanh 11 %, sinh 26 %,
   cosh 22 %, log10 7 %, log1p 7 %, expm1 8.5 %, exp and pow 0.07 %): a node of such a
   call (XI_AUX_LIBM) is computed in binary64 by the same functions on the same doubles,
   so that pasted code prints CPython's numbers; any other op, MPFR's rule. The result is
   the double itself (exact in MPFR: 0). */
int xiO_fw_libm(int op, mpfr_ptr r, mpfr_srcptr a, mpfr_srcptr b) {
  double x = dbl(a), v;
  switch (op) {
  case XI_EXP: v = exp(x); break;
  case XI_LOG: v = log(x); break;
  case XI_LOG1P: v = log1p(x); break;
  case XI_EXPM1: v = expm1(x); break;
  case XI_LOG2: v = log2(x); break;
  case XI_LOG10: v = log10(x); break;
  case XI_SIN: v = sin(x); break;
  case XI_COS: v = cos(x); break;
  case XI_TAN: v = tan(x); break;
  case XI_TANH: v = tanh(x); break;
  case XI_SINH: v = sinh(x); break;
  case XI_COSH: v = cosh(x); break;
  case XI_POW: v = pow(x, dbl(b)); break;
  default: return xiO_table[op].forward(r, a, b, MPFR_RNDN);
  }
  return mpfr_set_d(r, v, MPFR_RNDN);
}

/* micrograd's Value.tanh() as its engine.py (the lecture's) computes it in Python's
   floats, x = self.data; t = (math.exp(2*x) - 1)/(math.exp(2*x) + 1): C's exp, then
   each operation rounded, for a node marked XI_AUX_VTANH in binary64.  Its numbers
   are not tanh's correctly rounded (of 2 000 000 arguments in [-4, 4], 31 % differ; in
   [-0.1, 0.1], where exp(2*x) - 1 cancels, 89 %); tanh(-0.0) is 0.0.  Where exp(2*x)
   overflows Python raises first (tape/pytype.c); 2*x past the largest float gives
   inf/inf, nan, as Python's. */
int xiO_fw_vtanh(mpfr_ptr r, mpfr_srcptr a) {
  double e = exp(2 * dbl(a));
  return mpfr_set_d(r, (e - 1) / (e + 1), MPFR_RNDN);
}

/* hypot: MPFR's, correctly rounded in every format, as CPython 3.11's math.hypot of two
   numbers is (0 of 200000 arguments differ; glibc's hypot, np.hypot's, is not: 126 of
   100000, so np.hypot is not xi's) */
int xiO_fw_hypot(mpfr_ptr r, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t rnd) {
  return mpfr_hypot(r, a, b, rnd);
}
/* comparisons give 1 or 0; one with NaN in it holds only as != (IEEE's rule) */
static int truth(mpfr_ptr r, int holds) {
  mpfr_set_ui(r, holds != 0, MPFR_RNDN);
  return 0;
}
int xiO_fw_gt(mpfr_ptr r, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t rnd) {
  (void)rnd;
  return truth(r, mpfr_greater_p(a, b));
}
int xiO_fw_ge(mpfr_ptr r, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t rnd) {
  (void)rnd;
  return truth(r, mpfr_greaterequal_p(a, b));
}
int xiO_fw_lt(mpfr_ptr r, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t rnd) {
  (void)rnd;
  return truth(r, mpfr_less_p(a, b));
}
int xiO_fw_le(mpfr_ptr r, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t rnd) {
  (void)rnd;
  return truth(r, mpfr_lessequal_p(a, b));
}
int xiO_fw_eq(mpfr_ptr r, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t rnd) {
  (void)rnd;
  return truth(r, mpfr_equal_p(a, b));
}
int xiO_fw_isfinite(mpfr_ptr r, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t rnd) {
  (void)b, (void)rnd;
  return truth(r, mpfr_number_p(a));
}
int xiO_fw_ne(mpfr_ptr r, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t rnd) {
  (void)rnd;
  return truth(r, !mpfr_equal_p(a, b));
}

const xiO_row xiO_table[XI_NOPS] = {
    [XI_LEAF] = {.name = "leaf", .form = "a"},
    [XI_CONST] = {.name = "constant", .form = "a"},
    [XI_GRAD] = {.name = "grad", .arity = 2, .form = "grad(a, b)"},
    [XI_LIST] = {.name = "list", .form = "[…]"},
    [XI_TUPLE] = {.name = "tuple", .form = "(…)"},
#define XI_OP_ROW(id, nm, ar, fw, dp, fm, d0, d1, nanm, polem, hlp)                        \
  [XI_##id] = {.name = nm, .arity = ar, .shape = xiO_sh_broadcast, .forward = xiO_##fw,          \
               .partial = xiO_##dp, .form = fm, .d = {d0, d1}, .nan_msg = nanm,                  \
               .pole_msg = polem, .help = hlp},
    XI_OPS(XI_OP_ROW)
#undef XI_OP_ROW
#define XI_TOP_ROW(id, nm, ar, np, sh, tf, tv, tg, fm, d0, d1, hlp)                        \
  [XI_##id] = {.name = nm, .arity = ar, .params = np, .shape = xiO_##sh,                  \
               .tforward = xiO_##tf, .vjp = xiO_##tv, .gvjp = xiO_##tg, .form = fm,        \
               .d = {d0, d1}, .help = hlp},
    XI_TOPS(XI_TOP_ROW)
#undef XI_TOP_ROW
};

static const struct {
  const char *alias;
  int op;
} aliases[] = {{"σ", XI_SIGMOID}};

int xiO_lookup_args(const char *name, size_t len, int argc) {
  for (int op = XI_FIRST_OP; op < XI_NOPS; op++) {
    const xiO_row *r = &xiO_table[op];
    const char *n = r->name;
    if (!n || n[0] != name[0] || strlen(n) != len || memcmp(n, name, len) != 0)
      continue;
    if (argc >= r->arity + xiO_params_lo(r) && argc <= r->arity + xiO_params_hi(r))
      return op;
  }
  for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
    if (strlen(aliases[i].alias) == len && memcmp(aliases[i].alias, name, len) == 0)
      return argc == xiO_table[aliases[i].op].arity ? aliases[i].op : -1;
  return -1;
}

void xiO_params_default(int op, int32_t p[XI_NPARAMS]) {
  /* round(x) is round(x, 0); the index rows' p[0] is a mode, plain by default;
     concatenate's axis is 0, as NumPy's */
  int zero = op == XI_ROUND || op == XI_GATHER || op == XI_SCATTERADD || op == XI_CONCAT;
  p[0] = zero ? 0 : XI_ALL_AXES;
  p[1] = INT32_MAX;
  for (int k = 2; k < XI_NPARAMS; k++)
    p[k] = 0; /* var's ddof 0 */
}

int xiO_lookup(const char *name, size_t len) {
  for (int op = 0; op < XI_NOPS; op++) {
    const char *n = xiO_table[op].name;
    if (op >= XI_FIRST_OP && n && n[0] == name[0] && strlen(n) == len && memcmp(n, name, len) == 0)
      return op;
  }
  for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
    if (strlen(aliases[i].alias) == len && memcmp(aliases[i].alias, name, len) == 0)
      return aliases[i].op;
  return -1;
}

/* Python's and NumPy's rules, as far as printing needs them: comparisons
   give bools; + - * // % @ of ints (bools counting as ints) give ints, & | ^
   of bools bools; sums
   of ints are ints; what only moves elements keeps the dtype; the rest
   (/, exp, mean, ...) gives floats.  uint8 with ints or bools is uint8 (the
   tape checks that its values are 0..255: NumPy's own type may be wider,
   never with other values there), but its sum and concatenation are ints. */
int xiO_dtype(int op, int da, int db) {
  int ints = da != XI_DT_FLOAT && db != XI_DT_FLOAT;
  int u8 = ints && (da == XI_DT_UINT8 || db == XI_DT_UINT8);
  switch (op) {
  case XI_GT: case XI_GE: case XI_LT: case XI_LE: case XI_EQ: case XI_NE: case XI_ISFINITE:
    return XI_DT_BOOL;
  case XI_ID: case XI_TRANSPOSE: case XI_INDEX: case XI_RESHAPE: case XI_BROADCAST:
  case XI_MAX: case XI_KEEP: case XI_ROUND: case XI_GATHER: case XI_PUT: case XI_MASKOUT:
  case XI_MIN: case XI_SLICE: case XI_SLICESET: case XI_DIAG:
    return da;
  case XI_CONCAT: /* (uint8 with bools stays uint8) */
    return da == db ? da : u8 && da != XI_DT_INT && db != XI_DT_INT ? XI_DT_UINT8
                         : ints ? XI_DT_INT : XI_DT_FLOAT;
  case XI_NEG: case XI_ABS: case XI_SIGN:
    return da == XI_DT_FLOAT ? XI_DT_FLOAT : da == XI_DT_UINT8 ? XI_DT_UINT8 : XI_DT_INT;
  case XI_ADD: case XI_SUB: case XI_MUL: case XI_MOD: case XI_FLOORDIV: case XI_MAXIMUM:
  case XI_MINIMUM: case XI_MATMUL: case XI_OUTER: case XI_POW:
    return u8 ? XI_DT_UINT8 : ints ? XI_DT_INT : XI_DT_FLOAT;
  case XI_BITAND: case XI_BITOR: case XI_BITXOR: /* of bools a bool (True & False) */
    return da == XI_DT_BOOL && db == XI_DT_BOOL ? XI_DT_BOOL : u8 ? XI_DT_UINT8 : XI_DT_INT;
  case XI_INVERT: case XI_LSHIFT: case XI_RSHIFT: /* ~True is -2, True << 1 is 2 (NumPy's
                                                     ~mask is the tape's) */
    return u8 ? XI_DT_UINT8 : XI_DT_INT;
  case XI_SUM:
    return da == XI_DT_FLOAT ? XI_DT_FLOAT : XI_DT_INT;
  case XI_TRUNC: case XI_ARGMAX: case XI_ARGMIN: case XI_NONZERO:
    return XI_DT_INT;
  default:
    return XI_DT_FLOAT;
  }
}

int xiO_float16_ufunc(int op) {
  switch (op) {
  case XI_EXP: case XI_LOG: case XI_LOG2: case XI_LOG10: case XI_SQRT: case XI_SIN:
  case XI_COS: case XI_TAN: case XI_TANH: case XI_SINH: case XI_COSH: case XI_LOG1P:
  case XI_EXPM1: case XI_FLOOR: case XI_CEIL: case XI_ATAN: case XI_ASIN: case XI_ACOS:
    return 1;
  default:
    return 0;
  }
}

const char *xiO_function_name(int i) {

  for (int op = XI_FIRST_OP; op < XI_NOPS; op++)
    if (xiO_table[op].name && i-- == 0)
      return xiO_table[op].name;
  return NULL;
}

/* sessions may overlap (a test holds two): the constants live while any does */
static int users;

void xiO_init(void) {
  if (users++)
    return;
  mpfr_init2(xiO_one, 2);
  mpfr_init2(xiO_minus_one, 2);
  mpfr_init2(xiO_zero, 2);
  mpfr_init2(xiO_half, 2);
  mpfr_set_ui_2exp(xiO_half, 1, -1, MPFR_RNDN);
  mpfr_set_si(xiO_one, 1, MPFR_RNDN);
  mpfr_set_si(xiO_minus_one, -1, MPFR_RNDN);
  mpfr_set_zero(xiO_zero, 1);
}

void xiO_done(void) {
  if (--users)
    return;
  mpfr_clear(xiO_one);
  mpfr_clear(xiO_minus_one);
  mpfr_clear(xiO_zero);
  mpfr_clear(xiO_half);
  xiO_scratch_free();
  xiO_fmt_free();
  mpfr_free_cache();
}
