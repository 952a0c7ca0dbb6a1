/* pyint.c: ints kept in xi's numbers.  Python's int is exact and unbounded,
 * NumPy's int64 wraps around modulo 2^64; xi holds both in its numbers
 * (binary64 in Python's code), which round a whole number past 2^53.  A
 * rounded int would print as a wrong int (3**40 as ...768, not ...801), so
 * every int an operation or a literal makes is checked here, and one that is
 * not the exact value is refused, never shown. */
#include <stdio.h>
#include <string.h>

#include "tape/graph.h"

/* the bits in which every whole number is exact: the format's, or the node's */
static mpfr_exp_t exact_bits(mpfr_srcptr v) {
  return xiO_fmt ? (mpfr_exp_t)xiO_formats[xiO_fmt].prec : (mpfr_exp_t)mpfr_get_prec(v);
}

/* an int literal's digits, read again with room for all of them (a decimal
   digit is less than 4 bits): exact there, and equal to the value held? */
static int exact_literal(xiG_graph *g, const xiG_node *n) {
  if (n->aux == XI_LIT_PI || n->aux == XI_LIT_E)
    return 1;
  const char *text = xiS_name(&g->sym, n->aux);
  size_t len = strlen(text);
  if (len > XI_PREC_MAX / 4)
    return 0;
  mpfr_t t;
  mpfr_init2(t, (mpfr_prec_t)(4 * len + 8));
  int inex = mpfr_strtofr(t, text, NULL, 10, MPFR_RNDN);
  int same = inex == 0 && mpfr_equal_p(t, n->v);
  mpfr_clear(t);
  return same;
}

/* is scalar node n (an int from exact ints) its op's exact result?  Past
   2^bits it may be rounded: computed again with room for every bit of the
   true result (a rounded value is within a factor 2 of it), which + - * //
   % ** give exactly there, and compared.  Beyond 2^XI_PREC_MAX: not checked. */
static int exact_scalar(xiG_graph *g, const xiG_node *n) {
  if (n->op == XI_CONST)
    return mpfr_number_p(n->v) && mpfr_get_exp(n->v) <= exact_bits(n->v) ? 1
                                                                          : exact_literal(g, n);
  if (!mpfr_number_p(n->v)) /* inf or nan: from an inf or nan, a float's; else an overflow */
    return !mpfr_number_p(g->nodes[n->a].v) ||
           (n->b != XI_NONE && !mpfr_number_p(g->nodes[n->b].v));
  if (mpfr_zero_p(n->v) || mpfr_get_exp(n->v) <= exact_bits(n->v))
    return 1;
  if (n->op == XI_LEAF || !xiO_table[n->op].forward || mpfr_get_exp(n->v) > XI_PREC_MAX)
    return n->op == XI_LEAF; /* (a leaf's value was checked where it was made) */
  const xiG_node *a = &g->nodes[n->a], *b = n->b == XI_NONE ? a : &g->nodes[n->b];
  mpfr_t t;
  mpfr_init2(t, (mpfr_prec_t)mpfr_get_exp(n->v) + 2);
  xiO_table[n->op].forward(t, a->v, b->v, MPFR_RNDN);
  int same = mpfr_equal_p(t, n->v);
  mpfr_clear(t);
  return same;
}

/* how n's value is held: its digits, as binary64's shortest would be close to them */
static void held_as(const xiG_node *n, char *text, size_t size) {
  if (mpfr_number_p(n->v))
    snprintf(text, size, "%.17g", mpfr_get_d(n->v, MPFR_RNDN));
  else
    snprintf(text, size, "%s", mpfr_nan_p(n->v) ? "nan" : "inf");
}

static int past_int64(mpfr_srcptr v) {
  return mpfr_cmp_d(v, 0x1p63) >= 0 || mpfr_cmp_d(v, -0x1p63) < 0;
}

/* a scalar int: Python's exact, or refused; NumPy's (np.sum(v), v[0] * 4) inside
   int64 as well, where NumPy's wraps around */
static int scalar_int(xiG_graph *g, uint32_t i, xi_pos pos, xi_err *err) {
  const xiG_node *n = &g->nodes[i];
  int exact = exact_scalar(g, n);
  if (exact && (!mpfr_number_p(n->v) || mpfr_get_exp(n->v) < 64))
    return 0;
  int org = xiG_py_origin(g, i);
  if (org == XI_ORIGIN_NP && mpfr_number_p(n->v) && past_int64(n->v))
    return xiX_fail(err, pos, "this NumPy int64 is past int64's range (|x| >= 2^63), where "
                              "NumPy's int64 overflows and wraps around (silently) and xi's "
                              "does not: .astype(float) first gives the floats both agree on");
  if (org == XI_ORIGIN_UNKNOWN && exact && past_int64(n->v))
    return xiX_fail(err, pos, "this int is past 2^63: as NumPy's int64 it would wrap around, as "
                              "Python's int it would not, and xi cannot tell which it is here: "
                              "float(...) first gives the float both agree on");
  if (exact)
    return 0;
  char held[64];
  held_as(n, held, sizeof held);
  char in[48];
  snprintf(in, sizeof in, "%s", xiO_fmt ? xiO_formats[xiO_fmt].name : "xi's numbers at this prec");
  if (xiO_fmt)
    snprintf(in, sizeof in, "%s's numbers", xiO_formats[xiO_fmt].name);
  if (org == XI_ORIGIN_NP)
    return xiX_fail(err, pos, "this NumPy int64 is past 2^%ld, which %s hold only rounded (here "
                              "as %s), where NumPy's int64 is exact: .astype(float) first gives "
                              "the float both agree on",
                    (long)exact_bits(n->v), in, held);
  return xiX_fail(err, pos, "this Python int is past 2^%ld, which %s hold only rounded (here as "
                            "%s), where Python's int is exact: not part of xi; write a float "
                            "(3.0 ** 40 for 3 ** 40) for the float both agree on%s",
                  (long)exact_bits(n->v), in, held, xiO_fmt ? "" : ", or raise prec");
}

/* every element of node i a number */
static int all_finite(xiG_graph *g, uint32_t i) {
  xiG_node *n = &g->nodes[i];
  for (uint32_t k = 0; k < xiG_count(n); k++)
    if (!mpfr_number_p(xiG_el(n, k)))
      return 0;
  return 1;
}

/* an int64 array: each element inside int64 (where NumPy's wraps around) and
   exact in xi's numbers */
static int numpy_int64(xiG_graph *g, uint32_t i, xi_pos pos, xi_err *err) {
  xiG_node *n = &g->nodes[i];
  /* an inf or nan from an operand's (np.inf, written without a dot) is a float's */
  int finite = n->op == XI_LEAF || n->op == XI_LIST ||
               (all_finite(g, n->a) && (n->b == XI_NONE || all_finite(g, n->b)));
  for (uint32_t k = 0; k < xiG_count(n); k++) {
    mpfr_srcptr v = xiG_el(n, k);
    if (mpfr_zero_p(v) || (mpfr_number_p(v) && mpfr_get_exp(v) <= exact_bits(v)) ||
        (!mpfr_number_p(v) && !finite))
      continue;
    if (!mpfr_number_p(v) || past_int64(v))
      return xiX_fail(err, pos, "an element of this int64 array is past int64's range "
                                "(|x| >= 2^63), where NumPy's int64 overflows and wraps around "
                                "(silently) and xi's does not: .astype(float) first gives the "
                                "floats both agree on");
    return xiX_fail(err, pos, "an element of this int64 array is past 2^%ld, where %s may round "
                              "what NumPy's int64 keeps exact: .astype(float) first%s",
                    (long)exact_bits(v),
                    xiO_fmt ? xiO_formats[xiO_fmt].name : "xi's numbers at this prec",
                    xiO_fmt ? ", or format mpfr" : ", or raise prec");
  }
  return 0;
}

/* NumPy's int64 // 0 and % 0 are 0 (with a RuntimeWarning), where xi's numbers
   give inf or nan: refused as what it is, not as an overflow */
static int int_by_zero(xiG_graph *g, const xiG_node *n, xi_pos pos, xi_err *err) {
  if ((n->op != XI_FLOORDIV && n->op != XI_MOD) || n->b == XI_NONE)
    return 0;
  xiG_node *b = &g->nodes[n->b];
  for (uint32_t k = 0; k < xiG_count(b); k++)
    if (mpfr_zero_p(xiG_el(b, k)))
      return xiX_fail(err, pos, "an integer %s by zero: NumPy's int64 gives 0 there (with "
                                "RuntimeWarning: divide by zero encountered in %s), which "
                                "xi does not copy; test the divisor first, or .astype(float) "
                                "for NumPy's float inf and nan",
                      n->op == XI_MOD ? "modulo" : "floor division",
                      n->op == XI_MOD ? "remainder" : "floor_divide");
  return 0;
}

int xiG_int_exact(xiG_graph *g, uint32_t i, xi_pos pos, xi_err *err) {
  const xiG_node *n = &g->nodes[i];
  if (!g->numpy) /* xi's own statements: its numbers at prec bits, as it says of them */
    return 0;
  if (n->op == XI_TUPLE || xiG_dtype_of_flags(n->flags) != XI_DT_INT)
    return 0;
  if (int_by_zero(g, n, pos, err))
    return -1;
  return xiG_is_tensor(n) ? numpy_int64(g, i, pos, err) : scalar_int(g, i, pos, err);
}
