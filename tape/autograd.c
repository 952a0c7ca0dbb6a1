/* autograd.c: micrograd's and PyTorch's .grad, kept beside the tape.
 *
 * In micrograd and PyTorch a value is an object with a .grad that
 * backward() adds to.  xi's values never change, so the .grads live here, in
 * a table sorted by node: an entry per leaf made by Value(x) or by
 * torch.tensor(x, requires_grad=True), its .grad a leaf of its own (or none
 * yet: 0 for a Value, None for a tensor).  The sweep that fills them is the
 * session's (cmd/pytorch.c): this layer only keeps, reads and moves them.
 * A collection renumbers the table with the tape and keeps the .grads of the
 * nodes still alive; an entry whose node died goes with it, as Python's
 * object would. */
#include <stdlib.h>
#include <string.h>

#include "tape/graph.h"

static uint32_t lower(const xiG_autograd *a, uint32_t node) {
  uint32_t lo = 0, hi = a->n;
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (a->e[mid].node < node)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

/* a leaf of Value(x) or torch.tensor(x): an object */
static int object(int kind) {
  return kind == XI_AG_VALUE || kind == XI_AG_TENSOR || kind == XI_AG_PLAIN;
}

int xiG_ag_keeps(const xiG_graph *g, uint32_t node) {
  if (!g->ag.n)
    return 0;
  uint32_t k = lower(&g->ag, node);
  return k < g->ag.n && g->ag.e[k].node == node && object(g->ag.e[k].kind);
}

xiG_agentry *xiG_ag_find(xiG_graph *g, uint32_t node) {
  uint32_t k = lower(&g->ag, node);
  return k < g->ag.n && g->ag.e[k].node == node ? &g->ag.e[k] : NULL;
}

int xiG_ag_put(xiG_graph *g, uint32_t node, int kind, uint32_t grad) {
  xiG_autograd *a = &g->ag;
  uint32_t k = lower(a, node);
  if (k < a->n && a->e[k].node == node) {
    a->e[k].kind = (uint8_t)kind, a->e[k].grad = grad;
    return 0;
  }
  if (a->n == a->cap) {
    uint32_t cap = a->cap ? 2 * a->cap : 64;
    xiG_agentry *e = realloc(a->e, cap * sizeof *e);
    if (!e)
      return -1;
    a->e = e, a->cap = cap;
  }
  memmove(a->e + k + 1, a->e + k, (a->n - k) * sizeof *a->e);
  a->e[k] = (xiG_agentry){node, grad, (uint8_t)kind};
  a->n++;
  return 0;
}

int xiG_ag_move(xiG_graph *g, uint32_t from, uint32_t to) {
  xiG_agentry *e = xiG_ag_find(g, from);
  if (!e || from == to)
    return 0;
  xiG_agentry was = *e;
  memmove(e, e + 1, (size_t)(g->ag.e + g->ag.n - e - 1) * sizeof *e);
  g->ag.n--;
  return xiG_ag_put(g, to, was.kind, was.grad);
}

/* the kind of the first leaf under root that keeps a .grad (XI_AG_VALUE or
   XI_AG_TENSOR; XI_AG_PLAIN too when plain), or 0 */
static int reach(const xiG_graph *g, uint32_t root, int plain) {
  const xiG_autograd *a = &g->ag;
  if (!a->n || root == XI_NONE)
    return 0;
  uint32_t lo = a->e[0].node;
  if (root < lo)
    return 0;
  uint8_t *seen = calloc(root - lo + 1, 1);
  if (!seen)
    return 0;
  int kind = 0;
  seen[root - lo] = 1;
  for (uint32_t i = root + 1; i-- > lo && !kind;) {
    if (!seen[i - lo])
      continue;
    uint32_t k = lower(a, i);
    if (k < a->n && a->e[k].node == i && object(a->e[k].kind) &&
        (plain || a->e[k].kind != XI_AG_PLAIN))
      kind = a->e[k].kind;
    const xiG_node *n = &g->nodes[i];
    for (uint32_t q = 0, na = xiG_nargs(n); q < na; q++) {
      uint32_t o = xiG_arg(n, q);
      if (o != XI_NONE && o >= lo)
        seen[o - lo] = 1;
    }
  }
  free(seen);
  return kind;
}

int xiG_ag_requires(const xiG_graph *g, uint32_t root) { return reach(g, root, 0); }
int xiG_ag_kind(const xiG_graph *g, uint32_t root) { return reach(g, root, 1); }

uint32_t xiG_ag_copy(xiG_graph *g, uint32_t x, xi_pos pos) {
  xiO_view v = xiG_view(&g->nodes[x]);
  __mpfr_struct one = g->nodes[x].v[0]; /* a scalar's own: the tape may move as it grows */
  if (!xiG_is_tensor(&g->nodes[x]))
    v.el = &one;
  return xiG_leaf(g, &v, pos);
}

/* a leaf holding the whole number 0 (micrograd's .grad before any backward) */
static uint32_t int_zero(xiG_graph *g, xi_pos pos) {
  mpfr_t z;
  mpfr_init2(z, g->prec);
  mpfr_set_zero(z, 1);
  xiO_view v = {z, {0, 1, 1}, 1, NULL, XI_DT_INT};
  uint32_t l = xiG_leaf(g, &v, pos);
  mpfr_clear(z);
  return l;
}

static int grad_of(xiG_graph *g, uint32_t x, xi_pos pos, uint32_t *out, xi_err *err) {
  xiG_agentry *e = xiG_ag_find(g, x);
  if (e && e->grad != XI_NONE) {
    *out = e->grad;
    return 0;
  }
  if (e && (e->kind == XI_AG_VALUE || e->kind == XI_AG_INNER)) {
    *out = int_zero(g, pos); /* micrograd's self.grad = 0 */
    return 0;
  }
  if (e && e->kind == XI_AG_PLAIN)
    return xiX_fail(err, pos, "this .grad is None: the tensor was made without "
                              "requires_grad=True (PyTorch gives None)");
  if (e && e->kind == XI_AG_TENSOR)
    return xiX_fail(err, pos, "this .grad is None: no backward() has reached the tensor yet "
                              "(PyTorch's .grad is None until then; print(W.grad) would "
                              "print None)");
  int kind = g->nodes[x].op == XI_LEAF || g->nodes[x].op == XI_CONST ? 0 : reach(g, x, 0);
  if (kind == XI_AG_VALUE && !e) {
    *out = int_zero(g, pos); /* a Value no backward() has gone through */
    return 0;
  }
  if (kind == XI_AG_VALUE)
    return xiX_fail(err, pos, "xi keeps the .grad of the Values made by Value(...) and of "
                              "those a name held when backward() ran: this one had none "
                              "(name it before loss.backward(): h = ...)");
  if (kind == XI_AG_TENSOR)
    return xiX_fail(err, pos, "this .grad is None: PyTorch keeps .grad for leaf tensors "
                              "(made with requires_grad=True) only, and warns when a "
                              "computed tensor's is read");
  return xiX_fail(err, pos, "this value has no .grad: micrograd's Value(...) and "
                            "torch.tensor(..., requires_grad=True) keep one (this is a "
                            "plain number or array)");
}

/* torch.tensor(x, ...): a new leaf, float32 noted, requires_grad kept */
static int tensor(xiG_graph *g, int spare, uint32_t x, xi_pos pos, uint32_t *out, xi_err *err) {
  if (xiG_kind(g, x) >= 0 && xiG_array_of_tuple(g, x, pos, &x, err))
    return -1; /* torch.tensor(xs) of a list: its numbers, as np.array's */
  uint32_t l = xiG_ag_copy(g, x, pos);
  if (l == XI_NONE)
    return xiG_oom(g, pos, err);
  xiG_node *n = &g->nodes[l];
  if (spare & (XI_TT_F64 | XI_TT_F32))
    n->flags &= (uint8_t)~XI_F_DTYPE; /* dtype=torch.float64 makes ints floats */
  int dtype = xiG_dtype_of_flags(n->flags);
  if ((spare & XI_TT_GRAD) && dtype != XI_DT_FLOAT)
    return xiX_fail(err, pos, "RuntimeError: Only Tensors of floating point and complex dtype "
                              "can require gradients (as PyTorch says: write the numbers as "
                              "floats, 1.0, or dtype=torch.float64)");
  if (dtype == XI_DT_FLOAT && !(spare & XI_TT_F64) &&
      (spare & (XI_TT_F32 | XI_TT_LITERAL)) && !g->ag.note32) {
    g->ag.note32 = 1; /* PyTorch would make it float32: the session says so once */
    g->ag.note_pos = pos;
  }
  if (xiG_ag_put(g, l, spare & XI_TT_GRAD ? XI_AG_TENSOR : XI_AG_PLAIN, XI_NONE))
    return xiG_oom(g, pos, err);
  *out = l;
  return 0;
}

int xiG_ag_attr(xiG_graph *g, int which, int spare, uint32_t x, xi_pos pos, uint32_t *out,
                xi_err *err) {
  if (which == XI_ATTR_BACKWARD || which == XI_ATTR_ZERO)
    return xiX_fail(err, pos, "%s gives None: write it as a statement of its own",
                    which == XI_ATTR_BACKWARD ? "backward()" : "zero_()");
  if (which == XI_ATTR_TENSOR)
    return tensor(g, spare, x, pos, out, err);
  if (xiG_kind(g, x) >= 0 && which == XI_ATTR_VALUE)
    return xiX_fail(err, pos, "Value(x) takes one number, not a %s",
                    xiG_kind_name(xiG_kind(g, x)));
  if (xiG_kind(g, x) >= 0)
    return xiX_fail(err, pos, "a %s has no %s", xiG_kind_name(xiG_kind(g, x)),
                    which == XI_ATTR_GRAD ? ".grad" : ".data");
  if (which == XI_ATTR_GRAD)
    return grad_of(g, x, pos, out, err);
  if (which == XI_ATTR_VALUE && xiG_is_tensor(&g->nodes[x]))
    return xiX_fail(err, pos, "micrograd's Value holds one number: Value(2.0) (for arrays "
                              "see torch.tensor)");
  uint32_t l = xiG_ag_copy(g, x, pos); /* Value(x), x.data: the value, no history */
  if (l == XI_NONE || (which == XI_ATTR_VALUE && xiG_ag_put(g, l, XI_AG_VALUE, XI_NONE)))
    return xiG_oom(g, pos, err);
  *out = l;
  return 0;
}

/* ---- the tape changes ---- */

void xiG_ag_live(const xiG_graph *g, uint8_t *live) {
  for (uint32_t k = 0; k < g->ag.n; k++)
    if (live[g->ag.e[k].node] && g->ag.e[k].grad != XI_NONE)
      live[g->ag.e[k].grad] = 1;
  for (uint32_t k = 0; g->ag.saved && k < g->ag.nsaved; k++)
    if (live[g->ag.saved[k].node] && g->ag.saved[k].grad != XI_NONE)
      live[g->ag.saved[k].grad] = 1; /* (a rollback puts it back) */
}

static uint32_t renumber(xiG_agentry *e, uint32_t n, const uint32_t *to) {
  uint32_t kept = 0;
  for (uint32_t k = 0; k < n; k++) {
    xiG_agentry x = e[k];
    if (to[x.node] == XI_NONE)
      continue; /* its object is gone */
    x.node = to[x.node];
    x.grad = x.grad == XI_NONE ? XI_NONE : to[x.grad];
    e[kept++] = x; /* renumbering keeps the order */
  }
  return kept;
}

void xiG_ag_renumber(xiG_graph *g, const uint32_t *to) {
  xiG_autograd *a = &g->ag;
  a->n = renumber(a->e, a->n, to);
  if (a->saved)
    a->nsaved = renumber(a->saved, a->nsaved, to);
}

void xiG_ag_save(xiG_graph *g) {
  xiG_autograd *a = &g->ag;
  xiG_ag_unsave(g);
  a->saved = malloc((a->n ? a->n : 1) * sizeof *a->saved);
  if (a->saved)
    memcpy(a->saved, a->e, a->n * sizeof *a->e), a->nsaved = a->n;
}

void xiG_ag_restore(xiG_graph *g) {
  xiG_autograd *a = &g->ag;
  if (!a->saved)
    return; /* (no memory to keep it: the line's .grads stay) */
  free(a->e);
  a->e = a->saved, a->n = a->cap = a->nsaved;
  a->saved = NULL, a->nsaved = 0;
  a->no_grad = 0; /* (a line starts outside every with block) */
}

void xiG_ag_unsave(xiG_graph *g) {
  free(g->ag.saved);
  g->ag.saved = NULL, g->ag.nsaved = 0;
}

void xiG_ag_truncate(xiG_graph *g, uint32_t mark) {
  xiG_autograd *a = &g->ag;
  uint32_t kept = 0;
  for (uint32_t k = 0; k < a->n; k++) {
    xiG_agentry e = a->e[k];
    if (e.node >= mark)
      continue;
    if (e.grad != XI_NONE && e.grad >= mark)
      e.grad = XI_NONE; /* (a failed statement's .grad: the statement left nothing) */
    a->e[kept++] = e;
  }
  a->n = kept;
}

void xiG_ag_free(xiG_graph *g) {
  free(g->ag.e);
  free(g->ag.saved);
  memset(&g->ag, 0, sizeof g->ag);
}
