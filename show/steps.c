/* steps.c: the list of steps of one expression's graph (steps.h), once
 * show/prepare.c has swept it and given its nodes their ξ numbers: each
 * step's name, operation and the terms of its adjoint, as text; named values
 * show their names, constants their values. */
#include "show/steps.h"

#include <stdlib.h>
#include <string.h>

#include "show/form.h"

/* consumers of each node under the root, as compressed lists */
typedef struct {
  uint32_t *start, *list;
} users;

static int in_cone(const xiT_steps *st, uint32_t i) {
  return st->xi[i] && st->g->nodes[i].op != XI_LEAF && st->g->nodes[i].op != XI_CONST;
}

/* operand k of node n appeared before as operand j < k (x·x is one consumer) */
static int repeated(const xiG_node *n, uint32_t k) {
  for (uint32_t j = 0; j < k; j++)
    if (xiG_arg(n, j) == xiG_arg(n, k))
      return 1;
  return 0;
}

static int find_users(const xiT_steps *st, users *u) {
  const xiG_graph *g = st->g;
  uint32_t root = st->root, total = 0;
  u->start = calloc(root + 2, sizeof *u->start);
  for (uint32_t i = 0; i <= root; i++)
    if (in_cone(st, i))
      total += xiG_nargs(&g->nodes[i]);
  u->list = malloc((total + 1) * sizeof *u->list);
  uint32_t *fill = malloc((root + 1) * sizeof *fill);
  if (!u->start || !u->list || !fill) {
    free(fill);
    return -1;
  }
  for (int pass = 0; pass < 2; pass++) { /* count, then place */
    if (pass)
      memcpy(fill, u->start, (root + 1) * sizeof *fill);
    for (uint32_t i = 0; i <= root; i++) {
      const xiG_node *n = &g->nodes[i];
      for (uint32_t k = 0; in_cone(st, i) && k < xiG_nargs(n); k++) {
        if (repeated(n, k))
          continue;
        if (pass)
          u->list[fill[xiG_arg(n, k)]++] = i;
        else
          u->start[xiG_arg(n, k) + 1]++;
      }
    }
    if (!pass)
      for (uint32_t i = 0; i <= root; i++)
        u->start[i + 1] += u->start[i];
  }
  free(fill);
  return 0;
}

/* keep[i]: node i is a step: under the root, not a constant, and (with wrt)
   on a path from one of the wrt nodes to the root */
static uint8_t *steps_kept(const xiT_steps *st, const uint32_t *wrt, uint32_t nwrt) {
  uint8_t *keep = calloc(st->root + 1, 1);
  if (!keep)
    return NULL;
  for (uint32_t k = 0; k < nwrt; k++)
    keep[wrt[k]] = 1;
  for (uint32_t i = 0; i <= st->root; i++) {
    const xiG_node *n = &st->g->nodes[i];
    for (uint32_t k = 0; nwrt && !keep[i] && k < xiG_nargs(n); k++)
      keep[i] = keep[xiG_arg(n, k)];
  }
  for (uint32_t i = 0; i <= st->root; i++)
    keep[i] = (keep[i] || !nwrt) && st->xi[i] && st->g->nodes[i].op != XI_CONST;
  return keep;
}

int xiT_additive(const char *d) {
  int depth = 0;
  for (const char *p = d; *p; p++) {
    depth += (*p == '(') - (*p == ')');
    if (depth == 0 && p > d && (*p == '+' || *p == '-') && p[-1] == ' ')
      return 1;
  }
  return d[0] == '-';
}

/* how operand i of elementwise consumer c was spread to c's shape */
static int broadcast(const xiG_graph *g, uint32_t i, uint32_t c) {
  if (!xiO_elementwise(g->nodes[c].op))
    return XI_T_SUM_NONE;
  xi_shape in = xiG_shape(&g->nodes[i]), out = xiG_shape(&g->nodes[c]);
  if (xiO_same_shape(&in, &out) || out.rank == 0)
    return XI_T_SUM_NONE;
  if (in.rank == 0 || out.rank == 1)
    return XI_T_SUM_ALL;
  int rows = out.rows > 1 && in.rows == 1, cols = out.cols > 1 && in.cols == 1;
  return rows && cols ? XI_T_SUM_ALL : rows ? XI_T_SUM_ROWS : XI_T_SUM_COLS;
}

static void sum_sign(const xiT_writer *w, xiW_buf *b, int sum) {
  static const char *const text[] = {"", "Σ_rows ", "Σ_cols ", "Σ "};
  static const char *const tex[] = {"", "\\sum_{\\text{rows}} ", "\\sum_{\\text{cols}} ",
                                    "\\sum "};
  xiW_put(b, "%s", w->dialect == XI_T_TEX ? tex[sum] : text[sum]);
}

/* the partial's form with brackets when it is multiplied and needs them */
static void factor(const xiT_writer *w, xiW_buf *b, const xiT_term *t) {
  const char *d = xiO_table[w->g->nodes[t->consumer].op].d[t->k];
  int br = xiT_additive(d);
  xiW_put(b, br ? "(" : "");
  xiT_w_form(w, b, d, t->consumer);
  xiW_put(b, br ? ")" : "");
}

/* the text of one term: consumer c's adjoint times its partial by operand k */
static void term_text(const xiT_writer *w, xiW_buf *b, const xiT_term *t) {
  const xiG_node *cn = &w->g->nodes[t->consumer];
  int tex = w->dialect == XI_T_TEX;
  if (cn->op == XI_LIST) { /* element (or row) k of the list's adjoint (k may pass 1) */
    xiT_w_dadj(w, b, t->consumer);
    xiW_put(b, "[%u]", t->k);
    return;
  }
  const char *d = xiO_table[cn->op].d[t->k];
  if (!xiO_table[cn->op].partial) { /* a whole-tensor rule: its matrix form */
    xiT_w_form(w, b, d, t->consumer);
  } else if (t->sum && strcmp(d, "1") == 0) {
    sum_sign(w, b, t->sum);
    xiT_w_dadj(w, b, t->consumer);
  } else {
    sum_sign(w, b, t->sum);
    xiW_put(b, t->sum ? "(" : "");
    xiT_w_dadj(w, b, t->consumer);
    xiW_put(b, "%s", t->scalar ? (tex ? " \\cdot " : " · ") : (tex ? " \\odot " : " ⊙ "));
    factor(w, b, t);
    xiW_put(b, t->sum ? ")" : "");
  }
}

/* offsets into the text block while it grows; pointers once it is done */
typedef struct {
  size_t who, op, dwho;
} step_at;
typedef struct {
  size_t partial, text;
} term_at;

static void make_terms(xiT_steps *st, const xiT_writer *w, const users *u, uint32_t s,
                       term_at *tat) {
  xiT_step *p = &st->step[s];
  const xiG_graph *g = st->g;
  p->terms = st->term + st->nterm;
  p->scalar = !xiG_is_tensor(&g->nodes[p->node]);
  for (uint32_t q = u->start[p->node]; p->node != st->root && q < u->start[p->node + 1]; q++) {
    uint32_t c = u->list[q];
    const xiG_node *cn = &g->nodes[c];
    for (uint32_t k = 0; k < xiG_nargs(cn); k++) {
      if (xiG_arg(cn, k) != p->node)
        continue;
      xiT_term *t = &st->term[st->nterm];
      term_at *at = &tat[st->nterm++];
      p->nterms++;
      t->consumer = c, t->k = k;
      t->sum = (uint8_t)broadcast(g, p->node, c);
      t->scalar = xiO_table[cn->op].partial && !xiG_is_tensor(cn) &&
                  !xiG_is_tensor(&g->nodes[p->node]);
      p->scalar &= t->scalar;
      at->partial = st->text.n;
      if (cn->op != XI_LIST)
        xiT_w_form(w, &st->text, xiO_table[cn->op].d[k], c);
      xiW_str(&st->text, "", 1);
      at->text = st->text.n;
      term_text(w, &st->text, t);
      xiW_str(&st->text, "", 1);
    }
  }
}

static void make_step(xiT_steps *st, const xiT_writer *w, uint32_t i, step_at *at) {
  xiT_step *p = &st->step[st->n++];
  p->node = i;
  p->xi = st->xi[i] == UINT32_MAX ? 0 : st->xi[i];
  p->leaf = st->g->nodes[i].op == XI_LEAF;
  at->who = st->text.n;
  xiT_w_name(w, &st->text, i);
  xiW_str(&st->text, "", 1);
  at->op = st->text.n;
  if (!p->leaf)
    xiT_w_op(w, &st->text, i);
  xiW_str(&st->text, "", 1);
  at->dwho = st->text.n;
  xiT_w_dadj(w, &st->text, i);
  xiW_str(&st->text, "", 1);
}

/* the strings' offsets made pointers, now that the block stays put */
static void settle(xiT_steps *st, const step_at *sat, const term_at *tat, size_t label_at) {
  const char *base = st->text.s;
  st->label = base + label_at;
  for (uint32_t s = 0; s < st->n; s++) {
    st->step[s].who = base + sat[s].who;
    st->step[s].op = base + sat[s].op;
    st->step[s].dwho = base + sat[s].dwho;
  }
  for (uint32_t t = 0; t < st->nterm; t++) {
    st->term[t].partial = base + tat[t].partial;
    st->term[t].text = base + tat[t].text;
  }
}

/* every step's strings and terms, into the arrays made for them */
static int fill_list(xiT_steps *st, const uint8_t *keep, const users *u, step_at *sat,
                     term_at *tat) {
  xiW_buf label = {0}; /* the label in the dialect, apart: the block moves as it grows */
  if (st->label[0] == '(')
    xiT_w_words(st->dialect, &label, st->label); /* an expression's text: "(x*x)" */
  else
    xiT_name_text(st->dialect, &label, st->label);
  if (label.failed || !label.s) {
    st->text.failed = label.failed ? label.failed : XI_W_MEMORY;
    xiW_free(&label);
    return -1;
  }
  xiT_writer w = {st->g, st->xi, st->root + 1, st->digits, st->dialect, label.s, 0, XI_NONE};
  size_t label_at = st->text.n;
  xiW_str(&st->text, label.s, label.n + 1);
  for (uint32_t i = 0; i <= st->root && !st->text.failed; i++) {
    if (!keep[i])
      continue;
    if ((i & 1023) == 0 && xiO_stopped())
      st->text.failed = XI_W_STOPPED;
    st->index[i] = st->n;
    make_step(st, &w, i, &sat[st->n]);
    if (st->reverse)
      make_terms(st, &w, u, st->n - 1, tat);
  }
  xiW_free(&label);
  if (st->text.failed)
    return -1;
  settle(st, sat, tat, label_at);
  return 0;
}

/* the steps and their text, once the ξ numbers are known */
static int make_list(xiT_steps *st, const uint8_t *keep, const users *u) {
  uint32_t count = 0, terms = 0;
  for (uint32_t i = 0; i <= st->root; i++)
    if (keep[i]) {
      count++;
      for (uint32_t q = u->start[i]; q < u->start[i + 1]; q++)
        terms += xiG_nargs(&st->g->nodes[u->list[q]]); /* x·x: two terms, one consumer */
    }
  st->step = calloc(count + 1, sizeof *st->step);
  st->term = calloc(terms + 1, sizeof *st->term);
  step_at *sat = malloc((count + 1) * sizeof *sat);
  term_at *tat = malloc((terms + 1) * sizeof *tat);
  int rc = st->step && st->term && sat && tat ? fill_list(st, keep, u, sat, tat) : -1;
  free(sat);
  free(tat);
  return rc;
}

int xiT_steps_list(xiT_steps *st, const uint32_t *wrt, uint32_t nwrt) {
  users u = {NULL, NULL};
  uint8_t *keep = NULL;
  int rc = -1;
  if (find_users(st, &u) == 0 && (keep = steps_kept(st, wrt, nwrt)) != NULL) {
    memset(st->index, 0xFF, (st->root + 1) * sizeof *st->index);
    rc = make_list(st, keep, &u);
  }
  free(keep);
  free(u.start);
  free(u.list);
  return rc;
}

xiO_view xiT_value(const xiT_steps *st, const xiT_step *p) {
  return xiG_view(&st->g->nodes[p->node]);
}

int xiT_adjoint(const xiT_steps *st, const xiT_step *p, xiO_view *v) {
  if (!st->reverse)
    return -1;
  return xiD_adj_view(st->s, st->g, p->node, v);
}

mpfr_srcptr xiT_term_adjoint(const xiT_steps *st, const xiT_term *t) {
  return xiD_adj(st->s, t->consumer);
}

mpfr_srcptr xiT_term_partial(const xiT_steps *st, const xiT_term *t) {
  return xiD_partial(st->s, st->g, t->consumer, (int)t->k);
}

void xiT_number_proven(const xiT_steps *st, xiW_buf *b, mpfr_srcptr x, const arb_struct *ball,
                       int paren) {
  xiT_w_number(st->dialect, b, x, ball, st->digits, paren);
}

void xiT_tensor_proven(const xiT_steps *st, xiW_buf *b, const xiO_view *v, xiW_proof *pf) {
  xiT_w_tensor(st->dialect, b, v, pf, st->digits);
}

static void proof(const xiT_steps *st, const arb_struct *ball, xiW_proof *pf) {
  memset(pf, 0, sizeof *pf);
  pf->ball = ball;
  pf->prec = st->prec;
  pf->least = st->digits;
}

void xiT_value_proof(const xiT_steps *st, const xiT_step *p, xiW_proof *pf) {
  proof(st, st->vball ? st->vball[p - st->step] : NULL, pf);
}

void xiT_adjoint_proof(const xiT_steps *st, const xiT_step *p, xiW_proof *pf) {
  proof(st, st->vball ? xiB_adj_of(&st->adj, p->node) : NULL, pf);
}

void xiT_node_proof(const xiT_steps *st, uint32_t node, xiW_proof *pf) {
  const arb_struct *ball = NULL;
  if (node <= st->root && st->index[node] != UINT32_MAX) {
    ball = st->vball ? st->vball[st->index[node]] : NULL;
  } else {
    for (uint32_t k = 0; k < st->nside && !ball; k++)
      if (st->snode[k] == node)
        ball = st->sball[k];
  }
  proof(st, ball, pf);
}

const arb_struct *xiT_term_adjoint_ball(const xiT_steps *st, const xiT_term *t) {
  return st->vball ? xiB_adj_of(&st->adj, t->consumer) : NULL;
}

const arb_struct *xiT_term_partial_ball(const xiT_steps *st, const xiT_term *t) {
  return st->tball ? &st->tball[t - st->term] : NULL;
}

void xiT_words(const xiT_steps *st, xiW_buf *b, const char *text) {
  xiT_w_words(st->dialect, b, text);
}

void xiT_who(const xiT_steps *st, xiW_buf *b, uint32_t node) {
  xiT_writer w = {st->g, st->xi, st->root + 1, st->digits, st->dialect, st->label, 0, XI_NONE};
  xiT_w_name(&w, b, node);
}

void xiT_op(const xiT_steps *st, xiW_buf *b, uint32_t node) {
  xiT_writer w = {st->g, st->xi, st->root + 1, st->digits, st->dialect, st->label, 0, XI_NONE};
  xiT_w_op(&w, b, node);
}

void xiT_formula(xiG_graph *g, uint32_t i, int digits, xiW_buf *b) {
  xiT_writer w = {g, NULL, 0, digits, XI_T_TEXT, "", 0, XI_NONE};
  xiT_w_op(&w, b, i);
}
