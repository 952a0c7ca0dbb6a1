/* tangent.c: forward mode, built as nodes.
 *
 * A node's tangent ξ̇ = ∂ξ/∂v · dv is built from its operands' tangents, so one
 * pass up the tape, in creation order, gives every node's: the reverse sweep's
 * mirror image, which passes adjoints down.  jvp(E, v, dv) is E's tangent; the
 * `tangents` command prints each node's.  Being nodes, tangents have graphs:
 * jvp of jvp, and grad of jvp, are derivatives like any other.
 *
 * Why a rule per kind of op, and not the transpose trick everywhere.  J·dv can
 * be had from the vector-Jacobian products alone: ⟨g, J·dv⟩ = ⟨Jᵀg, dv⟩ is
 * linear in a dummy g, so J·dv = ∂/∂g ⟨Jᵀg, dv⟩, one reverse pass over the
 * graph of Jᵀg.  Done on the whole of E, that builds E's reverse graph and
 * then the reverse of that (about three times E's nodes), and it yields E's
 * tangent only, not each node's, which is what forward mode is and what
 * `tangents` shows.  So each node's tangent comes from its operands' by a rule:
 *   - elementwise ops: Σ_k ∂ξ/∂a_k · ȧ_k, the partials built from the op
 *     table's formulas (the same nodes the reverse graph is made of), the sum
 *     spread to the node's shape when the operands were broadcast;
 *   - ops linear in their first operand (T, sum, mean, indexing, slices, diag,
 *     reshape, spread and sum-to, gather, scatter-add, mask; a second operand
 *     is an index table, whose derivative is 0): the op itself applied to ȧ;
 *   - bilinear ones: ȧ @ b + a @ ḃ, outer(ȧ, b) + outer(a, ḃ);
 *   - argmax, argmin, round, nonzero and the masks: derivative 0, no tangent;
 *   - the others (max, min, var, std, norm, softmax, log_softmax,
 *     cross_entropy, put, concatenate, a slice's update, and any
 *     row added to the table later): the trick above on that one node, from
 *     its row's gvjp, which tests/opgrad.c checks, so that no row is without
 *     a tangent.  Its graph is a few nodes, and holds no trace of the dummy
 *     g: ⟨Jᵀg, ȧ⟩ is linear in g, so its derivative does not involve g. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grad/adjoint.h"
#include "grad/tangent.h"

int xiF_rule(const xiG_graph *g, uint32_t i) {
  int op = g->nodes[i].op;
  if (op == XI_LIST)
    return XIF_LIST;
  if (op < XI_FIRST_OP)
    return XIF_NONE; /* leaves, constants; GRAD nodes are built before this */
  if (xiO_elementwise(op))
    return XIF_ELEMENTWISE;
  switch (op) {
  case XI_TRANSPOSE: case XI_SUM: case XI_MEAN: case XI_INDEX: case XI_SCATTER:
  case XI_BROADCAST: case XI_SUMTO: case XI_RESHAPE: case XI_GATHER: case XI_SCATTERADD:
  case XI_MASKOUT: case XI_SLICE: case XI_DIAG:
    return XIF_LINEAR;
  case XI_MATMUL: case XI_OUTER:
    return XIF_BILINEAR;
  case XI_ARGMAX: case XI_ARGMIN: case XI_ROUND: case XI_MAXMASK: case XI_ONEHOT:
  case XI_NONZERO:
    return XIF_NONE;
  default:
    return XIF_TRANSPOSED;
  }
}

/* a new leaf of the shape sh, every element v (a zero tangent, the dummy g) */
static int filled(xiG_graph *g, xi_shape sh, long v, xi_pos at, uint32_t *out, xi_err *err) {
  xiO_view z = {NULL, sh, sh.rank ? sh.rows * sh.cols : 1, NULL, XI_DT_FLOAT};
  z.el = xiM_block(z.n, g->prec);
  if (z.el)
    for (uint32_t k = 0; k < z.n; k++)
      mpfr_set_si(&z.el[k], v, MPFR_RNDN);
  *out = z.el ? xiG_leaf(g, &z, at) : XI_NONE;
  xiM_unblock(z.el);
  return *out == XI_NONE ? xiG_oom(g, at, err) : 0;
}

/* a + b, either of which may be absent (XI_NONE) */
static int add(xiG_graph *g, uint32_t a, uint32_t b, xi_pos at, uint32_t *out, xi_err *err) {
  if (a == XI_NONE || b == XI_NONE) {
    *out = a == XI_NONE ? b : a;
    return 0;
  }
  return xiG_op(g, XI_ADD, a, b, NULL, at, out, err);
}

/* is the local partial ∂ξ/∂a_k a finite number at every element (sqrt's is not
   at 0), as the sweep finds it */
static int finite(xiG_graph *g, uint32_t i, int k) {
  xiG_node *n = &g->nodes[i], *a = &g->nodes[n->a], *b = n->b == XI_NONE ? a : &g->nodes[n->b];
  xiO_view out = xiG_view(n), va = xiG_view(a), vb = xiG_view(b);
  int ok = 1;
  for (uint32_t r = 0, q = 0; r < out.sh.rows && ok; r++)
    for (uint32_t c = 0; c < out.sh.cols && ok; c++, q++)
      ok = mpfr_number_p(xiO_table[n->op].partial(k, g->tmp, &out.el[q],
                                                  &va.el[xiO_bidx(&va.sh, r, c)],
                                                  &vb.el[xiO_bidx(&vb.sh, r, c)]));
  return ok;
}

/* the local partial ∂ξ/∂a_k as nodes; where it is not a finite number the
   message says so, as the sweep's does, pointing at the jvp */
static int partial(xiD_sweep *s, xiG_graph *g, uint32_t i, int k, xi_pos at, uint32_t *out,
                   xi_err *err) {
  if (!finite(g, i, k)) {
    char where[200];
    xiG_describe(g, i, where, sizeof where);
    const xiO_row *row = &xiO_table[g->nodes[i].op];
    const char *op = row->name ? row->name : row->form;
    if (row->arity == 1)
      return xiX_fail(err, at, "the derivative of %s is not finite here (%s)", op, where);
    return xiX_fail(err, at, "the derivative of %s by its %s operand is not finite here (%s)", op,
                 k == 0 ? "first" : "second", where);
  }
  if (xiA_partial(s, g, i, k, out, err) == 0)
    return 0;
  err->pos = at; /* out of memory, or ^C */
  return -1;
}

/* Σ_k ∂ξ/∂a_k · ȧ_k for elementwise node i; t[k]: operand k's tangent */
static int elementwise(xiD_sweep *s, xiG_graph *g, uint32_t i, const uint32_t *t, xi_pos at,
                       uint32_t *out, xi_err *err) {
  const xiO_row *row = &xiO_table[g->nodes[i].op];
  uint32_t sum = XI_NONE;
  for (int k = 0; k < row->arity; k++) {
    const char *d = row->d[k];
    uint32_t term, p;
    if (t[k] == XI_NONE || strcmp(d, "0") == 0)
      continue;
    if (strcmp(d, "1") == 0)
      term = t[k];
    else if (strcmp(d, "-1") == 0 ? xiG_op(g, XI_NEG, t[k], XI_NONE, NULL, at, &term, err)
                                  : partial(s, g, i, k, at, &p, err) ||
                                        xiG_op(g, XI_MUL, t[k], p, NULL, at, &term, err))
      return -1;
    if (add(g, sum, term, at, &sum, err))
      return -1;
  }
  xi_shape so = xiG_shape(&g->nodes[i]), ss = sum == XI_NONE ? so : xiG_shape(&g->nodes[sum]);
  if (!xiO_same_shape(&so, &ss)) {
    int32_t p[XI_NPARAMS] = {0, 0, 0, 0, 0}; /* a broadcast operand: spread its tangent */
    xiO_shape_params(p, so);
    if (xiG_op(g, XI_BROADCAST, sum, XI_NONE, p, at, &sum, err))
      return -1;
  }
  *out = sum;
  return 0;
}

/* a list's tangent: its items' tangents, zeros where an item has none */
static int list(xiG_graph *g, uint32_t i, const uint32_t *tan, uint32_t v, xi_pos at,
                uint32_t *out, xi_err *err) {
  uint32_t n = g->nodes[i].x->nargs, *items = malloc(n * sizeof *items);
  if (!items)
    return xiG_oom(g, at, err);
  int rc = 0;
  for (uint32_t k = 0; k < n && rc == 0; k++) {
    uint32_t o = g->nodes[i].x->args[k];
    items[k] = o >= v ? tan[o - v] : XI_NONE;
    if (items[k] == XI_NONE)
      rc = filled(g, xiG_shape(&g->nodes[o]), 0, at, &items[k], err);
  }
  if (rc == 0)
    rc = xiG_list(g, items, n, at, out, err);
  free(items);
  return rc;
}

/* J·ȧ from the row's vector-Jacobian products: ∂/∂g Σ_k ⟨vjp_k(g), ȧ_k⟩ */
static int transposed(xiD_sweep *s, xiG_graph *g, uint32_t i, const uint32_t *t, xi_pos at,
                      uint32_t *out, xi_err *err) {
  uint32_t dummy, total = XI_NONE, nargs = xiG_nargs(&g->nodes[i]);
  if (filled(g, xiG_shape(&g->nodes[i]), 1, at, &dummy, err))
    return -1;
  for (uint32_t k = 0; k < nargs; k++) {
    uint32_t u, prod;
    if (t[k] == XI_NONE)
      continue;
    if (xiA_share(s, g, i, k, dummy, at, &u, err))
      return -1;
    if (u == XI_NOTHING)
      continue;
    if (xiG_op(g, XI_MUL, u, t[k], NULL, at, &prod, err))
      return -1;
    if (xiG_is_tensor(&g->nodes[prod]) &&
        xiG_op(g, XI_SUM, prod, XI_NONE, NULL, at, &prod, err))
      return -1;
    if (add(g, total, prod, at, &total, err))
      return -1;
  }
  *out = XI_NONE;
  return total == XI_NONE ? 0 : xiA_build(s, g, total, dummy, at, out, err);
}

/* node i's tangent from its operands' */
static int rule(xiD_sweep *s, xiG_graph *g, uint32_t i, const uint32_t *tan, uint32_t v,
                xi_pos at, uint32_t *out, xi_err *err) {
  const xiG_node *n = &g->nodes[i];
  uint32_t a = n->a, b = n->b, t[2] = {XI_NONE, XI_NONE};
  int32_t p[XI_NPARAMS];
  int kind = xiF_rule(g, i), op = n->op;
  *out = XI_NONE;
  if (kind == XIF_LIST)
    return list(g, i, tan, v, at, out, err);
  if (n->x)
    memcpy(p, n->x->p, sizeof p); /* copied: building moves the nodes */
  t[0] = a != XI_NONE && a >= v ? tan[a - v] : XI_NONE;
  t[1] = b != XI_NONE && b >= v ? tan[b - v] : XI_NONE;
  switch (kind) {
  case XIF_ELEMENTWISE:
    return elementwise(s, g, i, t, at, out, err);
  case XIF_LINEAR:
    return t[0] == XI_NONE ? 0 : xiG_op(g, op, t[0], b, n->x ? p : NULL, at, out, err);
  case XIF_BILINEAR: {
    uint32_t l = XI_NONE, r = XI_NONE;
    if ((t[0] != XI_NONE && xiG_op(g, op, t[0], b, NULL, at, &l, err)) ||
        (t[1] != XI_NONE && xiG_op(g, op, a, t[1], NULL, at, &r, err)))
      return -1;
    return add(g, l, r, at, out, err);
  }
  case XIF_TRANSPOSED:
    return transposed(s, g, i, t, at, out, err);
  default:
    return 0;
  }
}

int xiF_build(xiD_sweep *s, xiG_graph *g, uint32_t *root, uint32_t *v, uint32_t dv, xi_pos at,
              uint32_t **tan, xi_err *err) {
  uint32_t list[1] = {*v};
  uint8_t *need = NULL;
  *tan = NULL;
  for (int round = 0;; round++) { /* until no GRAD node is in the way */
    free(need);
    need = calloc(*root + 1, 1);
    if (!need)
      return xiG_oom(g, at, err);
    if (list[0] > *root || !xiD_mark(g, list[0], *root, XID_LIST, list, 1, need))
      break;
    if (round == 64 || xiA_prepare(s, g, root, XID_LIST, list, 1, at, err)) {
      free(need);
      return round == 64 ? xiX_fail(err, at, "derivatives nested too deeply") : -1;
    }
  }
  *v = list[0];
  if (*v > *root) {
    free(need);
    return 0;
  }
  uint32_t *t = malloc((*root - *v + 1) * sizeof *t);
  if (!t) {
    free(need);
    return xiG_oom(g, at, err);
  }
  t[0] = dv;
  int rc = 0;
  for (uint32_t i = *v + 1; i <= *root && rc == 0; i++) {
    t[i - *v] = XI_NONE;
    if (!need[i])
      continue;
    if (g->interrupt && *g->interrupt)
      rc = xiX_fail(err, at, "interrupted");
    else
      rc = rule(s, g, i, t, *v, at, &t[i - *v], err);
  }
  free(need);
  if (rc) {
    free(t);
    return -1;
  }
  *tan = t;
  return 0;
}

int xiF_jvp(xiD_sweep *s, xiG_graph *g, uint32_t e, uint32_t v, uint32_t dv, xi_pos at,
            uint32_t *out, xi_err *err) {
  uint32_t first = g->n, root = e, *tan;
  if (xiF_build(s, g, &root, &v, dv, at, &tan, err))
    return -1;
  uint32_t r = tan ? tan[root - v] : XI_NONE;
  free(tan);
  int rc = 0;
  if (r == XI_NONE) /* E depends on v only through derivatives 0 (argmax, a comparison) */
    rc = filled(g, xiG_shape(&g->nodes[root]), 0, at, &r, err);
  else if (r < first) /* dv itself, or a node it shares: the value gets a node of its own */
    rc = xiG_op(g, XI_ID, r, XI_NONE, NULL, at, &r, err);
  if (rc)
    return -1;
  for (uint32_t i = first; i < g->n; i++)
    g->nodes[i].pos = at; /* what a derivative is built of was written where it was asked for */
  *out = r;
  return 0;
}
