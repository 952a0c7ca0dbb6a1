/* draw.h: an expression's steps (steps.h) as pictures and notes: the graph
 * in Graphviz's DOT language (dot.c), that graph laid out by Graphviz's own
 * library as SVG (svg.c), and the forward and reverse steps as Markdown,
 * LaTeX or one self-contained page that steps through them (export.c). */
#ifndef XI_DRAW_H
#define XI_DRAW_H

#include "show/steps.h"

/* The graph in DOT: a box for each step (its name, operation, value and
   adjoint, in the circuit diagrams' green and red; a large tensor as its
   shape and a few elements), an edge from each operand to its consumer
   labelled with the local partial.  Operands off the path (wrt) are grey.
   The steps are in the text dialect.  Each box's id is "s" and its step's
   index, for the page to find it in the SVG.  Fails only as out stops. */
void xiV_dot(const xiT_steps *st, xiW_buf *out);
/* DOT text laid out by Graphviz (dot) and rendered as SVG into out, in a
   child process (^C stops it); -1 and why (Graphviz's own words when it has
   some) on failure */
int xiV_svg(const char *dot, xiW_buf *out, char *why, size_t n);

/* the steps as Markdown (math in $...$) or as a LaTeX fragment (an align*
   for each pass); the steps are in the TeX dialect */
void xiV_markdown(const xiT_steps *st, xiW_buf *out);
void xiV_latex(const xiT_steps *st, xiW_buf *out);
/* one page, everything inlined: the SVG of the graph, the forward and
   reverse tables, and the arrow keys stepping through them; the steps are in
   the text dialect */
void xiV_page(const xiT_steps *st, const char *svg, xiW_buf *out);
/* show/page.html, the page's script and style, made into a C array by the
   Makefile (show/page.c), which xiV_page writes out */
extern const char xiV_page_html[];

#endif
