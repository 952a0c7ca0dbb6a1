/* twolayer.c: seed 001's TwoLayerNet(784, 256, 10) on a batch of 32, forward
 * and backward, in xi against hand-written loops over flat MPFR arrays, with
 * none of xi around them and the same log-sum-exp: "the limit", which makes
 * xi's calls (each product element's exact products into a scratch area, one
 * mpfr_sum), and "the mpfr_dot loop" (one mpfr_dot each, as xi did before).
 * All three must agree bit for bit.  PyTorch's float64 figures, for context,
 * come from bench/twolayer.py.
 *
 * usage: twolayer.bin [BITS]   (default 128) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cmd/session.h"
#include "common.h"
#include "tape/names.h"

static mpfr_prec_t PREC = 128;
static int by_sum; /* the limit (1) or the mpfr_dot loop (0) */
enum { B = 32, I = 784, H = 256, O = 10, REPS = 5 };
static mpfr_t scratch[I]; /* exact products, at 2·PREC bits */

/* ---- the limit ---- */
typedef struct {
  mpfr_t *X, *W1, *b1, *W2, *b2, *z1, *a1, *z2, *ls; /* ls: log-softmax of z2 */
  mpfr_t *dz2, *dW2, *db2, *da1, *dz1, *dW1, *db1;
  mpfr_t loss, t, s;
  int y[B];
} flat;

static mpfr_t *arr(size_t n) {
  mpfr_t *a = malloc(n * sizeof *a);
  for (size_t k = 0; k < n; k++)
    mpfr_init2(a[k], PREC);
  return a;
}

/* r = Σ_k a[k·as]·b[k·bs], correctly rounded, as xi's matmul does */
static void dot(mpfr_ptr r, mpfr_t *a, size_t as, mpfr_t *b, size_t bs, size_t n, mpfr_ptr *pa,
                mpfr_ptr *pb) {
  if (by_sum) {
    for (size_t k = 0; k < n; k++) {
      mpfr_mul(scratch[k], a[k * as], b[k * bs], MPFR_RNDN); /* exact in 2·PREC bits */
      pa[k] = scratch[k];
    }
    mpfr_sum(r, pa, n, MPFR_RNDN);
    return;
  }
  for (size_t k = 0; k < n; k++)
    pa[k] = a[k * as], pb[k] = b[k * bs];
  mpfr_dot(r, pa, pb, n, MPFR_RNDN);
}

static void limit_forward(flat *f, mpfr_ptr *pa, mpfr_ptr *pb) {
  for (int i = 0; i < B; i++)
    for (int j = 0; j < H; j++) {
      dot(f->z1[i * H + j], &f->X[i * I], 1, &f->W1[j], H, I, pa, pb);
      mpfr_add(f->z1[i * H + j], f->z1[i * H + j], f->b1[j], MPFR_RNDN);
      if (mpfr_sgn(f->z1[i * H + j]) > 0)
        mpfr_set(f->a1[i * H + j], f->z1[i * H + j], MPFR_RNDN);
      else
        mpfr_set_zero(f->a1[i * H + j], 1);
    }
  for (int i = 0; i < B; i++)
    for (int j = 0; j < O; j++) {
      dot(f->z2[i * O + j], &f->a1[i * H], 1, &f->W2[j], O, H, pa, pb);
      mpfr_add(f->z2[i * O + j], f->z2[i * O + j], f->b2[j], MPFR_RNDN);
    }
  mpfr_set_zero(f->loss, 1);
  for (int i = 0; i < B; i++) { /* log-sum-exp, as xi's log_softmax */
    mpfr_t *z = &f->z2[i * O];
    int m = 0;
    for (int j = 1; j < O; j++)
      if (mpfr_greater_p(z[j], z[m]))
        m = j;
    mpfr_set_zero(f->s, 1);
    for (int j = 0; j < O; j++) {
      mpfr_sub(f->t, z[j], z[m], MPFR_RNDN);
      mpfr_exp(f->t, f->t, MPFR_RNDN);
      mpfr_add(f->s, f->s, f->t, MPFR_RNDN);
    }
    mpfr_log(f->s, f->s, MPFR_RNDN);
    mpfr_add(f->s, f->s, z[m], MPFR_RNDN);
    for (int j = 0; j < O; j++)
      mpfr_sub(f->ls[i * O + j], z[j], f->s, MPFR_RNDN);
    mpfr_sub(f->loss, f->loss, f->ls[i * O + f->y[i]], MPFR_RNDN);
  }
  mpfr_div_ui(f->loss, f->loss, B, MPFR_RNDN);
}

static void limit_backward(flat *f, mpfr_ptr *pa, mpfr_ptr *pb) {
  for (int i = 0; i < B; i++) /* δ = (p - onehot)/B */
    for (int j = 0; j < O; j++) {
      mpfr_exp(f->dz2[i * O + j], f->ls[i * O + j], MPFR_RNDN);
      if (j == f->y[i])
        mpfr_sub_ui(f->dz2[i * O + j], f->dz2[i * O + j], 1, MPFR_RNDN);
      mpfr_div_ui(f->dz2[i * O + j], f->dz2[i * O + j], B, MPFR_RNDN);
    }
  for (int m = 0; m < H; m++) /* dW2 = a1ᵀ dz2 */
    for (int j = 0; j < O; j++)
      dot(f->dW2[m * O + j], &f->a1[m], H, &f->dz2[j], O, B, pa, pb);
  for (int j = 0; j < O; j++) { /* db2 = Σ_i dz2 */
    for (int i = 0; i < B; i++)
      pa[i] = f->dz2[i * O + j];
    mpfr_sum(f->db2[j], pa, B, MPFR_RNDN);
  }
  for (int i = 0; i < B; i++) /* da1 = dz2 W2ᵀ, dz1 = da1 ⊙ [z1 > 0] */
    for (int m = 0; m < H; m++) {
      dot(f->da1[i * H + m], &f->dz2[i * O], 1, &f->W2[m * O], 1, O, pa, pb);
      if (mpfr_sgn(f->z1[i * H + m]) > 0)
        mpfr_set(f->dz1[i * H + m], f->da1[i * H + m], MPFR_RNDN);
      else
        mpfr_set_zero(f->dz1[i * H + m], 1);
    }
  for (int m = 0; m < I; m++) /* dW1 = Xᵀ dz1 */
    for (int j = 0; j < H; j++)
      dot(f->dW1[m * H + j], &f->X[m], I, &f->dz1[j], H, B, pa, pb);
  for (int j = 0; j < H; j++) {
    for (int i = 0; i < B; i++)
      pa[i] = f->dz1[i * H + j];
    mpfr_sum(f->db1[j], pa, B, MPFR_RNDN);
  }
}

static void copy_in(mpfr_t *dst, xiG_graph *g, const char *name) {
  uint32_t node = xiG_binding_of(g, xiS_intern(&g->sym, name, strlen(name)))->node;
  for (uint32_t k = 0; k < xiG_count(&g->nodes[node]); k++)
    mpfr_set(dst[k], xiG_el(&g->nodes[node], k), MPFR_RNDN);
}

int main(int argc, char **argv) {
  if (argc > 1)
    PREC = atol(argv[1]);
  for (int k = 0; k < I; k++)
    mpfr_init2(scratch[k], 2 * PREC);
  char labels[256] = "";
  for (int i = 0; i < B; i++)
    sprintf(labels + strlen(labels), "%s%d", i ? ", " : "", (i * 7) % O);
  char script[1024];
  snprintf(script, sizeof script,
           "seed 0; W1 = randn(%d, %d)*sqrt(2/%d); b1 = zeros(%d); W2 = randn(%d, %d)*sqrt(2/%d);"
           "b2 = zeros(%d); X = randn(%d, %d); y = [%s];"
           "z1 = X @ W1 + b1; a1 = relu(z1); z2 = a1 @ W2 + b2; L = cross_entropy(z2, y);",
           I, H, I, H, H, O, H, O, B, I, labels);
  size_t mem0 = resident();
  xiR_session s;
  xiR_init(&s, PREC, 10);
  double t0 = now();
  if (xiR_run(&s, "bench", script, strlen(script), 1))
    return 1;
  double t_script = now() - t0;
  xiG_graph *g = &s.g;
  uint32_t root = g->n - 1, params[4];
  const char *pn[4] = {"W1", "b1", "W2", "b2"};
  for (int k = 0; k < 4; k++)
    params[k] = xiG_binding_of(g, xiS_intern(&g->sym, pn[k], strlen(pn[k])))->node;
  xi_err err;
  if (xiD_sweep_from(&s.sweep, g, &root, XID_LIST, params, 4, g->nodes[root].pos, &err))
    return 1;
  size_t mem1 = resident();

  flat f;
  f.X = arr(B * I), f.W1 = arr(I * H), f.b1 = arr(H), f.W2 = arr(H * O), f.b2 = arr(O);
  f.z1 = arr(B * H), f.a1 = arr(B * H), f.z2 = arr(B * O), f.ls = arr(B * O);
  f.dz2 = arr(B * O), f.dW2 = arr(H * O), f.db2 = arr(O), f.da1 = arr(B * H);
  f.dz1 = arr(B * H), f.dW1 = arr(I * H), f.db1 = arr(H);
  mpfr_init2(f.loss, PREC);
  mpfr_inits2(PREC + 32, f.t, f.s, (mpfr_ptr)0); /* the guard bits xi's log-sum-exp keeps */
  for (int i = 0; i < B; i++)
    f.y[i] = (i * 7) % O;
  copy_in(f.X, g, "X"), copy_in(f.W1, g, "W1"), copy_in(f.b1, g, "b1");
  copy_in(f.W2, g, "W2"), copy_in(f.b2, g, "b2");
  mpfr_ptr *pa = malloc(I * sizeof *pa), *pb = malloc(I * sizeof *pb);

  double xf[REPS], xb[REPS], lf[REPS], lb[REPS], df[REPS], db[REPS];
  int same = 1;
  xiO_view dw1;
  for (int r = 0; r < REPS; r++) { /* interleaved, so that all see the same machine */
    t0 = now();
    xiG_reeval(g, 0, root);
    xf[r] = now() - t0;
    t0 = now();
    xiD_sweep_from(&s.sweep, g, &root, XID_LIST, params, 4, g->nodes[root].pos, &err);
    xb[r] = now() - t0;
    for (by_sum = 1; by_sum >= 0; by_sum--) {
      t0 = now();
      limit_forward(&f, pa, pb);
      (by_sum ? lf : df)[r] = now() - t0;
      t0 = now();
      limit_backward(&f, pa, pb);
      (by_sum ? lb : db)[r] = now() - t0;
      /* the same numbers: loss and a gradient element, exactly */
      xiD_adj_view(&s.sweep, g, params[0], &dw1);
      same &= mpfr_equal_p(g->nodes[root].v, f.loss) && mpfr_equal_p(&dw1.el[1000], f.dW1[1000]);
    }
  }
  double x_fw = median(xf, REPS), x_bw = median(xb, REPS), l_fw = median(lf, REPS), l_bw = median(lb, REPS);
  double d_fw = median(df, REPS), d_bw = median(db, REPS);
  double elems = (double)(B * I + I * H + H + H * O + O + 2 * B * H + B * O);
  double grads = (double)(I * H + H + H * O + O + 2 * B * H + B * O);
  double need = (elems + grads) * (sizeof(__mpfr_struct) + mpfr_custom_get_size(PREC));
  printf("TwoLayerNet(%d, %d, %d), batch %d, %ld bits; medians of %d runs\n", I, H, O, B,
         (long)PREC, REPS);
  printf("xi     forward %.3f s   backward %.3f s   total %.3f s\n", x_fw, x_bw, x_fw + x_bw);
  printf("limit  forward %.3f s   backward %.3f s   total %.3f s\n", l_fw, l_bw, l_fw + l_bw);
  printf("dot    forward %.3f s   backward %.3f s   total %.3f s   (the mpfr_dot loop)\n", d_fw,
         d_bw, d_fw + d_bw);
  printf("ratio  %.2fx the limit, %.2fx the mpfr_dot loop (target 1.0x)\n",
         (x_fw + x_bw) / (l_fw + l_bw), (x_fw + x_bw) / (d_fw + d_bw));
  printf("script (parse, build, randn, first forward) %.3f s\n", t_script);
  printf("memory %.1f MB resident for values and adjoints that need %.1f MB: %.2fx (target 2x)\n",
         (double)(mem1 - mem0) / 1e6, need / 1e6, (double)(mem1 - mem0) / need);
  printf("loss and gradients identical to the limit's: %s\n", same ? "yes" : "NO");
  return same ? 0 : 1;
}
