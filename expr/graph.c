/* graph.c: the tape, the names bound to it, and forward evaluation. */
#include "graph.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failf(xi_err *err, xi_pos pos, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  err->pos = pos;
  vsnprintf(err->msg, sizeof err->msg, fmt, ap);
  va_end(ap);
  return -1;
}

void xiG_init(xiG_graph *g, mpfr_prec_t prec) {
  memset(g, 0, sizeof *g);
  g->prec = prec;
  xiS_init(&g->sym);
  xiM_init(&g->limbs, prec);
  /* the widest exponent range MPFR allows: overflow only for absurd values */
  mpfr_set_emin(mpfr_get_emin_min());
  mpfr_set_emax(mpfr_get_emax_max());
}

static void clear_binding(xiG_binding *b) {
  free(b->text);
  free(b->params);
  xiP_code_free(&b->src);
  xiP_code_free(&b->body);
  memset(b, 0, sizeof *b);
}

void xiG_free(xiG_graph *g) {
  xiG_truncate(g, 0);
  free(g->nodes);
  xiM_free(&g->limbs);
  free(g->literal);
  for (uint32_t i = 0; i < g->nbind; i++)
    clear_binding(&g->bind[i]);
  free(g->bind);
  xiS_free(&g->sym);
  memset(g, 0, sizeof *g);
}

uint32_t xiG_append(xiG_graph *g, int op, uint32_t a, uint32_t b, xi_pos pos) {
  if (g->n == g->cap) {
    if (g->cap >= UINT32_MAX / 4)
      return XI_NONE;
    uint32_t cap = g->cap ? g->cap * 2 : 1024;
    xiG_node *q = realloc(g->nodes, (size_t)cap * sizeof *q);
    if (!q)
      return XI_NONE;
    g->nodes = q, g->cap = cap;
  }
  xiG_node *n = &g->nodes[g->n];
  n->op = (uint8_t)op;
  n->err = XI_OK;
  n->spare = n->shown = 0;
  n->a = a, n->b = b;
  n->aux = n->name = XI_NONE;
  n->pos = pos;
  if (xiM_place(&g->limbs, g->n, n->v))
    return XI_NONE;
  return g->n++;
}

void xiG_truncate(xiG_graph *g, uint32_t mark) {
  if (g->n > mark) /* the pool's slots are simply reused */
    g->n = mark;
  if (g->fresh > mark)
    g->fresh = mark;
}

/* ---- values ---- */

static void read_const(xiG_graph *g, xiG_node *n) {
  if (n->aux == XI_LIT_PI) {
    mpfr_const_pi(n->v, MPFR_RNDN);
  } else if (n->aux == XI_LIT_E) {
    mpfr_set_ui(n->v, 1, MPFR_RNDN);
    mpfr_exp(n->v, n->v, MPFR_RNDN);
  } else {
    /* correctly rounded at the working precision: the literal is kept as text */
    mpfr_strtofr(n->v, xiS_name(&g->sym, n->aux), NULL, 10, MPFR_RNDN);
  }
  n->err = mpfr_number_p(n->v) ? XI_OK : XI_E_OVERFLOW;
}

static void eval_one(xiG_graph *g, xiG_node *n) {
  if (n->op <= XI_SNAP)
    return; /* leaves, constants and snapshots hold their values */
  const xiG_node *a = &g->nodes[n->a];
  const xiG_node *b = n->b == XI_NONE ? a : &g->nodes[n->b];
  if (a->err || b->err) {
    n->err = XI_E_UPSTREAM;
    mpfr_set_nan(n->v);
    return;
  }
  mpfr_clear_flags();
  xiO_table[n->op].forward(n->v, a->v, b->v, MPFR_RNDN);
  if (mpfr_number_p(n->v))
    n->err = XI_OK;
  else
    n->err = mpfr_nan_p(n->v) ? XI_E_NAN : mpfr_overflow_p() ? XI_E_OVERFLOW : XI_E_POLE;
}

int xiG_eval(xiG_graph *g, uint32_t upto, xi_err *err) {
  for (uint32_t i = g->fresh; i <= upto && i < g->n; i++) {
    if ((i & 15) == 0 && g->interrupt && *g->interrupt) {
      g->fresh = i;
      return failf(err, g->nodes[upto].pos, "interrupted");
    }
    eval_one(g, &g->nodes[i]);
  }
  if (upto + 1 > g->fresh)
    g->fresh = upto + 1 < g->n ? upto + 1 : g->n;
  return 0;
}

void xiG_describe(const xiG_graph *g, uint32_t i, char *buf, size_t n) {
  const char *name = xiG_name_of(g, i);
  const xiG_node *nd = &g->nodes[i];
  const char *what = nd->op == XI_CONST ? "a number" : xiO_table[nd->op].name;
  if (name)
    snprintf(buf, n, "in %s (defined at %u:%u)", name, nd->pos.line, nd->pos.col);
  else if (what && nd->op > XI_SNAP)
    snprintf(buf, n, "in %s(...) at %u:%u", what, nd->pos.line, nd->pos.col);
  else
    snprintf(buf, n, "at %u:%u", nd->pos.line, nd->pos.col);
}

int xiG_check(xiG_graph *g, uint32_t i, uint32_t mark, xi_pos at, xi_err *err) {
  if (g->nodes[i].err == XI_OK)
    return 0;
  while (g->nodes[i].err == XI_E_UPSTREAM) /* walk down to where it began */
    i = g->nodes[g->nodes[i].a].err ? g->nodes[i].a : g->nodes[i].b;
  const xiG_node *n = &g->nodes[i];
  const xiO_row *row = &xiO_table[n->op];
  const char *why = n->err == XI_E_OVERFLOW ? "overflow: the result is too large"
                    : n->err == XI_E_NAN    ? row->nan_msg
                                            : row->pole_msg;
  if (n->op == XI_CONST)
    why = "number out of range";
  else if (n->op == XI_DIV && n->err == XI_E_NAN && !mpfr_zero_p(g->nodes[n->a].v))
    why = row->pole_msg; /* finite/0 in MPFR is NaN only for 0/0 */
  if (!why)
    why = "the result is not a number";
  char where[200];
  xiG_describe(g, i, where, sizeof where);
  if (i >= mark)
    return failf(err, n->pos, "%s", why);
  return failf(err, at, "%s %s", why, where); /* an older node: point at what asked */
}

/* an operand from before mark that is not a (shared) constant */
static int outside(const xiG_graph *g, uint32_t mark, uint32_t i) {
  return i != XI_NONE && i < mark && g->nodes[i].op != XI_CONST;
}

int xiG_self_contained(const xiG_graph *g, uint32_t mark, uint32_t root) {
  if (outside(g, mark, root))
    return 0;
  for (uint32_t i = mark; i < g->n; i++)
    if (outside(g, mark, g->nodes[i].a) || outside(g, mark, g->nodes[i].b))
      return 0;
  return 1;
}

void xiG_set_leaf(xiG_graph *g, uint32_t i, mpfr_srcptr v) {
  mpfr_set(g->nodes[i].v, v, MPFR_RNDN);
  g->nodes[i].err = XI_OK;
  if (g->fresh > i + 1)
    g->fresh = i + 1;
}

/* ---- building nodes from postfix code ---- */

static int resolve(xiG_graph *g, const xiP_ins *in, const uint32_t *params,
                   const uint32_t *args, uint32_t np, uint32_t *node, xi_err *err) {
  for (uint32_t k = np; k-- > 0;)
    if (params[k] == in->arg) {
      *node = args[k];
      return 0;
    }
  const xiG_binding *b = xiG_binding_of(g, in->arg);
  const char *name = xiS_name(&g->sym, in->arg);
  if (!b)
    return failf(err, in->pos, "unknown name '%s'", name);
  if (b->kind == B_FUNC)
    return failf(err, in->pos, "%s is a function: call it as %s(...)", name, name);
  *node = b->node;
  return 0;
}

static int call(xiG_graph *g, const xiP_ins *in, uint32_t *args, uint32_t *out, xi_err *err) {
  const char *name = xiS_name(&g->sym, in->arg);
  const xiG_binding *b = xiG_binding_of(g, in->arg);
  if (!b || b->kind != B_FUNC)
    return failf(err, in->pos, b ? "%s is not a function" : "unknown function '%s'", name);
  if (b->nparams != in->argc)
    return failf(err, in->pos, "%s takes %u argument%s, not %u", name, b->nparams,
                 b->nparams == 1 ? "" : "s", in->argc);
  if (g->depth >= XI_CALL_DEPTH)
    return failf(err, in->pos, "function calls nested more than %d deep (does %s call itself?)",
                 XI_CALL_DEPTH, name);
  uint32_t first = g->n;
  g->depth++;
  int rc = xiG_exec(g, &b->body, b->params, args, b->nparams, out, err);
  g->depth--;
  if (rc) {
    char inner[sizeof err->msg];
    snprintf(inner, sizeof inner, "%s", err->msg);
    if (strncmp(inner, "in ", 3) == 0)
      return failf(err, in->pos, "%s", inner);
    return failf(err, in->pos, "in %s(...): %s", name, inner);
  }
  for (uint32_t i = first; i < g->n; i++)
    g->nodes[i].pos = in->pos; /* errors inside point at the call */
  return 0;
}

static int grad_of(xiG_graph *g, const xiP_ins *in, uint32_t e, const uint32_t *params,
                   const uint32_t *args, uint32_t np, uint32_t *out, xi_err *err) {
  uint32_t v;
  if (resolve(g, in, params, args, np, &v, err))
    return -1;
  if (!g->grad)
    return failf(err, in->pos, "grad is not available here");
  if (xiG_eval(g, e, err) || xiG_check(g, e, 0, in->pos, err))
    return -1;
  mpfr_t d;
  mpfr_init2(d, g->prec);
  err->pos = in->pos; /* where a failing sweep points */
  int rc = g->grad(g->grad_ctx, g, e, v, d, err);
  if (rc == 0) {
    *out = xiG_append(g, XI_SNAP, XI_NONE, XI_NONE, in->pos);
    if (*out == XI_NONE)
      rc = failf(err, in->pos, "out of memory: the graph has %u nodes", g->n);
    else
      mpfr_set(g->nodes[*out].v, d, MPFR_RNDN);
  }
  mpfr_clear(d);
  return rc;
}

/* A literal's node is shared by every statement that writes the literal:
   constants never change (but with the precision, when all are re-read). */
static uint32_t constant(xiG_graph *g, const xiP_ins *in) {
  uint32_t aux = in->kind == K_CONST ? (in->arg ? XI_LIT_E : XI_LIT_PI) : in->arg;
  uint32_t key = in->kind == K_CONST ? in->arg : in->arg + 2; /* 0 pi, 1 e, then symbols */
  if (key < g->nliteral) {
    uint32_t i = g->literal[key];
    if (i < g->n && g->nodes[i].op == XI_CONST && g->nodes[i].aux == aux)
      return i;
  } else {
    uint32_t cap = key + 1 > 2 * g->nliteral ? key + 1 : 2 * g->nliteral;
    uint32_t *q = realloc(g->literal, cap * sizeof *q);
    if (!q)
      return XI_NONE;
    for (uint32_t k = g->nliteral; k < cap; k++)
      q[k] = XI_NONE;
    g->literal = q, g->nliteral = cap;
  }
  uint32_t i = xiG_append(g, XI_CONST, XI_NONE, XI_NONE, in->pos);
  if (i == XI_NONE)
    return i;
  g->nodes[i].aux = aux;
  read_const(g, &g->nodes[i]);
  g->literal[key] = i;
  return i;
}

int xiG_exec(xiG_graph *g, const xiP_code *code, const uint32_t *params,
             const uint32_t *args, uint32_t np, uint32_t *root, xi_err *err) {
  uint32_t small[64], sp = 0; /* most statements are short: no malloc */
  uint32_t *st = code->n < 64 ? small : malloc((code->n + 1) * sizeof *st);
  if (!st)
    return failf(err, code->n ? code->ins[0].pos : (xi_pos){0, 0}, "out of memory");
  int rc = 0;
  for (uint32_t k = 0; k < code->n && rc == 0; k++) {
    const xiP_ins *in = &code->ins[k];
    uint32_t node = XI_NONE;
    switch (in->kind) {
    case K_NUM:
    case K_CONST:
      node = constant(g, in);
      if (node != XI_NONE && g->nodes[node].err)
        rc = failf(err, in->pos, "number out of range");
      break;
    case K_NAME:
      rc = resolve(g, in, params, args, np, &node, err);
      break;
    case K_OP: {
      int arity = xiO_table[in->op].arity;
      sp -= (uint32_t)arity;
      node = xiG_append(g, in->op, st[sp], arity > 1 ? st[sp + 1] : XI_NONE, in->pos);
      break;
    }
    case K_CALL:
      sp -= in->argc;
      rc = call(g, in, st + sp, &node, err);
      break;
    case K_GRAD:
      rc = grad_of(g, in, st[--sp], params, args, np, &node, err);
      break;
    }
    if (rc == 0 && node == XI_NONE)
      rc = failf(err, in->pos, "out of memory: the graph has %u nodes", g->n);
    st[sp++] = node;
  }
  if (rc == 0)
    *root = st[0];
  if (st != small)
    free(st);
  return rc;
}

/* ---- precision ---- */

int xiG_set_prec(xiG_graph *g, mpfr_prec_t prec, xi_err *err) {
  xiM_pool pool;
  xiM_init(&pool, prec);
  for (uint32_t i = 0; i < g->n; i++) { /* all first, so failing changes nothing */
    __mpfr_struct x;
    if (xiM_place(&pool, i, &x)) {
      xiM_free(&pool);
      err->msg[0] = '\0';
      snprintf(err->msg, sizeof err->msg, "out of memory for %u numbers of %ld bits", g->n,
               (long)prec);
      return -1;
    }
  }
  for (uint32_t i = 0; i < g->n; i++) {
    xiG_node *n = &g->nodes[i];
    __mpfr_struct old = n->v[0];
    xiM_place(&pool, i, n->v);
    if (n->op == XI_LEAF || n->op == XI_SNAP)
      mpfr_set(n->v, &old, MPFR_RNDN); /* exact when the precision grows */
    else if (n->op == XI_CONST)
      read_const(g, n);
  }
  xiM_free(&g->limbs);
  g->limbs = pool;
  g->prec = prec;
  g->fresh = 0;
  /* a leaf set from a constant expression is that expression at the new precision */
  for (uint32_t id = 0; id < g->nbind; id++) {
    xiG_binding *b = &g->bind[id];
    if (b->kind != B_NODE || b->src.n == 0 || g->nodes[b->node].op != XI_LEAF)
      continue;
    uint32_t mark = g->n, root;
    if (xiG_exec(g, &b->src, NULL, NULL, 0, &root, err) == 0 &&
        xiG_eval(g, root, err) == 0 && g->nodes[root].err == XI_OK)
      mpfr_set(g->nodes[b->node].v, g->nodes[root].v, MPFR_RNDN);
    xiG_truncate(g, mark);
  }
  g->fresh = 0;
  return 0;
}

/* ---- bindings ---- */

xiG_binding *xiG_binding_of(xiG_graph *g, uint32_t name) {
  if (name >= g->nbind || g->bind[name].kind == B_NONE)
    return NULL;
  return &g->bind[name];
}

static xiG_binding *slot(xiG_graph *g, uint32_t name) {
  if (name >= g->nbind) {
    uint32_t n = g->sym.n > name + 1 ? g->sym.n : name + 1;
    xiG_binding *b = realloc(g->bind, n * sizeof *b);
    if (!b)
      return NULL;
    memset(b + g->nbind, 0, (n - g->nbind) * sizeof *b);
    g->bind = b, g->nbind = n;
  }
  return &g->bind[name];
}

static char *dupstr(const char *s, size_t len) {
  char *d = malloc(len + 1);
  if (d) {
    memcpy(d, s, len);
    d[len] = '\0';
  }
  return d;
}

int xiG_bind_node(xiG_graph *g, uint32_t name, uint32_t node, char *text) {
  xiG_binding *b = slot(g, name);
  if (!b)
    return -1;
  clear_binding(b);
  b->kind = B_NODE;
  b->node = node;
  b->text = text;
  b->order = g->order++;
  if (g->nodes[node].name == XI_NONE)
    g->nodes[node].name = name;
  return 0;
}

int xiG_bind_func(xiG_graph *g, uint32_t name, const uint32_t *params, uint32_t np,
                  const xiP_code *body, const char *text, size_t len) {
  xiG_binding *b = slot(g, name);
  char *t = dupstr(text, len);
  uint32_t *p = malloc((np ? np : 1) * sizeof *p);
  xiP_code copy;
  if (!b || !t || !p || xiP_code_copy(&copy, body)) {
    free(t);
    free(p);
    return -1;
  }
  clear_binding(b);
  memcpy(p, params, np * sizeof *p);
  b->kind = B_FUNC;
  b->params = p;
  b->nparams = np;
  b->body = copy;
  b->text = t;
  b->order = g->order++;
  return 0;
}

void xiG_unbind(xiG_graph *g, uint32_t name) {
  if (name < g->nbind)
    clear_binding(&g->bind[name]);
}

const char *xiG_name_of(const xiG_graph *g, uint32_t i) {
  uint32_t name = g->nodes[i].name;
  if (name == XI_NONE || name >= g->nbind)
    return NULL;
  const xiG_binding *b = &g->bind[name];
  return b->kind == B_NODE && b->node == i ? xiS_name(&g->sym, name) : NULL;
}
