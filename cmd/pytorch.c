/* pytorch.c: micrograd's and PyTorch's statements, run: x.backward(),
 * x.grad = v, x.grad.zero_(), x.data op= e, with torch.no_grad():, and the
 * rules of op= on what keeps a .grad.  The .grads themselves are kept by the
 * tape (tape/autograd.c); backward() is the session's reverse sweep
 * (grad/grad.c), whose adjoints are added to them as PyTorch adds. */
#include <stdio.h>
#include <stdlib.h>

#include "cmd/cmd.h"
#include "grad/grad.h"
#include "show/torchfmt.h"

static int op_of(xiL_type t) {
  switch (t) {
  case T_PLUSEQ: return XI_ADD;
  case T_MINUSEQ: return XI_SUB;
  case T_STAREQ: return XI_MUL;
  case T_SLASHEQ: return XI_DIV;
  default: return -1;
  }
}

/* a leaf of node x's shape holding zeros (floats), or its own value's copy */
static uint32_t zeros_like(xiG_graph *g, uint32_t x, xi_pos pos) {
  uint32_t l = xiG_ag_copy(g, x, pos);
  if (l == XI_NONE)
    return l;
  xiG_node *n = &g->nodes[l];
  for (uint32_t k = 0; k < xiG_count(n); k++)
    mpfr_set_zero(xiG_el(n, k), 1);
  n->flags &= (uint8_t)~XI_F_DTYPE;
  return l;
}

/* a leaf holding the whole number 1 (micrograd's self.grad = 1 at the root) */
static uint32_t int_one(xiG_graph *g, uint32_t like, xi_pos pos) {
  uint32_t l = zeros_like(g, like, pos);
  if (l != XI_NONE) {
    mpfr_set_ui(g->nodes[l].v, 1, MPFR_RNDN);
    g->nodes[l].flags |= XI_F_INT;
  }
  return l;
}

/* node's .grad is grad now: for a tensor, a tensor of its dtype without a
   graph (print shows it as PyTorch does); -1 out of memory */
static int set(xiG_graph *g, uint32_t node, int kind, uint32_t grad) {
  if (xiG_ag_put(g, node, kind, grad))
    return -1;
  if (kind != XI_AG_TENSOR || grad == XI_NONE)
    return 0;
  int f64 = xiG_ag_find(g, node)->f64;
  if (xiG_ag_put(g, grad, XI_AG_PLAIN, XI_NONE))
    return -1;
  xiG_ag_find(g, grad)->f64 = (uint8_t)f64;
  return 0;
}

/* ---- x.backward() ---- */

typedef struct {
  uint32_t node, grad;
  uint8_t kind;
} change;

/* is the partial of node n by its operand k a whole number in micrograd's
   Python (its _backward: out.grad for +, other.data for *, (out.data > 0)
   for relu, a float for tanh, exp and a power's -1)? */
static int partial_int(const xiG_graph *g, const xiG_node *n, int k) {
  uint32_t o = xiG_nargs(n) == 2 ? (k ? n->a : n->b) : XI_NONE; /* (a unary op has none) */
  int other = o == XI_NONE ? XI_DT_FLOAT : xiG_dtype_of_flags(g->nodes[o].flags);
  switch (n->op) {
  case XI_ADD: case XI_SUB: case XI_NEG: case XI_ID: case XI_RELU:
    return 1;
  case XI_MUL:
    return other != XI_DT_FLOAT;
  case XI_POW: /* other * self.data**(other - 1) */
    return k == 0 && xiG_dtype_of_flags(g->nodes[n->a].flags) != XI_DT_FLOAT &&
           other != XI_DT_FLOAT && mpfr_cmp_ui(g->nodes[n->b].v, 1) >= 0;
  default:
    return 0;
  }
}

/* micrograd's .grads are Python's numbers: an int where every term of the
   chain rule is one (root.grad = 1), else a float.  t[i - lo]: 0 no term,
   1 int, 2 float */
static uint8_t *grad_types(const xiG_graph *g, const xiD_sweep *sw, uint32_t root) {
  uint32_t lo = sw->lo;
  uint8_t *t = calloc(root - lo + 1, 1);
  if (!t)
    return NULL;
  t[root - lo] = 1;
  for (uint32_t i = root + 1; i-- > lo;) {
    const xiG_node *n = &g->nodes[i];
    if (!t[i - lo] || n->op == XI_LIST || n->op == XI_TUPLE)
      continue;
    for (uint32_t k = 0, na = xiG_nargs(n); k < na; k++) {
      uint32_t o = xiG_arg(n, k);
      if (o < lo || !xiD_needed(sw, o))
        continue;
      uint8_t term = t[i - lo] == 1 && na <= 2 && partial_int(g, n, (int)k) ? 1 : 2;
      t[o - lo] = t[o - lo] == 0 ? term : t[o - lo] == 1 && term == 1 ? 1 : 2;
    }
  }
  return t;
}

/* what backward() sets: each entry under the root (and, for micrograd, each
   value a name holds) gets its adjoint added; *n of them in *out */
static int new_grads(xiR_session *s, uint32_t root, int micro, xi_pos pos, change **out,
                     uint32_t *n, xi_err *err) {
  xiG_graph *g = &s->g;
  xiD_sweep *sw = &s->sweep;
  uint32_t cap = g->ag.n + g->nbind + 1, m = 0;
  change *c = malloc(cap * sizeof *c);
  uint8_t *types = micro ? grad_types(g, sw, root) : NULL;
  if (!c || (micro && !types)) {
    free(c), free(types);
    return xiG_oom(g, pos, err);
  }
  for (uint32_t k = 0; k < g->ag.n + g->nbind; k++) {
    uint32_t node, kind, old = XI_NONE;
    if (k < g->ag.n) {
      xiG_agentry e = g->ag.e[k];
      if (e.kind == XI_AG_FREED || e.kind == XI_AG_PLAIN)
        continue;
      node = e.node, kind = e.kind, old = e.grad;
    } else { /* micrograd keeps a .grad on every value: those a name holds get one */
      const xiG_binding *b = &g->bind[k - g->ag.n];
      if (!micro || b->kind != B_NODE || xiG_ag_find(g, b->node) ||
          g->nodes[b->node].op == XI_LEAF || g->nodes[b->node].op == XI_CONST ||
          xiG_kind(g, b->node) >= 0)
        continue;
      node = b->node, kind = XI_AG_INNER;
    }
    if (node < sw->lo || node > root || !xiD_needed(sw, node))
      continue;
    int dup = 0; /* (two names of one value) */
    for (uint32_t q = 0; q < m && !dup; q++)
      dup = c[q].node == node;
    if (dup)
      continue;
    xiO_view v;
    uint32_t l = node == root && micro ? int_one(g, node, pos)
                 : xiD_adj_view(sw, g, node, &v) == 0 ? xiG_leaf(g, &v, pos)
                                                      : zeros_like(g, node, pos);
    if (l != XI_NONE) { /* a float, or micrograd's int */
      g->nodes[l].flags &= (uint8_t)~XI_F_DTYPE;
      if (micro && types[node - sw->lo] == 1)
        g->nodes[l].flags |= XI_F_INT;
    }
    if (l != XI_NONE && old != XI_NONE && !(node == root && micro)) {
      uint32_t sum; /* .grad accumulates, as PyTorch's and micrograd's += */
      if (xiG_op(g, XI_ADD, old, l, NULL, pos, &sum, err)) {
        free(c), free(types);
        return -1;
      }
      l = xiG_ag_copy(g, sum, pos);
    }
    if (l == XI_NONE) {
      free(c), free(types);
      return xiG_oom(g, pos, err);
    }
    c[m++] = (change){node, l, (uint8_t)kind};
  }
  free(types);
  *out = c, *n = m;
  return 0;
}

/* PyTorch's x.max() and x.min() over every element split the gradient evenly among
   tied extremes (evenly_distribute_backward, since 1.7), where xi's MAX sends it all
   to the first (torch.max(x, dim)'s rule, kept: it goes to the index returned); a tie
   under a PyTorch root is refused at the max rather than given a wrong .grad */
static int tied_extreme(const xiG_graph *g, const xiD_sweep *sw, uint32_t root, xi_err *err) {
  for (uint32_t i = sw->lo; i <= root; i++) {
    const xiG_node *n = &g->nodes[i];
    if ((n->op != XI_MAX && n->op != XI_MIN) || !n->x || n->x->p[0] != XI_ALL_AXES ||
        !xiD_needed(sw, i) || n->a < sw->lo || !xiD_needed(sw, n->a))
      continue;
    const xiG_node *a = &g->nodes[n->a];
    uint32_t ties = 0;
    for (uint32_t k = 0; k < xiG_count(a); k++)
      ties += mpfr_equal_p(xiG_el((xiG_node *)a, k), n->v) != 0;
    if (ties > 1)
      return xiX_fail(err, n->pos, "this %s is reached by %u tied elements: PyTorch's "
                      "backward() of a %s over every element splits the gradient evenly "
                      "among them (1/%u each), which xi does not (it gives all to the first): "
                      "not part of xi",
                      xiO_table[n->op].name, ties, xiO_table[n->op].name, ties);
  }
  return 0;
}

static int backward(xiR_session *s, const xiP_stmt *st, xi_err *err) {
  xiG_graph *g = &s->g;
  uint32_t mark = g->n, root;
  if (xiR_evaluate(s, st, &root, err))
    return -1;
  int fail = 0;
  if (xiG_kind(g, root) >= 0)
    fail = xiX_fail(err, st->target_pos, "a %s has no backward()",
                    xiG_kind_name(xiG_kind(g, root)));
  else if (xiG_count(&g->nodes[root]) != 1)
    fail = xiX_fail(err, st->target_pos, "RuntimeError: grad can be implicitly created only "
                    "for scalar outputs (as PyTorch says: backward() starts from one number, "
                    "the loss: loss.sum().backward() or loss.mean().backward())");
  int kind = fail ? 0 : xiG_ag_requires(g, root);
  unsigned cone = fail ? 0 : xiG_ag_cone(g, root);
  if (!fail && (cone & XI_AGM_MOVED))
    fail = xiX_fail(err, st->target_pos, kind == XI_AG_VALUE
                    ? "this was computed before a Value under it was changed in place (p.data "
                      "-= ...): micrograd's backward() would mix the new .data into the old "
                      "graph's derivatives. Compute the loss again, then backward()"
                    : "RuntimeError: one of the variables needed for gradient computation has "
                      "been modified by an inplace operation (as PyTorch says: W was updated "
                      "after this was computed; compute the loss again, then backward())");
  if (!fail && (cone & XI_AGM_CUT))
    fail = xiX_fail(err, st->target_pos, "this goes through a value whose history xi let go "
                    "(a list's older item, or what an earlier turn of a loop computed): its "
                    "gradient cannot reach the leaves under it. Compute the loss again from "
                    "the leaves, or hold what it needs in a name");
  if (!fail && !kind)
    fail = xiX_fail(err, st->target_pos, "RuntimeError: element 0 of tensors does not require "
                    "grad and does not have a grad_fn (as PyTorch says: nothing under this "
                    "value was made with requires_grad=True, or by micrograd's Value)");
  int micro = kind == XI_AG_VALUE;
  if (!fail && xiD_sweep_from(&s->sweep, g, &root, XID_ALL, NULL, 0, st->pos, err))
    fail = -1;
  xiD_sweep *sw = &s->sweep;
  if (!fail && !micro && tied_extreme(g, sw, root, err))
    fail = -1;
  for (uint32_t k = 0; k < g->ag.n && !fail; k++) {
    xiG_agentry e = g->ag.e[k];
    if ((e.kind == XI_AG_FREED || e.kind == XI_AG_INNER) && e.node >= sw->lo &&
        e.node <= root && (e.node != root || !micro) && xiD_needed(sw, e.node))
      fail = xiX_fail(err, st->target_pos, micro
                 ? "this goes through a graph an earlier backward() went through: micrograd "
                   "would add to the .grads that call left inside it, and give no derivative. "
                   "Compute the loss again (its forward pass) before each backward()"
                 : "RuntimeError: Trying to backward through the graph a second time (as "
                   "PyTorch says: compute the loss again, or pass retain_graph=True to the "
                   "first backward())");
  }
  change *c = NULL;
  uint32_t n = 0;
  if (!fail && new_grads(s, root, micro, st->pos, &c, &n, err))
    fail = -1;
  if (fail) {
    xiG_truncate(g, mark);
    return -1;
  }
  for (uint32_t k = 0; k < n && !fail; k++)
    fail = set(g, c[k].node, c[k].kind, c[k].grad);
  for (uint32_t i = sw->lo; i <= root && !fail; i++) /* what it went through */
    if ((micro || !st->has_number) && xiD_needed(sw, i) && g->nodes[i].op != XI_LEAF &&
        g->nodes[i].op != XI_CONST && !xiG_ag_find(g, i))
      fail = xiG_ag_put(g, i, XI_AG_FREED, XI_NONE);
  free(c);
  return fail ? xiG_oom(g, st->pos, err) : 0;
}

/* ---- x.grad = v, x.grad.zero_() ---- */

static int set_grad(xiR_session *s, const xiP_stmt *st, xi_err *err) {
  xiG_graph *g = &s->g;
  uint32_t x, v = XI_NONE;
  if (xiR_evaluate(s, st, &x, err))
    return -1;
  xiG_agentry *e = xiG_ag_find(g, x);
  if (!e || e->kind == XI_AG_FREED)
    return xiX_fail(err, st->target_pos, "xi sets the .grad of a Value made by Value(...) or "
                    "of a tensor made with requires_grad=True (for p in params: p.grad = 0)");
  int kind = e->kind;
  const xiP_code *rhs = &st->items[0].code;
  if (rhs->n == 0 && kind != XI_AG_TENSOR)
    return xiX_fail(err, st->items[0].pos, "micrograd's .grad is a number: p.grad = 0");
  if (rhs->n) {
    uint32_t r;
    if (xiG_exec(g, rhs, NULL, NULL, 0, &r, err))
      return -1;
    xi_shape a = xiG_shape(&g->nodes[x]), b = xiG_shape(&g->nodes[r]);
    if (xiG_kind(g, r) >= 0 ||
        (kind == XI_AG_TENSOR && !xiO_same_shape(&a, &b) && xiG_count(&g->nodes[r]) != 1))
      return xiX_fail(err, st->items[0].pos, "a .grad is a number or an array of its "
                      "tensor's shape");
    if (kind == XI_AG_TENSOR && !xiO_same_shape(&a, &b)) { /* W.grad = 0: zeros of W's shape */
      uint32_t z = zeros_like(g, x, st->pos);
      if (z == XI_NONE || xiG_op(g, XI_ADD, z, r, NULL, st->pos, &r, err))
        return z == XI_NONE ? xiG_oom(g, st->pos, err) : -1;
    }
    if ((v = xiG_ag_copy(g, r, st->pos)) == XI_NONE)
      return xiG_oom(g, st->pos, err);
  }
  return set(g, x, kind, v) ? xiG_oom(g, st->pos, err) : 0;
}

static int zero_grad(xiR_session *s, const xiP_stmt *st, xi_err *err) {
  xiG_graph *g = &s->g;
  uint32_t x;
  if (xiR_evaluate(s, st, &x, err))
    return -1;
  xiG_agentry *e = xiG_ag_find(g, x);
  if (!e || e->kind != XI_AG_TENSOR)
    return xiX_fail(err, st->target_pos, "zero_() is PyTorch's, for a tensor made with "
                    "requires_grad=True (micrograd's .grad is a number: p.grad = 0)");
  if (e->grad == XI_NONE)
    return xiX_fail(err, st->target_pos, "AttributeError: 'NoneType' object has no attribute "
                    "'zero_' (as Python says: .grad is None until the first backward(); "
                    "zero it after backward(), or write W.grad = None)");
  uint32_t z = zeros_like(g, e->grad, st->pos);
  if (z == XI_NONE)
    return xiG_oom(g, st->pos, err);
  return set(g, x, XI_AG_TENSOR, z) ? xiG_oom(g, st->pos, err) : 0;
}

/* ---- x.data op= e ---- */

static int set_data(xiR_session *s, const xiP_stmt *st, xi_err *err) {
  xiG_graph *g = &s->g;
  uint32_t mark = g->n, old, rhs, r;
  if (xiR_evaluate(s, st, &old, err))
    return -1;
  xiG_agentry *e = xiG_ag_find(g, old);
  if (!e || (e->kind != XI_AG_VALUE && e->kind != XI_AG_TENSOR))
    return xiX_fail(err, st->target_pos, xiG_ag_requires(g, old)
                    ? "the .data of a computed value: xi changes the Values made by Value(...) "
                      "and the tensors made with requires_grad=True (what is computed from "
                      "them keeps the values it was computed from)"
                    : "x.data op= e changes a micrograd Value or a torch tensor: this is a "
                      "plain value (write x -= e)");
  if (xiG_exec(g, &st->items[0].code, NULL, NULL, 0, &rhs, err))
    return -1;
  int op = op_of(st->assign);
  if (st->assign != T_ASSIGN && op < 0)
    return xiX_fail(err, st->target_pos, "x.data takes =, +=, -=, *= or /=");
  if (op >= 0 && xiG_op(g, op, old, rhs, NULL, st->target_pos, &r, err))
    return -1;
  if (xiG_ag_replace(g, old, op >= 0 ? r : rhs, st->target_pos, NULL, err)) {
    xiG_truncate(g, mark);
    return -1;
  }
  return 0;
}

/* ---- the statement ---- */

int xiR_autograd(xiR_session *s, const xiP_stmt *st, xi_err *err) {
  switch (st->cmd) {
  case XI_AG_BACKWARD: return backward(s, st, err);
  case XI_AG_GRADSET: return set_grad(s, st, err);
  case XI_AG_ZERO: return zero_grad(s, st, err);
  case XI_AG_DATA: return set_data(s, st, err);
  case XI_AG_NO_GRAD: { /* what the block makes has no graph to PyTorch */
    if (xiG_ag_nograd(&s->g, 1))
      return xiG_oom(&s->g, st->pos, err);
    s->g.ag.no_grad++;
    int failures = xiR_run_span(s, st->body_off, st->body_off + st->body_len, st->body_pos, 1);
    s->g.ag.no_grad--;
    if (!s->g.ag.no_grad)
      xiG_ag_nograd(&s->g, 0);
    return failures ? XI_REPORTED : 0;
  }
  }
  return 0;
}

/* tensor i as PyTorch prints it: its numbers, dtype, grad_fn or requires_grad */
static int tensor_text(xiR_session *s, xiW_buf *b, uint32_t i, unsigned cone, xi_pos at,
                       xi_err *err) {
  xiG_graph *g = &s->g;
  xiG_node *n = &g->nodes[i];
  xiW_torch_suffix sfx = {NULL, NULL, 0};
  if (xiG_dtype_of_flags(n->flags) == XI_DT_FLOAT) {
    if ((cone & XI_AGM_F32) && (cone & XI_AGM_F64))
      return xiX_fail(err, at, "this tensor is computed from float32 and float64 tensors: "
                               "PyTorch's type promotion decides its dtype, which xi does not "
                               "follow in print (make them all dtype=torch.float64)");
    sfx.dtype = cone & XI_AGM_F64 ? "torch.float64" : NULL;
  }
  const xiG_agentry *e = xiG_ag_find(g, i);
  int cut = e && e->kind == XI_AG_CUT; /* (a list's older item: its grad_fn kept) */
  if ((n->op == XI_LEAF || n->op == XI_CONST) && !cut) {
    sfx.requires_grad = e && e->kind == XI_AG_TENSOR;
  } else if ((cone & XI_AGM_GRAD) && !(cone & XI_AGM_NOGRAD)) {
    if (!(sfx.grad_fn = xiG_ag_grad_fn(g, i)))
      return xiX_fail(err, at, "PyTorch prints this tensor with the name of the operation that "
                               "made it (grad_fn=<...>), and xi does not know that name for "
                               "%s: print(x.detach()) prints it without, f\"{x.item():.4f}\" "
                               "one number", xiO_table[n->op].form);
  }
  char why[256];
  xiO_view v = xiG_view(n);
  if (xiW_torch_str(b, &v, &sfx, why, sizeof why))
    return xiX_fail(err, at, "%s", why);
  return 0;
}

int xiR_ag_text(xiR_session *s, xiW_buf *b, uint32_t i, size_t len, xi_pos at, xi_err *err) {
  xiG_graph *g = &s->g;
  if (!g->ag.n || xiG_kind(g, i) >= 0)
    return 0;
  unsigned cone = xiG_ag_cone(g, i);
  if (!(cone & (XI_AGM_VALUE | XI_AGM_TORCH)))
    return 0;
  if (!(cone & XI_AGM_VALUE)) {
    if (len && xiG_count(&g->nodes[i]) == 1)
      return 0; /* f"{loss:.4f}": a one-number tensor formats its item, as PyTorch's */
    if (len)
      return xiX_fail(err, at, "TypeError: unsupported format string passed to "
                               "Tensor.__format__ (as Python says: a tensor of more than one "
                               "number has no format spec)");
    return tensor_text(s, b, i, cone, at, err) ? -1 : 1;
  }
  if (len)
    return xiX_fail(err, at, "TypeError: unsupported format string passed to Value.__format__ "
                             "(as Python says: micrograd's Value has no format of its own; "
                             "write f\"{g.data:.4f}\")");
  uint32_t d = xiG_ag_copy(g, i, at); /* its .data: a plain number */
  if (d == XI_NONE)
    return xiG_oom(g, at, err);
  xiG_agentry *e = xiG_ag_find(g, i);
  uint32_t grad = e ? e->grad : XI_NONE;
  xiW_str(b, "Value(data=", 11);
  if (xiR_py_text(s, b, d, at, err))
    return -1;
  xiW_str(b, ", grad=", 7);
  if (grad == XI_NONE)
    xiW_str(b, "0", 1);
  else if (xiR_py_text(s, b, grad, at, err))
    return -1;
  xiW_str(b, ")", 1);
  return 1;
}

void xiR_ag_notes(xiR_session *s) {
  xiG_autograd *a = &s->g.ag;
  if (s->g.set_walked == 1) { /* micrograd's for child in v._prev */
    s->g.set_walked = 2;
    fflush(stdout);
    fprintf(stderr, "%s:%u:%u: note: Python walks a set of objects in the order of their "
                    "addresses, which changes from run to run; xi walks it in the order its "
                    "items were added, so a sum whose terms come in that order (a .grad of "
                    "three terms or more) may differ from a Python run's in its last digit, "
                    "as Python's runs differ from one another (help python)\n",
            s->file ? s->file : "xi", s->g.set_walked_pos.line, s->g.set_walked_pos.col);
  }
  if (a->note32 != 1)
    return;
  a->note32 = 2;
  fflush(stdout);
  fprintf(stderr, "%s:%u:%u: note: PyTorch makes this tensor float32, its default dtype; xi "
                  "computes it in binary64 (float64), as dtype=torch.float64 would, so digits "
                  "past the 7th may differ from PyTorch's (help python)\n",
          s->file ? s->file : "xi", a->note_pos.line, a->note_pos.col);
}
