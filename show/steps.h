/* steps.h: an expression's graph as the chain rule reads it, as a list of
 * steps that every printer shares (trace, dot, svg, export) and that a
 * stepper can walk: the nodes under the root in the order they were built,
 * each with its name (its ξ number, or the name it was bound to), its
 * operation, and the terms of its adjoint's sum
 *
 *     ∂L/∂ξ = Σ over the consumers c of ξ of ∂L/∂c · ∂c/∂ξ.
 *
 * The forward pass is the list read up, the reverse sweep the same list read
 * down.  Formulas are written in one of two dialects: the trace's Unicode
 * text (ξ3 = ξ2·x, ∂L/∂ξ1 · (1 - ξ1²)) or LaTeX math (\xi_{3} = \xi_{2}
 * \cdot x), for lecture notes. */
#ifndef XI_STEPS_H
#define XI_STEPS_H

#include "grad/grad.h"
#include "proof/ball.h"
#include "show/print.h"

enum { XI_T_TEXT, XI_T_TEX }; /* dialects */

/* An operand broadcast by an elementwise op gets the sum of its share over
   the axes it was spread along (seed 001's dz2.sum(axis=0) for a bias). */
enum { XI_T_SUM_NONE, XI_T_SUM_ROWS, XI_T_SUM_COLS, XI_T_SUM_ALL };

typedef struct {
  uint32_t consumer; /* the node c that used this step's node ... */
  uint32_t k;        /* ... as its operand k */
  uint8_t sum;       /* XI_T_SUM_*: the operand was broadcast along rows, columns or both */
  uint8_t scalar;    /* both numbers are scalars: the term is xiD_adj(c) · xiD_partial(c, k) */
  const char *partial; /* ∂c/∂ξ with the names put in: "1 - ξ1²", "x", "W2ᵀ·∂L/∂z2" */
  const char *text;    /* the whole term: "∂L/∂ξ2 · (1 - ξ1²)", "Σ_rows ∂L/∂z2" */
} xiT_term;

typedef struct {
  uint32_t node;         /* its node in the graph */
  uint32_t xi;           /* its ξ number, or 0 when it has a name */
  const char *who;       /* "ξ3", "W", "W (before the update at 7:1)" */
  const char *op;        /* its operation with its operands named: "ξ2·x"; "" for a leaf */
  const char *dwho;      /* its adjoint's name: "∂L/∂ξ3" */
  const xiT_term *terms; /* the terms of its adjoint (none for the root) */
  uint32_t nterms;
  uint8_t leaf;
  uint8_t scalar;        /* it and every term are scalars: each product's numbers exist */
} xiT_step;

typedef struct {
  xiG_graph *g;
  xiD_sweep *s;      /* the adjoints: valid until the next sweep (the next grad or trace) */
  uint32_t root;
  int dialect;
  int digits;
  int reverse;       /* there are adjoints: 0 when the root is not a scalar */
  const char *label; /* the root as ∂label/∂ξ writes it, in the dialect */
  xiT_step *step;    /* forward order; the reverse sweep reads them from the last */
  uint32_t n;
  uint32_t *index;   /* index[node]: its step, or UINT32_MAX (nodes 0..root) */
  uint32_t *xi;      /* xi[node]: its ξ number; UINT32_MAX named; 0 off the graph */
  /* the balls that prove the digits printed (xiT_steps_prove), or none */
  xiB_balls *balls;
  slong prec;        /* the balls' precision */
  arb_struct **vball; /* vball[k]: step k's value's balls */
  xiB_adj adj;        /* the adjoints' */
  arb_ptr tball;      /* tball[t]: term t's partial, when the step is scalar */
  uint32_t *snode;    /* the operands off the path (wrt), not steps: snode[k]'s */
  arb_struct **sball; /* value's balls are sball[k] */
  uint32_t nside;
  /* note[k]: a line trace prints under step k's adjoint, or NULL; the
     caller's (cmd/why.c: the cause of a gradient of 0, or not finite) */
  char *const *note;
  /* private: the terms and the text of every string, in single blocks */
  xiT_term *term;
  uint32_t nterm;
  xiW_buf text;
} xiT_steps;

/* the list of steps of st->root, made by prepare.c once the nodes have
   their ξ numbers (st->xi): only the nodes on a path from one of the nwrt
   wrt nodes, when there are any */
int xiT_steps_list(xiT_steps *st, const uint32_t *wrt, uint32_t nwrt);
/* how a step's value, adjoint and a term's numbers are proven (pf->ball NULL
   when the steps are not proven, or the adjoint is exactly 0) */
void xiT_value_proof(const xiT_steps *st, const xiT_step *p, xiW_proof *pf);
void xiT_adjoint_proof(const xiT_steps *st, const xiT_step *p, xiW_proof *pf);
/* the same for any node the steps show: a step's value, or an operand off the
   path (wrt) */
void xiT_node_proof(const xiT_steps *st, uint32_t node, xiW_proof *pf);
const arb_struct *xiT_term_adjoint_ball(const xiT_steps *st, const xiT_term *t);
const arb_struct *xiT_term_partial_ball(const xiT_steps *st, const xiT_term *t);

/* a step's value, and its adjoint (0 and the view; -1 when it is all zeros
   or there are no adjoints) */
xiO_view xiT_value(const xiT_steps *st, const xiT_step *p);
int xiT_adjoint(const xiT_steps *st, const xiT_step *p, xiO_view *v);
/* a scalar term's two numbers: ∂L/∂c and ∂c/∂ξ (the second may live in the
   sweep's scratch: use it before asking for another) */
mpfr_srcptr xiT_term_adjoint(const xiT_steps *st, const xiT_term *t);
mpfr_srcptr xiT_term_partial(const xiT_steps *st, const xiT_term *t);

/* does a partial's formula need brackets after a '·': a sum or a
   difference at the top, or a leading minus */
int xiT_additive(const char *d);
/* numbers and values in the steps' dialect, with the digits ball (pf)
   proves: a number (in brackets when negative and paren is set: a factor of
   a product), and a tensor on one line (TeX: a bmatrix), abbreviated past
   XI_SHOW_ROWS rows or columns */
void xiT_number_proven(const xiT_steps *st, xiW_buf *b, mpfr_srcptr x, const arb_struct *ball,
                       int paren);
void xiT_tensor_proven(const xiT_steps *st, xiW_buf *b, const xiO_view *v, xiW_proof *pf);
/* text with the trace's Unicode written for the dialect (TeX: ∂ \partial, ·
   \cdot, Σ \sum, words as \text{...}) */
void xiT_words(const xiT_steps *st, xiW_buf *b, const char *text);

/* any node under the root named, and its operation, as the steps write them */
void xiT_who(const xiT_steps *st, xiW_buf *b, uint32_t node);
void xiT_op(const xiT_steps *st, xiW_buf *b, uint32_t node);
/* with wrt: node is under the root but on no path from the wrt nodes (an
   operand of a step, such as y in -y·log(p) for trace L wrt W) */
static inline int xiT_off_path(const xiT_steps *st, uint32_t node) {
  return node <= st->root && st->xi[node] && st->index[node] == UINT32_MAX &&
         st->g->nodes[node].op != XI_CONST;
}

/* node i's operation with its operands' names, as `vars` shows it: "x·x" */
void xiT_formula(xiG_graph *g, uint32_t i, int digits, xiW_buf *b);

#endif
