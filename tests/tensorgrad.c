/* tensorgrad.c: every tensor operation's adjoint against central differences.
 * Each case is a scalar L built from leaves of several shapes (broadcasting
 * included); for every element of every leaf, the sweep's adjoint at 192 bits
 * must match (L(x+h) - L(x-h))/2h computed by forward evaluation alone at 640
 * bits, h = 2^-160.  Then a training loop of 10 000 steps must run in bounded
 * memory: the tape may not grow with the steps. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "repl/session.h"

#define NEAR 192
#define FAR 640

static const char *setup =
    "A = [[0.3, -1.2, 0.7], [1.1, 0.4, -0.6]]; B = [[0.2, 0.5, -0.3], [0.9, -0.8, 0.1]];"
    "C = [[1.5, -0.5, 0.25], [-1, 2, 0.75]]; v = [0.6, -0.2, 1.3]; s = 0.7;"
    "D = [[0.5, -1], [0.25, 0.75], [-0.5, 1.25]]; E = [[1, -2], [0.5, 3]];"
    "w = [0.4, -0.9, 1.7]; u = [1.2, -0.7]; F = [[0.3, 1], [-1.1, 0.2], [0.6, -0.4]];"
    "col = [[0.8], [-1.3]];";

static const char *cases[] = {
    "sum((A + B) * C)",          "sum((A - v) * C)",        "sum(A * s * C)",
    "sum(col * A * C)",          "sum(A / (2 + B^2) * C)",  "sum(exp(tanh(A)) * C)",
    "sum(sigmoid(A - v) * C)",   "sum(relu(A) * C)",        "sum(abs(A) * B)",
    "sum(log(2 + tanh(A)) * C)", "sum(pow(1.5 + cos(A), B) * C)",
    "sum((A @ D) * E)",          "sum((A @ w) * u)",        "sum((w @ D) * u)",
    "w @ w",                     "u @ (A @ w)",             "sum(A.T * F)",
    "sum(T(A) * F)",             "sum(sum(A, 0) * w)",      "sum(sum(A, 1) * u)",
    "sum(mean(A, 0) * w)",       "mean(A * B)",             "max(A * C)",
    "sum(outer(u, w) * A)",      "sum(softmax(A) * C)",     "sum(log_softmax(A) * C)",
    "sum(softmax(w) * v)",       "cross_entropy(A, [0, 2])", "cross_entropy(A @ D, [1, 0])",
    "A[1, 2] * s",               "sum(A[1] * w)",           "sum(A[:, 1] * u)",
    "A[-1, -1] + v[0]",          "sum(sigmoid(A @ D + u) * E) + sum(relu(w - 0.5) * v)",
};

static const char *leaves[] = {"A", "B", "C", "v", "s", "D", "E", "w", "u", "F", "col"};
#define NLEAVES (sizeof leaves / sizeof *leaves)

static int check_case(xiR_session *s, const char *text, uint32_t *leaf, int *compared) {
  xiP_parser p;
  xiP_stmt st = {0};
  xi_err err;
  xiP_init(&p, &s->g.sym, text, strlen(text), 1);
  if (xiP_next(&p, &st, &err) != 1) {
    printf("does not parse: %s: %s\n", text, err.msg);
    return 1;
  }
  uint32_t mark = s->g.n, root;
  if (xiG_exec(&s->g, &st.code, NULL, NULL, 0, &root, &err) ||
      xiD_run(&s->sweep, &s->g, root, XID_LEAVES, NULL, 0, st.pos, &err)) {
    printf("fails: %s: %s\n", text, err.msg);
    return 1;
  }
  /* the adjoints at NEAR bits, copied before the precision changes */
  mpfr_t *ad[NLEAVES];
  uint32_t count[NLEAVES];
  for (size_t l = 0; l < NLEAVES; l++) {
    xiO_view v;
    count[l] = xiG_count(&s->g.nodes[leaf[l]]);
    ad[l] = malloc(count[l] * sizeof(mpfr_t));
    int have = xiD_adj_view(&s->sweep, &s->g, leaf[l], &v) == 0;
    for (uint32_t k = 0; k < count[l]; k++) {
      mpfr_init2(ad[l][k], NEAR);
      if (have)
        mpfr_set(ad[l][k], &v.el[k], MPFR_RNDN);
      else
        mpfr_set_zero(ad[l][k], 1);
    }
  }
  xiG_set_prec(&s->g, FAR, &err);
  int bad = 0;
  mpfr_t v0, plus, fd, diff, tol;
  mpfr_inits2(FAR, v0, plus, fd, diff, tol, (mpfr_ptr)0);
  for (size_t l = 0; l < NLEAVES; l++)
    for (uint32_t k = 0; k < count[l]; k++) {
      mpfr_ptr x = xiG_el(&s->g.nodes[leaf[l]], k);
      mpfr_set(v0, x, MPFR_RNDN);
      mpfr_add_d(x, v0, 0x1p-160, MPFR_RNDN);
      s->g.fresh = leaf[l] + 1;
      xiG_eval(&s->g, root, &err);
      mpfr_set(plus, s->g.nodes[root].v, MPFR_RNDN);
      mpfr_sub_d(x, v0, 0x1p-160, MPFR_RNDN);
      s->g.fresh = leaf[l] + 1;
      xiG_eval(&s->g, root, &err);
      mpfr_sub(fd, plus, s->g.nodes[root].v, MPFR_RNDN);
      mpfr_mul_2ui(fd, fd, 159, MPFR_RNDN);
      mpfr_set(x, v0, MPFR_RNDN);
      s->g.fresh = leaf[l] + 1;
      mpfr_sub(diff, ad[l][k], fd, MPFR_RNDN);
      mpfr_abs(diff, diff, MPFR_RNDN);
      mpfr_abs(tol, fd, MPFR_RNDN);
      if (mpfr_cmp_ui(tol, 1) < 0)
        mpfr_set_ui(tol, 1, MPFR_RNDN);
      mpfr_div_2ui(tol, tol, 150, MPFR_RNDN);
      (*compared)++;
      if (mpfr_cmp(diff, tol) > 0 && bad++ < 3)
        mpfr_printf("MISMATCH %s, d/d%s[%u]:\n  adjoint    %.30Rg\n  difference %.30Rg\n", text,
                    leaves[l], k, ad[l][k], fd);
      mpfr_clear(ad[l][k]);
    }
  for (size_t l = 0; l < NLEAVES; l++)
    free(ad[l]);
  mpfr_clears(v0, plus, fd, diff, tol, (mpfr_ptr)0);
  xiG_set_prec(&s->g, NEAR, &err);
  xiG_truncate(&s->g, mark);
  xiP_stmt_done(&st);
  return bad;
}

/* seed 002's training loop, 10 000 steps: the tape must stay small */
static int bounded(void) {
  const char *loop =
      "seed 42; W1 = randn(2, 2)*0.5; b1 = zeros(1, 2); W2 = randn(2, 1)*0.5; b2 = zeros(1, 1);"
      "X = [[0.5, 0.8], [0.2, 0.9], [0.8, 0.1], [0.1, 0.2]]; y = [[1], [1], [0], [0]];"
      "a1 = sigmoid(X @ W1 + b1); y_pred = sigmoid(a1 @ W2 + b2); loss = mean((y - y_pred)^2);"
      "repeat 10000 { gW1 = grad(loss, W1); gb1 = grad(loss, b1); gW2 = grad(loss, W2);"
      "gb2 = grad(loss, b2); W1 -= gW1; b1 -= gb1; W2 -= gW2; b2 -= gb2; }";
  xiR_session s;
  xiR_init(&s, 64, 10);
  int rc = xiR_run(&s, "loop", loop, strlen(loop), 1);
  uint32_t nodes = s.g.n;
  xiR_free(&s);
  if (rc || nodes > 5000) {
    printf("10000 training steps left %u nodes on the tape (errors: %d)\n", nodes, rc);
    return 1;
  }
  return 0;
}

int main(void) {
  xiR_session s;
  xiR_init(&s, NEAR, 30);
  if (xiR_run(&s, "setup", setup, strlen(setup), 1))
    return 1;
  uint32_t leaf[NLEAVES];
  for (size_t l = 0; l < NLEAVES; l++)
    leaf[l] = xiG_binding_of(&s.g, xiS_intern(&s.g.sym, leaves[l], strlen(leaves[l])))->node;
  int bad = 0, compared = 0;
  for (size_t c = 0; c < sizeof cases / sizeof *cases; c++)
    bad += check_case(&s, cases[c], leaf, &compared);
  xiR_free(&s);
  bad += bounded();
  printf("%d adjoint elements of %zu tensor expressions agree with central differences; "
         "10000 training steps in bounded memory\n",
         compared, sizeof cases / sizeof *cases);
  return bad ? 1 : 0;
}
