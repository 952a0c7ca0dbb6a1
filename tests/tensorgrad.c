/* tensorgrad.c: every tensor operation's derivatives against central
 * differences.  Each case is a scalar L built from leaves of several shapes
 * (broadcasting included).
 *
 * First derivatives: for every element of every leaf, the sweep's adjoint at
 * 192 bits must match (L(x+h) - L(x-h))/2h computed by forward evaluation
 * alone at 640 bits, h = 2^-160.
 *
 * Second derivatives, through every tensor row's graph-building rule: for each
 * pair of leaves X, Y of a case, grad(sum(grad(L, X) * P), Y) (a Hessian times
 * a fixed direction P) must match central differences of sum(∇X L · P), the
 * first derivative by the plain sweep, at 640 bits; and hessian(L, w) for
 * vectors w element by element.
 *
 * Then seed 002's training loop, written as the seed writes it (the forward
 * pass and the hand-derived gradients each step, in-place updates), 10 000
 * steps: the tape must stay small, and the last 1000 steps must do no more
 * work (nodes evaluated and swept) than the first 1000. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tests/cases.h"
#include "tape/names.h"

#define NEAR 192
#define FAR 640

/* the value of node root, element by element, into fresh numbers */
static mpfr_t *copy_out(xiG_graph *g, uint32_t node, uint32_t *count) {
  *count = xiG_count(&g->nodes[node]);
  mpfr_t *v = malloc(*count * sizeof *v);
  for (uint32_t k = 0; k < *count; k++) {
    mpfr_init2(v[k], g->prec);
    mpfr_set(v[k], xiG_el(&g->nodes[node], k), MPFR_RNDN);
  }
  return v;
}

static void free_out(mpfr_t *v, uint32_t count) {
  for (uint32_t k = 0; k < count; k++)
    mpfr_clear(v[k]);
  free(v);
}

static int check_case(xiR_session *s, const char *text, uint32_t *leaf, int *compared) {
  xiG_graph *g = &s->g;
  uint32_t mark = g->n, root = fd_build(s, text);
  xi_err err;
  if (root == XI_NONE)
    return 1;
  if (xiD_sweep_from(&s->sweep, g, &root, XID_LEAVES, NULL, 0, g->nodes[root].pos, &err)) {
    printf("FAIL %s: %s\n", text, err.msg);
    return 1;
  }
  /* the adjoints at NEAR bits, copied before the precision changes */
  mpfr_t *ad[NLEAVES];
  uint32_t count[NLEAVES];
  for (size_t l = 0; l < NLEAVES; l++) {
    xiO_view v;
    count[l] = xiG_count(&g->nodes[leaf[l]]);
    ad[l] = malloc(count[l] * sizeof(mpfr_t));
    int have = xiD_adj_view(&s->sweep, g, leaf[l], &v) == 0;
    for (uint32_t k = 0; k < count[l]; k++) {
      mpfr_init2(ad[l][k], NEAR);
      if (have)
        mpfr_set(ad[l][k], &v.el[k], MPFR_RNDN);
      else
        mpfr_set_zero(ad[l][k], 1);
    }
  }
  xiG_set_prec(g, FAR, &err);
  int bad = 0;
  mpfr_t fd;
  mpfr_init2(fd, FAR);
  for (size_t l = 0; l < NLEAVES; l++)
    for (uint32_t k = 0; k < count[l]; k++) {
      fd_central(g, leaf[l], k, root, 160, fd);
      (*compared)++;
      if (!fd_close(ad[l][k], fd, 150) && bad++ < 3)
        mpfr_printf("FAIL %s, d/d%s[%u]:\n  adjoint    %.30Rg\n  difference %.30Rg\n", text,
                    leaves[l], k, ad[l][k], fd);
    }
  for (size_t l = 0; l < NLEAVES; l++)
    free_out(ad[l], count[l]);
  mpfr_clear(fd);
  xiG_set_prec(g, NEAR, &err);
  xiG_truncate(g, mark);
  return bad;
}

/* sum(∇X L · P) by the plain sweep, at the graph's precision */
static void directional(xiR_session *s, uint32_t root, uint32_t x, uint32_t p, mpfr_ptr out) {
  xi_err err;
  uint32_t r = root, list[1] = {x};
  xiO_view v;
  mpfr_set_zero(out, 1);
  if (xiD_sweep_from(&s->sweep, &s->g, &r, XID_LIST, list, 1, s->g.nodes[r].pos, &err) ||
      xiD_adj_view(&s->sweep, &s->g, list[0], &v))
    return;
  for (uint32_t k = 0; k < v.n; k++)
    mpfr_fma(out, &v.el[k], xiG_el(&s->g.nodes[p], k), out, MPFR_RNDN);
}

/* grad(sum(grad(L, X) * P_X), Y) for the leaves X, Y of one case */
static int check_second(xiR_session *s, const char *text, uint32_t *leaf, int *compared) {
  xiG_graph *g = &s->g;
  uint32_t mark = g->n, root = fd_build(s, text);
  if (root == XI_NONE)
    return 1;
  int bad = 0;
  xi_err err;
  for (size_t x = 0; x < NLEAVES && !bad; x++)
    for (size_t y = 0; y < NLEAVES && !bad; y++) {
      if (!xiD_depends(g, root, leaf[x]) || !xiD_depends(g, root, leaf[y]))
        continue;
      char call[1024];
      snprintf(call, sizeof call, "grad(sum(grad(%s, %s) * P_%s), %s)", text, leaves[x],
               leaves[x], leaves[y]);
      uint32_t m2 = g->n, hv = fd_build(s, call), n;
      if (hv == XI_NONE)
        return 1;
      mpfr_t *want = copy_out(g, hv, &n);
      xiG_truncate(g, m2);
      uint32_t p = xiG_binding_of(g, xiS_intern(&g->sym, "P_A", 3))->node;
      char pn[8];
      snprintf(pn, sizeof pn, "P_%s", leaves[x]);
      p = xiG_binding_of(g, xiS_intern(&g->sym, pn, strlen(pn)))->node;
      xiG_set_prec(g, FAR, &err);
      mpfr_t fd, vx, plus, minus;
      mpfr_inits2(FAR, fd, vx, plus, minus, (mpfr_ptr)0);
      for (uint32_t k = 0; k < n && !bad; k++) {
        mpfr_ptr e = xiG_el(&g->nodes[leaf[y]], k);
        mpfr_set(vx, e, MPFR_RNDN);
        mpfr_add_d(e, vx, 0x1p-160, MPFR_RNDN);
        xiG_reeval(g, leaf[y] + 1, root);
        directional(s, root, leaf[x], p, plus);
        mpfr_sub_d(e, vx, 0x1p-160, MPFR_RNDN);
        xiG_reeval(g, leaf[y] + 1, root);
        directional(s, root, leaf[x], p, minus);
        mpfr_set(e, vx, MPFR_RNDN);
        xiG_reeval(g, leaf[y] + 1, root);
        mpfr_sub(fd, plus, minus, MPFR_RNDN);
        mpfr_mul_2ui(fd, fd, 159, MPFR_RNDN);
        (*compared)++;
        if (!fd_close(want[k], fd, 140)) {
          mpfr_printf("FAIL %s:\n  [%u] %.30Rg\n  difference %.30Rg\n", call, k, want[k], fd);
          bad = 1;
        }
      }
      mpfr_clears(fd, vx, plus, minus, (mpfr_ptr)0);
      xiG_set_prec(g, NEAR, &err);
      free_out(want, n);
    }
  xiG_truncate(g, mark);
  return bad;
}

/* hessian(L, w): element (i, j) against a central difference of ∂L/∂w_i by w_j */
static const char *hessians[][2] = {
    {"sum(softmax(w) * v)", "w"},          {"w @ w", "w"},
    {"u @ (A @ w)", "w"},                   {"sum(sigmoid(A @ w) * u) + sum(tanh(w)^3)", "w"},
    {"cross_entropy(outer(u, w), [0, 2])", "w"}, {"log_softmax(w)[1] * s^2", "s"},
    {"sum(exp(w * s)) + max(w * v)", "w"},   {"mean(A * B) * s^3", "s"},
    {"sum(max(outer(w, v), 1, 1)^2) + sum(mean(outer(w, w), 0, 1)^2)", "w"},
    {"sum(pw^3) + sum(gw^3)", "w"},          {"sum(sA^2) + sum(gA^3)", "z"},
};

static int check_hessian(xiR_session *s, const char *text, const char *wrt, int *compared) {
  xiG_graph *g = &s->g;
  char call[512];
  snprintf(call, sizeof call, "hessian(%s, %s)", text, wrt);
  uint32_t mark = g->n, h = fd_build(s, call), n, root = fd_build(s, text);
  if (h == XI_NONE || root == XI_NONE)
    return 1;
  uint32_t w = xiG_binding_of(g, xiS_intern(&g->sym, wrt, strlen(wrt)))->node;
  uint32_t m = xiG_count(&g->nodes[w]);
  mpfr_t *want = copy_out(g, h, &n);
  xi_err err;
  int bad = n != m * m;
  if (bad)
    printf("FAIL %s has %u elements, not %u\n", call, n, m * m);
  xiG_set_prec(g, FAR, &err);
  mpfr_t fd, vx, plus, minus;
  mpfr_inits2(FAR, fd, vx, plus, minus, (mpfr_ptr)0);
  for (uint32_t i = 0; i < m && !bad; i++)
    for (uint32_t j = 0; j < m && !bad; j++) {
      mpfr_ptr e = xiG_el(&g->nodes[w], j);
      mpfr_t *side[2] = {&plus, &minus};
      mpfr_set(vx, e, MPFR_RNDN);
      for (int sgn = 0; sgn < 2; sgn++) {
        uint32_t r = root, list[1] = {w};
        xiO_view d;
        (sgn ? mpfr_sub_d : mpfr_add_d)(e, vx, 0x1p-160, MPFR_RNDN);
        xiG_reeval(g, w + 1, root);
        xiD_sweep_from(&s->sweep, g, &r, XID_LIST, list, 1, g->nodes[r].pos, &err);
        if (xiD_adj_view(&s->sweep, g, list[0], &d))
          mpfr_set_zero(*side[sgn], 1);
        else
          mpfr_set(*side[sgn], &d.el[i], MPFR_RNDN);
      }
      mpfr_set(e, vx, MPFR_RNDN);
      xiG_reeval(g, w + 1, root);
      mpfr_sub(fd, plus, minus, MPFR_RNDN);
      mpfr_mul_2ui(fd, fd, 159, MPFR_RNDN);
      (*compared)++;
      if (!fd_close(want[i * m + j], fd, 140)) {
        mpfr_printf("FAIL %s[%u, %u]:\n  hessian    %.30Rg\n  difference %.30Rg\n", call, i, j,
                    want[i * m + j], fd);
        bad = 1;
      }
    }
  mpfr_clears(fd, vx, plus, minus, (mpfr_ptr)0);
  xiG_set_prec(g, NEAR, &err);
  free_out(want, n);
  xiG_truncate(g, mark);
  return bad;
}

/* seed 002's training loop, as the seed writes it */
static const char *steps =
    "repeat %d { z1 = X @ W1 + b1; a1 = sigmoid(z1); z2 = a1 @ W2 + b2; y_pred = sigmoid(z2);"
    "  loss = mean((y - y_pred)^2);"
    "  dL_dy_pred = 2*(y_pred - y)/m; dL_dz2 = dL_dy_pred * sigmoid(z2)*(1 - sigmoid(z2));"
    "  dL_dW2 = a1.T @ dL_dz2; dL_db2 = sum(dL_dz2, 0); dL_da1 = dL_dz2 @ W2.T;"
    "  dL_dz1 = dL_da1 * sigmoid(z1)*(1 - sigmoid(z1)); dL_dW1 = X.T @ dL_dz1;"
    "  dL_db1 = sum(dL_dz1, 0);"
    "  W1 -= lr*dL_dW1; b1 -= lr*dL_db1; W2 -= lr*dL_dW2; b2 -= lr*dL_db2; }";

static uint64_t run_steps(xiR_session *s, int n) {
  char text[1024];
  snprintf(text, sizeof text, steps, n);
  uint64_t before = s->g.visits;
  if (xiR_run(s, "loop", text, strlen(text), 1))
    return UINT64_MAX;
  return s->g.visits - before;
}

static int bounded(void) {
  const char *setup =
      "seed 42; W1 = randn(2, 2)*0.5; b1 = zeros(1, 2); W2 = randn(2, 1)*0.5; b2 = zeros(1, 1);"
      "X = [[0.5, 0.8], [0.2, 0.9], [0.8, 0.1], [0.1, 0.2]]; y = [[1], [1], [0], [0]];"
      "lr = 1.0; m = 4;";
  xiR_session s;
  xiR_init(&s, 64, 10);
  int rc = xiR_run(&s, "loop", setup, strlen(setup), 1);
  uint64_t first = run_steps(&s, 1000), middle = run_steps(&s, 8000), last = run_steps(&s, 1000);
  uint32_t nodes = s.g.n;
  xiR_free(&s);
  if (rc || middle == UINT64_MAX || nodes > 5000 || last > first) {
    printf("FAIL 10000 training steps: %u nodes left on the tape (errors: %d); work in "
           "the first 1000 steps %llu, in the last %llu\n",
           nodes, rc, (unsigned long long)first, (unsigned long long)last);
    return 1;
  }
  return 0;
}

int main(void) {
  xiR_session s;
  xiR_init(&s, NEAR, 30);
  if (xiR_run(&s, "setup", tensor_setup, strlen(tensor_setup), 1) ||
      xiR_run(&s, "setup", directions, strlen(directions), 1) || build_indexed(&s))
    return 1;
  uint32_t leaf[NLEAVES];
  for (size_t l = 0; l < NLEAVES; l++)
    leaf[l] = xiG_binding_of(&s.g, xiS_intern(&s.g.sym, leaves[l], strlen(leaves[l])))->node;
  int bad = 0, compared = 0, compared2 = 0, compared3 = 0;
  size_t ncases = sizeof cases / sizeof *cases, nh = sizeof hessians / sizeof *hessians;
  for (size_t c = 0; c < ncases; c++)
    bad += check_case(&s, cases[c], leaf, &compared);
  for (size_t c = 0; c < ncases && bad < 3; c++)
    bad += check_second(&s, cases[c], leaf, &compared2);
  for (size_t c = 0; c < nh && bad < 3; c++)
    bad += check_hessian(&s, hessians[c][0], hessians[c][1], &compared3);
  xiR_free(&s);
  bad += bounded();
  printf("%s: %d adjoint elements of %zu tensor expressions, %d second derivatives through "
         "them and %d hessian elements of %zu more agree with central differences; 10000 "
         "training steps in bounded memory and work\n",
         bad ? "FAIL" : "ok", compared, ncases, compared2, compared3, nh);
  return bad ? 1 : 0;
}
