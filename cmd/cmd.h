/* cmd.h: internal to the command layer: what the files of cmd/ share.  Only
 * cmd/'s files include it; the rest of xi sees cmd/session.h.  A command is
 * its row in syntax/commands.h and its handler, xiR_ and the row's handler
 * (cmd_grad is xiR_cmd_grad), in the file of cmd/ named for it or its kind:
 * gradients.c (grad), tracing.c (trace, show), step.c, pictures.c (dot,
 * svg, export), check.c, vars.c (set, vars, del), settings.c (digits, prec,
 * seed, format), compare.c, help.c, run.c (load, repeat, quit, exit),
 * tangents.c, gradcheck.c, equiv.c. */
#ifndef XI_CMD_H
#define XI_CMD_H

#include "cmd/session.h"
#include "show/num.h"
#include "show/prepare.h"
#include "syntax/parse.h"

/* ---- the session (session.c) ---- */
/* the statements of s->src[off, end), which starts at `at`; in_block: a
   repeated block, which stops at its first error */
int xiR_run_span(xiR_session *s, size_t off, size_t end, xi_pos at, int in_block);
/* what a statement returns when its errors were reported where they happened
   (inside a block): the statements after it do not run */
#define XI_REPORTED (-2)
/* Python's rules for what is shown: an assignment shows nothing, and a bare
   expression only at the prompt (pasted code prints what Python prints) */
static inline int xiR_python(const xiR_session *s) { return s->py_file || s->py_import; }

/* ---- Python's try (pytry.c) ---- */
/* try: its block, then the except that catches the error it stopped at (by the
   error's Python class, where xi can tell it), else, finally */
int xiR_try(xiR_session *s, const xiP_stmt *st, xi_err *err);

/* ---- a command's statement, by its row's handler (dispatch.c) ---- */
int xiR_command(xiR_session *s, const xiP_stmt *st, xi_err *err);
#define XI_CMD_DECLARE(id, word, args, fn, ...)                                            \
  int xiR_##fn(xiR_session *s, const xiP_stmt *st, xi_err *err);
XI_COMMANDS(XI_CMD_DECLARE)
#undef XI_CMD_DECLARE

/* ---- a statement's parts made values (args.c) ---- */
/* builds and evaluates st's expression: *root; nodes from mark on are its own */
int xiR_evaluate(xiR_session *s, const xiP_stmt *st, uint32_t *root, xi_err *err);
/* "L" for a name, "(x*x)" for anything longer (malloc'd) */
char *xiR_label(xiR_session *s, const xiP_stmt *st);
/* the nodes the names after wrt bind, each one that root depends on (an
   error naming the first that is a constant, or that root does not use) */
int xiR_wrt_nodes(xiR_session *s, const xiP_stmt *st, uint32_t root, const char *label,
                  uint32_t *list, xi_err *err);
/* a command's second expression (equiv's B, the value after = in gradcheck)
   built: *out; what names the command in the message for a tuple */
int xiR_second(xiR_session *s, const xiP_stmt *st, const char *what, uint32_t *out,
               xi_err *err);
/* a whole number in [lo, hi] from st's argument, or an error naming the range */
int xiR_whole(xiR_session *s, const xiP_stmt *st, const char *what, long lo, long hi,
              long *out, xi_err *err);
/* a word after the number (digits 30 exact): 1 when it is want, 0 when there
   is none, or an error naming what cmd N takes */
int xiR_word(xiR_session *s, const xiP_stmt *st, const char *want, const char *cmd,
             xi_err *err);
/* the steps of root (label: its name; the nwrt wrt nodes), prepared once
   for a printer by show/prepare.c: swept, labelled, listed in a dialect of
   show/steps.h and proven by the session's balls (none under an IEEE
   format); xiT_steps_free frees them */
int xiR_prepare(xiR_session *s, uint32_t root, const char *label, const uint32_t *wrt,
                uint32_t nwrt, int dialect, xiT_steps *steps, xi_pos at, xi_err *err);
/* the same for st's expression and the names after its wrt (dot, svg,
   export, step); on an error the caller truncates what it built */
int xiR_steps_of(xiR_session *s, const xiP_stmt *st, int dialect, xiT_steps *steps, xi_err *err);

/* ---- what a statement writes (output.c) ---- */
/* indent spaces, "name = " (when name is given), node i's value (whole: never
   abbreviated), on a line; an error (at) when it cannot be printed */
int xiR_print_node(xiR_session *s, int indent, const char *name, uint32_t i, int whole,
                   xi_pos at, xi_err *err);
/* writes b to stdout and empties it, or reports why it failed (nothing written) */
int xiR_emit(xiW_buf *b, xi_pos at, xi_err *err);
/* "W", "W[2]", "W[0, 1]": element k of a value of shape sh named name */
void xiR_element(char *buf, size_t n, const char *name, xi_shape sh, uint32_t k);
/* x's proven digits (digits of them at most), and how many are known when
   fewer, as check prints a value: malloc'd (NULL: out of memory) */
char *xiR_ball_text(const arb_struct *x, int digits, long prec);

/* ---- micrograd's and PyTorch's statements (pytorch.c) ---- */
/* S_AUTOGRAD: x.backward(), x.grad = v, x.grad.zero_(), x.data op= e, with
   torch.no_grad(): */
int xiR_autograd(xiR_session *s, const xiP_stmt *st, xi_err *err);
/* value i as print shows a micrograd Value (Value(data=-4.0, grad=0)): 1 when
   written, 0 when i is no Value, -1 on an error (a format spec given, len > 0,
   or a torch tensor, whose layout xi does not print) */
int xiR_ag_text(xiR_session *s, xiW_buf *b, uint32_t i, size_t len, xi_pos at, xi_err *err);
/* after a statement: the note that a tensor PyTorch makes float32 is binary64 here */
void xiR_ag_notes(xiR_session *s);

/* ---- a value as Python prints it (pytext.c) ---- */
/* print(...) */
int xiR_print(xiR_session *s, const xiP_stmt *st, xi_err *err);
/* a failed assert's error: AssertionError and its message (items[1] on) */
int xiR_assert_message(xiR_session *s, const xiP_stmt *st, xi_err *err);
/* print(...) inside a def, as the tape's print hook (xiG_print_fn): ctx the
   session */
int xiR_print_hook(void *ctx, xiG_graph *g, uint32_t layout, const uint32_t *values,
                   uint32_t n, xi_pos at, xi_err *err);
/* repr() of value i, as Python's prompt shows it ([0.69, 0.52], {'W1': array([1., 2.])}),
   appended to b */
int xiR_py_text(xiR_session *s, xiW_buf *b, uint32_t i, xi_pos at, xi_err *err);

/* ---- the balls behind what is printed (proven.c) ---- */
/* the session's balls, at the precision prints start from */
xiB_balls *xiR_balls(xiR_session *s);
/* node's value as a ball, for the printer (pf); pf->ball may be a scratch
   ball the next xiR_prove_value overwrites (xiB_ball_brief): use it first */
int xiR_prove_value(xiR_session *s, uint32_t node, xiW_proof *pf, xi_pos at, xi_err *err);
/* the adjoints of a swept root as balls (see xiB_adjoints), at *prec bits */
int xiR_prove_adjoints(xiR_session *s, uint32_t root, xiD_want want, const uint32_t *list,
                       uint32_t nlist, xiB_adj *a, slong *prec, xi_pos at, xi_err *err);
/* node's adjoint from a, for the printer */
void xiR_adjoint_proof(xiR_session *s, const xiB_adj *a, slong prec, uint32_t node,
                       xiW_proof *pf);

/* ---- balls at a raised precision, for a verdict (raised.c) ---- */
/* A verdict undecided at the session's precision makes its balls again at a
   higher one in a set of its own (opened when first needed), so the balls
   the session keeps at its precision stay; close it when the command ends.
   At the session's precision the session's set is used. */
typedef struct {
  xiR_session *s;
  xiB_balls *set; /* the raised set, or NULL */
  int full;       /* it did not fit in the memory budget: the session's set is raised */
} xiR_hi;
/* node's balls at prec bits (the view lives until the next call or close) */
int xiR_hi_ball(xiR_hi *h, slong prec, uint32_t node, xiO_bview *out, xi_pos at,
                xi_err *err);
/* adjoints as balls at prec bits (xiB_adjoints) */
int xiR_hi_adjoints(xiR_hi *h, slong prec, uint32_t root, xiD_want want,
                    const uint32_t *list, uint32_t nlist, xiB_adj *a, xi_pos at,
                    xi_err *err);
void xiR_hi_close(xiR_hi *h);

/* ---- check's judgement of a number typed (check.c; step's quiz too) ---- */
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
  int sure;            /* the whole ball rounds to one number at the claim's last digit */
  int cut;             /* every number in the ball is the claim rounded or truncated
                          (grade: right to the digits written) */
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

/* ---- check A == B judged by balls (verdict.c) ---- */
/* check A == B (node b; t: the tolerance's node, XI_NONE without
   ±, tol its item): each element judged by balls, their precision raised
   while undecided; the verdict said, a failure made the session's */
int xiR_check_values(xiR_session *s, const xiP_stmt *st, uint32_t a, uint32_t b, uint32_t t,
                     const xiP_item *tol, xi_err *err);
/* a verdict's message into msg, as snprintf, but a list of elements too long
   for it cut before the first element that does not fit whole ("; ...") */
__attribute__((format(printf, 3, 4))) void xiR_say(char *msg, size_t size, const char *fmt,
                                                   ...);
/* the digits balls x and y prove they agree to, relative to the larger (the
   floor of a lower bound of -log10(|x - y| / max(|x|, |y|))), at most full;
   -1 when both may be 0, and then zero is raised to a bound of both */
int xiR_agree_digits(const arb_struct *x, const arb_struct *y, int full, slong prec,
                     mag_t zero);

/* ---- the formats (settings.c) ---- */
/* the error for a format's name t that is not one, at at */
int xiR_unknown_format(const xiP_stmt *st, const char *t, size_t n, xi_pos at, xi_err *err);
/* every value computed again in the format f (an XI_FMT_*), or an error
   (at: where) and the format stays */
int xiR_use_format(xiR_session *s, int f, xi_pos at, xi_err *err);
/* Python's code starts (a .py file, an import): its numbers are binary64, as
   NumPy's float64 and Python's float are, unless the user chose the numbers
   (format, prec, --prec); at the prompt a note says so */
void xiR_python_numbers(xiR_session *s, xi_pos at);

/* ---- where a format loses the value (compare.c) ---- */
/* in the session's IEEE format, where the steps' root first loses its values
   and its gradient against the exact ones (compare's ! marks), written as
   compare's lines into b[0] and b[1], and why (*fwd, *rev: compare's words:
   overflows, underflows, a cancellation ...; NULL where nothing was lost):
   how many were found, or -1 */
int xiR_compare_faults(xiR_session *s, xiT_steps *steps, xiW_buf b[2], const char **fwd,
                       const char **rev, xi_pos at, xi_err *err);

/* ---- why a gradient is 0 or not finite (why.c) ---- */
/* for each leaf of st whose gradient is 0 or not finite, the first cause of
   why's table that applies, a line (NULL where none): trace prints them under
   the gradients.  NULL when there are none to find; free each, then it */
char **xiR_why_notes(xiR_session *s, xiT_steps *st, xi_pos at);

/* ---- where inf and nan first appeared, in a format (notes.c) ---- */
/* where under root inf and nan first appeared, as notes */
void xiR_format_notes(xiR_session *s, uint32_t root);
/* after a value is echoed (x = ..., an expression): in a format, where its
   first inf or nan arose, when that was in nodes from `from` on (made by the
   statement: an older one was noted when it was made) */
void xiR_value_notes(xiR_session *s, uint32_t i, uint32_t from);
/* in a format, after a sweep of ∂of/∂...: where the first nan of the
   adjoints arose (0·inf: a branch np.where did not take, ...), as a note;
   traced: name the nodes by the ξ labels the trace just printed */
void xiR_adjoint_notes(xiR_session *s, const char *of, int traced);
/* the same note's words into b (from "first nan of the adjoints"): 0 when no
   adjoint is nan; 1 when it is 0·inf in a branch np.where did not take; 2
   another 0·inf; 3 anything else */
int xiR_adjoint_nan(xiR_session *s, const char *of, int traced, xiW_buf *b);
/* the same for a grad(E, v) value just printed (node i) that holds a nan */
void xiR_grad_notes(xiR_session *s, uint32_t i);

/* ---- Python's statements (pyrun.c): import, for, while, if, a, b = ..., x[i] = ---- */
int xiR_import(xiR_session *s, const xiP_stmt *st, xi_err *err);
int xiR_for(xiR_session *s, const xiP_stmt *st, xi_err *err);
int xiR_while(xiR_session *s, const xiP_stmt *st, xi_err *err);
/* break and continue: s->jump says which, until the loop around them takes it */
enum { XI_JUMP_BREAK = 1, XI_JUMP_CONTINUE };
/* a loop's turn ended: 1 when a break ended the loop too (s->jump is taken) */
int xiR_loop_break(xiR_session *s);
/* a loop's steps (session.c): xiR_loop_step at the start of step k (0, 1, ...)
   marks it on the tape and, once the tape has grown by what was alive after
   the last collection, collects, letting go of what earlier steps computed
   (tape/loop.c); xiR_loop_end after the last step, whatever ended it: the
   outermost loop's end lets go of the history before its last step, so that
   what a loop leaves does not depend on when collections ran */
void xiR_loop_step(xiR_session *s, uint32_t k);
void xiR_loop_end(xiR_session *s);
int xiR_if(xiR_session *s, const xiP_stmt *st, xi_err *err);
/* a statement skipped (S_SKIPPED): a note, the first time of its kind */
int xiR_skipped(xiR_session *s, const xiP_stmt *st);
/* assert c, msg: nothing when c holds; else AssertionError: msg */
int xiR_assert(xiR_session *s, const xiP_stmt *st, xi_err *err);
int xiR_unpack(xiR_session *s, const xiP_stmt *st, xi_err *err);
int xiR_index_set(xiR_session *s, const xiP_stmt *st, xi_err *err);
/* xs.append(v) */
int xiR_mutate(xiR_session *s, const xiP_stmt *st, xi_err *err);

/* ---- Python's classes (pyclass.c): class Name:, x.name = v ---- */
int xiR_class(xiR_session *s, const xiP_stmt *st, xi_err *err);
int xiR_setattr(xiR_session *s, const xiP_stmt *st, xi_err *err);

#endif
