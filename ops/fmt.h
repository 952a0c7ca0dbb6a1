/* fmt.h: the number formats networks run in (binary16, bfloat16, binary32, binary64).
 *
 * xi computes in GNU MPFR at a working precision with an exponent range so
 * wide that nothing overflows.  A format instead makes every operation's
 * result a value of an IEEE 754 binary format, bit for bit: the result is
 * correctly rounded at the format's precision p, then mpfr_check_range and
 * mpfr_subnormalize with the format's exponent range give overflow to ±inf,
 * underflow to ±0 and subnormals (tests/formats/README.md says why those
 * bounds).  MPFR's exponent range is global: it is set only inside
 * xiO_fmt_round and put back at once, so no other code sees it.
 *
 * F(ID, name, prec, emin, emax, numpy, largest)
 *   emin, emax  MPFR's exponent bounds that emulate the format (x = m·2^e,
 *               1/2 <= m < 1): the IEEE emin - p + 2 and emax + 1
 *   numpy       NumPy's dtype, or NULL (bfloat16 has none)
 *   largest     the largest finite value, as the notes print it */
#ifndef XI_FMT_H
#define XI_FMT_H

#include <stdint.h>
#include <mpfr.h>

#define XI_FORMATS(F)                                                                      \
  F(MPFR, "mpfr", 0, 0, 0, NULL, NULL)                                                     \
  F(BINARY64, "binary64", 53, -1073, 1024, "float64", "1.797693135e+308")                 \
  F(BINARY32, "binary32", 24, -148, 128, "float32", "3.402823466e+38")                    \
  F(BINARY16, "binary16", 11, -23, 16, "float16", "65504")                                 \
  F(BFLOAT16, "bfloat16", 8, -132, 128, NULL, "3.389531389e+38")

enum xiO_format_id {
#define XI_FMT_ENUM(id, ...) XI_FMT_##id,
  XI_FORMATS(XI_FMT_ENUM)
#undef XI_FMT_ENUM
  XI_NFORMATS
};

typedef struct {
  const char *name;
  long prec, emin, emax;
  const char *numpy, *largest;
} xiO_format;

extern const xiO_format xiO_formats[XI_NFORMATS];
/* the format in effect (XI_FMT_MPFR: none); every rule reads it */
extern int xiO_fmt;

/* the format called name (len bytes), or -1 */
int xiO_format_lookup(const char *name, size_t len);
/* x, just computed at the format's precision with ternary value inex, made a
   value of the format in effect: overflow, underflow, subnormals.  Returns
   the new ternary value.  Only called when xiO_fmt is set. */
int xiO_fmt_round(mpfr_ptr x, int inex);
/* the same into format f (any, not only the one in effect) */
static inline int xiO_fmt_round_to(mpfr_ptr x, int inex, int f);
/* (xiO_fmt_round_to's rare cases: another precision, the edges of the range) */
int xiO_fmt_round_far(mpfr_ptr x, int inex, int f);
/* out[i·ors + j·ocs] = Σ_k a[i·ars + k·aks]·b[k·bks + j·bcs] for rows × cols
   elements (add: added into out, each sum first put in tmp), each element
   xiO_fmt_dot's, computed in the machine's doubles or floats when the format is
   binary64 or binary32 and they round as it does: 0, 1 when they cannot stand
   in (nothing written: the caller goes by xiO_fmt_dot), or XI_RULE_STOPPED */
int xiO_fmt_matmul(mpfr_ptr out, uint32_t ors, uint32_t ocs, int add, mpfr_srcptr a, uint32_t ars,
                   uint32_t aks, mpfr_srcptr b, uint32_t bks, uint32_t bcs, uint32_t rows,
                   uint32_t inner, uint32_t cols, mpfr_ptr tmp);
/* the fmt_dot's scratch freed (xiO_done) */
void xiO_fmt_free(void);
/* r = Σ a[k·as]·b[k·bs] as NumPy 1.24 computes a matrix product's element in
   the format in effect: binary16 (and bfloat16, by analogy) in a binary32
   accumulator from +0, in order, rounded once at the end; binary32 and
   binary64 in the format itself, each product and sum rounded, in order,
   from +0 (no fused multiply-add).  0, or XI_RULE_STOPPED. */
int xiO_fmt_dot(mpfr_ptr r, mpfr_srcptr a, uint32_t astride, mpfr_srcptr b, uint32_t bstride,
                uint32_t len);

static inline int xiO_fmt_round_to(mpfr_ptr x, int inex, int f) {
  const xiO_format *F = &xiO_formats[f];
  if (f == XI_FMT_MPFR)
    return inex;
  /* 0, ±inf, NaN or a normal number of the format at its precision (the common cases,
     once an op rounds a value every time): the range check and mpfr_subnormalize would
     return inex at once, on these same tests, so MPFR's global range is not set and
     put back (which cost half of a NumPy script's time in binary64) */
  if (mpfr_get_prec(x) == F->prec &&
      (!mpfr_regular_p(x) ||
       (mpfr_get_exp(x) >= F->emin + (mpfr_exp_t)F->prec - 1 && mpfr_get_exp(x) <= F->emax)))
    return inex;
  return xiO_fmt_round_far(x, inex, f);
}

#endif
