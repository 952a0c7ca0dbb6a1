/* commands.c: a handler for each row of the command table
 * (syntax/commands.h); the table of handlers below is made from the same
 * rows, so a row without its handler does not compile. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "repl/session.h"
#include "show/num.h"
#include "show/print.h"
#include "show/trace.h"

typedef int (*handler)(xiR_session *s, const xiP_stmt *st, xi_err *err);

/* ---- grad ---- */

static void print_grad(xiR_session *s, xiW_buf *b, const char *of, const char *wrt,
                       uint32_t node, const xiB_adj *balls, slong prec) {
  xiO_view v;
  xiW_proof pf;
  xiR_adjoint_proof(s, balls, prec, node, &pf);
  size_t start = b->n;
  xiW_put(b, "∂%s/∂%s = ", of, wrt);
  int indent = 0;
  for (size_t k = start; b->s && k < b->n; k++)
    indent += (b->s[k] & 0xC0) != 0x80;
  if (xiD_adj_view(&s->sweep, &s->g, node, &v) == 0) {
    xiW_value_proven(b, &v, &pf, s->digits, indent, 0);
  } else { /* zeros, in the node's shape: exact */
    xiO_view z = xiG_view(&s->g.nodes[node]);
    __mpfr_struct *el = xiM_block(z.n, s->g.prec);
    if (!el)
      b->failed = XI_W_MEMORY;
    z.el = el;
    if (el)
      xiW_value(b, &z, s->digits, indent, 0);
    xiM_unblock(el);
  }
  xiW_put(b, "\n");
}

int xiR_wrt_nodes(xiR_session *s, const xiP_stmt *st, uint32_t root, const char *label,
                  uint32_t *list, xi_err *err) {
  xiG_graph *g = &s->g;
  for (uint32_t i = 0; i < st->nnames; i++) {
    const char *name = xiS_name(&g->sym, st->names[i]);
    if (xiG_resolve(g, st->names[i], st->name_pos[i], &list[i], err))
      return -1;
    if (g->nodes[list[i]].op == XI_CONST)
      return xiR_fail(err, st->name_pos[i], "%s is a constant, not a value to differentiate by",
                      name);
    if (!xiD_depends(g, root, list[i])) {
      char msg[sizeof err->msg];
      xiG_why_not(g, root, label, st->names[i], list[i], msg, sizeof msg);
      return xiR_fail(err, st->name_pos[i], "%s", msg);
    }
  }
  return 0;
}

static int cmd_grad(xiR_session *s, const xiP_stmt *st, xi_err *err) {
  xiG_graph *g = &s->g;
  uint32_t mark = g->n, root;
  uint32_t *list = malloc((st->nnames + 1) * sizeof *list);
  char *label = xiR_label(s, st);
  int rc = -1;
  xiB_adj balls = {0};
  if (!list || !label) {
    xiR_fail(err, st->pos, "out of memory");
    goto done;
  }
  if (xiR_evaluate(s, st, &root, err) || xiR_wrt_nodes(s, st, root, label, list, err) ||
      xiD_sweep_from(&s->sweep, g, &root, st->nnames ? XID_LIST : XID_LEAVES, list,
                     st->nnames, st->pos, err))
    goto done;
  slong prec;
  if (xiR_prove_adjoints(s, root, st->nnames ? XID_LIST : XID_LEAVES, list, st->nnames, &balls,
                         &prec, st->pos, err))
    goto done;
  xiW_buf b = {0};
  if (st->nnames) {
    for (uint32_t i = 0; i < st->nnames; i++)
      print_grad(s, &b, label, xiS_name(&g->sym, st->names[i]), list[i], &balls, prec);
    rc = xiR_emit(&b, st->pos, err);
    goto done;
  }
  int any = 0;
  for (uint32_t i = 0; i <= root; i++) {
    if (g->nodes[i].op != XI_LEAF || !xiD_needed(&s->sweep, i))
      continue;
    char name[256];
    xiG_label_of(g, i, name, sizeof name);
    if (!name[0])
      snprintf(name, sizeof name, "(leaf at %u:%u)", g->nodes[i].pos.line, g->nodes[i].pos.col);
    print_grad(s, &b, label, name, i, &balls, prec);
    any = 1;
  }
  if (!any)
    xiW_put(&b, "%s depends on no leaf\n", label);
  rc = xiR_emit(&b, st->pos, err);
done:
  xiB_adj_free(&balls);
  free(list);
  free(label);
  xiG_truncate(g, mark);
  return rc;
}

/* ---- trace, show ---- */

static int cmd_trace(xiR_session *s, const xiP_stmt *st, xi_err *err) {
  uint32_t mark = s->g.n, root;
  uint32_t *wrt = malloc((st->nnames + 1) * sizeof *wrt);
  char *label = xiR_label(s, st);
  xiT_style style = {s->digits, s->color, xiW_terminal_width(), xiR_balls(s),
                     s->exact ? s->digits : 0};
  int rc = label && wrt ? xiR_evaluate(s, st, &root, err) : xiR_fail(err, st->pos, "out of memory");
  if (rc == 0)
    rc = xiR_wrt_nodes(s, st, root, label, wrt, err);
  if (rc == 0)
    rc = xiT_trace(&s->g, &s->sweep, root, label, wrt, st->nnames, style, st->pos, err);
  if (rc == 0 && style.balls && s->exact)
    s->exact_prec = xiB_prec(style.balls); /* what digits N exact took: the next print starts there */
  if (rc == 0)
    xiR_format_notes(s, root); /* in a format: where inf and nan first appeared */
  free(label);
  free(wrt);
  if (rc) /* on success the nodes stay: the ξ labels it printed name them */
    xiG_truncate(&s->g, mark);
  return rc;
}

static int cmd_show(xiR_session *s, const xiP_stmt *st, xi_err *err) {
  uint32_t mark = s->g.n, root;
  int rc = xiR_evaluate(s, st, &root, err);
  if (rc == 0)
    rc = xiR_print_node(s, 0, NULL, root, 1, st->pos, err);
  xiG_truncate(&s->g, mark);
  return rc;
}

/* ---- check ---- */

/* one claimed number against one value: the verdict, and the text of each */
static int cmd_check(xiR_session *s, const xiP_stmt *st, xi_err *err) {
  return xiR_check(s, st, err); /* check.c */
}

/* ---- set: the knob ---- */

static int cmd_set(xiR_session *s, const xiP_stmt *st, xi_err *err) {
  xiG_graph *g = &s->g;
  uint32_t mark = g->n, root, *changed = NULL, nchanged = 0;
  if (xiR_evaluate(s, st, &root, err) ||
      xiG_set(g, st->name, root, mark, st->target_pos, &changed, &nchanged, err)) {
    xiG_truncate(g, mark);
    return -1;
  }
  int rc = 0;
  if (!st->quiet) {
    const char *name = xiS_name(&g->sym, st->name);
    rc = xiR_print_node(s, 0, name, xiG_binding_of(g, st->name)->node, 0, st->pos, err);
    if (nchanged == 0 && rc == 0)
      printf("no other name holds a value computed from it\n");
    for (uint32_t k = 0; k < nchanged && rc == 0; k++)
      rc = xiR_print_node(s, 2, xiS_name(&g->sym, changed[k]),
                          xiG_binding_of(g, changed[k])->node, 0, st->pos, err);
  }
  free(changed);
  return rc;
}

/* ---- settings ---- */

/* a whole number in [lo, hi] from a token, or an error naming the range */
static int whole(xiR_session *s, const xiP_stmt *st, const char *what, long lo, long hi,
                 long *out, xi_err *err) {
  const char *t = s->src + st->arg.off;
  int ok = st->arg.len > 0 && st->arg.len < 12;
  long v = 0; /* within the token: a file's last line may end without a newline */
  for (size_t i = 0; ok && i < st->arg.len; i++) {
    ok = t[i] >= '0' && t[i] <= '9';
    v = v * 10 + (t[i] - '0');
  }
  if (!ok || v < lo || v > hi)
    return xiR_fail(err, st->arg.pos, "%s must be a whole number from %ld to %ld", what, lo, hi);
  *out = v;
  return 0;
}

/* a word after the number (digits 30 exact) is one the command takes, or an error */
static int word(xiR_session *s, const xiP_stmt *st, const char *want, const char *cmd,
                xi_err *err) {
  if (!st->has_word)
    return 0;
  if (want && st->word.len == strlen(want) && memcmp(s->src + st->word.off, want, st->word.len) == 0)
    return 1;
  return xiR_fail(err, st->word.pos, want ? "%s N takes only the word %s after N" : "%s N takes nothing after N",
                  cmd, want);
}

static int cmd_digits(xiR_session *s, const xiP_stmt *st, xi_err *err) {
  long v = 0;
  if (!st->has_number) {
    printf("digits %d%s\n", s->digits, s->exact ? " exact" : "");
    return 0;
  }
  int exact = word(s, st, "exact", "digits", err);
  if (exact < 0 || whole(s, st, "digits", 1, XI_DIGITS_MAX, &v, err))
    return -1;
  s->digits = (int)v;
  s->exact = exact;
  s->exact_prec = 0;
  return 0;
}

static int cmd_prec(xiR_session *s, const xiP_stmt *st, xi_err *err) {
  long v = 0;
  if (word(s, st, NULL, "prec", err))
    return -1;
  if (!st->has_number) {
    printf("prec %ld bits\n", (long)s->g.prec);
    return 0;
  }
  if (whole(s, st, "prec (bits)", XI_PREC_MIN, XI_PREC_MAX, &v, err))
    return -1;
  if (xiO_fmt) /* (format's precision is the format's) */
    return xiR_fail(err, st->arg.pos, "the precision is %s's %ld bits: format mpfr first",
                    xiO_formats[xiO_fmt].name, xiO_formats[xiO_fmt].prec);
  err->pos = st->arg.pos;
  xiG_collect(&s->g); /* values nothing can reach are not computed again */
  xiD_forget(&s->sweep);
  s->live = s->g.n;
  if (xiG_set_prec(&s->g, (mpfr_prec_t)v, err)) {
    size_t len = strlen(err->msg);
    snprintf(err->msg + len, sizeof err->msg - len, ": the precision stays %ld bits",
             (long)s->g.prec);
    err->pos = st->arg.pos;
    return -1;
  }
  return 0;
}

static int cmd_seed(xiR_session *s, const xiP_stmt *st, xi_err *err) {
  long v = 0;
  if (whole(s, st, "a seed", 0, 4294967295L, &v, err))
    return -1;
  xiG_stmt_rng(&s->g); /* (a line undone seeds nothing) */
  xiO_seed(&s->g.rng, (uint32_t)v);
  return 0;
}

/* ---- names ---- */

static int chars(const char *p) {
  int n = 0;
  for (; *p; p++)
    n += (*p & 0xC0) != 0x80;
  return n;
}

static int cmd_vars(xiR_session *s, const xiP_stmt *st, xi_err *err) {
  xiG_graph *g = &s->g;
  uint32_t *ids = malloc((g->nbind + 1) * sizeof *ids), n = 0;
  if (!ids)
    return xiR_fail(err, (xi_pos){0, 0}, "out of memory");
  for (uint32_t i = 0; i < g->nbind; i++)
    if (g->bind[i].kind != B_NONE)
      ids[n++] = i;
  for (uint32_t i = 1; i < n; i++) /* in the order they were bound */
    for (uint32_t j = i; j > 0 && g->bind[ids[j - 1]].order > g->bind[ids[j]].order; j--) {
      uint32_t t = ids[j];
      ids[j] = ids[j - 1];
      ids[j - 1] = t;
    }
  xiW_buf out = {0};
  if (n == 0)
    xiW_put(&out, "no names yet: define one with name = expression\n");
  int width = 0;
  for (uint32_t k = 0; k < n; k++)
    if (g->bind[ids[k]].kind == B_NODE && chars(xiS_name(&g->sym, ids[k])) > width)
      width = chars(xiS_name(&g->sym, ids[k]));
  for (uint32_t k = 0; k < n; k++) {
    const xiG_binding *b = &g->bind[ids[k]];
    const char *name = xiS_name(&g->sym, ids[k]);
    if (b->kind == B_FUNC) {
      const xiG_func *f = xiG_func_of(g, b);
      xiW_put(&out, "%s(", name);
      for (uint32_t p = 0; p < f->nparams; p++)
        xiW_put(&out, "%s%s", p ? ", " : "", xiS_name(&g->sym, f->params[p]));
      xiW_put(&out, ")  function  = %s\n", f->text);
      continue;
    }
    xiO_view view = xiG_view(&g->nodes[b->node]);
    int leaf = g->nodes[b->node].op == XI_LEAF;
    xiW_put(&out, "%s%*s  %s  ", name, width - chars(name), "", leaf ? "leaf " : "value");
    if (view.sh.rank) {
      char shape[48];
      xiO_shape_text(&view.sh, shape, sizeof shape);
      xiW_put(&out, "%s ", shape);
    }
    xiW_proof pf; /* only proven digits, as everywhere */
    if (xiR_prove_value(s, b->node, &pf, st->pos, err)) {
      xiW_free(&out);
      free(ids);
      return -1;
    }
    xiW_value_proven(&out, &view, &pf, s->digits, -1, 0);
    if (!leaf) {
      xiW_put(&out, "  = ");
      xiT_formula(g, b->node, s->digits, &out);
    }
    xiW_put(&out, "\n");
  }
  free(ids);
  return xiR_emit(&out, st->pos, err);
}

static int cmd_del(xiR_session *s, const xiP_stmt *st, xi_err *err) {
  for (uint32_t i = 0; i < st->nnames; i++)
    if (!xiG_binding_of(&s->g, st->names[i]))
      return xiR_fail(err, st->name_pos[i], "unknown name '%s'",
                      xiS_name(&s->g.sym, st->names[i]));
  for (uint32_t i = 0; i < st->nnames; i++)
    xiG_unbind(&s->g, st->names[i], st->name_pos[i]);
  return 0;
}

/* ---- help, load, repeat, quit ---- */

static int cmd_help(xiR_session *s, const xiP_stmt *st, xi_err *err) {
  (void)err;
  char *topic = st->arg.len ? strndup(s->src + st->arg.off, st->arg.len) : NULL;
  xiR_help(stdout, topic);
  free(topic);
  return 0;
}

static int cmd_load(xiR_session *s, const xiP_stmt *st, xi_err *err) {
  const char *t = s->src + st->arg.off;
  size_t n = st->arg.len;
  if (n >= 2 && t[0] == '"')
    t++, n -= 2;
  if (s->loads >= XI_LOAD_DEPTH)
    return xiR_fail(err, st->arg.pos, "load nested more than %d deep", XI_LOAD_DEPTH);
  char *path = strndup(t, n), *text = NULL;
  size_t len;
  int rc = path ? xiR_read(s, path, &text, &len, err->msg, sizeof err->msg)
                : xiR_fail(err, st->arg.pos, "out of memory");
  if (rc == 0) {
    s->loads++;
    xiR_run(s, path, text, len, 1); /* its errors are reported, and counted, where they happen */
    s->loads--;
  }
  err->pos = st->arg.pos;
  free(text);
  free(path);
  return rc;
}

/* repeat N { statements }: the block N times; an error stops it */
static int cmd_repeat(xiR_session *s, const xiP_stmt *st, xi_err *err) {
  long times = 0;
  if (whole(s, st, "repeat's count", 0, 1000000000L, &times, err))
    return -1;
  if (s->repeats >= XI_LOAD_DEPTH)
    return xiR_fail(err, st->pos, "repeat nested more than %d deep", XI_LOAD_DEPTH);
  s->repeats++;
  int failures = 0;
  for (long k = 0; k < times && !failures && !s->quit && !s->stop && !s->interrupt; k++)
    failures = xiR_run_span(s, st->body_off, st->body_off + st->body_len, st->body_pos, 1);
  s->repeats--;
  return 0; /* its errors were reported where they happened */
}

static int cmd_quit(xiR_session *s, const xiP_stmt *st, xi_err *err) {
  (void)st, (void)err;
  s->quit = 1;
  return 0;
}

static int cmd_exit(xiR_session *s, const xiP_stmt *st, xi_err *err) {
  return cmd_quit(s, st, err);
}

static const handler handlers[XI_NCOMMANDS] = {
#define XI_CMD_HANDLER(id, word, args, fn, ...) [XI_CMD_##id] = fn,
    XI_COMMANDS(XI_CMD_HANDLER)
#undef XI_CMD_HANDLER
};

int xiR_command(xiR_session *s, const xiP_stmt *st, xi_err *err) {
  return handlers[st->cmd](s, st, err);
}
