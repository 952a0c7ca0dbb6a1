/* tops.h: the rules of the whole-tensor rows of the op table (tops.c, rops.c,
 * iops.c, dops.c), and the bitwise rows' (bitops.c). */
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

XI_SHAPE_FN(xiO_sh_broadcast)
/* the bitwise rows' forward rules (bitops.c) */
#define XI_EL_FN(f) int f(mpfr_ptr r, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t rnd);
XI_EL_FN(xiO_fw_bitand) XI_EL_FN(xiO_fw_bitor) XI_EL_FN(xiO_fw_bitxor)
XI_EL_FN(xiO_fw_invert) XI_EL_FN(xiO_fw_lshift) XI_EL_FN(xiO_fw_rshift)
#undef XI_EL_FN
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
