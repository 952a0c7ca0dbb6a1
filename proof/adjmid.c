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
 * The bounds are pairs of integers m·2^e, m of 32 bits (as Arb's mag_t in
 * mag.h keeps 30): each operation is done on the integers, its mantissa cut
 * to 32 bits and 1 added (for a lower bound, sub_down, only cut), so every
 * bound holds on any processor and under valgrind, with no floating point
 * and no rounding mode.  An operation widens a bound by at most 2^-30 of it
 * (the radii stay within 1.5× of those of Arb's sweep: tests/adjmid.c).
 * An under- or overflow in the sweep (its rounding is then not within u)
 * and a graph changed since it ran are the sweep's to say (xiD_current);
 * then, and where a rule is missing, a value has no radius or a number is
 * out of the bounds' range, the sweep in Arb's balls is run instead
 * (sweep.c). */
#include "proof/ball_int.h"

#include <stdlib.h>

#include "ops/fmt.h"

/* ---- bounds: m·2^e, m = 0 (e = 0) or 2^31 <= m < 2^32 (xiB_bnd) ----
   Every number brought in has |exponent| <= E_MAX, and a bound kept by node
   (kept, 8 bytes: two a node) has |e| <= E_KEEP, or the pass is given up
   (*wide): the exponents of the few operations between (int64_t) then never
   come near overflowing. */

typedef xiB_bnd xb;
#define E_MAX (1L << 28)
#define E_KEEP (1L << 30)
#define TOP ((uint64_t)1 << 31)
static const xb ZERO = {0, 0}, ONE = {TOP, -31};

_Static_assert(GMP_NUMB_BITS == 64, "the limbs are read as 64 bits");

/* m·2^e (m < 2^64) to 32 bits, from above (up) or truncated (from below) */
static inline xb norm(uint64_t m, int64_t e, int up) {
  if (!m)
    return ZERO;
  int z = __builtin_clzll(m);
  if (z >= 32)
    return (xb){m << (z - 32), e - (z - 32)}; /* (exact) */
  int sh = 32 - z;
  uint64_t t = (m >> sh) + (up && (m << (64 - sh)) != 0);
  return t >> 32 ? (xb){TOP, e + sh + 1} : (xb){t, e + sh};
}
static inline xb up_of(uint64_t m, int64_t e) { return norm(m, e, 1); }

/* The two operations of every edge, as Arb's mag_fast_mul and mag_add do
   them: the result's mantissa truncated and 1 added (a bound from above,
   whether or not anything was cut off), then shifted by a bit if it needs
   it; no count of leading zeros, no test of what was cut off.  (Of bounds,
   all >= 0: a 0 stays exact, as a sum of two is 0 only when both are.) */
static inline xb mul_up(xb x, xb y) {
  if (!x.m || !y.m)
    return ZERO;
  /* x.m·y.m in [2^62, (2^32 - 1)^2]: t in [2^30 + 1, 2^32 - 1] */
  uint64_t t = (x.m * y.m >> 32) + 1;
  int s = !(t >> 31);
  return (xb){t << s, x.e + y.e + 32 - s};
}
static inline xb add_up(xb x, xb y) {
  if (!x.m || !y.m)
    return x.m ? x : y;
  if (x.e < y.e) {
    xb t = x;
    x = y, y = t;
  }
  int64_t d = x.e - y.e; /* y < 2^(y.e + 32): (y.m >> d) + 1 units of 2^x.e, or 1 */
  uint64_t s = x.m + (d == 0 ? y.m : d < 32 ? (y.m >> d) + 1 : 1); /* (< 2^33 - 1) */
  int c = (int)(s >> 32);
  return (xb){(s + c) >> c, x.e + c}; /* (s/2 rounded up: < 2^32) */
}
/* x·2^-prec (exact: the sweep's unit of rounding u times x) */
static inline xb ulp(xb x, mpfr_prec_t prec) { return x.m ? (xb){x.m, x.e - prec} : x; }
/* y's mantissa in units of 2^(ex - 31), ex >= y.e: exact while it fits in 63
   bits; else from above (up) or below */
static inline uint64_t align(xb y, int64_t ex, int up) {
  int64_t d = ex - y.e;
  if (d <= 31)
    return y.m << (31 - d);
  if (d < 63)
    return (y.m >> (d - 31)) + (up && (y.m << (64 - (d - 31))) != 0);
  return up != 0; /* (y < 2^(y.e + 32) <= 2^(ex - 31)) */
}
/* x - y from below, 0 when y >= x */
static inline xb sub_down(xb x, xb y) {
  if (!y.m || !x.m)
    return y.m ? ZERO : x;
  if (y.e > x.e) /* (y >= 2^(y.e + 31) > x) */
    return ZERO;
  uint64_t X = x.m << 31, Y = align(y, x.e, 1);
  return X > Y ? norm(X - Y, x.e - 31, 0) : ZERO;
}
/* x - y from above, y <= x from below, y.e <= x.e */
static inline xb sub_up(xb x, xb y) {
  return y.m ? up_of((x.m << 31) - align(y, x.e, 0), x.e - 31) : x;
}
/* x/y from above, y > 0 (from below) */
static inline xb div_up(xb x, xb y) {
  if (!x.m)
    return ZERO;
  uint64_t n = x.m << 32, q = n / y.m; /* (< 2^33) */
  return up_of(q + (n % y.m != 0), x.e - 32 - y.e);
}
static inline xb half(xb x) { return x.m ? (xb){x.m, x.e - 1} : x; }
static inline xb twice(xb x) { return x.m ? (xb){x.m, x.e + 1} : x; }
static inline int less(xb x, xb y) {
  if (!x.m || !y.m)
    return !x.m && y.m;
  return x.e < y.e || (x.e == y.e && x.m < y.m); /* (normalised: e orders them) */
}

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

/* |x| from above (up) or below; *wide set when |x| is out of range */
static inline xb of_mpfr(mpfr_srcptr x, int up, int *wide) {
  if (mpfr_zero_p(x))
    return ZERO;
  mpfr_exp_t e = mpfr_get_exp(x);
  if (e > E_MAX || e < -E_MAX) {
    *wide = 1;
    return ZERO;
  }
  mp_size_t n = (mpfr_get_prec(x) - 1) / GMP_NUMB_BITS + 1;
  /* its top 32 bits, and one more from above: |x| < (m + 1)·2^(e - 32) */
  uint64_t t = (x->_mpfr_d[n - 1] >> 32) + (up != 0);
  int c = (int)(t >> 32); /* (t = 2^32: 2^31 and the exponent 1 up) */
  return (xb){t >> c, (int64_t)e - 32 + c};
}

/* man·2^(exp - 30), a mag's or a kept radius's (exact); *wide when out of range */
static inline xb of_man(uint64_t man, int64_t exp, int *wide) {
  if (!man)
    return ZERO;
  if (exp > E_MAX || exp < -E_MAX) {
    *wide = 1;
    return ZERO;
  }
  return norm(man, exp - 30, 1);
}
static xb of_mag(const mag_struct *x, int *wide) {
  if (mag_is_zero(x))
    return ZERO;
  if (mag_is_inf(x) || COEFF_IS_MPZ(MAG_EXP(x))) {
    *wide = 1;
    return ZERO;
  }
  return of_man(MAG_MAN(x), MAG_EXP(x), wide);
}

/* 1 - |x| from above, 0 when |x| >= 1: exactly where it is small (tanh near
   ±1, expm1 near -1), from x's limbs */
static xb one_minus(mpfr_srcptr x, int *wide) {
  if (mpfr_zero_p(x))
    return ONE;
  mpfr_exp_t e = mpfr_get_exp(x);
  if (e >= 1)
    return ZERO;
  if (e < 0) /* (|x| < 1/2) */
    return sub_up(ONE, of_mpfr(x, 0, wide));
  /* |x| = M·2^-64n, M its n limbs; 1 - |x| = (2^64n - M)·2^-64n */
  mp_size_t n = (mpfr_get_prec(x) - 1) / GMP_NUMB_BITS + 1;
  const mp_limb_t *d = x->_mpfr_d;
  uint64_t c = -(uint64_t)d[n - 1]; /* 2^64 - the top limb: the rest only lowers it */
  if (n == 1 || c >= (1ull << 34) || n > 16)
    return up_of(c, -64);
  mp_limb_t r[16];
  mpn_neg(r, d, n);
  mp_size_t k = n - 1;
  while (k > 0 && !r[k])
    k--;
  if (k == 0)
    return up_of(r[0], -64 * (int64_t)n);
  /* 1 - |x| < (r[k]·2^64 + r[k-1] + 1)·2^(64(k-1-n)) (the limbs below make less
     than 1), at most (t + 1)·2^(64(k-n) - z), t the top 64 bits of r[k], r[k-1] */
  int z = __builtin_clzll(r[k]);
  uint64_t t = z ? r[k] << z | r[k - 1] >> (64 - z) : r[k];
  int64_t at = 64 * ((int64_t)k - (int64_t)n) - z;
  return add_up(up_of(t, at), up_of(1, at));
}

/* ---- the partials' rules ---- */

/* 1/y from above and its spread ry/(y·(y - ry)), y = |b| from below; -1
   when the ball reaches 0 */
static int inverse(xb y, xb ry, xb *q, xb *spread) {
  xb gap = sub_down(y, ry);
  if (!gap.m)
    return -1;
  *q = div_up(ONE, y);
  *spread = div_up(div_up(ry, y), gap);
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
    *P = ONE, *rho = ZERO;
    return 0;
  case XI_MUL: /* the other operand's number */
    *P = of_mpfr(k ? a : b, 1, wide), *rho = k ? ra : rb;
    return 0;
  case XI_EXP: /* o */
    *P = of_mpfr(v, 1, wide), *rho = rv;
    return 0;
  case XI_EXPM1: /* RN(o + 1) */
    q = mpfr_sgn(v) >= 0 ? add_up(of_mpfr(v, 1, wide), ONE) : one_minus(v, wide);
    t = ulp(q, prec);
    *P = add_up(q, t), *rho = add_up(rv, t);
    return 0;
  case XI_LOG: /* RN(1/a) */
  case XI_DIV: /* RN(1/b); -RN(o/b), and -a/b² is -o/b exactly */
    if (op == XI_LOG ? inverse(of_mpfr(a, 0, wide), ra, &q, &s)
                     : inverse(of_mpfr(b, 0, wide), rb, &q, &s))
      return -1;
    if (op == XI_DIV && k == 1) { /* |O/B - o/b| <= ro/(|b| - rb) + |o|·spread */
      o = of_mpfr(v, 1, wide);
      s = add_up(div_up(rv, sub_down(of_mpfr(b, 0, wide), rb)), mul_up(o, s));
      q = mul_up(o, q);
    }
    t = ulp(q, prec);
    *P = add_up(q, t), *rho = add_up(s, t);
    return 0;
  case XI_SQRT: /* RN(1/(2o)) */
    if (inverse(of_mpfr(v, 0, wide), rv, &q, &s))
      return -1;
    q = half(q), s = half(s); /* (exact) */
    t = ulp(q, prec);
    *P = add_up(q, t), *rho = add_up(s, t);
    return 0;
  case XI_TANH: { /* RN(1 - RN(o²)); 1 - O² is within ro·(2|o| + ro) of 1 - o² */
    o = of_mpfr(v, 1, wide);
    xb sq = ulp(mul_up(o, o), prec);
    q = add_up(mul_up(one_minus(v, wide), add_up(ONE, o)), sq);
    t = ulp(q, prec);
    s = mul_up(rv, add_up(twice(o), rv));
    *P = add_up(q, t), *rho = add_up(add_up(s, sq), t);
    return 0;
  }
  case XI_SIN:
  case XI_COS: /* RN(cos a), -RN(sin a): computed, as the sweep did.  Over a ± ra
                  cos and sin stray by at most |f'(a)|·ra + ra²/2, and f' (∓sin,
                  cos) is the node's own value, o = RN(f(a)), within u·|o| */
    if (!tmp)
      return -1;
    xiO_table[op].partial(k, tmp, v, a, b);
    *P = of_mpfr(tmp, 1, wide);
    o = of_mpfr(v, 1, wide);
    s = add_up(mul_up(add_up(o, ulp(o, prec)), ra), half(mul_up(ra, ra)));
    *rho = add_up(less(s, ra) ? s : ra, ulp(*P, prec));
    return 0;
  default:
    return -1;
  }
}

int xiB_partial_mid(int op, int k, mpfr_srcptr v, xiB_bnd rv, mpfr_srcptr a, xiB_bnd ra,
                    mpfr_srcptr b, xiB_bnd rb, mpfr_prec_t prec, mpfr_ptr tmp, xiB_bnd *P,
                    xiB_bnd *rho, int *wide) {
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
      *r = ZERO;
      return 0;
    }
  }
  if (b->fast[o] & B_RADIUS) { /* (the common case, read in place) */
    *r = of_man(b->rad[o].man, b->rad[o].exp, wide);
    return 0;
  }
  mag_t m;
  mag_init(m);
  int rc = xiB_radius(b, o, m);
  if (rc == 0)
    *r = of_mag(m, wide);
  mag_clear(m);
  return rc ? -1 : 0;
}

static inline int value_radius(xiB_balls *b, uint32_t o, xb *r, int *wide) {
  if (o < b->cap && !b->slot[o] && (b->fast[o] & B_RADIUS)) { /* (the common case) */
    *r = of_man(b->rad[o].man, b->rad[o].exp, wide);
    return 0;
  }
  return value_radius_slow(b, o, r, wide);
}

/* the bounds of node i's partial by operand k: 0, 1 when it is ±1 exactly
   (the pass then multiplies by nothing), -1 no rule */
static int partial(xiB_balls *b, uint32_t i, int k, mpfr_ptr tmp, mpfr_prec_t prec, xb *P,
                   xb *rho, int *wide) {
  const xiG_node *n = &b->g->nodes[i];
  xb rv = ZERO, ra = ZERO, rb = ZERO;
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
  xb e = unit ? r : mul_up(r, add_up(P, rho));
  if (!ad.m) { /* the sweep passed it over */
    x->r = keep(add_up(kept_of(x->r), e), wide);
    return;
  }
  xb term = unit ? ad : mul_up(ad, P);
  if (!unit)
    e = add_up(e, mul_up(ad, rho));
  xb sum = add_up(kept_of(x->M), term), round = rounded ? ulp(sum, prec) : ZERO;
  x->M = keep(add_up(sum, round), wide);
  x->r = keep(add_up(add_up(kept_of(x->r), e), round), wide);
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
    xb r = kept_of(bd[i - lo].r), ad = of_mpfr(&s->adj[i], 1, &wide);
    if (!ad.m && !r.m)
      continue;
    for (uint32_t k = 0, nargs = xiG_nargs(n); k < nargs; k++) {
      uint32_t o = xiG_arg(n, k);
      if (o < s->lo || !s->need[o])
        continue;
      xb P = ONE, rho = ZERO;
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
      root >= b->lazy_from || g->prec > E_MAX - 64)
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
