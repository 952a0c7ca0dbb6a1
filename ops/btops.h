/* btops.h: the ball rules of the whole-tensor rows of the op table (btops.c),
 * for bops.c's table.  A rule returns 0 (elements it cannot bound made
 * indeterminate) or -1 (none bounded: the caller makes them all so). */
#ifndef XI_BTOPS_H
#define XI_BTOPS_H

#include "ops/bops.h"

typedef int (*xiO_tensor_rule)(xiO_bview *out, const xiO_bview *a, const xiO_bview *b,
                               slong prec);
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
