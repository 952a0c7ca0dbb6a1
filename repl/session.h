/* session.h: running statements: assignments, commands, printing, errors. */
#ifndef XI_SESSION_H
#define XI_SESSION_H

#include <stdio.h>

#include "grad/grad.h"
#include "proof/ball.h"
#include "show/num.h"
#include "show/steps.h"
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
  uint32_t live;   /* nodes alive after the last collection */
  mpfr_prec_t mpfr_prec; /* the precision `format mpfr` returns to (repl/compare.c) */
  xiW_buf out;     /* a printed value is made here, then written: kept, not freed each time */
  xiB_balls *balls; /* the balls printed digits are proven by (proven.c) */
  int exact;        /* digits N exact: the balls' precision rises until N digits are proven */
  slong exact_prec; /* the precision the last such print took */
  char unproven[XI_ERR_MSG]; /* why the last value printed unproven could not be proven */
  volatile sig_atomic_t interrupt;
  uint64_t warned[64]; /* NumPy's warnings printed: line, op and kind (once each, as Python) */
  uint8_t nwarned;
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
/* the whole of a file into *text (malloc'd), or -1 and why */
int xiR_read(xiR_session *s, const char *path, char **text, size_t *len, char *why, size_t n);
/* FILE:LINE:COL: kind: message, the source line and a caret, on stderr */
void xiR_report(xiR_session *s, const char *kind, xi_pos pos, const char *msg);
/* the RuntimeWarnings NumPy would give for what ran since the last look (a
   format's inf from exp ...), on stderr as Python prints them, for pasted code */
void xiR_warnings(xiR_session *s);
void xiR_help(FILE *out, const char *topic);
/* completion candidates: commands, functions, constants and the names bound
   now; calls fn for each, in no particular order */
void xiR_words(xiR_session *s, void (*fn)(void *ctx, const char *word), void *ctx);

/* ---- for the REPL's own files (session.c, commands.c) ---- */
/* proven.c: the session's balls, at the precision prints start from */
xiB_balls *xiR_balls(xiR_session *s);
/* node's value as a ball, for the printer (pf) */
int xiR_prove_value(xiR_session *s, uint32_t node, xiW_proof *pf, xi_pos at, xi_err *err);
/* the adjoints of a swept root as balls (see xiB_adjoints), at *prec bits */
int xiR_prove_adjoints(xiR_session *s, uint32_t root, xiD_want want, const uint32_t *list,
                       uint32_t nlist, xiB_adj *a, slong *prec, xi_pos at, xi_err *err);
/* node's adjoint from a, for the printer */
void xiR_adjoint_proof(xiR_session *s, const xiB_adj *a, slong prec, uint32_t node,
                       xiW_proof *pf);
int xiR_fail(xi_err *err, xi_pos pos, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* builds and evaluates st's expression: *root; nodes from mark on are its own */
int xiR_evaluate(xiR_session *s, const xiP_stmt *st, uint32_t *root, xi_err *err);
/* "L" for a name, "(x*x)" for anything longer (malloc'd) */
char *xiR_label(xiR_session *s, const xiP_stmt *st);
/* indent spaces, "name = " (when name is given), node i's value (whole: never
   abbreviated), on a line; an error (at) when it cannot be printed */
int xiR_print_node(xiR_session *s, int indent, const char *name, uint32_t i, int whole,
                   xi_pos at, xi_err *err);
/* writes b to stdout and empties it, or reports why it failed (nothing written) */
int xiR_emit(xiW_buf *b, xi_pos at, xi_err *err);
/* the statements of s->src[off, end), which starts at `at`; in_block: a
   repeated block, which stops at its first error */
int xiR_run_span(xiR_session *s, size_t off, size_t end, xi_pos at, int in_block);
/* check (check.c) */
int xiR_check(xiR_session *s, const xiP_stmt *st, xi_err *err);
/* how a number typed stands against a value, as check judges it (and step's
   quiz): right to the digits it wrote (within half a unit of its last), the
   value truncated there instead of rounded, or the value negated, doubled or
   halved (rounded alike), or wrong */
enum { XI_J_RIGHT, XI_J_TRUNCATED, XI_J_SIGN, XI_J_TWICE, XI_J_HALF, XI_J_WRONG };
/* what the ball that holds the exact value proves of the claim: every number
   in it rounds to the claim, none does, or some do */
enum { XI_V_PROVEN, XI_V_WRONG, XI_V_UNDECIDED };
typedef struct {
  int kind;            /* XI_J_*: how the ball's midpoint compares */
  int verdict;         /* XI_V_* */
  int computed;        /* the claim holds for the number held at the working precision */
  xiN_verdict vd;      /* vd.rounded: the midpoint rounded at the claim's last digit */
  char *value, *claim; /* the proven digits, a few more than claimed; the claim */
  char *held;          /* the number held, when computed */
} xiR_judged;
/* Judges text (a number as typed: a sign, digits, a point, an exponent;
   negated once more when neg) against the ball x that holds the exact value
   (balls of precision prec) and the number held at the working precision; -1
   when it is not a number, or too long to judge.  digits: the fewest the
   value is written with.  Free the strings with xiR_unjudge. */
int xiR_judge(const arb_struct *x, mpfr_srcptr held, long prec, const char *text, size_t len,
              int neg, int digits, xiR_judged *j);
void xiR_unjudge(xiR_judged *j);
/* "right", "off by a sign", ...: a judgement in words */
const char *xiR_judgement(int kind);
/* a command's statement, by its row's handler (commands.c) */
int xiR_command(xiR_session *s, const xiP_stmt *st, xi_err *err);
/* the nodes the names after wrt bind, each one that root depends on (an
   error naming the first that is a constant, or that root does not use) */
int xiR_wrt_nodes(xiR_session *s, const xiP_stmt *st, uint32_t root, const char *label,
                  uint32_t *list, xi_err *err);
/* forward mode and the numerical checks (forward.c, gradcheck.c, equiv.c):
   the handlers of tangents, gradcheck and equiv */
int xiR_cmd_tangents(xiR_session *s, const xiP_stmt *st, xi_err *err);
int xiR_cmd_gradcheck(xiR_session *s, const xiP_stmt *st, xi_err *err);
int xiR_cmd_equiv(xiR_session *s, const xiP_stmt *st, xi_err *err);
/* compare.c: the IEEE formats (format) and a trace in each (compare) */
int xiR_cmd_format(xiR_session *s, const xiP_stmt *st, xi_err *err);
int xiR_cmd_compare(xiR_session *s, const xiP_stmt *st, xi_err *err);
/* in a format: where under root inf and nan first appeared, as notes */
void xiR_format_notes(xiR_session *s, uint32_t root);
/* "W", "W[2]", "W[0, 1]": element k of a value of shape sh named name */
void xiR_element(char *buf, size_t n, const char *name, xi_shape sh, uint32_t k);
/* a command's second expression (equiv's B, the value after = in gradcheck)
   built: *out; what names the command in the message for a tuple */
int xiR_second(xiR_session *s, const xiP_stmt *st, const char *what, uint32_t *out,
               xi_err *err);
/* what a statement returns when its errors were reported where they happened
   (inside a block): the statements after it do not run */
#define XI_REPORTED (-2)
/* Python's rules for what is shown: an assignment shows nothing, and a bare
   expression only at the prompt (pasted code prints what Python prints) */
static inline int xiR_python(const xiR_session *s) { return s->py_file || s->py_import; }
/* the steps of st's expression (for the names after wrt, when given), in a
   dialect of show/steps.h, proven by the session's balls (xiT_steps_prove;
   none under an IEEE format); on an error the caller truncates what it built */
int xiR_steps_of(xiR_session *s, const xiP_stmt *st, int dialect, xiT_steps *steps, xi_err *err);
/* dot, svg and export (draw.c); step (step.c) */
int xiR_step(xiR_session *s, const xiP_stmt *st, xi_err *err);
int xiR_dot(xiR_session *s, const xiP_stmt *st, xi_err *err);
int xiR_svg(xiR_session *s, const xiP_stmt *st, xi_err *err);
int xiR_export(xiR_session *s, const xiP_stmt *st, xi_err *err);
/* Python's statements (pyrun.c): print, import, for, if, a, b = ..., x[i] = ... */
int xiR_print(xiR_session *s, const xiP_stmt *st, xi_err *err);
int xiR_import(xiR_session *s, const xiP_stmt *st, xi_err *err);
int xiR_for(xiR_session *s, const xiP_stmt *st, xi_err *err);
int xiR_if(xiR_session *s, const xiP_stmt *st, xi_err *err);
int xiR_unpack(xiR_session *s, const xiP_stmt *st, xi_err *err);
int xiR_index_set(xiR_session *s, const xiP_stmt *st, xi_err *err);

#endif
