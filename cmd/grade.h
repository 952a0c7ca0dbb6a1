/* grade.h: internal to grade: grade.c reads a worked solution, judges each
 * claim and marks it (marks.c prints the marks, as text or Markdown);
 * world.c computes L's graph again from the student's own values (the
 * follow-through); slips.c is the table of the slips people make, and says
 * which one a wrong step is.  why.c (why grad(L, W)) has its own table. */
#ifndef XI_GRADE_H
#define XI_GRADE_H

#include "cmd/cmd.h"
#include "syntax/claims.h"

/* ---- the student's world (world.c) ----
 * Every value and adjoint of L's graph computed again, as nodes, from the
 * student's values: a step the student wrote down is their number from then
 * on (what their later steps were computed from), and a step they did not is
 * computed from theirs (the true value, when nothing of theirs is under it).
 * A step's follow-through value is that step computed from the student's
 * operands: fwd[i], adj[i]. */
typedef struct {
  xiR_session *s;
  const xiT_steps *st;
  uint32_t root;
  uint32_t *claim;  /* claim[i]: the node holding the student's value of node i, or XI_NONE */
  uint32_t *aclaim; /* the same for ∂L/∂(node i) */
  uint32_t *fwd;    /* node i from the student's operands: i itself when none of them is
                       the student's, XI_NONE when it cannot be computed */
  uint32_t *adj;    /* ∂L/∂(node i) from the student's values: XI_NONE when 0 (or lost) */
  uint8_t *lost;    /* node i cannot be computed from the student's values (a log of a
                       negative claim) */
  uint8_t *alost;   /* nor its adjoint */
  uint32_t *map;    /* where the tape's replay finds node i's student value (XI_NONE: i) */
  xi_pos at;
} xiR_world;

/* a slip made on purpose in the reverse sweep, to see whether it gives the
   student's number: node c's local derivative left out (a dropped σ′), the
   share of c for its operand k left out (a path of a fan-out), or c (a
   matrix product) with the operand other than k transposed */
enum { XI_W_PLAIN, XI_W_DROP, XI_W_SKIP, XI_W_TRANSPOSE };
typedef struct {
  int kind;
  uint32_t c, k;
} xiR_variant;

/* claim and aclaim are the caller's to fill (all XI_NONE at first) */
int xiR_world_init(xiR_world *w, xiR_session *s, const xiT_steps *st, xi_pos at, xi_err *err);
void xiR_world_free(xiR_world *w);
/* fwd, then adj (errors: ^C, memory; a value that cannot be computed is lost):
   all at once, or node by node in the tape's order (forward: up; reverse:
   down from the root, each node's adjoint complete when its turn comes), so
   that a claim may be pinned (xiR_world_pin) once it has been judged */
int xiR_world_forward(xiR_world *w, xi_err *err);
int xiR_world_reverse(xiR_world *w, xi_err *err);
int xiR_world_forward_node(xiR_world *w, uint32_t i, xi_err *err);
int xiR_world_reverse_node(xiR_world *w, uint32_t i, xi_err *err);
/* claim[i] set after node i's turn forward: its later nodes read it */
void xiR_world_pin(xiR_world *w, uint32_t i);
/* ∂L/∂(node) in the student's world with the slip v made: *out (XI_NONE: 0, or lost) */
int xiR_world_variant(xiR_world *w, xiR_variant v, uint32_t node, uint32_t *out, xi_err *err);
/* the student's value of node i and of its adjoint: theirs when they wrote it,
   else computed from theirs (XI_NONE: lost, or an adjoint of 0) */
uint32_t xiR_world_value(const xiR_world *w, uint32_t i);
uint32_t xiR_world_adjoint(const xiR_world *w, uint32_t i);
/* node i is in L's graph (under the root) */
static inline int xiR_world_has(const xiR_world *w, uint32_t i) {
  return i <= w->root && w->st->xi[i] != 0;
}

/* ---- a claim, judged ---- */
enum { XI_G_RIGHT, XI_G_FOLLOW, XI_G_WRONG, XI_G_UNDECIDED, XI_G_ALONE_RIGHT };
typedef struct {
  xiK_claim q;        /* as written */
  uint32_t node;      /* the value it is about: node's value, or its adjoint */
  uint8_t adjoint;
  uint8_t transposed; /* written as the transpose of the value's shape */
  uint8_t scalar;     /* one number for every element of a tensor */
  uint8_t alone;      /* a named value that is no step of L: judged by itself */
  uint8_t own_label;  /* a ξ label the student numbered (ξ1 = -W*x = ...) */
  int order;          /* its place in the graph's order: forward, then reverse */
  int line;           /* its line, for the messages */
  uint32_t value;     /* the claim as a node, in the value's shape */
  int verdict;        /* XI_G_* */
  int slip;           /* the row of the table of slips (-1: none named) */
  int source;         /* follow-through: the wrong claim it follows from (-1: none, the
                         student's rounded right values: rounding carried forward) */
  char *why;          /* the slip's words, or the wrong step's detail (malloc'd) */
  char *value_text;   /* the right value, proven digits; the student's world's too */
  char *follow_text;
  char *cut;          /* right as truncated, not rounded: the value rounded as written */
  int cut_sig;        /* the significant digits written */
  uint32_t cut_at;    /* the (first) element truncated */
  uint32_t nel;       /* elements */
} xiR_graded;

/* ---- the slips (slips.c) ---- */
typedef struct {
  xiR_session *s;
  xiR_world *w;
  const xiT_steps *st;
  xiR_graded *c;       /* the wrong claim */
  const arb_struct *ref; /* what it should have been: from the student's operands */
  const int *kinds;      /* XI_J_* of each element against ref (check's judgement) */
  xiW_buf *why;          /* the test writes the particulars here */
} xiR_slip;
typedef struct {
  const char *name;          /* "sign" */
  int (*test)(xiR_slip *x);  /* 1 when the claim is this slip; particulars in x->why */
  const char *message;       /* what it is, and how to avoid it */
} xiR_slip_row;
extern const xiR_slip_row xiR_slips[];
extern const int xiR_nslips;
/* the first row whose test explains c (its index), or -1; c->why takes the words */
int xiR_name_slip(xiR_slip *x);
/* do the claim's numbers round from v's elements (the midpoints)? */
int xiR_claim_fits(const xiR_graded *c, const xiO_view *v);

/* the claim's number for element e of a value of shape sh (a scalar claim
   is every element's; a transposed one is read across) */
const char *xiR_claim_number(const xiR_graded *c, uint32_t e, xi_shape sh);

/* ---- judging (marking.c) ----
   Two worlds: a, where every claim is the student's number as written, and
   b, built as the claims are judged, where only the wrong ones are: a step
   right from their wrong values carried at full precision, or from their
   values as written, is follow-through; right only from their rounded (or
   truncated) right values, it is follow-through too, rounding carried
   forward, with the digits the rounding cost said. */
typedef struct xiR_marks xiR_marks;
/* each claim of c (in the graph's order) judged against the true value and,
   where the student's earlier values differ, against their world; the slip
   of each wrong one named; m->first and its detail filled */
int xiR_grade_judge(xiR_session *s, xiR_world *a, xiR_world *b, xiR_graded *c, uint32_t n,
                    xiR_marks *m, xi_err *err);

/* ---- the marks (marks.c) ---- */
/* the first wrong step's formula and the student's operands (own, aown: the
   claim pinned on each node's value and adjoint, -1 none), into b */
void xiR_grade_detail(xiR_session *s, xiR_world *w, const xiR_graded *c, const int *own,
                      const int *aown, xiW_buf *b);
struct xiR_marks {
  const char *label, *file; /* L; the file of claims, or NULL */
  const char *src;          /* the text the claims' offsets are in */
  xiR_graded *c;            /* in the graph's order */
  uint32_t n;
  int first;                /* the first wrong step, or -1 */
  const char *first_detail; /* its value, operands and formula (malloc'd) */
};
/* the marked solution as text (the terminal's), or as Markdown */
void xiR_marks_text(xiR_session *s, const xiR_marks *m, xiW_buf *b);
void xiR_marks_markdown(xiR_session *s, const xiR_marks *m, xiW_buf *b);
/* the marks printed, or with > OUT written to OUT as Markdown; the score
   decides the exit status */
int xiR_grade_write(xiR_session *s, const xiP_stmt *st, const xiR_marks *m, xi_err *err);

#endif
