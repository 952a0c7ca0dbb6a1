/* why.c: why grad(L, W) (stub while grade is built) */
#include "cmd/cmd.h"

int xiR_cmd_why(xiR_session *s, const xiP_stmt *st, xi_err *err) {
  (void)s;
  return xiX_fail(err, st->pos, "why: not yet");
}
