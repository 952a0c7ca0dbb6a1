/* marking.c: each claim of a worked solution judged, in the order of the
 * graph (forward, then the adjoints from L down), as check judges a number
 * (xiR_judge: within half a unit of its last digit, proven by the ball that
 * holds the exact value):
 *   right          it is the value, to the digits written;
 *   follow-through it is the step computed from the student's own operands
 *                  (world.c), and one of those is wrong: credit for the step;
 *   wrong          neither; the table of slips (slips.c) says which slip, the
 *                  first wrong step is shown with the value, the student's
 *                  operands and the formula;
 *   undecided      the ball cannot tell at this precision.
 * Whether a step's operands are the student's, and which wrong claim they
 * follow from, is carried down the graph as the claims are judged: forward
 * from operands to values, backward from consumers to adjoints (an adjoint's
 * share reads its consumer's adjoint and the consumer's values). */
#include <stdlib.h>
#include <string.h>

#include "cmd/grade.h"

typedef struct {
  xiR_session *s;
  xiR_world *a; /* every claim theirs, as written */
  xiR_world *b; /* only their wrong claims theirs, judged so far: the rest computed */
  const xiT_steps *st;
  xiR_graded *c;
  uint32_t n;
  uint8_t *moved, *amoved; /* a student's value is under node i's value, adjoint */
  int *src, *asrc;         /* the first wrong claim under it (-1: none) */
  int *own, *aown;         /* the claim pinned on node i's value, adjoint (-1: none) */
} judging;

/* ---- balls ---- */

/* node's balls, copied (n of them): proven, or the numbers held exactly (an
   input's, or a format's, which are what they are) */
static arb_ptr node_balls(xiR_session *s, uint32_t node, slong *prec, xi_err *err) {
  xiO_view v = xiG_view(&s->g.nodes[node]);
  xiW_proof pf;
  if (xiR_prove_value(s, node, &pf, s->g.nodes[node].pos, err))
    return NULL;
  arb_ptr b = _arb_vec_init(v.n);
  for (uint32_t k = 0; k < v.n; k++)
    if (pf.ball)
      arb_set(&b[k], &pf.ball[k]);
    else if (pf.why)
      arb_indeterminate(&b[k]);
    else
      arb_set_interval_mpfr(&b[k], &v.el[k], &v.el[k], mpfr_get_prec(&v.el[k]) + 64);
  *prec = pf.ball ? pf.prec : (slong)s->g.prec;
  return b;
}

/* the true adjoint's balls, from the steps' proof (or the sweep's numbers) */
static arb_ptr adjoint_balls(const judging *J, uint32_t node, xiO_view *held) {
  const xiT_step *p = &J->st->step[J->st->index[node]];
  xiW_proof pf;
  xiT_adjoint_proof(J->st, p, &pf);
  uint32_t n = xiG_count(&J->s->g.nodes[node]);
  int zero = xiD_adj_view(J->st->s, J->st->g, node, held) != 0;
  if (zero)
    held->n = 0; /* (the judge reads 0) */
  arb_ptr b = _arb_vec_init(n);
  for (uint32_t k = 0; k < n; k++)
    if (pf.ball)
      arb_set(&b[k], &pf.ball[k]);
    else if (!zero && !J->st->balls)
      arb_set_interval_mpfr(&b[k], &held->el[k], &held->el[k], mpfr_get_prec(&held->el[k]) + 64);
    else
      arb_zero(&b[k]); /* (no ball: exactly 0) */
  return b;
}

/* ---- a claim against balls ---- */

typedef struct {
  int verdict; /* XI_V_*: all proven (or right as computed), one proven wrong, else undecided */
  int *kinds;  /* XI_J_* of each element */
  char *rounded, *text; /* the first element off's value rounded as written; the value */
  char *cut;   /* right only as truncated (cut off at the last digit written, as a
                  teacher accepts): the first such element's value rounded as written */
  int sig;     /* and the digits that claim wrote */
  uint32_t cut_at; /* and its element */
} against;

static void unagainst(against *a) {
  free(a->kinds);
  free(a->rounded);
  free(a->text);
  free(a->cut);
  memset(a, 0, sizeof *a);
}

static int judge(xiR_session *s, const xiR_graded *c, const arb_struct *b, const xiO_view *held,
                 slong prec, against *a, xi_err *err) {
  memset(a, 0, sizeof *a);
  xi_shape sh = xiG_shape(&s->g.nodes[c->node]);
  a->kinds = calloc(c->nel, sizeof *a->kinds);
  xiW_buf t = {0};
  int proven = 1, wrong = 0;
  mpfr_t zero;
  mpfr_init2(zero, 2);
  mpfr_set_zero(zero, 1);
  for (uint32_t e = 0; a->kinds && e < c->nel; e++) {
    const char *num = xiR_claim_number(c, e, sh);
    xiR_judged j;
    if (xiR_judge(&b[e], held ? &held->el[e] : zero, prec, num, strlen(num), 0, s->digits, &j)) {
      xiR_unjudge(&j);
      mpfr_clear(zero);
      xiW_free(&t);
      unagainst(a);
      return xiX_fail(err, c->q.num_pos, "the claim %s is too long or its exponent too large "
                                         "to judge", num);
    }
    int ok = j.verdict == XI_V_PROVEN || j.computed, cut = !ok && j.cut;
    if (cut && !a->cut && j.vd.rounded)
      a->cut = strdup(j.vd.rounded), a->sig = j.vd.sig, a->cut_at = e;
    ok |= cut;
    a->kinds[e] = ok ? XI_J_RIGHT : j.kind;
    proven &= ok;
    /* (truncated at the midpoint but not proven so: undecided, never wrong) */
    wrong |= !ok && j.verdict == XI_V_WRONG && j.kind != XI_J_TRUNCATED;
    if (!ok && !a->rounded && j.vd.rounded)
      a->rounded = strdup(j.vd.rounded);
    if (sh.rank == 2 && e % sh.cols == 0)
      xiW_put(&t, "%s[", e ? ", " : "[");
    else if (sh.rank)
      xiW_put(&t, "%s", e ? ", " : "[");
    xiW_put(&t, "%s", j.value ? j.value : "?");
    if (sh.rank == 2 && e % sh.cols == sh.cols - 1)
      xiW_put(&t, "]");
    xiR_unjudge(&j);
  }
  mpfr_clear(zero);
  if (sh.rank)
    xiW_put(&t, "]");
  a->text = t.failed ? NULL : t.s;
  if (!a->kinds)
    return xiX_fail(err, c->q.pos, "out of memory");
  a->verdict = proven ? XI_V_PROVEN : wrong ? XI_V_WRONG : XI_V_UNDECIDED;
  return 0;
}

/* ---- what flows down the graph ---- */

static int first_of(int a, int b) { return a < 0 ? b : b < 0 ? a : a < b ? a : b; }

/* the student's value of node o: is it theirs, or computed from theirs, and
   the wrong claim under it */
static int pmoved(const judging *J, uint32_t o) { return J->own[o] >= 0 || J->moved[o]; }
static int psrc(const judging *J, uint32_t o) {
  if (J->own[o] < 0)
    return J->src[o];
  const xiR_graded *c = &J->c[J->own[o]];
  return c->verdict == XI_G_WRONG ? J->own[o] : c->verdict == XI_G_FOLLOW ? c->source : -1;
}
static int pasrc(const judging *J, uint32_t o) {
  if (J->aown[o] < 0)
    return J->asrc[o];
  const xiR_graded *c = &J->c[J->aown[o]];
  return c->verdict == XI_G_WRONG ? J->aown[o] : c->verdict == XI_G_FOLLOW ? c->source : -1;
}

static void forward_flow(judging *J, uint32_t i) {
  const xiG_node *n = &J->st->g->nodes[i];
  for (uint32_t k = 0; n->op != XI_LEAF && n->op != XI_CONST && k < xiG_nargs(n); k++) {
    uint32_t o = xiG_arg(n, k);
    J->moved[i] |= (uint8_t)pmoved(J, o);
    J->src[i] = first_of(J->src[i], psrc(J, o));
  }
}

/* node i's adjoint, judged, flows into its operands' (with i's values) */
static void reverse_flow(judging *J, uint32_t i) {
  const xiG_node *n = &J->st->g->nodes[i];
  if (n->op == XI_LEAF || n->op == XI_CONST)
    return;
  int m = J->aown[i] >= 0 || J->amoved[i] || pmoved(J, i);
  int src = first_of(pasrc(J, i), psrc(J, i));
  for (uint32_t k = 0; k < xiG_nargs(n); k++) {
    uint32_t o = xiG_arg(n, k);
    m |= pmoved(J, o);
    src = first_of(src, psrc(J, o));
  }
  for (uint32_t k = 0; k < xiG_nargs(n); k++) {
    uint32_t o = xiG_arg(n, k);
    J->amoved[o] |= (uint8_t)m;
    J->asrc[o] = first_of(J->asrc[o], src);
  }
}

/* ---- one claim ---- */

/* the claim against the student's value in world w (node sw): f, and mine its balls */
static int against_world(xiR_session *s, xiR_graded *c, uint32_t sw, slong prec, arb_ptr *mine,
                         against *f, xi_err *err) {
  slong p = prec;
  xiO_view h = xiG_view(&s->g.nodes[sw]);
  *mine = node_balls(s, sw, &p, err);
  return *mine ? judge(s, c, *mine, &h, p, f, err) : -1;
}

/* node i's follow-through value in world w: XI_NONE when lost */
static uint32_t world_node(const xiR_world *w, const xiR_graded *c) {
  uint32_t i = c->node;
  if (!xiR_world_has(w, i))
    return XI_NONE;
  return c->adjoint ? (w->alost[i] ? XI_NONE : w->adj[i]) : w->fwd[i];
}

/* the significant digits x and y share, rounded alike (at most 30) */
static int shared(const arb_struct *x, const arb_struct *y) {
  mpfr_t a, b;
  mpfr_inits2(256, a, b, (mpfr_ptr)0);
  arf_get_mpfr(a, arb_midref(x), MPFR_RNDN);
  arf_get_mpfr(b, arb_midref(y), MPFR_RNDN);
  int k = 0;
  char s1[XI_FORMAT_ROOM(30)], s2[XI_FORMAT_ROOM(30)];
  while (k < 30 && xiN_write(s1, a, k + 1) && xiN_write(s2, b, k + 1) && !strcmp(s1, s2))
    k++;
  mpfr_clears(a, b, (mpfr_ptr)0);
  return k;
}

/* rounding carried forward: the claim is right from their rounded (right)
   earlier values, mine, not from the exact ones: what that cost, into c->why */
static void carried(xiR_session *s, xiR_graded *c, const arb_struct *truth,
                    const arb_struct *mine) {
  xiW_buf d = {0};
  int kept = 30, wrote = 0;
  for (uint32_t e = 0; e < c->nel; e++) {
    int d1 = shared(&truth[e], &mine[e]);
    kept = d1 < kept ? d1 : kept;
  }
  for (const char *p = xiR_claim_number(c, 0, xiG_shape(&s->g.nodes[c->node])); *p && *p != 'e'; p++)
    wrote += *p >= '0' && *p <= '9' && (wrote || *p != '0');
  xiW_put(&d, "rounding carried forward: from your rounded earlier values it is %s, which the "
              "claim rounds, but the exact value is %s: the rounding leaves %d correct digit%s "
              "here, and the claim writes %d; carry a few more digits than you write, and round "
              "only the answer", c->follow_text ? c->follow_text : "?",
          c->value_text ? c->value_text : "?", kept, kept == 1 ? "" : "s", wrote);
  c->why = d.failed ? NULL : d.s;
  if (d.failed)
    xiW_free(&d);
}

/* the slip of wrong claim k, and the first wrong step's detail */
static void slip(judging *J, int k, xiR_marks *m, xiR_world *w, const arb_struct *ref,
                 against *r) {
  xiR_session *s = J->s;
  xiR_graded *c = &J->c[k];
  xiW_buf why = {0};
  xiR_slip x = {s, w, J->st, c, ref, r->kinds, &why};
  uint32_t mark = s->g.n;
  c->slip = xiR_name_slip(&x);
  xiG_truncate(&s->g, mark);
  c->why = why.failed ? NULL : why.s;
  if (m->first < 0) {
    xiW_buf f = {0};
    m->first = k;
    xiR_grade_detail(s, J->a, c, J->own, J->aown, &f);
    m->first_detail = f.failed ? NULL : f.s;
    if (f.failed)
      xiW_free(&f);
  }
}

static int one(judging *J, int k, xiR_marks *m, xi_err *err) {
  xiR_session *s = J->s;
  xiR_graded *c = &J->c[k];
  uint32_t i = c->node;
  int on = xiR_world_has(J->a, i);
  slong prec = (slong)s->g.prec;
  xiO_view held = xiG_view(&s->g.nodes[i]);
  arb_ptr truth = c->adjoint ? adjoint_balls(J, i, &held) : node_balls(s, i, &prec, err);
  if (c->adjoint)
    prec = J->st->balls ? J->st->prec : prec;
  if (!truth)
    return -1;
  against t, f = {0};
  int rc = judge(s, c, truth, held.n != c->nel ? NULL : &held, prec, &t, err);
  int moved = on && (c->adjoint ? J->amoved[i] : J->moved[i]);
  int src = !on ? -1 : c->adjoint ? J->asrc[i] : J->src[i];
  uint32_t sb = src >= 0 ? world_node(J->b, c) : XI_NONE, sa = moved ? world_node(J->a, c) : XI_NONE;
  arb_ptr mine = NULL;
  xiR_world *w = J->b;
  if (rc == 0) {
    c->value_text = t.text, t.text = NULL;
    c->verdict = t.verdict == XI_V_UNDECIDED ? XI_G_UNDECIDED : XI_G_WRONG;
    if (t.verdict == XI_V_PROVEN && !c->transposed)
      c->verdict = XI_G_RIGHT, c->cut = t.cut, c->cut_sig = t.sig, t.cut = NULL;
    c->cut_at = t.cut_at;
  }
  /* follow-through: from their wrong values (the rest as they should be), or
     from every value they wrote, as they wrote it */
  for (int pass = 0; rc == 0 && c->verdict == XI_G_WRONG && !c->transposed && pass < 2; pass++) {
    uint32_t sw = pass ? sa : sb;
    if (sw == XI_NONE || (pass && mine && f.verdict == XI_V_WRONG && sa == sb))
      continue;
    against g;
    arb_ptr balls;
    if ((rc = against_world(s, c, sw, prec, &balls, &g, err)))
      break;
    if (pass == 0 || g.verdict == XI_V_PROVEN || !mine) {
      if (mine)
        _arb_vec_clear(mine, c->nel);
      unagainst(&f);
      mine = balls, f = g, w = pass ? J->a : J->b;
      free(c->follow_text);
      c->follow_text = f.text, f.text = NULL;
    } else {
      _arb_vec_clear(balls, c->nel);
      unagainst(&g);
    }
    if (f.verdict == XI_V_PROVEN) {
      c->verdict = XI_G_FOLLOW, c->source = src; /* (src < 0: from their rounded values) */
      if (src < 0)
        carried(s, c, truth, mine);
      break;
    }
  }
  if (rc == 0 && c->verdict == XI_G_WRONG)
    slip(J, k, m, w, mine ? mine : truth, mine ? &f : &t);
  unagainst(&t);
  unagainst(&f);
  if (mine)
    _arb_vec_clear(mine, c->nel);
  _arb_vec_clear(truth, c->nel);
  return rc;
}

int xiR_grade_judge(xiR_session *s, xiR_world *a, xiR_world *b, xiR_graded *c, uint32_t n,
                    xiR_marks *m, xi_err *err) {
  const xiT_steps *st = a->st;
  size_t nn = (size_t)st->root + 1;
  judging J = {s, a, b, st, c, n, calloc(nn, 1), calloc(nn, 1), malloc(nn * sizeof(int)),
               malloc(nn * sizeof(int)), malloc(nn * sizeof(int)), malloc(nn * sizeof(int))};
  int rc = J.moved && J.amoved && J.src && J.asrc && J.own && J.aown
               ? 0 : xiX_fail(err, st->g->nodes[st->root].pos, "out of memory");
  for (size_t i = 0; rc == 0 && i < nn; i++)
    J.src[i] = J.asrc[i] = J.own[i] = J.aown[i] = -1;
  uint32_t q = 0; /* the claims, in the order of the steps */
  for (uint32_t k = 0; rc == 0 && k < 2 * st->n; k++) {
    int rev = k >= st->n;
    if (rev && !st->reverse)
      break;
    uint32_t i = st->step[rev ? 2 * st->n - 1 - k : k].node;
    if (!rev) {
      forward_flow(&J, i);
      rc = xiR_world_forward_node(b, i, err);
    }
    for (; rc == 0 && q < n && c[q].order == (int)k; q++) {
      rc = one(&J, (int)q, m, err);
      int *slot = rev ? J.aown : J.own;
      uint32_t *pin = rev ? b->aclaim : b->claim;
      if (slot[i] < 0 && (slot[i] = (int)q) >= 0 && c[q].verdict == XI_G_WRONG)
        pin[i] = c[q].value; /* a wrong value of theirs: their later steps are from it */
    }
    if (!rev)
      xiR_world_pin(b, i);
    if (rev && rc == 0) {
      reverse_flow(&J, i);
      rc = xiR_world_reverse_node(b, i, err);
    }
  }
  for (; rc == 0 && q < n; q++) /* values off L's graph: judged alone */
    rc = one(&J, (int)q, m, err);
  free(J.moved);
  free(J.amoved);
  free(J.src);
  free(J.asrc);
  free(J.own);
  free(J.aown);
  return rc;
}
