/* graph.h: the tape.  Nodes live in one array in creation order; operands
 * always have smaller indices, so the order is topological, forward
 * evaluation is a loop up and the reverse sweep a loop down.  Nodes are
 * referred to by index, never by pointer (the array moves as it grows).
 *
 * A node is a value: it is computed when it is made and never changes after
 * (only a new working precision computes every value again, each as it was
 * first computed).  A value computed from no other value is a leaf.
 *
 * A scalar node holds its MPFR number inline.  A tensor node, or a node with
 * parameters (an index, an axis) or with more than two operands (a list),
 * also has an extension: its shape, its elements row by row in one block, its
 * parameters and its operands. */
#ifndef XI_GRAPH_H
#define XI_GRAPH_H

#include <signal.h>
#include <stddef.h>

#include "ops/ops.h"
#include "syntax/code.h"
#include "syntax/sym.h"
#include "ops/pool.h"

#define XI_PREC_MIN 2
#define XI_PREC_MAX 100000
#define XI_CALL_DEPTH 200
#define XI_STATEMENT_NODES 10000000u /* nodes one statement may build: calls expand */

/* why a node's value is not a finite number */
enum { XI_OK, XI_E_UPSTREAM, XI_E_NAN, XI_E_POLE, XI_E_OVERFLOW, XI_E_MEMORY };

/* node flags */
enum {
  XI_F_UPDATE = 1,  /* a leaf made by an update step (W -= ...) */
  XI_F_LITERAL = 2, /* a leaf whose value is the literal aux (read again on prec) */
  XI_F_CODE = 4,    /* a leaf whose value is the constant expression g->code[aux] */
  XI_F_INT = 8,     /* its numbers are integers to Python (dtype int): 7, not 7.0 */
  XI_F_BOOL = 16,   /* they are truth values (dtype bool): True, False */
  XI_F_NESTED = 32, /* a container (pyval.c) holding an array or another container */
  XI_F_CUT = 64,    /* a leaf that was a list's element computed from other values: its
                       history was let go when nothing but the list needed it (renew.c);
                       or a value an earlier step of a loop computed (loop.c): then aux
                       is that step, or XI_STEP_UNKNOWN, and not XI_NONE */
  XI_F_EXACT = 128, /* a scalar op's value is its exact result, not rounded (MPFR said so
                       when computing it): proof/ reuses the number with no rounding error */
};
#define XI_F_DTYPE (XI_F_INT | XI_F_BOOL) /* both: uint8 (dtype='uint8') */
#define XI_STEP_UNKNOWN (XI_NONE - 1) /* a loop's cut leaf from a step not marked */
/* a scalar op's aux when Python computes it by C's libm (a call of the math module,
   Python's float **): in binary64 xi then does too (compute), whose numbers are not
   always correctly rounded, so that pasted code prints CPython's */
#define XI_AUX_LIBM (XI_NONE - 2)
/* a micrograd Value's tanh(), which its engine.py (the lecture's) computes in Python's
   floats as (math.exp(2*x) - 1)/(math.exp(2*x) + 1): in binary64 xi does too (compute),
   with C's exp, so that pasted code prints micrograd's numbers; its partial stays
   1 - o², micrograd's backward, (1 - t**2) * out.grad */
#define XI_AUX_VTANH (XI_NONE - 3)
enum { XI_LIBM_NONE, XI_LIBM_CALL, XI_LIBM_VTANH }; /* g->libm: which of the two marks */
static inline int xiG_dtype_of_flags(int flags) {
  return (flags & XI_F_DTYPE) == XI_F_DTYPE ? XI_DT_UINT8
         : flags & XI_F_BOOL                ? XI_DT_BOOL
         : flags & XI_F_INT                 ? XI_DT_INT
                                            : XI_DT_FLOAT;
}
static inline int xiG_dtype_flags(int dtype) {
  return dtype == XI_DT_UINT8  ? XI_F_DTYPE
         : dtype == XI_DT_BOOL ? XI_F_BOOL
         : dtype == XI_DT_INT  ? XI_F_INT
                               : 0;
}

typedef struct {
  xi_shape sh;
  uint32_t n;              /* elements: rows × cols, or 1 for a scalar */
  __mpfr_struct *el;       /* NULL for a scalar: the value is the node's own */
  int32_t p[XI_NPARAMS];   /* the op's parameters: INDEX's indices, SUM's axis, a shape */
  uint32_t nargs, *args;   /* XI_LIST: its operands */
} xiG_ext;

typedef struct {
  uint8_t op;
  uint8_t err;   /* XI_E_*: why the value is not a finite number */
  uint8_t flags; /* XI_F_* */
  uint8_t shown; /* scratch for printers (trace marks its cone here) */
  uint32_t a, b; /* operands, XI_NONE when absent (a list's are in x->args) */
  uint32_t aux;  /* CONST: its literal; LEAF: see flags; GRAD: its graph, once built */
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
                n->x ? n->x->p : NULL, (uint8_t)xiG_dtype_of_flags(n->flags)};
  return v;
}
/* the operands of a node, whatever their number */
static inline uint32_t xiG_nargs(const xiG_node *n) {
  return n->op == XI_LIST || n->op == XI_TUPLE ? n->x->nargs
         : n->a == XI_NONE                     ? 0
         : n->b == XI_NONE                     ? 1
                                               : 2;
}
static inline uint32_t xiG_arg(const xiG_node *n, uint32_t k) {
  return n->op == XI_LIST || n->op == XI_TUPLE ? n->x->args[k] : k ? n->b : n->a;
}

typedef enum { B_NONE, B_NODE, B_FUNC } xiG_bkind;

/* a name's binding: 12 bytes, for a script may bind a million names */
typedef struct {
  uint8_t kind;   /* an xiG_bkind */
  uint32_t node;  /* B_NODE: the value; B_FUNC: the function, in g->func */
  uint32_t order; /* when it was bound, for `vars` */
} xiG_binding;

typedef struct {
  uint32_t *params;
  uint32_t nparams;
  xiP_code body;
  char *text; /* the body as typed */
  uint8_t is_class; /* a class (pyobj.c): a call makes an instance and runs its __init__ */
  uint32_t base;    /* a class's base class (XI_NONE: none), for isinstance */
  uint32_t made;    /* a class's instances made, for the next one's prefix, Class#k */
} xiG_func;

/* a Python object, an instance of a class (pyobj.c): its class's name, and the
   prefix of its attributes' names (net for net.W1); the node it was made as,
   while the graph's nodes keep their numbers (epoch), so that one made by the
   statement running is alive though no name holds it yet ([Linear(2, 3),
   Linear(3, 1)]: the first is only on the stack while the second is made) */
typedef struct {
  uint32_t cls, prefix;
  uint32_t node, epoch;
} xiG_object;
enum { XI_OBJLOG_PREFIX, XI_OBJLOG_NAME, XI_OBJLOG_GONE /* (a node collected) */ };

/* how a name let go of a node (xiG_moved's update) */
enum { MOVE_BIND, MOVE_UPDATE, MOVE_SET, MOVE_DEL };
/* where a name let go of a node, for the messages about earlier values */
typedef struct {
  uint32_t node, name;
  xi_pos pos;
  uint8_t update; /* how: a MOVE_* */
} xiG_moved;

/* A statement that runs all or nothing (undo.c): what it changed, to be put
   back when it is undone.  A name's binding is written down the first time
   the statement changes it (a binding older than the mark, by its order), so
   the log holds each name once, however long a loop runs. */
typedef struct {
  uint32_t name;
  xiG_binding was;
} xiG_change;

typedef struct {
  uint8_t open;
  uint8_t labels;   /* the statement set ξ labels: label, nlabel are the mark's */
  uint8_t rng;      /* the statement drew random numbers or seeded: rng is the mark's */
  uint32_t n;       /* the nodes at the mark (a collection renumbers it) */
  uint32_t order;   /* g->order at the mark: a binding of a lower order is the mark's */
  uint32_t nmoved;  /* the notes at the mark (a collection renumbers it) */
  xiG_change *log;  /* the bindings the statement changed, as they were */
  uint32_t nlog, caplog;
  uint32_t *label, nlabel;
  xiO_rng *was_rng;
  xiO_pcg *was_gens; /* g->gens at the mark (when rng), ngens of them */
  uint32_t was_ngens;
  void *storage;     /* the mark's values, kept by a new precision (renew.c) */
  mpfr_prec_t prec;  /* and their precision */
} xiG_statement;

/* NumPy's RuntimeWarning for a value that a number format made not finite
   from finite operands (np.exp(1000) is inf): where, which op, what */
enum { XI_W_OVERFLOW, XI_W_DIVIDE, XI_W_INVALID };
typedef struct {
  xi_pos pos;
  uint8_t op, kind;
  uint8_t scalar; /* NumPy's scalars' arithmetic: "scalar multiply" (warn.c) */
} xiG_warning;
#define XI_WARNINGS 8 /* kept between two looks; more in one statement are let go */
/* NumPy's name for op's ufunc, in its warnings (exp, divide ...) (warn.c) */
const char *xiG_ufunc(int op);
struct xiG_graph;
/* node i, just made by xiG_op at pos, noted in g->warn where IEEE's flags
   would make NumPy warn (a format only) */
void xiG_note_warning(struct xiG_graph *g, uint32_t i, xi_pos pos);

/* micrograd's and PyTorch's .grad (autograd.c): what backward() left on a
   value, kept beside the tape by node (sorted), as Python keeps it on the
   object.  A leaf made by Value(x) or torch.tensor(x, requires_grad=True) has
   an entry from birth; backward() adds to the entries of the leaves under the
   loss (and, for micrograd, of the values names hold), and marks the inner
   nodes it went through (XI_AG_FREED), so that going through them again is
   refused.  An update step (W -= ... under no_grad, p.data -= ...) moves the
   entry to the new leaf: the same object, as in Python. */
enum {
  XI_AG_VALUE = 1, /* a leaf made by micrograd's Value(x): .grad starts at 0 */
  XI_AG_TENSOR,    /* a leaf tensor with requires_grad=True: .grad starts at None */
  XI_AG_INNER,     /* a micrograd value computed from others (a name held it at backward) */
  XI_AG_FREED,     /* an inner node a backward() went through, no .grad of its own */
  XI_AG_PLAIN,     /* a leaf tensor without requires_grad: .grad is None, printed as torch's */
  XI_AG_CUT,       /* a Value or a tensor a collection made a leaf (a list's older item, its
                      history let go, renew.c): what it was is in bits, fn */
  XI_AG_MOVED      /* a leaf Value or tensor as it was before an update in place (the graphs
                      computed before it hold it): bits, its kind then */
};
typedef struct {
  uint32_t node, grad; /* grad: a leaf holding .grad, or XI_NONE (0 for a Value, else None) */
  uint8_t kind;        /* XI_AG_* */
  uint8_t f64;         /* a float tensor: PyTorch's dtype is float64 (else float32) */
  uint8_t bits, fn;    /* XI_AG_CUT: its cone's XI_AGM_* and grad_fn (xiG_ag_grad_fn), as it was */
} xiG_agentry;
typedef struct {
  xiG_agentry *e;
  uint32_t n, cap;
  uint32_t no_grad; /* with torch.no_grad(): blocks running */
  uint8_t note32;   /* a float32 tensor was made at note_pos (1), and the note written (2) */
  xi_pos note_pos;
  uint32_t *nograd;    /* the nodes made in with torch.no_grad(): blocks, [from, to) */
  uint32_t nnograd, capnograd; /* pairs, in order */
  xiG_agentry *saved; /* the table as a line at the prompt found it (undo.c): put back */
  uint32_t nsaved;    /* when the line fails; saved NULL when none is kept */
} xiG_autograd;

struct xiG_graph;
/* Derivatives inside expressions, supplied by the layer that can sweep:
   kind is XI_GRAD (grad(E, v)), a hessian or jacobian, or jvp(E, v, dir), the
   directional derivative (below); v is the node the name vname binds, dir
   the direction (XI_NONE but for jvp).  Appends the result, in *out. */
enum { XI_D_GRAD, XI_D_HESSIAN, XI_D_JACOBIAN, XI_D_JVP };
typedef int (*xiG_derive_fn)(void *ctx, struct xiG_graph *g, int kind, uint32_t e, uint32_t v,
                             uint32_t vname, uint32_t dir, xi_pos at, uint32_t *out,
                             xi_err *err);
/* the value of GRAD node i computed again into it (a new precision) */
typedef int (*xiG_redo_fn)(void *ctx, struct xiG_graph *g, uint32_t i, xi_err *err);

/* print(...) inside a def (K_PRINT): the statement's layout (a symbol, which
   syntax/'s xiP_print_layout reads) and its n values, written by the layer
   that prints */
typedef int (*xiG_print_fn)(void *ctx, struct xiG_graph *g, uint32_t layout,
                            const uint32_t *values, uint32_t n, xi_pos at, xi_err *err);

/* where one step of a running loop began: the first node it made (loop.c) */
typedef struct {
  uint32_t at, step;
} xiG_stepmark;
typedef struct {
  xiG_stepmark *m; /* its steps' marks since the last collection, oldest first */
  uint32_t n, cap;
  uint32_t begin;  /* the first node it made */
  uint8_t cutting; /* (the outermost) its history has grown past XI_LOOP_KEEP: it lets go */
} xiG_loop;
/* a loop keeps the whole history of what it computes (a loop over a net's
   layers, a sum built term by term: grad reads through it) until the values
   it made that are still alive hold more nodes or numbers than these */
#define XI_LOOP_KEEP_NODES 2048u
#define XI_LOOP_KEEP_NUMBERS (1u << 20)
#define XI_LOOP_LEVELS 32 /* loops nested deeper are not marked: they keep their history */

typedef struct xiG_graph {
  xiG_node *nodes;
  uint32_t n, cap;
  xiM_pool limbs;     /* the nodes' significands, slot i for node i */
  uint32_t *literal;  /* by symbol id: the XI_CONST node of that literal, shared */
  uint32_t nliteral;
  mpfr_prec_t prec;
  xiS_table sym;
  xiG_binding *bind; /* indexed by name id */
  uint32_t nbind, order;
  /* by block of XI_HI_BLOCK names: at least the largest node any of them is bound to
     (kept by every write of a binding; collection only lowers them), so that a change
     in place (pymut.c) passes over the blocks of names bound to older nodes at once */
  uint32_t *bind_hi, nbind_hi;
  uint8_t bind_hi_off; /* 1 after an allocation failed: every block is looked at */
  xiG_func *func;    /* the functions names are bound to */
  uint32_t nfunc, capfunc, freefunc;
  xiG_moved *moved; /* names that let go of nodes, oldest first */
  uint32_t nmoved, capmoved;
  uint32_t *label;  /* the last trace's ξ labels: label[k] is ξk's node */
  uint32_t nlabel;
  xiP_code *code;   /* the constant expressions leaves were computed from */
  uint32_t ncode, capcode, freecode;
  uint32_t *built;  /* GRAD nodes whose graph was built (aux set), for truncation */
  uint32_t *pins;   /* containers a running for loop walks (pyval.c): kept, and followed
                       when changed in place */
  uint32_t npins, cappins;
  uint32_t nbuilt, capbuilt;
  xiG_derive_fn derive;
  xiG_redo_fn redo;
  void *derive_ctx;
  xiG_print_fn print;
  void *print_ctx;
  void *frames;     /* the scopes of the code running, innermost first (exec.c's) */
  void *envs;       /* the scopes that returned while a function made in them (a nested
                       def, a lambda) reads their names: each a serial and its names,
                       held as hidden names <env N>.x (call.c's) */
  uint32_t nenvs, capenvs, envfree; /* envfree: a free entry + 1, or 0 (env.c) */
  uint8_t set_walked; /* a set of instances was walked, at set_walked_pos (1), in the
                         order its items were added, and the note said so (2) (pywalk.c) */
  xi_pos set_walked_pos;
  mpfr_t tmp;  /* scratch for the tensor rules, at the working precision */
  xiO_rng rng; /* seed N; randn, rand */
  xiO_rng pyrng; /* Python's random module's: random.seed(n), randrange (tape/pyrandom.c) */
  xiO_pcg *gens; /* np.random.default_rng's Generators, each one's state (tape/npgen.c) */
  uint32_t ngens, capgens;
  volatile sig_atomic_t *interrupt; /* set by ^C; long loops give up */
  uint32_t mark;  /* the first node of the statement running (XI_STATEMENT_NODES) */
  uint8_t numpy;  /* the statement is Python's: an array's change in place keeps its shape
                     and dtype, as NumPy's (xi's own W -= ... on [0, 0] makes floats) */
  uint8_t full;   /* why the last append failed: 1 too many nodes, else memory */
  uint8_t math_call; /* the op being built is a call of Python's math module (math.pow,
                        math.exp ...), whose result is a float whatever its operands */
  uint8_t libm;      /* the scalar ops being built are CPython's libm calls (XI_LIBM_CALL:
                        XI_AUX_LIBM) or micrograd's tanh (XI_LIBM_VTANH: XI_AUX_VTANH) */
  unsigned depth, scopes; /* user-function calls being expanded; scopes made (a lambda's) */
  uint64_t visits;                  /* nodes evaluated or swept: work done, for tests */
  /* what the tape forgot, for those who keep something by node (the balls of
     proof/): the lowest node truncated since they last looked (UINT32_MAX:
     none), and a count of the times every node changed (a collection that
     renumbered them, a new precision) */
  uint32_t forgot_from, epoch;
  uint32_t cuts; /* truncations that dropped nodes, counted: the reverse sweep's numbers
                    name nodes by number, and proof/ reuses them only while none was */
  uint32_t cut_scalars; /* after a collection: the scalar XI_F_CUT leaves alive (cheap) */
  /* nodes made while set are not computed: their MPFR values are NaN, and
     only their shapes and their balls mean anything (proof/ball.c builds a
     reverse sweep as nodes to evaluate it in balls, and drops it) */
  uint8_t lazy;
  /* the warnings of the ops made since the session last looked (format only) */
  xiG_warning warn[XI_WARNINGS];
  uint8_t nwarn;
  xiG_statement st; /* the statement running all or nothing, when st.open */
  /* Python's objects (pyobj.c): an attribute is a name of its own, net.W1 */
  xiG_object *obj;
  uint32_t nobj, capobj;
  uint32_t (*objlog)[3]; /* what the statement running changed of objects (pyobj.c): an
                            XI_OBJLOG_*, which object or node, what it was */
  uint32_t nobjlog, capobjlog;
  uint32_t keep;     /* an attribute set inside an expression binds nodes below this:
                        a truncation stops there (collections and rollbacks lower it) */
  xiG_loop loops[XI_LOOP_LEVELS]; /* the loops running, outermost first (loop.c) */
  uint32_t nloops;                /* how deep they nest (past XI_LOOP_LEVELS: not marked) */
  uint64_t *lost;                 /* by node: a let-go leaf's summary of its history */
  uint32_t nlost;
  xiG_autograd ag;  /* micrograd's and PyTorch's .grad (autograd.c) */
  uint32_t chsym, chk, choff; /* a walk over a string: its text's symbol + 1, the last
                                 character asked for and its byte (pyset.c) */
} xiG_graph;

void xiG_init(xiG_graph *g, mpfr_prec_t prec);
void xiG_free(xiG_graph *g);

/* ---- nodes (graph.c) ---- */
/* a new node op(a, b), not yet evaluated; XI_NONE when out of memory */
uint32_t xiG_append(xiG_graph *g, int op, uint32_t a, uint32_t b, xi_pos pos);
/* gives node i the shape sh (elements +0) and parameters p (or none); -1: out of memory */
int xiG_shape_node(xiG_graph *g, uint32_t i, xi_shape sh, const int32_t *p);
/* a new leaf holding a copy of v (its shape too); XI_NONE when out of memory */
uint32_t xiG_leaf(xiG_graph *g, const xiO_view *v, xi_pos pos);
/* Builds op(a, b) with parameters p (NULL: none), its shape checked (the
   error names both), and evaluates it.  Errors point at pos. */
int xiG_op(xiG_graph *g, int op, uint32_t a, uint32_t b, const int32_t *p, xi_pos pos,
           uint32_t *out, xi_err *err);
/* node i made uint8, or an error where an element is not a whole number 0..255 */
int xiG_as_uint8(xiG_graph *g, uint32_t i, xi_pos pos, xi_err *err);
/* x as the shape sh by op (XI_RESHAPE, XI_BROADCAST), or x itself when it has it */
int xiG_as_shape(xiG_graph *g, int op, uint32_t x, xi_shape sh, xi_pos pos, uint32_t *out,
                 xi_err *err);
/* (items...): a tuple (no value of its own); n may be 0 */
int xiG_tuple(xiG_graph *g, const uint32_t *items, uint32_t n, xi_pos pos, uint32_t *out,
              xi_err *err);
static inline int xiG_is_tuple(const xiG_graph *g, uint32_t i) {
  return g->nodes[i].op == XI_TUPLE;
}
/* the message for a tuple where a value must be (what: "grad", "an operand") */
int xiG_no_tuple(const xiG_graph *g, uint32_t i, xi_pos pos, const char *what, xi_err *err);
/* node i, if an int (Python's, or an int64 array), is its exact value: one xi's
   numbers rounded, or past int64's range in an array, is refused (pyint.c) */
int xiG_int_exact(xiG_graph *g, uint32_t i, xi_pos pos, xi_err *err);
/* [items...]: a vector of scalars or a matrix of vectors, evaluated */
int xiG_list(xiG_graph *g, const uint32_t *items, uint32_t n, xi_pos pos, uint32_t *out,
             xi_err *err);
/* Computes node i's value from its operands' (not for leaves, constants and
   GRAD nodes).  Fails with a message naming what went wrong, pointing at i. */
int xiG_eval(xiG_graph *g, uint32_t i, xi_err *err);
/* the same for nodes from..to again, in place (benchmarks; errors not checked) */
void xiG_reeval(xiG_graph *g, uint32_t from, uint32_t to);
/* the message for a failed allocation: "interrupted" (a block being made
   gives up at ^C), the node limit, the memory budget (with its numbers), or
   the machine's memory */
int xiG_oom(const xiG_graph *g, xi_pos pos, xi_err *err);
/* how many such messages were written: a failure the machine made, not a value */
unsigned long xiG_ooms(void);
/* "1.5 GB", "12 MB", "800 bytes" */
void xiG_bytes(size_t n, char *buf, size_t len);
/* the message for a node whose value is not a finite number: what, and where */
int xiG_fail_at(xiG_graph *g, uint32_t i, xi_err *err);
/* "in y (defined at 2:5)", "in log(...) at 3:1": where node i came from */
void xiG_describe(const xiG_graph *g, uint32_t i, char *buf, size_t n);
/* 1 when the nodes from mark on use no node from before mark but constants */
int xiG_self_contained(const xiG_graph *g, uint32_t mark, uint32_t root);
/* Forgets the nodes from mark on (a failed statement, scratch work) */
void xiG_truncate(xiG_graph *g, uint32_t mark);
/* the shared node of a literal (a symbol) or of pi/e (XI_LIT_*) */
uint32_t xiG_constant(xiG_graph *g, uint32_t aux, xi_pos pos);
uint32_t xiG_number(xiG_graph *g, long v, xi_pos pos); /* the constant v */
/* the same into *out: 0, or -1 out of memory (in err) */
int xiG_number_at(xiG_graph *g, int64_t v, xi_pos pos, uint32_t *out, xi_err *err);
/* (shared with renew.c) the value of constant aux (a literal symbol, or pi or e)
   read into n at the working precision, and n->err set */
void xiG_read_const(xiG_graph *g, xiG_node *n, uint32_t aux);
/* (shared with renew.c) what a gone node n owned freed (its extension, the code a
   leaf was computed from); its value's slot in the pool is simply reused */
void xiG_node_free(xiG_graph *g, xiG_node *n);

/* Builds again every node in (from, to] that uses a node `map` sends
   elsewhere (map[i] != XI_NONE), on the mapped operands, and records each
   copy in map.  Only nodes with keep[i] set are built when keep is given.
   The copies are new values computed afresh. */
int xiG_replay(xiG_graph *g, uint32_t from, uint32_t to, uint32_t *map, const uint8_t *keep,
               xi_err *err);

/* ---- every node at once (renew.c) ---- */
/* computes every value again at the new precision, each as it was computed;
   -1 (and nothing changed) when one is not a number there, memory ran out or
   ^C */
int xiG_set_prec(xiG_graph *g, mpfr_prec_t prec, xi_err *err);
/* the same, but a value that is not a number at the new precision (nan, inf:
   leaving an IEEE format, where they were values) is no failure: it keeps
   its reason in err (XI_E_UPSTREAM what is computed from it), and the count
   of such nodes is returned, err saying why the first is not; the names that
   hold them must go (xiG_unbind_undefined).  -1 as above for memory and ^C */
int xiG_set_prec_lenient(xiG_graph *g, mpfr_prec_t prec, xi_err *err);
/* (undo.c) the values of the mark, kept when a statement running all or
   nothing changed the precision: put back bit for bit, with the mark's
   precision (the nodes made since forgotten first), or freed */
void xiG_storage_restore(xiG_graph *g);
void xiG_storage_drop(xiG_graph *g);
/* Frees the nodes nothing can reach from a name, and renumbers the rest
   (order kept, so still topological).  Returns how many were freed. */
uint32_t xiG_collect(xiG_graph *g);

/* ---- the loops running (loop.c) ----
   A loop that rebinds a name to a value computed from the name's last one
   (W = W - lr*dW) would make the whole run one graph, growing at each step.
   The session says where each step of each loop begins.  Once what the
   loops made holds more than XI_LOOP_KEEP_* (a collection measures it), a
   collection lets go of the history of what steps before the last finished
   one computed, when only a newer step's value uses it: such a value becomes
   a leaf holding its number (XI_F_CUT, its step in aux), as an update step's is,
   and the graph keeps one step back.  A value a name, a ξ label or a
   container holds keeps its history whole. */
void xiG_loop_enter(xiG_graph *g);
/* step k (0, 1, ...) of the innermost loop begins */
void xiG_loop_step(xiG_graph *g, uint32_t k);
void xiG_loop_leave(xiG_graph *g);
/* the first node whose operands older than it lose their history unless
   something else needs it: where the innermost loop's last finished step
   began (UINT32_MAX: no loop has finished a step) */
uint32_t xiG_loop_bound(const xiG_graph *g);
/* the step of the innermost loop marked that made node i, or XI_NONE */
uint32_t xiG_loop_step_of(const xiG_graph *g, uint32_t i);
/* (collection) the marks follow the nodes' new numbers, n the old count;
   each loop keeps its last two; the outermost starts letting go once what
   the loops made is over XI_LOOP_KEEP_* */
void xiG_loop_renumber(xiG_graph *g, const uint32_t *to, uint32_t n);
/* 1 when the loops running let go of their history (the outermost is past
   XI_LOOP_KEEP_*) */
static inline int xiG_loop_cut(const xiG_node *n) { /* a leaf a loop's step left */
  return (n->flags & XI_F_CUT) && n->op == XI_LEAF && n->aux != XI_NONE;
}
static inline int xiG_loop_cutting(const xiG_graph *g) {
  return g->nloops && g->loops[0].cutting;
}
void xiG_loop_free(xiG_graph *g);
/* (collection) sum[i]: a summary of node i's cone, the nodes live marks as
   outliving it and the summaries of the let-go leaves in it (malloc'd; NULL:
   no memory) */
uint64_t *xiG_history_sums(const xiG_graph *g, const uint8_t *live);
/* (collection) the let-go leaves keep their summaries, by their new numbers
   (to: old to new, n the old count; sum NULL: every grad through them refused) */
void xiG_history_keep(xiG_graph *g, const uint64_t *sum, const uint32_t *to, uint32_t n);
/* 1 when grad(root, v) would need a history that was let go: *leaf is a
   leaf in root's cone whose former history may have reached v */
int xiG_history_lost(const xiG_graph *g, uint32_t root, uint32_t v, uint32_t *leaf);

/* ---- building from postfix code (exec.c) ---- */
/* Builds and evaluates the nodes of code (parameter names bound to args);
   *root is the result.  On error the caller truncates back. */
int xiG_exec(xiG_graph *g, const xiP_code *code, const uint32_t *params,
             const uint32_t *args, uint32_t nparams, uint32_t *root, xi_err *err);
/* f (called name) at the call in (K_CALL or K_METHOD: its argc arguments args,
   keywords named before it); self, when not XI_NONE, its first parameter */
int xiG_call_func(xiG_graph *g, const xiP_ins *in, const xiG_func *f, const char *name,
                  uint32_t self, const uint32_t *args, uint32_t *out, xi_err *err);

/* ---- values that are not one op (build.c) ---- */
/* node i's value as a whole number (an axis, a size, an index), or an error */
int xiG_whole(xiG_graph *g, uint32_t i, xi_pos pos, int32_t *out, xi_err *err);
/* the makers, the draws and NumPy's functions of several ops: tape/numpy.h */

/* ---- indexing (index.c, slice.c) ---- */
/* base[items], NumPy's way: argc items written, mask marks the ':' ones and
   kinds (XI_IX_*, syntax/parse.h) the slices and Nones; items holds what is
   on the stack for them.  Whole numbers and slices (INDEX, SLICE), integer
   arrays (GATHER), boolean masks (GATHER of NONZERO), None (a new axis of 1);
   a tuple gives its item */
int xiG_index(xiG_graph *g, uint32_t base, const uint32_t *items, int argc, unsigned mask,
              uint32_t kinds, xi_pos pos, uint32_t *out, xi_err *err);
/* base[items] op= rhs (op 0: =) as a new value (PUT, SLICESET); base is unchanged */
int xiG_index_set(xiG_graph *g, uint32_t base, const uint32_t *items, int argc, unsigned mask,
                  uint32_t kinds, int op, uint32_t rhs, xi_pos pos, uint32_t *out, xi_err *err);

/* ---- names, the rules of binding, and how a value is called: tape/names.h ---- */

/* ---- a statement, all or nothing (undo.c) ----
   Between xiG_stmt_begin and xiG_stmt_commit or xiG_stmt_rollback, every
   change to the names (bindings, functions, del, set, a change in place), to
   their notes, to the ξ labels and to the random numbers' state is written
   down; rollback puts them back, forgets the nodes made since the mark
   (freeing what they hold) and leaves the tape as it was at the mark, the
   precision and every bit of every value included (the caller puts its own
   settings back: the format, the digits shown).  A collection in between
   keeps what the mark's names hold.  begin returns 1 when it opened the
   statement, 0 when one is open already (its opener closes it). */
int xiG_stmt_begin(xiG_graph *g);
void xiG_stmt_commit(xiG_graph *g);
void xiG_stmt_rollback(xiG_graph *g);
/* (names.c) the binding of name is about to change: written down when it is
   the mark's */
void xiG_stmt_change(xiG_graph *g, uint32_t name);
static inline void xiG_stmt_note(xiG_graph *g, uint32_t name) {
  if (g->st.open && (name >= g->nbind || g->bind[name].order < g->st.order))
    xiG_stmt_change(g, name);
}
/* the random numbers are about to be drawn, or seeded */
void xiG_stmt_rng(xiG_graph *g);
/* (collection) the nodes the mark's names and labels hold are marked live;
   then, with the new numbers, renumbered */
void xiG_stmt_live(const xiG_graph *g, uint8_t *live);
void xiG_stmt_renumber(xiG_graph *g, const uint32_t *to, uint32_t kept_moved);


/* the tape's side of pasted Python: tape/python.h */
#include "tape/python.h"

#endif
