/* dispatch.c: a command's statement run by its row's handler.  The table of
 * handlers is made from the rows of syntax/commands.h, each row's handler
 * with xiR_ before it (cmd_grad is xiR_cmd_grad, in cmd/gradients.c), and
 * cmd/cmd.h declares them from the same rows: a row without its handler does
 * not build. */
#include "cmd/cmd.h"

typedef int (*handler)(xiR_session *s, const xiP_stmt *st, xi_err *err);

static const handler handlers[XI_NCOMMANDS] = {
#define XI_CMD_HANDLER(id, word, args, fn, ...) [XI_CMD_##id] = xiR_##fn,
    XI_COMMANDS(XI_CMD_HANDLER)
#undef XI_CMD_HANDLER
};

int xiR_command(xiR_session *s, const xiP_stmt *st, xi_err *err) {
  return handlers[st->cmd](s, st, err);
}
