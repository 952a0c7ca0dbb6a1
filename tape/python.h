/* python.h: the tape's side of pasted Python: objects of a class (pyobj.c),
 * micrograd's and PyTorch's .grad (autograd.c), and Python's containers
 * (pyval.c, pywalk.c, pymut.c).  Part of tape/graph.h's module (prefix xiG_),
 * kept apart so that graph.h stays the tape itself; graph.h includes it, so a
 * file that includes graph.h has these too. */
#ifndef XI_TAPE_PYTHON_H
#define XI_TAPE_PYTHON_H

#include "tape/graph.h"

/* ---- Python's objects (pyobj.c) ----
 * An instance of a class is an XI_TUPLE node of kind XI_C_OBJ (no items; its
 * class's name in x->p[XI_C_TEXT], its number in x->p[XI_C_ID]) and never
 * changes; its attributes are names of their own, bound as any name is:
 * net.W1, the object's prefix, a dot and the attribute's name (a Python name
 * has no dot, so none can clash).  So an attribute set by a method is seen by
 * every holder of the object, a trace calls it net.W1, an update step on it
 * is W -= ... on a name, and the tape's rules of names (collection, undo, a
 * new precision) hold for attributes unchanged.  A method is a function named
 * Class.name whose first parameter is the instance. */
enum { XI_C_ID = 3 };
/* class name: with methods already bound as name.method; base its base class
   (XI_NONE: none), which isinstance reads */
int xiG_bind_class(xiG_graph *g, uint32_t name, uint32_t base);
/* is name bound to a class? */
int xiG_is_class(const xiG_graph *g, uint32_t name);
/* class cls (its own methods bound) gets each method of class base it has
   none of the name of, as its own copy (Python's lookup, made when the class
   is: base's own inherited ones are base's by then) */
int xiG_inherit(xiG_graph *g, uint32_t cls, uint32_t base);
/* Class(args) at the call in: a new instance, its __init__ run */
int xiG_construct(xiG_graph *g, const xiP_ins *in, const uint32_t *args, uint32_t *out,
                  xi_err *err);
/* x(args) at in, x an object whose class has __call__ (what: how x was
   named, for the message when it has none) */
int xiG_call_object(xiG_graph *g, const xiP_ins *in, uint32_t x, const char *what,
                    const uint32_t *args, uint32_t *out, xi_err *err);
/* op (XI_ADD, XI_SUB, XI_MUL, XI_DIV, XI_POW of two args, XI_NEG of one), an instance of
   a class of the program's own among args: its __add__ ..., or the right one's __radd__
   ..., as Python's operators dispatch; Python's TypeError when neither has one */
int xiG_dunder(xiG_graph *g, int op, const uint32_t *args, uint32_t n, xi_pos pos,
               uint32_t *out, xi_err *err);
/* str(x) (repr 0: __str__, else __repr__) or repr(x) (__repr__) of instance x: the
   string its method gives; an error when its class has neither */
int xiG_obj_text(xiG_graph *g, uint32_t x, int repr, xi_pos pos, uint32_t *out, xi_err *err);
/* x.name(args) at in */
int xiG_method(xiG_graph *g, const xiP_ins *in, uint32_t x, const uint32_t *args,
               uint32_t *out, xi_err *err);
/* x.name */
int xiG_getattr(xiG_graph *g, uint32_t x, uint32_t name, xi_pos pos, uint32_t *out,
                xi_err *err);
/* x.name = v (op 0), x.name op= v: v's nodes from mark on (a value of constants
   becomes a leaf, as name = v makes); *out the value bound */
int xiG_setattr(xiG_graph *g, uint32_t x, uint32_t name, int op, uint32_t v, uint32_t mark,
                xi_pos pos, uint32_t *out, xi_err *err);
/* inside a method, self.d[k] op= v and self.xs.append(v) (append 1): pair
   holds the value before and after, made from mark on; every holder of the
   old value takes the new (xiG_changed, xiG_replace) */
int xiG_changed_pair(xiG_graph *g, uint32_t pair, int append, int op, uint32_t mark,
                     xi_pos pos, uint32_t *out, xi_err *err);
/* name = x done, x an object (or not: nothing to do): when its prefix is no
   name of it (Net#1, or net#2 after net = Net() again), its attributes take
   name's (net.W), so that net.W1 is what net holds; -1: out of memory */
int xiG_object_named(xiG_graph *g, uint32_t name, uint32_t x, xi_pos pos);
/* name = ... done, old what name held before (XI_NONE: nothing): an object
   whose attributes had name's prefix takes another name that holds it (b =
   net; net = 5 makes net.W b.W), or Class#k in a list, or lets them go when
   nothing holds it (net.W is then no more, as Python's) */
int xiG_object_unnamed(xiG_graph *g, uint32_t name, uint32_t old, xi_pos pos);
/* the attributes of the objects nothing holds let go (before a collection:
   an attribute is a name, which would keep its value alive) */
void xiG_objects_sweep(xiG_graph *g);
/* the class's name of object x ("TwoLayerNet") */
const char *xiG_class_of(const xiG_graph *g, uint32_t x);

/* ---- functions as values (call.c) ----
 * A function as a value is an XI_TUPLE node of kind XI_C_FUNC (no items but
 * d.get's dict), what it calls in x->p: XI_FN_WHAT one of code.h's XI_FN_OP
 * (np.tanh: XI_FN_STAMP its op, XI_FN_FRAME the K_OP spare its calls take,
 * XI_OPF_MATH for math.log, XI_OPF_NPROUND for np.round), XI_FN_GET (d.get),
 * or XI_FN_DEF (a def or a lambda: XI_C_TEXT its name, a lambda's hidden,
 * XI_FN_STAMP the binding's
 * order when it was read, XI_FN_FRAME the number of the scope a lambda reads,
 * 0 for none). */
enum { XI_FN_WHAT = 3, XI_FN_STAMP, XI_FN_FRAME };
#define XI_FN_DEF XI_FN_LAMBDA
/* the function the name (bound to a def, not a class) holds, as a value */
int xiG_func_value(xiG_graph *g, uint32_t name, xi_pos pos, uint32_t *out, xi_err *err);
/* d.get as a value */
int xiG_func_get(xiG_graph *g, uint32_t d, xi_pos pos, uint32_t *out, xi_err *err);
/* the name a function value is called by in messages (sigmoid, np.tanh, <lambda>) */
const char *xiG_func_name(const xiG_graph *g, uint32_t f);
/* v(args) at in (K_CALL or K_CALLV): a function value, or an object whose class has
   __call__; else Python's TypeError (what: how v was named) */
int xiG_call_value(xiG_graph *g, const xiP_ins *in, uint32_t v, const char *what,
                   const uint32_t *args, uint32_t *out, xi_err *err);
/* sorted(xs, key=f, reverse=r), min(..., key=f), max(..., key=f): which an
   XI_PY_*, given the XI_PY_KEY and XI_PY_REVERSE given, their values last in
   args (call.c) */
int xiG_py_keyed(xiG_graph *g, int which, int given, const uint32_t *args, uint32_t n,
                 xi_pos pos, uint32_t *out, xi_err *err);

/* ---- micrograd's and PyTorch's .grad (autograd.c) ---- */
/* Value(x), torch.tensor(x), x.grad, x.data (XI_ATTR_VALUE ...; spare: XI_TT_*) */
int xiG_ag_attr(xiG_graph *g, int which, int spare, uint32_t x, xi_pos pos, uint32_t *out,
                xi_err *err);
/* 1 when node is a leaf made by Value(x) or torch.tensor(...):
   an object of its own, never a leaf "computed from no other value" to copy */
int xiG_ag_keeps(const xiG_graph *g, uint32_t node);
/* node's entry, or NULL */
xiG_agentry *xiG_ag_find(xiG_graph *g, uint32_t node);
/* node's entry made (kind, grad) or changed; -1 out of memory */
int xiG_ag_put(xiG_graph *g, uint32_t node, int kind, uint32_t grad);
/* the entry of from is to's now (an update step: the same object); from
   keeps an XI_AG_MOVED entry, for the graphs computed before */
int xiG_ag_move(xiG_graph *g, uint32_t from, uint32_t to);
/* the kind (XI_AG_VALUE, XI_AG_TENSOR) of a leaf that keeps a .grad which
   root is, or is computed from; 0 when there is none */
int xiG_ag_requires(const xiG_graph *g, uint32_t root);
/* the same, a torch tensor without requires_grad (XI_AG_PLAIN) counted too */
int xiG_ag_kind(const xiG_graph *g, uint32_t root);
/* what root's cone holds: XI_AGM_* */
enum {
  XI_AGM_VALUE = 1,  /* a micrograd Value */
  XI_AGM_GRAD = 2,   /* a tensor that requires grad, reached by no node made under no_grad */
  XI_AGM_TORCH = 4,  /* a torch tensor */
  XI_AGM_F32 = 8,    /* a float32 tensor */
  XI_AGM_F64 = 16,   /* a float64 tensor */
  XI_AGM_NOGRAD = 32, /* root itself was computed under no_grad */
  XI_AGM_CUT = 64,    /* a node whose history a collection let go */
  XI_AGM_MOVED = 128  /* a leaf changed in place since (XI_AG_MOVED) */
};
unsigned xiG_ag_cone(const xiG_graph *g, uint32_t root);
/* XI_ATTR_TORCHM's guard (torchm.c): *out is x, or an error where x is PyTorch's
   tensor, whose method which (XI_TM_*) is not NumPy's */
int xiG_torch_method(xiG_graph *g, int which, uint32_t x, xi_pos pos, uint32_t *out,
                     xi_err *err);
/* the name of the grad_fn PyTorch gives the tensor node i made, or NULL where
   xi does not know it (or is not sure of it) */
const char *xiG_ag_grad_fn(const xiG_graph *g, uint32_t i);
/* (collection, before renew.c makes leaves of the nodes only a list's older
   items need, live[i] == 2) what those that were Values or tensors were: an
   XI_AG_CUT entry each */
void xiG_ag_cut(xiG_graph *g, const uint8_t *live);
/* a with torch.no_grad(): block starts (open) or ends: the nodes made
   between are no_grad's (-1: out of memory) */
int xiG_ag_nograd(xiG_graph *g, int open);
/* a new leaf holding node x's value, its dtype kept (XI_NONE: out of memory) */
uint32_t xiG_ag_copy(xiG_graph *g, uint32_t x, xi_pos pos);
/* old, a Value or a tensor, changed in place to r's value (p.data -= e, W -= e
   under no_grad): a new leaf (an update step) that every name and container
   holding old takes, its .grad with it */
int xiG_ag_replace(xiG_graph *g, uint32_t old, uint32_t r, xi_pos pos, uint32_t *out,
                   xi_err *err);
/* name op= rhs where micrograd's or PyTorch's rules decide (a tensor that
   requires grad: an update in place under no_grad, PyTorch's RuntimeError
   outside; a Value, or a leaf given a sum of Values: name = name op rhs): 1
   when done here (*bound: what name holds), 0 when the tape's own rules
   apply, -1 on an error */
int xiG_ag_update(xiG_graph *g, uint32_t name, int op, uint32_t rhs, uint32_t mark, xi_pos pos,
                  uint32_t *bound, xi_err *err);
/* collection: the .grads of live nodes are kept, then renumbered */
void xiG_ag_live(const xiG_graph *g, uint8_t *live);
void xiG_ag_renumber(xiG_graph *g, const uint32_t *to, uint32_t n); /* n: nodes before */
void xiG_ag_truncate(xiG_graph *g, uint32_t mark);
void xiG_ag_free(xiG_graph *g);
/* (undo.c) a line that runs all or nothing: the table kept at its start, put
   back when it fails (after the tape is truncated to the mark), let go when
   it ends */
void xiG_ag_save(xiG_graph *g);
void xiG_ag_restore(xiG_graph *g);
void xiG_ag_unsave(xiG_graph *g);

/* ---- Python's values (pyval.c: made and read; pymut.c: changed in place) ----
 * A tuple, a list, a dict, a string, a dict's view, an enumerate, a zip and a
 * range are XI_TUPLE nodes: no number of their own, their items side by side
 * in x->args (a dict's as key, value, key, value ...; a view's, an
 * enumerate's and a zip's the values they walk; a range's its three whole
 * numbers; a string none), the kind in x->p[XI_C_KIND], a string's text the
 * symbol x->p[XI_C_TEXT] (the kinds XI_C_* are parse.h's), and how deep containers nest in x->p[XI_C_DEPTH].
 * Like every node they never change: a list's append makes a new list, which
 * every place that held the old one takes (xiG_replace), as every name of a
 * Python list sees it change. */
enum { XI_C_KIND, XI_C_TEXT, XI_C_DEPTH,
       XI_C_EXC, /* a string that is an except's e (cmd/pytry.c): its class + 1 (XI_EXC_*),
                    which type(e) names; 0 for any other string */
       XI_C_DTYPE, /* 1: a string that is x.dtype, NumPy's dtype, its text its name
                     ('float64'): print and f-strings write it, repr writes
                     dtype('float64') (pytype.c); 0 for any other string */
       XI_C_TSIZE /* 1: a tuple that is a PyTorch tensor's x.shape, torch.Size, which
                     print and repr write torch.Size([2, 3]) (build.c); 0 for another */ };
/* A container's x->args is the item[] of a block that the lists made by
   successive appends share (each sees its first nargs; an append writes
   past the last when no other has): a training loop's append costs O(1). */
typedef struct {
  uint32_t cap, used, refs, stamp; /* stamp: the collection that renumbered it last */
  uint32_t item[];
} xiG_items;
static inline xiG_items *xiG_items_of(uint32_t *args) {
  return (xiG_items *)(void *)((char *)args - offsetof(xiG_items, item));
}
/* a container's block let go of (graph.c frees a node's) */
void xiG_items_release(uint32_t *args);
#define XI_C_NEST 100 /* containers inside containers */
static inline int xiG_kind(const xiG_graph *g, uint32_t i) {
  return g->nodes[i].op == XI_TUPLE ? g->nodes[i].x->p[XI_C_KIND] : -1;
}
/* a string that is x.dtype (pytype.c): never read as a str's characters, length or order */
static inline int xiG_is_dtype(const xiG_graph *g, uint32_t i) {
  return xiG_kind(g, i) == XI_C_STR && g->nodes[i].x->p[XI_C_DTYPE];
}
/* "list", "dict", "str", "tuple" ...: a container's kind as Python names it */
const char *xiG_kind_name(int kind);
/* a container of kind made of items (a dict's: keys and values, 2n of them) */
int xiG_container(xiG_graph *g, int kind, const uint32_t *items, uint32_t n, xi_pos pos,
                  uint32_t *out, xi_err *err);
/* {k: v, ...}: kv holds n/2 keys and values; a key given twice keeps its
   first place and its last value, as Python's */
int xiG_dict(xiG_graph *g, const uint32_t *kv, uint32_t n, xi_pos pos, uint32_t *out,
             xi_err *err);
/* Python's builtin or method which (parse.h's XI_PY_*) on args: a method's
   value first.  xs.append(v) gives the pair (xs, the new list) */
/* np.nditer(x, flags=, op_flags=, order=) (nditer.c): an iterator over x's indices (a
   flag or order slot XI_NONE when not given) */
int xiG_nditer(xiG_graph *g, uint32_t x, uint32_t flags, uint32_t op_flags, uint32_t order,
               xi_pos pos, uint32_t *out, xi_err *err);
/* it.multi_index (a tuple), it.finished (a bool) */
int xiG_nditer_attr(xiG_graph *g, uint32_t it, uint32_t name, xi_pos pos, uint32_t *out,
                    xi_err *err);
/* Python's random.seed(n) (None), random.randrange(...), random.randint(a, b) (an int),
   drawn as CPython's (pyrandom.c); which an XI_PY_R* */
int xiG_py_random(xiG_graph *g, int which, const uint32_t *args, uint32_t n, xi_pos pos,
                  uint32_t *out, xi_err *err);
/* it.iternext(): the pair (it, it one step on) */
int xiG_nditer_next(xiG_graph *g, uint32_t it, xi_pos pos, uint32_t *out, xi_err *err);
int xiG_py_call(xiG_graph *g, int which, const uint32_t *args, uint32_t n, xi_pos pos,
                uint32_t *out, xi_err *err);
/* (pytype.c) x's type asked by query (an XI_TYQ_*; mask: the types T names): a string
   or a bool; an error where the answer depends on whether x is Python's number or
   NumPy's and xi cannot tell which */
/* does set c hold only instances of classes (whose hash is their address in CPython)?
   Such a set is walked in the order its items were added (pyset.c) */
int xiG_objects_only(const xiG_graph *g, uint32_t c);
/* s.add(v): the pair (s, s with v), which every holder of s takes (pyset.c) */
int xiG_set_add(xiG_graph *g, uint32_t s, uint32_t v, xi_pos pos, uint32_t *pair,
                xi_err *err);
/* XI_PY_TYPE with classes of the program's own: args x, the query (as xiG_py_type's),
   then each class's name as a string (n in all): isinstance(x, (Value, int)), type(x) ==
   Value, with Python's answer (isinstance follows the class's base) */
int xiG_py_isclass(xiG_graph *g, const uint32_t *args, uint32_t n, xi_pos pos, uint32_t *out,
                   xi_err *err);
int xiG_py_type(xiG_graph *g, uint32_t x, int query, uint32_t mask, xi_pos pos, uint32_t *out,
                xi_err *err);
/* x.dtype: NumPy's dtype of an array or a NumPy scalar, a string marked XI_C_DTYPE;
   Python's AttributeError for a Python number, an error where xi cannot tell which */
int xiG_py_dtype(xiG_graph *g, uint32_t x, xi_pos pos, uint32_t *out, xi_err *err);
/* (pytype.c) whose number scalar node i is, as type(x) reads it: Python's (3 * 4),
   NumPy's (np.sum(v), v[0]), or not known (np.exp's and math.exp's are one node) */
enum { XI_ORIGIN_PY, XI_ORIGIN_NP, XI_ORIGIN_UNKNOWN };
int xiG_py_origin(xiG_graph *g, uint32_t i);
/* (pytype.c) NumPy's bools (an array's, or a scalar read from one) are not Python's:
   a + b of two is their or (*op becomes XI_MAXIMUM), a * b their and, abs(a) a, all
   bools (*as_bool); a - b and -a are NumPy's TypeError; a @ b is refused */
int xiG_np_bool_op(xiG_graph *g, int *op, uint32_t a, uint32_t b, xi_pos pos, int *as_bool,
                   xi_err *err);
/* (pytype.c) & | ^ ~ << >> (op: XI_BITAND ... XI_RSHIFT) of a and b (XI_NONE for ~):
   a float's TypeError, in Python's words or NumPy's by whose the float is; a negative
   shift count Python's ValueError (NumPy's shifts give 0 there: refused); ~ of NumPy's
   bools is their not: *op becomes XI_EQ and *b a 0 */
int xiG_bit_types(xiG_graph *g, int *op, uint32_t a, uint32_t *b, xi_pos pos, xi_err *err);
/* a / b, a // b, a % b, a ** b of numbers (op: XI_DIV ...) in Python's code: Python's
   ZeroDivisionError where b is 0 (a ** b: a is 0 and b < 0) and both are Python's
   numbers (NumPy's give inf or nan, as before); an error too where xi cannot tell */
int xiG_py_zerodiv(xiG_graph *g, int op, const uint32_t *args, xi_pos pos, xi_err *err);
/* Python's errors where its float arithmetic leaves the finite numbers (pytype.c):
   math.f(x) (math: the call is math's; op xi's op of it) of finite operands
   args that is nan (ValueError: math domain error) or inf (OverflowError: math
   range error, or math domain error at a pole: math.log(0)); a ** b of Python's
   floats that overflows (OverflowError) or is complex, (-8.0) ** (1/3) (not
   part of xi).  NumPy's numbers keep their inf and nan; an error too where xi
   cannot tell whose a ** b is */
int xiG_py_domain(xiG_graph *g, int op, int math, const uint32_t *args, uint32_t node,
                  xi_pos pos, xi_err *err);
/* micrograd's Value.tanh() of x (its lecture's engine.py: math.exp(2*x) ...) in binary64:
   Python's OverflowError where math.exp(2*x) passes the largest float (x > 354.89) */
int xiG_py_vtanh(const xiG_graph *g, uint32_t x, xi_pos pos, xi_err *err);
/* -1, 0 or 1: strings a and b in Python's order; INT_MIN when they are not two strings
   (an x.dtype is not one) */
int xiG_py_strcmp(const xiG_graph *g, uint32_t a, uint32_t b);
/* a < b, <=, >, >= of two strings, as Python orders them: a bool; 1 when a and b are
   not two strings or op is not one of those (pytype.c) */
int xiG_py_order(xiG_graph *g, int op, uint32_t a, uint32_t b, xi_pos pos, uint32_t *out,
                 xi_err *err);
/* an error where a or b (XI_NONE: none) is an except's e, which Python's str operations
   (Python's TypeError) and == (eq; not part of xi) do not take as a str; or an x.dtype
   joined to a str (a and b both given: Python's TypeError) or compared (eq) with a
   str that is not a dtype's own name ('float' is float64 to NumPy: not part of xi) */
int xiG_py_no_exc(const xiG_graph *g, uint32_t a, uint32_t b, int eq, xi_pos pos,
                  xi_err *err);
/* the string whose text is the symbol text */
int xiG_string(xiG_graph *g, uint32_t text, xi_pos pos, uint32_t *out, xi_err *err);
/* c[key] of a tuple, list (a whole number, negative from the end) or dict */
int xiG_item(xiG_graph *g, uint32_t c, uint32_t key, xi_pos pos, uint32_t *out, xi_err *err);
/* c[lo:hi:step] of a list, a tuple (XI_NONE for a bound not given): a new one */
int xiG_slice(xiG_graph *g, uint32_t c, const uint32_t *bounds, xi_pos pos, uint32_t *out,
              xi_err *err);
/* how many items a walk over c takes, and the kth (a for loop, a comprehension,
   list(...)): a list's, a tuple's, a dict's keys, a view's, an enumerate's
   (i, x), a zip's tuples, a range's numbers, an array's rows or elements */
int xiG_walk_len(xiG_graph *g, uint32_t c, xi_pos pos, uint32_t *n, xi_err *err);
int xiG_walk_item(xiG_graph *g, uint32_t c, uint32_t k, xi_pos pos, uint32_t *out, xi_err *err);
/* list(c), tuple(c), dict(c) (of (key, value) pairs), sorted(c): a new container */
int xiG_convert(xiG_graph *g, int kind, uint32_t c, xi_pos pos, uint32_t *out, xi_err *err);
/* np.array(c): a list's or a tuple's numbers (or arrays, or lists) as one array */
int xiG_as_array(xiG_graph *g, uint32_t c, xi_pos pos, uint32_t *out, xi_err *err);
/* the n items of t for a, b = t, as a tuple: a tuple's, a list's, an array's rows (or
   elements), what a walk over t takes; Python's errors when there are not n */
int xiG_unpackable(xiG_graph *g, uint32_t t, uint32_t n, xi_pos pos, uint32_t *out,
                   xi_err *err);
/* the n values a for's names take from item (for i, (x, y) in ...: slot[k] is name k's
   place among item's nslots; nslots 0: a place each, slot unread) */
int xiG_targets(xiG_graph *g, uint32_t item, uint32_t n, const uint8_t *slot, uint32_t nslots,
                xi_pos pos, uint32_t *vals, xi_err *err);
/* Python's builtins on a container: sum(c) (added left to right, as Python 3.11),
   min(c) and max(c) (the item itself, the first of equals), len(c) */
int xiG_py_sum(xiG_graph *g, uint32_t c, uint32_t start, xi_pos pos, uint32_t *out,
               xi_err *err);
int xiG_py_pick(xiG_graph *g, int max, const uint32_t *items, uint32_t n, xi_pos pos,
                uint32_t *out, xi_err *err);
/* a + b of lists or tuples (joined), c * n (repeated): a new one; -1 with the message
   for an operator Python has no meaning for */
int xiG_py_op(xiG_graph *g, int op, uint32_t a, uint32_t b, xi_pos pos, uint32_t *out,
              xi_err *err);
/* Python's truth of a container (if xs:, not d): not empty */
int xiG_py_truth(xiG_graph *g, uint32_t c, xi_pos pos, int *holds, xi_err *err);
/* Python's bool(c) of any value (pybuiltin.c): a number's is that it is not 0, an array
   of more than one element has none (NumPy's ValueError, what: why it was asked) */
int xiG_py_bool(xiG_graph *g, uint32_t c, const char *what, xi_pos pos, int *holds,
                xi_err *err);
/* xs.pop(i), d.pop(k) (args: xs, then i or k when given): the pair (xs, xs without
   it) and the item (pybuiltin.c) */
int xiG_py_pop(xiG_graph *g, const uint32_t *args, uint32_t n, xi_pos pos, uint32_t *pair,
               uint32_t *item, xi_err *err);
/* math.isclose(a, b, rel_tol, abs_tol), v those four (XI_NONE: not given; pybuiltin.c) */
int xiG_math_isclose(xiG_graph *g, const uint32_t *v, xi_pos pos, uint32_t *out, xi_err *err);
/* == and != of strings and containers, as Python compares them: a bool */
int xiG_py_equal(xiG_graph *g, uint32_t a, uint32_t b, xi_pos pos, int *equal, xi_err *err);
/* the message for a container where a number must be (what: "exp", "an operand") */
int xiG_not_number(const xiG_graph *g, uint32_t i, xi_pos pos, const char *what, xi_err *err);

/* Changing in place (pymut.c).  A Python list or dict, or a NumPy array,
   changed in place is seen changed by every name and container holding it:
   xi makes the new value, and every place that held the old one takes it
   (containers that held it are made anew, and their holders take those).
   *places counts them.  Refused, with a message, when it would make a
   container hold itself (Python can; values cannot). */
/* old, an array about to change in place: an error where NumPy's change would
   reach a view of it that a name or container holds (v = M[0]; M -= 1), or,
   old being a view, its base (v = M[0]; v += 1): xi follows neither.  The
   update checks it before it binds (names.c), xiG_replace again */
int xiG_no_view(xiG_graph *g, uint32_t old, xi_pos pos, xi_err *err);
/* the name of the first local or argument of a running def (innermost first)
   whose node fn accepts, or XI_NONE (exec.c) */
uint32_t xiG_frames_find(const xiG_graph *g, int (*fn)(const xiG_graph *, uint32_t, void *),
                         void *ctx);
/* the scopes kept for the functions made in them, let go (env.c) */
void xiG_envs_free(xiG_graph *g);
/* the kept scopes no function value can reach any more let go, with their hidden
   names, before a collection (env.c): a loop that makes a closure a step runs in
   bounded memory */
void xiG_envs_sweep(xiG_graph *g);
int xiG_replace(xiG_graph *g, uint32_t old, uint32_t now, xi_pos pos, uint32_t *places,
                xi_err *err);
/* c.append(v) as (c, c'): c' the new list */
int xiG_list_append(xiG_graph *g, uint32_t c, uint32_t v, xi_pos pos, uint32_t *out,
                    xi_err *err);
/* c[key] op= v (op 0: =) for a list or a dict: the new container */
int xiG_setitem(xiG_graph *g, uint32_t c, uint32_t key, int op, uint32_t v, xi_pos pos,
                uint32_t *out, xi_err *err);
/* The statement x[...] op= v done (old: what x[...] indexed, now: what it
   became).  On a name's leaf (xiG_from_before: not one a def made in this
   statement), as for a name, an update step: the new value a leaf of its own.  A list's or dict's item changed: the container changes in
   place; an array's elements (or an array in a container, d['W'] -= ...):
   the array does.  name: x when x is a name (XI_NONE when not: the array
   must be held by something, or the update would go nowhere). */
int xiG_changed(xiG_graph *g, uint32_t name, uint32_t old, uint32_t now, int op,
                uint32_t mark, xi_pos pos, uint32_t *bound, xi_err *err);
/* name op= rhs where one is a container: a list's += (extend) and *= change
   it in place; a tuple's make a new one, which only name takes */
int xiG_py_update(xiG_graph *g, uint32_t name, int op, uint32_t old, uint32_t rhs,
                  uint32_t mark, xi_pos pos, uint32_t *bound, xi_err *err);
/* the items of a container root made from mark on that are computed from no
   other value become leaves (as a name's value would), in a new container */
int xiG_leafify(xiG_graph *g, uint32_t root, uint32_t mark, xi_pos pos, uint32_t *out,
                xi_err *err);
/* (inplace.c) x op= v in a def, old what x held: an array changes in place
   (every holder of old takes the new value, as NumPy's does; refused for a
   view, another shape, or floats into an int array), a list's += and *=
   too; a number, a tuple, a string and micrograd's Value give a new value,
   x's alone, as Python's.  *out: x's new value.  v's nodes start at mark;
   name: x, for the messages */
int xiG_inplace(xiG_graph *g, int op, uint32_t name, uint32_t old, uint32_t v, uint32_t mark,
                xi_pos pos, uint32_t *out, xi_err *err);
/* a container a for loop walks: kept alive, renumbered, and followed through
   changes in place; the pins are a stack, as loops nest */
int xiG_pin(xiG_graph *g, uint32_t node);
static inline void xiG_unpin(xiG_graph *g) { g->npins--; }

#endif
