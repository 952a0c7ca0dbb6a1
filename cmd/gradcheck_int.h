/* gradcheck_int.h: what gradcheck.c shares with gradtable.c, which prints
 * its table, and no one else: each wrt value's elements as checked. */
#ifndef XI_GRADCHECK_INT_H
#define XI_GRADCHECK_INT_H

#include "cmd/cmd.h"

typedef struct {
  uint32_t node; /* the wrt node (the session's) */
  uint32_t n;    /* its elements */
  __mpfr_struct *an, *nu; /* analytic, at the working precision; numeric, at its own */
  int *digits;   /* agreement; XI_KINK at a kink, XI_JUMP where L jumps, XI_UNDEFINED where it
                    is not defined at w ± h, XI_ROUNDED where w ± h is not exact,
                    XI_HUGE where L's values are too large beside its change */
  uint8_t *ok;
} checked;
enum { XI_KINK = -1, XI_UNDEFINED = -2, XI_JUMP = -3, XI_ROUNDED = -4, XI_HUGE = -5 };

/* the table of the worst elements (the XI_ROWS worst, failures first) into out */
void xiR_gradcheck_table(xiR_session *s, const xiP_stmt *st, checked *w, uint32_t nw,
                         uint64_t total, mpfr_srcptr floor, xiW_buf *out);

#endif
