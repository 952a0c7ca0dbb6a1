/* why.c: why grad(L, W): why a gradient vanished (0, or too small to move
 * anything) or exploded (inf, nan), from ONE table of causes: a row is the
 * cause's name, its test on the nodes on a path from W to L, and the standard
 * fix.  A teacher adds a cause here, and nowhere else.  The tests reuse what
 * finds such places already: compare's judgement of a format against the
 * exact values (cmd/compare.c: overflow, underflow, cancellation) and the
 * note on a nan of the adjoints (cmd/notes.c: 0·inf in a branch np.where did
 * not take).  trace prints the first cause found under a leaf's gradient that
 * is 0 or not finite (xiR_why_notes). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd.h"
#include "ops/fmt.h"
#include "tape/names.h"

#define XI_SATURATED "1e-8" /* a σ′ or tanh′ below this at every element: saturated */
#define XI_SMALL 1e-4 /* a gradient element below this in size: one saturation may explain */

typedef struct {
  xiR_session *s;
  xiT_steps *st;
  uint32_t v;    /* W */
  uint8_t *path; /* on a path from W to L (W and L too) */
  xiW_buf *b;    /* the particulars */
  xi_pos at;
  int nan;       /* the gradient holds a nan or an inf */
  int zero;      /* an element of it is 0 */
  int small;     /* an element of it is 0 or below XI_SMALL in size */
  const char *fwd, *rev; /* compare's words for where the format lost the values, the gradient */
  xiW_buf lost[2];       /* and its lines */
  uint32_t fit;          /* the residual p - y perfect_fit found 0 (XI_NONE: none) */
} why;

static void who(const why *w, uint32_t i) { xiT_who(w->st, w->b, i); }

/* node i as trace writes it: "ξ2 = relu(ξ1)" */
static void step(const why *w, uint32_t i) {
  who(w, i);
  xiW_put(w->b, " = ");
  xiT_op(w->st, w->b, i);
}

/* node i's value, its proven digits (4 at most) */
static void value(const why *w, uint32_t i) {
  xiO_view v = xiG_view(&w->s->g.nodes[i]);
  xiW_proof pf;
  xi_err e;
  if (xiR_prove_value(w->s, i, &pf, w->at, &e))
    memset(&pf, 0, sizeof pf);
  xiW_value_proven(w->b, &v, &pf, 4, -1, 0);
}

/* ---- the tests ---- */

static int dead_relu(why *w) {
  const xiG_graph *g = &w->s->g;
  if (!w->zero)
    return 0;
  for (uint32_t i = 0; i <= w->st->root; i++) {
    const xiG_node *n = &g->nodes[i];
    uint32_t z = XI_NONE;
    if (!w->path[i])
      continue;
    if (n->op == XI_RELU)
      z = n->a;
    else if (n->op == XI_MAXIMUM && g->nodes[n->b].op == XI_CONST && mpfr_zero_p(g->nodes[n->b].v))
      z = n->a; /* np.maximum(z, 0) */
    else if (n->op == XI_MAXIMUM && g->nodes[n->a].op == XI_CONST && mpfr_zero_p(g->nodes[n->a].v))
      z = n->b;
    if (z == XI_NONE)
      continue;
    xiO_view v = xiG_view(&g->nodes[z]);
    int dead = 1;
    for (uint32_t k = 0; dead && k < v.n; k++)
      dead = mpfr_number_p(&v.el[k]) && mpfr_sgn(&v.el[k]) <= 0;
    if (!dead)
      continue;
    step(w, i);
    xiW_put(w->b, ": every pre-activation is <= 0 at this input (");
    who(w, z);
    xiW_put(w->b, " = ");
    value(w, z);
    xiW_put(w->b, "), so its derivative is 0 there and nothing passes back");
    return 1;
  }
  return 0;
}

/* node n's derivative (a σ or a tanh) at each element, as balls into d:
   σ(z)σ(-z) and sech²(z) from its operand's proven ball (never 1 - σ, which
   would cancel), or in a format what the sweep takes there, o·(1 - o) and
   1 - o² of the format's o; 0 when it cannot be had */
static int derivatives(why *w, const xiG_node *n, arb_ptr d, uint32_t count, slong *prec) {
  xiW_proof pf;
  xi_err e;
  xiO_view z = xiG_view(&w->s->g.nodes[n->a]), o = xiG_view((xiG_node *)n);
  if (xiR_prove_value(w->s, n->a, &pf, w->at, &e))
    return 0;
  *prec = pf.ball ? pf.prec : (slong)w->s->g.prec + 64;
  arb_t t, u;
  arb_init(t);
  arb_init(u);
  for (uint32_t k = 0; k < count; k++) {
    if (xiO_fmt != XI_FMT_MPFR) { /* the format's numbers, exactly: what its sweep takes */
      arb_set_interval_mpfr(t, &o.el[k], &o.el[k], *prec);
      if (n->op == XI_SIGMOID) {
        arb_sub_ui(u, t, 1, *prec);
        arb_mul(d + k, t, u, *prec);
        arb_neg(d + k, d + k);
      } else {
        arb_sqr(u, t, *prec);
        arb_sub_ui(d + k, u, 1, *prec);
        arb_neg(d + k, d + k);
      }
      continue;
    }
    if (pf.ball)
      arb_set(t, &pf.ball[k]);
    else
      arb_set_interval_mpfr(t, &z.el[k], &z.el[k], *prec);
    if (n->op == XI_SIGMOID) { /* σ(z)·σ(-z) = 1/((1 + e^-z)(1 + e^z)) */
      arb_exp(u, t, *prec);
      arb_add_ui(u, u, 1, *prec);
      arb_neg(t, t);
      arb_exp(t, t, *prec);
      arb_add_ui(t, t, 1, *prec);
      arb_mul(u, u, t, *prec);
      arb_inv(d + k, u, *prec);
    } else {
      arb_sech(u, t, *prec);
      arb_sqr(d + k, u, *prec);
    }
  }
  arb_clear(t);
  arb_clear(u);
  return 1;
}

static int saturated(why *w) {
  const xiG_graph *g = &w->s->g;
  if (w->nan || !w->small)
    return 0; /* (a gradient of inf or nan has another cause; one of -1, through σ(50)'s
                 σ′ of 2e-22 and log(1 - σ)'s 1/(1 - σ), vanished nowhere) */
  arb_t tiny;
  arb_init(tiny);
  arb_set_str(tiny, XI_SATURATED, 64);
  int found = 0;
  for (uint32_t i = 0; i <= w->st->root && !found; i++) {
    const xiG_node *n = &g->nodes[i];
    if (!w->path[i] || (n->op != XI_SIGMOID && n->op != XI_TANH))
      continue;
    uint32_t count = xiG_count(n), most = 0;
    slong prec;
    arb_ptr d = _arb_vec_init(count);
    int all = derivatives(w, n, d, count, &prec);
    for (uint32_t k = 0; all && k < count; k++) {
      all = arb_lt(d + k, tiny); /* proven below it */
      if (arf_cmp(arb_midref(d + k), arb_midref(d + most)) > 0)
        most = k;
    }
    if (all) {
      found = 1;
      char t[XI_FORMAT_ROOM(2)];
      int known;
      xiN_write_ball(t, d + most, 2, &known);
      step(w, i);
      xiW_put(w->b, " at ");
      who(w, n->a);
      xiW_put(w->b, " = ");
      value(w, n->a);
      xiW_put(w->b, ": its derivative %s is %s%s, below %s: the derivative is there but tiny",
              n->op == XI_SIGMOID ? "σ(1 - σ)" : "1 - tanh²", count > 1 ? "at most " : "", t,
              XI_SATURATED);
    }
    _arb_vec_clear(d, count);
  }
  arb_clear(tiny);
  return found;
}

/* compare's words say the format lost a value (or the gradient) there by
   this: its lines */
static int lost_by(why *w, const char *word, const char *word2) {
  int n = 0;
  for (int adj = 0; adj < 2; adj++) {
    const char *t = adj ? w->rev : w->fwd;
    if (t && (strstr(t, word) || (word2 && strstr(t, word2))))
      xiW_put(w->b, "%s%s", n++ ? "; " : "", w->lost[adj].s ? w->lost[adj].s : "");
  }
  return n > 0;
}

static int overflow(why *w) { return lost_by(w, "overflow", "underflow"); }

static int where_branch(why *w) {
  if (!w->nan)
    return 0;
  size_t before = w->b->n;
  if (xiR_adjoint_nan(w->s, w->st->label, 1, w->b) == 1)
    return 1;
  w->b->n = before;
  if (w->b->s)
    w->b->s[before] = '\0';
  return 0;
}

/* ---- a perfect fit: the prediction equals the target ---- */

/* does node i hold 0 at every element?  0: no; 1: exactly (its ball, or in a
   format its numbers, which are what the sweep took); 2: within the bound of
   a ball that holds 0 and proves no digit, written into t */
static int zero_at(why *w, uint32_t i, char *t) {
  xiO_view v = xiG_view(&w->s->g.nodes[i]);
  xiW_proof pf;
  xi_err e;
  int exact = 1;
  if (xiO_fmt != XI_FMT_MPFR || xiR_prove_value(w->s, i, &pf, w->at, &e) || !pf.ball) {
    for (uint32_t k = 0; exact && k < v.n; k++)
      exact = mpfr_zero_p(&v.el[k]);
    return exact;
  }
  uint32_t widest = 0;
  for (uint32_t k = 0; k < v.n; k++) {
    if (arb_is_zero(&pf.ball[k]))
      continue; /* (an exact 0 proves every digit) */
    if (!arb_contains_zero(&pf.ball[k]) || xiN_known(&pf.ball[k], 1) > 0)
      return 0;
    exact = 0;
    if (mag_cmp(arb_radref(&pf.ball[k]), arb_radref(&pf.ball[widest])) > 0)
      widest = k;
  }
  xiN_write_ball(t, &pf.ball[widest], 2, &(int){0});
  return exact ? 1 : 2;
}

/* d is squared (d^2, d·d) or taken |d| by a node on the path: a residual */
static int residual(const why *w, uint32_t d) {
  const xiG_graph *g = &w->s->g;
  for (uint32_t j = d + 1; j <= w->st->root; j++) {
    const xiG_node *n = &g->nodes[j];
    if (!w->path[j] || n->a != d)
      continue;
    if (n->op == XI_ABS || (n->op == XI_MUL && n->b == d) ||
        (n->op == XI_POW && g->nodes[n->b].op == XI_CONST && mpfr_cmp_ui(g->nodes[n->b].v, 2) == 0))
      return 1;
  }
  return 0;
}

/* p and y, elementwise, are equal: 1 exactly (or in a format as held), 2
   within their balls, which prove no digit of p - y; 0 otherwise */
static int equal_at(why *w, uint32_t p, uint32_t y) {
  xiO_view a = xiG_view(&w->s->g.nodes[p]), b = xiG_view(&w->s->g.nodes[y]);
  if (a.n != b.n && b.n != 1)
    return 0;
  xiW_proof pf;
  xi_err e;
  arb_ptr bp = NULL;
  if (xiO_fmt == XI_FMT_MPFR && xiR_prove_value(w->s, p, &pf, w->at, &e) == 0 && pf.ball) {
    bp = _arb_vec_init(a.n); /* (copied: the next proof overwrites the scratch ball) */
    _arb_vec_set(bp, pf.ball, a.n);
  }
  int has = bp && xiR_prove_value(w->s, y, &pf, w->at, &e) == 0 && pf.ball, eq = 1;
  arb_t d;
  arb_init(d);
  for (uint32_t k = 0; eq && k < a.n; k++) {
    uint32_t kb = b.n == 1 ? 0 : k;
    if (!has) {
      eq = mpfr_equal_p(&a.el[k], &b.el[kb]);
      continue;
    }
    arb_sub(d, bp + k, &pf.ball[kb], pf.prec > 64 ? pf.prec : 64);
    eq = arb_is_zero(d) ? eq : arb_contains_zero(d) && xiN_known(d, 1) == 0 ? 2 : 0;
  }
  arb_clear(d);
  if (bp)
    _arb_vec_clear(bp, a.n);
  return eq;
}

/* the operand of a weighted log term (y·log(p), -y·log(p)) that is not the log */
static uint32_t weight_of(const xiG_graph *g, uint32_t i, uint32_t lg) {
  const xiG_node *n = &g->nodes[i];
  if (n->op != XI_MUL || (n->a != lg && n->b != lg))
    return XI_NONE;
  uint32_t y = n->a == lg ? n->b : n->a;
  return g->nodes[y].op == XI_NEG ? g->nodes[y].a : y;
}

/* binary cross-entropy, -y·log(p) - (1 - y)·log(1 - p), at p = y: the
   target y found as the weight of log(p), next to a log(1 - p) on the path */
static int cross_entropy_fit(why *w) {
  const xiG_graph *g = &w->s->g;
  for (uint32_t lg = 0; lg <= w->st->root; lg++) {
    uint32_t p = g->nodes[lg].a, y = XI_NONE, other = 0;
    if (!w->path[lg] || g->nodes[lg].op != XI_LOG)
      continue;
    for (uint32_t j = lg + 1; j <= w->st->root; j++) {
      const xiG_node *n = &g->nodes[j];
      if (!w->path[j])
        continue;
      if (y == XI_NONE)
        y = weight_of(g, j, lg);
      other |= n->op == XI_LOG && g->nodes[n->a].op == XI_SUB && g->nodes[n->a].b == p &&
               g->nodes[g->nodes[n->a].a].op == XI_CONST && mpfr_cmp_ui(g->nodes[g->nodes[n->a].a].v, 1) == 0;
    }
    int z = y != XI_NONE && other ? equal_at(w, p, y) : 0;
    if (!z)
      continue;
    who(w, p);
    xiW_put(w->b, " equals ");
    who(w, y);
    xiW_put(w->b, "%s%s: ", xiG_is_tensor(&g->nodes[p]) ? " at every element" : "",
            z == 2 ? " to every bit the precision holds" : "");
    step(w, lg);
    xiW_put(w->b, " is weighed by it, with log(1 - ");
    who(w, p);
    xiW_put(w->b, ") by 1 - ");
    who(w, y);
    xiW_put(w->b, ": the cross-entropy is at its minimum here (p - y = 0) and its gradient is 0");
    return 1;
  }
  return 0;
}

/* a residual p - y of a squared (or absolute) error that is 0 at every
   element: the loss is at its minimum, and the gradient 0 is right there.
   (Exactly 0 in a format, but not in the exact values, is compare's
   cancellation, not a fit.) */
static int perfect_fit(why *w) {
  const xiG_graph *g = &w->s->g;
  if (w->nan || !w->zero || (w->fwd && strstr(w->fwd, "cancel")))
    return 0;
  for (uint32_t i = 0; i <= w->st->root; i++) {
    char t[XI_FORMAT_ROOM(10)];
    int z;
    if (!w->path[i] || g->nodes[i].op != XI_SUB || !residual(w, i) || !(z = zero_at(w, i, t)))
      continue;
    w->fit = i;
    who(w, g->nodes[i].a);
    xiW_put(w->b, " equals ");
    who(w, g->nodes[i].b);
    xiW_put(w->b, z == 1 ? "%s: " : " to every bit the precision holds%s: ",
            xiG_is_tensor(&g->nodes[i]) ? " at every element" : "");
    step(w, i);
    if (z == 1)
      xiW_put(w->b, " is 0, so the loss is at its minimum here (p - y = 0) and its gradient is 0");
    else
      xiW_put(w->b, " is %s, so the loss is at its minimum here, or nearer it than the precision "
                    "tells (p - y ≈ 0): the gradient is 0, or too small to move anything (a "
                    "higher prec tells an exact fit from a difference below the bound)", t);
    return 1;
  }
  return cross_entropy_fit(w);
}

/* a sum or difference whose ball proves no digit (MPFR), or compare's cancellation */
static int cancellation(why *w) {
  if (xiO_fmt != XI_FMT_MPFR)
    return lost_by(w, "cancellation", NULL);
  const xiG_graph *g = &w->s->g;
  for (uint32_t i = 0; i <= w->st->root; i++) {
    int op = g->nodes[i].op;
    if (!w->path[i] || (op != XI_SUB && op != XI_ADD) || xiG_is_tensor(&g->nodes[i]) ||
        i == w->fit)
      continue; /* (a fit's residual is 0 because p = y: perfect_fit says so) */
    xiW_proof pf;
    xi_err e;
    if (xiR_prove_value(w->s, i, &pf, w->at, &e) || !pf.ball || arb_is_exact(pf.ball) ||
        xiN_known(pf.ball, 1) > 0)
      continue;
    char t[XI_FORMAT_ROOM(10)];
    xiN_write_ball(t, pf.ball, 2, &(int){0});
    step(w, i);
    xiW_put(w->b, " is %s at %ld bits: the terms cancelled every bit the precision held", t,
            (long)pf.prec);
    return 1;
  }
  return 0;
}

static int log_zero(why *w) {
  const xiG_graph *g = &w->s->g;
  for (uint32_t i = 0; i <= w->st->root; i++) {
    const xiG_node *n = &g->nodes[i];
    if (!w->path[i] || n->op != XI_LOG)
      continue;
    xiO_view v = xiG_view(&g->nodes[n->a]);
    int zero = 0;
    for (uint32_t k = 0; k < v.n; k++)
      zero |= mpfr_zero_p(&v.el[k]);
    if (!zero)
      continue;
    step(w, i);
    xiW_put(w->b, " takes 0 (");
    who(w, n->a);
    xiW_put(w->b, " = ");
    value(w, n->a);
    xiW_put(w->b, "): log 0 is -inf, and its derivative 1/0 is inf");
    return 1;
  }
  return 0;
}

typedef struct {
  const char *name;
  int (*test)(why *w);
  const char *fix;
} cause;

static const cause causes[] = {
    {"a perfect fit", perfect_fit,
     "none needed: at a perfect fit the gradient is 0, as it should be"},
    {"a cancellation", cancellation,
     "do not subtract numbers that were rounded and nearly equal: 1 - σ(x) is σ(-x), and "
     "log(1 - σ(x)) is log_sigmoid(-x) = -softplus(x), which keep every bit (or a higher "
     "prec)"},
    {"a log of 0 in the loss", log_zero,
     "clip what the log takes, np.log(np.clip(p, 1e-7, 1 - 1e-7)), or add an epsilon as seed "
     "001 does (np.log(p + 1e-10)); seed 002 clips the logits instead, "
     "1/(1 + np.exp(-np.clip(z, -500, 500)))"},
    {"0·inf in a branch np.where did not take", where_branch,
     "make the branch that is thrown away safe too: np.where(c, f(np.where(c, x, 1)), 0), so "
     "that its derivative is finite where it is not used"},
    {"an overflow or underflow of the format", overflow,
     "a wider format for what overflowed (binary32; binary16 keeps a binary32 copy of the "
     "weights), loss scaling for binary16's underflow (the loss times 2^k, the gradient divided "
     "back), or the log domain (log_softmax, logsumexp)"},
    {"a dead ReLU", dead_relu,
     "a leaky ReLU (a small slope below 0), a smaller learning rate, He initialization, or a "
     "bias that starts a little above 0"},
    {"a saturated sigmoid or tanh", saturated,
     "inputs standardized, weights started smaller (Xavier/Glorot), and a loss on a sigmoid "
     "computed from the logits (log_sigmoid, softplus: cross-entropy with logits)"},
};
enum { NCAUSES = sizeof causes / sizeof *causes };

/* ---- the causes of one gradient ---- */

/* the nodes on a path from v to the steps' root */
static uint8_t *path_from(const xiT_steps *st, uint32_t v) {
  uint8_t *p = calloc((size_t)st->root + 1, 1);
  if (!p || v > st->root)
    return p;
  p[v] = 1;
  for (uint32_t i = v + 1; i <= st->root; i++)
    for (uint32_t k = 0; st->xi[i] && k < xiG_nargs(&st->g->nodes[i]); k++)
      p[i] |= p[xiG_arg(&st->g->nodes[i], k)];
  return p;
}

/* each cause of the table that applies to ∂root/∂v, written into out, a
   line each (first: only the first); how many, or -1 */
static int find(xiR_session *s, xiT_steps *st, uint32_t v, int first, xiW_buf *out, xi_pos at,
                xi_err *err) {
  why w = {s, st, v, path_from(st, v), out, at, 0, 0, 0, NULL, NULL, {{0}, {0}}, XI_NONE};
  if (!w.path)
    return xiX_fail(err, at, "out of memory");
  xiO_view g;
  if (xiD_adj_view(st->s, st->g, v, &g) == 0)
    for (uint32_t k = 0; k < g.n; k++) {
      w.nan |= !mpfr_number_p(&g.el[k]), w.zero |= mpfr_zero_p(&g.el[k]);
      w.small |= mpfr_number_p(&g.el[k]) && fabs(mpfr_get_d(&g.el[k], MPFR_RNDN)) < XI_SMALL;
    }
  else
    w.zero = w.small = 1;
  int found = 0;
  xi_err cerr; /* (compare's exact column may not exist: sqrt's derivative at 0) */
  if (xiR_compare_faults(s, st, w.lost, &w.fwd, &w.rev, at, &cerr) < 0 && s->interrupt) {
    *err = cerr;
    free(w.path);
    xiW_free(&w.lost[0]);
    xiW_free(&w.lost[1]);
    return -1;
  }
  if (!w.fwd && !w.rev) { /* (what a failed comparison left) */
    xiW_free(&w.lost[0]);
    xiW_free(&w.lost[1]);
  }
  for (int r = 0; r < NCAUSES && !(first && found); r++) {
    size_t before = out->n;
    xiW_put(out, first ? "%s: " : "  %s: ", causes[r].name);
    if (causes[r].test(&w)) {
      found++;
      xiW_put(out, first ? "; fix: %s" : "\n    fix: %s\n", causes[r].fix);
    } else {
      out->n = before;
      if (out->s)
        out->s[before] = '\0';
    }
  }
  free(w.path);
  xiW_free(&w.lost[0]);
  xiW_free(&w.lost[1]);
  return found;
}

int xiR_cmd_why(xiR_session *s, const xiP_stmt *st, xi_err *err) {
  uint32_t mark = s->g.n, e;
  if (xiR_evaluate(s, st, &e, err))
    return -1;
  const xiG_node *n = &s->g.nodes[e];
  if (n->op != XI_GRAD) {
    xiG_truncate(&s->g, mark);
    return xiX_fail(err, st->pos, "why explains a gradient: why grad(L, W)");
  }
  uint32_t root = n->a, v = n->b;
  const char *name = xiG_name_of(&s->g, root), *t = s->src + st->text_off;
  char *label = NULL;
  size_t len = st->text_len, comma = 0;
  if (name)
    label = strdup(name);
  else if (len > 6 && !strncmp(t, "grad(", 5)) { /* grad(sum(h), W): (sum(h)) */
    for (size_t i = 5, depth = 0; i < len; i++) {
      depth += (t[i] == '(' || t[i] == '[') - (t[i] == ')' || t[i] == ']');
      if (t[i] == ',' && depth == 0)
        comma = i;
    }
    if (comma && (label = malloc(comma)))
      snprintf(label, comma, "(%.*s)", (int)(comma - 5), t + 5);
  }
  if (!label)
    label = strdup("L");
  xiT_steps steps;
  int rc = label ? xiR_prepare(s, root, label, &v, 1, XI_T_TEXT, &steps, st->pos, err)
                 : xiX_fail(err, st->pos, "out of memory");
  if (rc == 0) {
    xiW_buf out = {0};
    uint32_t w = steps.index[v] != UINT32_MAX ? v : XI_NONE;
    xiO_view g;
    int zero = w == XI_NONE || xiD_adj_view(steps.s, steps.g, v, &g) != 0, bad = 0, nz = 0;
    for (uint32_t k = 0; !zero && k < g.n; k++)
      bad |= !mpfr_number_p(&g.el[k]), nz |= !mpfr_zero_p(&g.el[k]);
    zero |= !nz && !bad;
    xiW_put(&out, "why ∂%s/∂", label);
    xiT_who(&steps, &out, v);
    xiW_put(&out, " = ");
    xiW_proof pf = {0}; /* its proven digits (in a format, the format's numbers) */
    if (w != XI_NONE)
      xiT_adjoint_proof(&steps, &steps.step[steps.index[v]], &pf);
    if (zero && pf.ball) { /* 0 as computed, not exactly: the bound the balls prove */
      g = xiG_view(&s->g.nodes[v]);
      g.el = xiM_block(g.n, s->g.prec);
      if (g.el)
        xiW_value_proven(&out, &g, &pf, 4, -1, 0);
      xiM_unblock(g.el);
    } else if (zero) {
      xiW_put(&out, "0");
    } else {
      xiW_value_proven(&out, &g, &pf, 4, -1, 0);
    }
    xiW_put(&out, ":\n");
    int found = w == XI_NONE ? 0 : find(s, &steps, v, 0, &out, st->pos, err);
    rc = found < 0 ? -1 : 0;
    if (found == 0)
      xiW_put(&out, zero || bad ? "  no cause of the table explains it\n"
                                : "  it is not 0, and finite; no cause of the table applies\n");
    if (rc == 0)
      rc = xiR_emit(&out, st->pos, err);
    xiW_free(&out);
    xiT_steps_free(&steps);
  }
  free(label);
  if (rc)
    xiG_truncate(&s->g, mark);
  return rc;
}

char **xiR_why_notes(xiR_session *s, xiT_steps *st, xi_pos at) {
  if (!st->reverse)
    return NULL;
  char **note = calloc(st->n + 1, sizeof *note);
  for (uint32_t k = 0; note && k < st->n; k++) {
    const xiT_step *p = &st->step[k];
    xiO_view g;
    if (!p->leaf || p->node == st->root || st->g->nodes[p->node].op == XI_CONST)
      continue;
    int zero = xiT_adjoint(st, p, &g) != 0, bad = 0, nonzero = 0;
    for (uint32_t e = 0; !zero && e < g.n; e++)
      bad |= !mpfr_number_p(&g.el[e]), nonzero |= !mpfr_zero_p(&g.el[e]);
    if (!zero && !bad && nonzero)
      continue;
    xiW_buf b = {0};
    xi_err err;
    if (find(s, st, p->node, 1, &b, at, &err) > 0 && !b.failed)
      note[k] = b.s;
    else
      xiW_free(&b);
  }
  return note;
}
