/* opvalues.c: exact forward values, shapes and refusals of the reductions
 * along an axis with keepdims (sum, mean, max, argmax), round, and the
 * integer-array indexing rows (GATHER, SCATTERADD, PUT, MASKOUT), which have
 * no names and are built here through the C API (xiG_op), as the parser
 * builds them from M[I, J].
 *
 * The session works at 53 bits, so every value is a double and the expected
 * values are Python's: NumPy's (np.max, np.argmax, np.sum with axis and
 * keepdims; the shapes are NumPy's) and, for round, Python's exact
 * round(Fraction(x), d), which is np.round of the exact value (NumPy's own
 * float arithmetic differs in the last place at times: np.round(2.675, 2) is
 * 2.68, the exact value 2.67499999999999982236431605997495353221893310546875
 * rounds to 2.67).  A zero's sign is compared too: np.round(-0.5) is -0.0. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "tests/fd.h"
#include "tape/names.h"

static int failures, checks;

static xiR_session S;

/* builds text; XI_NONE with the message in why when it fails */
static uint32_t build(const char *text, char *why, size_t n) {
  xiP_parser p;
  xiP_stmt st;
  memset(&st, 0, sizeof st);
  xi_err err;
  uint32_t root = XI_NONE;
  xiP_init(&p, &S.g.sym, text, strlen(text), 1);
  if (xiP_next(&p, &st, &err) != 1 || xiG_exec(&S.g, &st.code, NULL, NULL, 0, &root, &err)) {
    snprintf(why, n, "%s", err.msg);
    root = XI_NONE;
  }
  xiP_stmt_done(&st);
  return root;
}

static uint32_t node_of(const char *name) {
  return xiG_binding_of(&S.g, xiS_intern(&S.g.sym, name, strlen(name)))->node;
}

/* node's shape is sh and its elements are want, exactly (zeros' signs too) */
static void same(const char *what, uint32_t node, xi_shape sh, const double *want) {
  checks++;
  xiG_node *nd = &S.g.nodes[node];
  xi_shape got = xiG_shape(nd);
  if (!xiO_same_shape(&got, &sh)) {
    char a[48], b[48];
    xiO_shape_text(&got, a, sizeof a);
    xiO_shape_text(&sh, b, sizeof b);
    printf("FAIL %s: shape %s, not %s\n", what, a, b);
    failures++;
    return;
  }
  for (uint32_t k = 0; k < xiG_count(nd); k++) {
    mpfr_ptr e = xiG_el(nd, k);
    if (mpfr_cmp_d(e, want[k]) != 0 || (mpfr_zero_p(e) && !mpfr_signbit(e) != !signbit(want[k]))) {
      mpfr_printf("FAIL %s [%u]: %.17Rg, not %.17g\n", what, k, e, want[k]);
      failures++;
      return;
    }
  }
}

static void value(const char *text, xi_shape sh, const double *want) {
  char why[512];
  uint32_t mark = S.g.n, r = build(text, why, sizeof why);
  if (r == XI_NONE) {
    printf("FAIL %s: %s\n", text, why);
    checks++, failures++;
    return;
  }
  same(text, r, sh, want);
  xiG_truncate(&S.g, mark);
}

/* text must fail, with a message holding `says` */
static void refused(const char *text, const char *says) {
  char why[512] = "";
  uint32_t mark = S.g.n, r = build(text, why, sizeof why);
  checks++;
  if (r != XI_NONE || !strstr(why, says)) {
    printf("FAIL %s: %s, not an error saying '%s'\n", text, r != XI_NONE ? "built" : why, says);
    failures++;
  }
  xiG_truncate(&S.g, mark);
}

#define SC ((xi_shape){0, 1, 1})
#define VEC(n) ((xi_shape){1, 1, n})
#define MAT(r, c) ((xi_shape){2, r, c})
#define D(...) ((const double[]){__VA_ARGS__})

static void reductions(void) {
  const char *setup = "M = [[1, 5, 5], [7, 2, 7], [-1, -1, -3]]; v = [3, 7, 7, 1];";
  xiR_run(&S, "setup", setup, strlen(setup), 1);
  /* np.sum / np.mean with axis and keepdims */
  value("sum(M)", SC, D(22));
  value("sum(M, 0)", VEC(3), D(7, 6, 9));
  value("sum(M, 0, 1)", MAT(1, 3), D(7, 6, 9));
  value("sum(M, 1)", VEC(3), D(11, 16, -5));
  value("sum(M, 1, 1)", MAT(3, 1), D(11, 16, -5));
  value("sum(M, -2)", VEC(3), D(7, 6, 9)); /* -2 is axis 0 of a matrix, as NumPy */
  value("sum(M, -1, 1)", MAT(3, 1), D(11, 16, -5));
  value("sum(M, 1, 0)", VEC(3), D(11, 16, -5));
  value("mean(M, 1, 1)", MAT(3, 1), D(11.0 / 3, 16.0 / 3, -5.0 / 3));
  value("mean(M, 0)", VEC(3), D(7.0 / 3, 2, 3));
  value("sum(v, 0)", SC, D(18));
  value("sum(v, -1, 1)", VEC(1), D(18)); /* np.sum(v, -1, keepdims=True).shape == (1,) */
  value("sum(7)", SC, D(7));
  /* np.max along axes, with ties (the value is the same whichever wins) */
  value("max(M)", SC, D(7));
  value("max(M, 0)", VEC(3), D(7, 5, 7));
  value("max(M, 1)", VEC(3), D(5, 7, -1));
  value("max(M, 1, 1)", MAT(3, 1), D(5, 7, -1));
  value("max(M, 0, 1)", MAT(1, 3), D(7, 5, 7));
  value("max(v, 0, 1)", VEC(1), D(7));
  /* np.argmax: the first largest; without an axis, of M flattened row by row */
  value("argmax(M)", SC, D(3));
  value("argmax(M, 0)", VEC(3), D(1, 0, 1));
  value("argmax(M, 1)", VEC(3), D(1, 0, 0));
  value("argmax(M, -1, 1)", MAT(3, 1), D(1, 0, 0));
  value("argmax(M, 0, 1)", MAT(1, 3), D(1, 0, 1));
  value("argmax(v)", SC, D(1));
  value("argmax(-v)", SC, D(3));
  value("argmax(7)", SC, D(0));
  /* no axis with keepdims (np.argmax(M, keepdims=True): (1, 1)) is for the
     parser's keyword arguments: p[0] = XI_ALL_AXES, p[1] = 1 */
  int32_t all_keep[XI_NPARAMS] = {XI_ALL_AXES, 1, 0, 0, 0};
  struct {
    int op;
    const char *on;
    xi_shape sh;
    double want;
  } kept[] = {{XI_ARGMAX, "M", MAT(1, 1), 3}, {XI_SUM, "M", MAT(1, 1), 22},
              {XI_MAX, "v", VEC(1), 7},      {XI_MEAN, "v", VEC(1), 4.5},
              {XI_SUM, "M", MAT(1, 1), 22}};
  for (size_t k = 0; k < sizeof kept / sizeof *kept; k++) {
    uint32_t mark = S.g.n, r;
    xi_err err;
    char what[64];
    snprintf(what, sizeof what, "%s(%s, keepdims)", xiO_table[kept[k].op].name, kept[k].on);
    if (xiG_op(&S.g, kept[k].op, node_of(kept[k].on), XI_NONE, all_keep, (xi_pos){1, 1}, &r,
               &err)) {
      printf("FAIL %s: %s\n", what, err.msg);
      checks++, failures++;
    } else {
      same(what, r, kept[k].sh, &kept[k].want);
    }
    xiG_truncate(&S.g, mark);
  }
  refused("sum(M, 2)", "axis 2 does not exist for a value of rank 2");
  refused("sum(M, -3)", "axis -3 does not exist");
  refused("max(v, 1)", "axis 1 does not exist for a value of rank 1");
  refused("max(3, 0)", "axis 0 does not exist for a value of rank 0"); /* Python's max(x, 0)? */
  refused("sum(M, 0, 2)", "keepdims is 0 or 1, not 2");
  refused("sum(M, 0.5)", "expected a whole number");
  refused("sum(M, 0, 1, 1)", "sum takes 1 to 3 arguments, not 4");
  refused("argmax()", "argmax takes 1 to 3 arguments, not 0");
}

static void rounding(void) {
  /* x (a double), decimals, Python's float(round(Fraction(x), decimals)) */
  static const struct {
    double x;
    int d;
    double want;
  } cases[] = {
      {0.125, 2, 0.12},   {0.375, 2, 0.38},    {-0.375, 2, -0.38},  {2.5, 0, 2},
      {1.5, 0, 2},        {0.5, 0, 0},         {-0.5, 0, -0.0},     {-2.5, 0, -2},
      {-0.4, 0, -0.0},    {3.14159, 3, 3.142}, {2.675, 2, 2.67},    {0.285, 2, 0.28},
      {1.0 / 3, 5, 0.33333}, {1250, -2, 1200}, {1350, -2, 1400},    {-1250, -2, -1200},
      {49, -2, 0},        {-49, -2, -0.0},     {50, -2, 0},         {150, -2, 200},
      {12345.6789, -3, 12000}, {123.456, -1, 120}, {1e300, -5, 1e300}, {1e300, 2, 1e300},
      {1.2345678901234568e17, -3, 1.23456789012346e17}, {0x1p70, -20, 1.2e21},
      {1e-30, 31, 1e-30}, {1e-30, 29, 0},      {-1e-30, 29, -0.0},  {0.1, 400, 0.1},
      {-7.5e-9, 8, -1e-8}, {-2.5e-5, 5, -3e-5}, {5e-324, 323, 0},   {0, 3, 0},
      {-0.0, -3, -0.0},   {7, 0, 7},           {-7, -1, -10},       {65, -1, 60},
  };
  for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
    uint32_t mark = S.g.n, x, r;
    xi_err err;
    mpfr_t v;
    mpfr_init2(v, 53);
    mpfr_set_d(v, cases[k].x, MPFR_RNDN);
    xiO_view view = {v, SC, 1, NULL, XI_DT_FLOAT};
    x = xiG_leaf(&S.g, &view, (xi_pos){1, 1});
    mpfr_clear(v);
    int32_t p[XI_NPARAMS] = {cases[k].d, INT32_MAX, 0, 0, 0};
    char what[96];
    snprintf(what, sizeof what, "round(%.17g, %d)", cases[k].x, cases[k].d);
    if (xiG_op(&S.g, XI_ROUND, x, XI_NONE, p, (xi_pos){1, 1}, &r, &err)) {
      printf("FAIL %s: %s\n", what, err.msg);
      checks++, failures++;
    } else {
      same(what, r, SC, &cases[k].want);
    }
    xiG_truncate(&S.g, mark);
  }
  /* from xi's language, elementwise on a tensor; round(x) is round(x, 0) */
  value("round([1.5, 2.5, -2.5, -0.5, 0.375], 0)", VEC(5), D(2, 2, -2, -0.0, 0));
  value("round([[0.125, 0.375], [1.005, -0.125]], 2)", MAT(2, 2), D(0.12, 0.38, 1, -0.12));
  value("round(2.5)", SC, D(2));
  value("round(1234.5, -2)", SC, D(1200));
  refused("round(1, 100001)", "round takes decimals from -100000 to 100000, not 100001");
  refused("round(1, 2, 3)", "round takes 1 or 2 arguments, not 3");
}

/* op(a, table) with mode and shape, its value checked, or its refusal */
static void indexed(const char *what, int op, const char *a, const char *table, int32_t mode,
                    xi_shape out, xi_shape want_sh, const double *want, const char *says) {
  uint32_t mark = S.g.n, r;
  xi_err err;
  int32_t p[XI_NPARAMS] = {mode, INT32_MAX, 0, 0, 0};
  xiO_shape_params(p, out);
  int rc = xiG_op(&S.g, op, node_of(a), node_of(table), p, (xi_pos){1, 1}, &r, &err);
  if (says) {
    checks++;
    if (rc == 0 || !strstr(err.msg, says)) {
      printf("FAIL %s: %s, not an error saying '%s'\n", what, rc ? err.msg : "built", says);
      failures++;
    }
  } else if (rc) {
    printf("FAIL %s: %s\n", what, err.msg);
    checks++, failures++;
  } else {
    same(what, r, want_sh, want);
  }
  xiG_truncate(&S.g, mark);
}

/* the rule itself, on views, must answer XI_RULE_DOMAIN for a bad table */
static void domain(const char *what, int op, const char *a, const char *table, xi_shape out) {
  xiG_node *na = &S.g.nodes[node_of(a)], *nt = &S.g.nodes[node_of(table)];
  xiO_view va = xiG_view(na), vt = xiG_view(nt);
  xi_shape sh;
  char why[256];
  int32_t p[XI_NPARAMS] = {0, INT32_MAX, 0, 0, 0};
  xiO_shape_params(p, out);
  checks++;
  if (xiO_table[op].shape(&sh, &va.sh, &vt.sh, p, why, sizeof why)) {
    printf("FAIL %s: the shape rule refuses it: %s\n", what, why);
    failures++;
    return;
  }
  uint32_t n = sh.rank ? sh.rows * sh.cols : 1;
  __mpfr_struct *el = xiM_block(n, 53);
  xiO_view vo = {el, sh, n, p, XI_DT_FLOAT};
  int rc = xiO_table[op].tforward(&vo, &va, &vt, S.g.tmp);
  if (rc != XI_RULE_DOMAIN) {
    printf("FAIL %s: the rule answered %d, not XI_RULE_DOMAIN\n", what, rc);
    failures++;
  }
  xiM_unblock(el);
}

static void indexing(void) {
  const char *setup =
      "a = [10, 20, 30, 40]; M = [[1, 2, 3], [4, 5, 6]]; Ta = [[3, 0, 3]];"
      "TM = [[1, 0, 1], [2, 0, 2]]; PM = [[1, 0, 1], [2, 0, 2], [7, 8, 9]];"
      "Pa = [[3, 0, 3], [-1, -2, -3]]; v = [1, 2, 4]; V = [[9, 9, 9], [9, 9, 9], [1, 2, 4]];"
      "half = [[0.5, 1]]; neg = [[-1, 0]]; far = [[4, 0]]; rowfar = [[2, 0], [0, 0]];"
      "colfar = [[0, 1], [3, 0]]; colfarP = [[0, 1], [3, 0], [5, 5]]; onerow = [[1, 0]]; w2 = [1, 2];"
      "s = 3; TMv = [[1, 0, 1], [2, 0, 2], [0.1, 0.2, 0.3]];";
  xiR_run(&S, "setup", setup, strlen(setup), 1);
  xi_shape none = SC;
  /* a[[3, 0, 3]] and M[[1, 0, 1], [2, 0, 2]]: NumPy's integer-array indexing */
  indexed("a[[3, 0, 3]]", XI_GATHER, "a", "Ta", 0, none, VEC(3), D(40, 10, 40), NULL);
  indexed("M[[1, 0, 1], [2, 0, 2]]", XI_GATHER, "M", "TM", 0, none, VEC(3), D(6, 1, 6), NULL);
  indexed("M[I, J] with a values row", XI_GATHER, "M", "PM", 0, none, VEC(3), D(6, 1, 6), NULL);
  /* mode 1: a table-shaped matrix, index rows 0, the last row M at the last
     writes: columns 0 and 2 both name (1, 2), so column 0 gets 0 */
  indexed("values row of M[PM]", XI_GATHER, "M", "PM", 1, none, MAT(3, 3),
          D(0, 0, 0, 0, 0, 0, 0, 1, 6), NULL);
  /* np.add.at(zeros((2, 3)), (I, J), v): repeated indices add up */
  indexed("scatter v", XI_SCATTERADD, "v", "TM", 0, MAT(2, 3), MAT(2, 3), D(2, 0, 0, 0, 0, 5),
          NULL);
  indexed("scatter v into a vector", XI_SCATTERADD, "v", "Ta", 0, VEC(4), VEC(4),
          D(2, 0, 0, 5), NULL);
  /* mode 1: V's last row, last writes only (column 0 is overwritten by 2) */
  indexed("scatter V's values row", XI_SCATTERADD, "V", "TM", 1, MAT(2, 3), MAT(2, 3),
          D(2, 0, 0, 0, 0, 4), NULL);
  /* M[I, J] = vals: the last write stays (NumPy: M[[1, 0, 1], [2, 0, 2]] =
     [7, 8, 9] leaves M[1, 2] == 9) */
  indexed("put into M", XI_PUT, "M", "PM", 0, none, MAT(2, 3), D(8, 2, 3, 4, 5, 9), NULL);
  indexed("put into a", XI_PUT, "a", "Pa", 0, none, VEC(4), D(-2, 20, 30, -3), NULL);
  indexed("put 0.1 exactly", XI_PUT, "M", "TMv", 0, none, MAT(2, 3), D(0.2, 2, 3, 4, 5, 0.3),
          NULL);
  indexed("mask M", XI_MASKOUT, "M", "TM", 0, none, MAT(2, 3), D(0, 2, 3, 4, 5, 0), NULL);
  indexed("mask a with a put table", XI_MASKOUT, "a", "Pa", 0, none, VEC(4), D(0, 20, 30, 0),
          NULL);
  /* tables the rules refuse: not whole, negative (the caller makes indices
     non-negative), past the end, of the wrong number of rows */
  indexed("a[[0.5, 1]]", XI_GATHER, "a", "half", 0, none, none, NULL, "not a whole number");
  indexed("a[[-1, 0]]", XI_GATHER, "a", "neg", 0, none, none, NULL, "not a whole number");
  indexed("a[[4, 0]]", XI_GATHER, "a", "far", 0, none, none, NULL, "not a whole number");
  indexed("M[[2, 0], [0, 0]]", XI_GATHER, "M", "rowfar", 0, none, none, NULL, "an index");
  indexed("M[[0, 1], [3, 0]] = [5, 5]", XI_PUT, "M", "colfarP", 0, none, none, NULL, "an index");
  indexed("M[[1, 0]]: one row for two axes", XI_GATHER, "M", "onerow", 0, none, none, NULL,
          "a row of indices for each axis");
  indexed("put with no values row", XI_PUT, "M", "TM", 0, none, none, NULL, "a row of values");
  indexed("s[...]", XI_GATHER, "s", "Ta", 0, none, none, NULL, "a scalar has no elements");
  indexed("scatter of 2 values by 3 columns", XI_SCATTERADD, "w2", "TM", 0, MAT(2, 3), none,
          NULL, "one value for each column");
  indexed("gather mode 2", XI_GATHER, "a", "Ta", 2, none, none, NULL, "mode 2 is not 0 or 1");
  domain("GATHER a[[0.5, 1]]", XI_GATHER, "a", "half", none);
  domain("GATHER a[[-1, 0]]", XI_GATHER, "a", "neg", none);
  domain("GATHER a[[4, 0]]", XI_GATHER, "a", "far", none);
  domain("GATHER M[[2, 0], [0, 0]]", XI_GATHER, "M", "rowfar", none);
  domain("PUT M[[0, 1], [3, 0]] = [5, 5]", XI_PUT, "M", "colfarP", none);
  domain("MASKOUT M[[0, 1], [3, 0]]", XI_MASKOUT, "M", "colfar", none);
  domain("SCATTERADD by [[4, 0]] into (4,)", XI_SCATTERADD, "w2", "far", VEC(4));
}

/* xiO_index_of, an index read from a number's bits, against MPFR's own answer
   (mpfr_integer_p, its sign, mpfr_cmp_ui and mpfr_get_ui) on whole numbers, halves, numbers
   one ulp off whole, negatives, zeros of both signs, inf, NaN and numbers past 2^62, at
   precisions of one to four limbs */
static void index_bits(void) {
  static const mpfr_prec_t precs[] = {2, 11, 53, 64, 65, 128, 200};
  mpfr_t x;
  mpfr_init2(x, 64);
  uint64_t r = 12345;
  for (size_t p = 0; p < sizeof precs / sizeof *precs; p++) {
    mpfr_set_prec(x, precs[p]);
    for (int t = 0; t < 20000; t++) {
      r = r * 6364136223846793005u + 1442695040888963407u;
      uint64_t len = (r >> 40) % 5000;
      switch ((r >> 20) % 8) {
      case 0: mpfr_set_ui(x, (r >> 33) % 6000, MPFR_RNDN); break;
      case 1: mpfr_set_ui(x, (r >> 33) % 6000, MPFR_RNDN), mpfr_nextabove(x); break;
      case 2: mpfr_set_ui(x, (r >> 33) % 6000, MPFR_RNDN), mpfr_nextbelow(x); break;
      case 3: mpfr_set_d(x, ((r >> 33) % 6000) + 0.5, MPFR_RNDN); break;
      case 4: mpfr_set_si(x, -(long)((r >> 33) % 6000), MPFR_RNDN); break;
      case 5: mpfr_set_ui_2exp(x, (r >> 33) | 1, (mpfr_exp_t)((r >> 8) % 70), MPFR_RNDN),
              len = (r & 1) ? UINT64_MAX : len; break;
      case 6: mpfr_set_zero(x, (r >> 7) & 1 ? 1 : -1); break;
      default: (r >> 7) & 1 ? mpfr_set_nan(x) : mpfr_set_inf(x, (r >> 6) & 1 ? 1 : -1); break;
      }
      int64_t want = -1;
      if (mpfr_integer_p(x) && mpfr_sgn(x) >= 0 && mpfr_cmp_ui_2exp(x, 1, 62) < 0 &&
          (len == UINT64_MAX || mpfr_cmp_ui(x, len) < 0))
        want = (int64_t)mpfr_get_uj(x, MPFR_RNDN);
      checks++;
      if (xiO_index_of(x, len) != want) {
        if (failures++ < 5)
          mpfr_fprintf(stderr, "xiO_index_of(%Rg at %ld bits, %llu) = %lld, not %lld\n", x,
                       (long)precs[p], (unsigned long long)len,
                       (long long)xiO_index_of(x, len), (long long)want);
      }
    }
  }
  mpfr_clear(x);
}

int main(void) {
  xiR_init(&S, 53, 17);
  index_bits();
  reductions();
  rounding();
  indexing();
  xiR_free(&S);
  printf("%s: %d of %d exact values, shapes and refusals of the reductions, round and "
         "integer-array indexing\n",
         failures ? "FAIL" : "ok", checks - failures, checks);
  return failures ? 1 : 0;
}
