/* compare.c: compare L in the number formats networks run in (format, the
 * setting, is settings.c's).  compare L in binary16, binary32 prints
 * L's trace in columns, one per format and one exact (MPFR at 256 bits or
 * more), each computed on a copy of L's graph (grad/probe.c), and says where
 * each format first lost the value or the gradient (0, inf, nan, or no
 * correct digit left) and why: overflow, cancellation, underflow or
 * rounding (judge, below). */
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd.h"
#include "grad/probe.h"
#include "show/num.h"
#include "show/steps.h"

#define XI_EXACT_PREC 256
#define XI_CMP_DIGITS 5
#define XI_CMP_WIDTH 13

/* ---- compare ---- */

typedef struct {
  int f;           /* the format (XI_FMT_MPFR: the exact column) */
  xiC_copy c;      /* L's graph computed in it */
  xiD_sweep sw;    /* and swept */
  int swept;
  uint32_t root;
} column;

/* one step's value (adj: its adjoint) in a column; 0 when it is 0 (no adjoint) */
static int cell(column *col, uint32_t node, int adj, xiO_view *v) {
  uint32_t i = col->c.map[node];
  if (i == XI_NONE)
    return -1;
  if (!adj) {
    *v = xiG_view(&col->c.g.nodes[i]);
    return 0;
  }
  return col->swept ? xiD_adj_view(&col->sw, &col->c.g, i, v) : -1;
}

/* |x| below the format's smallest normal number, 2^(emin + prec - 2) in
   MPFR's terms (binary16: 2^-14): where a number keeps fewer bits, or none */
static int subnormal(int f, mpfr_srcptr x) {
  return !mpfr_zero_p(x) && mpfr_get_exp(x) <= xiO_formats[f].emin + xiO_formats[f].prec - 2;
}

/* exact x rounded into format f is past its largest finite number */
static int past_largest(int f, mpfr_srcptr x) {
  if (!mpfr_number_p(x))
    return mpfr_inf_p(x);
  mpfr_t r;
  mpfr_init2(r, xiO_formats[f].prec);
  mpfr_set(r, x, MPFR_RNDN);
  int past = !mpfr_zero_p(r) && mpfr_get_exp(r) > xiO_formats[f].emax;
  mpfr_clear(r);
  return past;
}

/* the largest |share| of scalar node i's adjoint in a column: g·p from each
   consumer (0 when none is a scalar op the sweep takes the short way) */
static void largest_share(column *col, uint32_t i, mpfr_ptr big) {
  xiG_graph *g = &col->c.g;
  mpfr_set_zero(big, 1);
  for (uint32_t c = i + 1; c <= col->sw.root && c < g->n; c++) {
    xiG_node *n = &g->nodes[c];
    if (!xiD_needed(&col->sw, c) || !xiO_table[n->op].partial || n->x)
      continue;
    for (int k = 0; k < 2; k++)
      if ((k ? n->b : n->a) == i && !g->nodes[i].x) {
        mpfr_t t;
        mpfr_init2(t, mpfr_get_prec(big));
        mpfr_mul(t, xiD_adj(&col->sw, c), xiD_partial(&col->sw, g, c, k), MPFR_RNDN);
        if (mpfr_cmpabs(t, big) > 0)
          mpfr_abs(big, t, MPFR_RNDN);
        mpfr_clear(t);
      }
  }
}

/* the terms a sum-like step added, at most `big` in size: an add or subtract's
   operands (forward), or the shares of an adjoint (reverse); |result| four
   times smaller than the largest term means digits cancelled */
static int cancelled(column *col, uint32_t node, int adj, uint32_t el, mpfr_srcptr x,
                     mpfr_srcptr e) {
  xiG_graph *g = &col->c.g;
  uint32_t i = col->c.map[node];
  if (i == XI_NONE)
    return 0;
  xiG_node *n = &g->nodes[i];
  mpfr_t big;
  mpfr_init2(big, g->prec + 64);
  mpfr_set_zero(big, 1);
  if (adj) {
    largest_share(col, i, big);
  } else if (n->op == XI_ADD || n->op == XI_SUB) {
    xiO_view out = xiG_view(n);
    uint32_t cols = out.sh.rank ? out.sh.cols : 1;
    for (int k = 0; k < 2; k++) {
      xiO_view o = xiG_view(&g->nodes[k ? n->b : n->a]);
      mpfr_srcptr t = &o.el[xiO_bidx(&o.sh, el / cols, el % cols)];
      if (mpfr_number_p(t) && mpfr_cmpabs(t, big) > 0)
        mpfr_abs(big, t, MPFR_RNDN);
    }
  }
  mpfr_t m;
  mpfr_init2(m, 64);
  mpfr_abs(m, mpfr_cmpabs(x, e) > 0 ? x : e, MPFR_RNDN);
  mpfr_mul_2ui(m, m, 2, MPFR_RNDN);
  int r = !mpfr_zero_p(big) && mpfr_cmpabs(big, m) >= 0;
  mpfr_clears(big, m, (mpfr_ptr)0);
  return r;
}

/* what went wrong with x (column col's node, element el; adj: its adjoint)
   against the exact e, and why: NULL nothing, else the words.  The cause:
   overflow (the exact value past the largest; an inf whose exact value is
   not is an operand's loss: 1/0 of an underflow), cancellation (a sum whose terms are four
   times the result or more: the terms' rounding is all that is left),
   underflow (the exact value below the smallest normal number: subnormals
   keep fewer bits, and past the smallest, none), else rounding (the
   operands' rounding, magnified by the op: sin of a large number) */
static const char *judge(column *col, uint32_t node, int adj, uint32_t el, mpfr_srcptr x,
                         mpfr_srcptr e) {
  if (mpfr_nan_p(x))
    return mpfr_nan_p(e) ? NULL : "is nan";
  if (mpfr_inf_p(x))
    return mpfr_inf_p(e)         ? NULL
           : past_largest(col->f, e) ? "overflows to inf (past the largest number)"
                                     : "is inf where the exact value is finite (from an "
                                       "operand the format lost: a division by 0, a log of 0)";
  if (!mpfr_number_p(e) || mpfr_zero_p(e))
    return NULL;
  int zero = mpfr_zero_p(x);
  if (!zero) { /* no correct digit: off by half the exact value or more, or the wrong sign */
    mpfr_t d;
    mpfr_init2(d, 64);
    mpfr_sub(d, x, e, MPFR_RNDN);
    mpfr_abs(d, d, MPFR_RNDN);
    mpfr_mul_2si(d, d, 1, MPFR_RNDN);
    int bad = mpfr_cmpabs(d, e) >= 0;
    mpfr_clear(d);
    if (!bad)
      return NULL;
  }
  if (cancelled(col, node, adj, el, x, e))
    return zero ? "cancels to 0 (a cancellation: terms the format rounded cancel exactly)"
                : "keeps no correct digit (a cancellation: terms much larger than the "
                  "result, whose rounding is all that is left)";
  if (subnormal(col->f, e))
    return zero ? "underflows to 0 (below the smallest subnormal)"
                : "keeps no correct digit (an underflow: a subnormal keeps too few bits)";
  return zero ? "rounds to 0 (rounding of its operands)"
              : "keeps no correct digit (rounding: its operands' rounding, magnified by the "
                "operation)";
}

/* the first element of v (col's node; adj) that judge() faults against w, or -1 */
static int first_bad(column *col, uint32_t node, int adj, const xiO_view *v, const xiO_view *w,
                     const char **why) {
  for (uint32_t k = 0; k < v->n && k < w->n; k++)
    if ((*why = judge(col, node, adj, k, &v->el[k], &w->el[k])))
      return (int)k;
  return -1;
}

/* x, or with a ball the digits it proves (the exact column) */
static void number(xiW_buf *b, mpfr_srcptr x, const arb_struct *ball) {
  char t[XI_FORMAT_ROOM(XI_CMP_DIGITS)];
  int known;
  if (ball)
    xiN_write_ball(t, ball, XI_CMP_DIGITS, &known);
  else
    xiN_write(t, x, XI_CMP_DIGITS);
  xiW_put(b, "%s", t);
}

/* the ball of the exact column's cell (the session's node, proven by the
   steps' balls), element k; NULL when there are none */
static const arb_struct *exact_ball(const xiT_steps *steps, uint32_t k, int adj, uint32_t el) {
  const arb_struct *b = !steps->vball ? NULL
                        : adj         ? xiB_adj_of(&steps->adj, steps->step[k].node)
                                      : steps->vball[k];
  return b ? &b[el] : NULL;
}

/* a cell: a scalar's value, a tensor's shape; mark: '!' after it */
static void put_cell(xiW_buf *b, const xiO_view *v, const arb_struct *ball, int zero, int mark,
                     int last) {
  xiW_buf t = {0};
  if (zero) {
    xiW_put(&t, "0");
  } else if (v->sh.rank) {
    char sh[48];
    xiO_shape_text(&v->sh, sh, sizeof sh);
    xiW_put(&t, "%s", sh);
  } else {
    number(&t, v->el, ball);
  }
  xiW_put(b, " %*s%s", XI_CMP_WIDTH - 1, t.s ? t.s : "", mark ? "!" : last ? "" : " ");
  xiW_free(&t);
}

static int chars(const char *p) {
  int n = 0;
  for (; *p; p++)
    n += (*p & 0xC0) != 0x80;
  return n;
}

/* the first step of a column (from the leaves up; adj: the adjoints, from L
   down) whose cell judge() faults against the exact column ex: its step
   (-1: none), the element and why */
static int first_fault(xiT_steps *steps, column *col, column *ex, int adj, int *elem,
                       const char **why) {
  for (uint32_t q = 0; q < steps->n; q++) {
    uint32_t k = adj ? steps->n - 1 - q : q;
    xiO_view v, w;
    if (cell(col, steps->step[k].node, adj, &v) || cell(ex, steps->step[k].node, adj, &w))
      continue;
    if ((*elem = first_bad(col, steps->step[k].node, adj, &v, &w, why)) >= 0)
      return (int)k;
  }
  return -1;
}

/* the line that says where column col first lost the value (or the gradient) */
static void fault_line(xiW_buf *b, xiT_steps *steps, column *col, column *ex, int adj, int first,
                       int elem, const char *why) {
  const xiT_step *p = &steps->step[first];
  xiO_view v, w;
  cell(col, p->node, adj, &v);
  cell(ex, p->node, adj, &w);
  xiW_put(b, "%s: %s first %s here", xiO_formats[col->f].name, adj ? p->dwho : p->who, why);
  if (v.sh.rank) {
    char e[64];
    xiR_element(e, sizeof e, "", v.sh, (uint32_t)elem);
    xiW_put(b, " (element %s)", e);
  }
  xiW_put(b, ": ");
  number(b, &v.el[elem], NULL);
  xiW_put(b, ", exact ");
  number(b, &w.el[elem], exact_ball(steps, (uint32_t)first, adj, (uint32_t)elem));
  xiW_put(b, "%s", adj ? (mpfr_zero_p(&v.el[elem]) ? ": the gradient vanished"
                          : mpfr_inf_p(&v.el[elem]) || mpfr_nan_p(&v.el[elem])
                              ? ": the gradient exploded"
                              : "")
                       : "");
}

/* the table of values (adj 0) or adjoints (adj 1), the first faulty cell of
   each format marked, then a line for each */
static void table(xiW_buf *b, xiT_steps *steps, column *col, int ncol, int adj) {
  int width = 8;
  for (uint32_t k = 0; k < steps->n; k++) {
    const char *w = adj ? steps->step[k].dwho : steps->step[k].who;
    width = chars(w) > width ? chars(w) : width;
  }
  int first[XI_NFORMATS + 1], elem[XI_NFORMATS + 1];
  const char *why[XI_NFORMATS + 1];
  column *ex = &col[ncol - 1];
  for (int c = 0; c + 1 < ncol; c++) /* forward: from the leaves; reverse: from L */
    first[c] = first_fault(steps, &col[c], ex, adj, &elem[c], &why[c]);
  xiW_put(b, "%s\n  %*s", adj ? "reverse: the adjoints" : "forward: the values", width, "");
  for (int c = 0; c < ncol; c++)
    xiW_put(b, " %*s%s", XI_CMP_WIDTH - 1, c + 1 < ncol ? xiO_formats[col[c].f].name : "exact",
            c + 1 < ncol ? " " : "");
  xiW_put(b, "\n");
  for (uint32_t q = 0; q < steps->n; q++) {
    uint32_t k = adj ? steps->n - 1 - q : q;
    const char *w = adj ? steps->step[k].dwho : steps->step[k].who;
    xiW_put(b, "  %s%*s", w, width - chars(w), "");
    for (int c = 0; c < ncol; c++) {
      xiO_view v;
      int zero = cell(&col[c], steps->step[k].node, adj, &v) != 0;
      const arb_struct *ball = c + 1 == ncol ? exact_ball(steps, k, adj, 0) : NULL;
      put_cell(b, &v, ball, zero, c + 1 < ncol && first[c] == (int)k, c + 1 == ncol);
    }
    xiW_put(b, "\n");
  }
  for (int c = 0; c + 1 < ncol; c++) {
    if (first[c] < 0)
      continue;
    xiW_put(b, "  ");
    fault_line(b, steps, &col[c], ex, adj, first[c], elem[c], why[c]);
    xiW_put(b, "\n");
  }
}

/* root's graph computed in each format of want and exactly (the last
   column: MPFR at 256 bits, or prec when higher, proven by the session's
   balls when it has them), each swept when root is a scalar */
static int columns(xiR_session *s, uint32_t root, const int *want, int nwant, xiT_steps *steps,
                   column *col, int *ncol, mpfr_prec_t *exactp, xi_pos at, xi_err *err) {
  int rc = 0, saved = xiO_fmt;
  mpfr_prec_t mine = xiO_fmt == XI_FMT_MPFR ? s->g.prec : s->mpfr_prec;
  mpfr_prec_t exact = mine > XI_EXACT_PREC ? mine : XI_EXACT_PREC;
  *exactp = exact;
  for (int q = 0; rc == 0 && q <= nwant; q++) {
    column *c = &col[(*ncol)++];
    memset(c, 0, sizeof *c);
    c->f = q < nwant ? want[q] : XI_FMT_MPFR;
    xiD_init(&c->sw);
    xiO_fmt = c->f;
    rc = xiC_copy_make(&c->c, &s->g, &root, 1, c->f ? xiO_formats[c->f].prec : exact, at, err);
    c->root = rc == 0 ? c->c.map[root] : XI_NONE;
    if (rc == 0 && !xiG_is_tensor(&c->c.g.nodes[c->root])) {
      rc = xiD_sweep_from(&c->sw, &c->c.g, &c->root, XID_ALL, NULL, 0, at, err);
      c->swept = rc == 0;
    }
    xiO_fmt = saved;
    if (rc && !c->f) {
      size_t len = strlen(err->msg);
      snprintf(err->msg + len, sizeof err->msg - len, " (in the exact column, at %ld bits)",
               (long)exact);
    }
  }
  /* the exact column's digits proven by the session's balls (in an IEEE
     format the session has none: the column is then MPFR's at that many bits) */
  xiB_balls *balls = rc == 0 ? xiR_balls(s) : NULL;
  if (balls) {
    xiB_set_prec(balls, exact == s->g.prec ? 0 : (slong)exact);
    rc = xiT_steps_prove(steps, balls, XI_CMP_DIGITS, at, err);
  }
  return rc;
}

static void free_columns(column *col, int ncol) {
  for (int c = 0; c < ncol; c++) {
    xiC_copy_free(&col[c].c);
    xiD_free(&col[c].sw);
  }
}

int xiR_compare_faults(xiR_session *s, xiT_steps *steps, xiW_buf b[2], const char **fwd,
                       const char **rev, xi_pos at, xi_err *err) {
  *fwd = *rev = NULL;
  if (xiO_fmt == XI_FMT_MPFR)
    return 0;
  column col[2];
  int ncol = 0, want[1] = {xiO_fmt}, found = 0;
  mpfr_prec_t exact;
  int rc = columns(s, steps->root, want, 1, steps, col, &ncol, &exact, at, err);
  for (int adj = 0; rc == 0 && adj < 2 && (!adj || col[0].swept); adj++) {
    int elem;
    const char *why;
    int first = first_fault(steps, &col[0], &col[1], adj, &elem, &why);
    if (first < 0)
      continue;
    found++;
    fault_line(&b[adj], steps, &col[0], &col[1], adj, first, elem, why);
    *(adj ? rev : fwd) = why;
  }
  free_columns(col, ncol);
  return rc ? -1 : found;
}

int xiR_cmd_compare(xiR_session *s, const xiP_stmt *st, xi_err *err) {
  int want[XI_NFORMATS], nwant = 0;
  for (uint32_t k = 0; k < st->nnames; k++) {
    const char *t = xiS_name(&s->g.sym, st->names[k]);
    int f = xiO_format_lookup(t, strlen(t));
    if (f < 0)
      return xiR_unknown_format(st, t, strlen(t), st->name_pos[k], err);
    if (f == XI_FMT_MPFR)
      return xiX_fail(err, st->name_pos[k], "the exact column is MPFR's already: name the "
                                             "formats to compare with it (binary16, ...)");
    int dup = 0;
    for (int q = 0; q < nwant; q++)
      dup |= want[q] == f;
    if (!dup)
      want[nwant++] = f;
  }
  if (nwant == 0) {
    static const int all[] = {XI_FMT_BINARY16, XI_FMT_BFLOAT16, XI_FMT_BINARY32,
                              XI_FMT_BINARY64};
    for (int q = 0; q < 4; q++)
      want[nwant++] = all[q];
  }
  uint32_t mark = s->g.n, root;
  char *label = xiR_label(s, st);
  xiT_steps steps;
  int have_steps = 0;
  int rc = label ? xiR_evaluate(s, st, &root, err) : xiX_fail(err, st->pos, "out of memory");
  if (rc == 0)
    rc = xiT_steps_make(&steps, &s->g, &s->sweep, &root, label, &root, 0, XI_T_TEXT,
                        s->digits, st->pos, err); /* (no wrt: an empty list, not NULL) */
  have_steps = rc == 0;
  column col[XI_NFORMATS + 1];
  int ncol = 0;
  mpfr_prec_t exact = 0;
  if (rc == 0)
    rc = columns(s, root, want, nwant, &steps, col, &ncol, &exact, st->pos, err);
  xiB_balls *balls = rc == 0 ? xiR_balls(s) : NULL;
  if (rc == 0) {
    xiW_buf out = {0};
    xiW_put(&out, "compare %s: each format, and exact (%s at %ld bits); ! marks where a\n"
                  "format first loses the value (0, inf, nan, no correct digit), and why\n",
            label, balls ? "proven" : "MPFR", (long)(balls ? steps.prec : exact));
    table(&out, &steps, col, ncol, 0);
    if (col[0].swept)
      table(&out, &steps, col, ncol, 1);
    else
      xiW_put(&out, "reverse: none, for %s is not a scalar\n", label);
    rc = xiR_emit(&out, st->pos, err);
    xiW_free(&out);
  }
  free_columns(col, ncol);
  if (have_steps)
    xiT_steps_free(&steps);
  free(label);
  if (rc) /* on success the nodes stay: the ξ labels it printed name them */
    xiG_truncate(&s->g, mark);
  return rc;
}
