/* run.c: the commands that run statements again or stop: load FILE,
 * repeat N { ... }, quit and exit. */
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd.h"

int xiR_cmd_load(xiR_session *s, const xiP_stmt *st, xi_err *err) {
  const char *t = s->src + st->arg.off;
  size_t n = st->arg.len;
  if (n >= 2 && t[0] == '"')
    t++, n -= 2;
  if (s->loads >= XI_LOAD_DEPTH)
    return xiX_fail(err, st->arg.pos, "load nested more than %d deep", XI_LOAD_DEPTH);
  char *path = strndup(t, n), *text = NULL;
  size_t len;
  int rc = path ? xiR_read(s, path, &text, &len, err->msg, sizeof err->msg)
                : xiX_fail(err, st->arg.pos, "out of memory");
  if (rc == 0) {
    s->loads++;
    xiR_run(s, path, text, len, 1); /* its errors are reported, and counted, where they happen */
    s->loads--;
  }
  err->pos = st->arg.pos;
  free(text);
  free(path);
  return rc;
}

/* repeat N { statements }: the block N times; an error stops it */
int xiR_cmd_repeat(xiR_session *s, const xiP_stmt *st, xi_err *err) {
  long times = 0;
  if (xiR_whole(s, st, "repeat's count", 0, 1000000000L, &times, err))
    return -1;
  if (s->repeats >= XI_LOAD_DEPTH)
    return xiX_fail(err, st->pos, "repeat nested more than %d deep", XI_LOAD_DEPTH);
  s->repeats++;
  xiG_loop_enter(&s->g);
  int failures = 0;
  for (long k = 0; k < times && !failures && !s->quit && !s->stop && !s->interrupt; k++) {
    xiR_loop_step(s, (uint32_t)(k < XI_NONE ? k : XI_NONE - 1));
    failures = xiR_run_span(s, st->body_off, st->body_off + st->body_len, st->body_pos, 1);
    if (xiR_loop_break(s)) /* a break in the braces: repeat is a loop too */
      break;
  }
  xiR_loop_end(s);
  s->repeats--;
  return 0; /* its errors were reported where they happened */
}

int xiR_cmd_quit(xiR_session *s, const xiP_stmt *st, xi_err *err) {
  (void)st, (void)err;
  s->quit = 1;
  return 0;
}

int xiR_cmd_exit(xiR_session *s, const xiP_stmt *st, xi_err *err) {
  return xiR_cmd_quit(s, st, err);
}
