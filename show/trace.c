/* trace.c: the forward list and the reverse list of one expression's graph,
 * printed from its steps (steps.h): each node's operation and value, then
 * each adjoint as the sum over the node's consumers of their adjoint times
 * the local partial, with the numbers of each product when they are scalars. */
#include "show/trace.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef xiT_printer printer;

void xiT_printer_init(xiT_printer *pr, const xiT_steps *st, xiT_style style) {
  *pr = (xiT_printer){st, style, "", "", ""};
  if (style.color)
    pr->val_on = "\033[32m", pr->adj_on = "\033[31m", pr->off = "\033[0m";
}

/* the text left-aligned in `width` characters (not bytes: ξ is two bytes) */
static void pad(xiW_buf *b, const char *text, int width) {
  int chars = 0;
  for (const unsigned char *p = (const unsigned char *)text; *p; p++)
    chars += (*p & 0xC0) != 0x80;
  xiW_put(b, "  %s%*s = ", text, chars < width ? width - chars : 0, "");
}

/* a value in its colour, fitted to the terminal */
static void value(const printer *pr, xiW_buf *b, const char *color, const xiO_view *v,
                  xiW_proof *pf) {
  xiW_put(b, "%s", color);
  xiW_value_fit_proven(b, v, pf, pr->style.digits, pr->style.width);
  xiW_put(b, "%s", pr->off);
}

static void number(const printer *pr, xiW_buf *b, const char *color, mpfr_srcptr x,
                   const arb_struct *ball, int paren) {
  xiW_put(b, "%s", color);
  xiT_number_proven(pr->st, b, x, ball, paren);
  xiW_put(b, "%s", pr->off);
}

void xiT_forward_line(const printer *pr, xiW_buf *b, const xiT_step *p, int hide) {
  pad(b, p->who, 8);
  if (!p->leaf)
    xiW_put(b, "%s = ", p->op);
  xiO_view v = xiT_value(pr->st, p);
  if (hide) {
    xiW_put(b, "?");
  } else {
    xiW_proof pf;
    xiT_value_proof(pr->st, p, &pf);
    value(pr, b, pr->val_on, &v, &pf);
  }
  const xiG_node *nd = &pr->st->g->nodes[p->node];
  if (p->leaf && xiG_loop_cut(nd) && nd->aux != XI_STEP_UNKNOWN)
    xiW_put(b, "   (leaf: left by step %u of a loop, its history let go)\n", nd->aux);
  else if (p->leaf && xiG_loop_cut(nd))
    xiW_put(b, "   (leaf: left by an earlier step of a loop, its history let go)\n");
  else if (p->leaf && (nd->flags & XI_F_CUT))
    xiW_put(b, "   (leaf: a list's item, its history let go; a name keeps one's)\n");
  else
    xiW_put(b, p->leaf ? "   (leaf)\n" : "\n");
}

/* With wrt, the operands of step p that are not on a path (ξ2 = -y in
   ξ4 = ξ2·ξ3), each once, before p: their values are in its partials. */
static void operand_lines(const printer *pr, xiW_buf *b, const xiT_step *p, uint8_t *done) {
  const xiT_steps *st = pr->st;
  const xiG_node *n = &st->g->nodes[p->node];
  for (uint32_t k = 0; !p->leaf && k < xiG_nargs(n); k++) {
    uint32_t o = xiG_arg(n, k);
    if (!xiT_off_path(st, o) || done[o])
      continue;
    done[o] = 1;
    xiW_buf who = {0};
    xiT_who(st, &who, o);
    pad(b, who.s ? who.s : "", 8);
    xiW_free(&who);
    int leaf = st->g->nodes[o].op == XI_LEAF;
    if (!leaf) {
      xiT_op(st, b, o);
      xiW_put(b, " = ");
    }
    xiO_view v = xiG_view(&st->g->nodes[o]);
    xiW_proof pf;
    xiT_node_proof(st, o, &pf); /* (its ball was made with the steps' own) */
    value(pr, b, pr->val_on, &v, &pf);
    xiW_put(b, leaf ? "   (leaf, not on the path)\n" : "   (not on the path)\n");
  }
}

void xiT_reverse_line(const printer *pr, xiW_buf *b, const xiT_step *p, int hide) {
  xiW_put(b, "  %s = ", p->dwho);
  if (p->node == pr->st->root) {
    xiW_put(b, "%s1%s\n", pr->adj_on, pr->off);
    return;
  }
  for (uint32_t k = 0; k < p->nterms; k++)
    xiW_put(b, "%s%s", k ? " + " : "", p->terms[k].text);
  xiW_put(b, " = ");
  if (p->scalar) { /* the numbers of each product, then their sum */
    for (uint32_t k = 0; k < p->nterms; k++) {
      xiW_put(b, "%s", k ? " + " : "");
      const xiT_term *t = &p->terms[k];
      number(pr, b, pr->adj_on, xiT_term_adjoint(pr->st, t), xiT_term_adjoint_ball(pr->st, t), 1);
      xiW_put(b, " · ");
      number(pr, b, "", xiT_term_partial(pr->st, t), xiT_term_partial_ball(pr->st, t), 1);
    }
    xiW_put(b, " = ");
    if (hide) {
      xiW_put(b, "?");
    } else {
      xiW_proof pf;
      xiT_adjoint_proof(pr->st, p, &pf);
      number(pr, b, pr->adj_on, xiD_adj(pr->st->s, p->node), pf.ball, 0);
    }
  } else if (hide) {
    xiW_put(b, "?");
  } else {
    xiO_view v;
    xiW_proof pf;
    xiT_adjoint_proof(pr->st, p, &pf);
    if (xiT_adjoint(pr->st, p, &v) == 0)
      value(pr, b, pr->adj_on, &v, &pf);
    else
      xiW_put(b, "0");
  }
  xiW_put(b, "\n");
}

static int print_steps(const printer *pr, xiW_buf *out, const char *label, const uint32_t *wrt,
                       uint32_t nwrt) {
  const xiT_steps *st = pr->st;
  xiW_put(out, "forward: each node of %s ", label);
  for (uint32_t k = 0; k < nwrt; k++) /* (mapped, when a replay moved them) */
    xiW_put(out, "%s%s", k ? ", " : "on a path from ",
            st->index[wrt[k]] != UINT32_MAX ? st->step[st->index[wrt[k]]].who : "?");
  xiW_put(out, "%sin the order it was built", nwrt ? " to it, " : "");
  if (st->balls && st->prec > (slong)st->g->prec) /* digits N exact raised it */
    xiW_put(out, " (digits proven at %ld bits)", (long)st->prec);
  if (xiO_fmt != XI_FMT_MPFR) /* a format's numbers, not xi's exact ones */
    xiW_put(out, " (in %s%s%s: format mpfr for exact values)", xiO_formats[xiO_fmt].name,
            xiO_formats[xiO_fmt].numpy ? ", NumPy's " : "",
            xiO_formats[xiO_fmt].numpy ? xiO_formats[xiO_fmt].numpy : "");
  xiW_put(out, "\n");
  uint8_t *done = nwrt ? calloc(st->root + 1, 1) : NULL;
  if (nwrt && !done)
    return -1;
  for (uint32_t k = 0; k < st->n; k++) {
    if (done)
      operand_lines(pr, out, &st->step[k], done);
    xiT_forward_line(pr, out, &st->step[k], 0);
  }
  free(done);
  if (!st->reverse) { /* adjoints start from a scalar: there is no reverse list */
    xiW_put(out, "reverse: none, for %s is not a scalar: trace its sum for the adjoints\n",
            label);
    return 0;
  }
  xiW_put(out, "reverse: ∂%s/∂ξ = Σ over the consumers c of ξ of ∂%s/∂c · ∂c/∂ξ\n", label,
          label);
  for (uint32_t k = st->n; k-- > 0;) {
    if ((k & 1023) == 0 && xiO_stopped())
      return -1;
    xiT_reverse_line(pr, out, &st->step[k], 0);
    if (st->note && st->note[k])
      xiW_put(out, "    why: %s\n", st->note[k]);
  }
  return 0;
}

int xiT_trace(const xiT_steps *st, const char *label, const uint32_t *wrt, uint32_t nwrt,
              xiT_style style, xi_pos at, xi_err *err) {
  printer pr;
  xiT_printer_init(&pr, st, style);
  xiW_buf out = {0};
  int rc = print_steps(&pr, &out, label, wrt, nwrt);
  if (rc || out.failed) {
    err->pos = at;
    snprintf(err->msg, sizeof err->msg, "%s", rc ? "interrupted" : xiW_why(&out));
    rc = -1;
  } else {
    fwrite(out.s, 1, out.n, stdout);
  }
  xiW_free(&out);
  return rc;
}
