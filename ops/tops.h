/* tops.h: the rules of the whole-tensor rows of the op table (tops.c). */
#ifndef XI_TOPS_H
#define XI_TOPS_H

#include "ops/ops.h"

#define XI_SHAPE_FN(f)                                                                     \
  int f(xi_shape *out, const xi_shape *a, const xi_shape *b, int32_t *p, char *why, size_t n);
#define XI_FW_FN(f) int f(xiO_view *out, const xiO_view *a, const xiO_view *b, mpfr_ptr tmp);
#define XI_VJP_FN(f)                                                                       \
  void f(int k, xiO_view *da, const xiO_view *g, const xiO_view *out, const xiO_view *a,   \
         const xiO_view *b, mpfr_ptr tmp);

XI_SHAPE_FN(xiO_sh_broadcast)
#define XI_DECLARE(id, nm, ar, np, sh, tf, tv, ...) XI_SHAPE_FN(sh) XI_FW_FN(tf) XI_VJP_FN(tv)
XI_TOPS(XI_DECLARE)
#undef XI_DECLARE

#endif
