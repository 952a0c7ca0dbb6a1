/* bench.c: a scalar graph of a million nodes (+ - × ÷ exp log tanh), built
 * from a script by xi and evaluated forward and swept backward at 128 bits,
 * against "the limit": a hand-written loop over flat arrays that makes the
 * same MPFR calls with none of xi around them.
 *
 * usage: bench.bin [NODES]   (default 1000000) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cmd/session.h"
#include "common.h"

/* Under `valgrind --tool=callgrind` (bench/run --instructions) each phase is
   dumped as its own count of instructions, which, unlike seconds, does not
   depend on what else the machine is doing.  Elsewhere these do nothing. */
#if __has_include(<valgrind/callgrind.h>)
#include <valgrind/callgrind.h>
#define PHASE_START() CALLGRIND_ZERO_STATS
#define PHASE_END(name) CALLGRIND_DUMP_STATS_AT(name)
#else
#define PHASE_START()
#define PHASE_END(name)
#endif

#define PREC 128

/* The script: 16 rotating names, each line one statement of a few nodes; the
   forms keep every value in a tame range (tanh before exp, 2 + before log
   and ÷).  Deterministic. */
static char *script(long nodes, size_t *len) {
  size_t cap = (size_t)nodes * 12 + 4096, n = 0;
  char *s = malloc(cap);
  unsigned long long r = 88172645463325252ull;
#define RND(k) (r ^= r << 13, r ^= r >> 7, r ^= r << 17, (unsigned)(r % (k)))
  for (int i = 0; i < 16; i++) /* leaves x0..x15, and intermediates r0..r15 on them */
    n += (size_t)sprintf(s + n, "x%d = 0.%d%d; r%d = x%d * 1;\n", i, 1 + i % 9, 3 + i % 7, i, i);
  static const char *forms[] = {
      "r%u = r%u + r%u;\n",        "r%u = r%u - r%u;\n",
      "r%u = tanh(r%u * r%u);\n",  "r%u = r%u / (2 + tanh(r%u));\n",
      "r%u = exp(tanh(r%u)) - r%u;\n", "r%u = log(2 + tanh(r%u)) * r%u;\n",
  };
  static const int cost[] = {1, 1, 2, 4, 3, 4}; /* nodes made, with constants */
  long made = 0;
  while (made < nodes - 8) {
    int f = (int)RND(6);
    unsigned k = RND(16); /* rK = f(rK, rJ): every node ends up under L */
    n += (size_t)sprintf(s + n, forms[f], k, k, RND(16));
    made += cost[f];
  }
  n += (size_t)sprintf(s + n, "L = r0");
  for (int i = 1; i < 16; i++)
    n += (size_t)sprintf(s + n, " + r%d", i);
  n += (size_t)sprintf(s + n, ";\n");
  *len = n;
  return s;
}

/* ---- the limit: the same MPFR calls on flat arrays ---- */
typedef struct {
  uint8_t *op;
  uint32_t *a, *b;
  mpfr_t *v, *d;
  uint32_t n;
} flat;

static void flat_forward(flat *f) {
  for (uint32_t i = 0; i < f->n; i++) {
    mpfr_ptr r = f->v[i];
    mpfr_srcptr a = f->v[f->a[i]], b = f->v[f->b[i]];
    switch (f->op[i]) {
    case XI_ADD: mpfr_add(r, a, b, MPFR_RNDN); break;
    case XI_SUB: mpfr_sub(r, a, b, MPFR_RNDN); break;
    case XI_MUL: mpfr_mul(r, a, b, MPFR_RNDN); break;
    case XI_DIV: mpfr_div(r, a, b, MPFR_RNDN); break;
    case XI_EXP: mpfr_exp(r, a, MPFR_RNDN); break;
    case XI_LOG: mpfr_log(r, a, MPFR_RNDN); break;
    case XI_TANH: mpfr_tanh(r, a, MPFR_RNDN); break;
    default: break; /* leaves and constants hold their values */
    }
  }
}

static void flat_reverse(flat *f, mpfr_ptr t) {
  for (uint32_t i = 0; i < f->n; i++)
    mpfr_set_zero(f->d[i], 1);
  mpfr_set_ui(f->d[f->n - 1], 1, MPFR_RNDN);
  for (uint32_t i = f->n; i-- > 0;) {
    mpfr_ptr g = f->d[i], da = f->d[f->a[i]], db = f->d[f->b[i]];
    mpfr_srcptr o = f->v[i], a = f->v[f->a[i]], b = f->v[f->b[i]];
    switch (f->op[i]) {
    case XI_ADD: mpfr_add(da, da, g, MPFR_RNDN); mpfr_add(db, db, g, MPFR_RNDN); break;
    case XI_SUB: mpfr_add(da, da, g, MPFR_RNDN); mpfr_sub(db, db, g, MPFR_RNDN); break;
    case XI_MUL: mpfr_fma(da, g, b, da, MPFR_RNDN); mpfr_fma(db, g, a, db, MPFR_RNDN); break;
    case XI_DIV:
      mpfr_ui_div(t, 1, b, MPFR_RNDN);
      mpfr_fma(da, g, t, da, MPFR_RNDN);
      mpfr_div(t, o, b, MPFR_RNDN);
      mpfr_neg(t, t, MPFR_RNDN);
      mpfr_fma(db, g, t, db, MPFR_RNDN);
      break;
    case XI_EXP: mpfr_fma(da, g, o, da, MPFR_RNDN); break;
    case XI_LOG: mpfr_ui_div(t, 1, a, MPFR_RNDN); mpfr_fma(da, g, t, da, MPFR_RNDN); break;
    case XI_TANH:
      mpfr_sqr(t, o, MPFR_RNDN);
      mpfr_ui_sub(t, 1, t, MPFR_RNDN);
      mpfr_fma(da, g, t, da, MPFR_RNDN);
      break;
    default: break;
    }
  }
}

#define REPS 7

int main(int argc, char **argv) {
  int print_script = argc > 1 && strcmp(argv[1], "--script") == 0;
  if (print_script)
    argc--, argv++;
  long nodes = argc > 1 ? atol(argv[1]) : 1000000;
  size_t len;
  char *text = script(nodes, &len);
  if (print_script) { /* bench.bin --script N > file: the script alone */
    fwrite(text, 1, len, stdout);
    return 0;
  }
  xi_err err;

  /* the script, three times in fresh sessions: its run is parse + build + one
     forward evaluation (each statement is evaluated as it is run) */
  double runs[3];
  xiR_session s;
  size_t heap0 = resident();
  size_t heap1 = 0;
  for (int k = 0; k < 3; k++) {
    if (k)
      xiR_free(&s);
    xiR_init(&s, PREC, 10);
    double t0 = now();
    PHASE_START();
    if (xiR_run(&s, "bench", text, len, 1))
      return 1;
    PHASE_END("script");
    runs[k] = now() - t0;
    if (k == 0) { /* memory from the first session, on a fresh heap */
      if (xiD_sweep_from(&s.sweep, &s.g, &(uint32_t){s.g.n - 1}, XID_LEAVES, NULL, 0, s.g.nodes[0].pos, &err))
        return 1;
      heap1 = resident(); /* the graph, its values and its adjoints */
    }
  }
  double t_script = median(runs, 3);
  xiG_graph *g = &s.g;
  uint32_t root = g->n - 1;

  /* the limit works on a copy of xi's tape */
  flat f;
  f.n = g->n;
  f.op = malloc(f.n), f.a = malloc(f.n * 4), f.b = malloc(f.n * 4);
  f.v = malloc(f.n * sizeof *f.v), f.d = malloc(f.n * sizeof *f.d);
  for (uint32_t i = 0; i < f.n; i++) {
    const xiG_node *n = &g->nodes[i];
    f.op[i] = n->op;
    f.a[i] = n->a == XI_NONE ? i : n->a;
    f.b[i] = n->b == XI_NONE ? f.a[i] : n->b;
    mpfr_init2(f.v[i], PREC);
    mpfr_init2(f.d[i], PREC);
    mpfr_set(f.v[i], n->v, MPFR_RNDN);
  }
  mpfr_t t;
  mpfr_init2(t, PREC);

  /* interleaved, so that both see the same machine; medians */
  double xf[REPS], xr[REPS], lf[REPS], lr[REPS];
  for (int rep = 0; rep < REPS; rep++) {
    double t0 = now();
    PHASE_START();
    xiG_reeval(g, 0, root); /* everything again */
    PHASE_END("xi-forward");
    xf[rep] = now() - t0;
    t0 = now();
    PHASE_START();
    if (xiD_sweep_from(&s.sweep, g, &root, XID_LEAVES, NULL, 0, g->nodes[root].pos, &err)) {
      fprintf(stderr, "sweep: %s\n", err.msg);
      return 1;
    }
    PHASE_END("xi-reverse");
    xr[rep] = now() - t0;
    t0 = now();
    PHASE_START();
    flat_forward(&f);
    PHASE_END("limit-forward");
    lf[rep] = now() - t0;
    t0 = now();
    PHASE_START();
    flat_reverse(&f, t);
    PHASE_END("limit-reverse");
    lr[rep] = now() - t0;
  }
  double x_fw = median(xf, REPS), x_rv = median(xr, REPS);
  double l_fw = median(lf, REPS), l_rv = median(lr, REPS);
  double per_node_mem = (double)(heap1 - heap0) / g->n;
  /* the two must agree: the same arithmetic in the same order */
  int same = mpfr_equal_p(f.v[f.n - 1], g->nodes[root].v) &&
             mpfr_equal_p(f.d[0], xiD_adj(&s.sweep, 0)) &&
             mpfr_equal_p(f.d[5], xiD_adj(&s.sweep, 5));

  double bytes = 2.0 * ((double)sizeof(__mpfr_struct) + (double)mpfr_custom_get_size(PREC));
  double us = 1e6 / g->n;
  printf("graph: %u nodes at %d bits (script of %zu bytes); medians of %d runs\n", g->n, PREC,
         len, REPS);
  printf("xi     forward %.3f us/node   reverse %.3f us/node   total %.3f us/node\n", x_fw * us,
         x_rv * us, (x_fw + x_rv) * us);
  printf("limit  forward %.3f us/node   reverse %.3f us/node   total %.3f us/node\n", l_fw * us,
         l_rv * us, (l_fw + l_rv) * us);
  printf("ratio  forward+reverse %.2fx the limit (target 1.30x)\n", (x_fw + x_rv) / (l_fw + l_rv));
  printf("script parse+build (its run less one forward) %.3f us/node = %.0f%% of "
         "forward+reverse (target 20%%)\n",
         (t_script - x_fw) * us, 100 * (t_script - x_fw) / (x_fw + x_rv));
  printf("memory %.0f bytes/node resident, value+adjoint %.0f bytes: %.2fx (target 2x)\n",
         per_node_mem, bytes, per_node_mem / bytes);
  printf("results identical to the limit's: %s\n", same ? "yes" : "NO");
  return same ? 0 : 1;
}
