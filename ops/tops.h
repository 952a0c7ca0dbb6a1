/* tops.h: the rules of the op table's rows: the elementwise rows' forward
 * rules (ops.c) and local partials (partial.c), and the whole-tensor rows'
 * (tops.c, rops.c, iops.c, dops.c). */
#ifndef XI_TOPS_H
#define XI_TOPS_H

#include "ops/ops.h"

#define XI_SHAPE_FN(f)                                                                     \
  int f(xi_shape *out, const xi_shape *a, const xi_shape *b, int32_t *p, char *why, size_t n);
#define XI_FW_FN(f) int f(xiO_view *out, const xiO_view *a, const xiO_view *b, mpfr_ptr tmp);
#define XI_VJP_FN(f)                                                                       \
  int f(int k, xiO_view *da, const xiO_view *g, const xiO_view *out, const xiO_view *a,   \
         const xiO_view *b, mpfr_ptr tmp);
#define XI_GVJP_FN(f)                                                                      \
  uint32_t f(xiO_build *bd, int k, uint32_t g, uint32_t out, uint32_t a, uint32_t b);

/* an elementwise row's fw_ and d_ functions, with the module's prefix */
#define XI_DECLARE_ELT(id, nm, ar, fw, dp, ...)                                            \
  int xiO_##fw(mpfr_ptr r, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t rnd);                  \
  mpfr_srcptr xiO_##dp(int k, mpfr_ptr t, mpfr_srcptr o, mpfr_srcptr a, mpfr_srcptr b);
XI_OPS(XI_DECLARE_ELT)
#undef XI_DECLARE_ELT

XI_SHAPE_FN(xiO_sh_broadcast)
/* shared by the rule files (tops.c, rops.c, iops.c, dops.c) */
int xiO_size_ok(const xi_shape *s, char *why, size_t n);  /* under the element limit */
/* the message "what: shapes (2, 3) and (3,)" into why; returns -1 */
int xiO_mismatch(const char *what, const xi_shape *a, const xi_shape *b, char *why, size_t n);
uint32_t xiO_picked(const int32_t *p, uint32_t cols, uint32_t k); /* see xiO_sh_index */
/* a row's sh_, tf_, tv_ and tg_ functions, with the module's prefix */
#define XI_DECLARE(id, nm, ar, np, sh, tf, tv, tg, ...)                                    \
  XI_SHAPE_FN(xiO_##sh) XI_FW_FN(xiO_##tf) XI_VJP_FN(xiO_##tv) XI_GVJP_FN(xiO_##tg)
XI_TOPS(XI_DECLARE)
#undef XI_DECLARE

#endif
