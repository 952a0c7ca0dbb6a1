/* fwdgrad.c: forward mode, jvp(E, v, dv), against central differences, on
 * the expressions randgrad.c and tensorgrad.c differentiate (tests/cases.h).
 *
 * First derivatives: jvp at 192 bits against the derivative in the direction
 * dv by forward evaluation alone at 640 bits, (E(v + h·dv) - E(v - h·dv))/2h
 * with h = 2^-160 (truncation about h², rounding about 2^-640/h: both far
 * below 2^-150, the tolerance).  The random scalar expressions by each of
 * their leaves; every tensor case by each of its leaves X in its direction
 * P_X, and where the case is sum(F), the tensor F itself, element by element
 * (a vector or matrix E).  Forward mode shares only the op table's partial
 * formulas with the sweep, and nothing with the differences.
 *
 * Second derivatives, three ways, each against a central difference in the
 * second direction of the first derivative computed by the plain sweep
 * (∂E/∂u · du, at 640 bits): jvp(jvp(E, u, du), w, dw), grad(jvp(E, u, du), w)
 * (reverse over forward) and jvp(grad(E, u), w, dw) (forward over reverse,
 * through a GRAD node's graph).  Deterministic. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grad/adjoint.h"
#include "tests/cases.h"
#include "tape/names.h"

#define NEAR 192
#define FAR 640
#define COUNT 500
#define COUNT2 120

static const char *const names = "abc";
static const char *const dirs[3] = {"0.8125", "-1.375", "0.4375"}; /* du for a, b, c */

typedef struct {
  int first, tensor, second, kinds[3];
} tally;

static uint32_t name_id(xiG_graph *g, const char *name) {
  return xiS_intern(&g->sym, name, strlen(name));
}

static uint32_t node_of(xiG_graph *g, const char *name) {
  return xiG_binding_of(g, name_id(g, name))->node;
}

/* element k of node i, kept before the precision changes */
static void keep(xiG_graph *g, uint32_t i, uint32_t k, mpfr_ptr out) {
  mpfr_set(out, xiG_el(&g->nodes[i], k), MPFR_RNDN);
}

/* Σ_k node i [k] · node p [k]: a tensor result read in a direction */
static void dot(xiG_graph *g, uint32_t i, uint32_t p, mpfr_ptr out) {
  mpfr_set_zero(out, 1);
  for (uint32_t k = 0; k < xiG_count(&g->nodes[i]); k++)
    mpfr_fma(out, xiG_el(&g->nodes[i], k), xiG_el(&g->nodes[p], k), out, MPFR_RNDN);
}

/* a derivative of node e by the value `name` binds, through the C API */
static uint32_t derive(xiR_session *s, int kind, uint32_t e, const char *name, uint32_t dir) {
  xi_err err;
  uint32_t out, id = name_id(&s->g, name);
  if (xiA_derive(&s->sweep, &s->g, kind, e, node_of(&s->g, name), id, dir, (xi_pos){1, 1},
                 &out, &err)) {
    printf("FAIL building a derivative by %s: %s\n", name, err.msg);
    return XI_NONE;
  }
  return out;
}

/* ∂root/∂x · P, x and P leaves of one shape, by the plain sweep */
static void swept(xiR_session *s, uint32_t root, uint32_t x, uint32_t p, mpfr_ptr out) {
  xi_err err;
  uint32_t r = root, list[1] = {x};
  xiO_view v;
  mpfr_set_zero(out, 1);
  if (xiD_sweep_from(&s->sweep, &s->g, &r, XID_LIST, list, 1, (xi_pos){1, 1}, &err) ||
      xiD_adj_view(&s->sweep, &s->g, list[0], &v))
    return;
  for (uint32_t k = 0; k < v.n; k++)
    mpfr_fma(out, &v.el[k], xiG_el(&s->g.nodes[p], k), out, MPFR_RNDN);
}

/* d/dt of swept(root, x, px) at y + t·py: a central difference of the first
   derivative (by the sweep) in the second direction, at the graph's precision */
static void second_fd(xiR_session *s, uint32_t root, uint32_t x, uint32_t px, uint32_t y,
                      uint32_t py, mpfr_ptr fd) {
  xiG_graph *g = &s->g;
  uint32_t n = xiG_count(&g->nodes[y]);
  mpfr_t *y0 = malloc(n * sizeof *y0), side[2], t;
  mpfr_inits2(g->prec, side[0], side[1], t, (mpfr_ptr)0);
  for (uint32_t q = 0; q < n; q++) {
    mpfr_init2(y0[q], g->prec);
    mpfr_set(y0[q], xiG_el(&g->nodes[y], q), MPFR_RNDN);
  }
  for (int sd = 0; sd < 2; sd++) {
    for (uint32_t q = 0; q < n; q++) {
      mpfr_mul_2si(t, xiG_el(&g->nodes[py], q), -160, MPFR_RNDN);
      (sd ? mpfr_sub : mpfr_add)(xiG_el(&g->nodes[y], q), y0[q], t, MPFR_RNDN);
    }
    xiG_reeval(g, y + 1, root);
    swept(s, root, x, px, side[sd]);
  }
  for (uint32_t q = 0; q < n; q++) {
    mpfr_set(xiG_el(&g->nodes[y], q), y0[q], MPFR_RNDN);
    mpfr_clear(y0[q]);
  }
  free(y0);
  xiG_reeval(g, y + 1, root);
  mpfr_sub(fd, side[0], side[1], MPFR_RNDN);
  mpfr_mul_2ui(fd, fd, 159, MPFR_RNDN);
  mpfr_clears(side[0], side[1], t, (mpfr_ptr)0);
}

static int report(const char *what, const char *text, mpfr_srcptr got, mpfr_srcptr want) {
  mpfr_printf("FAIL %s of %s:\n  forward mode %.40Rg\n  difference   %.40Rg\n", what, text, got,
              want);
  return 1;
}

/* ---- random scalar expressions ---- */

static int scalar_first(xiR_session *s, const char *text, const uint32_t *leaf, tally *t) {
  xiG_graph *g = &s->g;
  uint32_t mark = g->n, root = fd_build(s, text), dir[3];
  if (root == XI_NONE)
    return 1;
  mpfr_t jv[3], fd;
  int bad = 0, have[3] = {0, 0, 0};
  char call[5000];
  for (int k = 0; k < 3; k++) {
    mpfr_init2(jv[k], NEAR);
    dir[k] = fd_build(s, dirs[k]);
    if (!xiD_depends(g, root, leaf[k]))
      continue;
    snprintf(call, sizeof call, "jvp(%s, %c, %s)", text, names[k], dirs[k]);
    uint32_t j = fd_build(s, call);
    if (j == XI_NONE)
      return 1;
    keep(g, j, 0, jv[k]);
    have[k] = 1;
  }
  xi_err err;
  xiG_set_prec(g, FAR, &err);
  mpfr_init2(fd, FAR);
  for (int k = 0; k < 3 && !bad; k++) {
    if (!have[k])
      continue;
    fd_directional(g, leaf[k], dir[k], root, 0, 160, fd);
    t->first++;
    if (!fd_close(jv[k], fd, 150)) {
      snprintf(call, sizeof call, "d/d%c", names[k]);
      bad = report(call, text, jv[k], fd);
    }
  }
  for (int k = 0; k < 3; k++)
    mpfr_clear(jv[k]);
  mpfr_clear(fd);
  xiG_set_prec(g, NEAR, &err);
  xiG_truncate(g, mark);
  return bad;
}

/* the three second derivatives of E by u (direction du) and w (dw): their
   values in got[0..2] (NAN where E's first derivative does not use w) */
static int three(xiR_session *s, const char *text, const char *u, const char *du,
                 const char *w, uint32_t dw, uint32_t pu, mpfr_t got[3]) {
  xiG_graph *g = &s->g;
  char call[5000];
  snprintf(call, sizeof call, "jvp(%s, %s, %s)", text, u, du);
  uint32_t j = fd_build(s, call), gr, y = node_of(g, w);
  snprintf(call, sizeof call, "grad(%s, %s)", text, u);
  gr = fd_build(s, call);
  for (int q = 0; q < 3; q++)
    mpfr_set_nan(got[q]);
  if (j == XI_NONE || gr == XI_NONE)
    return 1;
  if (xiD_depends(g, j, y)) {
    uint32_t jj = derive(s, XI_D_JVP, j, w, dw), gj = derive(s, XI_D_GRAD, j, w, XI_NONE);
    if (jj == XI_NONE || gj == XI_NONE)
      return 1;
    keep(g, jj, 0, got[0]);
    dot(g, gj, dw, got[1]);
  }
  if (xiD_depends(g, gr, y)) {
    uint32_t fg = derive(s, XI_D_JVP, gr, w, dw);
    if (fg == XI_NONE)
      return 1;
    dot(g, fg, pu, got[2]);
  }
  return 0;
}

static const char *const ways[3] = {"jvp(jvp(E, u, du), w, dw)", "grad(jvp(E, u, du), w)·dw",
                                    "jvp(grad(E, u), w, dw)·du"};

/* got[] against want; a NAN in got is a derivative not built because the
   first derivative does not depend on w: then the second must be 0 */
static int judge3(mpfr_t got[3], mpfr_srcptr want, const char *text, tally *t) {
  int bad = 0;
  mpfr_t zero;
  mpfr_init2(zero, NEAR);
  mpfr_set_zero(zero, 1);
  for (int q = 0; q < 3 && !bad; q++) {
    int built = !mpfr_nan_p(got[q]);
    t->second += built, t->kinds[q] += built;
    if (!fd_close(built ? got[q] : zero, want, 140))
      bad = report(ways[q], text, got[q], want);
  }
  mpfr_clear(zero);
  return bad;
}

static int scalar_second(xiR_session *s, const char *text, const uint32_t *leaf, tally *t) {
  xiG_graph *g = &s->g;
  uint32_t mark = g->n, root = fd_build(s, text), dir[3];
  if (root == XI_NONE)
    return 1;
  for (int k = 0; k < 3; k++)
    dir[k] = fd_build(s, dirs[k]);
  int bad = 0;
  for (int u = 0; u < 3 && !bad; u++)
    for (int w = 0; w < 3 && !bad; w++) {
      if (!xiD_depends(g, root, leaf[u]) || !xiD_depends(g, root, leaf[w]))
        continue;
      uint32_t m2 = g->n;
      char un[2] = {names[u], 0}, wn[2] = {names[w], 0};
      mpfr_t got[3], want;
      mpfr_inits2(FAR, got[0], got[1], got[2], want, (mpfr_ptr)0);
      bad = three(s, text, un, dirs[u], wn, dir[w], dir[u], got);
      xi_err err;
      xiG_set_prec(g, FAR, &err);
      second_fd(s, root, leaf[u], dir[u], leaf[w], dir[w], want);
      bad = bad || judge3(got, want, text, t);
      xiG_set_prec(g, NEAR, &err);
      mpfr_clears(got[0], got[1], got[2], want, (mpfr_ptr)0);
      xiG_truncate(g, m2);
    }
  xiG_truncate(g, mark);
  return bad;
}

/* ---- the tensor cases ---- */

/* F when text is sum(F) (the whole of it), else NULL: a tensor to take jvp of */
static char *inner(const char *text) {
  size_t n = strlen(text);
  if (strncmp(text, "sum(", 4) != 0 || text[n - 1] != ')')
    return NULL;
  int depth = 0;
  for (size_t i = 3; i < n; i++) {
    depth += (text[i] == '(') - (text[i] == ')');
    if (depth == 0 && i != n - 1)
      return NULL; /* sum(F) + ...: its first bracket closes early */
  }
  return strndup(text + 4, n - 5);
}

/* jvp(text, X, P_X) against the directional difference, every element */
static int tensor_first(xiR_session *s, const char *text, const uint32_t *leaf, tally *t) {
  xiG_graph *g = &s->g;
  uint32_t mark = g->n, root = fd_build(s, text);
  if (root == XI_NONE)
    return 1;
  int bad = 0;
  for (size_t l = 0; l < NLEAVES && !bad; l++) {
    if (!xiD_depends(g, root, leaf[l]))
      continue;
    char call[1024], pn[16];
    snprintf(pn, sizeof pn, "P_%s", leaves[l]);
    snprintf(call, sizeof call, "jvp(%s, %s, %s)", text, leaves[l], pn);
    uint32_t m2 = g->n, j = fd_build(s, call), p = node_of(g, pn);
    if (j == XI_NONE)
      return 1;
    uint32_t n = xiG_count(&g->nodes[j]);
    mpfr_t *got = malloc(n * sizeof *got), fd;
    for (uint32_t k = 0; k < n; k++) {
      mpfr_init2(got[k], NEAR);
      keep(g, j, k, got[k]);
    }
    xi_err err;
    xiG_set_prec(g, FAR, &err);
    mpfr_init2(fd, FAR);
    for (uint32_t k = 0; k < n && !bad; k++) {
      fd_directional(g, leaf[l], p, root, k, 160, fd);
      t->tensor++;
      if (!fd_close(got[k], fd, 150)) {
        mpfr_printf("FAIL %s [%u]:\n  forward mode %.30Rg\n  difference   %.30Rg\n", call, k,
                    got[k], fd);
        bad = 1;
      }
    }
    for (uint32_t k = 0; k < n; k++)
      mpfr_clear(got[k]);
    free(got);
    mpfr_clear(fd);
    xiG_set_prec(g, NEAR, &err);
    xiG_truncate(g, m2);
  }
  xiG_truncate(g, mark);
  return bad;
}

/* the three second derivatives of a case, by every pair of its leaves */
static int tensor_second(xiR_session *s, const char *text, const uint32_t *leaf, tally *t) {
  xiG_graph *g = &s->g;
  uint32_t mark = g->n, root = fd_build(s, text);
  if (root == XI_NONE)
    return 1;
  int bad = 0;
  for (size_t x = 0; x < NLEAVES && !bad; x++)
    for (size_t y = 0; y < NLEAVES && !bad; y++) {
      if (!xiD_depends(g, root, leaf[x]) || !xiD_depends(g, root, leaf[y]))
        continue;
      char px[16], py[16];
      snprintf(px, sizeof px, "P_%s", leaves[x]);
      snprintf(py, sizeof py, "P_%s", leaves[y]);
      uint32_t m2 = g->n, dx = node_of(g, px), dy = node_of(g, py);
      mpfr_t got[3], want;
      mpfr_inits2(FAR, got[0], got[1], got[2], want, (mpfr_ptr)0);
      bad = three(s, text, leaves[x], px, leaves[y], dy, dx, got);
      xi_err err;
      xiG_set_prec(g, FAR, &err);
      second_fd(s, root, leaf[x], dx, leaf[y], dy, want);
      bad = bad || judge3(got, want, text, t);
      xiG_set_prec(g, NEAR, &err);
      mpfr_clears(got[0], got[1], got[2], want, (mpfr_ptr)0);
      xiG_truncate(g, m2);
    }
  xiG_truncate(g, mark);
  return bad;
}

int main(void) {
  tally t = {0, 0, 0, {0, 0, 0}};
  int bad = 0;
  char text[4096];
  xiR_session s;
  xiR_init(&s, NEAR, 40);
  if (xiR_run(&s, "setup", scalar_setup, strlen(scalar_setup), 1))
    return 1;
  uint32_t leaf[NLEAVES];
  for (int k = 0; k < 3; k++)
    leaf[k] = node_of(&s.g, (char[2]){names[k], 0});
  for (int n = 0; n < COUNT && bad < 3; n++) {
    gen(text, sizeof text, 1 + (int)rnd(5));
    bad += scalar_first(&s, text, leaf, &t);
  }
  for (int n = 0; n < COUNT2 && bad < 3; n++) {
    gen(text, sizeof text, 1 + (int)rnd(4));
    bad += scalar_second(&s, text, leaf, &t);
  }
  xiR_free(&s);

  xiR_init(&s, NEAR, 30);
  if (xiR_run(&s, "setup", tensor_setup, strlen(tensor_setup), 1) ||
      xiR_run(&s, "setup", directions, strlen(directions), 1) || build_indexed(&s))
    return 1;
  for (size_t l = 0; l < NLEAVES; l++)
    leaf[l] = node_of(&s.g, leaves[l]);
  size_t ncases = sizeof cases / sizeof *cases;
  int tensors = 0;
  for (size_t c = 0; c < ncases && bad < 3; c++) {
    char *f = inner(cases[c]);
    bad += tensor_first(&s, cases[c], leaf, &t);
    if (f && bad < 3) {
      bad += tensor_first(&s, f, leaf, &t);
      tensors++;
    }
    free(f);
  }
  for (size_t c = 0; c < ncases && bad < 3; c++)
    bad += tensor_second(&s, cases[c], leaf, &t);
  xiR_free(&s);
  printf("%s: forward mode: %d jvp of %d random expressions and %d tensor elements of %zu "
         "cases (%d of them vector or matrix valued) agree with central differences; %d "
         "second derivatives (%d jvp of jvp, %d grad of jvp, %d jvp of grad) too\n",
         bad ? "FAIL" : "ok", t.first, COUNT, t.tensor, ncases, tensors, t.second,
         t.kinds[0], t.kinds[1], t.kinds[2]);
  return bad ? 1 : 0;
}
