/* exec.c: building nodes from postfix code.  Each node is evaluated as it is
 * made, so an expression's value is fixed when its statement runs. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tape/graph.h"

static int failf(xi_err *err, xi_pos pos, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  err->pos = pos;
  vsnprintf(err->msg, sizeof err->msg, fmt, ap);
  va_end(ap);
  return -1;
}

typedef struct {
  const uint32_t *params, *args; /* a function's parameter names and their nodes */
  uint32_t np;
} scope;

static int resolve(xiG_graph *g, const scope *sc, uint32_t name, xi_pos pos, uint32_t *node,
                   xi_err *err) {
  for (uint32_t k = sc->np; k-- > 0;)
    if (sc->params[k] == name) {
      *node = sc->args[k];
      return 0;
    }
  return xiG_resolve(g, name, pos, node, err);
}

/* a user function's call: its body built with the parameters bound to args */
static int call(xiG_graph *g, const xiP_ins *in, const uint32_t *args, uint32_t *out,
                xi_err *err) {
  const char *name = xiS_name(&g->sym, in->arg);
  const xiG_binding *b = xiG_binding_of(g, in->arg);
  if (!b || b->kind != B_FUNC)
    return failf(err, in->pos, b ? "%s is not a function" : "unknown function '%s'", name);
  const xiG_func *f = xiG_func_of(g, b);
  if (f->nparams != in->argc)
    return failf(err, in->pos, "%s takes %u argument%s, not %u", name, f->nparams,
                 f->nparams == 1 ? "" : "s", in->argc);
  if (g->depth >= XI_CALL_DEPTH)
    return failf(err, in->pos, "function calls nested more than %d deep (does %s call itself?)",
                 XI_CALL_DEPTH, name);
  uint32_t first = g->n;
  g->depth++;
  int rc = xiG_exec(g, &f->body, f->params, args, f->nparams, out, err);
  g->depth--;
  if (rc) {
    char inner[sizeof err->msg];
    snprintf(inner, sizeof inner, "%s", err->msg);
    if (strncmp(inner, "in ", 3) == 0)
      return failf(err, in->pos, "%s", inner);
    return failf(err, in->pos, "in %s(...): %s", name, inner);
  }
  for (uint32_t i = first; i < g->n; i++)
    g->nodes[i].pos = in->pos; /* what is inside a call was written at the call */
  return 0;
}

/* grad(E, v), hessian(E, v), jacobian(E, v): v is a name */
static int derive(xiG_graph *g, const scope *sc, const xiP_ins *in, uint32_t e, uint32_t *out,
                  xi_err *err) {
  uint32_t v;
  if (resolve(g, sc, in->arg, in->pos, &v, err))
    return -1;
  if (!g->derive)
    return failf(err, in->pos, "derivatives are not available here");
  return g->derive(g->derive_ctx, g, in->op, e, v, in->arg, in->pos, out, err);
}

/* a whole number an op is built with (an axis, an index, a size); the two
   lowest int32 values are XI_COLON and XI_ALL_AXES, INT32_MAX "not given" */
static int whole(xiG_graph *g, uint32_t i, xi_pos pos, int32_t *out, xi_err *err) {
  xiG_node *n = &g->nodes[i];
  if (xiG_is_tensor(n) || !mpfr_integer_p(n->v) || mpfr_cmp_si(n->v, INT32_MAX - 1) > 0 ||
      mpfr_cmp_si(n->v, INT32_MIN + 2) < 0)
    return failf(err, pos, "expected a whole number here");
  *out = (int32_t)mpfr_get_si(n->v, MPFR_RNDN);
  return 0;
}

static int build_op(xiG_graph *g, const xiP_ins *in, const uint32_t *args, uint32_t *out,
                    xi_err *err) {
  const xiO_row *row = &xiO_table[in->op];
  int nparams = in->argc > row->arity ? in->argc - row->arity : 0;
  int32_t p[XI_NPARAMS];
  xiO_params_default(in->op, p); /* what a parameter left out means */
  for (int q = 0; q < nparams; q++)
    if (whole(g, args[row->arity + q], in->pos, &p[q], err))
      return -1;
  return xiG_op(g, in->op, args[0], row->arity > 1 ? args[1] : XI_NONE,
                nparams ? p : NULL, in->pos, out, err);
}

/* E[i, j]: in->op says which of the argc items are ':' */
static int build_index(xiG_graph *g, const xiP_ins *in, const uint32_t *items, uint32_t *out,
                       xi_err *err) {
  int32_t p[XI_NPARAMS] = {XI_COLON, in->argc > 1 ? XI_COLON : INT32_MAX, 0, 0, 0};
  uint32_t next = 1;
  for (int q = 0; q < in->argc; q++)
    if (!(in->op & (1u << q)) && whole(g, items[next++], in->pos, &p[q], err))
      return -1;
  return xiG_op(g, XI_INDEX, items[0], XI_NONE, p, in->pos, out, err);
}

/* zeros ones eye randn rand: values computed from no other value, so leaves */
static int build_maker(xiG_graph *g, const xiP_ins *in, const uint32_t *args, uint32_t *out,
                       xi_err *err) {
  int32_t d[2] = {1, 1};
  for (uint32_t q = 0; q < in->argc; q++) {
    if (whole(g, args[q], in->pos, &d[q], err))
      return -1;
    if (d[q] < 1)
      return failf(err, in->pos, "a size must be 1 or more, not %d", d[q]);
  }
  if (in->op == XI_MAKE_EYE)
    d[1] = d[0];
  xi_shape sh = {(uint8_t)(in->op == XI_MAKE_EYE ? 2 : in->argc), 1, 1};
  if (sh.rank == 1)
    sh.cols = (uint32_t)d[0];
  else if (sh.rank == 2)
    sh.rows = (uint32_t)d[0], sh.cols = (uint32_t)d[1];
  if ((uint64_t)sh.rows * sh.cols > XI_MAX_ELEMENTS)
    return failf(err, in->pos, "a tensor of %llu elements is over the limit of %u",
                 (unsigned long long)sh.rows * sh.cols, XI_MAX_ELEMENTS);
  *out = xiG_append(g, XI_LEAF, XI_NONE, XI_NONE, in->pos);
  if (*out == XI_NONE || (sh.rank && xiG_shape_node(g, *out, sh, NULL)))
    return xiG_oom(g, in->pos, err);
  xiG_node *n = &g->nodes[*out];
  for (uint32_t k = 0; k < xiG_count(n); k++) {
    if ((k & 1023) == 0 && xiO_stopped())
      return failf(err, in->pos, "interrupted");
    mpfr_ptr e = xiG_el(n, k);
    switch (in->op) {
    case XI_MAKE_ZEROS: mpfr_set_zero(e, 1); break;
    case XI_MAKE_ONES: mpfr_set_ui(e, 1, MPFR_RNDN); break;
    case XI_MAKE_EYE: mpfr_set_ui(e, k / sh.cols == k % sh.cols, MPFR_RNDN); break;
    case XI_MAKE_RANDN: mpfr_set_d(e, xiO_gauss(&g->rng), MPFR_RNDN); break;
    default: mpfr_set_d(e, xiO_uniform(&g->rng), MPFR_RNDN); break;
    }
  }
  return 0;
}

static int step(xiG_graph *g, const scope *sc, const xiP_ins *in, uint32_t *st, uint32_t *sp,
                xi_err *err) {
  uint32_t node = XI_NONE;
  int rc = 0;
  switch (in->kind) {
  case K_NUM:
    node = xiG_constant(g, in->arg, in->pos);
    if (node != XI_NONE && g->nodes[node].err)
      rc = failf(err, in->pos, "number out of range");
    break;
  case K_NAME:
    rc = resolve(g, sc, in->arg, in->pos, &node, err);
    break;
  case K_OP: {
    int arity = xiO_table[in->op].arity;
    *sp -= (uint32_t)(in->argc > arity ? in->argc : arity);
    rc = build_op(g, in, st + *sp, &node, err);
    break;
  }
  case K_INDEX: {
    uint32_t given = 0;
    for (int q = 0; q < in->argc; q++)
      given += !(in->op & (1u << q));
    *sp -= given + 1;
    rc = build_index(g, in, st + *sp, &node, err);
    break;
  }
  case K_LIST:
    *sp -= in->arg;
    rc = xiG_list(g, st + *sp, in->arg, in->pos, &node, err);
    break;
  case K_MAKE:
    *sp -= in->argc;
    rc = build_maker(g, in, st + *sp, &node, err);
    break;
  case K_CALL:
    *sp -= in->argc;
    rc = call(g, in, st + *sp, &node, err);
    break;
  case K_DERIV:
    rc = derive(g, sc, in, st[--*sp], &node, err);
    break;
  }
  if (rc == 0 && node == XI_NONE)
    rc = xiG_oom(g, in->pos, err);
  st[(*sp)++] = node;
  return rc;
}

int xiG_exec(xiG_graph *g, const xiP_code *code, const uint32_t *params,
             const uint32_t *args, uint32_t np, uint32_t *root, xi_err *err) {
  uint32_t small[64], sp = 0; /* most statements are short: no malloc */
  uint32_t *st = code->n < 64 ? small : malloc((code->n + 1) * sizeof *st);
  if (!st)
    return failf(err, code->n ? code->ins[0].pos : (xi_pos){0, 0}, "out of memory");
  scope sc = {params, args, np};
  int rc = 0;
  for (uint32_t k = 0; k < code->n && rc == 0; k++) {
    if (g->interrupt && *g->interrupt)
      rc = failf(err, code->ins[k].pos, "interrupted");
    else
      rc = step(g, &sc, &code->ins[k], st, &sp, err);
  }
  if (rc == 0)
    *root = st[0];
  if (st != small)
    free(st);
  return rc;
}
