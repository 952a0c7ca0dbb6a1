/* code.h: the postfix code statements and expressions are compiled to, and
 * all of the parser's work that the tape sees: it runs the code (tape/exec.c)
 * and keeps some (a function's body, a constant expression).  Postfix code
 * (reverse Polish) lets the graph builder run a plain loop with a stack: no
 * recursion, so no input can overflow the C stack there. */
#ifndef XI_CODE_H
#define XI_CODE_H

#include <stdint.h>

#include "diag/diag.h"

/* K_NUM's arg (and XI_CONST's aux) for pi and e, which are not literal texts */
#define XI_LIT_PI (UINT32_MAX - 1)
#define XI_LIT_E (UINT32_MAX - 2)

typedef enum {
  K_NUM,   /* a literal: arg = its text (with any minus folded in) as a symbol, or XI_LIT_*;
              True and False are the symbols of those words */
  K_NAME,  /* arg = name id (pi and e are names too, bound or not) */
  K_OP,    /* op = an xiO_op; argc arguments when written as a call */
  K_CALL,  /* a user function: arg = name id, argc arguments (op of them keywords: K_CALLKW) */
  K_DERIV, /* grad/hessian/jacobian(E, v): op = XI_D_*, arg = the name v; E on the stack
              (jvp(E, v, dv): E, then dv) */
  K_INDEX, /* E[i, j]: argc items, op a bit mask of the ':' ones, arg their kinds
              (XI_IX_*: slices with bounds, None) */
  K_LIST,  /* [a, b, ...]: arg items on the stack */
  K_MAKE,  /* zeros ones eye randn rand arange: op which, argc sizes (or one tuple);
              linspace and np.random's (op >= XI_MAKE_LINSPACE): argc values, arg a mask
              of the slots given */
  K_LET,   /* inside a def: the top of the stack becomes the local name arg (op 1: arg is
              a local with no value yet, as Python's names assigned in a def) */
  K_TUPLE, /* (a, b, ...): argc items on the stack make a tuple */
  K_UNPACK,/* a tuple on the stack replaced by its argc items */
  K_DUP,   /* the top of the stack twice (op XI_DUP_TWO: the top two twice, a b to a b a b,
              Python's DUP_TOP_TWO: divmod(a, b) is a // b and a % b) */
  K_SWAP,  /* the top two exchanged (op XI_SWAP_ROT3: the top three turned, a b c to
              c a b, Python's ROT_THREE: a < b < c keeps b under a < b) */
  K_ATTR,  /* x.shape, x.size, len(x) ...: op an XI_ATTR_* of the value on the stack */
  K_RESHAPE, /* x.reshape(...): x and argc sizes (or one tuple) on the stack */
  K_NPCALL, /* a NumPy function the tape builds of several ops: op an XI_NP_*, argc
               values on the stack, arg a mask of the slots given (np.isclose(a, b,
               atol=...): slots a b rtol atol) */
  K_INDEXSET, /* x[index] op= v as a new value: x, the argc index items (op: a bit mask of
                 the ':' ones, not on the stack; arg their kinds) and v; spare: the op (0
                 for =) */
  /* Python's calls and choices.  A skip counts instructions, so that code
     appended to other code (a def's body) keeps its meaning. */
  K_CALLKW,  /* f(x, lr=0.5): a keyword argument's name (arg), no value: the K_CALL after
                these takes the last op of its argc values as keyword arguments, named by
                the op K_CALLKW just before it, in order */
  K_DEFAULT, /* inside a def: when the call gave parameter argc, skip the next arg
                instructions (its default's code and the K_LET that binds it) */
  K_SKIPF,   /* a if c else b: one number off the stack; when it is 0 (op 1: when it is
                not 0, for or), skip the next arg (spare XI_SKIPF_CHAIN: the a < b of
                a < b < c, for the message when it is an array) */
  K_SKIP,    /* skip the next arg instructions (op 1: go back, so that the next one run is
                arg - 1 before it: a loop in a def) */
  K_DROP,    /* the top of the stack dropped (a and b: a, when b is the value) */
  /* Python's values (a .py file, or after import): */
  K_STR,   /* a string: arg = its text (escapes read) as a symbol */
  K_PY,    /* a builtin of Python's on containers (XI_PY_*): argc arguments (a method's
              value first; arg: 1 when that value is a plain name) */
  K_COMP,  /* [e for x in it if c]: it on the stack; op names follow as K_NAME, then argc
              instructions of the condition, a K_COMP whose argc counts e's, and e's; for
              i, (x, y) in ...: arg places, each name's in its K_NAME's spare (arg 0: a
              place for each name) */
  /* Python's objects (a class's instances; syntax/pyclass.c, tape/pyobj.c): */
  K_GETATTR, /* x.name: arg the name; x on the stack */
  K_SETATTR, /* x.name = v, x.name op= v (spare: the op, 0 for =): x and v on the stack; v
                stays as the value; the scope's mark (K_MARK) says where v's nodes start */
  K_METHOD,  /* x.name(args): arg the name, x and argc arguments on the stack (op of them
                keywords, named by the K_CALLKW before it) */
  K_MARK,    /* where an attribute's value starts to be built (for K_SETATTR) */
  K_CHANGED, /* self.d[k] op= v (spare: the op), self.xs.append(v) (arg 1) in a method: the
                pair (old, new) on the stack; every holder of old takes new (tape/pymut.c)
                and new stays as the value */
  K_NONE,    /* None: what a method without return gives */
  K_WALK,    /* a for in a def: it and a whole number i on the stack; when i is at it's
                end, skip the next arg; else it's item i, then i + 1 (pydef.c) */
  K_PRINT,   /* print(...) in a def: its argc values on the stack, in order, taken; arg
                the symbol of the rest of the statement (xiP_print_layout); the graph's
                print hook writes it (the session's), nothing is pushed */
  K_INPLACE, /* x op= v in a def (op: the operator, arg: x): x's value and v on the stack;
                an array changes in place, seen by every holder, a number gives a new
                value (tape/inplace.c); x's new value is pushed, for the K_LET after it */
  /* functions as values (syntax/pyfunc.c, tape/call.c): */
  K_FUNC,  /* a function as a value: op XI_FN_OP: NumPy's np.tanh (argc the xi op, arg
              the symbol of its name, spare the K_OP spare its calls take: XI_OPF_MATH
              for math.log, XI_OPF_NPROUND for np.round); XI_FN_LAMBDA: lambda, argc parameters, arg the
              instructions before this that are its own: a K_FUNC XI_FN_PARAM per
              parameter (arg its name), then its body (defaults first, as a def's),
              which a K_SKIP (spare XI_SKIP_LAMBDA) before them skips, so that the
              value's code ends in this K_FUNC, whatever the body's ends in;
              XI_FN_GET: d.get, the dict on the stack (arg: get, an object's own) */
  K_CALLV  /* v(args): the value v called, under its argc arguments (op of them keywords,
              named by the K_CALLKW before it): acts['relu'](z), fs[0](x) */
} xiP_kind;
#define XI_SWAP_ROT3 1  /* K_SWAP's op */
#define XI_DUP_TWO 1    /* K_DUP's op */
/* K_COMP's spare (its first): a generator that all() (any()) reads stops at the first
   item whose truth is false (true), as Python's does */
enum { XI_COMP_EVERY, XI_COMP_UNTIL_FALSE, XI_COMP_UNTIL_TRUE };
#define XI_SKIPF_CHAIN 1 /* K_SKIPF's spare */
/* K_FUNC's op */
enum { XI_FN_OP, XI_FN_LAMBDA, XI_FN_PARAM, XI_FN_GET };
#define XI_SKIP_LAMBDA 1 /* K_SKIP's spare: over a lambda's own instructions */
/* K_CALLKW's op: the last instruction of the body of a def inside a def (compiled as a
   lambda, syntax/pyfunc.c), which does nothing when run: arg the def's name */
#define XI_KW_DEFNAME 1
/* K_NAME's spare: a def's default that is a name (activation=sigmoid): its value must
   be a function, or None */
#define XI_NAME_DEFAULT 1
/* K_TUPLE's op: what its items make (Python's containers; tape/pyval.c) */
enum { XI_C_TUPLE, XI_C_LIST, XI_C_DICT, XI_C_STR, XI_C_KEYS, XI_C_VALUES, XI_C_ITEMS,
       XI_C_ENUMERATE, XI_C_ZIP, XI_C_RANGE,
       XI_C_OBJ,   /* an instance of a class (tape/pyobj.c): no items; its class and id */
       XI_C_NONE,  /* None, what a method without return gives */
       XI_C_SET,   /* a set: its items once each, in no order xi shows (tape/pyset.c) */
       XI_C_ULIST,   /* list(a set): a list in CPython's hash order, which xi does not
                        know: only what does not depend on it is read (len, in, sort) */
       XI_C_NDITER,  /* np.nditer(x, flags=['multi_index']): its position and x's shape
                         (tape/nditer.c) */
       XI_C_FUNC,    /* a function as a value (tape/call.c): no items (d.get's: d) */
       XI_C_GEN };   /* np.random.default_rng's Generator (tape/npgen.c): no items; its
                        state's place in g->gens */
/* K_PY's op */
enum {
  XI_PY_LIST, XI_PY_TUPLE, XI_PY_DICT, XI_PY_SORTED, XI_PY_ENUMERATE, XI_PY_ZIP, XI_PY_RANGE,
  XI_PY_SUM, XI_PY_MIN, XI_PY_MAX, XI_PY_KEYS, XI_PY_VALUES, XI_PY_ITEMS, XI_PY_COPY,
  XI_PY_APPEND, /* xs.append(v): the pair (xs, the new list), for the statement (S_MUTATE) */
  XI_PY_EXTEND, /* xs.extend(v): likewise */
  XI_PY_GET,    /* d.get(k), d.get(k, default) */
  XI_PY_IN,     /* x in c: a bool */
  XI_PY_NOTIN,  /* x not in c */
  XI_PY_IS,     /* x is None (one side None: xi's values have no other identity) */
  XI_PY_ISNOT,  /* x is not None */
  XI_PY_INDEX,  /* xs.index(v) */
  XI_PY_REVERSED, /* reversed(xs): a list, last item first */
  XI_PY_SET,      /* set(), set(xs) (tape/pyset.c) */
  XI_PY_SORT,     /* xs.sort(): the pair (xs, the sorted list), for the statement (S_MUTATE) */
  XI_PY_JOIN,     /* sep.join(xs): a string */
  XI_PY_ITERNEXT, /* it.iternext(): the pair (it, it one step on), for the statement
                     (S_MUTATE; tape/nditer.c) */
  XI_PY_RSEED,    /* random.seed(n): Python's random module (tape/pyrandom.c) */
  XI_PY_RANDRANGE, /* random.randrange(...), randrange(...) */
  XI_PY_RANDINT,  /* random.randint(a, b) */
  XI_PY_RRANDOM,  /* random.random(), random.uniform(a, b), random.choice(xs) ... */
  XI_PY_UNIFORM,
  XI_PY_CHOICE,
  XI_PY_SHUFFLE,  /* random.shuffle(xs): the pair (xs, xs shuffled), for the statement
                     (S_MUTATE) */
  XI_PY_NPSHUFFLE, /* np.random.shuffle(x): the pair (x, np.random.permutation(x)), likewise */
  XI_PY_GAUSS,    /* random.gauss(mu, sigma), random.normalvariate(mu, sigma) */
  XI_PY_NORMALVARIATE,
  XI_PY_SAMPLE,   /* random.sample(population, k): a new list */
  XI_PY_NPSEED,   /* np.random.seed(n) inside a def (at the top it is the seed command) */
  XI_PY_DEFAULT_RNG, /* np.random.default_rng(seed): a Generator (tape/npgen.c) */
  XI_PY_TYPE,     /* type(x) and isinstance(x, T) (tape/pytype.c): x, then a whole number,
                     its query (XI_TYQ_*), + 4 when negated (!=, is not, not in), + 8 * its mask of
                     types (1 << XI_TY_*) */
  XI_PY_ALL, XI_PY_ANY, XI_PY_BOOL, /* all(xs), any(xs), bool(x): Python's bools
                                       (tape/pybuiltin.c) */
  XI_PY_COUNT,    /* xs.count(v) */
  XI_PY_INSERT,   /* xs.insert(i, v): the pair (xs, the new list), for the statement (S_MUTATE) */
  XI_PY_REMOVE,   /* xs.remove(v): likewise */
  XI_PY_POP,      /* xs.pop(), xs.pop(i), d.pop(k): likewise (compiled as the method
                     pop, whose value is the item: tape/exec.c) */
  XI_PY_DELITEM,  /* del xs[i], del d[k]: likewise (syntax/cmdargs.c) */
  /* a string's methods (tape/pyset.c): s.upper(), s.split(sep, maxsplit) ... */
  XI_PY_UPPER, XI_PY_LOWER, XI_PY_STRIP, XI_PY_LSTRIP, XI_PY_RSTRIP, XI_PY_SPLIT,
  XI_PY_STARTSWITH, XI_PY_ENDSWITH, XI_PY_REPLACE,
  /* strings made from values (tape/pystrtmpl.c): str(x), repr(x), s.format(...), and a
     field of an f-string used as a value: its template "{!r:>5}" and the value */
  XI_PY_STR, XI_PY_REPR, XI_PY_FORMAT, XI_PY_FIELD,
  XI_PY_FSUM, /* math.fsum(xs): the exact sum, rounded once (tape/pybuiltin.c) */
  XI_PY_ZIPSTAR /* zip(*rows): zip of rows' items, as many as rows has (tape/pycall.c) */
};
/* K_PY's spare for sorted, min and max: key= (a function) and reverse= given, their
   values on the stack after the others, in that order */
#define XI_PY_KEY 1
#define XI_PY_REVERSE 2
/* XI_PY_TYPE's types: Python's and NumPy's, as an answer and as a mask's bits */
enum {
  XI_TY_INT, XI_TY_FLOAT, XI_TY_BOOL, XI_TY_STR, XI_TY_LIST, XI_TY_DICT, XI_TY_TUPLE,
  XI_TY_SET, XI_TY_NONE, XI_TY_NDARRAY, XI_TY_F64, XI_TY_I64, XI_TY_NPBOOL, XI_TY_U8,
  XI_TY_OTHER, XI_TY_COUNT /* (OTHER: a range, a zip, an instance of a class ...) */
};
/* and its queries: type(x).__name__ and type(x) printed (strings), isinstance(x, T)
   and type(x) is T (bools: T the mask) */
enum { XI_TYQ_NAME, XI_TYQ_CLASS, XI_TYQ_ISINSTANCE, XI_TYQ_IS };

/* K_ATTR's op: what is read from a value */
enum {
  XI_ATTR_SHAPE, /* its shape as a tuple */
  XI_ATTR_SIZE,  /* its number of elements */
  XI_ATTR_NDIM,  /* its rank */
  XI_ATTR_DTYPE, /* x.dtype: its NumPy dtype, a string that prints as one (tape/pytype.c) */
  XI_ATTR_LEN,   /* len(x): rows of a matrix, elements of a vector */
  XI_ATTR_ITEM,  /* x.item(): the one element, as a scalar */
  XI_ATTR_FLATTEN, /* x.flatten(), x.ravel(): a vector */
  XI_ATTR_FLOAT, /* float(x), x.astype(float): the same numbers, as floats */
  XI_ATTR_INT,   /* int(x), x.astype(int): truncated toward 0, as ints */
  XI_ATTR_ROUNDINT, /* after Python's round(x) (no ndigits): an int for a number (round(2.7) is
                       3), NumPy's floats for an array */
  XI_ATTR_ARRAY, /* np.array(x): a tuple's items as a vector; a value copied */
  XI_ATTR_SEED,  /* np.random.seed(N): only a statement of its own (stmt.c) */
  XI_ATTR_PRINTOPTS, /* np.set_printoptions(...): only a statement of its own (stmt.c) */
  XI_ATTR_TOLIST,   /* x.tolist(): Python's numbers, in a list (a matrix: a list of rows) */
  XI_ATTR_NONZERO, /* np.nonzero(x), np.where(x): a tuple of index arrays, one per axis */
  XI_ATTR_BINCOUNT, /* np.bincount(x): how many times each whole number 0, 1, ... occurs */
  XI_ATTR_UINT8,    /* dtype='uint8', x.astype(np.uint8): as ints, each 0..255 */
  XI_ATTR_NOVIEW,   /* the value itself, or an error where it is a view of a held array
                       (a def's r += 1 after r = M[0]: tape/pymut.c xiG_no_view) */
  /* micrograd's and PyTorch's (syntax/pytorch.c, tape/autograd.c): */
  XI_ATTR_VALUE,    /* Value(x): a new leaf holding x, a micrograd Value */
  XI_ATTR_TENSOR,   /* torch.tensor(x, ...): a new leaf; spare: XI_TT_* */
  XI_ATTR_GRAD,     /* x.grad: what the backward calls left there */
  XI_ATTR_DATA,     /* x.data, x.detach(), x.numpy(): the value without its history */
  XI_ATTR_BACKWARD, /* x.backward(): only a statement of its own (spare: retain_graph) */
  XI_ATTR_ZERO,     /* x.grad.zero_(): only a statement of its own */
  XI_ATTR_REQUIRES, /* x.requires_grad: True when backward() would reach a leaf through x */
  XI_ATTR_TORCHM    /* before x.max(dim) ... (spare: XI_TM_*): x itself, or an error where x
                       is PyTorch's tensor, whose method of that name is not NumPy's
                       (tape/torchm.c) */
};
/* XI_ATTR_TORCHM's spare: the method whose PyTorch meaning xi does not give */
enum { XI_TM_MAX, XI_TM_MIN, XI_TM_STD, XI_TM_VAR, XI_TM_ROUND, XI_TM_REPEAT, XI_TM_ARGSORT,
       XI_TM_TOLIST, XI_TM_COPY, XI_TM_ASTYPE, XI_TM_TRANSPOSE, XI_TM_CUMSUM, XI_TM_CUMPROD,
       XI_TM_SIZE, XI_TM_DTYPE, XI_TM_COUNT };
/* XI_ATTR_DATA's spare: a Python number or a NumPy array (.item(), .numpy()), where
   without it a tensor's .data and .detach() are tensors */
#define XI_DATA_PLAIN 1
/* XI_ATTR_TENSOR's spare */
#define XI_TT_GRAD 1    /* requires_grad=True */
#define XI_TT_F64 2     /* dtype=torch.float64 (or float, double) written */
#define XI_TT_F32 4     /* dtype=torch.float32 written */
#define XI_TT_LITERAL 8 /* x written as numbers: Python's floats, which PyTorch makes float32 */
/* K_INDEX's and K_INDEXSET's arg: item q's kind in its byte q.  0: an
   expression (':' when bit q of op is set); XI_IX_SLICE | the parts of
   a:b:c written (1, 2, 4), each on the stack in that order; XI_IX_NEWAXIS:
   None or np.newaxis, nothing on the stack.  At most XI_IX_MAX items. */
#define XI_IX_SLICE 0x80u
#define XI_IX_NEWAXIS 0x40u
#define XI_IX_MAX 4
static inline unsigned xiP_ix_kind(uint32_t arg, int q) { return (arg >> (8 * q)) & 0xffu; }
/* the stack items of an index with argc items, mask and kinds arg */
static inline uint32_t xiP_ix_items(int argc, unsigned mask, uint32_t arg) {
  uint32_t n = 0;
  for (int q = 0; q < argc; q++) {
    unsigned k = xiP_ix_kind(arg, q);
    n += k & XI_IX_SLICE ? (k & 1) + (k >> 1 & 1) + (k >> 2 & 1)
         : k & XI_IX_NEWAXIS ? 0
                             : !(mask & (1u << q));
  }
  return n;
}
/* K_NPCALL's op */
enum { XI_NP_CONCATENATE, XI_NP_VSTACK, XI_NP_HSTACK, XI_NP_COLUMN_STACK, XI_NP_STACK,
       XI_NP_ISCLOSE, XI_NP_ALLCLOSE, XI_NP_ALL, XI_NP_ANY, /* the joins first (npcall.c) */
       XI_NP_MATH_ISCLOSE, /* math.isclose(a, b, rel_tol=, abs_tol=): Python's bool
                              (tape/pybuiltin.c) */
       /* shapes and copies (npshape.c) */
       XI_NP_EXPAND_DIMS, XI_NP_SQUEEZE, XI_NP_FULL, XI_NP_FULL_LIKE, XI_NP_FULL_AS,
       XI_NP_BROADCAST_TO, XI_NP_TILE, XI_NP_REPEAT, XI_NP_MESHGRID, XI_NP_MESHGRID_IJ,
       XI_NP_FLIP, XI_NP_FLIPLR, XI_NP_FLIPUD,
       /* along an axis (npaxis.c) */
       XI_NP_PROD, XI_NP_CUMSUM, XI_NP_CUMPROD, XI_NP_DIFF, XI_NP_TRACE, XI_NP_COUNT_NONZERO,
       XI_NP_SORT, XI_NP_SORT_STABLE, XI_NP_ARGSORT, XI_NP_ARGSORT_STABLE,
       XI_NP_NDITER }; /* np.nditer's iterator (nditer.c) */
/* K_OP's spare: NumPy's np.dot (a scalar operand multiplies); a function's call
   (np.f(...), f(...), not an operator or a method): a list or a tuple among its
   arguments is an array, as NumPy takes it */
#define XI_OPF_DOT 1
#define XI_OPF_NP 2
#define XI_OPF_NOT 4 /* the == 0 that not x is: a list, a dict or a string by its truth */
/* round's: np.round(x, d), x.round(d) (NumPy's way, in a format); Python's
   round(x, d) (NumPy's way only when x is an array or a NumPy scalar) */
#define XI_OPF_NPROUND 8
#define XI_OPF_PYROUND 16
#define XI_OPF_MATH 32 /* math.log(x) ...: Python's math module, which raises where NumPy's
                         np.log gives inf or nan (tape/pytype.c) */
#define XI_OPF_VALUE 64 /* v.tanh(), v.exp() of micrograd's Value: its engine.py's, by
                           math.exp in Python's floats (tape/operands.c) */

typedef struct {
  uint8_t kind, op, spare;
  uint16_t argc;
  uint32_t arg;
  xi_pos pos;
} xiP_ins;

typedef struct {
  xiP_ins *ins;
  uint32_t n, cap;
} xiP_code;

void xiP_code_free(xiP_code *c);
int xiP_code_copy(xiP_code *dst, const xiP_code *src);

#endif
