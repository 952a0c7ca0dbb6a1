/* grade.c: grade [--md] L [FILE] [> OUT.md].  A student's worked solution, read by
 * syntax/claims.c, each claim's name resolved to a step of L (a value or an
 * adjoint) here, judged in the order of the graph by marking.c against the
 * student's own world (world.c), and marked (marks.c): as text, or as
 * Markdown (--md, on stdout) or written to OUT.
 *
 * What a name means: a name bound now (z1; a name bound to no step of L is
 * judged alone); ξk or xik, the step trace numbers ξk; dL/dNAME, ∂L/∂NAME,
 * dL/dxik, dL_dNAME (when no value has that name), its adjoint.  A file that
 * gives a ξ label its expression (ξ1 = -W*x = -9) numbers its own: each such
 * label is the step of L that computes that expression, operand for operand
 * (its ξj the steps matched before it; a + b and b + a alike), and then every
 * ξ label of the file must have one. */
#include <stdlib.h>
#include <string.h>

#include "cmd/grade.h"
#include "tape/names.h"

/* where the claims are, for their messages, and the messages, reported in
   the order of their lines once all are known */
typedef struct {
  xiX_source src;
  const char *text; /* what the offsets of the claims are in */
  uint32_t nerr;
  xi_err *errs;
  uint32_t root; /* L as evaluated, before a replay moved it to the steps' root */
} where;

static void report(xiR_session *s, where *w, xi_pos pos, const char *msg) {
  xi_err *e = realloc(w->errs, (w->nerr + 1) * sizeof *e);
  (void)s;
  if (!e) { /* (out of memory: said at once) */
    xiX_report(&w->src, "error", pos, msg);
    w->nerr++;
    return;
  }
  w->errs = e;
  e[w->nerr].pos = pos;
  snprintf(e[w->nerr++].msg, sizeof e->msg, "%s", msg);
}

static int by_place(const void *a, const void *b) {
  const xi_err *x = a, *y = b;
  return x->pos.line != y->pos.line ? (x->pos.line > y->pos.line) - (x->pos.line < y->pos.line)
                                    : (x->pos.col > y->pos.col) - (x->pos.col < y->pos.col);
}

static void report_all(xiR_session *s, where *w) {
  if (w->errs)
    qsort(w->errs, w->nerr, sizeof *w->errs, by_place);
  for (uint32_t k = 0; w->errs && k < w->nerr; k++)
    xiX_report(&w->src, "error", w->errs[k].pos, w->errs[k].msg);
  free(w->errs);
  w->errs = NULL;
  s->failed |= w->nerr > 0;
}

/* ---- the closest name, for a typo ---- */

static size_t distance(const char *a, size_t n, const char *b, size_t m) {
  if (n > 64 || m > 64)
    return 99;
  size_t row[65];
  for (size_t j = 0; j <= m; j++)
    row[j] = j;
  for (size_t i = 1; i <= n; i++) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= m; j++) {
      size_t up = row[j], best = diag + (a[i - 1] != b[j - 1]);
      best = up + 1 < best ? up + 1 : best;
      best = row[j - 1] + 1 < best ? row[j - 1] + 1 : best;
      diag = up, row[j] = best;
    }
  }
  return row[m];
}

/* how near a candidate w is to t: its edit distance, then the fewer
   characters it shares at the start (a2 is a1 sooner than W2) */
static void consider(const char *t, size_t n, const char *w, size_t len, size_t *best,
                     size_t *prefix, char *out, size_t room) {
  size_t d = distance(t, n, w, len), p = 0;
  while (p < n && p < len && t[p] == w[p])
    p++;
  if (d > 0 && (d < *best || (d == *best && p > *prefix))) {
    *best = d, *prefix = p;
    snprintf(out, room, "%.*s", (int)len, w);
  }
}

/* the name of L's graph nearest to t (a bound name or a ξ label), into out */
static void closest(xiR_session *s, const xiT_steps *st, const char *t, size_t n, char *out,
                    size_t room) {
  size_t best = n / 3 + 2, prefix = 0;
  out[0] = '\0';
  for (uint32_t k = 0; k < st->n; k++) {
    const char *w = st->step[k].who;
    consider(t, n, w, strcspn(w, " "), &best, &prefix, out, room);
  }
  xiG_graph *g = &s->g;
  for (uint32_t id = 0; id < g->nbind; id++) {
    const xiG_binding *b = &g->bind[id];
    if (b->kind == B_NODE && b->node <= st->root && st->index[b->node] != UINT32_MAX) {
      const char *w = xiS_name(&g->sym, id);
      consider(t, n, w, strlen(w), &best, &prefix, out, room);
    }
  }
}

/* ---- names ---- */

static uint32_t by_label(const xiT_steps *st, uint32_t k) {
  for (uint32_t i = 0; i <= st->root; i++)
    if (st->xi[i] == k && st->index[i] != UINT32_MAX)
      return i;
  return XI_NONE;
}

/* does the student's expression (node x, just built) compute step y, operand for operand? */
static int same(const xiG_graph *g, uint32_t x, uint32_t y, int depth) {
  if (x == y)
    return 1;
  const xiG_node *a = &g->nodes[x], *b = &g->nodes[y];
  if (depth > 200)
    return 0;
  if (a->op == XI_CONST && b->op == XI_CONST)
    return !xiG_is_tensor(a) && !xiG_is_tensor(b) && mpfr_equal_p(a->v, b->v);
  if (a->op != b->op || a->op == XI_LEAF || a->op == XI_CONST || xiG_nargs(a) != xiG_nargs(b))
    return 0;
  if (a->x && b->x && memcmp(a->x->p, b->x->p, sizeof a->x->p) != 0)
    return 0;
  int all = 1;
  for (uint32_t k = 0; all && k < xiG_nargs(a); k++)
    all = same(g, xiG_arg(a, k), xiG_arg(b, k), depth + 1);
  if (!all && (a->op == XI_ADD || a->op == XI_MUL)) /* a + b is b + a */
    all = same(g, a->a, b->b, depth + 1) && same(g, a->b, b->a, depth + 1);
  return all;
}

/* does every ξ label the file gives an expression name the step of trace's
   numbering that computes it (xi4 = exp(xi3) = ... as trace numbers them)? */
static int trace_agrees(xiR_session *s, where *w, const xiT_steps *st, const xiR_graded *c,
                        uint32_t n) {
  xiG_graph *g = &s->g;
  int all = 1;
  for (uint32_t q = 0; all && q < n; q++) {
    const xiK_claim *cl = &c[q].q;
    if (!cl->xi || cl->adjoint || !cl->expr_len)
      continue;
    uint32_t i = by_label(st, cl->xi), mark = g->n, x, params[16], args[16], np = 0;
    char *text = strndup(w->text + cl->expr_off, cl->expr_len);
    for (const char *p = text; p && *p && np < 16; p++) { /* xi3 and ξ3: trace's ξ3 */
      size_t skip = !strncmp(p, "xi", 2) || !strncmp(p, "ξ", 2) ? 2 : 0;
      uint32_t k = 0, d = 0;
      while (skip && p[skip + d] >= '0' && p[skip + d] <= '9' && d < 9)
        k = k * 10 + (uint32_t)(p[skip + d] - '0'), d++;
      if (!d || (p > text && ((p[-1] | 32) >= 'a' && (p[-1] | 32) <= 'z')))
        continue;
      args[np] = by_label(st, k);
      params[np] = xiS_intern(&g->sym, p, skip + d);
      np += args[np] != XI_NONE && params[np] != XI_NONE;
    }
    xiP_code code = {0};
    xi_err e;
    all = i != XI_NONE && text && !xiP_formula(&g->sym, text, &code, &e) &&
          !xiG_exec(g, &code, params, args, np, &x, &e) && same(g, x, i, 0);
    xiG_truncate(g, mark);
    xiP_code_free(&code);
    free(text);
  }
  return all;
}

/* the student's own ξ numbering: each labelled expression matched to a step */
static int own_labels(xiR_session *s, where *w, const xiT_steps *st, xiR_graded *c, uint32_t n,
                      uint32_t *mine, uint32_t nmine) {
  xiG_graph *g = &s->g;
  uint32_t *params = calloc(2 * nmine + 1, sizeof *params), *args = calloc(2 * nmine + 1, sizeof *args);
  uint32_t np = 0;
  int rc = params && args ? 0 : -1;
  for (uint32_t q = 0; rc == 0 && q < n; q++) {
    xiK_claim *cl = &c[q].q;
    if (!cl->xi || cl->adjoint || !cl->expr_len || cl->xi >= nmine || mine[cl->xi] != XI_NONE)
      continue;
    char *text = strndup(w->text + cl->expr_off, cl->expr_len), msg[XI_ERR_MSG];
    xiP_code code = {0};
    xi_err e;
    uint32_t mark = g->n, x = XI_NONE;
    if (!text)
      rc = -1;
    else if (xiP_formula(&g->sym, text, &code, &e) || xiG_exec(g, &code, params, args, np, &x, &e)) {
      snprintf(msg, sizeof msg, "ξ%u's expression %.200s: %.250s", cl->xi, text, e.msg);
      report(s, w, cl->expr_pos, msg);
    } else {
      for (uint32_t i = 0; i <= st->root && mine[cl->xi] == XI_NONE; i++) {
        int taken = 0;
        for (uint32_t j = 1; j < nmine; j++)
          taken |= mine[j] == i;
        if (st->index[i] != UINT32_MAX && !taken && g->nodes[i].op != XI_LEAF &&
            g->nodes[i].op != XI_CONST && same(g, x, i, 0))
          mine[cl->xi] = i;
      }
      if (mine[cl->xi] == XI_NONE) {
        snprintf(msg, sizeof msg, "no step of %s computes %s as it is written (ξ%u): trace %s "
                 "shows the steps, operand for operand", st->label, text, cl->xi, st->label);
        report(s, w, cl->expr_pos, msg);
      }
    }
    xiG_truncate(g, mark);
    xiP_code_free(&code);
    if (text && mine[cl->xi] != XI_NONE) { /* ξk and xik name it from now on */
      char nm[32];
      snprintf(nm, sizeof nm, "ξ%u", cl->xi);
      params[np] = xiS_intern(&g->sym, nm, strlen(nm)), args[np++] = mine[cl->xi];
      snprintf(nm, sizeof nm, "xi%u", cl->xi);
      params[np] = xiS_intern(&g->sym, nm, strlen(nm)), args[np++] = mine[cl->xi];
    }
    free(text);
  }
  free(params);
  free(args);
  return rc;
}

/* the node a claim's NAME means, and whether it is off L's graph */
static int resolve(xiR_session *s, where *w, const xiT_steps *st, xiR_graded *c,
                   const uint32_t *mine, uint32_t nmine) {
  xiG_graph *g = &s->g;
  xiK_claim *q = &c->q;
  const char *t = w->text + q->name_off;
  char msg[XI_ERR_MSG], near[96];
  c->node = XI_NONE;
  c->adjoint = q->adjoint;
  if (q->adjoint && !(q->of_len == strlen(st->label) && !strncmp(w->text + q->of_off, st->label, q->of_len)) &&
      st->label[0] != '(') {
    snprintf(msg, sizeof msg, "d%.*s/d...: the adjoints here are of %s (grade %s): write d%s/d%.*s",
             (int)q->of_len, w->text + q->of_off, st->label, st->label, st->label,
             (int)q->name_len, t);
    report(s, w, q->pos, msg);
    return -1;
  }
  if (q->xi) { /* the script's own ξk (ξ1 = -W*x, as seed 000 writes), else trace's */
    char own[32];
    snprintf(own, sizeof own, "ξ%u", q->xi);
    uint32_t id = xiS_find(&g->sym, own, strlen(own));
    const xiG_binding *b = id == XI_NONE ? NULL : xiG_binding_of(g, id);
    c->node = b && b->kind == B_NODE && !nmine ? b->node
              : nmine ? (q->xi < nmine ? mine[q->xi] : XI_NONE) : by_label(st, q->xi);
    if (c->node == XI_NONE && nmine && q->expr_len)
      return -1; /* (what its expression lacks was said) */
    if (c->node == XI_NONE) {
      if (nmine)
        snprintf(msg, sizeof msg, "ξ%u has no expression, and this file numbers its own ξ: "
                 "write it as ξ%u = ... = NUMBER", q->xi, q->xi);
      else
        snprintf(msg, sizeof msg, "there is no ξ%u among %s's steps (trace %s numbers them)",
                 q->xi, st->label, st->label);
      report(s, w, q->name_pos, msg);
      return -1;
    }
    return 0;
  }
  uint32_t id = xiS_find(&g->sym, t, q->name_len);
  const xiG_binding *b = id == XI_NONE ? NULL : xiG_binding_of(g, id);
  size_t ll = strlen(st->label);
  if ((!b || b->kind != B_NODE) && !q->adjoint && q->name_len > ll + 3 && t[0] == 'd' &&
      !strncmp(t + 1, st->label, ll) && !strncmp(t + 1 + ll, "_d", 2)) { /* dL_dW */
    c->adjoint = 1;
    id = xiS_find(&g->sym, t + ll + 3, q->name_len - ll - 3);
    b = id == XI_NONE ? NULL : xiG_binding_of(g, id);
  }
  if (b && b->kind == B_NODE) {
    c->node = b->node == w->root ? st->root : b->node;
    int on = c->node <= st->root && st->index[c->node] != UINT32_MAX;
    if (!on && c->adjoint) {
      snprintf(msg, sizeof msg, "%.*s is not under %s: its adjoint is 0, and nothing to grade",
               (int)q->name_len, t, st->label);
      report(s, w, q->name_pos, msg);
      return -1;
    }
    return 0;
  }
  closest(s, st, t, q->name_len, near, sizeof near);
  snprintf(msg, sizeof msg, "no value is named %.*s%s%s%s", (int)q->name_len, t,
           near[0] ? ": did you mean " : " (trace ", near[0] ? near : st->label,
           near[0] ? "?" : " shows the names of its steps)");
  report(s, w, q->name_pos, msg);
  return -1;
}

/* the claim's shape against the value's: the same, one number for all, or
   the transpose's (read across) */
static int shaped(xiR_session *s, where *w, xiR_graded *c) {
  xi_shape v = xiG_shape(&s->g.nodes[c->node]), q = c->q.shape;
  c->nel = xiG_count(&s->g.nodes[c->node]);
  if (xiO_same_shape(&v, &q))
    return 0;
  if (q.rank == 0) {
    c->scalar = 1;
    return 0;
  }
  if (v.rank == 2 && q.rank == 2 && v.rows == q.cols && v.cols == q.rows) {
    c->transposed = 1;
    return 0;
  }
  char a[48], b[48], msg[XI_ERR_MSG];
  xiO_shape_text(&v, a, sizeof a);
  xiO_shape_text(&q, b, sizeof b);
  snprintf(msg, sizeof msg, "%s%.*s has the shape %s, and the claim the shape %s",
           c->adjoint ? "the adjoint of " : "", (int)c->q.name_len, w->text + c->q.name_off, a, b);
  report(s, w, c->q.num_pos, msg);
  return -1;
}

/* the claim as a node in the value's shape: their numbers, for their world */
static int claim_node(xiR_session *s, xiR_graded *c, xi_err *err) {
  xiG_graph *g = &s->g;
  xi_shape sh = xiG_shape(&g->nodes[c->node]);
  uint32_t *items = malloc((c->nel + 1) * sizeof *items);
  if (!items)
    return xiG_oom(g, c->q.pos, err);
  int rc = 0;
  const char *t = c->q.numbers;
  for (uint32_t k = 0; rc == 0 && k < c->q.n; k++, t += strlen(t) + 1) {
    uint32_t sym = xiS_intern(&g->sym, t, strlen(t));
    items[k] = sym == XI_NONE ? XI_NONE : xiG_constant(g, sym, c->q.num_pos);
    if (items[k] == XI_NONE)
      rc = xiG_oom(g, c->q.num_pos, err);
  }
  if (rc == 0 && (c->scalar || c->transposed)) { /* in the value's layout */
    uint32_t *lay = malloc((c->nel + 1) * sizeof *lay);
    if (!lay)
      rc = xiG_oom(g, c->q.pos, err);
    for (uint32_t e = 0; rc == 0 && e < c->nel; e++)
      lay[e] = c->scalar ? items[0] : items[(e % sh.cols) * sh.rows + e / sh.cols];
    if (lay)
      memcpy(items, lay, c->nel * sizeof *items);
    free(lay);
  }
  if (rc == 0 && sh.rank == 0)
    c->value = items[0];
  else if (rc == 0 && sh.rank == 1)
    rc = xiG_list(g, items, c->nel, c->q.num_pos, &c->value, err);
  else if (rc == 0) {
    for (uint32_t r = 0; r < sh.rows && rc == 0; r++)
      rc = xiG_list(g, items + r * sh.cols, sh.cols, c->q.num_pos, &items[r], err);
    if (rc == 0)
      rc = xiG_list(g, items, sh.rows, c->q.num_pos, &c->value, err);
  }
  free(items);
  return rc;
}

/* ---- the command ---- */

static int compare_order(const void *a, const void *b) {
  const xiR_graded *x = a, *y = b;
  return x->order != y->order ? (x->order > y->order) - (x->order < y->order)
                              : (x->line > y->line) - (x->line < y->line);
}

/* the claims read, resolved and put in the graph's order; -1 with the errors
   reported (w->nerr), or an error in err */
static int claims_of(xiR_session *s, where *w, const xiT_steps *st, size_t off, size_t end,
                     xi_pos first, xiR_graded **out, uint32_t *n, xi_err *err) {
  xiK_claim *q;
  uint32_t count, nbad;
  xi_err bad[20];
  if (xiK_read(w->text, off, end, first, &q, &count, bad, 20, &nbad))
    return xiX_fail(err, first, "out of memory");
  for (uint32_t k = 0; k < nbad && k < 20; k++)
    report(s, w, bad[k].pos, bad[k].msg);
  xiR_graded *c = calloc(count + 1, sizeof *c);
  uint32_t nmine = 0, *mine = NULL;
  for (uint32_t k = 0; c && k < count; k++) {
    c[k].q = q[k], c[k].line = (int)q[k].pos.line, c[k].slip = c[k].source = -1;
    if (q[k].xi && !q[k].adjoint && q[k].expr_len && q[k].xi + 1 > nmine)
      nmine = q[k].xi + 1;
  }
  free(q); /* (its numbers are the graded claims' now) */
  if (!c)
    return xiX_fail(err, first, "out of memory");
  if (nmine && trace_agrees(s, w, st, c, count))
    nmine = 0; /* (their expressions are trace's steps: its numbering) */
  if (nmine && (mine = malloc(nmine * sizeof *mine))) {
    for (uint32_t k = 0; k < nmine; k++)
      mine[k] = XI_NONE;
    own_labels(s, w, st, c, count, mine, nmine);
  }
  for (uint32_t k = 0; k < count; k++) {
    if (resolve(s, w, st, &c[k], mine, nmine) || shaped(s, w, &c[k]))
      continue;
    uint32_t i = c[k].node;
    int on = i <= st->root && st->index[i] != UINT32_MAX;
    if (c[k].adjoint && !st->reverse) {
      char msg[XI_ERR_MSG];
      snprintf(msg, sizeof msg, "%s is not a scalar: it has no adjoints to claim", st->label);
      report(s, w, c[k].q.name_pos, msg);
    }
    c[k].alone = (uint8_t)!on;
    c[k].own_label = nmine && c[k].q.xi;
    c[k].order = !on ? (int)(2 * st->n) : c[k].adjoint ? (int)(2 * st->n - 1 - st->index[i])
                                                        : (int)st->index[i];
  }
  free(mine);
  if (count == 0 && nbad == 0) {
    char msg[XI_ERR_MSG];
    snprintf(msg, sizeof msg, "no claims to grade: write them as NAME = NUMBER, a line each "
                              "(z1 = 0.2, dL/dW = -0.00037)");
    report(s, w, first, msg);
  }
  report_all(s, w);
  if (w->nerr) {
    for (uint32_t k = 0; k < count; k++)
      free(c[k].q.numbers);
    free(c);
    return -1;
  }
  qsort(c, count, sizeof *c, compare_order);
  *out = c, *n = count;
  return 0;
}

static void free_graded(xiR_graded *c, uint32_t n) {
  for (uint32_t k = 0; c && k < n; k++) {
    free(c[k].q.numbers);
    free(c[k].why);
    free(c[k].value_text);
    free(c[k].follow_text);
    free(c[k].cut);
  }
  free(c);
}

/* an error at a claim read from FILE is said in FILE's text, not the script's
   (the session prints err against the script) */
static int in_file(const where *w, const char *path, const xiR_graded *c, uint32_t n, int rc,
                   xi_err *err) {
  if (rc != -1 || !path)
    return rc;
  for (uint32_t k = 0; k < n; k++)
    if ((c[k].q.pos.line == err->pos.line && c[k].q.pos.col == err->pos.col) ||
        (c[k].q.num_pos.line == err->pos.line && c[k].q.num_pos.col == err->pos.col)) {
      xiX_report(&w->src, "error", err->pos, err->msg);
      return XI_REPORTED;
    }
  return rc;
}

int xiR_cmd_grade(xiR_session *s, const xiP_stmt *st, xi_err *err) {
  char *path = NULL, *text = NULL;
  size_t len = 0;
  where w = {{s->file, s->src, s->len, s->first_line}, s->src, 0, NULL, XI_NONE};
  size_t off = st->body_off, end = st->body_off + st->body_len;
  xi_pos first = st->body_pos;
  if (st->arg.len) { /* grade L FILE */
    path = strndup(s->src + st->arg.off, st->arg.len);
    if (!path || xiR_read(s, path, &text, &len, err->msg, sizeof err->msg)) {
      free(path);
      err->pos = st->arg.pos;
      return path ? -1 : xiX_fail(err, st->arg.pos, "out of memory");
    }
    w.src = (xiX_source){path, text, len, 1}, w.text = text;
    off = 0, end = len, first = (xi_pos){1, 1};
  }
  uint32_t mark = s->g.n, root = XI_NONE, n = 0;
  char *label = xiR_label(s, st);
  xiT_steps steps;
  xiR_graded *c = NULL;
  xiR_world world = {0}, wrong = {0};
  int prepared = 0, rc = label ? xiR_evaluate(s, st, &root, err) : xiX_fail(err, st->pos, "out of memory");
  uint32_t evaluated = root;
  if (rc == 0)
    rc = xiT_prepare(&steps, &s->g, &s->sweep, &root, label, &root, 0, XI_T_TEXT, s->digits,
                     xiR_balls(s), s->exact ? s->digits : 0, st->pos, err);
  w.root = evaluated; /* (a graph holding grad(...) values is replayed: root moves) */
  prepared = rc == 0;
  uint32_t kept = s->g.n; /* the steps' nodes stay, as trace's do: the ξ labels name them */
  if (rc == 0 && claims_of(s, &w, &steps, off, end, first, &c, &n, err))
    rc = w.nerr ? XI_REPORTED : -1;
  for (uint32_t k = 0; rc == 0 && k < n; k++)
    rc = in_file(&w, path, c, n, claim_node(s, &c[k], err), err);
  if (rc == 0)
    rc = xiR_world_init(&world, s, &steps, st->pos, err);
  if (rc == 0)
    rc = xiR_world_init(&wrong, s, &steps, st->pos, err);
  for (uint32_t k = 0; rc == 0 && k < n; k++) {
    uint32_t i = c[k].node, *slot = c[k].adjoint ? world.aclaim : world.claim;
    if (xiR_world_has(&world, i) && slot[i] == XI_NONE)
      slot[i] = c[k].value; /* (two claims of one step: the first is theirs) */
  }
  if (rc == 0)
    rc = xiR_world_forward(&world, err);
  if (rc == 0 && steps.reverse)
    rc = xiR_world_reverse(&world, err);
  xiR_marks m = {prepared ? steps.label : "", path, w.text, c, n, -1, NULL};
  if (rc == 0)
    rc = in_file(&w, path, c, n, xiR_grade_judge(s, &world, &wrong, c, n, &m, err), err);
  if (rc == 0)
    rc = xiR_grade_write(s, st, &m, err);
  xiR_world_free(&world);
  xiR_world_free(&wrong);
  free_graded(c, n);
  free((char *)m.first_detail);
  if (prepared)
    xiT_steps_free(&steps);
  xiG_truncate(&s->g, rc == 0 ? kept : mark);
  free(label);
  free(text);
  free(path);
  return rc;
}
