/* btops.h: the ball rules of the op table's rows, for bops.c's table: the
 * elementwise rows' (bops.c, the discontinuous ones bdisc.c) and the whole-tensor
 * rows' (btops.c).  An elementwise rule bounds one element: 0, or -1 when it
 * cannot.  A tensor rule returns 0 (elements it cannot bound made indeterminate)
 * or -1 (none bounded: the caller makes them all so). */
#ifndef XI_BTOPS_H
#define XI_BTOPS_H

#include "ops/bops.h"

typedef int (*xiO_tensor_rule)(xiO_bview *out, const xiO_bview *a, const xiO_bview *b,
                               slong prec);
#define XI_BALL_EDECL(id, ...)                                                             \
  int xiO_be_##id(arb_t r, const arb_t a, const arb_t b, slong prec);
XI_OPS(XI_BALL_EDECL)
#undef XI_BALL_EDECL
#define XI_BALL_TDECL(id, ...)                                                             \
  int xiO_bt_##id(xiO_bview *out, const xiO_bview *a, const xiO_bview *b, slong prec);
XI_TOPS(XI_BALL_TDECL)
#undef XI_BALL_TDECL

/* r holds f(x) for every point of x, f nondecreasing with whole-number
   values (floor, trunc, round): 0 when f is the same at both ends (r exact),
   1 when not (r the ball of [f(lo), f(hi)]), -1 when x is not finite */
int xiO_ball_step(arb_t r, const arb_t x, void (*f)(arf_t, const arf_t), slong prec);
/* the nearest integer to every point of x, ties to even, likewise */
int xiO_ball_round_even(arb_t r, const arb_t x, slong prec);

#endif
