/* session.h: running statements: assignments, commands, printing, errors. */
#ifndef XI_SESSION_H
#define XI_SESSION_H

#include <stdio.h>

#include "tape/graph.h"
#include "grad/grad.h"

#define XI_DEFAULT_PREC 128
#define XI_DEFAULT_DIGITS 10
#define XI_LOAD_DEPTH 16

typedef struct {
  xiG_graph g;
  xiD_sweep sweep;
  int digits;
  int interactive; /* echo assignments to intermediates */
  int color;       /* colour the trace (stdout is a terminal, NO_COLOR unset) */
  int failed;      /* an error or a failed check: the exit status is 1 */
  int quit;
  int loads;       /* `load` nesting */
  int repeats;     /* `repeat` nesting */
  uint32_t live;   /* nodes alive after the last collection */
  volatile sig_atomic_t interrupt;
  /* the source being run, for error messages */
  const char *file, *src;
  size_t len;
  uint32_t first_line;
} xiR_session;

void xiR_init(xiR_session *s, mpfr_prec_t prec, int digits);
void xiR_free(xiR_session *s);
/* Runs every statement of src; a failing statement is reported and skipped.
   Returns the number of failures. */
int xiR_run(xiR_session *s, const char *file, const char *src, size_t len,
            uint32_t first_line);
int xiR_run_file(xiR_session *s, const char *path);
/* FILE:LINE:COL: kind: message, the source line and a caret, on stderr */
void xiR_report(xiR_session *s, const char *kind, xi_pos pos, const char *msg);
void xiR_help(FILE *out, const char *topic);
/* completion candidates: commands, functions, constants and the names bound
   now; calls fn for each, in no particular order */
void xiR_words(xiR_session *s, void (*fn)(void *ctx, const char *word), void *ctx);

/* trace.c */
int xiR_trace(xiR_session *s, uint32_t root, const char *label, xi_pos at, xi_err *err);
char *xiR_fmt(xiR_session *s, mpfr_srcptr x);

#endif
