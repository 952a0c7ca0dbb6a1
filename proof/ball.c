/* ball.c: a node's value as a ball holding its exact value (ball.h says from
 * what).  The balls are kept, node by node, while the tape keeps the node:
 * the graph counts what it forgets (g->forgot_from, g->epoch), and the kept
 * balls follow.  A printed value thus costs the balls of the nodes computed
 * since the last print, not its whole graph each time. */
#include "proof/ball.h"
#include "proof/ball_int.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grad/adjoint.h" /* derivatives built as nodes, proven like any */
#include "ops/fmt.h"

xiB_balls *xiB_open(xiG_graph *g, xiD_sweep *s) {
  xiB_balls *b = calloc(1, sizeof *b);
  if (!b)
    return NULL;
  b->g = g, b->s = s;
  b->epoch = g->epoch;
  b->prec = (slong)g->prec;
  b->lazy_from = UINT32_MAX;
  arb_init(&b->brief);
  return b;
}

void xiB_close(xiB_balls *b) {
  if (!b)
    return;
  xiB_store_free(b);
  free(b->need);
  if (b->ps)
    xiD_free(b->ps);
  free(b->ps);
  arb_clear(&b->brief);
  free(b);
}

/* node o's ball as Arb's (made from its radius when it has only that); -1:
   out of memory */
static int solid(xiB_balls *b, uint32_t o) {
  if (xiB_el(b, o))
    return 0;
  if (b->fast[o] & B_TENSOR) { /* its numbers, its radii */
    xiG_node *n = &b->g->nodes[o];
    uint32_t cnt = xiG_count(n);
    arb_ptr x = xiB_place(b, o, cnt);
    if (!x)
      return -1;
    for (uint32_t k = 0; k < cnt; k++) {
      arf_set_mpfr(arb_midref(&x[k]), xiG_el(n, k));
      if (xiB_tr(b, o))
        xiO_rad_to_mag(arb_radref(&x[k]), xiB_tr(b, o)[k], b->prec);
    }
    return 0;
  }
  arb_ptr x = xiB_place(b, o, 1);
  if (!x)
    return -1;
  if (!(b->fast[o] & B_RADIUS)) { /* (every caller made its balls first) */
    arb_indeterminate(x);
    return 0;
  }
  arf_set_mpfr(arb_midref(x), b->g->nodes[o].v);
  xiB_rad_get(b, o, arb_radref(x));
  return 0;
}

/* node o's radius around the number it holds, for a rule that reuses MPFR's
   numbers, into r: its own, or (made once) its ball's widened by the distance
   from the ball's midpoint to that number; -1 when it has none */
static int radius(xiB_balls *b, uint32_t o, mag_t r) {
  if (b->fast[o] & B_RADIUS) {
    xiB_rad_get(b, o, r);
    return 0;
  }
  xiG_node *n = &b->g->nodes[o];
  arb_srcptr x = xiB_el(b, o);
  if (!x || n->x || !mpfr_number_p(n->v) || !arb_is_finite(x))
    return -1;
  arf_t t;
  arf_init(t);
  arf_set_mpfr(t, n->v);
  arf_sub(t, arb_midref(x), t, MAG_BITS, ARF_RND_UP);
  arf_get_mag(r, t);
  arf_clear(t);
  mag_add(r, r, arb_radref(x));
  if (n->op == XI_CONST || (n->op == XI_LEAF && (n->flags & XI_F_LITERAL))) {
    /* a literal, pi or e: its number is the exact value rounded to nearest
       (xiG_read_const), within half an ulp */
    mag_t h;
    mag_init(h);
    if (!mpfr_zero_p(n->v))
      mag_set_ui_2exp_si(h, 1, (slong)mpfr_get_exp(n->v) - (slong)mpfr_get_prec(n->v) - 1);
    if (mag_cmp(h, r) < 0)
      mag_swap(h, r);
    xiO_mag_clear(h);
  }
  return xiB_rad_set(b, o, r);
}

static int of_literals(const xiB_balls *b, uint32_t o) {
  return b->g->nodes[o].op == XI_CONST || (b->fast[o] & B_LITERAL);
}

/* 1 when v ± r reaches outside what op's values can be (exp of 0 ± 26 is
   1 ± 2e11, below 0; tanh of it 0 ± 26): Arb's rule, which bounds an
   increasing function of a wide ball by its ends (ops/bops.c), is tighter
   there, and a log or a √ after it is then defined.  Only the choice of a
   rule: both bound the exact value, so the distance need not be rounded. */
static int past_range_far(int op, const mag_t r, mpfr_srcptr v);
static inline int past_range(int op, const mag_t r, mpfr_srcptr v) {
  if (op != XI_EXP && op != XI_EXPM1 && op != XI_TANH)
    return 0;
  return past_range_far(op, r, v);
}
__attribute__((noinline)) static int past_range_far(int op, const mag_t r, mpfr_srcptr v) {
  if (!COEFF_IS_MPZ(MAG_EXP(r)) && MAG_EXP(r) <= -60 && mpfr_regular_p(v)) {
    /* (the common case, without doubles: r < 2^-60 and v at least 2^-50 from
       the edge, read from its exponent, or for tanh near ±1 from its top limb:
       1 - |v| > (2^64 - 1 - top)·2^-64) */
    mpfr_exp_t e = mpfr_get_exp(v);
    if (op == XI_EXP && e >= -48)
      return 0;
    if (op == XI_EXPM1 && (mpfr_sgn(v) > 0 || e <= -1))
      return 0;
    if (op == XI_TANH && (e <= -1 || (e == 0 && ~v->_mpfr_d[(mpfr_get_prec(v) - 1) / GMP_NUMB_BITS] >=
                                                  (mp_limb_t)1 << 14)))
      return 0;
  }
  double d = mpfr_get_d(v, MPFR_RNDN); /* the distance from v to the edge of op's values */
  d = op == XI_EXP ? fabs(d) : op == XI_EXPM1 ? d + 1 : 1 - fabs(d);
  return !(d > mag_get_d(r));
}

/* fast_ball's way when both operands' radii are kept (B_RADIUS): the rule in
   integer bounds (xiO_ball_mid_bnd) on them as they are kept, with no mag
   between; 1 where that rule gives way */
static int bnd_ball(xiB_balls *b, uint32_t i, const xiG_node *n) {
  const xiG_node *nodes = b->g->nodes;
  int wide = 0, two = n->b != XI_NONE;
  xiO_bnd ra = xiO_bof_man(b->rad[n->a].man, b->rad[n->a].exp, &wide), r,
          rb = two ? xiO_bof_man(b->rad[n->b].man, b->rad[n->b].exp, &wide) : XI_BZERO;
  if (wide || xiO_ball_mid_bnd(n->op, &r, n->v, n->flags & XI_F_EXACT, nodes[n->a].v, ra,
                               two ? nodes[n->b].v : NULL, rb))
    return 1;
  mag_t m;
  mag_init(m);
  xiO_mag_of_bnd(m, r);
  int rc = past_range(n->op, m, n->v) || xiB_rad_set(b, i, m) ? -1 : 0;
  xiO_mag_clear(m);
  return rc;
}

/* scalar node i's radius around the number MPFR computed for it, from its
   operands' (xiO_ball_mid); -1 when that rule does not apply: a node built
   lazily (its number was never computed), under an IEEE format, at another
   precision than the balls', a tensor, an op without such a rule */
/* operand o is a scalar without parameters (no x): read from its flags where
   it has a kept radius, for its node is mostly far back on the tape, a cache
   miss (B_PLAIN) */
static inline int plain(const xiB_balls *b, uint32_t o) {
  return (b->fast[o] & B_PLAIN) || !b->g->nodes[o].x;
}

static int fast_ball(xiB_balls *b, uint32_t i) {
  xiG_graph *g = b->g;
  xiG_node *n = &g->nodes[i];
  if (i >= b->lazy_from || n->x || n->op < XI_FIRST_OP || xiO_fmt != XI_FMT_MPFR ||
      (slong)mpfr_get_prec(n->v) != b->prec || !plain(b, n->a) ||
      (n->b != XI_NONE && !plain(b, n->b)))
    return -1;
  if (of_literals(b, n->a) && (n->b == XI_NONE || of_literals(b, n->b))) {
    b->fast[i] = B_LITERAL; /* Arb's balls hold numbers made of literals closer than */
    return -1;              /* MPFR's (0.1 + 0.2, 1/3): they are made once, and few */
  }
  if ((b->fast[n->a] & B_RADIUS) && (n->b == XI_NONE || (b->fast[n->b] & B_RADIUS))) {
    int rc = bnd_ball(b, i, n); /* (the common case; a kept radius is a number's) */
    if (rc <= 0)
      return rc;
  }
  mag_t ra, rb, r;
  mag_init(ra);
  mag_init(rb);
  mag_init(r);
  int rc = radius(b, n->a, ra) || (n->b != XI_NONE && radius(b, n->b, rb)) ||
                   xiO_ball_mid(n->op, r, n->v, n->flags & XI_F_EXACT, g->nodes[n->a].v, ra,
                                n->b != XI_NONE ? g->nodes[n->b].v : NULL, rb) ||
                   past_range(n->op, r, n->v) || xiB_rad_set(b, i, r)
               ? -1
               : 0;
  xiO_mag_clear(ra);
  xiO_mag_clear(rb);
  xiO_mag_clear(r);
  return rc;
}

static xiO_bview view_of(xiB_balls *b, uint32_t i) {
  xiG_node *n = &b->g->nodes[i];
  xiO_bview v = {xiB_el(b, i), xiG_shape(n), xiG_count(n), n->x ? n->x->p : NULL};
  return v;
}

/* a literal's text as Arb reads it (".5" is "0.5") */
static void literal(arb_t x, const char *t, slong prec) {
  if (t[0] == 'T' || t[0] == 'F') { /* True, False */
    arb_set_ui(x, t[0] == 'T');
    return;
  }
  char buf[64], *s = buf;
  size_t n = strlen(t);
  if (n + 3 > sizeof buf && !(s = malloc(n + 3))) {
    arb_indeterminate(x);
    return;
  }
  size_t k = 0, neg = t[0] == '-';
  if (neg)
    s[k++] = '-';
  if (t[neg] == '.')
    s[k++] = '0';
  memcpy(s + k, t + neg, n - neg + 1);
  if (arb_set_str(x, s, prec))
    arb_indeterminate(x); /* cannot happen for xi's literals; never a wrong ball */
  if (s != buf)
    free(s);
}

static void constant(xiB_balls *b, arb_t x, uint32_t aux) {
  if (aux == XI_LIT_PI)
    arb_const_pi(x, b->prec);
  else if (aux == XI_LIT_E)
    arb_const_e(x, b->prec);
  else
    literal(x, xiS_name(&b->g->sym, aux), b->prec);
}

static int ball_of(xiB_balls *b, uint32_t i, xi_pos at, xi_err *err);
static int walk(xiB_balls *b, uint32_t i, uint8_t *need, xi_pos at, xi_err *err);

/* a leaf made from a constant expression: the expression again, as balls */
static int code_leaf(xiB_balls *b, uint32_t i, arb_ptr out, uint32_t n, xi_pos at,
                     xi_err *err) {
  xiG_graph *g = b->g;
  uint32_t mark = g->n, root;
  int rc = xiG_exec(g, &g->code[g->nodes[i].aux], NULL, NULL, 0, &root, err);
  if (rc == 0)
    rc = ball_of(b, root, at, err) || solid(b, root) ? -1 : 0;
  if (rc == 0 && xiG_count(&g->nodes[root]) == n)
    _arb_vec_set(out, xiB_el(b, root), n);
  else if (rc == 0)
    _arb_vec_indeterminate(out, n);
  for (uint32_t k = mark; k < g->n; k++)
    xiB_drop(b, k);
  uint32_t forgot = g->forgot_from;
  xiG_truncate(g, mark);
  g->forgot_from = forgot; /* only the scratch nodes just dropped */
  return rc;
}

/* what is not an op of the table: a leaf, a constant, a list, a grad */
static int special(xiB_balls *b, uint32_t i, arb_ptr out, uint32_t n, xi_pos at, xi_err *err) {
  xiG_graph *g = b->g;
  xiG_node *nd = &g->nodes[i];
  switch (nd->op) {
  case XI_CONST:
    constant(b, out, nd->aux);
    return 0;
  case XI_LEAF:
    if (nd->flags & XI_F_LITERAL) {
      constant(b, out, nd->aux);
      return 0;
    }
    if (nd->flags & XI_F_CODE)
      return code_leaf(b, i, out, n, at, err);
    for (uint32_t k = 0; k < n; k++) { /* an input: the number it holds, exactly */
      arf_set_mpfr(arb_midref(&out[k]), xiG_el(nd, k));
      mag_zero(arb_radref(&out[k]));
    }
    return 0;
  case XI_LIST: {
    uint32_t at_el = 0;
    for (uint32_t q = 0; q < nd->x->nargs; q++) {
      uint32_t item = g->nodes[i].x->args[q];
      if (solid(b, item))
        return xiG_oom(g, at, err);
      _arb_vec_set(out + at_el, xiB_el(b, item), xiB_n(b, item));
      at_el += xiB_n(b, item);
    }
    return 0;
  }
  case XI_GRAD: { /* its derivative's graph, built when first needed */
    /* A graph built for this ball alone is dropped after it, its balls too:
       a hessian of 2000 rows keeps one row's graph at a time, not 2000 (5.5
       GB at 128 bits).  One something built before is kept, as it was. */
    uint32_t root, mark = g->n, forgot = g->forgot_from, lazy_from = b->lazy_from;
    int scratch = nd->aux == XI_NONE;
    /* a scratch graph's numbers would be thrown away: only its balls are wanted
       (as in xiB_adjoints), and its balls are Arb's */
    g->lazy = (uint8_t)scratch;
    int rc = xiA_graph(b->s, g, i, at, &root, err);
    g->lazy = 0;
    if (scratch && mark < b->lazy_from)
      b->lazy_from = mark;
    rc = rc || ball_of(b, root, at, err) ? -1 : 0;
    b->lazy_from = lazy_from;
    if (rc == 0 && solid(b, root))
      rc = xiG_oom(g, at, err);
    if (rc == 0 && xiB_n(b, root) == n)
      _arb_vec_set(out, xiB_el(b, root), n);
    else if (rc == 0)
      _arb_vec_indeterminate(out, n);
    if (scratch) {
      for (uint32_t k = mark; k < b->cap; k++)
        xiB_drop(b, k);
      xiG_truncate(g, mark); /* (and the GRAD node forgets its graph) */
      g->forgot_from = forgot;
    }
    return rc;
  }
  default:
    return xiX_fail(err, at, "a tuple has no digits to prove");
  }
}

/* node i's balls from its operands' (which have theirs) */
static int node_ball(xiB_balls *b, uint32_t i, xi_pos at, xi_err *err) {
  xiG_graph *g = b->g;
  if (fast_ball(b, i) == 0 || xiB_tensor_ball(b, i) == 0)
    return 0;
  if (g->nodes[i].op == XI_GRAD) {
    int rc = xiB_grad_ball(b, i, at, err);
    if (rc <= 0)
      return rc;
  }
  uint32_t n = xiG_count(&g->nodes[i]);
  int op = g->nodes[i].op;
  if (op >= XI_FIRST_OP && (solid(b, g->nodes[i].a) ||
                            (g->nodes[i].b != XI_NONE && solid(b, g->nodes[i].b))))
    return xiG_oom(g, at, err);
  arb_ptr out = xiB_place(b, i, n);
  if (!out)
    return xiG_oom(g, at, err);
  if (op < XI_FIRST_OP)
    return special(b, i, out, n, at, err);
  xiO_bview o = view_of(b, i), va = view_of(b, g->nodes[i].a), vb;
  if (g->nodes[i].b != XI_NONE)
    vb = view_of(b, g->nodes[i].b);
  int rc = xiO_ball_forward(op, &o, &va, g->nodes[i].b != XI_NONE ? &vb : NULL, b->prec);
  if (rc == 0)
    return 0;
  if (xiO_stopped())
    return xiX_fail(err, at, "interrupted");
  /* no bound: its elements are balls of infinite radius, which prove no digit */
  _arb_vec_indeterminate(out, n);
  return 0;
}

/* ball_of's way for a node whose missing balls lie just under it (a
   statement's few new nodes, when every statement is printed): operands
   first, by recursion, depth levels down at most.  1: it does not apply (a
   list, a cone deeper than that): the walk does it, finding made what this
   made.  (No count against the budget first, as the walk's: these are few.) */
static int quick(xiB_balls *b, uint32_t i, int depth, xi_pos at, xi_err *err) {
  if (xiB_have(b, i))
    return 0;
  xiG_node *n = &b->g->nodes[i];
  if (n->op >= XI_FIRST_OP) {
    if (depth == 0)
      return 1;
    for (uint32_t q = 0; q < xiG_nargs(n); q++) {
      int rc = quick(b, xiG_arg(n, q), depth - 1, at, err);
      if (rc)
        return rc;
    }
  } else if (n->op != XI_LEAF && n->op != XI_CONST && n->op != XI_GRAD) {
    return 1; /* (a leaf's and a grad's balls are not made from nodes below) */
  }
  if (xiO_stopped())
    return xiX_fail(err, at, "interrupted");
  return node_ball(b, i, at, err);
}

/* the balls of node i's cone that are not there yet, operands first.  The
   walk down stops when no node still wanted lies below: a print costs the
   nodes made since the balls were last asked for, not the whole tape. */
static int ball_of(xiB_balls *b, uint32_t i, xi_pos at, xi_err *err) {
  xiG_graph *g = b->g;
  if (xiB_room(b, i))
    return xiG_oom(g, at, err);
  if (xiB_have(b, i))
    return 0;
  int rc = quick(b, i, 6, at, err);
  if (rc <= 0)
    return rc;
  if (b->walking) { /* a walk inside a walk: marks of its own */
    uint8_t *own = calloc((size_t)i + 1, 1);
    if (!own)
      return xiG_oom(g, at, err);
    rc = walk(b, i, own, at, err);
    free(own);
    return rc;
  }
  if (i >= b->need_cap) { /* grown by doubling; its pages are touched only where used */
    uint32_t cap = b->need_cap ? b->need_cap : 1024;
    while (cap <= i && cap < UINT32_MAX / 2)
      cap *= 2;
    cap = cap <= i ? i + 1 : cap;
    free(b->need);
    b->need = calloc(cap, 1);
    b->need_cap = b->need ? cap : 0;
    if (!b->need)
      return xiG_oom(g, at, err);
  }
  b->walking = 1;
  rc = walk(b, i, b->need, at, err);
  b->walking = 0;
  return rc;
}

/* ball_of's walk, with need all 0 (and left so) */
static int walk(xiB_balls *b, uint32_t i, uint8_t *need, xi_pos at, xi_err *err) {
  xiG_graph *g = b->g;
  need[i] = 1;
  uint32_t lo = i, pending = 1;
  for (uint32_t k = i + 1; pending && k-- > 0;) {
    if (!need[k])
      continue;
    pending--;
    if (xiB_have(b, k)) {
      need[k] = 0;
      continue;
    }
    lo = k;
    xiG_node *n = &g->nodes[k];
    if (n->op == XI_LEAF || n->op == XI_CONST || n->op == XI_GRAD)
      continue; /* a grad's ball is its graph's, above it: asked for when it comes */
    for (uint32_t q = 0, nargs = xiG_nargs(n); q < nargs; q++) {
      uint32_t o = xiG_arg(n, q);
      if (!need[o] && !xiB_have(b, o))
        need[o] = 1, pending++;
    }
  }
  /* the balls this walk keeps, counted first: when they cannot fit in the
     memory budget, that is said at once, not after computing most of them
     (the graphs built for grad values come and go, and are not counted) */
  size_t bytes = 0;
  for (uint32_t k = lo; k <= i; k++)
    if (need[k] && !xiB_have(b, k))
      bytes += xiB_cost(xiG_count(&g->nodes[k]), b->prec);
  int rc = 0;
  if (xiM_account((ptrdiff_t)bytes) == 0)
    xiM_account(-(ptrdiff_t)bytes);
  else
    rc = xiG_oom(g, at, err);
  for (uint32_t k = lo; k <= i && rc == 0; k++) {
    if (!need[k] || xiB_have(b, k))
      continue;
    if (xiO_stopped())
      rc = xiX_fail(err, at, "interrupted");
    else
      rc = node_ball(b, k, at, err);
  }
  memset(need + lo, 0, (size_t)(i - lo) + 1); /* every mark set lies in lo..i */
  return rc;
}

int xiB_ball_of(xiB_balls *b, uint32_t i, xi_pos at, xi_err *err) {
  return ball_of(b, i, at, err);
}
int xiB_solid(xiB_balls *b, uint32_t o) { return solid(b, o); }
int xiB_radius(xiB_balls *b, uint32_t o, mag_t r) { return radius(b, o, r); }

const arb_struct *xiB_view1(xiB_balls *b, uint32_t i, arb_t tmp) {
  if (xiB_el(b, i))
    return xiB_el(b, i);
  arf_set_mpfr(arb_midref(tmp), b->g->nodes[i].v);
  xiB_rad_get(b, i, arb_radref(tmp));
  return tmp;
}

int xiB_ball(xiB_balls *b, uint32_t i, xiO_bview *out, xi_pos at, xi_err *err) {
  xiB_forget(b);
  if (ball_of(b, i, at, err))
    return -1;
  if (solid(b, i))
    return xiG_oom(b->g, at, err);
  *out = view_of(b, i);
  return 0;
}

int xiB_ball_brief(xiB_balls *b, uint32_t i, xiO_bview *out, xi_pos at, xi_err *err) {
  xiB_forget(b);
  if (ball_of(b, i, at, err))
    return -1;
  if (xiB_el(b, i) || !(b->fast[i] & B_RADIUS))
    return solid(b, i) ? xiG_oom(b->g, at, err) : (*out = view_of(b, i), 0);
  arf_set_mpfr(arb_midref(&b->brief), b->g->nodes[i].v);
  xiB_rad_get(b, i, arb_radref(&b->brief));
  *out = view_of(b, i);
  out->el = &b->brief;
  return 0;
}

void xiB_set_prec(xiB_balls *b, slong prec) { b->want = prec; }
slong xiB_prec(const xiB_balls *b) { return b->want ? b->want : (slong)b->g->prec; }

int xiB_enough(const arb_struct *ball, uint32_t n, int digits) {
  slong need = (slong)(digits * 3.3219280948873623) + 8; /* log2(10) bits a digit, and a byte */
  for (uint32_t k = 0; k < n; k++)
    if (!arb_is_exact(&ball[k]) && arb_rel_accuracy_bits(&ball[k]) < need)
      return 0;
  return 1;
}

slong xiB_raise(slong p) {
  return p >= XI_EXACT_PREC_MAX ? 0 : 2 * p > XI_EXACT_PREC_MAX ? XI_EXACT_PREC_MAX : 2 * p;
}
