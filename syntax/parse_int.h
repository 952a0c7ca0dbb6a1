/* parse_int.h: internal to the parser: what its files share with one
 * another (the tokens and code of parse.c, the expressions of expr.c and
 * numpy.c, stmt.c with cmdargs.c, which reads a command's arguments;
 * pystmt.c with pyprint.c and pydef.c, which read print and def).  Only
 * syntax/'s files include it; the rest of xi sees parse.h (statements) and
 * code.h (the code the tape runs). */
#ifndef XI_PARSE_INT_H
#define XI_PARSE_INT_H

#include "syntax/parse.h"

/* ---- the parser's tokens and code (parse.c), for all its files ---- */
enum {
  KW_DEF, KW_FOR, KW_IN, KW_IF, KW_ELIF, KW_ELSE, KW_RETURN, KW_IMPORT, KW_FROM, KW_AS,
  KW_PASS, KW_PRINT, KW_TRUE, KW_FALSE, KW_NONE, KW_NOT, KW_AND, KW_OR, KW_IS, KW_CLASS,
  KW_WHILE, KW_LAMBDA, KW_WITH, KW_TRY, KW_EXCEPT, KW_FINALLY, KW_RAISE, KW_ASSERT,
  KW_BREAK, KW_CONTINUE, KW_GLOBAL, KW_NONLOCAL, KW_YIELD, KW_ASYNC, KW_AWAIT, KW_COUNT
};
enum { MOD_NUMPY, MOD_MATH, MOD_TORCH, MOD_VALUE /* micrograd's Value */,
       MOD_RANDOM /* Python's random */, MOD_RANDFN /* a function from random import ... */,
       MOD_DEFRNG /* from numpy.random import default_rng */,
       MOD_MATHFN /* a function from math import ... (TAG_MATH) */ };
_Noreturn void xiP_fail(xiP_parser *p, xi_pos pos, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* the next token, read once: inline, for the parser asks for it all the time */
static inline xiL_token *xiP_peek(xiP_parser *p) {
  if (!p->have_tok) {
    p->tok = xiL_next(&p->lx);
    p->have_tok = 1;
    if (p->tok.off >= p->stop_at && p->tok.type != T_EOF)
      p->tok.type = T_NL; /* dot L /tmp/g.dot: the file ends the expression */
  }
  return &p->tok;
}
static inline int xiP_is(xiP_parser *p, xiL_type t) { return xiP_peek(p)->type == t; }
_Noreturn void xiP_lex_error(xiP_parser *p); /* the lexer's message for the token peeked */
/* the next token, taken (inline: where its value is not used, nothing is copied) */
static inline xiL_token xiP_take(xiP_parser *p) {
  if (xiP_peek(p)->type == T_ERROR)
    xiP_lex_error(p);
  p->have_tok = 0;
  p->last_end = p->tok.off + p->tok.len;
  return p->tok;
}
void xiP_put_back(xiP_parser *p, const xiL_token *t); /* t, taken, is next again */
/* the '[' peeked opens a plain literal, to be read as an array (parse.c) */
int xiP_plain_literal(xiP_parser *p);
int xiP_word_is(xiP_parser *p, const xiL_token *t, const char *w);
_Noreturn void xiP_unexpected(xiP_parser *p, const char *wanted);
xiL_token xiP_expect(xiP_parser *p, xiL_type t, const char *wanted);
void xiP_grow(xiP_parser *p, xiP_code *c, xi_pos pos); /* room for one more, or fails */
static inline void xiP_emit(xiP_parser *p, xiP_code *c, xiP_ins ins) {
  if (c->n == c->cap)
    xiP_grow(p, c, ins.pos);
  c->ins[c->n++] = ins;
}
void xiP_emit_op(xiP_parser *p, xiP_code *c, int op, xi_pos pos);
void xiP_emit_num(xiP_parser *p, xiP_code *c, const char *text, xi_pos pos);
void xiP_add_name(xiP_parser *p, xiP_stmt *st, uint32_t id, xi_pos pos); /* to st->names */
uint32_t xiP_name_lookup(xiP_parser *p, const xiL_token *t); /* xiP_name_id's slow way */
/* the name token t's id (the last one looked up is kept: the statement's first
   name is asked for more than once) */
static inline uint32_t xiP_name_id(xiP_parser *p, const xiL_token *t) {
  if (t->off == p->last_name_off && p->last_name != XI_NONE)
    return p->last_name;
  return xiP_name_lookup(p, t);
}
uint32_t xiP_intern(xiP_parser *p, const char *s, size_t len, xi_pos pos); /* or fails */
static inline uint16_t xiP_tag_of(xiP_parser *p, const xiL_token *t) {
  return t->type == T_NAME ? (uint16_t)(xiS_tag(p->sym, xiP_name_id(p, t)) & ~TAG_MATH)
                           : TAG_NONE;
}
/* what the word t means in an expression, call: '(' follows it; TAG_NONE for
   a name (stmt.c holds the rule of names and commands) */
uint16_t xiP_word_of(xiP_parser *p, const xiL_token *t, uint16_t tag, int call);
static inline uint16_t xiP_word(xiP_parser *p, const xiL_token *t, int call) {
  uint16_t tag = xiP_tag_of(p, t);
  return tag ? xiP_word_of(p, t, tag, call) : TAG_NONE; /* (a plain name: the common case) */
}
/* fails unless the word t can be given a value here (a for's name, a parameter) */
void xiP_bindable(xiP_parser *p, const xiL_token *t);
void xiP_expr(xiP_parser *p, xiP_code *c); /* an expression, as postfix code (binop.c) */
/* one level deeper, or fails past XI_MAX_NESTING (expr.c) */
void xiP_nest(xiP_parser *p, xi_pos pos);
/* an operand of * / %: -x, x ** 2, f(x).T ... (what follows "%d" % in print) */
void xiP_operand(xiP_parser *p, xiP_code *c);
/* an operand of + and -: a * b, -x ** 2 ... (a part of print's text joined by +) */
void xiP_term(xiP_parser *p, xiP_code *c);
/* an expression, or several separated by commas (a tuple, as Python) */
void xiP_expr_list(xiP_parser *p, xiP_code *c);
/* an unpacking's values after its '=' (a, b = f(x)): st's code made anew, its text kept
   (assign.c; the attributes' unpacking in pyclass.c too) */
void xiP_unpack_values(xiP_parser *p, xiP_stmt *st);
/* assign.c: a statement whose target is read (its code in st), at '=' or 'op=';
   a, b = ... at its ','; np.clip(x, lo, hi, out=x) alone */
void xiP_def_or_assign(xiP_parser *p, xiP_stmt *st);
void xiP_tuple_or_unpack(xiP_parser *p, xiP_stmt *st);
void xiP_clip_statement(xiP_parser *p, xiP_stmt *st);
/* the kind of a Python keyword's tag, or -1 */
static inline int xiP_keyword(uint16_t tag) {
  return TAG_KIND(tag) == TAG_KEYWORD ? TAG_ARG(tag) : -1;
}

/* grade --md L ...: the flag, read before any token is peeked (gradeargs.c) */
void xiP_grade_md(xiP_parser *p, xiP_stmt *st);
/* grade [--md] L [FILE] [> OUT] and its lines of claims, grade's word (kw) taken */
void xiP_grade_args(xiP_parser *p, xiP_stmt *st, xiL_token kw);
/* fails unless id names one of NumPy's print options xi has (cmdargs.c) */
void xiP_printoption(xiP_parser *p, uint32_t id, xi_pos pos);

/* ---- NumPy's spelling (numpy.c) ---- */
#define XI_KW_ARGS 16 /* keyword arguments are read among a call's first 16 */
typedef struct {
  int n, nkw;                      /* arguments, of them keywords (after the others) */
  uint32_t start[XI_KW_ARGS + 1];  /* where each starts in the code, and where they end */
  uint32_t kw[XI_KW_ARGS];         /* a keyword's name, XI_NONE for a positional one */
  xi_pos pos[XI_KW_ARGS];
  xiL_token first;                 /* the first argument's first token */
  int dtype;                       /* dtype=...: an XI_DT_*, or -1 */
  int star;                        /* the first argument was *t (p->star_shape) */
} xiP_callargs;
/* the special forms: compiled by npspecial.c, not to one op of the same name */
enum {
  SP_DOT, SP_ARRAY, SP_COPY, SP_CLIP, SP_WHERE, SP_SEED, SP_ZEROS_LIKE, SP_ONES_LIKE,
  SP_RESHAPE, SP_FLATTEN, SP_ITEM, SP_T, SP_ASTYPE, SP_FLOAT, SP_INT, SP_SQUARE, SP_LEN,
  SP_SHAPE, SP_SIZE, SP_NDIM, SP_DTYPE, SP_RANGE, SP_MATMUL, SP_NORM, SP_NONZERO, SP_BINCOUNT,
  SP_PRINTOPTS, SP_TOLIST, SP_IFLOOR, SP_ICEIL, SP_NPSHUFFLE, SP_ISNAN, SP_ISINF,
  SP_LAND, SP_LOR, SP_LXOR, SP_LNOT, /* np.logical_and ...: of truths (npspecial.c) */
  SP_FORM /* SP_FORM + XI_NPF_*: compiled by npforms.c */
};
/* form sp (an SP_*), its operand on the stack, the other arguments a from
   position first on (npspecial.c) */
void xiP_np_special(xiP_parser *p, xiP_code *c, int sp, const xiP_callargs *a, int first,
                    xiL_token name);
void xiP_np_prepare(xiS_table *sym); /* the tags of keywords, modules and builtins */
/* np.clip(a, lo, hi) of the call a (a's value the argument first); np.clip(x, lo, hi,
   out=x) (npforms.c) */
void xiP_np_clip(xiP_parser *p, xiP_code *c, const xiP_callargs *a, int first, xi_pos pos);
void xiP_np_clip_out(xiP_parser *p, xiP_code *c, const xiP_callargs *a, xiL_token name);
/* a call's arguments, '(' taken, through ')' */
void xiP_call_args(xiP_parser *p, xiP_code *c, xiP_callargs *a, xiL_token name);
/* op with the arguments a: keyword arguments put in their parameters' places */
void xiP_emit_call_op(xiP_parser *p, xiP_code *c, int op, const xiP_callargs *a,
                      xiL_token name);
/* after a call: its values converted to dtype (an XI_DT_*; -1: nothing) */
void xiP_emit_dtype(xiP_parser *p, xiP_code *c, int dtype, xi_pos pos);
/* np.exp(...), math.pi ...: name is the module's alias, the '.' next; MOD_MATHFN:
   name is a function from math import gave, math.NAME */
void xiP_module(xiP_parser *p, xiP_code *c, xiL_token name, int module);
/* from math import n (on; from numpy import n: off): the word n is math's function
   from now on, TAG_MATH (n NULL: every function of math's, import *); 0 when math has
   no function n in xi, 2 when n is math's constant (math.inf) */
int xiP_math_import(xiP_parser *p, const xiL_token *n, int on, xi_pos pos);
/* is the word t math's function here (from math import t), not a name of the
   program's own (a value given it, a def, a parameter)? */
int xiP_math_word(xiP_parser *p, const xiL_token *t);
/* x.sum(...), x.shape ...: the '.' taken, the value on the stack */
void xiP_method(xiP_parser *p, xiP_code *c, xiL_token dot);
/* len(x), float(x), range ...: a built-in name of Python's */
void xiP_builtin(xiP_parser *p, xiP_code *c, xiL_token name, int which);

/* ---- Python's statements (pystmt.c, pyprint.c) ---- */
/* a statement that starts with a Python keyword (def, for, if, print ...) */
void xiP_python(xiP_parser *p, xiP_stmt *st, xiL_token first, int kw);
/* a string token's text, escapes read (f-strings are not plain text: -1; pyprint.c) */
int xiP_string_text(xiP_parser *p, const xiL_token *t, char **text, size_t *len);

/* ---- statements and commands (parse.c, stmt.c, cmdargs.c) ---- */
/* an expression into st->code, remembering its source text for labels */
void xiP_full_expr(xiP_parser *p, xiP_stmt *st);
/* the statement ends here: a newline, a ';' or the end of the input */
int xiP_at_end(xiP_parser *p);
/* t is '=' or a compound assignment (+=, -=, ...) */
int xiP_assignment(xiL_type t);
/* what follows a command's word (kw, taken), by the shape its row gives */
void xiP_command(xiP_parser *p, xiP_stmt *st, xiL_token kw, int cmd);
/* dot L FILE: the lexer back at the file's first token, which read as the end
   of the line (after an error too) */
void xiP_release_file(xiP_parser *p);
/* to xiP_next's failure path (the message is in p->err), freeing what is held */
_Noreturn void xiP_unwind(xiP_parser *p);

/* ---- Python's values (pylist.c) ---- */
void xiP_py_string(xiP_parser *p, xiP_code *c); /* "a" 'b': a string, a value */
void xiP_py_list(xiP_parser *p, xiP_code *c);   /* [a, b], [e for x in xs if c] */
void xiP_py_dict(xiP_parser *p, xiP_code *c);   /* {'k': v, ...} */
/* sum(e for x in xs): e's code is c->ins[start..], 'for' next: the list of a
   comprehension, which Python's sum, min, max ... walk as they walk the generator
   (stop: an XI_COMP_*, where all() and any() stop walking it) */
void xiP_py_generator(xiP_parser *p, xiP_code *c, uint32_t start, xi_pos at, int stop);
/* in, or not in, after an operand (taken, where *at): 1, 2, or 0 (nothing taken) */
int xiP_membership(xiP_parser *p, xi_pos *at);
/* for's names: x, or x, y, or (x, y), into names (at most max); how many */
uint32_t xiP_for_targets(xiP_parser *p, uint32_t *names, xi_pos *at, uint32_t max,
                         uint8_t *slot, uint32_t *nslots);
/* Python's builtins (sum, min, max, list, dict, tuple, sorted, enumerate, zip,
   range; name taken, '(' next) and methods (append, extend, keys, values, items,
   get; '(' taken, the value on the stack) */
void xiP_py_builtin(xiP_parser *p, xiP_code *c, xiL_token name);
void xiP_py_method(xiP_parser *p, xiP_code *c, xiL_token name);

/* ---- Python's statements (pystmt.c, pyimport.c, pyprint.c, pydef.c, pyparams.c) ---- */
/* a new part of st (zeroed but for kind and pos), or fails */
xiP_item *xiP_new_item(xiP_parser *p, xiP_stmt *st, int kind, xi_pos pos);
/* the line ends here: a newline or the end of the input (';' does not) */
int xiP_at_line_end(xiP_parser *p);
/* the block after a header's ':' (taken), at column col: its source is
   [*off, *end) and starts at *at (pystmt.c says how it is read) */
void xiP_block(xiP_parser *p, uint32_t col, xiL_token head, size_t *off, size_t *end,
               xi_pos *at);
/* one block more inside the others (p->blocks), or fails past the limit */
void xiP_enter(xiP_parser *p, xi_pos pos);
/* "...%d..." % values in print: the text's items (plain texts, from item
   first on) on st, '%' next; they become the text's pieces and the values
   (pypercent.c) */
void xiP_percent(xiP_parser *p, xiP_stmt *st, uint32_t first);
/* "...".format(values), the text's items from first on and '.format' taken:
   the text's pieces and the values, as an f-string's (pypercent.c) */
void xiP_str_format(xiP_parser *p, xiP_stmt *st, uint32_t first);
/* one string token of print's: its text, or an f-string's texts and values, as st's
   items (pyprint.c) */
void xiP_string_items(xiP_parser *p, xiP_stmt *st, const xiL_token *t);
/* does one of print's arguments start here that is text: strings alone (',', ')',
   '%' or '.' after them), or joined by + (Python's code), or str(x), repr(x)?
   Nothing is taken (pystr.c) */
int xiP_text_ahead(xiP_parser *p);
/* that argument, into st's items: its parts, each a text or a value with its
   conversion (str, repr; 'S' for a part that must hold a string) (pystr.c) */
void xiP_text_sum(xiP_parser *p, xiP_stmt *st);
/* print(...) or print "x", x: print taken (pyprint.c) */
void xiP_print_stmt(xiP_parser *p, xiP_stmt *st);
/* one of print's arguments (after the '(' or a ','), into st's items */
void xiP_print_arg(xiP_parser *p, xiP_stmt *st);
/* print(...) inside a def: st's values' code onto c, then a K_PRINT whose arg
   is the symbol holding the rest of st (xiP_print_layout reads it back).  For
   an assert (S_ASSERT) its message, items[1] on: the K_PRINT fails with it. */
void xiP_print_code(xiP_parser *p, const xiP_stmt *st, xiP_code *c);
/* import ... and from ... import ... (from: the latter), the word taken (pyimport.c) */
void xiP_import_stmt(xiP_parser *p, xiP_stmt *st, int from);
/* def f(...): and its block, head the def (pydef.c) */
void xiP_def_stmt(xiP_parser *p, xiP_stmt *st, xiL_token head);
/* the parameters up to close (')' after def f(, ':' after lambda) into
   st->names, and their defaults into items (expr: a lambda in an expression)
   (pyparams.c, as are xiP_def_head and xiP_shadow) */
void xiP_params(xiP_parser *p, xiP_stmt *st, xiL_type close, int expr);
/* the defaults first in the function's code: for each, when the call left
   its parameter out, its value is computed and bound as a local (K_DEFAULT)
   (pydef.c) */
void xiP_prologue(xiP_parser *p, xiP_stmt *st);
/* a def's head after its name, (params) -> ...:, and its block: the one reading of
   both a def and a def inside a def (pyfunc.c); the block's text in off..end, at at */
void xiP_def_head(xiP_parser *p, xiP_stmt *st, xiL_token head, size_t *off, size_t *end,
                  xi_pos *at);
/* a def or a lambda given a built-in's name (tag): calls go to the user's from now on */
void xiP_shadow(xiP_parser *p, xiP_stmt *st, uint16_t tag);

/* ---- functions as values (pyfunc.c) ---- */
#define XI_MAX_LAMBDA 100000u /* a lambda's instructions, its parameters among them */
/* f = lambda x, lr=0.1: expr, a function as def makes: lambda next, the name
   (at: where) taken */
void xiP_lambda(xiP_parser *p, xiP_stmt *st, uint32_t name, xi_pos at);
/* lambda x: e as a value (kw, the lambda, taken) */
void xiP_lambda_expr(xiP_parser *p, xiP_code *c, xiL_token kw);
/* v(args) after a value v, '(' (open) taken */
void xiP_call_value(xiP_parser *p, xiP_code *c, xiL_token open);
/* def f(...): inside a def (head the def, taken): f a function made each time the
   enclosing def's line runs, as a lambda is, bound as its local; it reads the enclosing
   def's names as Python's closure does, also after that def returned */
void xiP_nested_def(xiP_parser *p, xiP_stmt *st, xiL_token head);
/* a def's body [off, end) compiled into st->code after its prologue (pydef.c); nested:
   a def inside a def, which may end without return (None) */
int xiP_def_body(xiP_parser *p, xiP_stmt *st, size_t off, size_t end, xi_pos at, int nested);
/* np.tanh as a value: xi's op, and the name it is shown by */
void xiP_func_ref(xiP_parser *p, xiP_code *c, int op, uint8_t flags, const char *name,
                  xi_pos pos);

/* ---- Python's classes (pyclass.c) ---- */
/* class Name: or class Name(object): and its block, head the class (taken) */
void xiP_class_stmt(xiP_parser *p, xiP_stmt *st, xiL_token head);
/* is t's word the name of a method of a class read so far? */
int xiP_class_method(xiP_parser *p, const xiL_token *t);
/* def n(...) in the block of class p->in_class: the function's name, Class.n */
uint32_t xiP_method_name(xiP_parser *p, const xiL_token *n);
/* x.name or x.name(...) after a value (the name t taken) */
void xiP_attr(xiP_parser *p, xiP_code *c, xiL_token t);
/* code from mark a name and attributes (net.W1): one name, the attribute's as
   the tape binds it (when net holds the object it was first assigned to) */
void xiP_fold_attr(xiP_parser *p, xiP_code *c, uint32_t mark);
/* x.name = v, x.name op= v: st's code ends in the K_GETATTR; op taken */
void xiP_attr_assign(xiP_parser *p, xiP_stmt *st, xiL_token op);
/* is code[from, to) an attribute, x.a or x.a.b? (pyclass.c) */
int xiP_attr_target(const xiP_code *c, uint32_t from, uint32_t to);
/* self.a, self.b = v, the targets' code in st->code, target k's from starts[k], eq taken:
   the right side read, and the code that sets each attribute, left to right (pyclass.c) */
void xiP_attr_unpack(xiP_parser *p, xiP_stmt *st, const uint32_t *starts, uint32_t n,
                     xiL_token eq);

/* ---- an index, x[...] (subscript.c) ---- */
/* the items after x[ (open, taken) through ']', and their K_INDEX */
void xiP_subscript(xiP_parser *p, xiP_code *c, xiL_token open);

/* ---- NumPy's functions by slot (numpy.c, npforms.c) ---- */
/* the functions npforms.c compiles (numpy.c's rows name them) */
enum {
  XI_NPF_LINSPACE, XI_NPF_RANDINT, XI_NPF_NORMAL, XI_NPF_UNIFORM, XI_NPF_PERMUTATION,
  XI_NPF_CHOICE, XI_NPF_RANDOM, XI_NPF_CONCATENATE, XI_NPF_VSTACK, XI_NPF_HSTACK,
  XI_NPF_ISCLOSE, XI_NPF_ALLCLOSE, XI_NPF_ALL, XI_NPF_ANY, XI_NPF_COLUMN_STACK,
  XI_NPF_STACK, XI_NPF_EXPAND_DIMS, XI_NPF_SQUEEZE, XI_NPF_IDENTITY, XI_NPF_FULL,
  XI_NPF_FULL_LIKE, XI_NPF_BROADCAST_TO, XI_NPF_TILE, XI_NPF_REPEAT, XI_NPF_MESHGRID,
  XI_NPF_FLIP, XI_NPF_FLIPLR, XI_NPF_FLIPUD, XI_NPF_PROD, XI_NPF_CUMSUM, XI_NPF_CUMPROD,
  XI_NPF_DIFF, XI_NPF_TRACE, XI_NPF_COUNT_NONZERO, XI_NPF_SORT, XI_NPF_ARGSORT,
  XI_NPF_NDITER, XI_NPF_MATH_ISCLOSE
};
/* np.c_[a, b]: the arrays as columns side by side (np.column_stack's rule); the
   parser is after c_ */
void xiP_np_c_(xiP_parser *p, xiP_code *c, xiL_token name);
/* dtype=float (int, bool, np.float64, 'float64' ...): its XI_DT_* (the word taken) */
int xiP_dtype_word(xiP_parser *p);
/* the slot of keyword word in spec ("axis keepdims"), or -1 */
int xiP_kw_slot(const char *spec, const char *word);
/* the keyword names of xi's function fn in NumPy's spelling (sum: axis keepdims), or
   NULL (numpy.c) */
const char *xiP_np_kw_spec(const char *fn);
/* form's call with the arguments a (a method's value is argument 0), name
   the function's name token */
void xiP_np_form(xiP_parser *p, xiP_code *c, int form, const xiP_callargs *a, xiL_token name);
/* np.linalg.norm(x, ord, axis=, keepdims=): '(' taken */
void xiP_norm_call(xiP_parser *p, xiP_code *c, xiL_token name);

/* ---- micrograd's and PyTorch's spelling (pytorch.c) ---- */
/* import torch, from micrograd.engine import Value: the tag the alias takes
   (TAG_MODULE + MOD_*), 0 for another module; a module of theirs xi does not
   have (torch.nn, micrograd.nn) is refused here */
uint16_t xiP_torch_import(xiP_parser *p, const char *module, size_t len, xiL_token name,
                          int from);
/* before x.t(...) (given: with arguments), x on the stack: where torch is imported
   and PyTorch's method t is not NumPy's (x.max(1), x.std()), a guard that refuses a
   tensor x at run time */
void xiP_torch_guard(xiP_parser *p, xiP_code *c, xiL_token t, int given);
/* torch.f(...), Value(x): name taken, module its MOD_* */
void xiP_torch(xiP_parser *p, xiP_code *c, xiL_token name, int module);
/* after a value's '.': .grad .data .backward() .relu() ...: 1 when t was
   one of theirs (compiled), 0 when it is NumPy's to read */
int xiP_torch_method(xiP_parser *p, xiP_code *c, xiL_token t, xiL_token dot);
/* the statement whose expression was just read is one of theirs (x.backward(),
   x.grad = 0, x.grad.zero_(), x.data -= e): 1 when made so */
int xiP_torch_stmt(xiP_parser *p, xiP_stmt *st);
/* with torch.no_grad(): and its block (with taken) */
void xiP_with_stmt(xiP_parser *p, xiP_stmt *st, xiL_token head);
/* isinstance(x, T), type(x) and what follows it (.__name__, == T ...), '(' taken
   (pytypes.c) */
void xiP_py_type(xiP_parser *p, xiP_code *c, xiL_token name);
/* m is None, m is not None, m a module's name (taken): the bool, compiled (try: import
   torch / except ImportError: torch = None, then if torch is not None:); 0, nothing
   taken, when is does not follow (pytypes.c) */
int xiP_module_is_none(xiP_parser *p, xiP_code *c, xiL_token m);
/* an exception's class as raise and except name it, builtins.ValueError too: its
   XI_EXC_ number or -1, *t its name (pytry.c) */
int xiP_read_exc_class(xiP_parser *p, const char *expected, xiL_token *t);
/* try: and its excepts, else and finally (head, taken; pytry.c) */
void xiP_try_stmt(xiP_parser *p, xiP_stmt *st, xiL_token head);
/* the next line goes on with keyword kw1 or kw2 at column col (else, elif, except):
   taken, in *out; otherwise nothing is taken (pystmt.c) */
int xiP_continues(xiP_parser *p, uint32_t col, int kw1, int kw2, xiL_token *out);
/* reads a block's statements once, for their syntax errors (pystmt.c) */
void xiP_check_block(xiP_parser *p, size_t off, size_t end, xi_pos at, int loop);

#endif
