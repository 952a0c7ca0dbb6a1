/* sweep.c: the reverse sweep run in balls.
 *
 * ∂root/∂ξ for every node ξ of root's cone, as balls: the adjoint of root is
 * 1, and each node, from root down, adds its adjoint times the ball of its
 * local partial into its operands' (the partial's ball made from the balls of
 * the node's value and operands, which hold their exact values: so the sum
 * holds the exact derivative).  One pass over the cone, in Arb at the balls'
 * precision, with nothing built: building the sweep as nodes and evaluating
 * those in balls (adjoint.h's way, which xiB_adjoints keeps for what this has
 * no rule for) took three times the nodes and their memory.
 *
 * The rules are the vector-Jacobian products of scalar ops; a cone holding a
 * tensor, a list, a grad(...) value or another op goes the built way. */
#include "proof/ball_int.h"

#include <stdlib.h>
#include <string.h>

/* ops with a rule here */
static int has_rule(int op) {
  switch (op) {
  case XI_ID: case XI_ASFLOAT: case XI_NEG: case XI_ADD: case XI_SUB: case XI_MUL:
  case XI_DIV: case XI_EXP: case XI_EXPM1: case XI_LOG: case XI_TANH: case XI_SQRT:
  case XI_SIN: case XI_COS:
    return 1;
  default:
    return 0;
  }
}

/* node i (its adjoint d) adds d·∂i/∂(operand) into each operand's adjoint
   (adj: indexed from lo); t, u, w are scratch */
static void back(xiB_balls *b, uint32_t i, const arb_struct *d, arb_ptr adj, uint32_t lo,
                 arb_t t, arb_t u, arb_t w) {
  const xiG_node *n = &b->g->nodes[i];
  slong prec = b->prec;
  arb_ptr da = &adj[n->a - lo], db = n->b != XI_NONE ? &adj[n->b - lo] : NULL;
  switch (n->op) {
  case XI_ID:
  case XI_ASFLOAT:
    arb_add(da, da, d, prec);
    break;
  case XI_NEG:
    arb_sub(da, da, d, prec);
    break;
  case XI_ADD:
    arb_add(da, da, d, prec);
    arb_add(db, db, d, prec);
    break;
  case XI_SUB:
    arb_add(da, da, d, prec);
    arb_sub(db, db, d, prec);
    break;
  case XI_MUL: /* ∂/∂a = b, ∂/∂b = a */
    arb_addmul(da, d, xiB_view1(b, n->b, t), prec);
    arb_addmul(db, d, xiB_view1(b, n->a, u), prec);
    break;
  case XI_DIV: /* ∂/∂a = 1/b, ∂/∂b = -o/b */
    arb_div(w, d, xiB_view1(b, n->b, t), prec);
    arb_add(da, da, w, prec);
    arb_submul(db, w, xiB_view1(b, i, u), prec);
    break;
  case XI_EXP: /* o */
    arb_addmul(da, d, xiB_view1(b, i, t), prec);
    break;
  case XI_EXPM1: /* o + 1 */
    arb_add_ui(w, xiB_view1(b, i, t), 1, prec);
    arb_addmul(da, d, w, prec);
    break;
  case XI_LOG: /* 1/a */
    arb_div(w, d, xiB_view1(b, n->a, t), prec);
    arb_add(da, da, w, prec);
    break;
  case XI_TANH: /* 1 - o² */
    arb_sqr(w, xiB_view1(b, i, t), prec);
    arb_sub_ui(w, w, 1, prec);
    arb_submul(da, d, w, prec);
    break;
  case XI_SQRT: /* 1/(2·o) */
    arb_mul_2exp_si(w, xiB_view1(b, i, t), 1);
    arb_div(w, d, w, prec);
    arb_add(da, da, w, prec);
    break;
  case XI_SIN: /* cos(a) */
    arb_cos(w, xiB_view1(b, n->a, t), prec);
    arb_addmul(da, d, w, prec);
    break;
  case XI_COS: /* -sin(a) */
    arb_sin(w, xiB_view1(b, n->a, t), prec);
    arb_submul(da, d, w, prec);
    break;
  default: /* (has_rule said) */
    break;
  }
}

/* marks root's cone in in[] (from its lowest node *lo up); 1 when a node of
   it has no rule here */
static int cone(const xiG_graph *g, uint32_t root, uint8_t *in, uint32_t *lo) {
  in[root] = 1;
  uint32_t pending = 1;
  *lo = root;
  for (uint32_t i = root + 1; pending && i-- > 0;) {
    if (!in[i])
      continue;
    pending--;
    *lo = i;
    const xiG_node *n = &g->nodes[i];
    if (n->x)
      return 1; /* a tensor (or a node with parameters) */
    if (n->op == XI_LEAF || n->op == XI_CONST)
      continue;
    if (!has_rule(n->op))
      return 1;
    for (uint32_t k = 0, nargs = xiG_nargs(n); k < nargs; k++) {
      uint32_t o = xiG_arg(n, k);
      if (!in[o])
        in[o] = 1, pending++;
    }
  }
  return 0;
}

/* the sweep over lo..root into adj (indexed from lo) */
static int run(xiB_balls *b, uint32_t root, uint32_t lo, const uint8_t *in, arb_ptr adj,
               xi_pos at, xi_err *err) {
  arb_t t, u, w;
  arb_init(t);
  arb_init(u);
  arb_init(w);
  arb_one(&adj[root - lo]);
  int rc = 0;
  for (uint32_t i = root + 1; i-- > lo;) {
    if ((i & 1023) == 0 && xiO_stopped()) {
      rc = xiX_fail(err, at, "interrupted");
      break;
    }
    const xiG_node *n = &b->g->nodes[i];
    if (!in[i] || n->op == XI_LEAF || n->op == XI_CONST || arb_is_zero(&adj[i - lo]))
      continue;
    back(b, i, &adj[i - lo], adj, lo, t, u, w);
  }
  arb_clear(t);
  arb_clear(u);
  arb_clear(w);
  return rc;
}

int xiB_keep(xiB_balls *b, uint32_t root, xiD_want want, const uint32_t *list, uint32_t nlist,
             const uint8_t *in, void (*fill)(arb_t, uint32_t, void *), void *ctx, xiB_adj *a,
             xi_pos at, xi_err *err) {
  uint32_t lo = UINT32_MAX, hi = 0; /* the wanted nodes' range: a's arrays cover it alone */
  for (uint32_t i = a->lo; i <= root; i++)
    if (in[i] && xiB_wanted(b->g, i, want, list, nlist))
      lo = lo < i ? lo : i, hi = i;
  if (lo > hi)
    return 0; /* none: every adjoint asked for is 0 */
  a->lo = lo, a->n = hi - lo + 1;
  a->ball = calloc(a->n, sizeof *a->ball);
  a->count = calloc(a->n, sizeof *a->count);
  if (!a->ball || !a->count)
    return xiG_oom(b->g, at, err);
  for (uint32_t i = lo; i <= hi; i++) {
    if (!in[i] || !xiB_wanted(b->g, i, want, list, nlist))
      continue;
    size_t c = sizeof(arb_struct) + 16 + (size_t)b->prec / 8;
    if (xiM_account((ptrdiff_t)c))
      return xiG_oom(b->g, at, err);
    a->bytes += c;
    a->ball[i - lo] = _arb_vec_init(1);
    a->count[i - lo] = 1;
    fill(a->ball[i - lo], i, ctx);
  }
  return 0;
}

/* node i's adjoint from the sweep's (ctx: its balls, indexed from *lo) */
static void fill(arb_t out, uint32_t i, void *ctx) {
  arb_srcptr adj = ((void **)ctx)[0];
  uint32_t lo = *(const uint32_t *)((void **)ctx)[1];
  arb_set(out, &adj[i - lo]);
}

int xiB_sweep_balls(xiB_balls *b, uint32_t root, xiD_want want, const uint32_t *list,
                    uint32_t nlist, xiB_adj *a, xi_pos at, xi_err *err) {
  xiG_graph *g = b->g;
  uint8_t *in = calloc((size_t)root + 1, 1);
  if (!in)
    return xiG_oom(g, at, err);
  uint32_t lo;
  if (cone(g, root, in, &lo)) {
    free(in);
    return 1;
  }
  for (uint32_t k = 0; want == XID_LIST && k < nlist; k++)
    if (list[k] < lo)
      lo = list[k];
  uint32_t n = root - lo + 1;
  size_t bytes = (size_t)n * (sizeof(arb_struct) + (size_t)b->prec / 8);
  arb_ptr adj = NULL;
  uint32_t serial = b->s->last.serial;
  int rc = xiB_ball_of(b, root, at, err); /* the values' balls: those not made yet */
  a->lo = lo;
  if (rc == 0 && serial == b->s->last.serial) /* (no sweep ran for a value's ball) */
    rc = xiB_sweep_mid(b, root, lo, in, want, list, nlist, a, at, err);
  else if (rc == 0)
    rc = 1;
  if (rc != 1) {
    /* the sweep's numbers were reused, or an error */
  } else if (xiM_account((ptrdiff_t)bytes)) {
    rc = xiG_oom(g, at, err);
  } else {
    adj = _arb_vec_init(n); /* (flint's allocator aborts when it fails) */
    a->lo = lo;
    rc = run(b, root, lo, in, adj, at, err);
    void *ctx[2] = {adj, &lo};
    if (rc == 0)
      rc = xiB_keep(b, root, want, list, nlist, in, fill, ctx, a, at, err);
    _arb_vec_clear(adj, n);
    xiM_account(-(ptrdiff_t)bytes);
  }
  free(in);
  if (rc)
    xiB_adj_free(a);
  return rc ? -1 : 0;
}
