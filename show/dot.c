/* dot.c: the steps as a graph in Graphviz's DOT language, in the manner of
 * CS231n's circuit diagrams: each node a box with its value (green) and its
 * adjoint (red), each edge labelled with the local partial the chain rule
 * multiplies along it.  Labels are Graphviz's HTML-like labels, so every
 * piece of text is escaped for them. */
#include "show/draw.h"

#include <stdlib.h>
#include <string.h>

#define VALUE_COLOR "#2e7d32"
#define ADJOINT_COLOR "#c62828"
#define BOX_ROWS 4 /* a tensor of at most this many rows and columns is shown whole */

/* text for an HTML-like label: & < > " escaped */
static void esc(xiW_buf *b, const char *s) {
  for (; *s; s++)
    switch (*s) {
    case '&': xiW_put(b, "&amp;"); break;
    case '<': xiW_put(b, "&lt;"); break;
    case '>': xiW_put(b, "&gt;"); break;
    case '"': xiW_put(b, "&quot;"); break;
    case '\n': xiW_put(b, " "); break;
    default: xiW_str(b, s, 1);
    }
}

/* a number, escaped (it has nothing to escape, but a label gets nothing raw) */
static void number(const xiT_steps *st, xiW_buf *b, mpfr_srcptr x, const arb_struct *ball) {
  xiW_buf t = {0};
  xiT_number_proven(st, &t, x, ball, 0);
  if (t.failed)
    b->failed = t.failed;
  else if (t.s)
    esc(b, t.s);
  xiW_free(&t);
}

/* row r of v, its first and last elements when it is long (only the digits
   pf's balls prove, when there are balls) */
static void row(const xiT_steps *st, xiW_buf *b, const xiO_view *v, const xiW_proof *pf,
                uint32_t r) {
  uint32_t c = v->sh.cols;
  xiW_put(b, "[");
  for (uint32_t j = 0; j < c; j++) {
    if (c > BOX_ROWS && j >= 2 && j < c - 1) {
      if (j == 2)
        xiW_put(b, "…, ");
      continue;
    }
    number(st, b, &v->el[r * c + j], pf->ball ? &pf->ball[r * c + j] : NULL);
    xiW_put(b, j + 1 < c ? ", " : "]");
  }
}

/* a value in a box: a number; a small tensor row by row; a large one as its
   shape and the corners of its rows */
static void boxed(const xiT_steps *st, xiW_buf *b, const xiO_view *v, const xiW_proof *pf) {
  if (v->sh.rank == 0) {
    number(st, b, v->el, pf->ball);
    return;
  }
  if (v->sh.rank == 1) {
    row(st, b, v, pf, 0);
    return;
  }
  uint32_t r = v->sh.rows;
  if (r > BOX_ROWS || v->sh.cols > BOX_ROWS)
    xiW_put(b, "(%u, %u)<br/>", r, v->sh.cols);
  for (uint32_t i = 0; i < r; i++) {
    if (r > BOX_ROWS && i >= 2 && i < r - 1) {
      if (i == 2)
        xiW_put(b, " …<br/>");
      continue;
    }
    xiW_put(b, i ? " " : "[");
    row(st, b, v, pf, i);
    xiW_put(b, i + 1 < r ? ",<br/>" : "]");
  }
}

static void box(const xiT_steps *st, xiW_buf *b, uint32_t k) {
  const xiT_step *p = &st->step[k];
  xiW_put(b, "  n%u [id=\"s%u\", label=<<b>", p->node, k);
  esc(b, p->who);
  xiW_put(b, "</b>");
  if (!p->leaf) {
    xiW_put(b, " = ");
    esc(b, p->op);
  }
  xiW_put(b, "<br/><font color=\"" VALUE_COLOR "\">");
  xiO_view v = xiT_value(st, p);
  xiW_proof pf;
  xiT_value_proof(st, p, &pf);
  boxed(st, b, &v, &pf);
  xiW_put(b, "</font>");
  if (st->reverse) {
    xiW_put(b, "<br/><font color=\"" ADJOINT_COLOR "\">");
    esc(b, p->dwho);
    xiW_put(b, " = ");
    xiT_adjoint_proof(st, p, &pf);
    if (xiT_adjoint(st, p, &v) == 0)
      boxed(st, b, &v, &pf);
    else
      xiW_put(b, "0");
    xiW_put(b, "</font>");
  }
  xiW_put(b, ">%s];\n", p->leaf ? ", shape=ellipse" : "");
}

/* an operand that is not on the path (wrt): grey, its name and value */
static void side_box(const xiT_steps *st, xiW_buf *b, uint32_t node) {
  xiW_buf who = {0};
  xiT_who(st, &who, node);
  xiW_put(b, "  n%u [color=\"#9e9e9e\", fontcolor=\"#757575\", label=<", node);
  esc(b, who.s ? who.s : "");
  xiW_free(&who);
  xiW_put(b, "<br/>");
  xiO_view v = xiG_view(&st->g->nodes[node]);
  xiW_proof pf;
  xiT_node_proof(st, node, &pf);
  boxed(st, b, &v, &pf);
  xiW_put(b, ">];\n");
}

/* the edges into step k's node, each labelled with its partial */
static void edges_in(const xiT_steps *st, xiW_buf *b, uint32_t k, uint8_t *drawn) {
  const xiT_step *p = &st->step[k];
  const xiG_node *n = &st->g->nodes[p->node];
  for (uint32_t a = 0; !p->leaf && a < xiG_nargs(n); a++) {
    uint32_t o = xiG_arg(n, a);
    if (xiT_off_path(st, o) && !drawn[o]) {
      side_box(st, b, o);
      drawn[o] = 1;
    }
    if (st->g->nodes[o].op == XI_CONST || (!xiT_off_path(st, o) && st->index[o] == UINT32_MAX))
      continue;
    xiW_put(b, "  n%u -> n%u", o, p->node);
    const xiT_step *from = st->index[o] == UINT32_MAX ? NULL : &st->step[st->index[o]];
    for (uint32_t t = 0; from && t < from->nterms; t++) {
      const xiT_term *term = &from->terms[t];
      if (term->consumer != p->node || term->k != a || !term->partial[0])
        continue;
      xiW_put(b, " [label=<");
      esc(b, term->partial);
      xiW_put(b, ">]");
    }
    xiW_put(b, ";\n");
  }
}

void xiV_dot(const xiT_steps *st, xiW_buf *out) {
  xiW_put(out, "// the graph of ");
  esc(out, st->label);
  xiW_put(out, ", by xi: values green, adjoints red, edges the local partials\n"
               "digraph xi {\n"
               "  rankdir=LR;\n"
               "  node [shape=box, style=rounded, fontname=\"DejaVu Sans\", fontsize=11];\n"
               "  edge [fontname=\"DejaVu Sans\", fontsize=9, color=\"#616161\"];\n");
  uint8_t *drawn = calloc(st->root + 1, 1);
  if (!drawn) {
    out->failed = XI_W_MEMORY;
    return;
  }
  for (uint32_t k = 0; k < st->n && !out->failed; k++)
    box(st, out, k);
  for (uint32_t k = 0; k < st->n && !out->failed; k++)
    edges_in(st, out, k, drawn);
  free(drawn);
  xiW_put(out, "}\n");
}
