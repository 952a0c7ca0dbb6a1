/* randgrad.c: random expressions over three leaves; each adjoint from the
 * reverse sweep at 192 bits must match a central difference computed by
 * forward evaluation alone at 640 bits, with h = 2^-160 (truncation error
 * about h^2 = 2^-320, rounding about 2^-640/h = 2^-480).  The two share only
 * the forward rules, so a wrong partial, a wrong accumulation or a wrong
 * operand order in the sweep shows up here.  Deterministic: a fixed seed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "repl/session.h"

#define COUNT 1500
#define NEAR_PREC 192
#define FAR_PREC 640

static unsigned long long state = 0x9E3779B97F4A7C15ull;
static unsigned rnd(unsigned n) {
  state ^= state << 13, state ^= state >> 7, state ^= state << 17;
  return (unsigned)(state % n);
}

/* an expression of depth at most d, kept inside every domain */
static void gen(char *out, size_t cap, int d) {
  static const char *leaves[] = {"a", "b", "c", "0.75", "2", "a", "b", "c"};
  if (d == 0 || rnd(4) == 0) {
    snprintf(out, cap, "%s", leaves[rnd(8)]);
    return;
  }
  char x[4096], y[4096];
  gen(x, sizeof x, d - 1);
  gen(y, sizeof y, d - 1);
  static const char *forms[] = {
      "(%s + %s)", "(%s - %s)", "(%s * %s)", "(%s / (1 + (%s)^2))", "exp(tanh(%s) + 0*(%s))",
      "log(1 + (%s)^2 + 0*(%s))", "sqrt(2 + sin(%s) + 0*(%s))", "cos(%s) * (%s)",
      "tanh(%s - (%s))", "sigmoid(%s) * (%s)", "tan(tanh(%s)) + (%s)",
      "pow(1.5 + cos(%s), tanh(%s))", "-(%s) * (%s)", "(%s)^2 - (%s)", "relu(%s + 3) * (%s)",
      "abs(%s - 7) + (%s)", "(%s) / (2 + cos(%s))",
  };
  snprintf(out, cap, forms[rnd(sizeof forms / sizeof *forms)], x, y);
}

int main(void) {
  xiR_session s;
  xiR_init(&s, NEAR_PREC, 40);
  const char *setup = "a = 0.6180339887; b = -1.414213562; c = 2.718281828;";
  if (xiR_run(&s, "setup", setup, strlen(setup), 1))
    return 1;
  uint32_t leaf[3];
  for (int k = 0; k < 3; k++)
    leaf[k] = xiG_binding_of(&s.g, xiS_intern(&s.g.sym, "abc" + k, 1))->node;
  mpfr_t plus, minus, fd, diff, tol, h;
  mpfr_inits2(FAR_PREC, plus, minus, fd, diff, tol, h, (mpfr_ptr)0);
  int bad = 0, compared = 0;
  for (int n = 0; n < COUNT && bad < 5; n++) {
    char text[4096];
    gen(text, sizeof text, 1 + (int)rnd(5));
    xiP_parser p;
    xiP_stmt st = {0};
    xi_err err;
    xiP_init(&p, &s.g.sym, text, strlen(text), 1);
    if (xiP_next(&p, &st, &err) != 1) {
      printf("does not parse: %s: %s\n", text, err.msg);
      return 1;
    }
    uint32_t mark = s.g.n, root;
    if (xiG_exec(&s.g, &st.code, NULL, NULL, 0, &root, &err) ||
        xiD_run(&s.sweep, &s.g, root, XID_LIST, leaf, 3, st.pos, &err)) {
      printf("fails: %s: %s\n", text, err.msg);
      return 1;
    }
    mpfr_t ad[3];
    for (int k = 0; k < 3; k++) {
      mpfr_init2(ad[k], NEAR_PREC);
      mpfr_set(ad[k], xiD_adj(&s.sweep, leaf[k]), MPFR_RNDN);
    }
    xiG_set_prec(&s.g, FAR_PREC, &err);
    for (int k = 0; k < 3; k++) {
      mpfr_t v0;
      mpfr_init2(v0, FAR_PREC);
      mpfr_set(v0, s.g.nodes[leaf[k]].v, MPFR_RNDN);
      mpfr_set_ui_2exp(h, 1, -160, MPFR_RNDN);
      mpfr_add(plus, v0, h, MPFR_RNDN);
      xiG_set_leaf(&s.g, leaf[k], plus);
      xiG_eval(&s.g, root, &err);
      mpfr_set(plus, s.g.nodes[root].v, MPFR_RNDN);
      mpfr_sub(minus, v0, h, MPFR_RNDN);
      xiG_set_leaf(&s.g, leaf[k], minus);
      xiG_eval(&s.g, root, &err);
      mpfr_set(minus, s.g.nodes[root].v, MPFR_RNDN);
      xiG_set_leaf(&s.g, leaf[k], v0);
      mpfr_sub(fd, plus, minus, MPFR_RNDN);
      mpfr_mul_2ui(fd, fd, 159, MPFR_RNDN); /* ÷ 2h */
      /* |adjoint - difference| <= 2^-150 · max(1, |difference|) */
      mpfr_sub(diff, ad[k], fd, MPFR_RNDN);
      mpfr_abs(diff, diff, MPFR_RNDN);
      mpfr_abs(tol, fd, MPFR_RNDN);
      if (mpfr_cmp_ui(tol, 1) < 0)
        mpfr_set_ui(tol, 1, MPFR_RNDN);
      mpfr_div_2ui(tol, tol, 150, MPFR_RNDN);
      compared++;
      if (mpfr_cmp(diff, tol) > 0) {
        mpfr_printf("MISMATCH d/d%c of %s:\n  adjoint    %.40Rg\n  difference %.40Rg\n",
                    "abc"[k], text, ad[k], fd);
        bad++;
      }
      mpfr_clear(v0);
    }
    xiG_set_prec(&s.g, NEAR_PREC, &err);
    for (int k = 0; k < 3; k++)
      mpfr_clear(ad[k]);
    xiG_truncate(&s.g, mark);
    xiP_stmt_done(&st);
  }
  mpfr_clears(plus, minus, fd, diff, tol, h, (mpfr_ptr)0);
  xiR_free(&s);
  printf("%d adjoints of %d random expressions agree with central differences\n", compared,
         COUNT);
  return bad ? 1 : 0;
}
