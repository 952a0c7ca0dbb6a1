/* parse.h: statements, and expressions compiled to postfix code.
 * Postfix code (reverse Polish) lets the graph builder run a plain loop with
 * a stack: no recursion, so no input can overflow the C stack there.  The
 * parser itself recurses only on nesting, which it limits. */
#ifndef XI_PARSE_H
#define XI_PARSE_H

#include <setjmp.h>

#include "ops/ops.h"
#include "syntax/commands.h"
#include "syntax/lex.h"
#include "syntax/sym.h"

#define XI_MAX_NESTING 1000
/* K_NUM's arg (and XI_CONST's aux) for pi and e, which are not literal texts */
#define XI_LIT_PI (UINT32_MAX - 1)
#define XI_LIT_E (UINT32_MAX - 2)

typedef enum {
  K_NUM,   /* a literal: arg = its text (with any minus folded in) as a symbol, or XI_LIT_*;
              True and False are the symbols of those words */
  K_NAME,  /* arg = name id (pi and e are names too, bound or not) */
  K_OP,    /* op = an xiO_op; argc arguments when written as a call */
  K_CALL,  /* a user function: arg = name id, argc arguments */
  K_DERIV, /* grad/hessian/jacobian(E, v): op = XI_D_*, arg = the name v; E on the stack
              (jvp(E, v, dv): E, then dv) */
  K_INDEX, /* E[i, j]: argc items, op a bit mask of the ':' ones, arg their kinds
              (XI_IX_*: slices with bounds, None) */
  K_LIST,  /* [a, b, ...]: arg items on the stack */
  K_MAKE,  /* zeros ones eye randn rand arange: op which, argc sizes (or one tuple);
              linspace and np.random's (op >= XI_MAKE_LINSPACE): argc values, arg a mask
              of the slots given */
  K_LET,   /* inside a def: the top of the stack becomes the local name arg */
  K_TUPLE, /* (a, b, ...): argc items on the stack make a tuple */
  K_UNPACK,/* a tuple on the stack replaced by its argc items */
  K_DUP,   /* the top of the stack twice */
  K_SWAP,  /* the top two exchanged */
  K_ATTR,  /* x.shape, x.size, len(x) ...: op an XI_ATTR_* of the value on the stack */
  K_RESHAPE, /* x.reshape(...): x and argc sizes (or one tuple) on the stack */
  K_NPCALL, /* a NumPy function the tape builds of several ops: op an XI_NP_*, argc
               values on the stack, arg a mask of the slots given (np.isclose(a, b,
               atol=...): slots a b rtol atol) */
  K_INDEXSET /* x[index] op= v as a new value: x, the argc index items (op: a bit mask of
                the ':' ones, not on the stack; arg their kinds) and v; spare: the op (0
                for =) */
} xiP_kind;

/* K_ATTR's op: what is read from a value */
enum {
  XI_ATTR_SHAPE, /* its shape as a tuple */
  XI_ATTR_SIZE,  /* its number of elements */
  XI_ATTR_NDIM,  /* its rank */
  XI_ATTR_LEN,   /* len(x): rows of a matrix, elements of a vector */
  XI_ATTR_ITEM,  /* x.item(): the one element, as a scalar */
  XI_ATTR_FLATTEN, /* x.flatten(), x.ravel(): a vector */
  XI_ATTR_FLOAT, /* float(x), x.astype(float): the same numbers, as floats */
  XI_ATTR_INT,   /* int(x), x.astype(int): truncated toward 0, as ints */
  XI_ATTR_ARRAY, /* np.array(x): a tuple's items as a vector; a value copied */
  XI_ATTR_SEED   /* np.random.seed(N): only a statement of its own (parse.c) */
};
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
enum { XI_NP_CONCATENATE, XI_NP_VSTACK, XI_NP_HSTACK, XI_NP_ISCLOSE, XI_NP_ALLCLOSE, XI_NP_ALL,
       XI_NP_ANY };
/* K_OP's spare: NumPy's np.dot (a scalar operand multiplies) */
#define XI_OPF_DOT 1

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

typedef enum {
  S_EXPR, S_ASSIGN, S_DEF, S_COMMAND,
  S_PRINT,    /* print(...): items */
  S_IMPORT,   /* import numpy as np: items name the modules, for the notes */
  S_FOR,      /* for name in range(code): the block at body_off */
  S_IF,       /* if/elif/else: items, each a condition (or else) and its block */
  S_UNPACK,   /* names... = code (a tuple) */
  S_INDEXSET, /* name[index] op= ...: code makes the new value (K_INDEXSET) */
  S_RETURN,   /* inside a def: its value */
  S_NOTHING   /* pass, a docstring: read and done */
} xiP_stmt_kind;

/* a part of a statement that has several: print's texts and values, an if's
   branches, an import's modules, check's right side (I_VALUE) and tolerance (I_TOL) */
typedef enum { I_ARG, I_TEXT, I_VALUE, I_COND, I_ELSE, I_IMPORT, I_INDEX, I_TOL } xiP_item_kind;
typedef struct {
  uint8_t kind;  /* an xiP_item_kind */
  char conv;     /* I_VALUE: 'r', 's' or 0, as in {x!r} */
  uint8_t debug; /* I_VALUE: {x=}, which prints the text of x and '=' first */
  char *text;    /* I_TEXT: the text (escapes read); I_VALUE: the format spec;
                    I_IMPORT: the module's name */
  size_t len;
  xiP_code code; /* I_VALUE, I_COND, I_INDEX: the expression */
  size_t off, end; /* I_COND, I_ELSE: the block's source; I_VALUE: x's source */
  xi_pos pos;    /* where it starts */
  xi_pos at;     /* I_COND, I_ELSE: where the block starts */
  uint32_t name; /* I_IMPORT: the alias; I_INDEX: the K_INDEX mask in its arg */
} xiP_item;

typedef struct {
  xiP_stmt_kind kind;
  int cmd;              /* S_COMMAND: which (an xiP_command) */
  xi_pos pos;           /* the statement's first token */
  xi_pos target_pos;    /* the name assigned, defined or asked about */
  xiL_type assign;      /* T_ASSIGN, T_PLUSEQ, ... */
  uint32_t name;        /* the name assigned or defined */
  xiP_code code;        /* the expression (a function's body for S_DEF) */
  size_t text_off, text_len; /* the expression's source text */
  uint32_t *names;      /* parameters (S_DEF), wrt list, del list */
  xi_pos *name_pos;
  uint32_t nnames;
  size_t rhs_off, rhs_end; /* check: the right side's source (numbers or an expression) */
  xiL_token *claims;    /* check: the numbers claimed (a list for a tensor) */
  uint8_t *claim_neg;   /* each written with a minus */
  uint32_t nclaims;
  xi_shape claim_shape;
  xi_pos claim_pos;
  size_t body_off, body_len; /* repeat: the text between the braces */
  xi_pos body_pos;
  int has_number;       /* A_NUMBER_OPT: N given */
  int has_word;         /* A_NUMBER_OPT: a word after N (digits 30 exact) */
  xiL_token word;
  xiL_token arg;        /* the number, the file, the help topic */
  int quiet;            /* ended by ';': an assignment shows nothing */
  xiP_item *items;      /* S_PRINT, S_IF, S_IMPORT, S_INDEXSET */
  uint32_t nitems;
  char *sep, *end;      /* print's sep= and end= (NULL: ' ' and '\n') */
  char *deftext;        /* S_DEF written with def: its body on one line, for vars */
} xiP_stmt;


enum { XI_NC_CHECK = 1, XI_NC_REDIRECT, XI_NC_IN /* compare L in ...: in ends L */ };
typedef struct {
  xiL_lexer lx;
  xiS_table *sym;
  xiL_token tok;
  int have_tok;
  size_t last_end; /* end of the last token taken: for source spans */
  int depth;
  int no_compare;  /* XI_NC_CHECK: check E == N, the == is the check's, not a
                      comparison; XI_NC_REDIRECT: dot E > FILE, a '>' outside
                      brackets is the command's */
  size_t last_name_off; /* the last name token looked up, and its id */
  uint32_t last_name;
  jmp_buf fail; /* a syntax error unwinds the statement being parsed */
  xi_err *err;
  int ended;    /* the statement ended with a block, which took its last newline */
  int in_def;   /* a def's body is being read: return is allowed */
  size_t stop_at; /* dot L FILE: FILE starts here, and tokens from it on read as
                     the end of the line (SIZE_MAX: nowhere) */
  int blocks;   /* Python blocks nested (limited as expressions are) */
  uint32_t index_base, index_at; /* the last x[...] after a plain name: where x and the
                                    K_INDEX are in the code (an indexed assignment's target) */
  xiL_token seed_arg; /* np.random.seed(N): N */
  size_t resync;      /* after a bracket never closed: 1 + where the next line starts */
  uint32_t resync_line;
} xiP_parser;

void xiP_init(xiP_parser *p, xiS_table *sym, const char *src, size_t len,
              uint32_t first_line);
/* the same over src[off, len), which starts at line:col: offsets stay src's */
void xiP_init_at(xiP_parser *p, xiS_table *sym, const char *src, size_t len, size_t off,
                 xi_pos at);
/* Parses the next statement into st, which starts zeroed and is reused for
   the statements after it (its code buffer is kept); xiP_stmt_done frees it.
   Returns 1 for a statement, 0 at the end of input, -1 on a syntax error
   (err says what; the parser has skipped to the next statement).  An empty
   statement is skipped. */
int xiP_next(xiP_parser *p, xiP_stmt *st, xi_err *err);
void xiP_stmt_free(xiP_stmt *st); /* all but the code buffer */
void xiP_stmt_done(xiP_stmt *st);
void xiP_code_free(xiP_code *c);
int xiP_code_copy(xiP_code *dst, const xiP_code *src);
/* ---- for the parser's own files (parse.c, expr.c) ---- */
/* What a name means to the parser, looked up once per token through the
   symbol table instead of comparing strings: a command, a derivative, a
   maker of tensors, an operation, or nothing (a name). */
enum {
  TAG_NONE, TAG_COMMAND = 0x100, TAG_DERIV = 0x200, TAG_MAKER = 0x300, TAG_OP = 0x400,
  TAG_KEYWORD = 0x500, /* a word of Python's: def for if print import ... (KW_*) */
  TAG_MODULE = 0x600,  /* np, numpy, math and the aliases import gives them (MOD_*) */
  TAG_FOREIGN = 0x700, /* an imported module xi does not have (pandas as pd) */
  TAG_BUILTIN = 0x800  /* Python's len range float int ..., and refusals (numpy.c) */
};
#define TAG_SHADOWED 0x8000 /* a def gave this built-in name a function of the user's */
#define TAG_KIND(t) ((t) & 0x7f00)
#define TAG_ARG(t) ((t) & 0xff)
enum {
  KW_DEF, KW_FOR, KW_IN, KW_IF, KW_ELIF, KW_ELSE, KW_RETURN, KW_IMPORT, KW_FROM, KW_AS,
  KW_PASS, KW_PRINT, KW_TRUE, KW_FALSE, KW_NONE, KW_NOT, KW_AND, KW_OR, KW_IS, KW_CLASS,
  KW_WHILE, KW_LAMBDA, KW_WITH, KW_TRY, KW_EXCEPT, KW_FINALLY, KW_RAISE, KW_ASSERT,
  KW_BREAK, KW_CONTINUE, KW_GLOBAL, KW_NONLOCAL, KW_YIELD, KW_ASYNC, KW_AWAIT, KW_COUNT
};
enum { MOD_NUMPY, MOD_MATH };
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
xiL_token xiP_take(xiP_parser *p);
void xiP_put_back(xiP_parser *p, const xiL_token *t); /* t, taken, is next again */
int xiP_word_is(xiP_parser *p, const xiL_token *t, const char *w);
_Noreturn void xiP_unexpected(xiP_parser *p, const char *wanted);
xiL_token xiP_expect(xiP_parser *p, xiL_type t, const char *wanted);
void xiP_emit(xiP_parser *p, xiP_code *c, xiP_ins ins);
void xiP_emit_op(xiP_parser *p, xiP_code *c, int op, xi_pos pos);
void xiP_emit_num(xiP_parser *p, xiP_code *c, const char *text, xi_pos pos);
void xiP_add_name(xiP_parser *p, xiP_stmt *st, uint32_t id, xi_pos pos); /* to st->names */
/* the op of a compound assignment (T_PLUSEQ: XI_ADD ...), or -1 for = */
int xiP_compound(xiL_type t);
uint32_t xiP_name_id(xiP_parser *p, const xiL_token *t);
uint32_t xiP_intern(xiP_parser *p, const char *s, size_t len, xi_pos pos); /* or fails */
uint16_t xiP_tag_of(xiP_parser *p, const xiL_token *t);
void xiP_expr(xiP_parser *p, xiP_code *c); /* an expression, as postfix code */
/* an expression, or several separated by commas (a tuple, as Python) */
void xiP_expr_list(xiP_parser *p, xiP_code *c);
/* the kind of a Python keyword's tag, or -1 */
static inline int xiP_keyword(uint16_t tag) {
  return TAG_KIND(tag) == TAG_KEYWORD ? TAG_ARG(tag) : -1;
}

/* ---- NumPy's spelling (numpy.c) ---- */
#define XI_KW_ARGS 16 /* keyword arguments are read among a call's first 16 */
typedef struct {
  int n, nkw;                      /* arguments, of them keywords (after the others) */
  uint32_t start[XI_KW_ARGS + 1];  /* where each starts in the code, and where they end */
  uint32_t kw[XI_KW_ARGS];         /* a keyword's name, XI_NONE for a positional one */
  xi_pos pos[XI_KW_ARGS];
  xiL_token first;                 /* the first argument's first token */
  int dtype;                       /* dtype=...: an XI_DT_*, or -1 */
} xiP_callargs;
void xiP_np_prepare(xiS_table *sym); /* the tags of keywords, modules and builtins */
/* a call's arguments, '(' taken, through ')' */
void xiP_call_args(xiP_parser *p, xiP_code *c, xiP_callargs *a, xiL_token name);
/* op with the arguments a: keyword arguments put in their parameters' places */
void xiP_emit_call_op(xiP_parser *p, xiP_code *c, int op, const xiP_callargs *a,
                      xiL_token name);
/* after a call: its values converted to dtype (an XI_DT_*; -1: nothing) */
void xiP_emit_dtype(xiP_parser *p, xiP_code *c, int dtype, xi_pos pos);
/* np.exp(...), math.pi ...: name is the module's alias, the '.' next */
void xiP_module(xiP_parser *p, xiP_code *c, xiL_token name, int module);
/* x.sum(...), x.shape ...: the '.' taken, the value on the stack */
void xiP_method(xiP_parser *p, xiP_code *c, xiL_token dot);
/* len(x), float(x), range ...: a built-in name of Python's */
void xiP_builtin(xiP_parser *p, xiP_code *c, xiL_token name, int which);
/* the ith name xi has after np. (which 0), after a value's '.' (1), or after
   math. (2); NULL past the last: for help */
const char *xiP_np_name(int which, int i);

/* ---- Python's statements (pystmt.c, pyprint.c) ---- */
/* a statement that starts with a Python keyword (def, for, if, print ...) */
void xiP_python(xiP_parser *p, xiP_stmt *st, xiL_token first, int kw);
/* a string token's text, escapes read (f-strings are not plain text: -1; pyprint.c) */
int xiP_string_text(xiP_parser *p, const xiL_token *t, char **text, size_t *len);


/* Compiles an expression in the names params (a formula of the op table)
   into code; -1 (err says why) when it is not one. */
int xiP_formula(xiS_table *sym, const char *text, xiP_code *code, xi_err *err);

#endif
