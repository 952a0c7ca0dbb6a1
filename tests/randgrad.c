/* randgrad.c: random expressions over three leaves.
 *
 * First derivatives: each adjoint from the reverse sweep at 192 bits must
 * match a central difference computed by forward evaluation alone at 640
 * bits, with h = 2^-160 (truncation error about h^2 = 2^-320, rounding about
 * 2^-640/h = 2^-480).  The two share only the forward rules, so a wrong
 * partial, a wrong accumulation or a wrong operand order in the sweep shows.
 *
 * Second derivatives: grad(grad(E, u), w), which builds the first derivative
 * as nodes (the op table's partial formulas, compiled) and sweeps them, must
 * match a central difference of the first derivative (a plain sweep) at 640
 * bits; and the mixed partials must agree both ways round.  Deterministic. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tests/cases.h"
#include "tape/names.h"

#define COUNT 1500
#define COUNT2 250
#define NEAR_PREC 192
#define FAR_PREC 640

static const char *const names = "abc";

/* the first derivatives of one expression */
static int first(xiR_session *s, const char *text, const uint32_t *leaf, int *compared) {
  uint32_t mark = s->g.n, root = fd_build(s, text), list[3] = {leaf[0], leaf[1], leaf[2]};
  xi_err err;
  if (root == XI_NONE)
    return 1;
  if (xiD_sweep_from(&s->sweep, &s->g, &root, XID_LIST, list, 3, s->g.nodes[root].pos, &err)) {
    printf("FAIL sweep: %s: %s\n", text, err.msg);
    return 1;
  }
  mpfr_t ad[3], fd;
  for (int k = 0; k < 3; k++) {
    mpfr_init2(ad[k], NEAR_PREC);
    mpfr_set(ad[k], xiD_adj(&s->sweep, leaf[k]), MPFR_RNDN);
  }
  xiG_set_prec(&s->g, FAR_PREC, &err);
  mpfr_init2(fd, FAR_PREC);
  int bad = 0;
  for (int k = 0; k < 3; k++) {
    fd_central(&s->g, leaf[k], 0, root, 160, fd);
    (*compared)++;
    if (!fd_close(ad[k], fd, 150)) {
      mpfr_printf("FAIL d/d%c of %s:\n  adjoint    %.40Rg\n  difference %.40Rg\n", names[k],
                  text, ad[k], fd);
      bad = 1;
    }
    mpfr_clear(ad[k]);
  }
  mpfr_clear(fd);
  xiG_set_prec(&s->g, NEAR_PREC, &err);
  xiG_truncate(&s->g, mark);
  return bad;
}

/* ∂E/∂leaf[u] by the plain sweep, at the graph's precision */
static void sweep1(xiR_session *s, uint32_t root, uint32_t leaf, mpfr_ptr out) {
  xi_err err;
  uint32_t r = root, list[1] = {leaf};
  if (xiD_sweep_from(&s->sweep, &s->g, &r, XID_LIST, list, 1, s->g.nodes[r].pos, &err))
    mpfr_set_nan(out);
  else
    mpfr_set(out, xiD_adj(&s->sweep, list[0]), MPFR_RNDN);
}

/* the second derivatives of one expression */
static int second(xiR_session *s, const char *text, const uint32_t *leaf, int *compared) {
  uint32_t mark = s->g.n, root = fd_build(s, text);
  if (root == XI_NONE)
    return 1;
  mpfr_t h[3][3], fd, x, plus, minus;
  int bad = 0;
  char call[5000];
  int uses[3]; /* a grad by a leaf E does not use is an error, rightly: those are left out */
  for (int k = 0; k < 3; k++)
    uses[k] = xiD_depends(&s->g, root, leaf[k]);
  for (int u = 0; u < 3; u++)
    for (int w = 0; w < 3; w++) {
      mpfr_init2(h[u][w], NEAR_PREC);
      mpfr_set_zero(h[u][w], 1);
      if (!uses[u] || !uses[w])
        continue;
      snprintf(call, sizeof call, "grad(grad(%s, %c), %c)", text, names[u], names[w]);
      uint32_t m2 = s->g.n, r2 = fd_build(s, call);
      if (r2 == XI_NONE)
        return 1;
      mpfr_set(h[u][w], s->g.nodes[r2].v, MPFR_RNDN);
      xiG_truncate(&s->g, m2);
    }
  xi_err err;
  xiG_set_prec(&s->g, FAR_PREC, &err);
  mpfr_inits2(FAR_PREC, fd, x, plus, minus, (mpfr_ptr)0);
  for (int u = 0; u < 3 && !bad; u++)
    for (int w = 0; w < 3 && !bad; w++) {
      if (!uses[u] || !uses[w])
        continue;
      /* d/dw of (dE/du): dE/du by the sweep at w ± h */
      mpfr_t *lw = &s->g.nodes[leaf[w]].v;
      mpfr_set(x, *lw, MPFR_RNDN);
      mpfr_set_ui_2exp(fd, 1, -160, MPFR_RNDN);
      mpfr_add(*lw, x, fd, MPFR_RNDN);
      xiG_reeval(&s->g, leaf[w] + 1, root);
      sweep1(s, root, leaf[u], plus);
      mpfr_sub(*lw, x, fd, MPFR_RNDN);
      xiG_reeval(&s->g, leaf[w] + 1, root);
      sweep1(s, root, leaf[u], minus);
      mpfr_set(*lw, x, MPFR_RNDN);
      xiG_reeval(&s->g, leaf[w] + 1, root);
      mpfr_sub(fd, plus, minus, MPFR_RNDN);
      mpfr_mul_2ui(fd, fd, 159, MPFR_RNDN);
      (*compared)++;
      if (!fd_close(h[u][w], fd, 140)) {
        mpfr_printf("FAIL d2/d%cd%c of %s:\n  grad(grad)  %.40Rg\n  difference  %.40Rg\n",
                    names[u], names[w], text, h[u][w], fd);
        bad = 1;
      }
      if (!fd_close(h[u][w], h[w][u], 170)) {
        mpfr_printf("FAIL d2/d%cd%c != d2/d%cd%c of %s: %.40Rg, %.40Rg\n", names[u], names[w],
                    names[w], names[u], text, h[u][w], h[w][u]);
        bad = 1;
      }
    }
  for (int u = 0; u < 3; u++)
    for (int w = 0; w < 3; w++)
      mpfr_clear(h[u][w]);
  mpfr_clears(fd, x, plus, minus, (mpfr_ptr)0);
  xiG_set_prec(&s->g, NEAR_PREC, &err);
  xiG_truncate(&s->g, mark);
  return bad;
}

int main(void) {
  xiR_session s;
  xiR_init(&s, NEAR_PREC, 40);
  if (xiR_run(&s, "setup", scalar_setup, strlen(scalar_setup), 1))
    return 1;
  uint32_t leaf[3];
  for (int k = 0; k < 3; k++)
    leaf[k] = xiG_binding_of(&s.g, xiS_intern(&s.g.sym, names + k, 1))->node;
  int bad = 0, compared = 0, compared2 = 0;
  char text[4096];
  for (int n = 0; n < COUNT && bad < 5; n++) {
    gen(text, sizeof text, 1 + (int)rnd(5));
    bad += first(&s, text, leaf, &compared);
  }
  for (int n = 0; n < COUNT2 && bad < 5; n++) {
    gen(text, sizeof text, 1 + (int)rnd(4));
    bad += second(&s, text, leaf, &compared2);
  }
  xiR_free(&s);
  printf("%s: %d first derivatives of %d random expressions, and %d second derivatives "
         "(grad of grad) of %d more, agree with central differences\n",
         bad ? "FAIL" : "ok", compared, COUNT, compared2, COUNT2);
  return bad ? 1 : 0;
}
