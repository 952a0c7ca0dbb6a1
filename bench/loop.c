/* loop.c: seed 002's training loop as the seed writes it (each step: the
 * forward pass, the hand-derived backward pass, four in-place -= updates),
 * STEPS steps at 128 bits, run by xi from its text, against "the limit": a
 * hand-written loop over flat arrays making the same MPFR calls in the same
 * order (so the loss after the last step must be bit for bit the same).
 *
 * usage: loop.bin [STEPS]   (default 10000) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench/common.h"
#include "cmd/session.h"
#include "tape/names.h"

#define PREC 128

static const char *setup =
    "seed 42; W1 = randn(2, 2)*0.5; b1 = zeros(1, 2); W2 = randn(2, 1)*0.5; b2 = zeros(1, 1);"
    "X = [[0.5, 0.8], [0.2, 0.9], [0.8, 0.1], [0.1, 0.2]]; y = [[1], [1], [0], [0]];"
    "lr = 1.0; m = 4;";
static const char *steps =
    "repeat %ld {\n"
    "  z1 = X @ W1 + b1; a1 = sigmoid(z1); z2 = a1 @ W2 + b2; y_pred = sigmoid(z2);\n"
    "  loss = mean((y - y_pred)^2);\n"
    "  dL_dy_pred = 2*(y_pred - y)/m;\n"
    "  dL_dz2 = dL_dy_pred * sigmoid(z2)*(1 - sigmoid(z2));\n"
    "  dL_dW2 = a1.T @ dL_dz2; dL_db2 = sum(dL_dz2, 0);\n"
    "  dL_da1 = dL_dz2 @ W2.T;\n"
    "  dL_dz1 = dL_da1 * sigmoid(z1)*(1 - sigmoid(z1));\n"
    "  dL_dW1 = X.T @ dL_dz1; dL_db1 = sum(dL_dz1, 0);\n"
    "  W1 -= lr*dL_dW1; b1 -= lr*dL_db1; W2 -= lr*dL_dW2; b2 -= lr*dL_db2;\n"
    "}\n";

/* ---- the limit ---- */

typedef struct {
  mpfr_t X[8], y[4], W1[4], b1[2], W2[2], b2, lr, m, two, one;
  mpfr_t z1[8], a1[8], z2[4], yp[4], d[4], sq[4], loss;
  mpfr_t dyp[4], dz2[4], s[8], t[8], a1T[8], dW2[2], db2, W2T[2], da1[8], dz1[8], XT[8];
  mpfr_t dW1[4], db1[2], u[8], g;
} net;

#define ALL(f)                                                                              \
  f(X, 8) f(y, 4) f(W1, 4) f(b1, 2) f(W2, 2) f(z1, 8) f(a1, 8) f(z2, 4) f(yp, 4) f(d, 4)   \
      f(sq, 4) f(dyp, 4) f(dz2, 4) f(s, 8) f(t, 8) f(a1T, 8) f(dW2, 2) f(W2T, 2) f(da1, 8) \
          f(dz1, 8) f(XT, 8) f(dW1, 4) f(db1, 2) f(u, 8)
#define INIT(a, n)                                                                          \
  for (int k = 0; k < n; k++)                                                               \
    mpfr_init2(N->a[k], PREC);
#define CLEAR(a, n)                                                                         \
  for (int k = 0; k < n; k++)                                                               \
    mpfr_clear(N->a[k]);

/* xi's sigmoid, with its guard bits */
static void sigmoid(mpfr_ptr r, mpfr_srcptr a, mpfr_ptr t) {
  mpfr_neg(t, a, MPFR_RNDN);
  mpfr_exp(t, t, MPFR_RNDN);
  mpfr_add_ui(t, t, 1, MPFR_RNDN);
  mpfr_ui_div(r, 1, t, MPFR_RNDN);
}

/* C (r×c) = A (r×k) @ B (k×c), one correctly rounded dot per element */
static void matmul(mpfr_t *C, mpfr_t *A, mpfr_t *B, int r, int k, int c) {
  mpfr_ptr pa[8], pb[8];
  for (int i = 0; i < r; i++)
    for (int j = 0; j < c; j++) {
      for (int q = 0; q < k; q++)
        pa[q] = A[i * k + q], pb[q] = B[q * c + j];
      mpfr_dot(C[i * c + j], pa, pb, (unsigned long)k, MPFR_RNDN);
    }
}

static void transpose(mpfr_t *T, mpfr_t *A, int r, int c) {
  for (int i = 0; i < r; i++)
    for (int j = 0; j < c; j++)
      mpfr_set(T[j * r + i], A[i * c + j], MPFR_RNDN);
}

/* dz = (g ⊙ σ(z)) ⊙ (1 - σ(z)), σ computed twice, as the script writes it */
static void through_sigmoid(mpfr_t *dz, mpfr_t *g, mpfr_t *z, int n, net *N) {
  for (int k = 0; k < n; k++) {
    sigmoid(N->s[k], z[k], N->g);
    mpfr_mul(N->t[k], g[k], N->s[k], MPFR_RNDN);
    sigmoid(N->s[k], z[k], N->g);
    mpfr_ui_sub(N->s[k], 1, N->s[k], MPFR_RNDN);
    mpfr_mul(dz[k], N->t[k], N->s[k], MPFR_RNDN);
  }
}

/* the column sums of a (r×c), each one correctly rounded sum */
static void colsum(mpfr_t *out, mpfr_t *a, int r, int c) {
  mpfr_ptr p[8];
  for (int j = 0; j < c; j++) {
    for (int i = 0; i < r; i++)
      p[i] = a[i * c + j];
    mpfr_sum(out[j], p, (unsigned long)r, MPFR_RNDN);
  }
}

static void update(mpfr_t *w, mpfr_t *dw, int n, net *N) {
  for (int k = 0; k < n; k++) {
    mpfr_mul(N->u[k], N->lr, dw[k], MPFR_RNDN);
    mpfr_sub(w[k], w[k], N->u[k], MPFR_RNDN);
  }
}

static void step(net *N) {
  matmul(N->z1, N->X, N->W1, 4, 2, 2);
  for (int k = 0; k < 8; k++)
    mpfr_add(N->z1[k], N->z1[k], N->b1[k % 2], MPFR_RNDN);
  for (int k = 0; k < 8; k++)
    sigmoid(N->a1[k], N->z1[k], N->g);
  matmul(N->z2, N->a1, N->W2, 4, 2, 1);
  for (int k = 0; k < 4; k++) {
    mpfr_add(N->z2[k], N->z2[k], N->b2, MPFR_RNDN);
    sigmoid(N->yp[k], N->z2[k], N->g);
  }
  mpfr_ptr p[4];
  for (int k = 0; k < 4; k++) {
    mpfr_sub(N->d[k], N->y[k], N->yp[k], MPFR_RNDN);
    mpfr_pow(N->sq[k], N->d[k], N->two, MPFR_RNDN);
    p[k] = N->sq[k];
  }
  mpfr_sum(N->loss, p, 4, MPFR_RNDN);
  mpfr_div_ui(N->loss, N->loss, 4, MPFR_RNDN);
  for (int k = 0; k < 4; k++) { /* 2*(y_pred - y)/m */
    mpfr_sub(N->dyp[k], N->yp[k], N->y[k], MPFR_RNDN);
    mpfr_mul(N->dyp[k], N->two, N->dyp[k], MPFR_RNDN);
    mpfr_div(N->dyp[k], N->dyp[k], N->m, MPFR_RNDN);
  }
  through_sigmoid(N->dz2, N->dyp, N->z2, 4, N);
  transpose(N->a1T, N->a1, 4, 2);
  matmul(N->dW2, N->a1T, N->dz2, 2, 4, 1);
  colsum(&N->db2, N->dz2, 4, 1);
  transpose(N->W2T, N->W2, 2, 1);
  matmul(N->da1, N->dz2, N->W2T, 4, 1, 2);
  through_sigmoid(N->dz1, N->da1, N->z1, 8, N);
  transpose(N->XT, N->X, 4, 2);
  matmul(N->dW1, N->XT, N->dz1, 2, 4, 2);
  colsum(N->db1, N->dz1, 4, 2);
  update(N->W1, N->dW1, 4, N);
  update(N->b1, N->db1, 2, N);
  update(N->W2, N->dW2, 2, N);
  update(&N->b2, &N->db2, 1, N);
}

static void load(mpfr_t *dst, xiG_graph *g, const char *name) {
  uint32_t node = xiG_binding_of(g, xiS_intern(&g->sym, name, strlen(name)))->node;
  for (uint32_t k = 0; k < xiG_count(&g->nodes[node]); k++)
    mpfr_set(dst[k], xiG_el(&g->nodes[node], k), MPFR_RNDN);
}

int main(int argc, char **argv) {
  long n = argc > 1 ? atol(argv[1]) : 10000;
  char text[1024];
  snprintf(text, sizeof text, steps, n);
  net *N = calloc(1, sizeof *N);
  ALL(INIT)
  mpfr_inits2(PREC, N->b2, N->lr, N->m, N->two, N->one, N->loss, N->db2, N->g, (mpfr_ptr)0);
  mpfr_set_prec(N->g, PREC + 32); /* sigmoid's guard bits */
  xiR_session s;
  double xi_t[3], lim_t[3];
  int same = 1;
  for (int rep = 0; rep < 3; rep++) {
    xiR_init(&s, PREC, 10);
    if (xiR_run(&s, "setup", setup, strlen(setup), 1))
      return 1;
    /* the limit starts from xi's leaves */
    load(N->X, &s.g, "X"), load(N->y, &s.g, "y"), load(N->W1, &s.g, "W1");
    load(N->b1, &s.g, "b1"), load(N->W2, &s.g, "W2"), load(&N->b2, &s.g, "b2");
    mpfr_set_ui(N->lr, 1, MPFR_RNDN), mpfr_set_ui(N->m, 4, MPFR_RNDN);
    mpfr_set_ui(N->two, 2, MPFR_RNDN), mpfr_set_ui(N->one, 1, MPFR_RNDN);
    double t0 = now();
    if (xiR_run(&s, "loop", text, strlen(text), 1))
      return 1;
    xi_t[rep] = now() - t0;
    t0 = now();
    for (long k = 0; k < n; k++)
      step(N);
    lim_t[rep] = now() - t0;
    uint32_t loss = xiG_binding_of(&s.g, xiS_intern(&s.g.sym, "loss", 4))->node;
    same &= mpfr_equal_p(s.g.nodes[loss].v, N->loss);
    if (rep == 2)
      printf("%ld steps of seed 002's loop at %d bits: %u nodes left on the tape\n", n, PREC,
             s.g.n);
    xiR_free(&s);
  }
  double x = median(xi_t, 3), l = median(lim_t, 3);
  printf("xi     %.1f us/step\nlimit  %.1f us/step\nratio  %.1fx the limit (target 10x)\n",
         1e6 * x / n, 1e6 * l / n, x / l);
  printf("loss after the last step identical to the limit's: %s\n", same ? "yes" : "NO");
  ALL(CLEAR)
  mpfr_clears(N->b2, N->lr, N->m, N->two, N->one, N->loss, N->db2, N->g, (mpfr_ptr)0);
  free(N);
  return same ? 0 : 1;
}
