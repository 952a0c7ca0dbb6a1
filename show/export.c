/* export.c: the steps as lecture notes.  Markdown in the seeds' own manner
 * (seed 000's section 5: "Let: - $x = 3$ ... We compute: 1. $\xi_1 = -W
 * \cdot x = -9$"), a LaTeX fragment (an align* for each pass), and one page
 * that steps through the graph with the arrow keys.  The page's HTML, CSS
 * and script are show/page.html, compiled into xi (the Makefile makes it a C
 * array); this file fills in its three holes: the title, the SVG and the
 * steps as JSON. */
#include "show/draw.h"

#include <string.h>

/* ---- the reverse pass, shared by Markdown and LaTeX ---- */

/* the chain rule for a step's adjoint: "∂L/∂L · ξ1 = 1 · (-1)" (nothing for
   the root), then with_value " = -1" (the root's "1" alone) */
static void adjoint_math(const xiT_steps *st, xiW_buf *b, const xiT_step *p, int with_value) {
  const char *dot = st->dialect == XI_T_TEX ? " \\cdot " : " · ";
  if (p->node == st->root) {
    xiW_put(b, with_value ? "1" : "");
    return;
  }
  for (uint32_t k = 0; k < p->nterms; k++)
    xiW_put(b, "%s%s", k ? " + " : "", p->terms[k].text);
  for (uint32_t k = 0; p->scalar && k < p->nterms; k++) {
    xiW_put(b, "%s", k ? " + " : " = ");
    const xiT_term *t = &p->terms[k];
    xiT_number_proven(st, b, xiT_term_adjoint(st, t), xiT_term_adjoint_ball(st, t), 1);
    xiW_put(b, "%s", dot);
    xiT_number_proven(st, b, xiT_term_partial(st, t), xiT_term_partial_ball(st, t), 1);
  }
  xiO_view v;
  if (!with_value)
    return;
  xiW_put(b, " = ");
  xiW_proof pf;
  xiT_adjoint_proof(st, p, &pf);
  if (xiT_adjoint(st, p, &v) == 0)
    xiT_tensor_proven(st, b, &v, &pf);
  else
    xiW_put(b, "0");
}

/* "\xi_{1} = -y = -1": a step forward, or "x = 3" for a leaf */
static void forward_math(const xiT_steps *st, xiW_buf *b, const xiT_step *p, const char *eq) {
  xiW_put(b, "%s%s", p->who, eq);
  if (!p->leaf)
    xiW_put(b, "%s = ", p->op);
  xiO_view v = xiT_value(st, p);
  xiW_proof pf;
  xiT_value_proof(st, p, &pf);
  xiT_tensor_proven(st, b, &v, &pf);
}

/* an operand off the path (wrt): its value is given, as a leaf's is */
static void given_math(const xiT_steps *st, xiW_buf *b, uint32_t node, const char *eq) {
  xiT_who(st, b, node);
  xiW_put(b, "%s", eq);
  xiO_view v = xiG_view(&st->g->nodes[node]);
  xiW_proof pf;
  xiT_node_proof(st, node, &pf);
  xiT_tensor_proven(st, b, &v, &pf);
}

static const char *what(const xiT_steps *st) {
  return st->reverse ? "" : " (it is not a scalar: there are no adjoints)";
}

/* ---- Markdown ---- */

void xiV_markdown(const xiT_steps *st, xiW_buf *out) {
  xiW_put(out, "## Forward pass\n\nLet:\n");
  for (uint32_t i = 0; i <= st->root; i++) { /* the leaves, and what wrt left off the path */
    if (st->index[i] != UINT32_MAX && st->step[st->index[i]].leaf) {
      xiW_put(out, "- $");
      forward_math(st, out, &st->step[st->index[i]], " = ");
      xiW_put(out, "$\n");
    } else if (xiT_off_path(st, i)) {
      xiW_put(out, "- $");
      given_math(st, out, i, " = ");
      xiW_put(out, "$\n");
    }
  }
  xiW_put(out, "\nWe compute%s:\n", what(st));
  uint32_t n = 0;
  for (uint32_t k = 0; k < st->n; k++)
    if (!st->step[k].leaf) {
      xiW_put(out, "%u. $", ++n);
      forward_math(st, out, &st->step[k], " = ");
      xiW_put(out, "$\n");
    }
  if (!st->reverse)
    return;
  xiW_put(out, "\n## Backward pass\n\nEach adjoint is the sum, over the nodes $c$ that use "
               "the node, of $\\frac{\\partial %s}{\\partial c}$ times the local partial:\n",
          st->label);
  n = 0;
  for (uint32_t k = st->n; k-- > 0;) {
    xiW_put(out, "%u. $%s = ", ++n, st->step[k].dwho);
    adjoint_math(st, out, &st->step[k], 1);
    xiW_put(out, "$\n");
  }
}

/* ---- LaTeX ---- */

void xiV_latex(const xiT_steps *st, xiW_buf *out) {
  xiW_put(out, "%% The steps of $%s$, made by xi.  \\input{} it into a document that loads\n"
               "%% amsmath (align*, bmatrix).\n"
               "\\paragraph{Forward pass%s.}\n\\begin{align*}\n",
          st->label, what(st));
  int first = 1;
  for (uint32_t i = 0; i <= st->root; i++) {
    if (st->index[i] == UINT32_MAX && !xiT_off_path(st, i))
      continue;
    xiW_put(out, "%s", first ? "" : " \\\\\n");
    first = 0;
    if (st->index[i] != UINT32_MAX)
      forward_math(st, out, &st->step[st->index[i]], " &= ");
    else
      given_math(st, out, i, " &= ");
  }
  xiW_put(out, "\n\\end{align*}\n");
  if (!st->reverse)
    return;
  xiW_put(out, "\\paragraph{Backward pass.}\n\\begin{align*}\n");
  for (uint32_t k = st->n; k-- > 0;) {
    xiW_put(out, "%s &= ", st->step[k].dwho);
    adjoint_math(st, out, &st->step[k], 1);
    xiW_put(out, "%s", k ? " \\\\\n" : "\n");
  }
  xiW_put(out, "\\end{align*}\n");
}

/* ---- the page ---- */

/* text as a JSON string, safe inside a <script>: < > & as \u escapes */
static void json(xiW_buf *b, const char *s) {
  xiW_put(b, "\"");
  for (; *s; s++) {
    unsigned char c = (unsigned char)*s;
    if (c == '"' || c == '\\')
      xiW_put(b, "\\%c", c);
    else if (c < 0x20 || c == '<' || c == '>' || c == '&')
      xiW_put(b, "\\u%04x", c);
    else
      xiW_str(b, s, 1);
  }
  xiW_put(b, "\"");
}

/* a value as the trace prints it, as a JSON string */
static void json_value(xiW_buf *b, const xiO_view *v, xiW_proof *pf, int digits) {
  xiW_buf t = {0};
  xiW_value_proven(&t, v, pf, digits, -1, 0);
  if (t.failed)
    b->failed = t.failed;
  json(b, t.s ? t.s : "");
  xiW_free(&t);
}

static void json_step(const xiT_steps *st, xiW_buf *b, uint32_t k) {
  const xiT_step *p = &st->step[k];
  xiW_put(b, "%s{\"id\": \"s%u\", \"who\": ", k ? ",\n" : "", k);
  json(b, p->who);
  xiW_put(b, ", \"op\": ");
  json(b, p->op);
  xiW_put(b, ", \"value\": ");
  xiO_view v = xiT_value(st, p);
  xiW_proof pf;
  xiT_value_proof(st, p, &pf);
  json_value(b, &v, &pf, st->digits);
  if (st->reverse) {
    xiW_buf sum = {0};
    adjoint_math(st, &sum, p, 0);
    xiW_put(b, ", \"dwho\": ");
    json(b, p->dwho);
    xiW_put(b, ", \"sum\": ");
    json(b, sum.s ? sum.s : "");
    xiW_free(&sum);
    xiW_put(b, ", \"adjoint\": ");
    xiT_adjoint_proof(st, p, &pf);
    if (xiT_adjoint(st, p, &v) == 0)
      json_value(b, &v, &pf, st->digits);
    else
      json(b, "0");
  }
  xiW_put(b, "}");
}

static void page_data(const xiT_steps *st, xiW_buf *b) {
  xiW_put(b, "{\"label\": ");
  json(b, st->label);
  xiW_put(b, ", \"reverse\": %s, \"steps\": [\n", st->reverse ? "true" : "false");
  for (uint32_t k = 0; k < st->n && !b->failed; k++)
    json_step(st, b, k);
  xiW_put(b, "]}");
}

/* text for HTML: & < > " escaped */
static void html(xiW_buf *b, const char *s) {
  for (; *s; s++)
    if (strchr("&<>\"", *s))
      xiW_put(b, "%s", *s == '&' ? "&amp;" : *s == '<' ? "&lt;" : *s == '>' ? "&gt;" : "&quot;");
    else
      xiW_str(b, s, 1);
}

void xiV_page(const xiT_steps *st, const char *svg, xiW_buf *out) {
  const char *start = strstr(svg, "<svg"); /* without Graphviz's XML prologue */
  const char *t = xiV_page_html;
  for (const char *hole; (hole = strstr(t, "@XI_")) != NULL;) {
    xiW_str(out, t, (size_t)(hole - t));
    const char *end = strchr(hole + 4, '@');
    if (!end)
      break;
    size_t n = (size_t)(end - hole - 4);
    if (n == 5 && memcmp(hole + 4, "TITLE", 5) == 0)
      html(out, st->label);
    else if (n == 3 && memcmp(hole + 4, "SVG", 3) == 0)
      xiW_put(out, "%s", start ? start : svg);
    else if (n == 4 && memcmp(hole + 4, "DATA", 4) == 0)
      page_data(st, out);
    t = end + 1;
  }
  xiW_put(out, "%s", t);
}
