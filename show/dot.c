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

/* Long edges.  Graphviz's dot lays out an edge that crosses columns as a
 * chain of invisible nodes, one for each column, laid out with the boxes; its
 * time grows faster than the square of their number.  A value used all along
 * a chain (x in sin(x*1) + sin(x*2) + ... + sin(x*297)) has an edge to each
 * consumer, crossing on average half the chain: 43 660 columns crossed, and
 * the layout was stopped unfinished after 25 minutes; with 100 terms, 4851
 * columns, 133 s (docs/manual.md, "Pictures of large graphs": after, 0.9 s and
 * 0.1 s).  So when the
 * edges together cross more than XI_DOT_CROSSED columns, the longest are
 * drawn from a reference instead: a grey dashed box with the operand's name,
 * beside its consumer.  Every node keeps its one box (value, adjoint), every
 * edge its partial; only where a long edge starts is moved.  (200: with
 * 1000 the largest layouts took twice as long; with none allowed, a balanced
 * tree of sums got 154 references and was laid out no faster.) */
#define XI_DOT_CROSSED 200

/* is the edge from operand o drawn: o is a step or an operand off the path
   (never a constant, which the formula shows) */
static int drawn_edge(const xiT_steps *st, uint32_t o) {
  return st->g->nodes[o].op != XI_CONST && (xiT_off_path(st, o) || st->index[o] != UINT32_MAX);
}

/* each drawn node's column counted leftward from the root's (0), as far
   right as its consumers let it be: one left of its leftmost consumer.  The
   steps are in the order the nodes were built, so every consumer of a node
   comes after it. */
static void columns(const xiT_steps *st, uint32_t *col) {
  for (uint32_t i = 0; i <= st->root; i++)
    col[i] = 0;
  for (uint32_t k = st->n; k-- > 0;) {
    const xiT_step *p = &st->step[k];
    const xiG_node *n = &st->g->nodes[p->node];
    for (uint32_t a = 0; !p->leaf && a < xiG_nargs(n); a++) {
      uint32_t o = xiG_arg(n, a);
      if (drawn_edge(st, o) && col[o] < col[p->node] + 1)
        col[o] = col[p->node] + 1;
    }
  }
}

/* the longest an edge may be (in columns) for all of them together to cross
   at most XI_DOT_CROSSED: longer ones start at a reference.  UINT32_MAX when
   none is cut; 0 when out of memory (out is marked). */
static uint32_t longest_edge(const xiT_steps *st, const uint32_t *col, xiW_buf *out) {
  uint32_t *count = calloc((size_t)st->root + 2, sizeof *count); /* by length */
  if (!count) {
    out->failed = XI_W_MEMORY;
    return 0;
  }
  for (uint32_t k = 0; k < st->n; k++) {
    const xiT_step *p = &st->step[k];
    const xiG_node *n = &st->g->nodes[p->node];
    for (uint32_t a = 0; !p->leaf && a < xiG_nargs(n); a++) {
      uint32_t o = xiG_arg(n, a);
      if (drawn_edge(st, o))
        count[col[o] - col[p->node]]++; /* (between 1 and root + 1) */
    }
  }
  uint64_t crossed = 0;
  uint32_t len = 1;
  for (; len <= st->root + 1; len++) {
    crossed += (uint64_t)count[len] * (len - 1);
    if (crossed > XI_DOT_CROSSED)
      break;
  }
  free(count);
  return len > st->root + 1 ? UINT32_MAX : len - 1;
}

/* a reference to node o beside its consumer c: o's name in a grey dashed box */
static void reference(const xiT_steps *st, xiW_buf *b, uint32_t o, uint32_t c) {
  xiW_buf who = {0};
  xiT_who(st, &who, o);
  xiW_put(b, "  r%u_%u [style=\"rounded,dashed\", color=\"#9e9e9e\", fontcolor=\"#757575\", "
             "label=<", o, c);
  esc(b, who.s ? who.s : "");
  xiW_free(&who);
  xiW_put(b, ">];\n  r%u_%u", o, c);
}

/* the edges into step k's node, each labelled with its partial; one longer
   than `longest` columns starts at a reference */
static void edges_in(const xiT_steps *st, xiW_buf *b, uint32_t k, uint8_t *drawn,
                     const uint32_t *col, uint32_t longest) {
  const xiT_step *p = &st->step[k];
  const xiG_node *n = &st->g->nodes[p->node];
  for (uint32_t a = 0; !p->leaf && a < xiG_nargs(n); a++) {
    uint32_t o = xiG_arg(n, a);
    if (xiT_off_path(st, o) && !drawn[o]) {
      side_box(st, b, o);
      drawn[o] = 1;
    }
    if (!drawn_edge(st, o))
      continue;
    if (col[o] - col[p->node] > longest)
      reference(st, b, o, p->node);
    else
      xiW_put(b, "  n%u", o);
    xiW_put(b, " -> n%u", p->node);
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
  uint32_t *col = malloc(((size_t)st->root + 1) * sizeof *col);
  if (!drawn || !col) {
    free(drawn);
    free(col);
    out->failed = XI_W_MEMORY;
    return;
  }
  columns(st, col);
  uint32_t longest = longest_edge(st, col, out);
  for (uint32_t k = 0; k < st->n && !out->failed; k++)
    box(st, out, k);
  for (uint32_t k = 0; k < st->n && !out->failed; k++)
    edges_in(st, out, k, drawn, col, longest);
  free(drawn);
  free(col);
  xiW_put(out, "}\n");
}
