/* session.h: the session, as the REPL, the tests, the benchmarks and the
 * fuzzer use it: its state, running a source (statements, commands) and
 * reporting errors at it, help and the words Tab completes.  What the files
 * of cmd/ share among themselves is in cmd/cmd.h. */
#ifndef XI_SESSION_H
#define XI_SESSION_H

#include <stdio.h>

#include "grad/grad.h"
#include "proof/ball.h"
#include "show/print.h"
#include "tape/graph.h"

#define XI_DEFAULT_PREC 128
#define XI_DEFAULT_DIGITS 10
#define XI_LOAD_DEPTH 16
#define XI_INPUT_MAX (256 << 20) /* bytes in a script: it protects the memory */
#define XI_LINE_MAX (1 << 20)    /* bytes in a line typed or pasted at the prompt */

typedef struct {
  xiG_graph g;
  xiD_sweep sweep;
  int digits;
  int interactive; /* a line typed at the prompt is running: an error does not stop it all */
  int keep_going;  /* --keep-going: a script goes on after an error */
  int color;       /* colour the trace (stdout is a terminal, NO_COLOR unset) */
  int failed;      /* an error or a failed check: the exit status is 1 */
  int stop;        /* an error in a script: nothing more runs */
  int quit;
  int loads;       /* `load` nesting */
  int repeats;     /* `repeat` nesting (and for loops) */
  int py_file;     /* a .py file is running: Python's rules for what is shown */
  int py_import;   /* an import ran: from then on, Python's rules too */
  uint8_t skip_noted[2]; /* the note on a skipped magic, a skipped plot: given once */
  int jump;        /* break or continue ran (XI_JUMP_*): blocks stop until their loop takes it */
  int fmt_chosen;  /* format, prec or --prec chose the numbers: Python's code keeps them */
  uint32_t live;   /* nodes alive after the last collection */
  mpfr_prec_t mpfr_prec; /* the precision `format mpfr` returns to (cmd/compare.c) */
  xiW_buf out;     /* a printed value is made here, then written: kept, not freed each time */
  xiB_balls *balls; /* the balls printed digits are proven by (proven.c) */
  int exact;        /* digits N exact: the balls' precision rises until N digits are proven */
  slong exact_prec; /* the precision the last such print took */
  char unproven[XI_ERR_MSG]; /* why the last value printed unproven could not be proven */
  unsigned long errors; /* errors reported so far (a line at the prompt with one is undone) */
  volatile sig_atomic_t interrupt;
  uint64_t warned[64]; /* NumPy's warnings printed: line, op and kind (once each, as Python) */
  uint8_t nwarned;
  /* Python's try (cmd/pytry.c): the try blocks running, those of them whose excepts
     catch ImportError (an import of a module xi has not then fails), and the error a
     try block stopped at, kept to be matched against its excepts, not reported */
  int trying, trying_import, caught_set;
  xi_err caught;
  /* the last raise C(msg) that ran: its error's message, and where str(e) starts in it
     (raised_cls -1: none), so that an except's e holds Python's text */
  int raised_cls;
  size_t raised_text;
  char raised[XI_ERR_MSG];
  /* the source being run, for error messages */
  const char *file, *src;
  size_t len;
  uint32_t first_line;
} xiR_session;

void xiR_init(xiR_session *s, mpfr_prec_t prec, int digits);
void xiR_free(xiR_session *s);
/* Runs the statements of src.  In a script the first error stops everything
   (unless keep_going); at the prompt it stops the line.  Returns the number
   of errors. */
int xiR_run(xiR_session *s, const char *file, const char *src, size_t len,
            uint32_t first_line);
int xiR_run_file(xiR_session *s, const char *path);
/* What one Enter runs at the prompt (a line, a block, a paste): all of it or
   none of it.  Interrupted, or stopped by an error, the line is undone:
   every name, function, ξ label, the random numbers and the settings (prec,
   format, digits) are as they were before it, and what it built is freed;
   a note says what was put back.  Returns the number of errors. */
int xiR_enter(xiR_session *s, const char *file, const char *src, size_t len,
              uint32_t first_line);
/* the whole of a file into *text (malloc'd), or -1 and why */
int xiR_read(xiR_session *s, const char *path, char **text, size_t *len, char *why, size_t n);
/* n bytes of data as the whole of the file path, or the file as it was: a new
   file beside it, flushed and closed, then renamed over it (cmd/save.c; a
   device or a named pipe is written in place).  -1 and why ("No space left
   on device; the old file is kept as it was"), without the file's name. */
int xiR_save(const char *path, const char *data, size_t n, char *why, size_t wn);
/* FILE:LINE:COL: kind: message, the source line and a caret, on stderr */
void xiR_report(xiR_session *s, const char *kind, xi_pos pos, const char *msg);
/* the RuntimeWarnings NumPy would give for what ran since the last look (a
   format's inf from exp ...), on stderr as Python prints them, for pasted code */
void xiR_warnings(xiR_session *s);
void xiR_help(FILE *out, const char *topic);
/* completion candidates: commands, functions, constants and the names bound
   now; calls fn for each, in no particular order */
void xiR_words(xiR_session *s, void (*fn)(void *ctx, const char *word), void *ctx);

#endif
