/* tball.c: a tensor node's ball around the numbers MPFR computed for it.
 *
 * A tensor's ball is its numbers and a radius per element (btops.h's rules,
 * btmid.c: a product's, a sum's, an elementwise op's), as a scalar node's is
 * its number and one radius (bmid.c): the proof of a 784×256 product costs
 * a product in doubles instead of Arb's dot products at full precision.
 *
 * A grad(L, W) value's numbers are the sweep's, W's adjoint: when W has one
 * consumer in L's cone, a product C = A @ W (or W @ B), that adjoint is
 * Aᵀ·∂L/∂C (∂L/∂C·Bᵀ) on the sweep's numbers, rounded once (tops.c's vjp).
 * So its ball is its numbers with the radius of that product, where ∂L/∂C's
 * ball is centred on the sweep's number D (a sweep of our own to C, which
 * goes the same way as the one that made the value, so D is the same number)
 * with radius |D - m| + r for a ball m ± r of the exact ∂L/∂C: the derivative
 * built as nodes up to C only, proven by Arb, and small (the big product
 * into W is never built). */
#include "proof/ball_int.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "grad/adjoint.h"
#include "ops/bops.h"
#include "ops/fmt.h"

/* a leaf holding an input: its numbers are exact */
static int input_leaf(const xiG_node *n) {
  return n->op == XI_LEAF && !(n->flags & (XI_F_LITERAL | XI_F_CODE));
}

/* tr as long as the other arrays (xiB_room), made with the first tensor's
   radii: a graph of scalars would touch 8 bytes a node it never uses */
static int tr_room(xiB_balls *b) {
  if (b->trcap == b->cap)
    return 0;
  double **t = realloc(b->tr, b->cap * sizeof *t);
  if (!t)
    return -1;
  memset(t + b->trcap, 0, (b->cap - b->trcap) * sizeof *t);
  b->tr = t, b->trcap = b->cap;
  return 0;
}

/* room for node i's n radii (counted against the budget); the count is kept
   before them */
static double *tr_place(xiB_balls *b, uint32_t i, uint32_t n) {
  size_t c = ((size_t)n + 1) * sizeof(double);
  if (tr_room(b))
    return NULL;
  if (xiM_account((ptrdiff_t)c))
    return NULL;
  double *r = malloc(c);
  if (!r) {
    xiM_account(-(ptrdiff_t)c);
    return NULL;
  }
  b->bytes += c;
  r[0] = n;
  b->tr[i] = r + 1;
  b->fast[i] |= B_TENSOR;
  return r + 1;
}

void xiB_tr_free(xiB_balls *b, uint32_t i) {
  if (xiB_tr(b, i)) {
    size_t c = ((size_t)b->tr[i][-1] + 1) * sizeof(double);
    free(b->tr[i] - 1);
    xiM_account(-(ptrdiff_t)c);
    b->bytes -= c;
    b->tr[i] = NULL;
  }
  b->fast[i] &= (uint8_t)~B_TENSOR;
}

/* radii all 0 made tr[i] NULL: consumers see exact operands (and leave them
   to Arb, which says when a result is exact) */
static void exactly(xiB_balls *b, uint32_t i) {
  uint32_t cnt = (uint32_t)b->tr[i][-1];
  for (uint32_t k = 0; k < cnt; k++)
    if (b->tr[i][k] != 0)
      return;
  xiB_tr_free(b, i);
  b->fast[i] |= B_TENSOR;
}

/* tensor node o's radii from its Arb ball: the distance from the ball's
   midpoint to o's number, plus its radius; -1 when not finite */
static int from_ball(xiB_balls *b, uint32_t o) {
  xiG_node *n = &b->g->nodes[o];
  uint32_t cnt = xiG_count(n);
  if (xiB_n(b, o) != cnt)
    return -1;
  double *d = tr_place(b, o, cnt);
  if (!d)
    return -1;
  arf_t t;
  mag_t m;
  arf_init(t);
  mag_init(m);
  int rc = 0;
  for (uint32_t k = 0; k < cnt && rc == 0; k++) {
    arb_srcptr x = &xiB_el(b, o)[k];
    if (!arb_is_finite(x) || !mpfr_number_p(xiG_el(n, k))) {
      rc = -1;
      break;
    }
    arf_set_mpfr(t, xiG_el(n, k));
    arf_sub(t, arb_midref(x), t, MAG_BITS, ARF_RND_UP);
    arf_get_mag(m, t);
    mag_add(m, m, arb_radref(x));
    d[k] = xiO_rad_of_mag(m, b->prec);
    rc = isfinite(d[k]) ? 0 : -1;
  }
  arf_clear(t);
  mag_clear(m);
  int exact = rc == 0;
  for (uint32_t k = 0; exact && k < cnt; k++)
    exact = d[k] == 0;
  if (rc || exact) /* (exact: tr[o] NULL says so) */
    xiB_tr_free(b, o);
  if (exact)
    b->fast[o] |= B_TENSOR;
  return rc;
}

/* x is the exact ball of the number v */
static int exact_scalar(arb_srcptr x, mpfr_srcptr v) {
  if (!x || !arb_is_exact(x) || !mpfr_number_p(v))
    return 0;
  arf_t t;
  arf_init(t);
  arf_set_mpfr(t, v);
  int eq = arf_equal(arb_midref(x), t);
  arf_clear(t);
  return eq;
}

/* node o's radii: *r (NULL: exact; one, for a scalar); -1 when it has none
   (its ball is not finite, or out of a double's range) */
static int radii(xiB_balls *b, uint32_t o, const double **r, double *one) {
  xiG_node *n = &b->g->nodes[o];
  if (b->fast[o] & B_TENSOR) {
    *r = xiB_tr(b, o);
    return 0;
  }
  if (!xiG_is_tensor(n)) {
    if (exact_scalar(xiB_el(b, o), n->v)) {
      *one = 0; /* (a literal's radius() is half an ulp, though 10 is exact) */
      *r = one;
      return 0;
    }
    mag_t m;
    mag_init(m);
    int rc = xiB_radius(b, o, m);
    if (rc == 0)
      *one = xiO_rad_of_mag(m, b->prec);
    mag_clear(m);
    *r = one;
    return rc == 0 && isfinite(*one) ? 0 : -1;
  }
  if (!xiB_el(b, o) || from_ball(b, o))
    return -1;
  *r = xiB_tr(b, o);
  return 0;
}

static xiO_rview rview(xiG_node *n, const double *r) {
  xiO_rview v = {xiG_el(n, 0), r, xiG_shape(n), xiG_count(n)};
  return v;
}

/* the rule of node i's op on its operands' radii, into out */
static int rule(xiB_balls *b, uint32_t i, double *out, const double *ra, const double *rb) {
  xiG_graph *g = b->g;
  xiG_node *n = &g->nodes[i], *a = &g->nodes[n->a];
  xiG_node *bn = n->b != XI_NONE ? &g->nodes[n->b] : NULL;
  if (n->op == XI_MATMUL) { /* as tops.c: a vector on the left is one row, on the right one column */
    xi_shape sa = xiG_shape(a), sb = xiG_shape(bn);
    uint32_t m = sa.rank == 2 ? sa.rows : 1, inner = sa.cols, cols = sb.rank == 2 ? sb.cols : 1;
    if ((uint64_t)m * cols != xiG_count(n))
      return -1;
    xiO_rmat P = {xiG_el(a, 0), ra, inner, 1}, Q = {xiG_el(bn, 0), rb, cols, 1};
    return xiO_rad_product(out, xiG_el(n, 0), &P, &Q, m, inner, cols, b->prec);
  }
  xiO_rview va = rview(a, ra);
  if (n->op == XI_SUM)
    return xiO_rad_sum(out, xiG_el(n, 0), &va, n->x->p[0], xiG_count(n), b->prec);
  xiO_rview o = rview(n, NULL), vb = bn ? rview(bn, rb) : va;
  return xiO_rad_elementwise(n->op, out, &o, &va, bn ? &vb : NULL, b->prec);
}

int xiB_tensor_ball(xiB_balls *b, uint32_t i) {
  xiG_graph *g = b->g;
  xiG_node *n = &g->nodes[i];
  if (i >= b->lazy_from) /* built lazily: no numbers */
    return -1;
  if (input_leaf(n) && xiG_is_tensor(n)) {
    b->fast[i] |= B_TENSOR; /* (tr[i] NULL: exact) */
    return 0;
  }
  if (n->op < XI_FIRST_OP || n->op == XI_LIST || n->op == XI_TUPLE || n->a == XI_NONE ||
      (n->op == XI_SUM && !n->x) ||
      xiO_fmt != XI_FMT_MPFR || !xiO_has_rad_rule(n->op) ||
      (slong)mpfr_get_prec(xiG_el(n, 0)) != b->prec)
    return -1;
  xiG_node *bn = n->b != XI_NONE ? &g->nodes[n->b] : NULL;
  if (!xiG_is_tensor(n) && !xiG_is_tensor(&g->nodes[n->a]) && !(bn && xiG_is_tensor(bn)))
    return -1; /* scalars: ball.c's */
  const double *ra, *rb = NULL;
  double oa, ob;
  if (radii(b, n->a, &ra, &oa) || (bn && radii(b, n->b, &rb, &ob)))
    return -1;
  if (n->op != XI_MATMUL && (!ra || (ra == &oa && oa == 0)) &&
      (!bn || !rb || (rb == &ob && ob == 0)))
    return -1; /* exact operands: Arb's ball says when the result is exact too (a
                  product's rule says it where it can be sure) */
  if (!xiG_is_tensor(n)) { /* a sum to a scalar: one radius, as ball.c keeps a scalar's */
    double r;
    if (rule(b, i, &r, ra, rb))
      return -1;
    mag_t m;
    mag_init(m);
    xiO_rad_to_mag(m, r, b->prec);
    int rc = xiB_rad_set(b, i, m); /* (counted there) */
    mag_clear(m);
    return rc;
  }
  double *out = tr_place(b, i, xiG_count(n));
  if (!out)
    return -1;
  if (rule(b, i, out, ra, rb)) {
    xiB_tr_free(b, i);
    return -1;
  }
  exactly(b, i);
  return 0;
}

/* ---- a grad(L, W) value ---- */

/* W's one consumer in L's cone, when it is a product taking W once and no
   grad(...) value is in the cone (the sweep then replays: not this way);
   else XI_NONE */
static uint32_t consumer(const xiG_graph *g, uint32_t e, uint32_t w) {
  uint8_t *in = calloc((size_t)(e - w) + 1, 1);
  if (!in)
    return XI_NONE;
  in[e - w] = 1;
  uint32_t c = XI_NONE;
  int ok = 1;
  for (uint32_t k = e + 1; ok && k-- > w + 1;) {
    if (!in[k - w])
      continue;
    const xiG_node *m = &g->nodes[k];
    if (m->op == XI_GRAD)
      ok = 0;
    for (uint32_t q = 0; ok && q < xiG_nargs(m); q++) {
      uint32_t o = xiG_arg(m, q);
      if (o == w)
        ok = c == XI_NONE, c = k;
      else if (o > w)
        in[o - w] = 1;
    }
  }
  free(in);
  return ok && c != XI_NONE && g->nodes[c].op == XI_MATMUL ? c : XI_NONE;
}

/* e[k] = |D[k] - m| + r for D the sweep's ∂L/∂C and m ± r the ball of the
   exact one; -1 when not finite */
static int spread(xiB_balls *b, double *e, const xiO_view *D, arb_srcptr ball) {
  arf_t t;
  mag_t m;
  arf_init(t);
  mag_init(m);
  int rc = 0;
  for (uint32_t k = 0; k < D->n && rc == 0; k++) {
    if (!arb_is_finite(&ball[k]) || !mpfr_number_p(&D->el[k])) {
      rc = -1;
      break;
    }
    arf_set_mpfr(t, &D->el[k]);
    arf_sub(t, arb_midref(&ball[k]), t, MAG_BITS, ARF_RND_UP);
    arf_get_mag(m, t);
    mag_add(m, m, arb_radref(&ball[k]));
    e[k] = xiO_rad_of_mag(m, b->prec);
    rc = isfinite(e[k]) ? 0 : -1;
  }
  arf_clear(t);
  mag_clear(m);
  return rc;
}

/* ∂L/∂C's exact value as balls (the derivative built as nodes up to C,
   lazily: their balls are Arb's), and their spread around D into e */
static int exact_spread(xiB_balls *b, uint32_t e_, uint32_t c, const xiO_view *D, double *e,
                        xi_pos at, xi_err *err) {
  xiG_graph *g = b->g;
  uint32_t mark = g->n, forgot = g->forgot_from, lazy_from = b->lazy_from, root;
  g->lazy = 1;
  int rc = xiA_build(b->s, g, e_, c, at, &root, err);
  g->lazy = 0;
  if (mark < b->lazy_from)
    b->lazy_from = mark;
  if (rc == 0)
    rc = xiB_ball_of(b, root, at, err) || xiB_solid(b, root) ? -1 : 0;
  b->lazy_from = lazy_from;
  if (rc == 0)
    rc = xiB_n(b, root) == D->n ? spread(b, e, D, xiB_el(b, root)) : 1;
  for (uint32_t k = mark; k < b->cap; k++) /* the built nodes go, their balls too */
    xiB_drop(b, k);
  xiG_truncate(g, mark);
  g->forgot_from = forgot;
  return rc;
}

/* the sweep's ∂L/∂C, into D (a sweep of our own: the session's keeps its
   adjoints for its printers); 1 when it cannot be had */
static int swept(xiB_balls *b, uint32_t e, uint32_t c, xiO_view *D, xi_pos at) {
  if (!b->ps) {
    b->ps = malloc(sizeof *b->ps);
    if (!b->ps)
      return 1;
    xiD_init(b->ps);
  }
  uint32_t root = e, list[1] = {c};
  xi_err quiet;
  if (xiD_sweep_from(b->ps, b->g, &root, XID_LIST, list, 1, at, &quiet) || root != e ||
      list[0] != c || xiD_adj_view(b->ps, b->g, c, D))
    return 1;
  return 0;
}

int xiB_grad_ball(xiB_balls *b, uint32_t i, xi_pos at, xi_err *err) {
  xiG_graph *g = b->g; /* (no node pointer is kept: building nodes may move them) */
  uint32_t e = g->nodes[i].a, w = g->nodes[i].b, cnt = xiG_count(&g->nodes[i]);
  if (i >= b->lazy_from || !xiG_is_tensor(&g->nodes[i]) || xiO_fmt != XI_FMT_MPFR || w >= e ||
      (slong)g->prec != b->prec || (slong)mpfr_get_prec(xiG_el(&g->nodes[i], 0)) != b->prec)
    return 1;
  uint32_t c = consumer(g, e, w);
  if (c == XI_NONE)
    return 1;
  int k = g->nodes[c].b == w; /* W is the product's operand k */
  uint32_t ca = g->nodes[c].a, cb = g->nodes[c].b, other = k ? ca : cb;
  xi_shape sa = xiG_shape(&g->nodes[ca]), sb = xiG_shape(&g->nodes[cb]);
  uint32_t ar = sa.rank == 2 ? sa.rows : 1, ac = sa.cols, bc = sb.rank == 2 ? sb.cols : 1;
  uint32_t M = k ? ac : ar, T = k ? ar : bc, N = k ? bc : ac;
  if ((uint64_t)M * N != cnt)
    return 1;
  xiO_view D;
  if (xiB_ball_of(b, other, at, err))
    return -1;
  if (swept(b, e, c, &D, at))
    return 1;
  double *eD = malloc((D.n ? D.n : 1) * sizeof *eD);
  if (!eD)
    return 1;
  int rc = exact_spread(b, e, c, &D, eD, at, err);
  const double *ro;
  double one;
  if (rc == 0 && radii(b, other, &ro, &one))
    rc = 1;
  double *out = rc == 0 ? tr_place(b, i, cnt) : NULL;
  if (rc == 0 && !out)
    rc = 1;
  if (rc == 0) { /* k = 1: Aᵀ·D, (m, i)·(i, j); k = 0: D·Bᵀ, (i, j)·(j, m) */
    xiO_rmat O = {xiG_el(&g->nodes[other], 0), ro, 1, k ? ac : bc};
    int exact = 1; /* (∂L/∂C exact: the product's rule then says when the result is) */
    for (uint32_t q = 0; exact && q < D.n; q++)
      exact = eD[q] == 0;
    xiO_rmat G = {D.el, exact ? NULL : eD, bc, 1};
    if (xiO_rad_product(out, xiG_el(&g->nodes[i], 0), k ? &O : &G, k ? &G : &O, M, T, N,
                        b->prec)) {
      xiB_tr_free(b, i);
      rc = 1;
    }
  }
  free(eD);
  return rc;
}
