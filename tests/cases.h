/* cases.h: the expressions the derivative tests share.  randgrad.c draws
 * random scalar expressions over three leaves a, b, c (gen, after
 * scalar_setup); tensorgrad.c has every tensor operation in a list of cases
 * over leaves of several shapes, with a fixed direction P_X for each leaf X;
 * fwdgrad.c takes both, for forward mode. */
#ifndef XI_TEST_CASES_H
#define XI_TEST_CASES_H

#include "tests/fd.h"
#include "tape/names.h"

/* each test uses some of what is here */
#define SHARED __attribute__((unused))

/* ---- random scalar expressions (randgrad.c) ---- */

SHARED static unsigned long long state = 0x9E3779B97F4A7C15ull;
SHARED static unsigned rnd(unsigned n) {
  state ^= state << 13, state ^= state >> 7, state ^= state << 17;
  return (unsigned)(state % n);
}

/* an expression of depth at most d, kept inside every domain */
SHARED static void gen(char *out, size_t cap, int d) {
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
      "abs(%s - 7) + (%s)", "(%s) / (2 + cos(%s))", "(%s)² * (%s > 0.1)", "(%s)³ - sign(%s)",
      /* the operations pasted NumPy code brings (np.maximum, clip, where, % and //) */
      "maximum(%s, %s)", "np.minimum(%s, 0.5 * (%s))", "np.clip(%s, -0.4, 0.9) * (%s)",
      "np.where(%s > 0.2, %s, 0.5)", "(%s) %% 1.7 + (%s) // 2", "(%s <= %s) * 3 + 1",
      "np.array([%s, %s, 0.5])[np.array([2, 0, 1])] @ [1.5, -0.5, 0.25]",
      "np.array([[%s, 1.25], [%s, -0.5]]).reshape(-1) @ [1, 2, 3, 4]",
      "np.array([%s, %s]).reshape(2, 1).T.sum() * 0.5", "upd(%s, %s)", "upd2(%s, %s)",
      /* NumPy's slices, masks, their updates, and the reductions min, var, std, norm */
      "sl(%s, %s)", "mk(%s, %s)", "np.std(np.array([%s, %s, 1.5])) * 2",
      "np.var(np.array([[%s, 0.5], [1.25, %s]]), axis=0, ddof=1) @ [1.0, -0.5]",
      "np.linalg.norm(np.array([%s, %s, 0.75]))", "np.min(np.array([%s, 0.3, %s]))",
      "np.concatenate((np.array([%s]), np.array([%s, 0.5]))) @ [1.0, -2.0, 3.0]",
      "np.vstack((np.array([%s, 1.0]), np.array([0.5, %s])))[::-1, 1:].sum()",
      "np.log1p((%s)^2) + np.expm1(tanh(%s))",
  };
  snprintf(out, cap, forms[rnd(sizeof forms / sizeof *forms)], x, y);
}

/* a, b, c, and the functional update of integer-array indexing, as a def */
SHARED static const char *const scalar_setup =
    "a = 0.6180339887; b = -1.414213562; c = 2.718281828\n"
    "def upd(u, w):\n"
    "    v = np.array([u, w, 0.5])\n"
    "    v[np.array([0, 2])] -= w * 2\n"
    "    return v @ [1.0, -2.0, 0.5]\n"
    "def upd2(u, w):\n"
    "    M = np.array([[u, 1.0], [w, u * w]])\n"
    "    M[np.array([1, 0]), np.array([1, 1])] = np.array([tanh(u), w])\n"
    "    return (M * M).sum()\n"
    "def sl(u, w):\n"
    "    M = np.array([[u, 1.0, w], [w * u, 0.5, u]])\n"
    "    M[:, ::2] -= w * 2\n"
    "    M[1, 1:] = np.array([tanh(u), w])\n"
    "    return (M * M).sum() + M[::-1, 1:].sum() + (M[:, None, 0] @ [0.5]).sum()\n"
    "def mk(u, w):\n"
    "    v = np.array([u, -w, 0.5, w * u])\n"
    "    v[v > 0.1] *= 3\n"
    "    return (v * v).sum() + v[v < 0.2].sum() + np.eye(4)[np.array([2, 0])][:, 1:] @ "
    "v[1:] @ [1.0, 1.0]\n";

/* ---- tensor cases (tensorgrad.c) ---- */

SHARED static const char *tensor_setup =
    "A = [[0.3, -1.2, 0.7], [1.1, 0.4, -0.6]]; B = [[0.2, 0.5, -0.3], [0.9, -0.8, 0.1]];"
    "C = [[1.5, -0.5, 0.25], [-1, 2, 0.75]]; v = [0.6, -0.2, 1.3]; s = 0.7;"
    "D = [[0.5, -1], [0.25, 0.75], [-0.5, 1.25]]; E = [[1, -2], [0.5, 3]];"
    "w = [0.4, -0.9, 1.7]; u = [1.2, -0.7]; F = [[0.3, 1], [-1.1, 0.2], [0.6, -0.4]];"
    "col = [[0.8], [-1.3]]; z = [0.3, -0.8, 1.1, 0.5];";

SHARED static const char *cases[] = {
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
    /* reductions along an axis, with keepdims (NumPy's shapes: (1, 3), (2, 1), (1,)) */
    "sum(sum(A, 0, 1) * w)",     "sum(sum(A * B, 1, 1) * C)", "sum(mean(A, -1, 1) * C)",
    "sum(mean(A, -2) * v)",      "sum(sum(w * v, 0, 1) * s)", "sum(max(A * C, 0) * w)",
    "sum(max(A * C, 1, 1) * B)", "sum(max(A, -1) * u)",       "sum(max(w * v, 0, 1))",
    "sum(exp(max(A @ D, 0, 1)) * u)",
    /* argmax and round have derivative 0: L has a smooth part besides */
    "sum(argmax(A * C, 1) * u) + sum(A * B)",
    "argmax(A * C) * s + sum(round(A * C * 0.7, 1) * B) + sum(A * C)",
    "sum(round(A * 10, -1) * C) + sum(round(v, 2) * w) + sum(A * v)",
    /* integer-array indexing: gA, gw, sA, pA, pw, mA, g1, s1 are built below */
    "sum(gA^2 * z)",             "sum(tanh(gw) * v)",         "sum(sA^3 * C)",
    "sum(pA^2 * B)",             "sum(sin(pw) * v)",          "sum(mA * mA * C)",
    "sum(g1^2 * (D @ T(F)))",    "sum(s1^2 * C)",
    /* slices, new axes, masks, index arrays */
    "sum(A[:, ::2] * B[:, 1:])",  "sum(A[::-1, 1:] * E)",     "sum(v[::-1] * w) + v[-2:] @ u",
    "sum(v[:, None] * F)",        "sum(w[None, :] * A)",     "sum(A[A > 0]^2) + sum(v[w > 0])",
    "sum(D[[2, 0]] * F[:2])",     "sum(A[:, [2, 0]] * E)",   "sum(D[[True, False, True]] * E)",
    /* updates of slices and masks: qA, qw, mB are built below */
    "sum(qA^2 * C)",              "sum(sin(qw) * v)",        "sum(mB^2 * A)",
    /* the new reductions and joins */
    "sum(min(A * C, 1) * u) + min(w)", "var(A) + sum(std(A, 0) * w) + norm(A @ D)",
    "sum(var(A, 1, 1, 1) * col) + sum(norm(A, 0) * w)",
    "sum(concatenate(A, B)^2 * 0.5) + sum(concatenate(A, C, 1) * concatenate(B, A, 1))",
    "sum(concatenate(v, u) * z[[0, 1, 2, 3, 0]])", "sum(log1p(A^2) * C) + sum(expm1(A) * B)",
};

SHARED static const char *leaves[] = {"A", "B", "C", "v", "s", "D", "E", "w", "u", "F", "col", "z"};
/* a fixed direction for each leaf, of its shape (numbers of no meaning) */
SHARED static const char *directions =
    "P_A = [[0.7, -0.3, 1.1], [0.2, 0.9, -0.8]]; P_B = [[-0.4, 0.6, 0.5], [1.2, -0.1, 0.3]];"
    "P_C = [[0.3, 0.8, -0.6], [-0.9, 0.4, 0.2]]; P_v = [0.5, -1.1, 0.7]; P_s = 1.3;"
    "P_D = [[0.6, -0.2], [0.9, 0.1], [-0.7, 0.4]]; P_E = [[0.2, 0.8], [-0.5, 0.3]];"
    "P_w = [-0.6, 0.9, 0.4]; P_u = [0.8, -0.3]; P_F = [[0.1, -0.7], [0.6, 0.5], [-0.2, 0.9]];"
    "P_col = [[-0.5], [0.7]]; P_z = [0.4, 0.9, -0.2, 0.6];";
#define NLEAVES (sizeof leaves / sizeof *leaves)

/* The integer-array indexing rows have no names (the parser builds them from
   M[I, J] and M[I, J] = v): here they are built through the C API on values
   computed from the leaves, and bound to names the cases use.  Tables: TA
   indexes A with (1, 2) twice, Tw indexes w with 2 twice; PA and Pw put
   values computed from leaves, their repeated index's first value
   overwritten (its derivative must be 0). */
SHARED static const char *tables =
    "TA = [[1, 0, 1, 1], [2, 1, 2, 0]]; Tw = [[2, 0, 2]];"
    "PA = [[1, 0, 1], [2, 1, 2], v * 3 - w]; Pw = [[2, 0, 2], u[0] * v];"
    /* the updates of slices and masks, on values computed from the leaves */
    "qA = A * C; qA[:, ::2] = tanh(B[:, 1:]) * s; qA[0, 1:] -= u;"
    "qw = w * v; qw[::-2] -= u * 3; mB = B * C; mB[B > 0] = A[B > 0] * 0.5;";

SHARED static const struct {
  const char *name, *operand, *table;
  int op;
  int32_t mode;
  xi_shape shape; /* SCATTERADD's result */
} indexed[] = {
    {"gA", "tanh(A) * s", "TA", XI_GATHER, 0, {0, 1, 1}},
    {"gw", "w * v", "Tw", XI_GATHER, 0, {0, 1, 1}},
    {"sA", "sin(z) * s", "TA", XI_SCATTERADD, 0, {2, 2, 3}},
    {"pA", "A * C", "PA", XI_PUT, 0, {0, 1, 1}},
    {"pw", "exp(w)", "Pw", XI_PUT, 0, {0, 1, 1}},
    {"mA", "A * B", "TA", XI_MASKOUT, 0, {0, 1, 1}},
    {"g1", "A * C", "PA", XI_GATHER, 1, {0, 1, 1}},
    {"s1", "outer(v, w)", "PA", XI_SCATTERADD, 1, {2, 2, 3}},
};

SHARED static int build_indexed(xiR_session *s) {
  if (xiR_run(s, "tables", tables, strlen(tables), 1))
    return 1;
  for (size_t k = 0; k < sizeof indexed / sizeof *indexed; k++) {
    xiG_graph *g = &s->g;
    uint32_t mark = g->n, a = fd_build(s, indexed[k].operand), r, bound;
    const char *t = indexed[k].table, *name = indexed[k].name;
    uint32_t table = xiG_binding_of(g, xiS_intern(&g->sym, t, strlen(t)))->node;
    int32_t p[XI_NPARAMS] = {indexed[k].mode, INT32_MAX, 0, 0, 0};
    xiO_shape_params(p, indexed[k].shape);
    xi_err err;
    if (a == XI_NONE ||
        xiG_op(g, indexed[k].op, a, table, p, (xi_pos){1, 1}, &r, &err) ||
        xiG_assign(g, xiS_intern(&g->sym, name, strlen(name)), r, mark, NULL, (xi_pos){1, 1},
                   &bound, &err)) {
      printf("FAIL building %s: %s\n", name, a == XI_NONE ? "its operand" : err.msg);
      return 1;
    }
  }
  return 0;
}


#endif
