/* line.h: the interactive prompt (GNU readline). */
#ifndef XI_LINE_H
#define XI_LINE_H

#include "cmd/session.h"

/* Runs the prompt until Ctrl-D or quit.  History is kept in $XI_HISTORY,
   or ~/.xi_history. */
void xiE_repl(xiR_session *s);

#endif
