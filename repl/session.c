/* session.c: what each statement does. */
#include "repl/session.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "show/num.h"
#include "show/print.h"

void xiR_init(xiR_session *s, mpfr_prec_t prec, int digits) {
  memset(s, 0, sizeof *s);
  xiO_init();
  xiG_init(&s->g, prec);
  xiD_init(&s->sweep);
  s->g.grad = xiD_grad;
  s->g.grad_ctx = &s->sweep;
  s->g.interrupt = &s->interrupt;
  s->digits = digits;
}

void xiR_free(xiR_session *s) {
  xiD_free(&s->sweep);
  xiG_free(&s->g);
  xiO_done();
}

static int failf(xi_err *err, xi_pos pos, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  err->pos = pos;
  vsnprintf(err->msg, sizeof err->msg, fmt, ap);
  va_end(ap);
  return -1;
}

/* ---- errors ---- */

static const char *line_of(const xiR_session *s, uint32_t line, size_t *len) {
  if (!s->src || line < s->first_line)
    return NULL;
  const char *p = s->src, *end = s->src + s->len;
  for (uint32_t l = s->first_line; l < line; l++) {
    p = memchr(p, '\n', (size_t)(end - p));
    if (!p)
      return NULL;
    p++;
  }
  const char *nl = memchr(p, '\n', (size_t)(end - p));
  *len = (size_t)((nl ? nl : end) - p);
  if (*len && p[*len - 1] == '\r')
    (*len)--;
  return p;
}

void xiR_report(xiR_session *s, const char *kind, xi_pos pos, const char *msg) {
  fflush(stdout); /* keep stdout and stderr in order when both go to one file */
  fprintf(stderr, "%s:%u:%u: %s: %s\n", s->file ? s->file : "xi", pos.line, pos.col, kind, msg);
  size_t len;
  const char *line = line_of(s, pos.line, &len);
  if (!line)
    return;
  fprintf(stderr, "    %.*s\n    ", (int)len, line);
  /* the caret goes under character `col`: count characters, keep tabs */
  uint32_t col = 1;
  for (size_t i = 0; i < len && col < pos.col; col++) {
    uint32_t cp;
    int n = xiL_utf8(line + i, len - i, &cp);
    fputc(line[i] == '\t' ? '\t' : ' ', stderr);
    i += n > 0 ? (size_t)n : 1;
  }
  fputs("^\n", stderr);
}

/* ---- printing ---- */

char *xiR_fmt(xiR_session *s, mpfr_srcptr x) {
  char *t = xiN_format(x, s->digits);
  if (!t) {
    fputs("xi: out of memory\n", stderr);
    exit(2);
  }
  return t;
}

static int chars(const char *s) {
  int n = 0;
  for (; *s; s++)
    n += (*s & 0xC0) != 0x80;
  return n;
}

/* prefix, then node i's value: a matrix's rows line up under its first */
static void print_node(xiR_session *s, const char *prefix, uint32_t i, int whole) {
  xiR_buf b = {0};
  xiO_view v = xiG_view(&s->g.nodes[i]);
  xiR_put(&b, "%s", prefix);
  xiR_put_value(&b, &v, s->digits, chars(prefix), whole);
  printf("%s\n", b.s);
  free(b.s);
}

/* ---- expressions ---- */

static const char *text_of(const xiR_session *s, const xiP_stmt *st, size_t *len) {
  *len = st->text_len;
  return s->src + st->text_off;
}

/* builds and evaluates st's expression: *root is its node; nodes from mark on
   are the statement's own */
static int evaluate(xiR_session *s, const xiP_stmt *st, uint32_t mark, uint32_t *root,
                    xi_err *err) {
  xiG_graph *g = &s->g;
  if (xiG_exec(g, &st->code, NULL, NULL, 0, root, err))
    return -1;
  xi_pos at = st->code.n ? st->code.ins[st->code.n - 1].pos : st->pos;
  err->pos = at;
  if (xiG_eval(g, *root, err) || xiG_check(g, *root, mark, st->pos, err))
    return -1;
  return 0;
}

static int has_grad(const xiP_code *c) {
  for (uint32_t i = 0; i < c->n; i++)
    if (c->ins[i].kind == K_GRAD)
      return 1;
  return 0;
}

/* randn and rand never give the same numbers twice: such code is not re-run */
static int has_random(const xiP_code *c) {
  for (uint32_t i = 0; i < c->n; i++)
    if (c->ins[i].kind == K_MAKE && c->ins[i].op >= XI_MAKE_RANDN)
      return 1;
  return 0;
}

static int do_expr(xiR_session *s, const xiP_stmt *st, xi_err *err) {
  uint32_t mark = s->g.n, root;
  int rc = evaluate(s, st, mark, &root, err);
  if (rc == 0)
    print_node(s, "", root, st->kind == S_SHOW);
  xiG_truncate(&s->g, mark);
  return rc;
}

static int compound_op(xiL_type t) {
  switch (t) {
  case T_PLUSEQ: return XI_ADD;
  case T_MINUSEQ: return XI_SUB;
  case T_STAREQ: return XI_MUL;
  case T_SLASHEQ: return XI_DIV;
  default: return -1;
  }
}

/* binds st's name to node, with the text `vars` shows: the right-hand side,
   or for c += e the whole c + (e) */
static int bind(xiR_session *s, const xiP_stmt *st, uint32_t node, xi_err *err) {
  size_t n;
  const char *t = text_of(s, st, &n);
  int rc;
  if (st->assign == T_ASSIGN) {
    rc = xiG_bind_node(&s->g, st->name, node, t, n);
  } else {
    static const char ops[] = {[T_PLUSEQ] = '+', [T_MINUSEQ] = '-', [T_STAREQ] = '*',
                               [T_SLASHEQ] = '/'};
    const char *name = xiS_name(&s->g.sym, st->name);
    size_t cap = n + strlen(name) + 8;
    char *text = malloc(cap);
    rc = !text ? -1
               : xiG_bind_node(&s->g, st->name, node, text,
                               (size_t)snprintf(text, cap, "%s %c (%.*s)", name,
                                                ops[st->assign], (int)n, t));
    free(text);
  }
  return rc ? failf(err, st->pos, "out of memory") : 0;
}

/* a new leaf named by st, holding node root's value, in place of the nodes
   from mark on; it remembers its code, unless that code is random */
static int new_leaf(xiR_session *s, const xiP_stmt *st, uint32_t root, uint32_t mark,
                    xi_err *err) {
  xiG_graph *g = &s->g;
  xiO_view v = xiG_view(&g->nodes[root]);
  __mpfr_struct *copy = xiG_elements(v.n, g->prec);
  if (!copy)
    return failf(err, st->pos, "out of memory");
  for (uint32_t k = 0; k < v.n; k++)
    mpfr_set(&copy[k], &v.el[k], MPFR_RNDN);
  v.el = copy;
  xiG_truncate(g, mark);
  uint32_t leaf = xiG_append(g, XI_LEAF, XI_NONE, XI_NONE, st->target_pos);
  int rc = leaf == XI_NONE || (v.sh.rank && xiG_shape_node(g, leaf, v.sh, NULL));
  if (!rc)
    for (uint32_t k = 0; k < v.n; k++)
      mpfr_set(xiG_el(&g->nodes[leaf], k), &copy[k], MPFR_RNDN);
  free(copy);
  if (rc)
    return failf(err, st->pos, "out of memory: the graph has %u nodes", g->n);
  if (bind(s, st, leaf, err))
    return -1;
  xiG_binding *b = xiG_binding_of(g, st->name);
  if (!has_random(&st->code) && xiP_code_copy(&b->src, &st->code))
    b->src.n = 0; /* without its code the leaf just keeps its value */
  return 0;
}

/* an assignment shows name = value unless ';' ends it, as in MATLAB */
static void echo(xiR_session *s, const xiP_stmt *st, uint32_t node) {
  if (st->quiet)
    return;
  char prefix[256];
  snprintf(prefix, sizeof prefix, "%s = ", xiS_name(&s->g.sym, st->name));
  print_node(s, prefix, node, 0);
}

static int do_assign(xiR_session *s, const xiP_stmt *st, xi_err *err) {
  xiG_graph *g = &s->g;
  const char *name = xiS_name(&g->sym, st->name);
  xiG_binding *b = xiG_binding_of(g, st->name);
  int op = compound_op(st->assign);
  if (op >= 0 && !b)
    return failf(err, st->target_pos, "unknown name '%s': define it with = first", name);
  if (op >= 0 && b->kind == B_FUNC)
    return failf(err, st->target_pos, "%s is a function", name);
  uint32_t mark = g->n, root;
  if (evaluate(s, st, mark, &root, err))
    goto fail;
  int constant = op < 0 && xiG_self_contained(g, mark, root) && !has_grad(&st->code);
  if (op >= 0) {
    if (xiG_binary(g, op, b->node, root, st->pos, &root, err) || xiG_eval(g, root, err) ||
        xiG_check(g, root, mark, st->pos, err))
      goto fail;
  }
  if (b && b->kind == B_NODE && g->nodes[b->node].op == XI_LEAF) {
    /* a knob: set in place, and everything built on it follows */
    if (xiG_set_leaf_from(g, b->node, root, err, st->pos))
      goto fail;
    xiP_code_free(&b->src);
    if (constant && !has_random(&st->code) && xiP_code_copy(&b->src, &st->code))
      b->src.n = 0;
    xiG_truncate(g, mark);
    echo(s, st, b->node);
    return 0;
  }
  if (constant) {
    if (new_leaf(s, st, root, mark, err))
      goto fail;
    echo(s, st, g->n - 1);
    return 0;
  }
  if (root < mark) { /* c = b: a new node that follows b, not b itself */
    if (xiG_binary(g, XI_ID, root, XI_NONE, st->pos, &root, err) || xiG_eval(g, root, err))
      goto fail;
  }
  if (bind(s, st, root, err))
    goto fail;
  echo(s, st, root);
  return 0;
fail:
  xiG_truncate(g, mark);
  return -1;
}

static int do_def(xiR_session *s, const xiP_stmt *st, xi_err *err) {
  size_t n;
  const char *t = text_of(s, st, &n);
  if (xiG_bind_func(&s->g, st->name, st->names, st->nnames, &st->code, t, n))
    return failf(err, st->pos, "out of memory");
  return 0;
}

static int do_del(xiR_session *s, const xiP_stmt *st, xi_err *err) {
  for (uint32_t i = 0; i < st->nnames; i++)
    if (!xiG_binding_of(&s->g, st->names[i]))
      return failf(err, st->name_pos[i], "unknown name '%s'", xiS_name(&s->g.sym, st->names[i]));
  for (uint32_t i = 0; i < st->nnames; i++)
    xiG_unbind(&s->g, st->names[i]);
  return 0;
}

/* "L" for a name, "(x*x)" for anything longer */
static char *label_of(xiR_session *s, const xiP_stmt *st) {
  size_t n;
  const char *t = text_of(s, st, &n);
  int simple = st->code.n == 1 && st->code.ins[0].kind == K_NAME;
  char *out = malloc(n + 3);
  if (out)
    sprintf(out, simple ? "%.*s" : "(%.*s)", (int)n, t);
  return out;
}

static void print_grad(xiR_session *s, const char *of, const char *wrt, uint32_t node) {
  xiR_buf b = {0};
  xiO_view v;
  xiR_put(&b, "∂%s/∂%s = ", of, wrt);
  if (xiD_adj_view(&s->sweep, &s->g, node, &v) == 0) {
    xiR_put_value(&b, &v, s->digits, chars(b.s), 0);
  } else { /* zeros, in the node's shape */
    xiO_view z = xiG_view(&s->g.nodes[node]);
    __mpfr_struct *el = xiG_elements(z.n, s->g.prec);
    if (el) {
      z.el = el;
      xiR_put_value(&b, &z, s->digits, chars(b.s), 0);
      free(el);
    }
  }
  printf("%s\n", b.s);
  free(b.s);
}

static int do_grad(xiR_session *s, const xiP_stmt *st, xi_err *err) {
  xiG_graph *g = &s->g;
  uint32_t mark = g->n, root;
  uint32_t *list = NULL;
  char *label = NULL;
  int rc = -1;
  if (evaluate(s, st, mark, &root, err))
    goto done;
  list = malloc((st->nnames + 1) * sizeof *list);
  label = label_of(s, st);
  if (!list || !label) {
    failf(err, st->pos, "out of memory");
    goto done;
  }
  for (uint32_t i = 0; i < st->nnames; i++) {
    const xiG_binding *b = xiG_binding_of(g, st->names[i]);
    if (!b || b->kind != B_NODE) {
      failf(err, st->name_pos[i], b ? "%s is a function" : "unknown name '%s'",
            xiS_name(&g->sym, st->names[i]));
      goto done;
    }
    list[i] = b->node;
  }
  if (xiD_run(&s->sweep, g, root, st->nnames ? XID_LIST : XID_LEAVES, list, st->nnames,
              st->pos, err))
    goto done;
  rc = 0;
  if (st->nnames) {
    for (uint32_t i = 0; i < st->nnames; i++)
      print_grad(s, label, xiS_name(&g->sym, st->names[i]), list[i]);
    goto done;
  }
  int any = 0;
  for (uint32_t i = 0; i <= root; i++) {
    if (g->nodes[i].op != XI_LEAF || !xiD_needed(&s->sweep, i))
      continue;
    const char *name = xiG_name_of(g, i);
    char unnamed[64];
    if (!name) { /* its name was deleted or rebound */
      snprintf(unnamed, sizeof unnamed, "(leaf of %u:%u)", g->nodes[i].pos.line,
               g->nodes[i].pos.col);
      name = unnamed;
    }
    print_grad(s, label, name, i);
    any = 1;
  }
  if (!any)
    printf("%s depends on no leaf\n", label);
done:
  free(list);
  free(label);
  xiG_truncate(g, mark);
  return rc;
}

static int do_trace(xiR_session *s, const xiP_stmt *st, xi_err *err) {
  uint32_t mark = s->g.n, root;
  char *label = label_of(s, st);
  int rc = label ? evaluate(s, st, mark, &root, err) : failf(err, st->pos, "out of memory");
  if (rc == 0)
    rc = xiR_trace(s, root, label, st->pos, err);
  free(label);
  xiG_truncate(&s->g, mark);
  return rc;
}

/* one claimed number against one value: the verdict, and the text of each */
typedef struct {
  xiN_verdict vd;
  char *value, *claim;
} judged;

static int judge(xiR_session *s, const xiP_stmt *st, uint32_t k, mpfr_srcptr v, judged *j) {
  const xiL_token *c = &st->claims[k];
  if (xiN_judge(v, s->src + c->off, c->len, st->claim_neg[k], &j->vd))
    return -1;
  int more = j->vd.sig + 4 > s->digits ? j->vd.sig + 4 : s->digits;
  j->value = xiN_format(v, more);
  j->claim = malloc(c->len + 2);
  if (j->claim)
    sprintf(j->claim, "%s%.*s", st->claim_neg[k] ? "-" : "", (int)c->len, s->src + c->off);
  return 0;
}

static void unjudge(judged *j) {
  free(j->value);
  free(j->claim);
  free(j->vd.rounded);
}

static int check_scalar(xiR_session *s, const xiP_stmt *st, mpfr_srcptr v, xi_err *err) {
  judged j;
  if (judge(s, st, 0, v, &j))
    return failf(err, st->claims[0].pos, "the claim is too long or its exponent too large to check");
  size_t n;
  const char *t = text_of(s, st, &n);
  if (j.vd.pass) {
    const char *on = s->color ? "\033[32m" : "", *off = s->color ? "\033[0m" : "";
    printf("%sok%s: %s (value %s)\n", on, off, j.claim, j.value ? j.value : "?");
  } else {
    char msg[sizeof err->msg];
    snprintf(msg, sizeof msg, "%.*s is %s, not %s; %s%s", (int)(n > 200 ? 200 : n), t,
             j.value ? j.value : "?", j.claim ? j.claim : "?",
             j.vd.truncated ? "the claim is the value truncated, not rounded: rounded it is "
                            : "rounded to the claim's last digit it is ",
             j.vd.rounded ? j.vd.rounded : "?");
    xiR_report(s, "check failed", st->claims[0].pos, msg);
    s->failed = 1;
  }
  unjudge(&j);
  return 0;
}

/* check M == [[...]]: element by element; the failing entries are named */
static int check_tensor(xiR_session *s, const xiP_stmt *st, xiG_node *node, xi_err *err) {
  xiO_view v = xiG_view(node);
  xi_shape want = st->claim_shape;
  if (v.sh.rank != want.rank || v.sh.rows != want.rows || v.sh.cols != want.cols) {
    char a[48], b[48];
    xiO_shape_text(&v.sh, a, sizeof a);
    xiO_shape_text(&want, b, sizeof b);
    return failf(err, st->claim_pos, "the value has shape %s and the claim %s", a, b);
  }
  xiR_buf bad = {0};
  uint32_t failed = 0;
  for (uint32_t k = 0; k < v.n; k++) {
    judged j;
    if (judge(s, st, k, &v.el[k], &j)) {
      free(bad.s);
      return failf(err, st->claims[k].pos, "the claim is too long or its exponent too large");
    }
    if (!j.vd.pass && ++failed <= 8) {
      if (v.sh.rank == 2)
        xiR_put(&bad, "%s[%u, %u] is %s, not %s%s", failed > 1 ? "; " : "", k / v.sh.cols,
                k % v.sh.cols, j.value, j.claim, j.vd.truncated ? " (truncated)" : "");
      else
        xiR_put(&bad, "%s[%u] is %s, not %s%s", failed > 1 ? "; " : "", k, j.value, j.claim,
                j.vd.truncated ? " (truncated)" : "");
    }
    unjudge(&j);
  }
  if (failed == 0) {
    const char *on = s->color ? "\033[32m" : "", *off = s->color ? "\033[0m" : "";
    printf("%sok%s: all %u elements\n", on, off, v.n);
  } else {
    char msg[sizeof err->msg];
    snprintf(msg, sizeof msg, "%u of %u elements differ: %s%s", failed, v.n, bad.s,
             failed > 8 ? "; ..." : "");
    xiR_report(s, "check failed", st->claim_pos, msg);
    s->failed = 1;
  }
  free(bad.s);
  return 0;
}

static int do_check(xiR_session *s, const xiP_stmt *st, xi_err *err) {
  uint32_t mark = s->g.n, root;
  int rc = evaluate(s, st, mark, &root, err);
  if (rc == 0) {
    xiG_node *n = &s->g.nodes[root];
    if (st->claim_shape.rank == 0 && !xiG_is_tensor(n))
      rc = check_scalar(s, st, n->v, err);
    else
      rc = check_tensor(s, st, n, err);
  }
  xiG_truncate(&s->g, mark);
  return rc;
}

/* a whole number in [lo, hi] from a token, or an error naming the range */
static int whole(xiR_session *s, const xiP_stmt *st, const char *what, long lo, long hi,
                 long *out, xi_err *err) {
  const char *t = s->src + st->arg.off;
  int ok = st->arg.len > 0 && st->arg.len < 12;
  for (size_t i = 0; ok && i < st->arg.len; i++)
    ok = t[i] >= '0' && t[i] <= '9';
  long v = ok ? strtol(t, NULL, 10) : -1;
  if (!ok || v < lo || v > hi)
    return failf(err, st->arg.pos, "%s must be a whole number from %ld to %ld", what, lo, hi);
  *out = v;
  return 0;
}

static int do_digits(xiR_session *s, const xiP_stmt *st, xi_err *err) {
  long v = 0;
  if (!st->has_number) {
    printf("digits %d\n", s->digits);
    return 0;
  }
  if (whole(s, st, "digits", 1, XI_DIGITS_MAX, &v, err))
    return -1;
  s->digits = (int)v;
  return 0;
}

static int do_prec(xiR_session *s, const xiP_stmt *st, xi_err *err) {
  long v = 0;
  if (!st->has_number) {
    printf("prec %ld bits\n", (long)s->g.prec);
    return 0;
  }
  if (whole(s, st, "prec (bits)", XI_PREC_MIN, XI_PREC_MAX, &v, err))
    return -1;
  if (xiG_set_prec(&s->g, (mpfr_prec_t)v, err)) {
    err->pos = st->arg.pos;
    return -1;
  }
  return 0;
}

static int by_order(const void *a, const void *b, void *g) {
  const xiG_binding *bind = ((xiG_graph *)g)->bind;
  uint32_t x = bind[*(const uint32_t *)a].order, y = bind[*(const uint32_t *)b].order;
  return (x > y) - (x < y);
}

static void sort_ids(uint32_t *ids, uint32_t n, xiG_graph *g) {
  for (uint32_t i = 1; i < n; i++) /* insertion sort: `vars` lists are short */
    for (uint32_t j = i; j > 0 && by_order(&ids[j - 1], &ids[j], g) > 0; j--) {
      uint32_t t = ids[j];
      ids[j] = ids[j - 1];
      ids[j - 1] = t;
    }
}

static int do_vars(xiR_session *s, xi_err *err) {
  xiG_graph *g = &s->g;
  uint32_t *ids = malloc((g->nbind + 1) * sizeof *ids), n = 0;
  if (!ids)
    return failf(err, (xi_pos){0, 0}, "out of memory");
  for (uint32_t i = 0; i < g->nbind; i++)
    if (g->bind[i].kind != B_NONE)
      ids[n++] = i;
  sort_ids(ids, n, g);
  if (n == 0)
    printf("no names yet: define one with name = expression\n");
  int width = 0;
  for (uint32_t k = 0; k < n; k++)
    if (g->bind[ids[k]].kind == B_NODE && chars(xiS_name(&g->sym, ids[k])) > width)
      width = chars(xiS_name(&g->sym, ids[k]));
  for (uint32_t k = 0; k < n; k++) {
    const xiG_binding *b = &g->bind[ids[k]];
    const char *name = xiS_name(&g->sym, ids[k]);
    if (b->kind == B_FUNC) {
      printf("%s(", name);
      for (uint32_t p = 0; p < b->nparams; p++)
        printf("%s%s", p ? ", " : "", xiS_name(&g->sym, b->params[p]));
      printf(")  function  = %s\n", b->text);
      continue;
    }
    printf("%s%*s", name, width - chars(name), "");
    const xiG_node *nd = &g->nodes[b->node];
    int leaf = nd->op == XI_LEAF;
    xiR_buf v = {0};
    xi_err e2;
    xiO_view view = xiG_view(&g->nodes[b->node]);
    if (view.sh.rank) {
      char shape[48];
      xiO_shape_text(&view.sh, shape, sizeof shape);
      xiR_put(&v, "%s ", shape);
    }
    if (xiG_eval(g, b->node, &e2) || g->nodes[b->node].err)
      xiR_put(&v, "(not a number: see its definition)");
    else
      xiR_put_value(&v, &view, s->digits, -1, 0);
    if (leaf)
      printf("  leaf  %s\n", v.s);
    else
      printf("  node  %s  = %s\n", v.s, b->text);
    free(v.s);
  }
  free(ids);
  return 0;
}

static int do_load(xiR_session *s, const xiP_stmt *st, xi_err *err) {
  const char *t = s->src + st->arg.off;
  size_t n = st->arg.len;
  if (n >= 2 && t[0] == '"')
    t++, n -= 2;
  char *path = strndup(t, n);
  if (!path)
    return failf(err, st->arg.pos, "out of memory");
  if (s->loads >= XI_LOAD_DEPTH) {
    free(path);
    return failf(err, st->arg.pos, "load nested more than %d deep", XI_LOAD_DEPTH);
  }
  FILE *f = fopen(path, "rb");
  if (!f) {
    int e = errno;
    failf(err, st->arg.pos, "cannot read %s: %s", path, strerror(e));
    free(path);
    return -1;
  }
  fclose(f);
  s->loads++;
  int failures = xiR_run_file(s, path);
  s->loads--;
  free(path);
  (void)failures; /* each failure was reported, and counted, where it happened */
  return 0;
}

static int do_seed(xiR_session *s, const xiP_stmt *st, xi_err *err) {
  long v = 0;
  if (!st->has_number)
    return failf(err, st->pos, "seed needs a number, as in seed 42");
  if (whole(s, st, "a seed", 0, 4294967295L, &v, err))
    return -1;
  xiO_seed(&s->g.rng, (uint32_t)v);
  return 0;
}

static int run_span(xiR_session *s, size_t off, size_t end, xi_pos at, int depth);

/* repeat N { statements }: the block N times; an error stops it */
static int do_repeat(xiR_session *s, const xiP_stmt *st, xi_err *err) {
  long times = 0;
  if (whole(s, st, "repeat's count", 0, 1000000000L, &times, err))
    return -1;
  if (s->repeats >= XI_LOAD_DEPTH)
    return failf(err, st->pos, "repeat nested more than %d deep", XI_LOAD_DEPTH);
  s->repeats++;
  int failures = 0;
  for (long k = 0; k < times && !failures && !s->quit && !s->interrupt; k++)
    failures = run_span(s, st->body_off, st->body_off + st->body_len, st->body_pos, 1);
  s->repeats--;
  (void)failures; /* reported where they happened */
  return 0;
}

/* Frees the nodes nothing can reach once the tape has grown to four times
   what was alive after the last collection: a training loop runs in bounded
   memory, and a graph that is all alive is seldom walked for nothing. */
static void maybe_collect(xiR_session *s) {
  if (s->g.n < 4 * s->live + 4096)
    return;
  if (xiG_collect(&s->g))
    xiD_forget(&s->sweep);
  s->live = s->g.n;
}

static int exec(xiR_session *s, const xiP_stmt *st, xi_err *err) {
  switch (st->kind) {
  case S_EXPR: return do_expr(s, st, err);
  case S_ASSIGN: return do_assign(s, st, err);
  case S_DEF: return do_def(s, st, err);
  case S_GRAD: return do_grad(s, st, err);
  case S_TRACE: return do_trace(s, st, err);
  case S_CHECK: return do_check(s, st, err);
  case S_DIGITS: return do_digits(s, st, err);
  case S_PREC: return do_prec(s, st, err);
  case S_VARS: return do_vars(s, err);
  case S_HELP: {
    char *topic = st->arg.len ? strndup(s->src + st->arg.off, st->arg.len) : NULL;
    xiR_help(stdout, topic);
    free(topic);
    return 0;
  }
  case S_LOAD: return do_load(s, st, err);
  case S_DEL: return do_del(s, st, err);
  case S_QUIT: s->quit = 1; return 0;
  case S_SHOW: return do_expr(s, st, err);
  case S_SEED: return do_seed(s, st, err);
  case S_REPEAT: return do_repeat(s, st, err);
  }
  return 0;
}

/* the statements of s->src[off, end), which starts at `at` */
static int run_span(xiR_session *s, size_t off, size_t end, xi_pos at, int in_block) {
  xiP_parser p;
  xiP_init_at(&p, &s->g.sym, s->src, end, off, at);
  int failures = 0;
  xiP_stmt st;
  memset(&st, 0, sizeof st);
  while (!s->quit && !s->interrupt) {
    xi_err err;
    int r = xiP_next(&p, &st, &err);
    if (r == 0)
      break;
    if (r > 0 && exec(s, &st, &err) == 0)
      err.msg[0] = '\0';
    if (r < 0 || err.msg[0]) {
      xiR_report(s, "error", err.pos, err.msg);
      s->failed = 1;
      failures++;
      if (in_block)
        break; /* a repeated block stops at its first error */
    }
    maybe_collect(s);
  }
  xiP_stmt_done(&st);
  return failures;
}

int xiR_run(xiR_session *s, const char *file, const char *src, size_t len, uint32_t first_line) {
  const char *ofile = s->file, *osrc = s->src;
  size_t olen = s->len;
  uint32_t oline = s->first_line;
  s->file = file, s->src = src, s->len = len, s->first_line = first_line;
  int failures = run_span(s, 0, len, (xi_pos){first_line, 1}, 0);
  s->file = ofile, s->src = osrc, s->len = olen, s->first_line = oline;
  return failures;
}

int xiR_run_file(xiR_session *s, const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    fflush(stdout);
    fprintf(stderr, "xi: cannot read %s: %s\n", path, strerror(errno));
    s->failed = 1;
    return 1;
  }
  char *buf = NULL;
  size_t len = 0, cap = 0;
  for (;;) {
    if (len + 65536 > cap) {
      cap = (len + 65536) * 2;
      char *b = realloc(buf, cap);
      if (!b) {
        free(buf);
        fclose(f);
        fprintf(stderr, "xi: %s is too large to read\n", path);
        s->failed = 1;
        return 1;
      }
      buf = b;
    }
    size_t got = fread(buf + len, 1, cap - len, f);
    len += got;
    if (got == 0)
      break;
  }
  fclose(f);
  int failures = xiR_run(s, path, buf, len, 1);
  free(buf);
  return failures;
}
