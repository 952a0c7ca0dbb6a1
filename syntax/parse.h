/* parse.h: the parser as the session sees it: statements, each with its
 * expressions compiled to postfix code (code.h).  The parser recurses only
 * on nesting, which it limits.  What its own files share is in parse_int.h. */
#ifndef XI_PARSE_H
#define XI_PARSE_H

#include <setjmp.h>

#include "ops/ops.h"
#include "syntax/code.h"
#include "syntax/commands.h"
#include "syntax/lex.h"
#include "syntax/sym.h"

#define XI_MAX_NESTING 1000
#define XI_OWN_NAMES 64 /* parameters known as names of their own (xiP_parser's own) */
#define XI_KW_OPTS 8 /* np.set_printoptions(...) takes at most this many options */
typedef enum {
  S_EXPR, S_ASSIGN, S_DEF, S_COMMAND,
  S_PRINT,    /* print(...): items */
  S_IMPORT,   /* import numpy as np: items name the modules, for the notes */
  S_FOR,      /* for name in range(code): the block at body_off */
  S_WHILE,    /* while items[0]: the block at body_off */
  S_BREAK,    /* break, continue: the loop around it stops, or goes on to its next turn */
  S_CONTINUE,
  S_IF,       /* if/elif/else: items, each a condition (or else) and its block */
  S_UNPACK,   /* names... = code (a tuple) */
  S_INDEXSET, /* name[index] op= ...: code makes the new value (K_INDEXSET) */
  S_RETURN,   /* inside a def: its value */
  S_MUTATE,   /* xs.append(v): code makes the pair (xs, the new list) */
  S_NOTHING,  /* pass, a docstring: read and done */
  S_CLASS,    /* class Name: name, its block at body_off (methods: syntax/pyclass.c) */
  S_SETATTR,  /* x.name = v, x.name op= v: code ends with K_SETATTR */
  S_AUTOGRAD, /* micrograd's and PyTorch's statements: cmd is an XI_AG_* (pytorch.c) */
  S_ASSERT,   /* assert c, msg: items[0] the condition (I_COND), then msg as print's items;
                 raise C(msg) too: the condition False, the class in has_number */
  S_SKIPPED,  /* a statement with nothing to compute, skipped with a note (cmd: XI_SKIP_*):
                 IPython's display magics (%matplotlib inline), a plotting call alone */
  S_TRY,      /* try: the block at body_off; items: each except (I_EXCEPT), else, finally
                 (I_FINALLY), with its block (syntax/pytry.c, cmd/pytry.c) */
  S_GLOBAL    /* global a, b: names (in a def's body, its assignments to them bind the
                 session's names, syntax/pydef.c; at the top, nothing) */
} xiP_stmt_kind;

/* a part of a statement that has several: print's texts and values, an if's
   branches, an import's modules, check's right side (I_VALUE) and tolerance (I_TOL) */
typedef enum { I_ARG, I_TEXT, I_VALUE, I_COND, I_ELSE, I_IMPORT, I_INDEX, I_TOL,
               I_EXCEPT, /* a try's except: len the mask of its classes (bit XI_EXC_*), name
                            the as-name (XI_NONE: none); its block as I_COND's */
               I_FINALLY } xiP_item_kind;
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
  uint32_t *names;      /* parameters (S_DEF), wrt list, del list, a class's base */
  xi_pos *name_pos;
  uint32_t nnames;
  size_t rhs_off, rhs_end; /* check: the right side's source (numbers or an expression) */
  xiL_token *claims;    /* check: the numbers claimed (a list for a tensor) */
  uint8_t *claim_neg;   /* each written with a minus */
  uint32_t nclaims;
  xi_shape claim_shape;
  xi_pos claim_pos;
  size_t body_off, body_len; /* repeat: the text between the braces; grade L: the lines
                                of claims after it */
  xi_pos body_pos;
  int has_number;       /* A_NUMBER_OPT: N given; S_ASSERT: a raise's class (XI_EXC_*) + 1 */
  int has_word;         /* A_NUMBER_OPT: a word after N (digits 30 exact) */
  xiL_token word;
  xiL_token arg;        /* the number, the file, the help topic */
  xiL_token to;         /* grade L FILE > OUT: OUT (len 0: none) */
  int quiet;            /* ended by ';': an assignment shows nothing */
  xiP_item *items;      /* S_PRINT, S_IF, S_IMPORT, S_INDEXSET */
  uint32_t nitems;
  char *sep, *end;      /* print's sep= and end= (NULL: ' ' and '\n') */
  char *deftext;        /* S_DEF written with def: its body on one line, for vars */
  uint8_t iterable;     /* S_FOR: code makes what is walked (else range's numbers), and
                           names are the targets */
  uint8_t slot[8];      /* S_FOR: for i, (x, y) in ...: each name's place among the item's */
  uint8_t nslots;       /* (how many places; 0: one for each name) */
  uint8_t pair;         /* S_INDEXSET in Python's code: code makes (x, the new x), for the
                           rules of a change in place (x may be any expression) */
} xiP_stmt;


/* Python's built-in exceptions an except names (syntax/pytry.c), each a bit of its mask */
enum {
  XI_EXC_BASE, XI_EXC_EXCEPTION, XI_EXC_ARITHMETIC, XI_EXC_ZERODIV, XI_EXC_OVERFLOW,
  XI_EXC_FLOATINGPOINT, XI_EXC_LOOKUP, XI_EXC_INDEX, XI_EXC_KEY, XI_EXC_VALUE, XI_EXC_TYPE,
  XI_EXC_NAME, XI_EXC_UNBOUND, XI_EXC_ASSERTION, XI_EXC_IMPORT, XI_EXC_NOMODULE,
  XI_EXC_RUNTIME, XI_EXC_NOTIMPL, XI_EXC_RECURSION, XI_EXC_ATTRIBUTE, XI_EXC_OS,
  XI_EXC_FILENOTFOUND, XI_EXC_STOPITERATION, XI_EXC_KEYBOARD, XI_EXC_COUNT
};
/* the class named name (len bytes), or -1 */
int xiP_exc_class(const char *name, size_t len);
const char *xiP_exc_name(int cls);
/* does an except of the classes in mask catch an error of class cls (it or a base)? */
int xiP_exc_catches(uint32_t mask, int cls);

/* S_SKIPPED's cmd: what was skipped */
enum { XI_SKIP_MAGIC, XI_SKIP_PLOT };

/* S_AUTOGRAD's cmd.  code makes x; items[0].code the right side, when there is one */
enum {
  XI_AG_BACKWARD, /* x.backward() (has_number: retain_graph=True) */
  XI_AG_GRADSET,  /* x.grad = e (e None: items[0].code empty) */
  XI_AG_ZERO,     /* x.grad.zero_() */
  XI_AG_DATA,     /* x.data op= e (assign: the operator) */
  XI_AG_NO_GRAD   /* with torch.no_grad(): the block at body_off */
};

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
  uint32_t in_class; /* a class's block is read (its name; XI_NONE: none): a def there is a
                        method, named Class.name (syntax/pyclass.c) */
  int in_method; /* a method's body is read: return may be left out (None) */
  int loops;    /* inside a loop (1): break and continue are allowed; not (0); or not
                   known (-1: a block run again, which was checked when it was read) */
  size_t stop_at; /* dot L FILE: FILE starts here, and tokens from it on read as
                     the end of the line (SIZE_MAX: nowhere) */
  int blocks;   /* Python blocks nested (limited as expressions are) */
  uint32_t index_base, index_at; /* the last x[...] after a plain name: where x and the
                                    K_INDEX are in the code (an indexed assignment's target) */
  xiL_token seed_arg; /* np.random.seed(N): N */
  uint32_t popt[XI_KW_OPTS]; /* np.set_printoptions(...)'s keywords, in order */
  xi_pos popt_pos[XI_KW_OPTS];
  uint32_t npopt;
  int python;         /* the source is Python's (a .py file, or after import): a word of
                         xi's that Python would read as a name is one (xiP_word) */
  uint32_t indent;    /* a statement that starts a line starts at this column (0: the
                         source is a block, whose lines xiP_block checked, or braces) */
  int array_lit;      /* np.array([...]): brackets inside make an array, in any mode */
  uint32_t index_end; /* where the base of the last x[...] ends in the code */
  int comp;           /* a comprehension's iterable is read (1; in is not an operator there)
                         or its condition (2): an if after either is not a conditional */
  int method;         /* a method's call is compiled (numpy.c): no XI_OPF_NP */
  int generator;      /* a call of Python's builtins is read: sum(x for x in xs) allowed
                         (1 + XI_COMP_UNTIL_FALSE for all's, 1 + XI_COMP_UNTIL_TRUE any's) */
  int gen_arg;        /* the first argument of such a call is read, from code gen_start
                         on: 1 + its generator's stop, so that sum((e for x in xs), b)
                         reads the parenthesized generator as the bare one */
  uint32_t gen_start;
  int star_shape;     /* a call whose one argument may be *t, the shape's sizes (numpy.c:
                         np.random.randn(*x.shape)); xiP_callargs' star says it was */
  int method_base;    /* the value before the last method's '.' is a plain name */
  uint32_t clip_out;  /* np.clip(x, lo, hi, out=x) read: 1 + where its code ends (numpy.c);
                         only a statement of its own, which stmt.c makes x[:] = ... */
  uint32_t clip_name; /* its x */
  xi_pos clip_pos;    /* its out= */
  size_t resync;      /* after a bracket never closed: 1 + where the next line starts */
  uint32_t resync_line;
  struct xiP_held *held; /* statements a reader holds while it goes on (a def's blocks, a
                            string's text): a syntax error frees them (xiP_next) */
  uint32_t own[XI_OWN_NAMES]; /* the parameters of the def (nown) and of the lambdas (nlam,
                                 after them) being read: in Python's code a call of one is
                                 the value's, not xi's function of that spelling (def f(x,
                                 exp=np.tanh)) */
  uint32_t nown, nlam;
} xiP_parser;

/* a statement held on the parser while more is read, linked through the C stack:
   xiP_hold it, xiP_unhold it (last held first) when done with it */
typedef struct xiP_held {
  xiP_stmt *st;
  struct xiP_held *up;
} xiP_held;
void xiP_hold(xiP_parser *p, xiP_held *h, xiP_stmt *st);
void xiP_unhold(xiP_parser *p, xiP_held *h);

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
/* Python's code bound the word id as a name of its own (on), or del let it go
   (off): from then on in Python's code it reads as that name, not as xi's
   command or function of that spelling (sum = 0; sum(x) is then a call of the
   value, as in Python).  The session says so when the binding is made. */
void xiP_named(xiS_table *sym, uint32_t id, int on);
void xiP_stmt_done(xiP_stmt *st);
/* a K_PRINT's layout (its arg's symbol, n bytes) as the print statement it
   was made from, its items' code empty (their values come from the stack);
   -1 when it is no layout, or out of memory.  xiP_stmt_done frees it. */
int xiP_print_layout(const char *s, size_t n, xiP_stmt *st);

/* What a name means to the parser, looked up once per token through the
   symbol table instead of comparing strings: a command, a derivative, a
   maker of tensors, an operation, or nothing (a name).  The session reads
   TAG_FOREIGN too, for import's notes. */
enum {
  TAG_NONE, TAG_COMMAND = 0x100, TAG_DERIV = 0x200, TAG_MAKER = 0x300, TAG_OP = 0x400,
  TAG_KEYWORD = 0x500, /* a word of Python's: def for if print import ... (KW_*) */
  TAG_MODULE = 0x600,  /* np, numpy, math and the aliases import gives them (MOD_*) */
  TAG_FOREIGN = 0x700, /* an imported module xi does not have (pandas as pd) */
  TAG_BUILTIN = 0x800  /* Python's len range float int ..., and refusals (numpy.c) */
};
#define TAG_SHADOWED 0x8000 /* a def gave this built-in name a function of the user's */
#define TAG_NAMED 0x4000    /* Python's code gave this word a value of its own (xiP_named) */
#define TAG_MATH 0x2000     /* from math import log: the word is math's function, whose
                               errors are Python's (numpy.c); xiP_tag_of leaves it out */
#define TAG_KIND(t) ((t) & 0x0f00)
#define TAG_ARG(t) ((t) & 0xff)

/* the ith name xi has after np. (which 0), after a value's '.' (1), or after
   math. (2); NULL past the last: for help */
const char *xiP_np_name(int which, int i);

/* Python's code from now on (a .py file, or after import): lists, dicts and
   strings are values, '{' opens a bracket */
static inline void xiP_set_python(xiP_parser *p, int on) {
  p->python = on;
  p->lx.braces = (uint8_t)on;
}

/* grade L at the prompt: 1 while src is a statement whose claims, on the
   lines after it, no blank line has ended yet (the prompt gathers more) */
int xiP_claims_open(const char *src, size_t len);

/* the op of a compound assignment, st->assign (T_PLUSEQ: XI_ADD, T_POWEQ: XI_POW,
   T_AMPEQ: XI_BITAND ...), or -1 for = */
int xiP_compound(xiL_type t);

/* Compiles an expression in the names params (a formula of the op table)
   into code; -1 (err says why) when it is not one. */
int xiP_formula(xiS_table *sym, const char *text, xiP_code *code, xi_err *err);

#endif
