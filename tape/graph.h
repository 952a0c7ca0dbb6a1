/* graph.h: the tape.  Nodes live in one array in creation order; operands
 * always have smaller indices, so the order is topological, forward
 * evaluation is a loop up and the reverse sweep a loop down.  Nodes are
 * referred to by index, never by pointer (the array moves as it grows).
 *
 * A scalar node holds its MPFR number inline.  A tensor node, or a node with
 * parameters (an index, an axis), also has an extension: its shape, its
 * elements row by row in one block, and its parameters. */
#ifndef XI_GRAPH_H
#define XI_GRAPH_H

#include <signal.h>

#include "ops/ops.h"
#include "syntax/parse.h"
#include "tape/pool.h"
#include "syntax/sym.h"

#define XI_PREC_MIN 2
#define XI_PREC_MAX 100000
#define XI_CALL_DEPTH 200
#define XI_LIT_PI (UINT32_MAX - 1) /* XI_CONST aux for pi and e */
#define XI_LIT_E (UINT32_MAX - 2)

enum { XI_OK, XI_E_UPSTREAM, XI_E_NAN, XI_E_POLE, XI_E_OVERFLOW };

typedef struct {
  xi_shape sh;
  uint32_t n;        /* elements: rows × cols, or 1 for a scalar */
  __mpfr_struct *el; /* NULL for a scalar: the value is the node's own */
  int32_t p[2];      /* the op's parameters: INDEX's indices, SUM's axis */
} xiG_ext;

typedef struct {
  uint8_t op;
  uint8_t err;   /* XI_E_*: why the value is not a finite number */
  uint8_t spare;
  uint8_t shown; /* scratch for printers (trace marks its cone here) */
  uint32_t a, b; /* operands, XI_NONE when absent */
  uint32_t aux;  /* XI_CONST: the literal's text as a symbol id, or XI_LIT_* */
  uint32_t name; /* the name it was first bound to, or XI_NONE */
  xi_pos pos;    /* where it was written */
  xiG_ext *x;    /* NULL for a plain scalar */
  __mpfr_struct v[1];
} xiG_node;

static inline xi_shape xiG_shape(const xiG_node *n) {
  return n->x ? n->x->sh : (xi_shape){0, 1, 1};
}
static inline int xiG_is_tensor(const xiG_node *n) { return n->x && n->x->sh.rank; }
static inline uint32_t xiG_count(const xiG_node *n) { return xiG_is_tensor(n) ? n->x->n : 1; }
static inline mpfr_ptr xiG_el(xiG_node *n, uint32_t k) {
  return xiG_is_tensor(n) ? &n->x->el[k] : n->v;
}
static inline xiO_view xiG_view(xiG_node *n) {
  xiO_view v = {xiG_is_tensor(n) ? n->x->el : n->v, xiG_shape(n), xiG_count(n),
                n->x ? n->x->p : NULL};
  return v;
}
/* element (i, j) of an operand broadcast to an output's (i, j) */
static inline uint32_t xiG_bidx(const xi_shape *in, uint32_t i, uint32_t j) {
  return (in->rows == 1 ? 0 : i) * in->cols + (in->cols == 1 ? 0 : j);
}

typedef enum { B_NONE, B_NODE, B_FUNC } xiG_bkind;

typedef struct {
  xiG_bkind kind;
  uint32_t node;    /* B_NODE */
  uint32_t order;   /* when it was defined, for `vars` */
  char *text;       /* the right-hand side as typed */
  size_t textcap;
  xiP_code src;     /* a leaf set from a constant expression: re-run at a new precision */
  uint32_t *params; /* B_FUNC */
  uint32_t nparams;
  xiP_code body;
} xiG_binding;

struct xiG_graph;
/* grad(E, v) inside an expression: supplied by the layer that can sweep; it
   appends a node holding dE/dv (v's shape) and returns it in *out */
typedef int (*xiG_grad_fn)(void *ctx, struct xiG_graph *g, uint32_t root, uint32_t v,
                           uint32_t *out, xi_err *err);

typedef struct xiG_graph {
  xiG_node *nodes;
  uint32_t n, cap;
  xiM_pool limbs;     /* the nodes' significands, slot i for node i */
  uint32_t *literal;  /* by symbol id: the XI_CONST node of that literal, shared */
  uint32_t nliteral;
  uint32_t fresh; /* nodes below this index hold current values */
  mpfr_prec_t prec;
  xiS_table sym;
  xiG_binding *bind; /* indexed by name id */
  uint32_t nbind, order;
  xiG_grad_fn grad;
  void *grad_ctx;
  mpfr_t tmp;  /* scratch for the tensor rules, at the working precision */
  xiO_rng rng; /* seed N; randn, rand */
  volatile sig_atomic_t *interrupt; /* set by ^C; long loops give up */
  unsigned depth;                   /* user-function calls being expanded */
} xiG_graph;

void xiG_init(xiG_graph *g, mpfr_prec_t prec);
void xiG_free(xiG_graph *g);

uint32_t xiG_append(xiG_graph *g, int op, uint32_t a, uint32_t b, xi_pos pos);
/* n numbers of precision prec, +0, in one malloc'd block (free() it; never
   mpfr_clear them) */
__mpfr_struct *xiG_elements(uint32_t n, mpfr_prec_t prec);
/* gives node i the shape sh (elements +0) and parameters p; -1: out of memory */
int xiG_shape_node(xiG_graph *g, uint32_t i, xi_shape sh, const int32_t *p);
/* a new node op(a) or op(a, b), its shape checked (the error names both) */
int xiG_binary(xiG_graph *g, int op, uint32_t a, uint32_t b, xi_pos pos, uint32_t *out,
               xi_err *err);
/* a new XI_SNAP node holding a copy of v */
uint32_t xiG_snapshot(xiG_graph *g, const xiO_view *v, xi_pos pos);
/* node dst takes src's value (its shape too when reshape), for leaves */
int xiG_copy_value(xiG_graph *g, uint32_t dst, uint32_t src, int reshape);
void xiG_truncate(xiG_graph *g, uint32_t mark);

/* Builds the nodes of code (binding parameter names to nodes) and evaluates
   them; *root is the result.  On error the caller truncates back. */
int xiG_exec(xiG_graph *g, const xiP_code *code, const uint32_t *params,
             const uint32_t *args, uint32_t nparams, uint32_t *root, xi_err *err);
/* Brings every node up to and including i to its current value. */
int xiG_eval(xiG_graph *g, uint32_t i, xi_err *err);
/* Fails with a message naming the node where a non-number first arose, if
   node i's value is not a finite number.  Nodes from mark on belong to the
   statement at hand and are pointed at; older ones are named, and the error
   points at `at`. */
int xiG_check(xiG_graph *g, uint32_t i, uint32_t mark, xi_pos at, xi_err *err);
/* "in y (defined at 2:5)", "in log(...) at 3:1": where node i came from */
void xiG_describe(const xiG_graph *g, uint32_t i, char *buf, size_t n);
/* 1 when the nodes from mark on use no node from before mark */
int xiG_self_contained(const xiG_graph *g, uint32_t mark, uint32_t root);

void xiG_set_leaf(xiG_graph *g, uint32_t i, mpfr_srcptr v); /* a scalar leaf */
/* leaf i takes node src's value; its shape must match.  Everything after follows */
int xiG_set_leaf_from(xiG_graph *g, uint32_t i, uint32_t src, xi_err *err, xi_pos pos);
int xiG_set_prec(xiG_graph *g, mpfr_prec_t prec, xi_err *err);
/* Frees the nodes nothing can reach from a name, and renumbers the rest
   (order kept, so still topological).  Returns how many were freed. */
uint32_t xiG_collect(xiG_graph *g);

xiG_binding *xiG_binding_of(xiG_graph *g, uint32_t name); /* NULL when unbound */
/* binds name to node, keeping a copy of text (what `vars` shows) */
int xiG_bind_node(xiG_graph *g, uint32_t name, uint32_t node, const char *text, size_t len);
int xiG_bind_func(xiG_graph *g, uint32_t name, const uint32_t *params, uint32_t nparams,
                  const xiP_code *body, const char *text, size_t len);
void xiG_unbind(xiG_graph *g, uint32_t name);
/* the name bound to node i right now, or NULL */
const char *xiG_name_of(const xiG_graph *g, uint32_t i);

#endif
