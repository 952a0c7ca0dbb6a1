/* steps.c: the list of steps of one expression's graph (steps.h).  ξ numbers
 * count the nodes under the root that have no name, in the order they were
 * built, skipping the numbers the user's own names (ξ1 = -W*x) take; named
 * values show their names, constants their values. */
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

static int name_taken(xiG_graph *g, uint32_t k) {
  char name[32];
  int n = snprintf(name, sizeof name, "ξ%u", k);
  uint32_t id = xiS_find(&g->sym, name, (size_t)n);
  return id != XI_NONE && xiG_binding_of(g, id) != NULL;
}

/* the cone of root gets its ξ numbers; the session learns them as names */
static int number(xiT_steps *st) {
  xiG_graph *g = st->g;
  uint32_t root = st->root;
  st->xi[root] = 1;
  for (uint32_t i = root + 1; i-- > 0;)
    if (st->xi[i])
      for (uint32_t k = 0; k < xiG_nargs(&g->nodes[i]); k++)
        st->xi[xiG_arg(&g->nodes[i], k)] = 1;
  uint32_t k = 0, count = 0, *labels = malloc((root + 1) * sizeof *labels);
  if (!labels)
    return -1;
  char label[256];
  for (uint32_t i = 0; i <= root; i++) {
    if (!st->xi[i])
      continue;
    st->xi[i] = UINT32_MAX;
    xiG_label_of(g, i, label, sizeof label);
    if (g->nodes[i].op != XI_CONST && !label[0]) {
      while (name_taken(g, ++k)) /* skip the ξ numbers the user's own names (ξ1 = -W*x) use */
        labels[count++] = XI_NONE;
      st->xi[i] = k;
      labels[count++] = i;
    }
  }
  int rc = xiG_set_labels(g, labels, count);
  free(labels);
  return rc;
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
  const char *d = xiO_table[cn->op].d[t->k];
  int tex = w->dialect == XI_T_TEX;
  if (cn->op == XI_LIST) { /* element (or row) k of the list's adjoint */
    xiT_w_dadj(w, b, t->consumer);
    xiW_put(b, "[%u]", t->k);
  } else if (!xiO_table[cn->op].partial) { /* a whole-tensor rule: its matrix form */
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

int xiT_steps_make(xiT_steps *st, xiG_graph *g, xiD_sweep *s, uint32_t *root, const char *label,
                   const uint32_t *wrt, uint32_t nwrt, int dialect, int digits, xi_pos at,
                   xi_err *err) {
  memset(st, 0, sizeof *st);
  if (xiG_no_tuple(g, *root, at, "this command", err))
    return -1;
  st->g = g, st->s = s, st->dialect = dialect, st->digits = digits, st->label = label;
  st->reverse = !xiG_is_tensor(&g->nodes[*root]);
  uint32_t *list = malloc((nwrt + 1) * sizeof *list);
  if (!list)
    goto oom;
  memcpy(list, wrt, nwrt * sizeof *list);
  if (st->reverse && xiD_sweep_from(s, g, root, nwrt ? XID_LIST : XID_ALL, list, nwrt, at, err)) {
    free(list);
    return -1; /* (a graph holding grad(...) values is replayed on their graphs) */
  }
  st->root = *root;
  st->xi = calloc(*root + 1, sizeof *st->xi);
  st->index = malloc((*root + 1) * sizeof *st->index);
  users u = {NULL, NULL};
  uint8_t *keep = NULL;
  int rc = -1;
  if (st->xi && st->index && number(st) == 0 && find_users(st, &u) == 0 &&
      (keep = steps_kept(st, list, nwrt)) != NULL) {
    memset(st->index, 0xFF, (*root + 1) * sizeof *st->index);
    rc = make_list(st, keep, &u);
  }
  free(keep);
  free(u.start);
  free(u.list);
  free(list);
  if (rc == 0)
    return 0;
  err->pos = at;
  snprintf(err->msg, sizeof err->msg, "%s",
           st->text.failed ? xiW_why(&st->text) : "out of memory");
  xiT_steps_free(st);
  return -1;
oom:
  err->pos = at;
  snprintf(err->msg, sizeof err->msg, "out of memory");
  return -1;
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

/* ---- proofs ---- */

/* the partial of each scalar term, as a ball (built as nodes, then dropped) */
static int term_balls(xiT_steps *st, xi_pos at, xi_err *err) {
  if (st->nterm == 0)
    return 0;
  st->tball = _arb_vec_init(st->nterm);
  for (uint32_t k = 0; k < st->n; k++) {
    const xiT_step *p = &st->step[k];
    for (uint32_t t = 0; p->scalar && t < p->nterms; t++) {
      const xiT_term *term = &p->terms[t];
      if (xiB_partial(st->balls, term->consumer, (int)term->k, &st->tball[term - st->term], at,
                      err))
        return -1;
    }
  }
  return 0;
}

/* the balls of the operands off the path (wrt), which the printers show as
   given; constants need none (they are printed as written) */
static int side_balls(xiT_steps *st, xi_pos at, xi_err *err) {
  for (uint32_t k = 0; k < st->n; k++) {
    const xiG_node *n = &st->g->nodes[st->step[k].node];
    for (uint32_t q = 0; !st->step[k].leaf && q < xiG_nargs(n); q++) {
      uint32_t o = xiG_arg(n, q), seen = 0;
      if (st->index[o] != UINT32_MAX || st->g->nodes[o].op == XI_CONST)
        continue;
      for (uint32_t j = 0; j < st->nside; j++)
        seen |= st->snode[j] == o;
      if (seen)
        continue;
      uint32_t *sn = realloc(st->snode, (st->nside + 1) * sizeof *sn);
      if (sn)
        st->snode = sn;
      arb_struct **sb = sn ? realloc(st->sball, (st->nside + 1) * sizeof *sb) : NULL;
      if (!sb)
        return xiG_oom(st->g, at, err);
      st->sball = sb;
      xiO_bview v;
      if (xiB_ball(st->balls, o, &v, at, err))
        return -1;
      st->snode[st->nside] = o;
      st->sball[st->nside++] = v.el;
    }
  }
  return 0;
}

/* the balls made by prove_once, gone (a higher precision is tried) */
static void unprove(xiT_steps *st) {
  free(st->vball);
  free(st->snode);
  free(st->sball);
  xiB_adj_free(&st->adj);
  if (st->tball)
    _arb_vec_clear(st->tball, st->nterm);
  st->vball = NULL, st->snode = NULL, st->sball = NULL, st->tball = NULL;
  st->nside = 0;
}

/* every ball the steps print has `digits` digits */
static int steps_enough(const xiT_steps *st, int digits) {
  for (uint32_t k = 0; k < st->n; k++)
    if (!xiB_enough(st->vball[k], xiG_count(&st->g->nodes[st->step[k].node]), digits))
      return 0;
  for (uint32_t k = 0; k < st->nside; k++)
    if (!xiB_enough(st->sball[k], xiG_count(&st->g->nodes[st->snode[k]]), digits))
      return 0;
  return (!st->tball || xiB_enough(st->tball, st->nterm, digits)) &&
         xiB_adj_enough(&st->adj, digits);
}

static int prove_once(xiT_steps *st, xi_pos at, xi_err *err) {
  xiB_balls *balls = st->balls;
  st->prec = xiB_prec(balls);
  if (st->reverse &&
      (xiB_adjoints(balls, st->root, XID_ALL, NULL, 0, &st->adj, at, err) || term_balls(st, at, err)))
    return -1;
  st->vball = calloc(st->n ? st->n : 1, sizeof *st->vball);
  if (!st->vball)
    return xiG_oom(st->g, at, err);
  for (uint32_t k = 0; k < st->n; k++) { /* last: the balls above keep these where they are */
    xiO_bview v;
    if (xiB_ball(balls, st->step[k].node, &v, at, err))
      return -1;
    st->vball[k] = v.el;
  }
  return side_balls(st, at, err);
}

int xiT_steps_prove(xiT_steps *st, xiB_balls *balls, int exact, xi_pos at, xi_err *err) {
  st->balls = balls;
  for (slong p = xiB_prec(balls);; unprove(st)) {
    xiB_set_prec(balls, p == (slong)st->g->prec ? 0 : p);
    if (prove_once(st, at, err))
      return -1;
    if (!exact || steps_enough(st, exact) || !(p = xiB_raise(p)))
      return 0;
  }
}

void xiT_steps_free(xiT_steps *st) {
  unprove(st);
  free(st->step);
  free(st->term);
  free(st->index);
  free(st->xi);
  xiW_free(&st->text);
  memset(st, 0, sizeof *st);
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
