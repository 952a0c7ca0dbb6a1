/* grad.c: reverse-mode accumulation over the tape, in numbers. */
#include "grad/grad.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grad/adjoint.h" /* xiA_prepare: grad(...) values in the way */

void xiD_init(xiD_sweep *s) { memset(s, 0, sizeof *s); }

void xiD_forget(xiD_sweep *s) {
  for (uint32_t i = 0; i < s->telcap; i++) {
    xiM_unblock(s->tel[i]);
    s->tel[i] = NULL;
    s->tn[i] = 0;
  }
  s->lo = 1, s->root = 0; /* an empty range: every adjoint reads as 0 */
  s->last.valid = 0;
}

void xiD_free(xiD_sweep *s) {
  xiD_forget(s);
  for (int op = 0; op < XI_NOPS; op++)
    for (int k = 0; k < 2; k++)
      xiP_code_free(&s->formula[op][k]);
  free(s->tel);
  free(s->tn);
  xiM_free(&s->limbs);
  free(s->adj);
  free(s->need);
  if (s->tmp_ready)
    mpfr_clear(s->tmp);
  memset(s, 0, sizeof *s);
}

/* room for an adjoint per node, all at the working precision */
static int reserve(xiD_sweep *s, const xiG_graph *g) {
  if (s->prec != g->prec) { /* a new precision: a new pool, placed again below */
    xiD_forget(s);
    xiM_free(&s->limbs);
    xiM_init(&s->limbs, g->prec);
    s->n = 0;
    if (s->tmp_ready)
      mpfr_set_prec(s->tmp, g->prec);
    s->prec = g->prec;
  }
  if (!s->tmp_ready) {
    mpfr_init2(s->tmp, g->prec);
    s->tmp_ready = 1;
  }
  if (g->n > s->cap) {
    uint32_t cap = g->n + g->n / 2 + 64;
    __mpfr_struct *a = realloc(s->adj, (size_t)cap * sizeof *a);
    if (!a)
      return -1;
    s->adj = a;
    s->cap = cap;
  }
  if (g->n > s->needcap) {
    uint8_t *nd = realloc(s->need, s->cap);
    if (!nd)
      return -1;
    s->need = nd, s->needcap = s->cap;
  }
  for (; s->n < g->n; s->n++)
    if (xiM_place(&s->limbs, s->n, &s->adj[s->n]))
      return -1;
  return 0;
}

static int is_wanted(const xiG_node *n, uint32_t i, xiD_want want, const uint32_t *list,
                     uint32_t nlist) {
  if (want == XID_ALL) /* a GRAD node is gone through, so its graph is built */
    return n->op != XI_CONST && n->op != XI_GRAD;
  if (want == XID_LEAVES)
    return n->op == XI_LEAF;
  for (uint32_t k = 0; k < nlist; k++)
    if (list[k] == i)
      return 1;
  return 0;
}

int xiD_mark(const xiG_graph *g, uint32_t lo, uint32_t root, xiD_want want,
             const uint32_t *list, uint32_t nlist, uint8_t *need) {
  memset(need + lo, 0, root - lo + 1); /* first the cone of the root, marked downwards */
  need[root] = 2;
  for (uint32_t i = root + 1; i-- > lo;) {
    const xiG_node *n = &g->nodes[i];
    if (!need[i])
      continue;
    for (uint32_t k = 0, nargs = xiG_nargs(n); k < nargs; k++)
      if (xiG_arg(n, k) >= lo)
        need[xiG_arg(n, k)] = 2;
  }
  int blocked = 0; /* then, upwards, what is wanted or leads to what is */
  for (uint32_t i = lo; i <= root; i++) {
    if (!need[i])
      continue;
    const xiG_node *n = &g->nodes[i];
    int wanted = is_wanted(n, i, want, list, nlist), on = wanted;
    for (uint32_t k = 0, nargs = xiG_nargs(n); k < nargs && !on; k++)
      on = xiG_arg(n, k) >= lo && need[xiG_arg(n, k)] & 1;
    need[i] = (uint8_t)(on ? (!wanted && n->op == XI_GRAD ? 3 : 1) : 0);
    blocked |= need[i] == 3;
  }
  return blocked;
}

mpfr_srcptr xiD_partial(xiD_sweep *s, const xiG_graph *g, uint32_t i, int k) {
  const xiG_node *n = &g->nodes[i];
  const xiG_node *a = &g->nodes[n->a];
  const xiG_node *b = n->b == XI_NONE ? a : &g->nodes[n->b];
  mpfr_srcptr p = xiO_table[n->op].partial(k, s->tmp, n->v, a->v, b->v);
  if (xiO_fmt && p == s->tmp) /* a partial computed, not an operand: in the format */
    xiO_fmt_round(s->tmp, 0);
  return p;
}

/* d += g·p in an IEEE format: the product rounded, then the sum, as a
   framework's multiply and add are (no fused multiply-add) */
static void fmt_acc(mpfr_ptr d, mpfr_srcptr g, mpfr_srcptr p) {
  mpfr_t t;
  mpfr_init2(t, mpfr_get_prec(d));
  xiO_fmt_round(t, mpfr_mul(t, g, p, MPFR_RNDN));
  xiO_fmt_round(d, mpfr_add(d, d, t, MPFR_RNDN));
  mpfr_clear(t);
}

static int bad_partial(const xiG_graph *g, uint32_t i, int k, xi_pos at, xi_err *err) {
  char where[200];
  xiG_describe(g, i, where, sizeof where);
  const xiG_node *n = &g->nodes[i];
  const char *op = xiO_table[n->op].name ? xiO_table[n->op].name : xiO_table[n->op].form;
  if (xiO_table[n->op].arity == 1)
    return xiX_fail(err, at, "the derivative of %s is not finite here (%s)", op, where);
  return xiX_fail(err, at, "the derivative of %s by its %s operand is not finite here (%s)", op,
               k == 0 ? "first" : "second", where);
}

/* room in tel and tn for tensor node i's adjoint: made for the first tensor,
   for a graph of scalars would touch 12 bytes a node it never uses */
static int tel_room(xiD_sweep *s, uint32_t i) {
  if (i < s->telcap)
    return 0;
  uint32_t cap = s->cap > i ? s->cap : i + 1;
  __mpfr_struct **t = realloc(s->tel, (size_t)cap * sizeof *t);
  if (!t)
    return -1;
  s->tel = t;
  uint32_t *tn = realloc(s->tn, (size_t)cap * sizeof *tn);
  if (!tn)
    return -1;
  s->tn = tn;
  for (uint32_t k = s->telcap; k < cap; k++)
    s->tel[k] = NULL, s->tn[k] = 0;
  s->telcap = cap;
  return 0;
}

/* the adjoint of node i as a view, its storage made ready (tensor or not) */
static int view_of(xiD_sweep *s, xiG_graph *g, uint32_t i, xiO_view *v) {
  xiG_node *n = &g->nodes[i];
  *v = xiG_view(n);
  if (!xiG_is_tensor(n)) {
    v->el = &s->adj[i];
    return 0;
  }
  if (tel_room(s, i))
    return -1;
  if (s->tn[i] != v->n) {
    xiM_unblock(s->tel[i]);
    s->tn[i] = 0;
    if (!(s->tel[i] = xiM_block(v->n, g->prec)))
      return -1;
    s->tn[i] = v->n;
  }
  v->el = s->tel[i];
  return 0;
}

/* the elementwise rule, broadcast: each output element adds its share into
   the operand element it came from */
static int elementwise_back(xiD_sweep *s, xiG_graph *g, uint32_t i, int k, xiO_view *da,
                            const xiO_view *gv) {
  xiG_node *n = &g->nodes[i];
  xiG_node *a = &g->nodes[n->a], *b = n->b == XI_NONE ? a : &g->nodes[n->b];
  xiO_view out = xiG_view(n), va = xiG_view(a), vb = xiG_view(b);
  const xiO_row *row = &xiO_table[n->op];
  for (uint32_t r = 0, q = 0; r < out.sh.rows; r++)
    for (uint32_t c = 0; c < out.sh.cols; c++, q++) {
      if (xiO_stopped())
        return -2;
      uint32_t ia = xiO_bidx(&va.sh, r, c), ib = xiO_bidx(&vb.sh, r, c);
      mpfr_srcptr p = row->partial(k, s->tmp, &out.el[q], &va.el[ia], &vb.el[ib]);
      mpfr_ptr d = &da->el[k ? ib : ia];
      if (xiO_fmt) {
        if (p == s->tmp)
          xiO_fmt_round(s->tmp, 0);
        if (p != xiO_zero)
          fmt_acc(d, &gv->el[q], p);
        continue; /* inf and nan are values in a format */
      }
      if (p != xiO_zero)
        mpfr_fma(d, &gv->el[q], p, d, MPFR_RNDN);
      if (!mpfr_number_p(p))
        return -1;
    }
  return 0;
}

static int all_finite(const xiO_view *v) {
  for (uint32_t q = 0; q < v->n; q++)
    if (!mpfr_number_p(&v->el[q]))
      return 0;
  return 1;
}

/* a list passes each operand its own elements of the adjoint */
static int list_back(xiD_sweep *s, xiG_graph *g, uint32_t i, uint32_t k, uint32_t o) {
  xiO_view gv, da;
  if (view_of(s, g, i, &gv) || view_of(s, g, o, &da))
    return -2;
  for (uint32_t e = 0; e < da.n; e++) {
    int inex = mpfr_add(&da.el[e], &da.el[e], &gv.el[k * da.n + e], MPFR_RNDN);
    if (xiO_fmt)
      xiO_fmt_round(&da.el[e], inex);
  }
  return 0;
}

/* node i passes its adjoint to operand k */
static int back(xiD_sweep *s, xiG_graph *g, uint32_t i, int k, uint32_t o) {
  xiG_node *n = &g->nodes[i];
  if (n->op == XI_LIST)
    return list_back(s, g, i, (uint32_t)k, o);
  const xiO_row *row = &xiO_table[n->op];
  if (!n->x && !(s->need[o] & XI_D_EXT) && row->partial) { /* scalars: the short way (o's
                                                                 node is far back: not read) */
    mpfr_srcptr p = xiD_partial(s, g, i, k);
    mpfr_ptr d = &s->adj[o];
    if (xiO_fmt) { /* inf and nan are values in a format */
      if (p != xiO_zero)
        fmt_acc(d, &s->adj[i], p);
      return 0;
    }
    int inex = 0;
    if (p == xiO_one)
      inex = mpfr_add(d, d, &s->adj[i], MPFR_RNDN);
    else if (p == xiO_minus_one)
      inex = mpfr_sub(d, d, &s->adj[i], MPFR_RNDN);
    else if (p != xiO_zero)
      inex = mpfr_fma(d, &s->adj[i], p, d, MPFR_RNDN);
    s->need[o] |= (uint8_t)(inex ? XI_D_ROUNDED : 0); /* XI_D_ROUNDED (proof/'s bound) */
    return xiO_number_p(p) && xiO_number_p(d) ? 0 : -1;
  }
  xiO_view gv, da;
  if (view_of(s, g, i, &gv) || view_of(s, g, o, &da))
    return -2;
  if (row->partial) {
    int rc = elementwise_back(s, g, i, k, &da, &gv);
    if (rc)
      return rc;
  } else {
    xiG_node *a = &g->nodes[n->a], *b = n->b == XI_NONE ? a : &g->nodes[n->b];
    xiO_view out = xiG_view(n), va = xiG_view(a), vb = xiG_view(b);
    if (row->vjp(k, &da, &gv, &out, &va, &vb, s->tmp))
      return -2; /* stopped: interrupted, or out of memory */
    for (uint32_t q = 0; xiO_fmt && q < da.n; q++) /* (each share rounded as it is added: */
      xiO_fmt_round(&da.el[q], 0);                 /* a tensor rule's sum, then rounded) */
  }
  return xiO_fmt || all_finite(&da) ? 0 : -1;
}

/* the sweep proper; 1 when a GRAD node is in the way (see mark_need) */
static int run(xiD_sweep *s, xiG_graph *g, uint32_t root, xiD_want want, const uint32_t *list,
               uint32_t nlist, xi_pos at, xi_err *err) {
  if (xiG_is_tensor(&g->nodes[root])) {
    char t[48];
    xi_shape sh = xiG_shape(&g->nodes[root]);
    xiO_shape_text(&sh, t, sizeof t);
    return xiX_fail(err, at, "derivatives need a scalar to start from, not a value of shape %s "
                          "(sum it, or index it)", t);
  }
  if (reserve(s, g))
    return xiG_oom(g, at, err);
  uint32_t lo = 0;
  if (want == XID_LIST) {
    lo = root;
    for (uint32_t k = 0; k < nlist; k++)
      if (list[k] < lo)
        lo = list[k];
  }
  s->lo = lo, s->root = root;
  if (xiD_mark(g, lo, root, want, list, nlist, s->need))
    return 1;
  for (uint32_t i = lo; i <= root; i++) {
    if (!s->need[i])
      continue;
    if (!g->nodes[i].x) { /* a scalar's adjoint: its own number (view_of's short way) */
      mpfr_set_zero(&s->adj[i], 1);
      continue;
    }
    s->need[i] |= XI_D_EXT;
    xiO_view v;
    if (view_of(s, g, i, &v))
      return xiG_oom(g, at, err);
    for (uint32_t q = 0; q < v.n; q++)
      mpfr_set_zero(&v.el[q], 1);
  }
  if (s->need[root])
    mpfr_set_ui(&s->adj[root], 1, MPFR_RNDN);
  for (uint32_t i = root + 1; i-- > lo;) {
    if ((i & 15) == 0 && g->interrupt && *g->interrupt)
      return xiX_fail(err, at, "interrupted");
    const xiG_node *n = &g->nodes[i];
    if (!s->need[i] || n->op == XI_LEAF || n->op == XI_CONST || n->op == XI_GRAD ||
        (!n->x && mpfr_zero_p(&s->adj[i]) && !xiO_fmt)) /* (IEEE: 0·inf is nan) */
      continue;
    g->visits++;
    for (uint32_t k = 0, nargs = xiG_nargs(n); k < nargs; k++) {
      uint32_t o = xiG_arg(n, k);
      if (o < lo || !s->need[o])
        continue;
      int rc = back(s, g, i, (int)k, o);
      if (rc == -2 && xiO_stopped())
        return xiX_fail(err, at, "interrupted");
      if (rc == -2)
        return xiG_oom(g, at, err);
      if (rc)
        return bad_partial(g, i, (int)k, at, err);
    }
  }
  return 0;
}

/* run, stamped (s->last) when it ran to its end */
static int stamped(xiD_sweep *s, xiG_graph *g, uint32_t root, xiD_want want,
                   const uint32_t *list, uint32_t nlist, xi_pos at, xi_err *err) {
  s->last.valid = 0;
  s->last.serial++;
  mpfr_flags_t flags = mpfr_flags_save();
  mpfr_flags_clear(MPFR_FLAGS_UNDERFLOW | MPFR_FLAGS_OVERFLOW);
  int rc = run(s, g, root, want, list, nlist, at, err);
  s->last.flows = mpfr_flags_test(MPFR_FLAGS_UNDERFLOW | MPFR_FLAGS_OVERFLOW) != 0;
  mpfr_flags_set(flags);
  if (rc == 0) {
    s->last.root = root, s->last.epoch = g->epoch, s->last.cuts = g->cuts;
    s->last.valid = !xiO_fmt;
  }
  return rc;
}

int xiD_current(const xiD_sweep *s, const xiG_graph *g, uint32_t root) {
  return s->last.valid && !s->last.flows && !xiO_fmt && s->last.root == root &&
         s->last.epoch == g->epoch && s->last.cuts == g->cuts && s->prec == g->prec &&
         root == s->root;
}

int xiD_sweep_from(xiD_sweep *s, xiG_graph *g, uint32_t *root, xiD_want want, uint32_t *list,
                   uint32_t nlist, xi_pos at, xi_err *err) {
  if (xiG_no_tuple(g, *root, at, "a gradient", err)) /* (a tuple has no backward rule) */
    return -1;
  for (int round = 0; round < 64; round++) { /* a derivative of order 64 is absurd */
    int rc = stamped(s, g, *root, want, list, nlist, at, err);
    if (rc != 1)
      return rc;
    if (xiA_prepare(s, g, root, want, list, nlist, at, err))
      return -1;
  }
  return xiX_fail(err, at, "derivatives nested too deeply");
}

int xiD_adj_view(const xiD_sweep *s, xiG_graph *g, uint32_t i, xiO_view *v) {
  if (i < s->lo || i > s->root || !s->need[i])
    return -1;
  *v = xiG_view(&g->nodes[i]);
  if (!xiG_is_tensor(&g->nodes[i]))
    v->el = &s->adj[i];
  else if (i < s->telcap && s->tel[i])
    v->el = s->tel[i];
  else
    return -1; /* (never made) */
  return 0;
}

mpfr_srcptr xiD_adj(const xiD_sweep *s, uint32_t i) {
  if (i < s->lo || i > s->root || !s->need[i])
    return xiO_zero;
  return &s->adj[i];
}

int xiD_needed(const xiD_sweep *s, uint32_t i) {
  return i >= s->lo && i <= s->root && s->need[i];
}

int xiD_depends(const xiG_graph *g, uint32_t root, uint32_t v) {
  if (v > root)
    return 0;
  if (v == root)
    return 1;
  uint8_t *cone = calloc(root - v + 1, 1); /* nodes v..root only: operands come first */
  if (!cone)
    return 1; /* cannot tell: let the sweep find out */
  cone[root - v] = 1;
  int found = 0;
  for (uint32_t i = root + 1; i-- > v && !found;) {
    if (!cone[i - v])
      continue;
    const xiG_node *n = &g->nodes[i];
    for (uint32_t k = 0; k < xiG_nargs(n); k++) {
      uint32_t o = xiG_arg(n, k);
      if (o == v)
        found = 1;
      else if (o > v)
        cone[o - v] = 1;
    }
  }
  free(cone);
  return found;
}
