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
 * The bounds are long doubles, every operation widened upward (or downward,
 * for a lower bound) past its rounding: up() below.  An under- or overflow in the sweep
 * (its rounding is then not within u) and a graph changed since it ran are
 * the sweep's to say (xiD_current); then, and where a rule is missing or a
 * value has no radius, the sweep in Arb's balls is run instead (sweep.c). */
#include "proof/ball_int.h"

#include <fenv.h>
#include <float.h>
#include <math.h>
#include <stdlib.h>

#include "ops/fmt.h"

/* ---- bounds, in long doubles rounded up (or down) ----
   An op rounded to nearest errs by at most LDBL_EPSILON/2 of its result, or half
   the least subnormal: up() and down() widen it by more.  Every number brought in
   lies within 2^±E_MAX (x87's long double: 2^±16000; bounds of it are then
   normal), or the pass is given up; a bound that overflows is infinite, and
   proves nothing.  Kept by node in 8 bytes (kept below). */

typedef long double xb;
#define E_MAX (LDBL_MAX_EXP - 384)

/* (LDBL_MIN, not the least subnormal, which is as good a bound: an operand that
   is subnormal costs the processor a hundred cycles) */
static xb up(xb z) { return z * (1 + 4 * LDBL_EPSILON) + LDBL_MIN; }
static xb down(xb z) {
  z = z * (1 - 4 * LDBL_EPSILON) - LDBL_MIN;
  return z > 0 ? z : 0;
}
/* (of bounds, all >= 0: a 0 stays exact, as a sum of two is 0 only when both are) */
static xb mul_up(xb x, xb y) { return x == 0 || y == 0 ? 0 : up(x * y); }
static xb add_up(xb x, xb y) { return x + y == 0 ? 0 : up(x + y); }
static xb div_up(xb x, xb y) { return x == 0 ? 0 : up(x / y); } /* y from below */
static xb sub_down(xb x, xb y) { return down(x - y); }

#if LDBL_MANT_DIG == 64 && LDBL_MAX_EXP == 16384 /* x87's: its bits read and made directly */
typedef union {
  long double d;
  struct {
    uint64_t m;
    uint16_t se;
  } b;
} x87;
/* 2^k, |k| <= E_MAX */
static xb pow2(long k) {
  x87 t = {0};
  t.b.m = 1ull << 63, t.b.se = (uint16_t)(16383 + k);
  return t.d;
}
#else
static xb pow2(long k) { return ldexpl(1, (int)k); }
#endif

/* a bound as kept: m·2^e from above, m < 2^32 */
typedef struct {
  uint32_t m;
  int32_t e;
} kept;

static kept keep_up(xb x, int *wide) {
  if (x == 0)
    return (kept){0, 0};
  int e;
#if LDBL_MANT_DIG == 64 && LDBL_MAX_EXP == 16384
  x87 t = {x};
  uint64_t m = t.b.m;
  e = (int)(t.b.se & 0x7fff) - 16383 + 1;
  if (!(m >> 63) || e > E_MAX || e < -E_MAX) { /* subnormal, infinite, far out */
    *wide = 1;
    return (kept){0, 0};
  }
  uint64_t top = (m >> 32) + ((m & 0xffffffffu) != 0); /* m·2^(e - 64), rounded up */
  return (kept){top >> 32 ? 1u << 31 : (uint32_t)top, top >> 32 ? e - 31 : e - 32};
#else
  xb f = frexpl(x, &e);
  if (!(x <= LDBL_MAX) || e > E_MAX || e < -E_MAX) {
    *wide = 1;
    return (kept){0, 0};
  }
  xb top = ceill(ldexpl(f, 32));
  return top >= 0x1p32 ? (kept){1u << 31, e - 31} : (kept){(uint32_t)top, e - 32};
#endif
}
static xb kept_of(kept k) { return k.m ? (xb)k.m * pow2(k.e) : 0; } /* (exact) */

/* |x| from above (up) or below; *wide set when |x| is out of range */
static xb of_mpfr(mpfr_srcptr x, int up_, int *wide) {
  if (mpfr_zero_p(x))
    return 0;
  mpfr_exp_t e = mpfr_get_exp(x);
  if (e > E_MAX || e < -E_MAX) {
    *wide = 1;
    return 0;
  }
  mp_size_t n = (mpfr_get_prec(x) - 1) / GMP_NUMB_BITS + 1;
  /* its top 53 bits (exact as a double), and one more from above */
  return (xb)((x->_mpfr_d[n - 1] >> 11) + (up_ != 0)) * pow2((long)e - 53);
}

/* a mag, from above */
static xb of_mag(const mag_struct *x, int *wide) {
  if (mag_is_zero(x))
    return 0;
  if (mag_is_inf(x) || COEFF_IS_MPZ(MAG_EXP(x)) || MAG_EXP(x) > E_MAX || MAG_EXP(x) < -E_MAX) {
    *wide = 1;
    return 0;
  }
  return (xb)MAG_MAN(x) * pow2((long)MAG_EXP(x) - MAG_BITS); /* (exact) */
}

/* 1 - |x| from above, 0 when |x| >= 1: exactly where it is small (tanh near
   ±1, expm1 near -1), from x's limbs */
static xb one_minus(mpfr_srcptr x, int *wide) {
  if (mpfr_zero_p(x))
    return 1;
  mpfr_exp_t e = mpfr_get_exp(x);
  if (e >= 1)
    return 0;
  if (e < 0)
    return up(1 - of_mpfr(x, 0, wide));
  /* |x| = M·2^-64n, M its n limbs; 1 - |x| = (2^64n - M)·2^-64n */
  mp_size_t n = (mpfr_get_prec(x) - 1) / GMP_NUMB_BITS + 1;
  const mp_limb_t *d = x->_mpfr_d;
  uint64_t c = -(uint64_t)d[n - 1]; /* 2^64 - the top limb: the rest only lowers it */
  if (n == 1 || c >= (1ull << 34) || n > 16)
    return up((xb)c) * pow2(-64);
  mp_limb_t r[16];
  mpn_neg(r, d, n);
  mp_size_t k = n - 1;
  while (k > 0 && !r[k])
    k--;
  if (64 * (n - k + 1) > E_MAX) {
    *wide = 1;
    return 0;
  }
  if (k == 0)
    return up((xb)r[0]) * pow2(-64 * (long)n);
  /* r[k] and the limb below it, and 1 for the rest (a double rounds to nearest:
     up() of a sum with 1 is at least the sum, the 1 lost or not) */
  return up(up((xb)r[k]) * pow2(64) + up((xb)r[k - 1] + 1)) *
         pow2(64 * ((long)k - 1 - (long)n));
}

/* ---- the partials' rules ---- */

/* 1/y from above and its spread ry/(y·(y - ry)), y = |b| from below; -1
   when the ball reaches 0 */
static int inverse(xb y, xb ry, xb *q, xb *spread) {
  xb gap = sub_down(y, ry);
  if (!(gap > 0))
    return -1;
  *q = div_up(1, y);
  *spread = div_up(div_up(ry, y), gap);
  return 0;
}

int xiB_partial_mid(int op, int k, mpfr_srcptr v, long double rv, mpfr_srcptr a,
                    long double ra, mpfr_srcptr b, long double rb, long double u, mpfr_ptr tmp,
                    long double *P, long double *rho, int *wide) {
  xb q, s, t, o;
  switch (op) {
  case XI_ID:
  case XI_ASFLOAT:
  case XI_ADD:
  case XI_NEG:
  case XI_SUB: /* ±1, exactly */
    *P = 1, *rho = 0;
    return 0;
  case XI_MUL: /* the other operand's number */
    *P = of_mpfr(k ? a : b, 1, wide), *rho = k ? ra : rb;
    return 0;
  case XI_EXP: /* o */
    *P = of_mpfr(v, 1, wide), *rho = rv;
    return 0;
  case XI_EXPM1: /* RN(o + 1) */
    q = mpfr_sgn(v) >= 0 ? add_up(of_mpfr(v, 1, wide), 1) : one_minus(v, wide);
    t = mul_up(q, u);
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
    t = mul_up(q, u);
    *P = add_up(q, t), *rho = add_up(s, t);
    return 0;
  case XI_SQRT: /* RN(1/(2o)) */
    if (inverse(of_mpfr(v, 0, wide), rv, &q, &s))
      return -1;
    q = mul_up(q, 0.5), s = mul_up(s, 0.5);
    t = mul_up(q, u);
    *P = add_up(q, t), *rho = add_up(s, t);
    return 0;
  case XI_TANH: { /* RN(1 - RN(o²)); 1 - O² is within ro·(2|o| + ro) of 1 - o² */
    o = of_mpfr(v, 1, wide);
    xb sq = mul_up(mul_up(o, o), u);
    q = add_up(mul_up(one_minus(v, wide), add_up(1, o)), sq);
    t = mul_up(q, u);
    s = mul_up(rv, add_up(2 * o, rv));
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
    s = add_up(mul_up(add_up(o, mul_up(o, u)), ra), mul_up(mul_up(ra, ra), 0.5));
    *rho = add_up(s < ra ? s : ra, mul_up(*P, u));
    return 0;
  default:
    return -1;
  }
}

/* ---- the pass ---- */

/* the value radius of node o, from above; -1: none */
static int value_radius(xiB_balls *b, uint32_t o, xb *r, int *wide) {
  const arb_struct *x = xiB_n(b, o) == 1 ? xiB_el(b, o) : NULL;
  if (x && arb_is_exact(x) && !b->g->nodes[o].x) { /* a literal held exactly (xiB_radius */
    arf_t t;                                       /* allows it half an ulp) */
    arf_init(t);
    arf_set_mpfr(t, b->g->nodes[o].v);
    int same = arf_equal(t, arb_midref(x));
    arf_clear(t);
    if (same) {
      *r = 0;
      return 0;
    }
  }
  if (b->fast[o] & B_RADIUS) { /* (the common case, read in place) */
    const xiB_rad *q = &b->rad[o];
    if (!q->man) {
      *r = 0;
      return 0;
    }
    if (q->exp > E_MAX || q->exp < -E_MAX)
      return *wide = 1, 0;
    *r = (xb)q->man * pow2((long)q->exp - MAG_BITS); /* (exact) */
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

/* the bounds of node i's partial by operand k */
static int partial(xiB_balls *b, uint32_t i, int k, mpfr_ptr tmp, xb u, xb *P, xb *rho,
                   int *wide) {
  const xiG_node *n = &b->g->nodes[i];
  xb rv = 0, ra = 0, rb = 0;
  int op = n->op;
  if (op == XI_ADD || op == XI_SUB || op == XI_NEG || op == XI_ID || op == XI_ASFLOAT) {
    *P = 1, *rho = 0;
    return 0;
  }
  int own = op == XI_EXP || op == XI_EXPM1 || op == XI_SQRT || op == XI_TANH ||
            (op == XI_DIV && k == 1);
  int of_a = op == XI_LOG || op == XI_SIN || op == XI_COS || (op == XI_MUL && k == 1);
  int of_b = (op == XI_MUL && k == 0) || op == XI_DIV;
  if ((own && value_radius(b, i, &rv, wide)) || (of_a && value_radius(b, n->a, &ra, wide)) ||
      (of_b && value_radius(b, n->b, &rb, wide)))
    return -1;
  const xiG_node *na = &b->g->nodes[n->a], *nb = n->b != XI_NONE ? &b->g->nodes[n->b] : na;
  return xiB_partial_mid(op, k, n->v, rv, na->v, ra, nb->v, rb, u, tmp, P, rho, wide);
}

typedef struct {
  kept r, M; /* the adjoint's radius; a bound of the running sum's size */
} bound;

/* node i's adjoint d (radius r) passed to operand o's bound x by a partial
   within P, ρ; rounded: a sum into o's adjoint was rounded (the sweep says) */
static void pass(bound *x, mpfr_srcptr d, xb r, xb P, xb rho, int rounded, xb u, int *wide) {
  xb e = mul_up(r, add_up(P, rho));
  if (mpfr_zero_p(d)) { /* the sweep passed it over */
    x->r = keep_up(add_up(kept_of(x->r), e), wide);
    return;
  }
  xb ad = of_mpfr(d, 1, wide), term = mul_up(ad, P), M = kept_of(x->M);
  e = add_up(e, mul_up(ad, rho));
  xb round = rounded ? mul_up(add_up(M, term), u) : 0;
  x->M = keep_up(add_up(add_up(M, term), round), wide);
  x->r = keep_up(add_up(add_up(kept_of(x->r), e), round), wide);
}

/* the pass over lo..root into bd (indexed from lo); 1: no rule somewhere, or
   a number out of range */
static int run(xiB_balls *b, uint32_t root, uint32_t lo, bound *bd, xi_pos at, xi_err *err) {
  const xiD_sweep *s = b->s;
  xiG_graph *g = b->g;
  xb u = pow2(-(long)s->prec);
  mpfr_t tmp;
  mpfr_init2(tmp, s->prec);
  int rc = 0, wide = 0;
  for (uint32_t i = root + 1; rc == 0 && i-- > lo;) {
    if ((i & 1023) == 0 && xiO_stopped()) {
      rc = xiX_fail(err, at, "interrupted");
      break;
    }
    const xiG_node *n = &g->nodes[i];
    if (!s->need[i] || n->op == XI_LEAF || n->op == XI_CONST)
      continue;
    mpfr_srcptr d = &s->adj[i];
    xb r = kept_of(bd[i - lo].r);
    if (mpfr_zero_p(d) && r == 0)
      continue;
    for (uint32_t k = 0; k < xiG_nargs(n); k++) {
      uint32_t o = xiG_arg(n, k);
      if (o < s->lo || !s->need[o])
        continue;
      xb P, rho;
      if (partial(b, i, (int)k, tmp, u, &P, &rho, &wide)) {
        rc = 1;
        break;
      }
      pass(&bd[o - lo], d, r, P, rho, s->need[o] & XI_D_ROUNDED, u, &wide);
    }
    if (wide)
      rc = rc ? rc : 1;
  }
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
      root >= b->lazy_from || g->prec > E_MAX - 64 || fegetround() != FE_TONEAREST)
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
