/* slips.c: the one table of the slips people make when they work a
 * derivation by hand (grade.h).  A row is a slip's name, its test and what
 * to say: a teacher adds a slip here, and nowhere else.  Each test asks
 * whether the student's number is what the step gives with that slip made,
 * from the student's own operands (the follow-through value, x->ref): check's
 * judgement for a sign and a factor of 2 (cmd/check.c), the
 * value scaled for the batch size, and for the slips inside a sweep the
 * student's world swept again with the slip made (world.c: a σ′ left out, a
 * path of a fan-out left out, a ᵀ left out).  The first row that fits names
 * the slip.  A value truncated at its last digit, or right from the
 * student's rounded earlier values, is no slip: marking.c marks the one
 * right and the other follow-through, each with a note. */
#include <stdlib.h>
#include <string.h>

#include "cmd/grade.h"

#define XI_SLIP_TRIES 32 /* variant sweeps one test may try, on a large graph */

const char *xiR_claim_number(const xiR_graded *c, uint32_t e, xi_shape sh) {
  uint32_t k = c->scalar ? 0 : e;
  if (c->transposed && sh.rank == 2)
    k = (e % sh.cols) * sh.rows + e / sh.cols;
  const char *t = c->q.numbers;
  for (uint32_t q = 0; q < k; q++)
    t += strlen(t) + 1;
  return t;
}

int xiR_claim_fits(const xiR_graded *c, const xiO_view *v) {
  if (v->n != c->nel)
    return 0;
  for (uint32_t e = 0; e < v->n; e++) {
    const char *t = xiR_claim_number(c, e, v->sh);
    xiN_verdict vd;
    int pass = xiN_judge(&v->el[e], t, strlen(t), 0, &vd) == 0 && vd.pass;
    free(vd.rounded);
    if (!pass)
      return 0;
  }
  return 1;
}

/* every element's judgement is `kind` (or right), and one at least is it */
static int all_kind(const xiR_slip *x, int kind) {
  int any = 0;
  for (uint32_t e = 0; e < x->c->nel; e++) {
    if (x->kinds[e] != kind && x->kinds[e] != XI_J_RIGHT)
      return 0;
    any |= x->kinds[e] == kind;
  }
  return any;
}

static void name(const xiR_slip *x, xiW_buf *b, uint32_t node) {
  xiT_who(x->st, b, node);
}

/* nodes of L's graph that `node` is under (its value flows into them) */
static uint8_t *above(const xiR_slip *x, uint32_t node) {
  const xiG_graph *g = x->st->g;
  uint8_t *up = node <= x->w->root ? calloc((size_t)x->w->root + 1, 1) : NULL;
  if (!up)
    return NULL; /* (a value off L's graph: judged alone) */
  up[node] = 1;
  for (uint32_t j = node + 1; j <= x->w->root; j++)
    for (uint32_t k = 0; xiR_world_has(x->w, j) && k < xiG_nargs(&g->nodes[j]); k++)
      up[j] |= up[xiG_arg(&g->nodes[j], k)];
  return up;
}

/* a square (u^2, u·u) at or above node: the ½ convention's place */
static uint32_t square_above(const xiR_slip *x) {
  const xiG_graph *g = x->st->g;
  uint8_t *up = above(x, x->c->node);
  uint32_t found = XI_NONE;
  for (uint32_t j = x->c->node; up && j <= x->w->root && found == XI_NONE; j++) {
    const xiG_node *n = &g->nodes[j];
    if (!up[j])
      continue;
    if ((n->op == XI_MUL && n->a == n->b) ||
        (n->op == XI_POW && g->nodes[n->b].op == XI_CONST && mpfr_cmp_ui(g->nodes[n->b].v, 2) == 0))
      found = j;
  }
  free(up);
  return found;
}

/* the student's value of the step with the slip v made: does it give the claim? */
static int variant_fits(xiR_slip *x, xiR_variant v) {
  uint32_t mark = x->s->g.n, out;
  xi_err err;
  int fits = 0;
  if (x->c->adjoint && xiR_world_variant(x->w, v, x->c->node, &out, &err) == 0 &&
      out != XI_NONE) {
    xiO_view view = xiG_view(&x->s->g.nodes[out]);
    fits = xiR_claim_fits(x->c, &view);
  }
  xiG_truncate(&x->s->g, mark);
  return fits;
}

/* ---- the tests ---- */

static int t_sign(xiR_slip *x) {
  return all_kind(x, XI_J_SIGN);
}

static int t_two(xiR_slip *x) {
  int twice = all_kind(x, XI_J_TWICE), half = all_kind(x, XI_J_HALF);
  if (!twice && !half)
    return 0;
  uint32_t sq = square_above(x);
  xiW_put(x->why, "the claim is %s the value", twice ? "twice" : "half");
  if (sq != XI_NONE) {
    xiW_put(x->why, "; ");
    name(x, x->why, sq);
    xiW_put(x->why, " = ");
    xiT_op(x->st, x->why, sq);
    xiW_put(x->why, " is a square, and d(u²)/du = 2u: %s", half
                        ? "the ½ of the convention L = ½(ŷ - y)², whose derivative is ŷ - y, "
                          "is not in this L"
                        : "a 2 counted twice");
  }
  return 1;
}

/* the claim is the reference times n, or divided by n */
static int scaled_fits(xiR_slip *x, long n, int *times) {
  xiO_view v = {0};
  v.n = x->c->nel;
  v.sh = (xi_shape){x->c->nel > 1, 1, x->c->nel};
  v.el = xiM_block(v.n, x->s->g.prec);
  if (!v.el)
    return 0;
  int fits = 0;
  for (int t = 1; t >= 0 && !fits; t--) {
    for (uint32_t e = 0; e < v.n; e++) {
      arf_get_mpfr(&v.el[e], arb_midref(&x->ref[e]), MPFR_RNDN);
      if (t)
        mpfr_mul_si(&v.el[e], &v.el[e], n, MPFR_RNDN);
      else
        mpfr_div_si(&v.el[e], &v.el[e], n, MPFR_RNDN);
    }
    v.sh = xiG_shape(&x->s->g.nodes[x->c->node]);
    if (xiR_claim_fits(x->c, &v))
      fits = 1, *times = t;
  }
  xiM_unblock(v.el);
  return fits;
}

static int t_batch(xiR_slip *x) {
  const xiG_graph *g = x->st->g;
  for (uint32_t j = 0; j <= x->w->root; j++) {
    const xiG_node *n = &g->nodes[j];
    long size = 0;
    if (!xiR_world_has(x->w, j))
      continue;
    if (n->op == XI_MEAN)
      size = (long)(xiG_count(&g->nodes[n->a]) / xiG_count(n));
    else if (n->op == XI_DIV && g->nodes[n->b].op == XI_CONST && mpfr_integer_p(g->nodes[n->b].v) &&
             mpfr_cmp_ui(g->nodes[n->b].v, 1) > 0 && mpfr_cmp_ui(g->nodes[n->b].v, 1000000) < 0)
      size = mpfr_get_si(g->nodes[n->b].v, MPFR_RNDN);
    int times;
    if (size < 2 || !scaled_fits(x, size, &times))
      continue;
    xiW_put(x->why, "the claim is the value %s %ld, the batch size: ", times ? "times" : "divided by",
            size);
    name(x, x->why, j);
    xiW_put(x->why, " = ");
    xiT_op(x->st, x->why, j);
    xiW_put(x->why, times ? " divides by %ld, and so does every derivative through it"
                          : " divides by %ld once, not twice", size);
    return 1;
  }
  return 0;
}

static int t_dropped(xiR_slip *x) {
  if (!x->c->adjoint)
    return 0;
  const xiG_graph *g = x->st->g;
  uint8_t *up = above(x, x->c->node);
  int tries = 0, found = 0;
  for (uint32_t j = x->c->node + 1; up && j <= x->w->root && tries < XI_SLIP_TRIES && !found; j++) {
    int op = g->nodes[j].op;
    if (!up[j] || (op != XI_SIGMOID && op != XI_TANH))
      continue;
    tries++;
    if ((found = variant_fits(x, (xiR_variant){XI_W_DROP, j, 0}))) {
      xiW_put(x->why, "the claim leaves out the derivative of ");
      name(x, x->why, j);
      xiW_put(x->why, " = ");
      xiT_op(x->st, x->why, j);
      xiW_put(x->why, ", %s", op == XI_SIGMOID ? "σ′ = o·(1 - o)" : "tanh′ = 1 - o²");
    }
  }
  free(up);
  return found;
}

static int t_transposed(xiR_slip *x) {
  const xiG_graph *g = x->st->g;
  xi_shape sh = xiG_shape(&g->nodes[x->c->node]);
  if (x->c->transposed) { /* written in the transpose's shape, its numbers read across */
    if (!all_kind(x, XI_J_RIGHT))
      return 0;
    xiW_put(x->why, "the numbers are right, written as the transpose: the value has the "
                    "shape (%u, %u)", sh.rows, sh.cols);
    return 1;
  }
  if (sh.rank == 2 && sh.rows == sh.cols && sh.rows > 1) { /* the right numbers, read across */
    xiR_graded across = *x->c;
    across.transposed = 1;
    xiO_view v = {0};
    v.n = x->c->nel, v.sh = sh;
    v.el = xiM_block(v.n, x->s->g.prec);
    int fits = 0;
    if (v.el) {
      for (uint32_t e = 0; e < v.n; e++)
        arf_get_mpfr(&v.el[e], arb_midref(&x->ref[e]), MPFR_RNDN);
      fits = xiR_claim_fits(&across, &v);
      xiM_unblock(v.el);
    }
    if (fits) {
      xiW_put(x->why, "the claim is the value's transpose");
      return 1;
    }
  }
  uint8_t *up = x->c->adjoint ? above(x, x->c->node) : NULL;
  int tries = 0, found = 0;
  for (uint32_t j = x->c->node + 1; up && j <= x->w->root && tries < XI_SLIP_TRIES && !found; j++) {
    if (!up[j] || g->nodes[j].op != XI_MATMUL)
      continue;
    for (uint32_t k = 0; k < 2 && !found; k++, tries++)
      if (up[xiG_arg(&g->nodes[j], k)] &&
          (found = variant_fits(x, (xiR_variant){XI_W_TRANSPOSE, j, k}))) {
        xiW_put(x->why, "the claim is what ");
        name(x, x->why, j);
        xiW_put(x->why, " = ");
        xiT_op(x->st, x->why, j);
        xiW_put(x->why, " gives back with ");
        name(x, x->why, xiG_arg(&g->nodes[j], 1 - k));
        xiW_put(x->why, " where ");
        name(x, x->why, xiG_arg(&g->nodes[j], 1 - k));
        xiW_put(x->why, "ᵀ belongs: for C = A @ B, ∂%s/∂A = ∂%s/∂C·Bᵀ and ∂%s/∂B = Aᵀ·∂%s/∂C",
                x->st->label, x->st->label, x->st->label, x->st->label);
      }
  }
  free(up);
  return found;
}

static int t_fanout(xiR_slip *x) {
  if (!x->c->adjoint)
    return 0;
  const xiG_graph *g = x->st->g;
  uint32_t root = x->w->root, *uses = calloc((size_t)root + 1, sizeof *uses);
  uint8_t *up = uses ? above(x, x->c->node) : NULL;
  int tries = 0, found = 0;
  for (uint32_t j = 0; up && j <= root; j++)
    for (uint32_t k = 0; xiR_world_has(x->w, j) && k < xiG_nargs(&g->nodes[j]); k++) {
      uint32_t o = xiG_arg(&g->nodes[j], k), again = 0; /* (h·h is one consumer) */
      for (uint32_t q = 0; q < k; q++)
        again |= xiG_arg(&g->nodes[j], q) == o;
      uses[o] += !again;
    }
  for (uint32_t c = x->c->node + 1; up && c <= root && tries < XI_SLIP_TRIES && !found; c++) {
    for (uint32_t k = 0; xiR_world_has(x->w, c) && k < xiG_nargs(&g->nodes[c]) && !found; k++) {
      uint32_t j = xiG_arg(&g->nodes[c], k);
      if (!up[j] || uses[j] < 2)
        continue;
      tries++;
      if ((found = variant_fits(x, (xiR_variant){XI_W_SKIP, c, k}))) {
        xiW_put(x->why, "the claim leaves out the path through ");
        name(x, x->why, c);
        xiW_put(x->why, " = ");
        xiT_op(x->st, x->why, c);
        xiW_put(x->why, ": ");
        name(x, x->why, j);
        xiW_put(x->why, " feeds %u steps, and ∂%s/∂", uses[j], x->st->label);
        name(x, x->why, j);
        xiW_put(x->why, " is the sum over all of them");
      }
    }
  }
  free(uses);
  free(up);
  return found;
}

/* ---- the table ---- */

const xiR_slip_row xiR_slips[] = {
    {"sign", t_sign, "off by a sign: the value negated (a minus of a derivative lost, or added)"},
    {"factor of 2", t_two, "off by a factor of 2"},
    {"batch size", t_batch,
     "a missing factor of the batch size: a mean's derivative divides by the number of "
     "terms it averages"},
    {"dropped σ′/tanh′", t_dropped,
     "a dropped σ′ or tanh′: the chain rule goes through the activation's derivative too"},
    {"transposed", t_transposed, "a transposed matrix"},
    {"fan-out", t_fanout,
     "an adjoint that misses a path: a value used in several places gets the sum of the "
     "adjoints from all of them"},
};
const int xiR_nslips = sizeof xiR_slips / sizeof *xiR_slips;

int xiR_name_slip(xiR_slip *x) {
  for (int r = 0; r < xiR_nslips; r++) {
    if (x->c->transposed && xiR_slips[r].test != t_transposed)
      continue; /* (written in the transpose's shape: that, or nothing) */
    size_t before = x->why->n;
    if (xiR_slips[r].test(x))
      return r;
    x->why->n = before; /* a test that did not fit says nothing */
    if (x->why->s)
      x->why->s[before] = '\0';
  }
  return -1;
}
