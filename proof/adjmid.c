/* adjmid.c: the adjoints' balls around the numbers the reverse sweep in MPFR
 * computed (grad.c), as the values' balls are around the values' (bmid.c).
 *
 * The sweep in numbers gave each node an adjoint d̃, summing d̃_c·p̃ over its
 * consumers c, each partial p̃ computed from the values' numbers as the op
 * table says (ops.c) and each sum rounded to nearest (mpfr_add, mpfr_fma).
 * The exact adjoint d is the same sum of exact adjoints times exact partials
 * P, at the exact values.  With |d_c - d̃_c| <= r_c, |P - p̃| <= ρ (the
 * partial's rule below, from the values' radii) and |p̃| <= P̄:
 *   |d_c·P - d̃_c·p̃| <= r_c·(P̄ + ρ) + |d̃_c|·ρ,
 * and each rounding of the running sum s to s' = RN(s + d̃_c·p̃) errs by at
 * most u·|s + d̃_c·p̃| <= u·(M + |d̃_c|·P̄), u = 2^-prec, where M bounds |s|
 * (the sum of the terms' bounds and of the roundings so far; none when the
 * sweep says no sum into that adjoint was rounded, XI_D_ROUNDED, so exact
 * adjoints stay exact).  A node whose d̃ is 0 was passed over by
 * the sweep: it adds r_c·(P̄ + ρ) alone.  One pass from the root down, in the
 * sweep's order, two bounds a node: nothing computed again in MPFR but the
 * partials of sin and cos.
 *
 * The bounds are pairs of integers m·2^e, m of 32 bits (ops/bnd.h, shared
 * with the values' radii in bmid.c): the radii stay within 1.5× of those of
 * Arb's sweep (tests/adjmid.c).
 * An under- or overflow in the sweep (its rounding is then not within u)
 * and a graph changed since it ran are the sweep's to say (xiD_current);
 * then, and where a rule is missing, a value has no radius or a number is
 * out of the bounds' range, the sweep in Arb's balls is run instead
 * (sweep.c). */
#include "proof/ball_int.h"

#include <stdlib.h>

#include "ops/fmt.h"

/* ---- bounds (ops/bnd.h) ----
   A bound kept by node (kept, 8 bytes: two a node) has |e| <= E_KEEP, or the
   pass is given up (*wide), as for a number brought in past XI_BEMAX. */

typedef xiO_bnd xb;
#define E_KEEP (1L << 30)

/* a bound as kept by node (exact) */
typedef struct {
  uint32_t m;
  int32_t e;
} kept;

static inline kept keep(xb x, int *wide) {
  if (x.e > E_KEEP || x.e < -E_KEEP) {
    *wide = 1;
    return (kept){0, 0};
  }
  return (kept){(uint32_t)x.m, (int32_t)x.e};
}
static inline xb kept_of(kept k) { return (xb){k.m, k.e}; }

/* ---- the partials' rules ---- */

/* 1/y from above and its spread ry/(y·(y - ry)), y = |b| from below; -1
   when the ball reaches 0 */
static int inverse(xb y, xb ry, xb *q, xb *spread) {
  xb gap = xiO_bsub_down(y, ry);
  if (!gap.m)
    return -1;
  *q = xiO_bdiv(XI_BONE, y);
  *spread = xiO_bdiv(xiO_bdiv(ry, y), gap);
  return 0;
}

/* xiB_partial_mid's (inline: the pass calls it for every edge) */
static inline int rule(int op, int k, mpfr_srcptr v, xb rv, mpfr_srcptr a, xb ra, mpfr_srcptr b,
                       xb rb, mpfr_prec_t prec, mpfr_ptr tmp, xb *P, xb *rho, int *wide) {
  xb q, s, t, o;
  switch (op) {
  case XI_ID:
  case XI_ASFLOAT:
  case XI_ADD:
  case XI_NEG:
  case XI_SUB: /* ±1, exactly */
    *P = XI_BONE, *rho = XI_BZERO;
    return 0;
  case XI_MUL: /* the other operand's number */
    *P = xiO_bof_mpfr(k ? a : b, 1, wide), *rho = k ? ra : rb;
    return 0;
  case XI_EXP: /* o */
    *P = xiO_bof_mpfr(v, 1, wide), *rho = rv;
    return 0;
  case XI_EXPM1: /* RN(o + 1) */
    q = mpfr_sgn(v) >= 0 ? xiO_badd(xiO_bof_mpfr(v, 1, wide), XI_BONE) : xiO_bone_minus(v, wide);
    t = xiO_bulp(q, prec);
    *P = xiO_badd(q, t), *rho = xiO_badd(rv, t);
    return 0;
  case XI_LOG: /* RN(1/a) */
  case XI_DIV: /* RN(1/b); -RN(o/b), and -a/b² is -o/b exactly */
    if (op == XI_LOG ? inverse(xiO_bof_mpfr(a, 0, wide), ra, &q, &s)
                     : inverse(xiO_bof_mpfr(b, 0, wide), rb, &q, &s))
      return -1;
    if (op == XI_DIV && k == 1) { /* |O/B - o/b| <= ro/(|b| - rb) + |o|·spread */
      o = xiO_bof_mpfr(v, 1, wide);
      s = xiO_badd(xiO_bdiv(rv, xiO_bsub_down(xiO_bof_mpfr(b, 0, wide), rb)), xiO_bmul(o, s));
      q = xiO_bmul(o, q);
    }
    t = xiO_bulp(q, prec);
    *P = xiO_badd(q, t), *rho = xiO_badd(s, t);
    return 0;
  case XI_SQRT: /* RN(1/(2o)) */
    if (inverse(xiO_bof_mpfr(v, 0, wide), rv, &q, &s))
      return -1;
    q = xiO_bhalf(q), s = xiO_bhalf(s); /* (exact) */
    t = xiO_bulp(q, prec);
    *P = xiO_badd(q, t), *rho = xiO_badd(s, t);
    return 0;
  case XI_TANH: { /* RN(1 - RN(o²)); 1 - O² is within ro·(2|o| + ro) of 1 - o² */
    o = xiO_bof_mpfr(v, 1, wide);
    xb sq = xiO_bulp(xiO_bmul(o, o), prec);
    q = xiO_badd(xiO_bmul(xiO_bone_minus(v, wide), xiO_badd(XI_BONE, o)), sq);
    t = xiO_bulp(q, prec);
    s = xiO_bmul(rv, xiO_badd(xiO_btwice(o), rv));
    *P = xiO_badd(q, t), *rho = xiO_badd(xiO_badd(s, sq), t);
    return 0;
  }
  case XI_SIN:
  case XI_COS: /* RN(cos a), -RN(sin a): computed, as the sweep did.  Over a ± ra
                  cos and sin stray by at most |f'(a)|·ra + ra²/2, and f' (∓sin,
                  cos) is the node's own value, o = RN(f(a)), within u·|o| */
    if (!tmp)
      return -1;
    xiO_table[op].partial(k, tmp, v, a, b);
    *P = xiO_bof_mpfr(tmp, 1, wide);
    o = xiO_bof_mpfr(v, 1, wide);
    s = xiO_badd(xiO_bmul(xiO_badd(o, xiO_bulp(o, prec)), ra), xiO_bhalf(xiO_bmul(ra, ra)));
    *rho = xiO_badd(xiO_bless(s, ra) ? s : ra, xiO_bulp(*P, prec));
    return 0;
  default:
    return -1;
  }
}

int xiB_partial_mid(int op, int k, mpfr_srcptr v, xiO_bnd rv, mpfr_srcptr a, xiO_bnd ra,
                    mpfr_srcptr b, xiO_bnd rb, mpfr_prec_t prec, mpfr_ptr tmp, xiO_bnd *P,
                    xiO_bnd *rho, int *wide) {
  return rule(op, k, v, rv, a, ra, b, rb, prec, tmp, P, rho, wide);
}

/* ---- the pass ---- */

/* the value radius of node o, from above; -1: none */
static int value_radius_slow(xiB_balls *b, uint32_t o, xb *r, int *wide) {
  const arb_struct *x = xiB_n(b, o) == 1 ? xiB_el(b, o) : NULL;
  if (x && arb_is_exact(x) && !b->g->nodes[o].x) { /* a literal held exactly (xiB_radius */
    arf_t t;                                       /* allows it half an ulp) */
    arf_init(t);
    arf_set_mpfr(t, b->g->nodes[o].v);
    int same = arf_equal(t, arb_midref(x));
    arf_clear(t);
    if (same) {
      *r = XI_BZERO;
      return 0;
    }
  }
  if (b->fast[o] & B_RADIUS) { /* (the common case, read in place) */
    *r = xiO_bof_man(b->rad[o].man, b->rad[o].exp, wide);
    return 0;
  }
  mag_t m;
  mag_init(m);
  int rc = xiB_radius(b, o, m);
  if (rc == 0)
    *r = xiO_bof_mag(m, wide);
  mag_clear(m);
  return rc ? -1 : 0;
}

static inline int value_radius(xiB_balls *b, uint32_t o, xb *r, int *wide) {
  if (o < b->cap && !b->slot[o] && (b->fast[o] & B_RADIUS)) { /* (the common case) */
    *r = xiO_bof_man(b->rad[o].man, b->rad[o].exp, wide);
    return 0;
  }
  return value_radius_slow(b, o, r, wide);
}

/* the bounds of node i's partial by operand k: 0, 1 when it is ±1 exactly
   (the pass then multiplies by nothing), -1 no rule */
static int partial(xiB_balls *b, uint32_t i, int k, mpfr_ptr tmp, mpfr_prec_t prec, xb *P,
                   xb *rho, int *wide) {
  const xiG_node *n = &b->g->nodes[i];
  xb rv = XI_BZERO, ra = XI_BZERO, rb = XI_BZERO;
  int op = n->op;
  if (op == XI_ADD || op == XI_SUB || op == XI_NEG || op == XI_ID || op == XI_ASFLOAT)
    return 1;
  int own = op == XI_EXP || op == XI_EXPM1 || op == XI_SQRT || op == XI_TANH ||
            (op == XI_DIV && k == 1);
  int of_a = op == XI_LOG || op == XI_SIN || op == XI_COS || (op == XI_MUL && k == 1);
  int of_b = (op == XI_MUL && k == 0) || op == XI_DIV;
  if ((own && value_radius(b, i, &rv, wide)) || (of_a && value_radius(b, n->a, &ra, wide)) ||
      (of_b && value_radius(b, n->b, &rb, wide)))
    return -1;
  const xiG_node *na = &b->g->nodes[n->a], *nb = n->b != XI_NONE ? &b->g->nodes[n->b] : na;
  return rule(op, k, n->v, rv, na->v, ra, nb->v, rb, prec, tmp, P, rho, wide);
}

typedef struct {
  kept r, M; /* the adjoint's radius; a bound of the running sum's size */
} bound;

/* node i's adjoint d̃ (|d̃| <= ad, 0 only when d̃ is; radius r) passed to
   operand o's bound x by a partial within P, ρ (unit: ±1 exactly, P = 1 and
   ρ = 0); rounded: a sum into o's adjoint was rounded (the sweep says) */
static inline void pass(bound *x, xb ad, xb r, xb P, xb rho, int unit, int rounded,
                        mpfr_prec_t prec, int *wide) {
  xb e = unit ? r : xiO_bmul(r, xiO_badd(P, rho));
  if (!ad.m) { /* the sweep passed it over */
    x->r = keep(xiO_badd(kept_of(x->r), e), wide);
    return;
  }
  xb term = unit ? ad : xiO_bmul(ad, P);
  if (!unit)
    e = xiO_badd(e, xiO_bmul(ad, rho));
  xb sum = xiO_badd(kept_of(x->M), term), round = rounded ? xiO_bulp(sum, prec) : XI_BZERO;
  x->M = keep(xiO_badd(sum, round), wide);
  x->r = keep(xiO_badd(xiO_badd(kept_of(x->r), e), round), wide);
}

/* the pass over lo..root into bd (indexed from lo); 1: no rule somewhere, or
   a number out of range */
static int run(xiB_balls *b, uint32_t root, uint32_t lo, bound *bd, xi_pos at, xi_err *err) {
  const xiD_sweep *s = b->s;
  xiG_graph *g = b->g;
  mpfr_t tmp;
  mpfr_init2(tmp, s->prec);
  int rc = 0, wide = 0;
  for (uint32_t i = root + 1; rc == 0 && !wide && i-- > lo;) {
    if ((i & 1023) == 0 && xiO_stopped()) {
      rc = xiX_fail(err, at, "interrupted");
      break;
    }
    const xiG_node *n = &g->nodes[i];
    if (!s->need[i] || n->op == XI_LEAF || n->op == XI_CONST)
      continue;
    xb r = kept_of(bd[i - lo].r), ad = xiO_bof_mpfr(&s->adj[i], 1, &wide);
    if (!ad.m && !r.m)
      continue;
    for (uint32_t k = 0, nargs = xiG_nargs(n); k < nargs; k++) {
      uint32_t o = xiG_arg(n, k);
      if (o < s->lo || !s->need[o])
        continue;
      xb P = XI_BONE, rho = XI_BZERO;
      int unit = partial(b, i, (int)k, tmp, s->prec, &P, &rho, &wide);
      if (unit < 0) {
        rc = 1;
        break;
      }
      pass(&bd[o - lo], ad, r, P, rho, unit, s->need[o] & XI_D_ROUNDED, s->prec, &wide);
    }
  }
  if (wide && rc == 0) /* a number out of range: the bounds mean nothing */
    rc = 1;
  mpfr_clear(tmp);
  return rc;
}

static void fill(arb_t out, uint32_t i, void *ctx) {
  const xiB_balls *b = ((void **)ctx)[0];
  const bound *bd = ((void **)ctx)[1];
  uint32_t lo = *(const uint32_t *)((void **)ctx)[2];
  arf_set_mpfr(arb_midref(out), &b->s->adj[i]);
  mag_set_ui_2exp_si(arb_radref(out), bd[i - lo].r.m, bd[i - lo].r.e); /* (from above) */
}

int xiB_sweep_mid(xiB_balls *b, uint32_t root, uint32_t lo, const uint8_t *in, xiD_want want,
                  const uint32_t *list, uint32_t nlist, xiB_adj *a, xi_pos at, xi_err *err) {
  xiG_graph *g = b->g;
  const xiD_sweep *s = b->s;
  if (b->mid_off || xiO_fmt != XI_FMT_MPFR || !xiD_current(s, g, root) || b->prec != (slong)g->prec ||
      root >= b->lazy_from || g->prec > XI_BEMAX - 64)
    return 1;
  for (uint32_t i = lo; i <= root; i++) /* every adjoint wanted was swept */
    if (in[i] && xiB_wanted(g, i, want, list, nlist) && !xiD_needed(s, i))
      return 1;
  if (s->lo > lo)
    lo = s->lo;
  size_t bytes = (size_t)(root - lo + 1) * sizeof(bound);
  if (xiM_account((ptrdiff_t)bytes))
    return xiG_oom(g, at, err);
  bound *bd = calloc((size_t)root - lo + 1, sizeof *bd); /* (all zeros: 0) */
  int rc = bd ? run(b, root, lo, bd, at, err) : xiG_oom(g, at, err);
  if (rc == 0) {
    void *ctx[3] = {b, bd, &lo};
    rc = xiB_keep(b, root, want, list, nlist, in, fill, ctx, a, at, err);
    b->mid_sweeps++;
  }
  free(bd);
  xiM_account(-(ptrdiff_t)bytes);
  return rc;
}
