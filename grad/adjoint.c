/* adjoint.c: derivatives built as nodes of the tape, so that they can be
 * differentiated again: grad(grad(y, x), x), hessian, jacobian.
 *
 * An elementwise op's local partial is its formula in the op table (an xi
 * expression in a, b and o), compiled once and built on the node's operands;
 * a tensor op's is its row's gvjp.  A GRAD node keeps its graph, once built,
 * in aux; the part of the tape above it that a sweep must go through is
 * replayed on that graph (xiA_prepare), so that operands stay before their
 * consumers. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grad/adjoint.h"
#include "grad/tangent.h" /* xiF_jvp */
#include "syntax/parse.h" /* xiP_formula */
#include "tape/names.h"

/* ---- building nodes for the rules ---- */

typedef struct {
  xiO_build bd; /* first: the rules get a pointer to it */
  xiG_graph *g;
  xi_pos at;
  xi_err *err;
  int failed;
} builder;

static uint32_t b_op(xiO_build *bd, int op, uint32_t a, uint32_t b, const int32_t *p) {
  builder *B = (builder *)bd;
  uint32_t out;
  if (B->failed || a == XI_NONE || xiG_op(B->g, op, a, b, p, B->at, &out, B->err)) {
    B->failed = 1;
    return XI_NONE;
  }
  return out;
}

static uint32_t b_num(xiO_build *bd, long v) {
  builder *B = (builder *)bd;
  uint32_t out = xiG_number(B->g, v, B->at);
  if (out == XI_NONE && !B->failed) {
    B->failed = 1;
    xiG_oom(B->g, B->at, B->err);
  }
  return out;
}

static xi_shape b_shape(xiO_build *bd, uint32_t x) {
  return xiG_shape(&((builder *)bd)->g->nodes[x]);
}

static const int32_t *b_params(xiO_build *bd, uint32_t x) {
  static const int32_t none[XI_NPARAMS] = {XI_ALL_AXES, INT32_MAX, 0, 0, 0};
  const xiG_node *n = &((builder *)bd)->g->nodes[x];
  return n->x ? n->x->p : none;
}

static builder make_builder(xiG_graph *g, xi_pos at, xi_err *err) {
  builder B = {{NULL, b_op, b_num, b_shape, b_params}, g, at, err, 0};
  return B;
}

/* ---- one operand's share of a node's adjoint, as nodes ---- */

static int partial_on(xiD_sweep *s, xiG_graph *g, uint32_t i, int k, const uint32_t *args,
                      uint32_t *out, xi_err *err);

/* the local partial of elementwise node i by operand k, from the table's formula */
int xiA_partial(xiD_sweep *s, xiG_graph *g, uint32_t i, int k, uint32_t *out, xi_err *err) {
  const xiG_node *n = &g->nodes[i];
  uint32_t args[3] = {n->a, n->b != XI_NONE ? n->b : n->a, i};
  return partial_on(s, g, i, k, args, out, err);
}

/* the same with node i's operands and its own value taken from args (a, b, o) */
static int partial_on(xiD_sweep *s, xiG_graph *g, uint32_t i, int k, const uint32_t *args,
                      uint32_t *out, xi_err *err) {
  const xiG_node *n = &g->nodes[i];
  if (!s->compiled[n->op][k]) {
    s->param[0] = xiS_intern(&g->sym, "a", 1);
    s->param[1] = xiS_intern(&g->sym, "b", 1);
    s->param[2] = xiS_intern(&g->sym, "o", 1);
    if (s->param[0] == XI_NONE || s->param[1] == XI_NONE || s->param[2] == XI_NONE)
      return xiG_oom(g, n->pos, err);
    if (xiP_formula(&g->sym, xiO_table[n->op].d[k], &s->formula[n->op][k], err))
      return -1; /* a row's formula that is not an expression: tests/opgrad.c says which */
    s->compiled[n->op][k] = 1;
  }
  return xiG_exec(g, &s->formula[n->op][k], s->param, args, 3, out, err);
}

/* operand k's share of node i's adjoint adj; self: the node that stands for
   node i's value in the rule's formula (i itself, unless a student's) */
static uint32_t share_on(xiD_sweep *s, builder *B, uint32_t i, uint32_t k, uint32_t adj,
                         int seed, uint32_t self) {
  xiG_graph *g = B->g;
  const xiG_node *n = &g->nodes[i];
  uint32_t o = xiG_arg(n, k);
  if (n->op == XI_LIST) { /* a list's operand k is its element (or row) k */
    int32_t p[XI_NPARAMS] = {(int32_t)k, INT32_MAX, 0, 0, 0};
    return b_op(&B->bd, XI_INDEX, adj, XI_NONE, p);
  }
  const xiO_row *row = &xiO_table[n->op];
  if (!row->partial)
    return row->gvjp(&B->bd, (int)k, adj, i, n->a, n->b);
  const char *d = row->d[k];
  uint32_t c;
  if (strcmp(d, "0") == 0)
    return XI_NOTHING;
  if (strcmp(d, "1") == 0) {
    c = adj;
  } else if (strcmp(d, "-1") == 0) {
    c = b_op(&B->bd, XI_NEG, adj, XI_NONE, NULL);
  } else {
    uint32_t p, args[3] = {n->a, n->b != XI_NONE ? n->b : n->a, self};
    if (partial_on(s, g, i, (int)k, args, &p, B->err)) {
      B->failed = 1;
      return XI_NONE;
    }
    c = seed ? p : b_op(&B->bd, XI_MUL, adj, p, NULL);
  }
  if (c == XI_NONE)
    return XI_NONE;
  xi_shape so = xiG_shape(&g->nodes[o]), sc = xiG_shape(&g->nodes[c]);
  if (!xiO_same_shape(&so, &sc)) { /* an operand that was broadcast: sum its share down */
    int32_t p[XI_NPARAMS] = {0, 0, 0, 0, 0};
    xiO_shape_params(p, so);
    c = b_op(&B->bd, XI_SUMTO, c, XI_NONE, p);
  }
  return c;
}

static uint32_t share(xiD_sweep *s, builder *B, uint32_t i, uint32_t k, uint32_t adj, int seed) {
  return share_on(s, B, i, k, adj, seed, i);
}

int xiA_share(xiD_sweep *s, xiG_graph *g, uint32_t i, uint32_t k, uint32_t adj, xi_pos at,
              uint32_t *out, xi_err *err) {
  builder B = make_builder(g, at, err);
  *out = share(s, &B, i, k, adj, 0);
  return B.failed || *out == XI_NONE ? -1 : 0;
}

int xiA_share_on(xiD_sweep *s, xiG_graph *g, uint32_t i, uint32_t k, uint32_t adj,
                 uint32_t self, xi_pos at, uint32_t *out, xi_err *err) {
  builder B = make_builder(g, at, err);
  *out = share_on(s, &B, i, k, adj, 0, self);
  return B.failed || *out == XI_NONE ? -1 : 0;
}

/* ---- ∂root/∂v as nodes ---- */

static int sweep_nodes(xiD_sweep *s, xiG_graph *g, uint32_t root, uint32_t v,
                       const uint8_t *need, uint32_t *adj, builder *B) {
  uint32_t one = xiG_number(g, 1, B->at);
  if (one == XI_NONE)
    return xiG_oom(g, B->at, B->err);
  adj[root - v] = one;
  for (uint32_t i = root + 1; i-- > v + 1;) {
    if (g->interrupt && *g->interrupt)
      return xiX_fail(B->err, B->at, "interrupted");
    uint32_t ai = adj[i - v];
    const xiG_node *n = &g->nodes[i];
    if (!need[i] || ai == XI_NONE || n->op == XI_LEAF || n->op == XI_CONST)
      continue;
    for (uint32_t k = 0; k < xiG_nargs(&g->nodes[i]); k++) {
      uint32_t o = xiG_arg(&g->nodes[i], k);
      if (o < v || !need[o])
        continue;
      uint32_t c = share(s, B, i, k, ai, ai == one && i == root);
      if (B->failed)
        return -1;
      if (c == XI_NOTHING)
        continue;
      adj[o - v] = adj[o - v] == XI_NONE ? c : b_op(&B->bd, XI_ADD, adj[o - v], c, NULL);
      if (B->failed)
        return -1;
    }
  }
  return 0;
}

int xiA_build(xiD_sweep *s, xiG_graph *g, uint32_t root, uint32_t v, xi_pos at, uint32_t *out,
              xi_err *err) {
  uint32_t first = g->n, list[1] = {v};
  uint8_t *need = NULL;
  uint32_t *adj = NULL;
  int rc = -1;
  for (int round = 0;; round++) { /* until no GRAD node is in the way */
    free(need);
    need = calloc(root + 1, 1);
    if (!need) {
      xiX_fail(err, at, "out of memory");
      goto done;
    }
    if (list[0] > root || !xiD_mark(g, list[0], root, XID_LIST, list, 1, need))
      break;
    if (round == 64) {
      xiX_fail(err, at, "derivatives nested too deeply");
      goto done;
    }
    if (xiA_prepare(s, g, &root, XID_LIST, list, 1, at, err))
      goto done;
  }
  v = list[0];
  builder B = make_builder(g, at, err);
  if (v <= root) {
    adj = malloc((root - v + 1) * sizeof *adj);
    if (!adj) {
      xiX_fail(err, at, "out of memory");
      goto done;
    }
    for (uint32_t i = 0; i <= root - v; i++)
      adj[i] = XI_NONE;
    if (sweep_nodes(s, g, root, v, need, adj, &B))
      goto done;
  }
  *out = adj && adj[0] != XI_NONE ? adj[0] : XI_NONE;
  if (*out == XI_NONE) { /* v does not lead to root: the derivative is 0, of v's shape */
    xiO_view z = xiG_view(&g->nodes[v]);
    z.el = xiM_block(z.n, g->prec);
    *out = z.el ? xiG_leaf(g, &z, at) : XI_NONE;
    xiM_unblock(z.el);
    if (*out == XI_NONE) {
      xiG_oom(g, at, err);
      goto done;
    }
  }
  for (uint32_t i = first; i < g->n; i++)
    g->nodes[i].pos = at; /* what a derivative is built of was written where it was asked for */
  rc = 0;
done:
  free(need);
  free(adj);
  return rc;
}

int xiA_build_all(xiD_sweep *s, xiG_graph *g, uint32_t root, xiD_want want,
                  const uint32_t *list, uint32_t nlist, xi_pos at, uint32_t *lo, uint32_t **adj,
                  xi_err *err) {
  *lo = root, *adj = NULL;
  for (uint32_t k = 0; k < nlist; k++)
    *lo = list[k] < *lo ? list[k] : *lo;
  if (want != XID_LIST)
    *lo = 0;
  uint8_t *need = calloc(root + 1, 1);
  uint32_t *a = need ? malloc((root - *lo + 1) * sizeof *a) : NULL;
  if (!a) {
    free(need);
    return xiX_fail(err, at, "out of memory");
  }
  if (xiD_mark(g, *lo, root, want, list, nlist, need)) {
    free(need);
    free(a);
    return xiX_fail(err, at, "a grad(...) value is in the way (sweep first)");
  }
  for (uint32_t i = 0; i <= root - *lo; i++)
    a[i] = XI_NONE;
  builder B = make_builder(g, at, err);
  uint32_t first = g->n;
  int rc = sweep_nodes(s, g, root, *lo, need, a, &B);
  for (uint32_t i = first; i < g->n; i++)
    g->nodes[i].pos = at;
  free(need);
  if (rc)
    free(a);
  else
    *adj = a;
  return rc;
}

/* ---- GRAD nodes in the way of a sweep ---- */


int xiA_prepare(xiD_sweep *s, xiG_graph *g, uint32_t *root, xiD_want want, uint32_t *list,
                uint32_t nlist, xi_pos at, xi_err *err) {
  uint32_t lo = *root;
  for (uint32_t k = 0; k < nlist; k++)
    lo = list[k] < lo ? list[k] : lo;
  if (want != XID_LIST)
    lo = 0;
  uint8_t *need = calloc(*root + 1, 1);
  uint32_t *map = need ? malloc(g->n * sizeof *map) : NULL;
  int rc = -1;
  if (!map) {
    xiX_fail(err, at, "out of memory");
    goto done;
  }
  for (uint32_t i = 0; i < g->n; i++)
    map[i] = XI_NONE;
  xiD_mark(g, lo, *root, want, list, nlist, need);
  uint32_t first = XI_NONE;
  for (uint32_t i = lo; i <= *root; i++) {
    if (need[i] != 3)
      continue;
    uint32_t built = XI_NONE;
    if (xiA_graph(s, g, i, at, &built, err)) /* its graph, built once and kept */
      goto done;
    map[i] = built;
    first = first == XI_NONE ? i : first;
  }
  err->pos = at;
  if (first != XI_NONE && xiG_replay(g, first, *root, map, need, err))
    goto done;
  if (map[*root] != XI_NONE)
    *root = map[*root];
  for (uint32_t k = 0; k < nlist; k++)
    if (list[k] < *root && map[list[k]] != XI_NONE)
      list[k] = map[list[k]];
  rc = 0;
done:
  free(need);
  free(map);
  return rc;
}

/* ---- grad, hessian and jacobian in expressions ---- */

/* a GRAD node: ∂e/∂v computed by the sweep, its graph built when needed */
static int make_grad(xiD_sweep *s, xiG_graph *g, uint32_t e, uint32_t v, xi_pos at,
                     uint32_t *out, xi_err *err) {
  uint32_t root = e, list[1] = {v};
  if (xiD_sweep_from(s, g, &root, XID_LIST, list, 1, at, err))
    return -1;
  xiO_view d;
  int zero = xiD_adj_view(s, g, list[0], &d) != 0;
  xi_shape sh = xiG_shape(&g->nodes[v]);
  uint32_t i = xiG_append(g, XI_GRAD, e, v, at);
  if (i == XI_NONE || (sh.rank && xiG_shape_node(g, i, sh, NULL)))
    return xiG_oom(g, at, err);
  xiG_node *n = &g->nodes[i];
  for (uint32_t k = 0; k < xiG_count(n); k++)
    if (zero)
      mpfr_set_zero(xiG_el(n, k), 1);
    else
      mpfr_set(xiG_el(n, k), &d.el[k], MPFR_RNDN);
  *out = i;
  return 0;
}

static const char *kind_name(int kind) {
  return kind == XI_D_HESSIAN    ? "hessian"
         : kind == XI_D_JACOBIAN ? "jacobian"
         : kind == XI_D_JVP      ? "jvp"
                                 : "grad";
}

/* the checks every derivative asked for by name makes first */
static int askable(xiG_graph *g, int kind, uint32_t e, uint32_t v, uint32_t vname, xi_pos at,
                   xi_err *err) {
  const char *f = kind_name(kind);
  xi_shape se = xiG_shape(&g->nodes[e]), sv = xiG_shape(&g->nodes[v]);
  char t[48];
  if (g->nodes[v].op == XI_CONST)
    return xiX_fail(err, at, "%s(E, v%s): v is a constant, not a value to differentiate by", f,
                 kind == XI_D_JVP ? ", dv" : "");
  if (kind != XI_D_JACOBIAN && kind != XI_D_JVP && se.rank) {
    xiO_shape_text(&se, t, sizeof t);
    return xiX_fail(err, at, "%s(E, v) needs E to be a scalar, not of shape %s: sum it%s", f, t,
                 kind == XI_D_GRAD ? ", or take jacobian(E, v)" : "");
  }
  if ((kind == XI_D_JACOBIAN && se.rank == 2) ||
      (kind != XI_D_GRAD && kind != XI_D_JVP && sv.rank == 2)) {
    xiO_shape_text(se.rank == 2 ? &se : &sv, t, sizeof t);
    return xiX_fail(err, at, "%s of a matrix (shape %s) would have four axes, and xi's values "
                          "have at most two: take it with respect to a vector", f, t);
  }
  uint32_t leaf;
  int lost = xiG_history_lost(g, e, v, &leaf);
  if (lost || !xiD_depends(g, e, v)) {
    const char *name = xiG_name_of(g, e);
    char what[64], msg[sizeof err->msg];
    snprintf(what, sizeof what, "%s's first argument", f);
    if (lost)
      xiG_why_lost(g, name ? name : what, vname, leaf, msg, sizeof msg);
    else
      xiG_why_not(g, e, name ? name : what, vname, v, msg, sizeof msg);
    return xiX_fail(err, at, "%s", msg);
  }
  return 0;
}

/* ∂f/∂v for a vector f: one GRAD per element, stacked (a matrix for a vector v) */
static int jacobian(xiD_sweep *s, xiG_graph *g, uint32_t f, uint32_t v, xi_pos at,
                    uint32_t *out, xi_err *err) {
  xi_shape sf = xiG_shape(&g->nodes[f]);
  if (sf.rank == 0)
    return make_grad(s, g, f, v, at, out, err);
  uint32_t *rows = malloc(sf.cols * sizeof *rows);
  if (!rows)
    return xiX_fail(err, at, "out of memory");
  int rc = 0;
  for (uint32_t i = 0; i < sf.cols && rc == 0; i++) {
    int32_t p[XI_NPARAMS] = {(int32_t)i, INT32_MAX, 0, 0, 0};
    uint32_t fi;
    rc = xiG_op(g, XI_INDEX, f, XI_NONE, p, at, &fi, err) ||
         make_grad(s, g, fi, v, at, &rows[i], err);
  }
  if (rc == 0)
    rc = xiG_list(g, rows, sf.cols, at, out, err);
  free(rows);
  return rc;
}

/* jvp(E, v, dir): dir must have v's shape (a scalar for a scalar) */
static int direction(xiG_graph *g, uint32_t v, uint32_t vname, uint32_t dir, xi_pos at,
                     xi_err *err) {
  xi_shape sv = xiG_shape(&g->nodes[v]), sd = xiG_shape(&g->nodes[dir]);
  if (xiO_same_shape(&sv, &sd))
    return 0;
  char a[48], b[48];
  xiO_shape_text(&sd, a, sizeof a);
  xiO_shape_text(&sv, b, sizeof b);
  return xiX_fail(err, at,
               "jvp(E, v, dv): the direction dv must have v's shape: it has %s%s, and %s %s",
               sd.rank ? "shape " : "", sd.rank ? a : "no shape (a scalar)",
               xiS_name(&g->sym, vname), sv.rank ? b : "is a scalar");
}

int xiA_derive(void *ctx, xiG_graph *g, int kind, uint32_t e, uint32_t v, uint32_t vname,
               uint32_t dir, xi_pos at, uint32_t *out, xi_err *err) {
  xiD_sweep *s = ctx;
  if (vname == XI_NONE) /* a GRAD node replayed: it was checked when first made */
    return make_grad(s, g, e, v, at, out, err);
  if (askable(g, kind, e, v, vname, at, err))
    return -1;
  if (kind == XI_D_JVP)
    return direction(g, v, vname, dir, at, err) || xiF_jvp(s, g, e, v, dir, at, out, err);
  if (kind == XI_D_GRAD)
    return make_grad(s, g, e, v, at, out, err);
  if (kind == XI_D_JACOBIAN)
    return jacobian(s, g, e, v, at, out, err);
  uint32_t d; /* the hessian: the jacobian of the gradient */
  if (make_grad(s, g, e, v, at, &d, err))
    return -1;
  return xiG_shape(&g->nodes[v]).rank ? jacobian(s, g, d, v, at, out, err)
                                      : make_grad(s, g, d, v, at, out, err);
}

int xiA_redo(void *ctx, xiG_graph *g, uint32_t i, xi_err *err) {
  uint32_t root = g->nodes[i].a, list[1] = {g->nodes[i].b};
  xi_pos at = g->nodes[i].pos;
  if (xiD_sweep_from(ctx, g, &root, XID_LIST, list, 1, at, err))
    return -1;
  xiO_view d;
  int zero = xiD_adj_view(ctx, g, list[0], &d) != 0;
  xiG_node *n = &g->nodes[i];
  for (uint32_t k = 0; k < xiG_count(n); k++)
    if (zero)
      mpfr_set_zero(xiG_el(n, k), 1);
    else
      mpfr_set(xiG_el(n, k), &d.el[k], MPFR_RNDN);
  return 0;
}

int xiA_graph(xiD_sweep *s, xiG_graph *g, uint32_t i, xi_pos at, uint32_t *root, xi_err *err) {
  uint32_t built = g->nodes[i].aux;
  if (built == XI_NONE) { /* built once, and kept while the GRAD node is */
    if (xiA_build(s, g, g->nodes[i].a, g->nodes[i].b, at, &built, err))
      return -1;
    uint32_t *q = g->nbuilt == g->capbuilt
                      ? realloc(g->built, (g->capbuilt = 2 * g->capbuilt + 16) * sizeof *q)
                      : g->built;
    if (!q)
      return xiX_fail(err, at, "out of memory");
    g->built = q;
    g->built[g->nbuilt++] = i;
    g->nodes[i].aux = built;
  }
  *root = built;
  return 0;
}
