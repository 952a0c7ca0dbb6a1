/* opgrad.c: every row of the op table, tested from the table alone (as MPFR's
 * tgeneric tests every function): a row added to ops.h is tested without a
 * test being written for it, and a broken rule names itself.
 *
 * For each row, operands are found that its shape rule and its domain accept:
 * scalars at points across the line and at special ones (0, ±1, small and
 * large), or tensors of small shapes, with reals or with small whole numbers
 * (class labels, indices).  At each, L = op(a, b) (times a fixed tensor R,
 * summed, when the result is a tensor), and:
 *   1. the sweep's adjoint of each operand at 192 bits against a central
 *      difference by forward evaluation alone at 640 bits (h = 2^-160), where
 *      L is smooth (a kink, where the one-sided differences disagree, is
 *      skipped and counted: relu at 0 has no derivative to compare);
 *   2. the same adjoint built as nodes, from the row's printed formula (an
 *      elementwise row) or its gvjp (a tensor row), against the sweep's;
 *   3. the derivative of that built adjoint, a second derivative, against a
 *      central difference of the first at 640 bits;
 *   4. forward mode: L's tangent jvp(L, x, D) in a fixed direction D of the
 *      operand's shape, against the derivative in that direction by forward
 *      evaluation alone, (L(x + hD) - L(x - hD))/2h at 640 bits, where L is
 *      smooth at every element.
 * Where the built derivative cannot be built (a log of zero in d(a^b)/db at
 * a = 0), the sweep must find no finite derivative either, or a zero that is
 * only a convention. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grad/adjoint.h"
#include "grad/tangent.h"
#include "tests/fd.h"

#define NEAR 192
#define FAR 640

static const char *const points[] = {"0.5",  "-0.7", "1.3",   "2.1", "-2.4", "0.001",
                                     "10.5", "-9.5", "0",     "1",   "-1",   "3.7"};
#define NPOINTS (sizeof points / sizeof *points)

/* small shapes, and the ways to fill them */
static const xi_shape shapes[] = {{0, 1, 1}, {1, 1, 3}, {2, 2, 3}, {2, 3, 2}, {2, 2, 2}, {2, 3, 1}};
#define NSHAPES (sizeof shapes / sizeof *shapes)

typedef struct {
  int checked, kinks, built, second, forward;
} tally;

/* a leaf of shape sh: reals (fill 0) or whole numbers 0, 1, 2 (fill 1) */
static uint32_t make_leaf(xiG_graph *g, xi_shape sh, int fill, unsigned seed) {
  uint32_t n = sh.rank ? sh.rows * sh.cols : 1;
  __mpfr_struct *el = xiM_block(n, g->prec);
  for (uint32_t k = 0; k < n; k++) {
    unsigned r = (seed * 2654435761u + k * 40503u) >> 7;
    if (fill)
      mpfr_set_ui(&el[k], r % 3 % (sh.cols ? sh.cols : 1), MPFR_RNDN);
    else
      mpfr_set_si_2exp(&el[k], (long)(r % 4001) - 2000, -9, MPFR_RNDN); /* in [-3.9, 3.9] */
  }
  xiO_view v = {el, sh, n, NULL, XI_DT_FLOAT};
  uint32_t leaf = xiG_leaf(g, &v, (xi_pos){1, 1});
  xiM_unblock(el);
  return leaf;
}

/* L: op's value, or Σ op(a, b)·R for a tensor result; XI_NONE when the op
   refuses these operands */
static uint32_t build_loss(xiG_graph *g, int op, uint32_t a, uint32_t b, const int32_t *p) {
  xi_err err;
  uint32_t r, w, m, s;
  if (xiG_op(g, op, a, b, p, (xi_pos){1, 1}, &r, &err))
    return XI_NONE;
  if (!xiG_is_tensor(&g->nodes[r]))
    return r;
  w = make_leaf(g, xiG_shape(&g->nodes[r]), 0, 77);
  if (xiG_op(g, XI_MUL, r, w, NULL, (xi_pos){1, 1}, &m, &err) ||
      xiG_op(g, XI_SUM, m, XI_NONE, NULL, (xi_pos){1, 1}, &s, &err))
    return XI_NONE;
  return s;
}

/* the sweep's adjoint of leaf x (element k) into out */
static int adjoint(xiR_session *s, uint32_t root, uint32_t x, uint32_t k, mpfr_ptr out) {
  xi_err err;
  uint32_t r = root, list[1] = {x};
  xiO_view v;
  if (xiD_sweep_from(&s->sweep, &s->g, &r, XID_LIST, list, 1, (xi_pos){1, 1}, &err))
    return -1;
  if (xiD_adj_view(&s->sweep, &s->g, list[0], &v))
    mpfr_set_zero(out, 1);
  else
    mpfr_set(out, &v.el[k], MPFR_RNDN);
  return 0;
}

/* one-sided differences agree: L is smooth there at element k of leaf x */
static int smooth(xiG_graph *g, uint32_t x, uint32_t k, uint32_t root) {
  mpfr_t v0, up, down, mid, t;
  mpfr_inits2(FAR, v0, up, down, mid, t, (mpfr_ptr)0);
  mpfr_set(v0, xiG_el(&g->nodes[x], k), MPFR_RNDN);
  fd_at(g, x, k, root, v0, mid);
  mpfr_add_d(t, v0, 0x1p-160, MPFR_RNDN);
  fd_at(g, x, k, root, t, up);
  mpfr_sub_d(t, v0, 0x1p-160, MPFR_RNDN);
  fd_at(g, x, k, root, t, down);
  mpfr_sub(up, up, mid, MPFR_RNDN); /* the slopes on each side, ÷ h */
  mpfr_sub(down, mid, down, MPFR_RNDN);
  mpfr_mul_2ui(up, up, 160, MPFR_RNDN);
  mpfr_mul_2ui(down, down, 160, MPFR_RNDN);
  int ok = mpfr_number_p(up) && mpfr_number_p(down) && fd_close(up, down, 120) &&
           mpfr_cmpabs_ui(up, 1ul << 60) < 0; /* a jump (sign at 0) has slope 2^160 */
  mpfr_clears(v0, up, down, mid, t, (mpfr_ptr)0);
  return ok;
}

static int fail(const char *what, int op, uint32_t k, mpfr_srcptr got, mpfr_srcptr want) {
  const xiO_row *row = &xiO_table[op];
  mpfr_printf("FAIL row %s (%s), %s [%u]:\n  got  %.30Rg\n  want %.30Rg\n",
              row->name ? row->name : row->form, row->form, what, k, got, want);
  return 1;
}

/* the checks at one choice of operands; leaves[] are the operands (1 or 2) */
static int check_at(xiR_session *s, int op, const uint32_t *leaves, int nl, const int32_t *p,
                    tally *t) {
  xiG_graph *g = &s->g;
  uint32_t mark = g->n;
  uint32_t root = build_loss(g, op, leaves[0], nl > 1 ? leaves[1] : XI_NONE, p);
  if (root == XI_NONE)
    return -1; /* not in the domain, or not a shape the row takes */
  int bad = 0;
  xi_err err;
  mpfr_t ad, fd, nodes2, d2, jv;
  mpfr_inits2(FAR, ad, fd, nodes2, d2, jv, (mpfr_ptr)0);
  for (int q = 0; q < nl && !bad; q++) {
    uint32_t x = leaves[q], count = xiG_count(&g->nodes[x]);
    if (q == 1 && leaves[1] == leaves[0])
      continue;
    uint32_t m2 = g->n, built; /* 2: the adjoint built as nodes */
    if (xiA_build(&s->sweep, g, root, x, (xi_pos){1, 1}, &built, &err)) {
      /* Right where the sweep finds no finite derivative either (sqrt at 0),
         or a zero that is only PyTorch's convention (d(0^b)/db): there a
         derivative of the derivative does not exist, and saying so is right */
      if (adjoint(s, root, x, 0, ad) == 0 && !mpfr_zero_p(ad)) {
        printf("FAIL row %s: building its derivative: %s, where the sweep has one\n",
               xiO_table[op].form, err.msg);
        bad = 1;
      }
      continue;
    }
    for (uint32_t k = 0; k < count && !bad; k++) {
      if (adjoint(s, root, x, k, ad))
        continue; /* a derivative that is not finite there: the sweep says so */
      mpfr_set(nodes2, xiG_el(&g->nodes[built], k), MPFR_RNDN);
      t->built++;
      if (!fd_close(nodes2, ad, 150))
        bad = fail("the adjoint built from its formula, against the sweep's", op, k, nodes2, ad);
    }
    /* 3: the built adjoint's own derivative by x, element 0 */
    uint32_t b0 = built, mb = g->n, second = XI_NONE;
    if (xiG_is_tensor(&g->nodes[built])) {
      int32_t ip[XI_NPARAMS] = {0, xiG_shape(&g->nodes[built]).rank == 2 ? 0 : INT32_MAX, 0, 0, 0};
      if (xiG_op(g, XI_INDEX, built, XI_NONE, ip, (xi_pos){1, 1}, &b0, &err))
        b0 = XI_NONE;
    }
    if (!bad && b0 != XI_NONE && !adjoint(s, b0, x, 0, d2))
      second = b0;
    /* 4: the tangent in the direction dir (where the derivative exists) */
    uint32_t dir = make_leaf(g, xiG_shape(&g->nodes[x]), 0, 91), tangent = XI_NONE;
    int finite = 1, kinks = 0;
    for (uint32_t k = 0; k < count && finite; k++)
      finite = adjoint(s, root, x, k, ad) == 0;
    if (finite && xiF_jvp(&s->sweep, g, root, x, dir, (xi_pos){1, 1}, &tangent, &err)) {
      printf("FAIL row %s: building its tangent: %s, where the sweep has a derivative\n",
             xiO_table[op].form, err.msg);
      bad = 1;
    }
    if (tangent != XI_NONE)
      mpfr_set(jv, g->nodes[tangent].v, MPFR_RNDN);
    xiG_set_prec(g, FAR, &err);
    for (uint32_t k = 0; k < count && !bad; k++) { /* 1: against central differences */
      if (!smooth(g, x, k, root)) {
        t->kinks++, kinks++;
        continue;
      }
      mpfr_prec_round(ad, NEAR, MPFR_RNDN);
      xiG_set_prec(g, NEAR, &err);
      int finite = adjoint(s, root, x, k, ad) == 0;
      xiG_set_prec(g, FAR, &err);
      if (!finite)
        continue;
      fd_central(g, x, k, root, 160, fd);
      t->checked++;
      if (!fd_close(ad, fd, 150))
        bad = fail("the adjoint, against a central difference", op, k, ad, fd);
    }
    if (!bad && tangent != XI_NONE && !kinks) {
      mpfr_prec_round(jv, NEAR, MPFR_RNDN);
      fd_directional(g, x, dir, root, 0, 160, fd);
      t->forward++;
      if (!fd_close(jv, fd, 150))
        bad = fail("the tangent (jvp), against a directional difference", op, 0, jv, fd);
    }
    if (!bad && second != XI_NONE && smooth(g, x, 0, b0)) {
      fd_central(g, x, 0, b0, 160, fd); /* d(built[0])/dx[0] */
      t->second++;
      if (!fd_close(d2, fd, 140))
        bad = fail("the second derivative, against a central difference of the first", op, 0,
                   d2, fd);
    }
    xiG_set_prec(g, NEAR, &err);
    xiG_truncate(g, mb);
    xiG_truncate(g, m2);
  }
  mpfr_clears(ad, fd, nodes2, d2, jv, (mpfr_ptr)0);
  xiG_truncate(g, mark);
  return bad;
}

/* an elementwise row: scalars at every pair of points */
static int elementwise(xiR_session *s, int op, tally *t) {
  int bad = 0, arity = xiO_table[op].arity, tried = 0;
  for (size_t i = 0; i < NPOINTS && !bad; i++)
    for (size_t j = 0; j < (arity > 1 ? NPOINTS : 1) && !bad; j++) {
      uint32_t mark = s->g.n, leaves[2];
      for (int q = 0; q < arity; q++) {
        __mpfr_struct x;
        mpfr_init2(&x, NEAR);
        mpfr_set_str(&x, points[q ? j : i], 10, MPFR_RNDN);
        xiO_view v = {&x, {0, 1, 1}, 1, NULL, XI_DT_FLOAT};
        leaves[q] = xiG_leaf(&s->g, &v, (xi_pos){1, 1});
        if (xiO_bitwise(op) && leaves[q] != XI_NONE) /* (a float's & is a TypeError) */
          s->g.nodes[leaves[q]].flags |= XI_F_INT;
        mpfr_clear(&x);
      }
      int rc = check_at(s, op, leaves, arity, NULL, t);
      tried += rc >= 0;
      bad += rc > 0;
      xiG_truncate(&s->g, mark);
    }
  if (!tried)
    printf("FAIL row %s: no operands in its domain among the test points\n",
           xiO_table[op].form);
  return bad || !tried;
}

/* a tensor row: every pair of small shapes its shape rule takes, and its
   parameters (the first: left out, 0, 1 (an axis, decimals); the second,
   when it takes one: left out, 1 (keepdims)) */
static int tensor(xiR_session *s, int op, tally *t) {
  const xiO_row *row = &xiO_table[op];
  int bad = 0, tried = 0;
  int nparams = row->params < 0 ? 3 : 1, nsecond = row->params <= -2 ? 2 : 1;
  for (size_t i = 0; i < NSHAPES && !bad; i++)
    for (size_t j = 0; j < (row->arity > 1 ? NSHAPES : 1) && !bad; j++)
      for (int fill = 0; fill < 4 && !bad; fill++) /* reals or whole numbers, each operand */
        for (int pk = 0; pk < nparams * nsecond && !bad; pk++) {
          int32_t p[XI_NPARAMS];
          xiO_params_default(op, p);
          if (pk % nparams)
            p[0] = pk % nparams - 1;
          if (pk / nparams)
            p[1] = 1;
          uint32_t mark = s->g.n, leaves[2];
          leaves[0] = make_leaf(&s->g, shapes[i], fill & 1, 11 + (unsigned)i);
          if (row->arity > 1)
            leaves[1] = make_leaf(&s->g, shapes[j], fill >> 1 & 1, 23 + (unsigned)j);
          int rc = check_at(s, op, leaves, row->arity, row->params ? p : NULL, t);
          tried += rc >= 0;
          bad += rc > 0;
          xiG_truncate(&s->g, mark);
        }
  if (!tried)
    printf("FAIL row %s: no operands its shape rule takes among the test shapes\n", row->form);
  return bad || !tried;
}

int main(void) {
  xiR_session s;
  xiR_init(&s, NEAR, 30);
  tally t = {0, 0, 0, 0, 0};
  int bad = 0, rows = 0;
  for (int op = XI_FIRST_OP; op < XI_NOPS; op++) {
    const xiO_row *row = &xiO_table[op];
    if (!row->name && op >= XI_MATMUL && op != XI_MATMUL && op != XI_INDEX)
      continue; /* the rows xi builds for derivatives take a shape as their parameter: the
                   second derivatives of the others go through them */
    if (op == XI_INDEX)
      continue; /* its parameters are indices: tensorgrad.c's cases index every way */
    rows++;
    bad += xiO_elementwise(op) ? elementwise(&s, op, &t) : tensor(&s, op, &t);
  }
  xiR_free(&s);
  printf("%s: %d rows of the op table: %d adjoints agree with central differences (%d kinks "
         "skipped), %d with the same built from the row's formula, %d second derivatives, "
         "and %d tangents (forward mode) with directional differences\n",
         bad ? "FAIL" : "ok", rows, t.checked, t.kinks, t.built, t.second, t.forward);
  return bad ? 1 : 0;
}
