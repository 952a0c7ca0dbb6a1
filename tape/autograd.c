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
#include "tape/python.h"
#include "tape/names.h"

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
  a->e[k] = (xiG_agentry){node, grad, (uint8_t)kind, 0, 0, 0};
  a->n++;
  return 0;
}

int xiG_ag_move(xiG_graph *g, uint32_t from, uint32_t to) {
  xiG_agentry *e = xiG_ag_find(g, from);
  if (!e || from == to)
    return 0;
  xiG_agentry was = *e;
  if (xiG_ag_put(g, to, was.kind, was.grad))
    return -1;
  xiG_agentry *t = xiG_ag_find(g, to);
  t->f64 = was.f64, t->bits = was.bits, t->fn = was.fn;
  e = xiG_ag_find(g, from); /* (the table may have moved) */
  if (was.kind == XI_AG_MOVED || !object(was.kind)) { /* (an undone move: the entry back) */
    memmove(e, e + 1, (size_t)(g->ag.e + g->ag.n - e - 1) * sizeof *e);
    g->ag.n--;
  } else {
    e->kind = XI_AG_MOVED, e->bits = was.kind, e->grad = XI_NONE;
  }
  return 0;
}

/* is node i one made under no_grad (a span of g->ag.nograd)? */
static int nograd(const xiG_autograd *a, uint32_t i) {
  uint32_t lo = 0, hi = a->nnograd;
  while (lo < hi) { /* the first span ending after i */
    uint32_t mid = lo + (hi - lo) / 2;
    if (a->nograd[2 * mid + 1] <= i)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo < a->nnograd && a->nograd[2 * lo] <= i;
}

int xiG_ag_nograd(xiG_graph *g, int open) {
  xiG_autograd *a = &g->ag;
  int last_open = a->nnograd && a->nograd[2 * a->nnograd - 1] == XI_NONE;
  if (!open) { /* the span ends here; an empty one goes */
    if (last_open && (a->nograd[2 * a->nnograd - 1] = g->n) <= a->nograd[2 * a->nnograd - 2])
      a->nnograd--;
    return 0;
  }
  if (last_open)
    return 0; /* (a block inside a block) */
  if (a->nnograd == a->capnograd) {
    uint32_t cap = a->capnograd ? 2 * a->capnograd : 16;
    uint32_t *p = realloc(a->nograd, 2 * cap * sizeof *p);
    if (!p)
      return -1;
    a->nograd = p, a->capnograd = cap;
  }
  a->nograd[2 * a->nnograd] = g->n, a->nograd[2 * a->nnograd + 1] = XI_NONE; /* open */
  a->nnograd++;
  return 0;
}

/* Walks root's cone down to the lowest entry: what it holds (XI_AGM_*), and
   stops early once it holds any of stop.  A tensor that requires grad counts
   for XI_AGM_GRAD only on a path that no node made under no_grad cuts, as
   PyTorch records no graph there (the new leaf of an update step made there
   is a leaf: it still requires grad). */
static unsigned cone(const xiG_graph *g, uint32_t root, unsigned stop) {
  const xiG_autograd *a = &g->ag;
  if (!a->n || root == XI_NONE)
    return 0;
  uint32_t lo = a->e[0].node;
  int leaf = g->nodes[root].op == XI_LEAF || g->nodes[root].op == XI_CONST;
  unsigned mask = !leaf && nograd(a, root) ? XI_AGM_NOGRAD : 0;
  if (root < lo)
    return mask;
  uint8_t *mark = calloc(root - lo + 1, 1); /* 1: on a path with a graph, 2: cut */
  if (!mark)
    return mask;
  mark[root - lo] = mask ? 2 : 1;
  for (uint32_t i = root + 1; i-- > lo && !(mask & stop);) {
    uint8_t m = mark[i - lo];
    if (!m)
      continue;
    uint32_t k = lower(a, i);
    if (k < a->n && a->e[k].node == i && a->e[k].kind == XI_AG_CUT) /* what it was */
      mask |= XI_AGM_CUT | (a->e[k].bits & ~(m == 1 ? 0u : XI_AGM_GRAD));
    else if (k < a->n && a->e[k].node == i && (object(a->e[k].kind) ||
                                               a->e[k].kind == XI_AG_MOVED)) {
      const xiG_agentry *e = &a->e[k];
      int kind = e->kind == XI_AG_MOVED ? e->bits : e->kind; /* (what it was) */
      mask |= e->kind == XI_AG_MOVED ? XI_AGM_MOVED : 0;
      if (kind == XI_AG_VALUE)
        mask |= XI_AGM_VALUE;
      else
        mask |= XI_AGM_TORCH | (kind == XI_AG_TENSOR && m == 1 ? XI_AGM_GRAD : 0);
      if (kind != XI_AG_VALUE && xiG_dtype_of_flags(g->nodes[i].flags) == XI_DT_FLOAT)
        mask |= e->f64 ? XI_AGM_F64 : XI_AGM_F32;
    }
    const xiG_node *n = &g->nodes[i];
    uint8_t down = m == 1 && !(n->op != XI_LEAF && nograd(a, i)) ? 1 : 2;
    for (uint32_t q = 0, na = xiG_nargs(n); q < na; q++) {
      uint32_t o = xiG_arg(n, q);
      if (o != XI_NONE && o >= lo && mark[o - lo] != 1)
        mark[o - lo] = down;
    }
  }
  free(mark);
  return mask;
}

unsigned xiG_ag_cone(const xiG_graph *g, uint32_t root) { return cone(g, root, 0); }

int xiG_ag_requires(const xiG_graph *g, uint32_t root) {
  unsigned m = cone(g, root, XI_AGM_VALUE | XI_AGM_GRAD);
  return m & XI_AGM_VALUE ? XI_AG_VALUE : m & XI_AGM_GRAD ? XI_AG_TENSOR : 0;
}

int xiG_ag_kind(const xiG_graph *g, uint32_t root) {
  unsigned m = cone(g, root, XI_AGM_VALUE | XI_AGM_TORCH);
  return m & XI_AGM_VALUE ? XI_AG_VALUE : m & XI_AGM_TORCH ? XI_AG_PLAIN : 0;
}

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
  if (e && e->kind == XI_AG_CUT && !(e->bits & XI_AGM_VALUE))
    return xiX_fail(err, pos, "this .grad is None: PyTorch keeps .grad for leaf tensors "
                              "(made with requires_grad=True) only");
  if (e && (e->kind == XI_AG_VALUE || e->kind == XI_AG_INNER || e->kind == XI_AG_CUT)) {
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
  int kind = g->nodes[x].op == XI_LEAF || g->nodes[x].op == XI_CONST ? 0 : xiG_ag_requires(g, x);
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
  if (xiG_kind(g, x) >= 0) { /* torch.tensor(xs) of a list (of lists): as np.array's */
    if (xiG_as_array(g, x, pos, &x, err))
      return -1;
    spare |= XI_TT_LITERAL; /* (Python's floats: float32) */
  }
  uint32_t l = xiG_ag_copy(g, x, pos);
  if (l == XI_NONE)
    return xiG_oom(g, pos, err);
  xiG_node *n = &g->nodes[l];
  if (spare & (XI_TT_F64 | XI_TT_F32))
    n->flags &= (uint8_t)~XI_F_DTYPE; /* dtype=torch.float64 makes ints floats */
  int dtype = xiG_dtype_of_flags(n->flags);
  if (dtype == XI_DT_UINT8) /* (torch.uint8: printed with its dtype, which xi does not) */
    return xiX_fail(err, pos, "torch.tensor of a uint8 array is not part of xi: make it ints "
                              "first (.astype(int)) or floats (dtype=torch.float64)");
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
  /* float64 when written so, or made from NumPy's float64 (a name's value, an array) */
  xiG_ag_find(g, l)->f64 = (spare & XI_TT_F64) || !(spare & (XI_TT_F32 | XI_TT_LITERAL));
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
  if (which == XI_ATTR_TORCHM)
    return xiG_torch_method(g, spare, x, pos, out, err);
  if (which == XI_ATTR_REQUIRES) { /* a bool: is there a graph from x to a leaf that
                                      requires grad (none made under no_grad) */
    unsigned m = xiG_kind(g, x) >= 0 ? 0 : xiG_ag_cone(g, x);
    if (!(m & XI_AGM_TORCH))
      return xiX_fail(err, pos, "this value has no .requires_grad: it is not a torch tensor");
    mpfr_t v;
    mpfr_init2(v, g->prec);
    mpfr_set_ui(v, (m & XI_AGM_GRAD) && !(m & XI_AGM_NOGRAD), MPFR_RNDN);
    xiO_view one = {v, {0, 1, 1}, 1, NULL, XI_DT_BOOL};
    *out = xiG_leaf(g, &one, pos);
    mpfr_clear(v);
    return *out == XI_NONE ? xiG_oom(g, pos, err) : 0;
  }
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
  unsigned cone = which == XI_ATTR_DATA && !(spare & XI_DATA_PLAIN) ? xiG_ag_cone(g, x) : 0;
  uint32_t l = xiG_ag_copy(g, x, pos); /* Value(x), x.data: the value, no history */
  if (l == XI_NONE || (which == XI_ATTR_VALUE && xiG_ag_put(g, l, XI_AG_VALUE, XI_NONE)))
    return xiG_oom(g, pos, err);
  if (cone & XI_AGM_TORCH) { /* W.detach(), W.data: a tensor of W's dtype, without a graph */
    if (xiG_ag_put(g, l, XI_AG_PLAIN, XI_NONE))
      return xiG_oom(g, pos, err);
    xiG_ag_find(g, l)->f64 = (cone & XI_AGM_F64) != 0;
  }
  *out = l;
  return 0;
}

/* ---- PyTorch's grad_fn, and what a cut node was ---- */

static const char *const fn_names[] = {
    NULL, "AddBackward0", "RsubBackward1", "SubBackward0", "MulBackward0", "DivBackward0",
    "NegBackward0", "PowBackward0", "ExpBackward0", "LogBackward0", "SqrtBackward0",
    "AbsBackward0", "TanhBackward0", "SigmoidBackward0", "ReluBackward0", "SumBackward0",
    "SumBackward1", "MeanBackward0", "MeanBackward1", "MmBackward0", "MvBackward0",
    "DotBackward0"};

/* fn_names' index for node i; torch[o]: node o's cone (NULL: walk it) */
static int fn_of(const xiG_graph *g, uint32_t i, const uint8_t *torch) {
  const xiG_node *n = &g->nodes[i];
#define TORCH(o) (torch ? (torch[o] & XI_AGM_TORCH) : (cone(g, o, 0) & XI_AGM_TORCH))
  int scalar_a = n->a != XI_NONE && !TORCH(n->a), scalar_b = n->b != XI_NONE && !TORCH(n->b);
#undef TORCH
  xi_shape a = n->a != XI_NONE ? xiG_shape(&g->nodes[n->a]) : (xi_shape){0, 1, 1};
  xi_shape b = n->b != XI_NONE ? xiG_shape(&g->nodes[n->b]) : (xi_shape){0, 1, 1};
  int all = n->x && n->x->p[0] == XI_ALL_AXES;
  switch (n->op) {
  case XI_ADD: return 1;
  case XI_SUB: return scalar_a ? 2 : 3; /* 1 - p */
  case XI_MUL: return 4;
  case XI_DIV: return scalar_a ? 0 : 5; /* (2 / x is a reciprocal's) */
  case XI_NEG: return 6;
  case XI_POW: return scalar_b && !scalar_a ? 7 : 0;
  case XI_EXP: return 8;
  case XI_LOG: return 9;
  case XI_SQRT: return 10;
  case XI_ABS: return 11;
  case XI_TANH: return 12;
  case XI_SIGMOID: return 13;
  case XI_RELU: return 14;
  case XI_SUM: return all ? 15 : 16;
  case XI_MEAN: return all ? 17 : 18;
  case XI_MATMUL:
    return a.rank == 2 && b.rank == 2 ? 19 : a.rank == 2 && b.rank == 1 ? 20
           : a.rank == 1 && b.rank == 1 ? 21 : 0;
  default: return 0;
  }
}

const char *xiG_ag_grad_fn(const xiG_graph *g, uint32_t i) {
  uint32_t k = lower(&g->ag, i);
  if (k < g->ag.n && g->ag.e[k].node == i && g->ag.e[k].kind == XI_AG_CUT)
    return fn_names[g->ag.e[k].fn];
  return fn_names[fn_of(g, i, NULL)];
}

void xiG_ag_cut(xiG_graph *g, const uint8_t *live) {
  xiG_autograd *a = &g->ag;
  if (!a->n)
    return;
  uint8_t *m = calloc(g->n ? g->n : 1, 1); /* each node's cone, in one pass up */
  if (!m)
    return;
  for (uint32_t i = a->e[0].node, k = 0; i < g->n; i++) {
    while (k < a->n && a->e[k].node < i)
      k++;
    const xiG_node *n = &g->nodes[i];
    unsigned bits = 0;
    if (k < a->n && a->e[k].node == i) {
      const xiG_agentry *e = &a->e[k];
      int kind = e->kind == XI_AG_MOVED ? e->bits : e->kind; /* (what it was) */
      if (e->kind == XI_AG_CUT)
        bits = e->bits;
      else if (kind == XI_AG_VALUE)
        bits = XI_AGM_VALUE;
      else if (object(kind))
        bits = XI_AGM_TORCH | (kind == XI_AG_TENSOR ? XI_AGM_GRAD : 0) |
               (xiG_dtype_of_flags(n->flags) != XI_DT_FLOAT ? 0
                : e->f64                                    ? XI_AGM_F64
                                                            : XI_AGM_F32);
    }
    int cut_here = n->op != XI_LEAF && nograd(a, i);
    for (uint32_t q = 0, na = xiG_nargs(n); q < na; q++) {
      uint32_t o = xiG_arg(n, q);
      if (o != XI_NONE && o < i)
        bits |= m[o] & ~(cut_here ? XI_AGM_GRAD : 0u);
    }
    m[i] = (uint8_t)(bits & ~XI_AGM_NOGRAD);
  }
  for (uint32_t i = a->e[0].node; i < g->n; i++) {
    const xiG_node *n = &g->nodes[i];
    if (live[i] < 2 || n->op == XI_TUPLE || n->op == XI_LEAF || n->op == XI_CONST ||
        !(m[i] & (XI_AGM_VALUE | XI_AGM_TORCH)))
      continue; /* (what renew.c's cut leaves alone, or a plain number) */
    xiG_agentry *e = xiG_ag_find(g, i);
    uint32_t grad = e && e->kind == XI_AG_INNER ? e->grad : XI_NONE;
    if (xiG_ag_put(g, i, XI_AG_CUT, grad))
      break; /* (no memory: it prints as a plain number, as before) */
    e = xiG_ag_find(g, i);
    e->bits = m[i], e->f64 = (m[i] & XI_AGM_F64) != 0;
    e->fn = (uint8_t)((m[i] & XI_AGM_GRAD) && !nograd(a, i) ? fn_of(g, i, m) : 0);
  }
  free(m);
}

/* ---- changes in place ---- */

int xiG_ag_replace(xiG_graph *g, uint32_t old, uint32_t r, xi_pos pos, uint32_t *out,
                   xi_err *err) {
  xi_shape a = xiG_shape(&g->nodes[old]), b = xiG_shape(&g->nodes[r]);
  if (xiG_kind(g, r) >= 0 || !xiO_same_shape(&a, &b)) {
    char sa[48], sb[48];
    xiO_shape_text(&a, sa, sizeof sa);
    xiO_shape_text(&b, sb, sizeof sb);
    return xiX_fail(err, pos, "an update in place keeps the shape %s, and this gives %s", sa,
                    xiG_kind(g, r) >= 0 ? xiG_kind_name(xiG_kind(g, r)) : sb);
  }
  uint32_t l = xiG_ag_copy(g, r, pos), places;
  if (l == XI_NONE)
    return xiG_oom(g, pos, err);
  g->nodes[l].flags |= XI_F_UPDATE;
  if (xiG_ag_move(g, old, l)) /* first: the lists made anew hold an object, as the old did */
    return xiG_oom(g, pos, err);
  if (xiG_replace(g, old, l, pos, &places, err)) {
    xiG_ag_move(g, l, old);
    return -1;
  }
  if (out)
    *out = l;
  return 0;
}

int xiG_ag_update(xiG_graph *g, uint32_t name, int op, uint32_t rhs, uint32_t mark, xi_pos pos,
                  uint32_t *bound, xi_err *err) {
  const xiG_binding *b = xiG_binding_of(g, name);
  if (!g->ag.n || !b || b->kind != B_NODE || xiG_kind(g, b->node) >= 0 || xiG_kind(g, rhs) >= 0)
    return 0;
  uint32_t old = b->node, r;
  xiG_agentry *e = xiG_ag_find(g, old);
  if (e && e->kind == XI_AG_TENSOR) { /* W -= lr * W.grad */
    if (!g->ag.no_grad)
      return xiX_fail(err, pos, "RuntimeError: a leaf Variable that requires grad is being "
                                "used in an in-place operation (as PyTorch says: an update "
                                "step goes inside with torch.no_grad():)");
    if (xiG_op(g, op, old, rhs, NULL, pos, &r, err) ||
        xiG_ag_replace(g, old, r, pos, NULL, err))
      return -1;
    *bound = xiG_binding_of(g, name)->node;
    return 1;
  }
  if (g->ag.no_grad)
    return 0;
  /* micrograd's Value has no +=: c += e is c = c + e, a new Value; and loss =
     0; loss += (p - y)**2 is a sum that keeps its graph, not an update step */
  if ((e && e->kind == XI_AG_VALUE) ||
      (g->nodes[old].op == XI_LEAF && !e && xiG_ag_requires(g, rhs))) {
    if (xiG_op(g, op, old, rhs, NULL, pos, &r, err) ||
        xiG_assign(g, name, r, mark, NULL, pos, bound, err))
      return -1;
    return 1;
  }
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

/* the spans of no_grad's nodes after a collection: each from its first node
   alive to its last (renumbering keeps the order); a span with none goes */
static void spans_renumber(xiG_autograd *a, const uint32_t *to, uint32_t n) {
  uint32_t kept = 0, now = 0; /* now: the nodes alive, the next one's number */
  for (uint32_t i = n; i-- > 0;)
    if (to[i] != XI_NONE) {
      now = to[i] + 1;
      break;
    }
  for (uint32_t k = 0; k < a->nnograd; k++) {
    uint32_t from = a->nograd[2 * k], end = a->nograd[2 * k + 1], f = XI_NONE, l = XI_NONE;
    for (uint32_t i = from; i < (end == XI_NONE ? n : end); i++)
      if (to[i] != XI_NONE) {
        f = f == XI_NONE ? to[i] : f;
        l = to[i];
      }
    if (end == XI_NONE) { /* open, its block running: from its first node alive, or
                             from the next one made */
      a->nograd[2 * kept] = f != XI_NONE ? f : now;
      a->nograd[2 * kept++ + 1] = XI_NONE;
    } else if (f != XI_NONE) {
      a->nograd[2 * kept] = f, a->nograd[2 * kept++ + 1] = l + 1;
    }
  }
  a->nnograd = kept;
}

void xiG_ag_renumber(xiG_graph *g, const uint32_t *to, uint32_t n) {
  xiG_autograd *a = &g->ag;
  spans_renumber(a, to, n);
  a->n = renumber(a->e, a->n, to);
  if (a->saved)
    a->nsaved = renumber(a->saved, a->nsaved, to);
}

void xiG_ag_save(xiG_graph *g) {
  xiG_autograd *a = &g->ag;
  xiG_ag_unsave(g);
  a->saved = malloc((a->n ? a->n : 1) * sizeof *a->saved);
  if (a->saved && a->n) /* (an empty table has no buffer: memcpy from NULL is undefined) */
    memcpy(a->saved, a->e, a->n * sizeof *a->e);
  a->nsaved = a->saved ? a->n : 0;
}

void xiG_ag_restore(xiG_graph *g) {
  xiG_autograd *a = &g->ag;
  if (!a->saved)
    return; /* (no memory to keep it: the line's .grads stay) */
  free(a->e);
  a->e = a->saved, a->n = a->cap = a->nsaved;
  a->saved = NULL, a->nsaved = 0;
  a->no_grad = 0; /* (a line starts outside every with block) */
  xiG_ag_nograd(g, 0);
}

void xiG_ag_unsave(xiG_graph *g) {
  free(g->ag.saved);
  g->ag.saved = NULL, g->ag.nsaved = 0;
}

void xiG_ag_truncate(xiG_graph *g, uint32_t mark) {
  xiG_autograd *a = &g->ag;
  while (a->nnograd && a->nograd[2 * a->nnograd - 2] >= mark &&
         a->nograd[2 * a->nnograd - 1] != XI_NONE)
    a->nnograd--; /* (an open span stays: its block runs) */
  if (a->nnograd && a->nograd[2 * a->nnograd - 1] != XI_NONE &&
      a->nograd[2 * a->nnograd - 1] > mark)
    a->nograd[2 * a->nnograd - 1] = mark;
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
  free(g->ag.nograd);
  free(g->ag.saved);
  memset(&g->ag, 0, sizeof g->ag);
}
