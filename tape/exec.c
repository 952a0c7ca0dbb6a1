/* exec.c: building nodes from postfix code.  Each node is evaluated as it is
 * made, so an expression's value is fixed when its statement runs. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tape/graph.h"

typedef struct {
  const uint32_t *params, *args; /* a function's parameter names and their nodes */
  uint32_t np;
  uint32_t (*local)[2]; /* a def's locals, (name, node), in the order made */
  uint32_t nlocal, caplocal;
} scope;

static int resolve(xiG_graph *g, const scope *sc, uint32_t name, xi_pos pos, uint32_t *node,
                   xi_err *err) {
  for (uint32_t k = sc->nlocal; k-- > 0;)
    if (sc->local[k][0] == name) {
      *node = sc->local[k][1];
      return 0;
    }
  for (uint32_t k = sc->np; k-- > 0;)
    if (sc->params[k] == name) {
      *node = sc->args[k];
      return 0;
    }
  if (xiG_resolve(g, name, pos, node, err) == 0)
    return 0;
  if (strcmp(xiS_name(&g->sym, name), "None") == 0)
    return xiX_fail(err, pos, "None is not a value in xi");
  return -1;
}

/* K_LET: a local of a def takes the value node */
static int let(scope *sc, uint32_t name, uint32_t node, xi_pos pos, xi_err *err) {
  for (uint32_t k = 0; k < sc->nlocal; k++)
    if (sc->local[k][0] == name) {
      sc->local[k][1] = node;
      return 0;
    }
  if (sc->nlocal == sc->caplocal) {
    uint32_t cap = sc->caplocal ? 2 * sc->caplocal : 8;
    uint32_t (*l)[2] = realloc(sc->local, cap * sizeof *l);
    if (!l)
      return xiX_fail(err, pos, "out of memory");
    sc->local = l, sc->caplocal = cap;
  }
  sc->local[sc->nlocal][0] = name;
  sc->local[sc->nlocal++][1] = node;
  return 0;
}

/* does f's body give parameter k a default (a K_DEFAULT for it)? */
static int has_default(const xiG_func *f, uint32_t k) {
  for (uint32_t i = 0; i < f->body.n && f->body.ins[i].kind == K_DEFAULT; i += f->body.ins[i].arg + 1)
    if (f->body.ins[i].argc == k)
      return 1;
  return 0;
}

/* f's arguments in the order of its parameters (full, f->nparams of them): the
   positional ones first, the keywords (the op K_CALLKW before in) in their
   places, XI_NONE where a default will be; Python's words when they do not fit
   (xi's own when f takes neither keywords nor defaults: f(x) = ...) */
static int arrange(const xiG_graph *g, const xiP_ins *in, const xiG_func *f, const char *name,
                   const uint32_t *args, uint32_t *full, xi_err *err) {
  uint32_t nkw = in->op, npos = in->argc - nkw;
  int plain = !nkw && !(f->body.n && f->body.ins[0].kind == K_DEFAULT);
  if (plain && in->argc != f->nparams)
    return xiX_fail(err, in->pos, "%s takes %u argument%s, not %u", name, f->nparams,
                    f->nparams == 1 ? "" : "s", in->argc);
  if (npos > f->nparams)
    return xiX_fail(err, in->pos, "%s() takes %u positional argument%s but %u were given", name,
                    f->nparams, f->nparams == 1 ? "" : "s", npos);
  for (uint32_t k = 0; k < f->nparams; k++)
    full[k] = k < npos ? args[k] : XI_NONE;
  for (uint32_t j = 0; j < nkw; j++) {
    uint32_t kw = in[(int)j - (int)nkw].arg, k = 0;
    while (k < f->nparams && f->params[k] != kw)
      k++;
    if (k == f->nparams)
      return xiX_fail(err, in->pos, "%s() got an unexpected keyword argument '%s'", name,
                      xiS_name(&g->sym, kw));
    if (full[k] != XI_NONE)
      return xiX_fail(err, in->pos, "%s() got multiple values for argument '%s'", name,
                      xiS_name(&g->sym, kw));
    full[k] = args[npos + j];
  }
  for (uint32_t k = 0; k < f->nparams; k++)
    if (full[k] == XI_NONE && !has_default(f, k))
      return xiX_fail(err, in->pos, "%s() missing a required argument: '%s'", name,
                      xiS_name(&g->sym, f->params[k]));
  return 0;
}

/* a user function's call: its body built with the parameters bound to args */
static int call(xiG_graph *g, const xiP_ins *in, const uint32_t *args, uint32_t *out,
                xi_err *err) {
  const char *name = xiS_name(&g->sym, in->arg);
  const xiG_binding *b = xiG_binding_of(g, in->arg);
  if (!b || b->kind != B_FUNC)
    return xiX_fail(err, in->pos, b ? "%s is not a function" : "unknown function '%s'", name);
  const xiG_func *f = xiG_func_of(g, b);
  uint32_t small[16], *full = f->nparams <= 16 ? small : malloc(f->nparams * sizeof *full);
  if (!full)
    return xiX_fail(err, in->pos, "out of memory");
  int rc = arrange(g, in, f, name, args, full, err);
  if (rc == 0 && g->depth >= XI_CALL_DEPTH)
    rc = xiX_fail(err, in->pos, "function calls nested more than %d deep (does %s call itself?)",
                  XI_CALL_DEPTH, name);
  uint32_t first = g->n;
  if (rc == 0) {
    g->depth++;
    rc = xiG_exec(g, &f->body, f->params, full, f->nparams, out, err);
    g->depth--;
    if (rc) {
      char inner[sizeof err->msg];
      snprintf(inner, sizeof inner, "%s", err->msg);
      if (strncmp(inner, "in ", 3) == 0)
        xiX_fail(err, in->pos, "%s", inner);
      else
        xiX_fail(err, in->pos, "in %s(...): %s", name, inner);
    }
  }
  if (full != small)
    free(full);
  if (rc)
    return -1;
  for (uint32_t i = first; i < g->n; i++)
    g->nodes[i].pos = in->pos; /* what is inside a call was written at the call */
  return 0;
}

/* a if c else b, a and b, a or b: c (a) one number, true when it is not 0
   (NaN is true, as in Python) */
static int truth(xiG_graph *g, uint32_t c, xi_pos pos, int *holds, xi_err *err) {
  if (xiG_no_tuple(g, c, pos, "a condition", err))
    return -1;
  if (xiG_count(&g->nodes[c]) != 1)
    return xiX_fail(err, pos, "a condition (a if c else b, and, or) takes one number, and this "
                              "is an array of %u: its truth is ambiguous (NumPy says so too; "
                              "np.where(c, a, b) chooses by element, (a > 0) * (b > 0) is and "
                              "by element)", xiG_count(&g->nodes[c]));
  *holds = !mpfr_zero_p(xiG_el(&g->nodes[c], 0));
  return 0;
}

/* grad(E, v), hessian(E, v), jacobian(E, v), jvp(E, v, dir): v is a name */
static int derive(xiG_graph *g, const scope *sc, const xiP_ins *in, uint32_t e, uint32_t dir,
                  uint32_t *out, xi_err *err) {
  uint32_t v;
  if (resolve(g, sc, in->arg, in->pos, &v, err))
    return -1;
  if (xiG_no_tuple(g, e, in->pos, "a derivative", err) ||
      xiG_no_tuple(g, v, in->pos, "a derivative", err) ||
      (dir != XI_NONE && xiG_no_tuple(g, dir, in->pos, "a direction", err)))
    return -1;
  if (!g->derive)
    return xiX_fail(err, in->pos, "derivatives are not available here");
  return g->derive(g->derive_ctx, g, in->op, e, v, in->arg, dir, in->pos, out, err);
}

/* An op with its parameters (whole numbers after the operands): in->arg
   says which parameter each is (bit q: p[q] given), or 0 for the first
   ones in order.  np.dot of a scalar multiplies. */
static int build_op(xiG_graph *g, const xiP_ins *in, const uint32_t *args, uint32_t *out,
                    xi_err *err) {
  const xiO_row *row = &xiO_table[in->op];
  int nparams = in->argc > row->arity ? in->argc - row->arity : 0;
  int32_t p[XI_NPARAMS];
  xiO_params_default(in->op, p); /* what a parameter left out means */
  for (int q = 0, slot = 0; q < nparams; q++, slot++) {
    while (in->arg && !(in->arg & (1u << slot)))
      slot++;
    if (slot >= XI_NPARAMS || xiG_whole(g, args[row->arity + q], in->pos, &p[slot], err))
      return slot >= XI_NPARAMS ? xiX_fail(err, in->pos, "too many parameters") : -1;
  }
  int op = in->op;
  if ((in->spare & XI_OPF_DOT) && (!xiG_is_tensor(&g->nodes[args[0]]) ||
                                   !xiG_is_tensor(&g->nodes[args[1]])))
    op = XI_MUL; /* np.dot(3.0, x) */
  if (op == XI_POW && g->nodes[args[0]].op == XI_CONST && g->nodes[args[0]].aux == XI_LIT_E)
    return xiG_op(g, XI_EXP, args[1], XI_NONE, NULL, in->pos, out, err); /* e^x is exp(x) */
  return xiG_op(g, op, args[0], row->arity > 1 ? args[1] : XI_NONE, nparams ? p : NULL,
                in->pos, out, err);
}

/* the number of the index items on the stack (the ':' ones are not) */
static uint32_t given(const xiP_ins *in) { return xiP_ix_items(in->argc, in->op, in->arg); }

/* K_UNPACK: the tuple at the top replaced by its items */
static int unpack(xiG_graph *g, const xiP_ins *in, uint32_t *st, uint32_t *sp, xi_err *err) {
  uint32_t t = st[--*sp];
  if (!xiG_is_tuple(g, t))
    return xiX_fail(err, in->pos, "only a tuple unpacks into names (a, b = f(x) where f returns "
                               "a, b); this is one value");
  xiG_ext *x = g->nodes[t].x;
  if (x->nargs != in->argc)
    return xiX_fail(err, in->pos, "%u names take the items of a tuple of %u", in->argc, x->nargs);
  for (uint32_t k = 0; k < x->nargs; k++)
    st[(*sp)++] = x->args[k];
  return 0;
}

static int step(xiG_graph *g, scope *sc, const xiP_ins *in, uint32_t *st, uint32_t *sp,
                xi_err *err) {
  uint32_t node = XI_NONE;
  int rc = 0;
  switch (in->kind) {
  case K_NUM:
    node = xiG_constant(g, in->arg, in->pos);
    if (node != XI_NONE && g->nodes[node].err)
      rc = xiX_fail(err, in->pos, "number out of range");
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
  case K_INDEX:
    *sp -= given(in) + 1;
    rc = xiG_index(g, st[*sp], st + *sp + 1, in->argc, in->op, in->arg, in->pos, &node, err);
    break;
  case K_INDEXSET:
    *sp -= given(in) + 2;
    rc = xiG_index_set(g, st[*sp], st + *sp + 1, in->argc, in->op, in->arg, in->spare,
                       st[*sp + 1 + given(in)], in->pos, &node, err);
    break;
  case K_LIST:
    *sp -= in->arg;
    rc = xiG_list(g, st + *sp, in->arg, in->pos, &node, err);
    break;
  case K_TUPLE:
    *sp -= in->argc;
    rc = xiG_tuple(g, st + *sp, in->argc, in->pos, &node, err);
    break;
  case K_MAKE:
    *sp -= in->argc;
    rc = in->op >= XI_MAKE_LINSPACE
             ? xiG_draw(g, in->op, st + *sp, in->arg, in->pos, &node, err)
             : xiG_make(g, in->op, st + *sp, in->argc, in->pos, &node, err);
    break;
  case K_NPCALL:
    *sp -= in->argc;
    rc = xiG_npcall(g, in->op, st + *sp, in->arg, in->pos, &node, err);
    break;
  case K_ATTR: {
    uint32_t x = st[--*sp];
    rc = in->op == XI_ATTR_ARRAY && xiG_is_tuple(g, x)
             ? xiG_array_of_tuple(g, x, in->pos, &node, err)
             : xiG_attr(g, in->op, x, in->pos, &node, err);
    break;
  }
  case K_RESHAPE:
    *sp -= in->argc + 1u;
    rc = xiG_reshape(g, st[*sp], st + *sp + 1, in->argc, in->pos, &node, err);
    break;
  case K_CALL:
    *sp -= in->argc;
    rc = call(g, in, st + *sp, &node, err);
    break;
  case K_DERIV: { /* jvp's direction is on top, E under it */
    uint32_t dir = in->op == XI_D_JVP ? st[--*sp] : XI_NONE;
    rc = derive(g, sc, in, st[--*sp], dir, &node, err);
    break;
  }
  case K_LET:
    return let(sc, in->arg, st[--*sp], in->pos, err);
  case K_UNPACK:
    return unpack(g, in, st, sp, err);
  case K_DUP:
    node = st[*sp - 1];
    break;
  case K_CALLKW: /* the K_CALL after it reads the name */
    return 0;
  case K_DROP:
    --*sp;
    return 0;
  case K_DEFAULT: /* (xiG_exec's loop takes these) */
  case K_SKIPF:
  case K_SKIP:
    return 0;
  case K_SWAP:
    node = st[*sp - 1], st[*sp - 1] = st[*sp - 2], st[*sp - 2] = node;
    return 0;
  }
  if (rc == 0 && node == XI_NONE)
    rc = xiG_oom(g, in->pos, err);
  st[(*sp)++] = node;
  return rc;
}

int xiG_exec(xiG_graph *g, const xiP_code *code, const uint32_t *params,
             const uint32_t *args, uint32_t np, uint32_t *root, xi_err *err) {
  uint32_t small[64], sp = 0, need = code->n + 1; /* most statements are short: no malloc */
  for (uint32_t k = 0; k < code->n; k++) /* unpacking pushes more than one */
    need += code->ins[k].kind == K_UNPACK ? code->ins[k].argc : 0;
  uint32_t *st = need <= 64 ? small : malloc(need * sizeof *st);
  if (!st)
    return xiX_fail(err, code->n ? code->ins[0].pos : (xi_pos){0, 0}, "out of memory");
  scope sc = {params, args, np, NULL, 0, 0};
  int rc = 0;
  for (uint32_t k = 0; k < code->n && rc == 0; k++) {
    const xiP_ins *in = &code->ins[k];
    if (g->interrupt && *g->interrupt)
      rc = xiX_fail(err, in->pos, "interrupted");
    else if (in->kind == K_SKIP)
      k += in->arg;
    else if (in->kind == K_DEFAULT) /* the parameter given: its default is not computed */
      k += in->argc < np && args[in->argc] != XI_NONE ? in->arg : 0;
    else if (in->kind == K_SKIPF) {
      int holds = 0;
      rc = truth(g, st[--sp], in->pos, &holds, err);
      k += rc == 0 && holds == in->op ? in->arg : 0; /* op 0: skip when false */
    } else
      rc = step(g, &sc, in, st, &sp, err);
  }
  if (rc == 0)
    *root = st[sp - 1];
  free(sc.local);
  if (st != small)
    free(st);
  return rc;
}
