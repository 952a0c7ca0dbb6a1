/* call.c: calls of functions, and functions as values.  A def's call runs
 * its body with its parameters bound (arrange puts the arguments in their
 * places, Python's way); a name called is a def, a class, or a value that can
 * be called (xiG_call_named).  A function as a value is a node of kind
 * XI_C_FUNC (python.h): a def by its name and the binding it had when read
 * (act = sigmoid), NumPy's np.tanh by xi's op, d.get with its dict, and a
 * lambda, a def of a name no one can write ("<lambda> 3:9 ..."), bound when
 * its code first runs and kept while the same code runs again.  Calling one
 * is calling the def, the op or d.get: the same nodes as the call written
 * out, so that grad flows through it.  A lambda reads the names of the scope
 * it was made in (a def's locals and parameters) when it is called, as
 * Python's closure does, while that scope runs; after, it says so. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tape/exec_int.h"
#include "tape/pyval_int.h"
#include "tape/names.h"

/* does f's body give parameter k a default (a K_DEFAULT for it)? */
static int has_default(const xiG_func *f, uint32_t k) {
  for (uint32_t i = 0; i < f->body.n && f->body.ins[i].kind == K_DEFAULT; i += f->body.ins[i].arg + 1)
    if (f->body.ins[i].argc == k)
      return 1;
  return 0;
}

/* f's arguments in the order of its parameters (full, f->nparams of them): the
   first `skip` given already (a method's self), the positional ones next, the
   keywords (the op K_CALLKW before in) in their places, XI_NONE where a default
   will be; Python's words when they do not fit (xi's own when f takes neither
   keywords nor defaults: f(x) = ...) */
static int arrange(const xiG_graph *g, const xiP_ins *in, const xiG_func *f, const char *name,
                   const uint32_t *args, uint32_t skip, uint32_t *full, xi_err *err) {
  uint32_t nkw = in->op, npos = in->argc - nkw;
  int plain = !nkw && !skip && !(f->body.n && f->body.ins[0].kind == K_DEFAULT);
  if (plain && in->argc != f->nparams)
    return xiX_fail(err, in->pos, "%s takes %u argument%s, not %u", name, f->nparams,
                    f->nparams == 1 ? "" : "s", in->argc);
  if (npos + skip > f->nparams)
    return xiX_fail(err, in->pos, "%s() takes %u positional argument%s but %u were given", name,
                    f->nparams, f->nparams == 1 ? "" : "s", npos + skip);
  for (uint32_t k = skip; k < f->nparams; k++)
    full[k] = k - skip < npos ? args[k - skip] : XI_NONE;
  for (uint32_t j = 0; j < nkw; j++) {
    uint32_t kw = in[(int)j - (int)nkw].arg, k = skip;
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
  for (uint32_t k = skip; k < f->nparams; k++)
    if (full[k] == XI_NONE && !has_default(f, k))
      return xiX_fail(err, in->pos, "%s() missing a required argument: '%s'", name,
                      xiS_name(&g->sym, f->params[k]));
  return 0;
}

/* f called: its parameters bound to args (self first, when not XI_NONE),
   its body run in a scope of its own that reads outer's names (a lambda's
   closure; NULL: none) */
static int call_body(xiG_graph *g, const xiP_ins *in, const xiG_func *f, const char *name,
                     uint32_t self, const uint32_t *args, xiG_scope *outer, uint32_t *out,
                     xi_err *err) {
  uint32_t skip = self != XI_NONE;
  if (skip && !f->nparams)
    return xiX_fail(err, in->pos, "%s() takes 0 positional arguments but 1 was given (a "
                                  "method's first parameter is the instance: def %s(self))",
                    name, name);
  uint32_t small[16], *full = f->nparams <= 16 ? small : malloc(f->nparams * sizeof *full);
  if (!full)
    return xiX_fail(err, in->pos, "out of memory");
  if (skip)
    full[0] = self;
  int rc = arrange(g, in, f, name, args, skip, full, err);
  if (rc == 0 && g->depth >= XI_CALL_DEPTH)
    rc = xiX_fail(err, in->pos, "function calls nested more than %d deep (does %s call itself?)",
                  XI_CALL_DEPTH, name);
  uint32_t first = g->n;
  xiP_code body = f->body; /* (a lambda made in the body may move g->func: its blocks stay) */
  const uint32_t *params = f->params;
  uint32_t np = f->nparams;
  if (rc == 0) {
    g->depth++;
    rc = xiG_exec_in(g, &body, params, full, np, outer, out, err);
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

int xiG_call_func(xiG_graph *g, const xiP_ins *in, const xiG_func *f, const char *name,
                  uint32_t self, const uint32_t *args, uint32_t *out, xi_err *err) {
  return call_body(g, in, f, name, self, args, NULL, out, err);
}

/* ---- functions as values ---- */

static int value_node(xiG_graph *g, int what, uint32_t text, uint32_t stamp, uint32_t frame,
                      const uint32_t *items, uint32_t n, xi_pos pos, uint32_t *out,
                      xi_err *err) {
  if (xiG_container(g, XI_C_FUNC, items, n, pos, out, err))
    return -1;
  int32_t *p = g->nodes[*out].x->p;
  p[XI_C_TEXT] = (int32_t)text, p[XI_FN_WHAT] = what;
  p[XI_FN_STAMP] = (int32_t)stamp, p[XI_FN_FRAME] = (int32_t)frame;
  return 0;
}

int xiG_func_value(xiG_graph *g, uint32_t name, xi_pos pos, uint32_t *out, xi_err *err) {
  const xiG_binding *b = xiG_binding_of(g, name);
  return value_node(g, XI_FN_DEF, name, b->order, 0, NULL, 0, pos, out, err);
}

int xiG_func_get(xiG_graph *g, uint32_t d, xi_pos pos, uint32_t *out, xi_err *err) {
  if (xiG_kind(g, d) != XI_C_DICT)
    return xiX_fail(err, pos, "'%s' object has no attribute 'get' (AttributeError: a dict has "
                              "it)", xiG_type_of(g, d));
  uint32_t id = xiS_intern(&g->sym, "dict.get", 8);
  return id == XI_NONE ? xiG_oom(g, pos, err)
                       : value_node(g, XI_FN_GET, id, 0, 0, &d, 1, pos, out, err);
}

const char *xiG_func_name(const xiG_graph *g, uint32_t f) {
  uint32_t id = (uint32_t)g->nodes[f].x->p[XI_C_TEXT];
  const char *s = xiS_name(&g->sym, id);
  if (strncmp(s, "<def> ", 6) == 0) { /* a def inside a def: its name, kept as its text */
    const xiG_binding *b = id < g->nbind ? &g->bind[id] : NULL;
    return b && b->kind == B_FUNC ? g->func[b->node].text : "<def>";
  }
  return strncmp(s, "<lambda>", 8) == 0 ? "<lambda>" : s;
}

/* A lambda's K_FUNC h comes after its own instructions: b[1] to b[h->arg]
   (b = h - h->arg - 1), its parameters first */

/* the same as f's parameters and body? */
static int same_code(const xiG_func *f, const xiP_ins *h, const xiP_ins *b) {
  const xiP_ins *body = b + 1 + h->argc;
  if (f->nparams != h->argc || f->body.n != h->arg - h->argc)
    return 0;
  for (uint32_t k = 0; k < h->argc; k++)
    if (f->params[k] != b[1 + k].arg)
      return 0;
  for (uint32_t k = 0; k < f->body.n; k++) {
    const xiP_ins *x = &f->body.ins[k], *y = &body[k];
    if (x->kind != y->kind || x->op != y->op || x->spare != y->spare || x->argc != y->argc ||
        x->arg != y->arg || x->pos.line != y->pos.line || x->pos.col != y->pos.col)
      return 0;
  }
  return 1;
}

/* the hidden name of the lambda whose K_FUNC is h, bound to its function
   (the one bound already when its code is the same); XI_NONE: out of memory */
static uint32_t lambda_name(xiG_graph *g, const xiP_ins *h, const xiP_ins *b) {
  uint32_t hash = 2166136261u, np = h->argc;
  const xiP_ins *last = &b[h->arg]; /* a def inside a def: its name last (code.h) */
  const char *def = h->arg > np && last->kind == K_CALLKW && last->op == XI_KW_DEFNAME
                        ? xiS_name(&g->sym, last->arg) : NULL;
  for (uint32_t k = 1; k <= h->arg; k++) { /* (field by field: a struct's padding is not) */
    uint32_t v[4] = {b[k].kind | (uint32_t)b[k].op << 8 | (uint32_t)b[k].spare << 16,
                     b[k].argc, b[k].arg, b[k].pos.line ^ b[k].pos.col << 20};
    for (int q = 0; q < 4; q++)
      hash = (hash ^ v[q]) * 16777619u;
  }
  for (uint32_t again = 0; again < 16; again++) {
    char text[80];
    int len = snprintf(text, sizeof text, "%s %u:%u %08x", def ? "<def>" : "<lambda>",
                       h->pos.line, h->pos.col, hash);
    if (again)
      len += snprintf(text + len, sizeof text - (size_t)len, "#%u", again);
    uint32_t id = xiS_intern(&g->sym, text, (size_t)len);
    if (id == XI_NONE)
      return XI_NONE;
    const xiG_binding *bd = xiG_binding_of(g, id);
    if (bd && bd->kind == B_FUNC && same_code(xiG_func_of(g, bd), h, b))
      return id;
    if (bd) /* (another lambda's, whose hash is the same: never bound anew while it runs) */
      continue;
    uint32_t *params = malloc((np ? np : 1) * sizeof *params);
    if (!params)
      return XI_NONE;
    for (uint32_t k = 0; k < np; k++)
      params[k] = b[1 + k].arg;
    xiP_code body = {(xiP_ins *)(b + 1 + np), h->arg - np, h->arg - np};
    int rc = xiG_bind_func(g, id, params, np, &body, def ? def : "lambda",
                           def ? strlen(def) : 6);
    free(params);
    return rc ? XI_NONE : id;
  }
  return XI_NONE;
}

/* the scope whose names the lambda h reads, made in sc: sc when it reads a
   local or a parameter there or in the scopes sc reads, else NULL (it reads
   the session's names, when it is called).  A comprehension's variable is
   refused: Python's closure reads it when called, after the comprehension */
static int closure_of(xiG_graph *g, xiG_scope *sc, const xiP_ins *h, const xiP_ins *b,
                      uint32_t *frame, xi_err *err) {
  *frame = 0;
  for (uint32_t k = 1 + h->argc; k <= h->arg; k++) {
    const xiP_ins *in = &b[k];
    if (in->kind != K_NAME && in->kind != K_CALL && in->kind != K_DERIV)
      continue;
    int param = 0;
    for (uint32_t q = 0; q < h->argc && !param; q++)
      param = b[1 + q].arg == in->arg;
    uint32_t node;
    if (param || !xiG_local(sc, in->arg, &node))
      continue;
    for (uint32_t q = sc->comp; q < sc->nlocal; q++)
      if (sc->local[q][0] == in->arg)
        return xiX_fail(err, in->pos, "this lambda reads %s, a comprehension's variable: "
                                      "Python's lambda reads it when it is called, after the "
                                      "comprehension, so every one would see its last value; "
                                      "xi does not make such lambdas (give %s as an argument "
                                      "where the lambda is called)",
                        xiS_name(&g->sym, in->arg), xiS_name(&g->sym, in->arg));
    *frame = sc->serial;
    sc->captured = 1;
  }
  return 0;
}

/* the scope numbered serial, running (g->frames) or kept (g->envs); a kept one is
   made anew (malloc'd, with its outer ones: *made, which free_scopes lets go) */
static xiG_scope *find_scope(xiG_graph *g, unsigned serial, xiG_scope **made, int depth) {
  for (xiG_scope *f = g->frames; f; f = f->up)
    if (f->serial == serial)
      return f;
  const xiG_env *v = xiG_env_find(g, serial);
  if (!v || depth > 64)
    return NULL;
  xiG_scope *sc = calloc(1, sizeof *sc);
  uint32_t(*local)[2] = sc ? malloc((v->n ? v->n : 1) * sizeof *local) : NULL;
  if (!local) {
    free(sc);
    return NULL;
  }
  sc->local = local, sc->caplocal = v->n, sc->serial = serial, sc->comp = UINT32_MAX;
  sc->envbind = v->bind, sc->up = *made, *made = sc; /* (up: the list of those made) */
  for (uint32_t q = 0; q < v->n; q++)
    if (v->bind[q] < g->nbind && g->bind[v->bind[q]].kind == B_NODE) {
      sc->local[sc->nlocal][0] = v->name[q];
      sc->local[sc->nlocal++][1] = g->bind[v->bind[q]].node;
    }
  sc->envbind = NULL; /* (the names kept may have lost some: read again by name) */
  if (sc->nlocal == v->n)
    sc->envbind = v->bind;
  if (v->outer && !(sc->outer = find_scope(g, v->outer, made, depth + 1)))
    return NULL;
  return sc;
}

static void free_scopes(xiG_scope *made) {
  while (made) {
    xiG_scope *up = made->up;
    free(made->local);
    free(made);
    made = up;
  }
}

int xiG_make_func(xiG_graph *g, xiG_scope *sc, const xiP_code *code, uint32_t *k,
                  uint32_t *out, xi_err *err) {
  const xiP_ins *h = &code->ins[*k];
  if (h->op == XI_FN_OP) /* np.tanh: the op, and how a call of it reads (math.log's) */
    return value_node(g, XI_FN_OP, h->arg, h->argc, h->spare, NULL, 0, h->pos, out, err);
  const xiP_ins *b = h - h->arg - 1;
  uint32_t frame, id;
  if (closure_of(g, sc, h, b, &frame, err))
    return -1;
  if ((id = lambda_name(g, h, b)) == XI_NONE)
    return xiG_oom(g, h->pos, err);
  return value_node(g, XI_FN_DEF, id, xiG_binding_of(g, id)->order, frame, NULL, 0, h->pos,
                    out, err);
}

/* np.tanh(args) through its value: xi's op, as the call written out */
static int call_op(xiG_graph *g, const xiP_ins *in, uint32_t f, const uint32_t *args,
                   uint32_t *out, xi_err *err) {
  const char *name = xiG_func_name(g, f);
  int op = g->nodes[f].x->p[XI_FN_STAMP];
  const xiO_row *row = &xiO_table[op];
  if (in->op)
    return xiX_fail(err, in->pos, "%s called through a value takes its arguments by position "
                                  "(keywords: call %s(...) itself)", name, name);
  if (in->argc != row->arity || row->params > 0) {
    int other = row->name ? xiO_lookup_args(row->name, strlen(row->name), in->argc) : -1;
    if (other < 0 && (in->argc < row->arity || in->argc > row->arity + xiO_params_hi(row)))
      return xiX_fail(err, in->pos, "%s takes %d argument%s, not %u", name, row->arity,
                      row->arity == 1 ? "" : "s", in->argc);
    op = other >= 0 ? other : op;
    row = &xiO_table[op];
  }
  uint32_t given = in->argc - (uint32_t)row->arity, buf[8];
  /* the spare of the call written out: f = math.log; f(0) raises as math.log(0) does, f =
     np.round; f(2.675, 2) is 2.68 as np.round's */
  uint8_t flags = (uint8_t)(g->nodes[f].x->p[XI_FN_FRAME] & (XI_OPF_MATH | XI_OPF_NPROUND));
  xiP_ins ins = {K_OP, (uint8_t)op, (uint8_t)(XI_OPF_NP | flags), in->argc,
                 given ? (1u << given) - 1 : 0, in->pos};
  if (in->argc > 8)
    return xiX_fail(err, in->pos, "%s takes at most 8 arguments", name);
  memcpy(buf, args, in->argc * sizeof *buf);
  if (xiG_holds_container(g, buf, in->argc))
    return xiG_py_operands(g, &ins, buf, (uint32_t)row->arity, out, err);
  return xiG_run_op(g, &ins, buf, out, err);
}

/* a def's or a lambda's call through its value: the function its name had
   when the value was made, reading the scope a lambda was made in */
static int call_def(xiG_graph *g, const xiP_ins *in, uint32_t f, const uint32_t *args,
                    uint32_t *out, xi_err *err) {
  const int32_t *p = g->nodes[f].x->p;
  uint32_t name = (uint32_t)p[XI_C_TEXT], frame = (uint32_t)p[XI_FN_FRAME];
  const char *shown = xiG_func_name(g, f);
  const xiG_binding *b = xiG_binding_of(g, name);
  if (!b || b->kind != B_FUNC || b->order != (uint32_t)p[XI_FN_STAMP])
    return xiX_fail(err, in->pos, "this value is the function %s as it was when it was read, "
                                  "and %s has been %s since: read it again (act = %s)",
                    shown, shown, b ? "defined anew" : "deleted", shown);
  xiG_scope *outer = NULL, *made = NULL;
  if (frame && !(outer = find_scope(g, frame, &made, 0))) {
    free_scopes(made);
    return xiX_fail(err, in->pos, "%s reads the names of the def it was made in, which xi "
                                  "no longer holds (out of memory, or the line that made it "
                                  "failed)", shown);
  }
  int rc = call_body(g, in, xiG_func_of(g, b), shown, XI_NONE, args, outer, out, err);
  free_scopes(made);
  return rc;
}

int xiG_call_value(xiG_graph *g, const xiP_ins *in, uint32_t v, const char *what,
                   const uint32_t *args, uint32_t *out, xi_err *err) {
  if (xiG_kind(g, v) != XI_C_FUNC) /* an object with __call__, or not callable */
    return xiG_call_object(g, in, v, what, args, out, err);
  switch (g->nodes[v].x->p[XI_FN_WHAT]) {
  case XI_FN_OP:
    return call_op(g, in, v, args, out, err);
  case XI_FN_GET: {
    if (in->op || in->argc < 1 || in->argc > 2)
      return xiX_fail(err, in->pos, "dict.get takes 1 or 2 arguments, by position");
    uint32_t a[3] = {g->nodes[v].x->args[0], args[0], in->argc > 1 ? args[1] : XI_NONE};
    return xiG_py_call(g, XI_PY_GET, a, 1 + in->argc, in->pos, out, err);
  }
  default:
    return call_def(g, in, v, args, out, err);
  }
}

int xiG_call_named(xiG_graph *g, const xiG_scope *sc, const xiP_ins *in, const uint32_t *args,
                   uint32_t *out, xi_err *err) {
  const char *name = xiS_name(&g->sym, in->arg);
  uint32_t v;
  if (xiG_local(sc, in->arg, &v) && v != XI_NONE) /* f(x), f a def's parameter or local */
    return xiG_call_value(g, in, v, name, args, out, err);
  const xiG_binding *b = xiG_binding_of(g, in->arg);
  if (b && b->kind == B_NODE && !g->numpy && xiG_kind(g, b->node) < 0)
    return xiX_fail(err, in->pos, "%s is not a function", name);
  if (b && b->kind == B_NODE) /* net(X): __call__; act(z), act = sigmoid */
    return xiG_call_value(g, in, b->node, name, args, out, err);
  if (!b)
    return xiX_fail(err, in->pos, "unknown function '%s'", name);
  const xiG_func *f = xiG_func_of(g, b);
  if (f->is_class)
    return xiG_construct(g, in, args, out, err);
  return xiG_call_func(g, in, f, name, XI_NONE, args, out, err);
}

/* ---- key= ---- */

int xiG_py_keyed(xiG_graph *g, int which, int given, const uint32_t *args, uint32_t n,
                 xi_pos pos, uint32_t *out, xi_err *err) {
  uint32_t npos = n - (given & XI_PY_KEY ? 1 : 0) - (given & XI_PY_REVERSE ? 1 : 0);
  uint32_t key = given & XI_PY_KEY ? args[npos] : XI_NONE, m, *items = NULL, *keys = NULL;
  int reverse = 0, sorted = which == XI_PY_SORTED || which == XI_PY_SORT, rc = 0;
  const char *name = which == XI_PY_SORT ? "sort" : sorted ? "sorted"
                     : which == XI_PY_MAX ? "max" : "min";
  if (which == XI_PY_SORT && xiG_kind(g, args[0]) != XI_C_LIST &&
      xiG_kind(g, args[0]) != XI_C_ULIST) /* xs.sort(key=f): a list's */
    return xiX_fail(err, pos, "%s.sort(%s) is not part of xi: a list's sort takes them "
                              "(sorted(x, key=f) makes a sorted list of anything walked)",
                    xiG_type_of(g, args[0]), given & XI_PY_KEY ? "key=" : "reverse=");
  if (key != XI_NONE && xiG_kind(g, key) == XI_C_NONE) /* key=None: the items themselves */
    key = XI_NONE;
  if (given & XI_PY_REVERSE) {
    uint32_t r = args[n - 1];
    if (xiG_kind(g, r) >= 0 || xiG_is_tensor(&g->nodes[r]))
      return xiX_fail(err, pos, "reverse= takes True or False, not a %s", xiG_type_of(g, r));
    reverse = !mpfr_zero_p(g->nodes[r].v);
  }
  int ck = xiG_kind(g, args[0]);
  if ((sorted || npos == 1) && (ck == XI_C_SET || ck == XI_C_ULIST) && key != XI_NONE)
    return xiX_fail(err, pos, "%s(a set, key=...) is not part of xi: which of equal keys comes "
                              "first is CPython's hash order (sort the set first, "
                              "sorted(s), then by key)", name);
  if (sorted || npos == 1) { /* sorted(xs), max(xs): over its items */
    if ((ck == XI_C_SET || ck == XI_C_ULIST) && !sorted) { /* (no key: xi's usual rules) */
      uint32_t a[1] = {args[0]};
      return xiG_py_call(g, which, a, 1, pos, out, err);
    }
    if (ck == XI_C_SET || ck == XI_C_ULIST) { /* sorted(s, reverse=True): its items, which
                                                 the sort below puts in their order */
      m = g->nodes[args[0]].x->nargs;
      if (!(items = malloc((m ? m : 1) * sizeof *items)))
        return xiG_oom(g, pos, err);
      memcpy(items, g->nodes[args[0]].x->args, m * sizeof *items);
    } else if (xiG_walk_all(g, args[0], pos, &items, &m, err)) {
      return -1;
    }
  } else if (!(items = malloc(npos * sizeof *items))) {
    return xiG_oom(g, pos, err);
  } else {
    memcpy(items, args, npos * sizeof *items);
    m = npos;
  }
  if (!(keys = malloc((m ? m : 1) * sizeof *keys)))
    rc = xiG_oom(g, pos, err);
  xiP_ins call = {K_CALLV, 0, 0, 1, 0, pos};
  for (uint32_t k = 0; k < m && rc == 0; k++)
    if (key == XI_NONE)
      keys[k] = items[k];
    else if (xiG_call_value(g, &call, key, "key=", &items[k], &keys[k], err))
      rc = -1;
  if (rc == 0 && sorted && (rc = xiG_sort_keyed(g, items, keys, m, reverse, pos, err)) == 0)
    rc = xiG_container(g, XI_C_LIST, items, m, pos, out, err);
  if (rc == 0 && which == XI_PY_SORT) { /* the pair (xs, xs sorted) that S_MUTATE gives
                                           every holder of xs, as xs.sort() (pyset.c) */
    uint32_t pair[2] = {args[0], *out};
    rc = xiG_container(g, XI_C_TUPLE, pair, 2, pos, out, err);
  }
  if (rc == 0 && !sorted) {
    uint32_t best = 0;
    if (m == 0)
      rc = xiX_fail(err, pos, "%s() of an empty sequence (ValueError)", name);
    if (rc == 0)
      rc = xiG_py_orderable(g, keys, m, name, 1, pos, err);
    for (uint32_t k = 0; k < m && rc == 0; k++) {
      uint32_t a = keys[k];
      if (which == XI_PY_MAX ? xiG_py_less(g, keys[best], a) : xiG_py_less(g, a, keys[best]))
        best = k; /* Python's rule: a later one replaces only when greater (less) */
    }
    if (rc == 0)
      *out = items[best];
  }
  free(items);
  free(keys);
  return rc;
}
