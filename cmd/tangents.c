/* tangents.c: the tangents command, forward mode shown as trace shows the
 * reverse sweep.  trace's forward list (each node of L in the order it was
 * built, its operation and its value) and beside each node ξ that depends on
 * x its tangent ξ̇ = ∂ξ/∂x · ẋ, built from its operands' tangents by the chain
 * rule forward: ξ̇ = Σ over the operands a of ξ of ȧ · ∂ξ/∂a.  The tangents
 * are grad/tangent.c's nodes, those jvp(L, x, dx) is made of; only the text
 * is here (written by show/form.c's writer, as trace's is), and the balls
 * that prove its digits: each value's, each tangent's and each scalar
 * partial's, as trace proves its own.  Then what forward mode costs for the
 * whole gradient, against reverse mode.  The ξ numbers are trace's, and become the session's labels
 * as trace's do (grad(L, ξ3) after it). */
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd.h"
#include "grad/probe.h"
#include "grad/tangent.h"
#include "show/form.h"
#include "show/print.h"
#include "show/trace.h"
#include "tape/names.h"

typedef struct {
  xiR_session *s;
  xiG_graph *g;
  uint32_t *xi;  /* ξ number of each node under the root; UINT32_MAX for named ones
                    and constants; 0 off the cone */
  uint8_t *dep;  /* dep[i]: node i depends on x (x itself too) */
  uint32_t *tan; /* tan[i - v]: node i's tangent (XI_NONE: 0) */
  uint32_t v, root;
  int digits;
  const char *val_on, *tan_on, *off;
  /* the balls that prove the digits printed (NULL under an IEEE format) */
  xiB_balls *balls;
  slong prec;
  const arb_struct **vb; /* vb[i]: node i's value's (i <= root, in the cone) */
  const arb_struct **tb; /* tb[i - v]: node i's tangent's */
  arb_ptr pb;            /* pb[2(i - v) + k]: ∂i/∂(its operand k), i a scalar */
} shower;

static void number(shower *t, xiW_buf *b, const char *color, mpfr_srcptr x,
                   const arb_struct *ball, int paren) {
  xiW_put(b, "%s", color);
  xiT_w_number(XI_T_TEXT, b, x, ball, t->digits, paren);
  xiW_put(b, "%s", t->off);
}

/* a value on one line, a number or a tensor, its node i's; ball proves it */
static void value(shower *t, xiW_buf *b, const char *color, uint32_t i, const arb_struct *ball) {
  xiO_view v = xiG_view(&t->g->nodes[i]);
  xiW_proof pf = {.ball = ball, .prec = t->prec, .least = t->digits}; /* (a raised precision: said once, above) */
  xiW_put(b, "%s", color);
  xiW_value_proven(b, &v, t->balls ? &pf : NULL, t->digits, -1, 0);
  xiW_put(b, "%s", t->off);
}

/* node i's tangent's balls, or NULL (none made: an IEEE format) */
static const arb_struct *tball(const shower *t, uint32_t i) {
  return t->tb ? t->tb[i - t->v] : NULL;
}

/* the writer show/form.c names nodes and writes forms with, as trace's, in
   forward mode: A and B are the operands' tangents; dot: node dot is written
   as its tangent (XI_NONE: none) */
static xiT_writer writer(const shower *t, uint32_t dot) {
  return (xiT_writer){t->g, t->xi, t->root + 1, t->digits, XI_T_TEXT, "", 1, dot};
}

/* as trace names it: ξ3, W, a constant as typed */
static void name_node(shower *t, xiW_buf *b, uint32_t i) {
  xiT_writer w = writer(t, XI_NONE);
  xiT_w_name(&w, b, i);
}

/* node i's tangent: ξ̇3, Ẇ, ẋ */
static void dotted(shower *t, xiW_buf *b, uint32_t i) {
  xiT_writer w = writer(t, XI_NONE);
  xiT_w_dotted(&w, b, i);
}

/* a form in a, b, o (the operands, the node) and A, B (their tangents) */
static void subst(shower *t, xiW_buf *b, const char *form, uint32_t node) {
  xiT_writer w = writer(t, XI_NONE);
  xiT_w_form(&w, b, form, node);
}

/* node i's operation, its operands named, as trace writes it; with dot, its
   first operand dotted (the op applied to a tangent: a linear op's) */
static void operation(shower *t, xiW_buf *b, uint32_t i, int dot) {
  xiT_writer w = writer(t, dot ? t->g->nodes[i].a : XI_NONE);
  xiT_w_op(&w, b, i);
}

static int has_tangent(const shower *t, uint32_t o) {
  return o != XI_NONE && o >= t->v && t->tan[o - t->v] != XI_NONE;
}

/* ȧ · ∂ξ/∂a summed over the operands of elementwise node i; the numbers too
   when every value is a scalar */
static void chain(shower *t, xiW_buf *b, uint32_t i) {
  const xiG_node *n = &t->g->nodes[i];
  const xiO_row *row = &xiO_table[n->op];
  xiW_buf numbers = {0};
  int terms = 0, scalar = !xiG_is_tensor(n);
  for (int k = 0; k < row->arity; k++) {
    uint32_t o = k ? n->b : n->a;
    const char *d = row->d[k];
    if (!has_tangent(t, o) || strcmp(d, "0") == 0)
      continue;
    scalar &= !xiG_is_tensor(&t->g->nodes[o]);
    xiW_put(b, terms ? " + " : "");
    dotted(t, b, o);
    xiW_put(b, scalar ? " · " : " ⊙ ");
    xiW_put(b, xiT_additive(d) ? "(" : "");
    subst(t, b, d, i);
    xiW_put(b, xiT_additive(d) ? ")" : "");
    xiW_put(&numbers, terms++ ? " + " : "");
    number(t, &numbers, t->tan_on, t->g->nodes[t->tan[o - t->v]].v, tball(t, o), 1);
    xiW_put(&numbers, " · ");
    if (scalar) { /* the partial's value, as the sweep takes it */
      const xiG_node *na = &t->g->nodes[n->a], *nb = n->b == XI_NONE ? na : &t->g->nodes[n->b];
      mpfr_t tmp;
      mpfr_init2(tmp, t->g->prec);
      number(t, &numbers, "", row->partial(k, tmp, n->v, na->v, nb->v),
             t->pb ? &t->pb[2 * (i - t->v) + (uint32_t)k] : NULL, 1);
      mpfr_clear(tmp);
    }
  }
  if (scalar && terms && numbers.s)
    xiW_put(b, " = %s", numbers.s);
  if (!terms)
    xiW_put(b, "0");
  xiW_free(&numbers);
}

/* the forms of the ops whose tangent is their vjp transposed */
static const char *transposed_form(int op) {
  switch (op) {
  case XI_SOFTMAX: return "o ⊙ (A - Σ A⊙o)";
  case XI_LOG_SOFTMAX: return "A - Σ softmax(a)⊙A";
  case XI_MAX: return "A at the max";
  case XI_CROSS_ENTROPY: return "Σ (softmax(a) - onehot(b))⊙A / batch";
  case XI_PUT: return "put(A, B)";
  default: return "∂o/∂a · A";
  }
}

/* ξ̇ = how it is built = its value */
static void tangent(shower *t, xiW_buf *b, uint32_t i) {
  const xiG_node *n = &t->g->nodes[i];
  dotted(t, b, i);
  xiW_put(b, " = ");
  uint32_t ti = t->tan[i - t->v];
  if (i == t->v) {
    value(t, b, t->tan_on, ti, tball(t, i));
    xiW_put(b, "   (the direction)");
    return;
  }
  int rule = xiF_rule(t->g, i), a = has_tangent(t, n->a), bb = has_tangent(t, n->b);
  if (rule == XIF_ELEMENTWISE) {
    chain(t, b, i);
  } else if (rule == XIF_LIST) {
    xiW_put(b, "[");
    for (uint32_t k = 0; k < n->x->nargs; k++) {
      xiW_put(b, k ? ", " : "");
      if (has_tangent(t, n->x->args[k]))
        dotted(t, b, n->x->args[k]);
      else
        xiW_put(b, "0");
    }
    xiW_put(b, "]");
  } else if (rule == XIF_LINEAR && a) {
    operation(t, b, i, 1);
  } else if (rule == XIF_BILINEAR) {
    const char *l = n->op == XI_MATMUL ? "A @ b" : "outer(A, b)";
    const char *r = n->op == XI_MATMUL ? "a @ B" : "outer(a, B)";
    if (a)
      subst(t, b, l, i);
    xiW_put(b, a && bb ? " + " : "");
    if (bb)
      subst(t, b, r, i);
  } else if (rule == XIF_TRANSPOSED && (a || bb)) {
    subst(t, b, transposed_form(n->op), i);
  }
  if (ti == XI_NONE) { /* no term, or only operands whose tangents are 0 */
    if (rule != XIF_ELEMENTWISE)
      xiW_put(b, rule == XIF_NONE ? "0   (its derivative is 0)" : " = 0");
    return;
  }
  if (rule != XIF_ELEMENTWISE || xiG_is_tensor(n)) {
    xiW_put(b, " = ");
    value(t, b, t->tan_on, ti, tball(t, i));
  } else {
    xiW_put(b, " = ");
    number(t, b, t->tan_on, t->g->nodes[ti].v, tball(t, i), 0);
  }
}

/* display columns: code points, without the combining ones (the dot) */
static int columns(const char *s) {
  int n = 0;
  for (const unsigned char *p = (const unsigned char *)s; p && *p; p++)
    n += (*p & 0xC0) != 0x80 && !(p[0] == 0xCC && p[1] >= 0x80) &&
         !(p[0] == 0xCD && p[1] < 0xB0);
  return n;
}

/* the leaves under root, and their elements: what forward mode must sweep once
   each for the whole gradient */
static void inputs(shower *t, xiW_buf *b, uint64_t *elements) {
  uint32_t named = 0;
  *elements = 0;
  for (uint32_t i = 0; i <= t->root; i++) {
    if (!t->xi[i] || t->g->nodes[i].op != XI_LEAF)
      continue;
    *elements += xiG_count(&t->g->nodes[i]);
    if (named++ < 6) {
      xiW_put(b, named > 1 ? ", " : "");
      name_node(t, b, i);
    } else if (named == 7) {
      xiW_put(b, ", …");
    }
  }
}

static void listing(shower *t, xiW_buf *out, const char *label, const char *x) {
  xiG_graph *g = t->g;
  uint32_t n = 0;
  for (uint32_t i = 0; i <= t->root; i++)
    n += t->xi[i] && g->nodes[i].op != XI_CONST;
  xiW_buf *left = calloc(n ? n : 1, sizeof *left), *right = calloc(n ? n : 1, sizeof *right);
  if (!left || !right) {
    out->failed = XI_W_MEMORY;
    free(left), free(right);
    return;
  }
  int width = 0;
  for (uint32_t i = 0, q = 0; i <= t->root; i++) {
    if (!t->xi[i] || g->nodes[i].op == XI_CONST)
      continue;
    if (g->interrupt && *g->interrupt) { /* ^C: nothing is written */
      out->failed = XI_W_STOPPED;
      break;
    }
    xiW_buf who = {0};
    name_node(t, &who, i);
    int pad = 8 - columns(who.s);
    xiW_put(&left[q], "  %s%*s = ", who.s ? who.s : "", pad > 0 ? pad : 0, "");
    xiW_free(&who);
    if (g->nodes[i].op != XI_LEAF) {
      operation(t, &left[q], i, 0);
      xiW_put(&left[q], " = ");
    }
    value(t, &left[q], t->val_on, i, t->vb ? t->vb[i] : NULL);
    xiW_put(&left[q], g->nodes[i].op == XI_LEAF ? "   (leaf)" : "");
    if (t->dep[i])
      tangent(t, &right[q], i);
    int w = columns(left[q].s);
    width = t->dep[i] && w > width && w <= 44 ? w : width;
    q++;
  }
  xiW_put(out, "forward: each node of %s in the order it was built, and its tangent "
               "ξ̇ = ∂ξ/∂%s · ", label, x);
  dotted(t, out, t->v);
  xiW_put(out, ",\n  which is Σ over the operands a of ξ of ȧ · ∂ξ/∂a");
  if (t->balls && t->prec > (slong)g->prec) /* digits N exact raised it */
    xiW_put(out, " (digits proven at %ld bits)", (long)t->prec);
  xiW_put(out, "\n");
  for (uint32_t q = 0; q < n; q++) {
    if (left[q].failed || right[q].failed)
      out->failed = left[q].failed ? left[q].failed : right[q].failed;
    xiW_put(out, "%s", left[q].s ? left[q].s : "");
    if (right[q].s)
      xiW_put(out, "%*s   %s", width > columns(left[q].s) ? width - columns(left[q].s) : 0, "",
              right[q].s);
    xiW_put(out, "\n");
    xiW_free(&left[q]);
    xiW_free(&right[q]);
  }
  free(left);
  free(right);
}

/* ---- the balls ---- */

/* the balls of what listing and cost print, at the balls' precision */
static int prove_once(shower *t, xi_pos at, xi_err *err) {
  xiG_graph *g = t->g;
  t->prec = xiB_prec(t->balls);
  for (uint32_t i = 0; i <= t->root; i++) {
    xiO_bview bv;
    if (!t->xi[i] || g->nodes[i].op == XI_CONST)
      continue;
    if (xiB_ball(t->balls, i, &bv, at, err))
      return -1;
    t->vb[i] = bv.el;
    if (i < t->v || !t->dep[i] || t->tan[i - t->v] == XI_NONE)
      continue;
    if (xiB_ball(t->balls, t->tan[i - t->v], &bv, at, err))
      return -1;
    t->tb[i - t->v] = bv.el;
    const xiG_node *n = &g->nodes[i];
    if (i == t->v || xiF_rule(g, i) != XIF_ELEMENTWISE || xiG_is_tensor(n))
      continue;
    for (int k = 0; k < xiO_table[n->op].arity; k++) { /* chain's numbers */
      uint32_t o = k ? n->b : n->a;
      if (has_tangent(t, o) && !xiG_is_tensor(&g->nodes[o]) &&
          xiB_partial(t->balls, i, k, &t->pb[2 * (i - t->v) + (uint32_t)k], at, err))
        return -1;
    }
  }
  return 0;
}

static int enough(const shower *t, int digits) {
  for (uint32_t i = 0; i <= t->root; i++)
    if (t->vb[i] && !xiB_enough(t->vb[i], xiG_count(&t->g->nodes[i]), digits))
      return 0;
  for (uint32_t i = t->v; i <= t->root; i++)
    if (t->tb[i - t->v] &&
        !xiB_enough(t->tb[i - t->v], xiG_count(&t->g->nodes[t->tan[i - t->v]]), digits))
      return 0;
  return xiB_enough(t->pb, 2 * (t->root - t->v + 1), digits);
}

/* every value, tangent and partial printed, proven; under digits N exact,
   the balls' precision raised until N digits of each are (as trace does) */
static int prove(shower *t, int exact, xi_pos at, xi_err *err) {
  uint32_t n = t->root - t->v + 1;
  t->vb = calloc(t->root + 1, sizeof *t->vb);
  t->tb = calloc(n, sizeof *t->tb);
  t->pb = _arb_vec_init(2 * n); /* (zeros: exact, for the partials not printed) */
  if (!t->vb || !t->tb)
    return -1;
  for (slong p = xiB_prec(t->balls);;) {
    xiB_set_prec(t->balls, p == (slong)t->g->prec ? 0 : p);
    if (prove_once(t, at, err))
      return -1;
    if (!exact || enough(t, exact) || !(p = xiB_raise(p)))
      return 0;
  }
}

/* what it gave, and what the whole gradient would cost */
static void cost(shower *t, xiW_buf *out, const char *label, const char *x) {
  xiW_buf names = {0};
  uint64_t in;
  inputs(t, &names, &in);
  uint32_t m = xiG_count(&t->g->nodes[t->root]), w = xiG_count(&t->g->nodes[t->v]);
  int tensor = xiG_is_tensor(&t->g->nodes[t->root]);
  dotted(t, out, t->root);
  xiW_put(out, " = ");
  if (t->tan[t->root - t->v] == XI_NONE)
    xiW_put(out, "0");
  else
    value(t, out, t->tan_on, t->tan[t->root - t->v], tball(t, t->root));
  xiW_put(out, ": one forward sweep gives one directional derivative, ∂%s/∂%s · ", label, x);
  dotted(t, out, t->v);
  xiW_put(out, "\ncost: the whole %s of %s, by its %llu input element%s (%s), takes\n",
          tensor ? "Jacobian" : "gradient", label, (unsigned long long)in, in == 1 ? "" : "s",
          names.s ? names.s : "");
  xiW_put(out, "  forward mode: %llu sweep%s, one per input element", (unsigned long long)in,
          in == 1 ? "" : "s");
  if (w > 1 && w < in)
    xiW_put(out, " (%u for ∂%s/∂%s alone)", w, label, x);
  if (tensor)
    xiW_put(out, "\n  reverse mode: %u sweeps, one per element of %s\n", m, label);
  else
    xiW_put(out, "\n  reverse mode: 1 sweep (trace %s shows it)\n", label);
  if (names.failed)
    out->failed = names.failed;
  xiW_free(&names);
}

int xiR_cmd_tangents(xiR_session *s, const xiP_stmt *st, xi_err *err) {
  xiG_graph *g = &s->g;
  uint32_t mark = g->n, root, v, dir, *tan = NULL;
  char *label = xiR_label(s, st);
  shower t = {.s = s, .g = g, .digits = s->digits, .val_on = "", .tan_on = "", .off = ""};
  xiW_buf out = {0};
  int rc = -1;
  if (!label) {
    xiX_fail(err, st->pos, "out of memory");
    goto done;
  }
  if (st->nnames > 1) {
    xiX_fail(err, st->name_pos[1], "tangents follows one direction: one name after wrt");
    goto done;
  }
  if (xiR_evaluate(s, st, &root, err) || xiG_no_tuple(g, root, st->pos, "tangents", err) ||
      xiR_wrt_nodes(s, st, root, label, &v, err))
    goto done;
  if (st->nitems) { /* the direction given, of x's shape */
    if (xiG_exec(g, &st->items[0].code, NULL, NULL, 0, &dir, err) ||
        xiG_no_tuple(g, dir, st->items[0].pos, "a direction", err))
      goto done;
    xi_shape sx = xiG_shape(&g->nodes[v]), sd = xiG_shape(&g->nodes[dir]);
    if (!xiO_same_shape(&sx, &sd)) {
      char a[48], b[48];
      xiO_shape_text(&sd, a, sizeof a);
      xiO_shape_text(&sx, b, sizeof b);
      xiX_fail(err, st->items[0].pos, "the direction must have %s's shape: it has %s, and %s %s",
               xiS_name(&g->sym, st->names[0]), sd.rank ? a : "none (a scalar)",
               xiS_name(&g->sym, st->names[0]), sx.rank ? b : "is a scalar");
      goto done;
    }
  } else { /* ones of x's shape */
    xiO_view ones = xiG_view(&g->nodes[v]);
    ones.el = xiM_block(ones.n, g->prec);
    for (uint32_t k = 0; ones.el && k < ones.n; k++)
      mpfr_set_ui(&ones.el[k], 1, MPFR_RNDN);
    ones.dtype = XI_DT_FLOAT;
    dir = ones.el ? xiG_leaf(g, &ones, st->pos) : XI_NONE;
    xiM_unblock(ones.el);
    if (dir == XI_NONE) {
      xiG_oom(g, st->pos, err);
      goto done;
    }
  }
  /* grad(...) values under L are shown built, as trace shows them */
  if (xiC_unfold(&s->sweep, g, &root, XID_ALL, &v, 1, st->pos, err) ||
      xiF_build(&s->sweep, g, &root, &v, dir, st->pos, &tan, err))
    goto done;
  t.root = root, t.v = v, t.tan = tan;
  t.xi = calloc(root + 1, sizeof *t.xi);
  t.dep = calloc(root + 1, 1);
  if (!t.xi || !t.dep || xiG_number_cone(t.g, t.root, t.xi)) { /* trace's ξ numbers */
    xiG_oom(g, st->pos, err);
    goto done;
  }
  t.dep[v] = 1;
  for (uint32_t i = v + 1; i <= root; i++)
    for (uint32_t k = 0; k < xiG_nargs(&g->nodes[i]) && !t.dep[i]; k++)
      t.dep[i] = xiG_arg(&g->nodes[i], k) >= v && t.dep[xiG_arg(&g->nodes[i], k)];
  if (s->color)
    t.val_on = "\033[32m", t.tan_on = "\033[36m", t.off = "\033[0m";
  if ((t.balls = xiR_balls(s)) && prove(&t, s->exact ? s->digits : 0, st->pos, err)) {
    if (!t.vb || !t.tb)
      xiG_oom(g, st->pos, err);
    goto done;
  }
  if (t.balls && s->exact)
    s->exact_prec = t.prec; /* (the next print starts there) */
  const char *x = xiS_name(&g->sym, st->names[0]);
  listing(&t, &out, label, x);
  cost(&t, &out, label, x);
  rc = xiR_emit(&out, st->pos, err);
done:
  xiW_free(&out);
  free(t.xi);
  free(t.dep);
  free(t.vb);
  free(t.tb);
  if (t.pb)
    _arb_vec_clear(t.pb, 2 * (t.root - t.v + 1));
  free(tan);
  free(label);
  /* the nodes under L stay (the ξ labels name them); the tangents go */
  xiG_truncate(g, rc == 0 && root + 1 > mark ? root + 1 : mark);
  return rc;
}
