/* fd.h: what the derivative tests share: central differences computed by
 * forward evaluation alone.  A leaf's element is moved by ±h and the nodes
 * above it evaluated again in place (a test may do what the language never
 * does: change a value after it was computed), then put back. */
#ifndef XI_TEST_FD_H
#define XI_TEST_FD_H

#include <stdlib.h>
#include <string.h>

#include "cmd/session.h"
#include "syntax/parse.h" /* fd_build parses its text */

/* node root's value (a scalar) with element k of leaf moved to x */
static inline void fd_at(xiG_graph *g, uint32_t leaf, uint32_t k, uint32_t root, mpfr_srcptr x,
                  mpfr_ptr out) {
  mpfr_t v0;
  mpfr_init2(v0, g->prec);
  mpfr_set(v0, xiG_el(&g->nodes[leaf], k), MPFR_RNDN);
  mpfr_set(xiG_el(&g->nodes[leaf], k), x, MPFR_RNDN);
  xiG_reeval(g, leaf + 1, root);
  mpfr_set(out, g->nodes[root].v, MPFR_RNDN);
  mpfr_set(xiG_el(&g->nodes[leaf], k), v0, MPFR_RNDN);
  xiG_reeval(g, leaf + 1, root);
  mpfr_clear(v0);
}

/* (f(x + h) - f(x - h)) / 2h with h = 2^-e, into fd (at the graph's precision) */
static inline void fd_central(xiG_graph *g, uint32_t leaf, uint32_t k, uint32_t root, long e,
                       mpfr_ptr fd) {
  mpfr_t x, plus, minus;
  mpfr_inits2(g->prec, x, plus, minus, (mpfr_ptr)0);
  mpfr_set(x, xiG_el(&g->nodes[leaf], k), MPFR_RNDN);
  mpfr_set_ui_2exp(plus, 1, -e, MPFR_RNDN);
  mpfr_add(plus, x, plus, MPFR_RNDN);
  fd_at(g, leaf, k, root, plus, plus);
  mpfr_set_ui_2exp(minus, 1, -e, MPFR_RNDN);
  mpfr_sub(minus, x, minus, MPFR_RNDN);
  fd_at(g, leaf, k, root, minus, minus);
  mpfr_sub(fd, plus, minus, MPFR_RNDN);
  mpfr_mul_2si(fd, fd, e - 1, MPFR_RNDN); /* ÷ 2h */
  mpfr_clears(x, plus, minus, (mpfr_ptr)0);
}

/* Element k of root, (f(x + hD) - f(x - hD))/2h with h = 2^-e: the derivative
   in the direction D, the leaf dir of x's shape, by forward evaluation alone */
static inline void fd_directional(xiG_graph *g, uint32_t x, uint32_t dir, uint32_t root,
                                  uint32_t k, long e, mpfr_ptr fd) {
  uint32_t n = xiG_count(&g->nodes[x]);
  mpfr_t *x0 = malloc(n * sizeof *x0), plus, t;
  mpfr_inits2(g->prec, plus, t, (mpfr_ptr)0);
  for (uint32_t q = 0; q < n; q++) {
    mpfr_init2(x0[q], g->prec);
    mpfr_set(x0[q], xiG_el(&g->nodes[x], q), MPFR_RNDN);
  }
  for (int side = 0; side < 2; side++) {
    for (uint32_t q = 0; q < n; q++) {
      mpfr_mul_2si(t, xiG_el(&g->nodes[dir], q), -e, MPFR_RNDN);
      (side ? mpfr_sub : mpfr_add)(xiG_el(&g->nodes[x], q), x0[q], t, MPFR_RNDN);
    }
    xiG_reeval(g, x + 1, root);
    if (side)
      mpfr_sub(fd, plus, xiG_el(&g->nodes[root], k), MPFR_RNDN);
    else
      mpfr_set(plus, xiG_el(&g->nodes[root], k), MPFR_RNDN);
  }
  for (uint32_t q = 0; q < n; q++) {
    mpfr_set(xiG_el(&g->nodes[x], q), x0[q], MPFR_RNDN);
    mpfr_clear(x0[q]);
  }
  free(x0);
  xiG_reeval(g, x + 1, root);
  mpfr_mul_2si(fd, fd, e - 1, MPFR_RNDN); /* ÷ 2h */
  mpfr_clears(plus, t, (mpfr_ptr)0);
}

/* |got - want| <= 2^-bits · max(1, |want|) */
static inline int fd_close(mpfr_srcptr got, mpfr_srcptr want, long bits) {
  mpfr_t d, tol;
  mpfr_inits2(mpfr_get_prec(want) + 64, d, tol, (mpfr_ptr)0);
  mpfr_sub(d, got, want, MPFR_RNDN);
  mpfr_abs(d, d, MPFR_RNDN);
  mpfr_abs(tol, want, MPFR_RNDN);
  if (mpfr_cmp_ui(tol, 1) < 0)
    mpfr_set_ui(tol, 1, MPFR_RNDN);
  mpfr_div_2ui(tol, tol, (unsigned long)bits, MPFR_RNDN);
  int ok = mpfr_cmp(d, tol) <= 0;
  mpfr_clears(d, tol, (mpfr_ptr)0);
  return ok;
}

/* parses and builds one expression in s: its node, or XI_NONE (printed why) */
static inline uint32_t fd_build(xiR_session *s, const char *text) {
  xiP_parser p;
  xiP_stmt st;
  memset(&st, 0, sizeof st);
  xi_err err;
  uint32_t root = XI_NONE;
  xiP_init(&p, &s->g.sym, text, strlen(text), 1);
  if (xiP_next(&p, &st, &err) != 1)
    printf("does not parse: %s: %s\n", text, err.msg);
  else if (xiG_exec(&s->g, &st.code, NULL, NULL, 0, &root, &err))
    printf("fails: %s: %s\n", text, err.msg), root = XI_NONE;
  xiP_stmt_done(&st);
  return root;
}

#endif
