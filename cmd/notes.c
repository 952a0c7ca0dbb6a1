/* notes.c: in an IEEE format inf and nan are values, not errors; these notes
 * say where they came from, after trace and grad: the first inf and the
 * first nan among the values (exp(20) > 65504, inf - inf), and the first nan
 * of the adjoints, which a forward sweep without one can still give: a
 * share g·p of 0·inf, as where a branch np.where did not take still has its
 * derivative computed (sqrt at 0: inf) and is given adjoint 0.  PyTorch
 * gives the same nan; xi says why. */
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd.h"
#include "ops/fmt.h"
#include "show/num.h"
#include "tape/names.h"

/* ---- where inf and nan first appeared (trace, in a format) ---- */

static int finite_view(const xiO_view *v, int nan_only) {
  if (!v->el) /* a list or a dict of Python's: no numbers of its own */
    return 1;
  for (uint32_t k = 0; k < v->n; k++)
    if (nan_only ? mpfr_nan_p(&v->el[k]) : !mpfr_number_p(&v->el[k]))
      return 0;
  return 1;
}

/* node i's operation with its operands' values at its element e (an
   elementwise op's operands broadcast): exp(20), inf - inf, sqrt(-1) */
static void op_values(xiR_session *s, xiW_buf *b, uint32_t i, uint32_t e) {
  xiG_node *n = &s->g.nodes[i];
  xiO_view out = xiG_view(n);
  uint32_t cols = out.sh.rank ? out.sh.cols : 1;
  const char *form = xiO_table[n->op].form;
  for (const char *c = form; *c; c++) {
    int var = (*c == 'a' || *c == 'b') && (c == form || !((c[-1] | 32) >= 'a' && (c[-1] | 32) <= 'z')) &&
              !((c[1] | 32) >= 'a' && (c[1] | 32) <= 'z');
    if (!var) {
      xiW_put(b, "%c", *c);
      continue;
    }
    uint32_t o = *c == 'a' ? n->a : n->b;
    xiG_node *on = o == XI_NONE ? NULL : &s->g.nodes[o];
    if (!on || (xiG_is_tensor(on) && !xiO_table[n->op].partial)) {
      xiW_put(b, "%c", *c);
      continue;
    }
    xiO_view ov = xiG_view(on);
    char t[XI_FORMAT_ROOM(10)];
    xiN_write(t, &ov.el[xiO_bidx(&ov.sh, e / cols, e % cols)], s->digits < 10 ? s->digits : 10);
    xiW_put(b, t[0] == '-' && c != form && c[-1] != '(' ? "(%s)" : "%s", t);
  }
}

static void who(xiR_session *s, uint32_t i, char *buf, size_t n) {
  for (uint32_t k = 0; k < s->g.nlabel; k++)
    if (s->g.label[k] == i && !xiG_name_of(&s->g, i)) {
      snprintf(buf, n, "ξ%u", k + 1);
      return;
    }
  xiG_label_of(&s->g, i, buf, n);
  if (!buf[0]) { /* no name, no label (grad's notes): its op and place */
    const xiG_node *nd = &s->g.nodes[i];
    snprintf(buf, n, "%s at %u:%u", xiO_table[nd->op].name ? xiO_table[nd->op].name : "the value",
             nd->pos.line, nd->pos.col);
  }
}

/* node i (a division or a log) is infinite at element e because an operand
   is 0 there (the divisor; log's argument), not by overflow */
static int pole_at(xiR_session *s, uint32_t i, uint32_t e) {
  xiG_node *n = &s->g.nodes[i];
  uint32_t o = n->op == XI_DIV ? n->b : n->a;
  if (o == XI_NONE)
    return 0;
  xiO_view v = xiG_view(n), ov = xiG_view(&s->g.nodes[o]);
  uint32_t cols = v.sh.rank ? v.sh.cols : 1;
  return mpfr_zero_p(&ov.el[xiO_bidx(&ov.sh, e / cols, e % cols)]);
}

/* the notes of root's cone, from node `from` on (0: all of it) */
static void notes_from(xiR_session *s, uint32_t root, uint32_t from);

void xiR_format_notes(xiR_session *s, uint32_t root) { notes_from(s, root, 0); }

void xiR_value_notes(xiR_session *s, uint32_t i, uint32_t from) {
  if (xiO_fmt == XI_FMT_MPFR || i == XI_NONE || i >= s->g.n || s->g.nodes[i].op == XI_GRAD ||
      s->g.nodes[i].op == XI_TUPLE)
    return;
  xiG_node *n = &s->g.nodes[i];
  xiO_view v = xiG_view(n);
  if (finite_view(&v, 0))
    return;
  if (n->op != XI_LEAF || !(n->flags & XI_F_CODE) || i < from) {
    notes_from(s, i, from);
    return;
  }
  /* a constant expression (q = 0/0) made a leaf: its expression again, for
     the op where it happened; then dropped */
  xiG_graph *g = &s->g;
  uint32_t mark = g->n, root;
  xi_err err;
  if (xiG_exec(g, &g->code[n->aux], NULL, NULL, 0, &root, &err) == 0)
    notes_from(s, root, mark);
  xiG_truncate(g, mark);
}

static void notes_from(xiR_session *s, uint32_t root, uint32_t from) {
  if (xiO_fmt == XI_FMT_MPFR || root == XI_NONE)
    return;
  const xiO_format *f = &xiO_formats[xiO_fmt];
  int inf_done = 0, nan_done = 0;
  uint8_t *cone = calloc(root + 1, 1);
  if (!cone)
    return;
  cone[root] = 1;
  for (uint32_t i = root + 1; i-- > 0;)
    for (uint32_t k = 0; cone[i] && k < xiG_nargs(&s->g.nodes[i]); k++)
      cone[xiG_arg(&s->g.nodes[i], k)] = 1;
  for (uint32_t i = 0; i <= root && !(inf_done && nan_done); i++) {
    xiG_node *n = &s->g.nodes[i];
    if (!cone[i] || n->op == XI_TUPLE || i < from)
      continue;
    xiO_view v = xiG_view(n);
    if (!v.el || !v.n) /* (a Python list's node: its items are nodes of their own) */
      continue;
    int ops_finite = 1, ops_nonan = 1;
    for (uint32_t k = 0; k < xiG_nargs(n); k++) {
      xiO_view o = xiG_view(&s->g.nodes[xiG_arg(n, k)]);
      ops_finite &= finite_view(&o, 0);
      ops_nonan &= finite_view(&o, 1);
    }
    char name[160];
    xiW_buf b = {0};
    uint32_t e = 0, fn = 0; /* the first element not finite, the first nan */
    while (e + 1 < v.n && mpfr_number_p(&v.el[e]))
      e++;
    while (fn + 1 < v.n && !mpfr_nan_p(&v.el[fn]))
      fn++;
    if (!inf_done && ops_finite && !finite_view(&v, 0) && finite_view(&v, 1)) {
      inf_done = 1;
      who(s, i, name, sizeof name);
      int leaf = n->op == XI_LEAF || n->op == XI_CONST;
      /* a pole (1/0, log 0) is no overflow: said as format mpfr's error says it */
      int pole = !leaf && (n->op == XI_DIV || n->op == XI_LOG) &&
                 !mpfr_number_p(&v.el[e]) && pole_at(s, i, e);
      xiW_put(&b, "note: %s %s %sinf here (", name,
              leaf ? "rounds to" : pole ? "is" : "overflowed to",
              mpfr_signbit(&v.el[e]) ? "-" : "");
      if (leaf)
        xiW_put(&b, "a number");
      else
        op_values(s, &b, i, e);
      if (pole)
        xiW_put(&b, ": %s)\n", n->op == XI_LOG ? "log of zero" : "a division by zero");
      else
        xiW_put(&b, " > %s, %s's largest)\n", f->largest, f->name);
    } else if (!nan_done && ops_nonan && !finite_view(&v, 1)) {
      nan_done = inf_done = 1; /* (an inf after the first nan is no news) */
      who(s, i, name, sizeof name);
      char el[64] = "";
      if (v.sh.rank)
        xiR_element(el, sizeof el, "", v.sh, fn);
      xiW_put(&b, "note: first nan at %s%s: ", name, el);
      op_values(s, &b, i, fn);
      const char *why = n->op < XI_NOPS ? xiO_table[n->op].nan_msg : NULL;
      if (why) /* as format mpfr's error says it */
        xiW_put(&b, " (%s)", why);
      xiW_put(&b, "\n");
    }
    if (b.s)
      fwrite(b.s, 1, b.n, stdout);
    xiW_free(&b);
  }
  free(cone);
}

/* ---- where the first nan of the adjoints arose (grad and trace, in a format) ---- */

/* node i as the note names it: its name, its ξ label (traced: the labels
   are the trace's just printed), else its op and place: sqrt at 3:24 */
static void node_text(xiR_session *s, uint32_t i, int traced, char *buf, size_t n) {
  buf[0] = '\0';
  if (traced || xiG_name_of(&s->g, i))
    who(s, i, buf, n);
  else
    snprintf(buf, n, "%s at %u:%u", xiO_table[s->g.nodes[i].op].name
                                        ? xiO_table[s->g.nodes[i].op].name : "the value",
             s->g.nodes[i].pos.line, s->g.nodes[i].pos.col);
}

/* consumer c's local partial by operand slot k at its output element q
   (elementwise c), as the sweep takes it (rounded into the format);
   *from: the operand's element it belongs to */
static mpfr_srcptr el_partial(xiR_session *s, uint32_t c, int k, uint32_t q, uint32_t *from) {
  xiG_node *n = &s->g.nodes[c];
  if (!n->x && !s->g.nodes[k ? n->b : n->a].x) { /* scalars */
    *from = 0;
    return xiD_partial(&s->sweep, &s->g, c, k);
  }
  xiG_node *a = &s->g.nodes[n->a], *b = n->b == XI_NONE ? a : &s->g.nodes[n->b];
  xiO_view out = xiG_view(n), va = xiG_view(a), vb = xiG_view(b);
  uint32_t cols = out.sh.rank ? out.sh.cols : 1, r = q / cols, col = q % cols;
  uint32_t ia = xiO_bidx(&va.sh, r, col), ib = xiO_bidx(&vb.sh, r, col);
  *from = k ? ib : ia;
  mpfr_srcptr p = xiO_table[n->op].partial(k, s->sweep.tmp, &out.el[q], &va.el[ia], &vb.el[ib]);
  if (p == s->sweep.tmp)
    xiO_fmt_round(s->sweep.tmp, 0);
  return p;
}

/* element q of c's adjoint is 0 for a branch not taken: a keep (np.where's
   two halves) above c whose partial there is 0; its node, or XI_NONE */
static uint32_t not_taken(xiR_session *s, uint32_t c, uint32_t q) {
  for (uint32_t j = c + 1; j <= s->sweep.root; j++) {
    xiG_node *n = &s->g.nodes[j];
    if (n->op != XI_KEEP || n->a != c || !xiD_needed(&s->sweep, j))
      continue;
    xiO_view out = xiG_view(n);
    for (uint32_t r = 0; r < out.n; r++) {
      uint32_t from;
      mpfr_srcptr p = el_partial(s, j, 0, r, &from);
      if (from == q && mpfr_zero_p(p))
        return j;
    }
  }
  return XI_NONE;
}

/* the nan of node i's adjoint at element e, from a consumer's share g·p
   with g and p numbers (0·inf, inf·0): said (1; 3 when the share is of a
   branch np.where did not take); 2 when a share's local derivative is nan
   (a value was: the forward note says where); 0 when none was found */
static int nan_share(xiR_session *s, xiW_buf *b, uint32_t i, uint32_t e, int traced) {
  int forward = 0;
  for (uint32_t c = i + 1; c <= s->sweep.root; c++) {
    xiG_node *n = &s->g.nodes[c];
    xiO_view g;
    if (!xiD_needed(&s->sweep, c) || !xiO_table[n->op].partial ||
        xiD_adj_view(&s->sweep, &s->g, c, &g))
      continue;
    for (int k = 0; k < 2; k++) {
      if ((k ? n->b : n->a) != i)
        continue;
      for (uint32_t q = 0; q < g.n; q++) {
        uint32_t from;
        mpfr_srcptr p = el_partial(s, c, k, q, &from);
        if (from != e)
          continue;
        if (mpfr_nan_p(p))
          forward = 1; /* a local derivative of a nan value: the forward note's */
        if (!((mpfr_zero_p(&g.el[q]) && mpfr_inf_p(p)) || (mpfr_inf_p(&g.el[q]) && mpfr_zero_p(p))))
          continue;
        char cn[200], on[200], en[64] = "", xt[XI_FORMAT_ROOM(10)];
        node_text(s, c, traced, cn, sizeof cn);
        node_text(s, i, traced, on, sizeof on);
        xiO_view x = xiG_view(&s->g.nodes[i]);
        if (x.sh.rank)
          xiR_element(en, sizeof en, "", x.sh, e);
        xiN_write(xt, &x.el[e], 10);
        const char *op = xiO_table[n->op].name ? xiO_table[n->op].name : xiO_table[n->op].form;
        int zero = mpfr_zero_p(&g.el[q]);
        int plain = strncmp(cn, op, strlen(op)) == 0; /* "sqrt at 3:24" names its op */
        xiW_put(b, "%s in the share of %s%s%s%s: its derivative at %s%s = %s is %s, its "
                   "adjoint there %s", zero ? "0 · inf" : "inf · 0", cn, plain ? "" : " (",
                plain ? "" : op, plain ? "" : ")", on, en, xt, zero ? "inf" : "0",
                zero ? "0" : "inf");
        uint32_t j = zero ? not_taken(s, c, q) : XI_NONE;
        int branch = j != XI_NONE;
        if (j != XI_NONE) {
          char jn[200];
          node_text(s, j, traced, jn, sizeof jn);
          if (strncmp(jn, "the value at ", 13) == 0) /* a keep: half of an np.where */
            xiW_put(b, " (np.where at %s did not take that branch)", jn + 13);
          else
            xiW_put(b, " (%s, half of an np.where, did not take that branch)", jn);
        }
        xiW_put(b, "; 0·inf is nan");
        return branch ? 3 : 1;
      }
    }
  }
  return forward ? 2 : 0;
}

int xiR_adjoint_nan(xiR_session *s, const char *of, int traced, xiW_buf *b) {
  if (xiO_fmt == XI_FMT_MPFR)
    return 0;
  for (uint32_t i = s->sweep.root + 1; i-- > s->sweep.lo;) {
    xiO_view v;
    if (xiD_adj_view(&s->sweep, &s->g, i, &v) || finite_view(&v, 1))
      continue;
    uint32_t e = 0; /* the highest node with a nan adjoint: its consumers' have none */
    while (!mpfr_nan_p(&v.el[e]))
      e++;
    char name[200], en[64] = "";
    node_text(s, i, traced, name, sizeof name);
    if (v.sh.rank)
      xiR_element(en, sizeof en, "", v.sh, e);
    xiW_put(b, "first nan of the adjoints at ∂%s/∂%s%s: ", of, name, en);
    int why = nan_share(s, b, i, e, traced);
    if (why == 2)
      xiW_put(b, "a local derivative there is nan, for a value is (the note above)");
    else if (!why)
      xiW_put(b, "from a sum inf - inf, or from a tensor operation's share");
    return why == 3 ? 1 : why == 1 ? 2 : 3;
  }
  return 0;
}

void xiR_adjoint_notes(xiR_session *s, const char *of, int traced) {
  xiW_buf b = {0};
  xiW_put(&b, "note: ");
  if (xiR_adjoint_nan(s, of, traced, &b)) {
    xiW_put(&b, "\n");
    if (!b.failed)
      fwrite(b.s, 1, b.n, stdout);
  }
  xiW_free(&b);
}

void xiR_grad_notes(xiR_session *s, uint32_t i) {
  xiG_node *n = &s->g.nodes[i];
  if (xiO_fmt == XI_FMT_MPFR || n->op != XI_GRAD)
    return;
  xiO_view v = xiG_view(n);
  if (finite_view(&v, 1))
    return;
  uint32_t root = n->a, list[1] = {n->b};
  xi_err err;
  if (xiD_sweep_from(&s->sweep, &s->g, &root, XID_LIST, list, 1, n->pos, &err))
    return; /* (in a format a sweep fails only when out of memory or stopped) */
  char of[160];
  node_text(s, root, 0, of, sizeof of);
  xiR_format_notes(s, root);
  xiR_adjoint_notes(s, of, 0);
}
