/* numcheck.c: placeholder */
#include "repl/session.h"
int xiR_cmd_gradcheck(xiR_session *s, const xiP_stmt *st, xi_err *err) { (void)s; return xiR_fail(err, st->pos, "not yet"); }
int xiR_cmd_equiv(xiR_session *s, const xiP_stmt *st, xi_err *err) { (void)s; return xiR_fail(err, st->pos, "not yet"); }
